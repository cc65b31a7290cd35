import type { BlockNode, DocModel } from '../../docmodel';
import { inlineText } from '../../docmodel';
import { markedUpDocument } from '../../suggestions';
import { Blob, isBlob } from '../blob';
import type { CallLog } from '../calls';
import { tracked } from '../calls';
import {
  GoogleJsonResponseException,
  badRequest,
  insufficientPermissions,
  notEmulated,
  notFound,
} from './errors';
import type { Faults } from '../faults';
import type { FieldMask } from './fields';
import { applyFields, parseFields, unknownFields } from './fields';
import { InvalidQuery, UnsupportedQuery, matches, parseQuery } from './query';
import { DEFAULT_FILE_FIELDS, FILE_FIELDS, fileResource } from './resource';
import { onePage } from './paging';
import { RevisionLimit, type DriveStore } from './store';
import type { FileEntry } from './types';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX } from './types';
import { DOCX_MIME, docModelFromDocx } from './import-docx';

type Schema = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;
type Args = Record<string, unknown>;

const LIST_FIELDS = ['kind', 'incompleteSearch', 'files', 'nextPageToken'];

/** Resolves a `fields` argument against the known File fields, failing as Drive does on typos. */
export function fileMask(
  method: string,
  fields: unknown,
  fallback = DEFAULT_FILE_FIELDS,
): FieldMask {
  const spec = typeof fields === 'string' && fields.trim() !== '' ? fields : fallback;
  let mask: FieldMask;
  try {
    mask = parseFields(spec);
  } catch {
    throw badRequest(method, `Invalid field selection ${spec}`);
  }
  const bad = unknownFields(mask, FILE_FIELDS);
  if (bad.length) throw badRequest(method, `Invalid field selection ${bad[0]}`);
  return mask;
}

/** Comma-separated parent ids, as `addParents`/`removeParents` take them. */
function idList(v: unknown): string[] {
  return typeof v === 'string' && v.trim() ? v.split(',').map((s) => s.trim()) : [];
}

/**
 * The entry if the current user's app reaches it under drive.file (their role and their grant),
 * otherwise Drive's 404. Items in a shared drive answer 404 unless the caller passes
 * `supportsAllDrives: true`: "Whether the requesting application supports both My Drives and
 * shared drives" (https://developers.google.com/workspace/drive/api/reference/rest/v3/files/get;
 * handle-errors#notFound: "If the file is located in a shared drive … make sure the
 * supportsAllDrives query parameter is set to true").
 */
export function reachableEntry(
  store: DriveStore,
  method: string,
  fileId: unknown,
  args: Args,
  allDrivesParameter = true,
): FileEntry {
  if (typeof fileId !== 'string' || fileId === '') throw badRequest(method, 'Required');
  const e = store.entry(fileId);
  if (!e || !store.reachableByApp(e.id)) throw notFound(method, fileId);
  if (allDrivesParameter && e.driveId && args.supportsAllDrives !== true)
    throw notFound(method, fileId);
  return e;
}

/**
 * `Drive.Files` of the Drive v3 advanced service, under the drive.file scope: only files the
 * add-on created for the current user (or the user picked) exist for it; everything else is
 * "File not found". Changes need the matching Drive role (writer to edit or add to a folder, the
 * owner or a shared drive's manager to trash).
 */
export class FilesCollection implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.FilesCollection,
  'copy' | 'create' | 'emptyTrash' | 'export' | 'get' | 'list' | 'remove' | 'update'
> {
  constructor(
    private readonly store: DriveStore,
    private readonly log: CallLog,
    private readonly faults?: Faults,
  ) {
    return tracked(this, log, 'Drive', 'Files');
  }

  create(
    resource: Schema,
    mediaData?: GoogleAppsScript.Base.Blob | null,
    optionalArgs: Args = {},
  ): never {
    const method = 'drive.files.create';
    const mask = fileMask(method, optionalArgs.fields);
    const res = (resource ?? {}) as Schema;
    if (mediaData != null && !isBlob(mediaData)) {
      throw badRequest(method, 'The mediaData parameter only supports Blob types for upload.');
    }
    const blob = mediaData != null && isBlob(mediaData) ? mediaData : null;
    const meta = blob ? blobMeta(blob) : { contentType: null, name: null };
    const mimeType = res.mimeType ?? meta.contentType ?? 'application/octet-stream';
    // Drive converts an upload created with a Google Workspace type: a .docx into a Google Doc
    // ("Import to Google Docs types", https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
    // The emulation converts a .docx into a Doc (import-docx.ts) and nothing else.
    const imports = !!blob && mimeType === DOC_MIME && meta.contentType === DOCX_MIME;
    if (blob && mimeType.startsWith(GOOGLE_MIME_PREFIX) && !imports) {
      throw notEmulated(
        `uploading ${meta.contentType ?? 'content'} as ${mimeType} (conversion on upload)`,
      );
    }
    const parents = this.reachableParents(method, res.parents, optionalArgs);
    const name = res.name ?? meta.name?.replace(/\.docx$/i, '') ?? 'Untitled';
    const content = imports
      ? docModelFromDocx((blob as Blob)._bytes(), '', name)
      : blob
        ? blob._bytes().slice()
        : undefined;
    const e = this.store.createEntry({
      name,
      mimeType,
      parents,
      description: res.description,
      appProperties: stringProps(res.appProperties),
      properties: stringProps(res.properties),
      appCreated: true,
      originalFilename: meta.name ?? undefined,
      content,
      keepForever: blob !== null && !imports && optionalArgs.keepRevisionForever === true,
    });
    if (res.starred) this.store.patch(e.id, { starred: true });
    return this.render(e, mask);
  }

  copy(resource: Schema, fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.files.copy';
    const mask = fileMask(method, optionalArgs.fields);
    const src = this.reachable(method, fileId, optionalArgs);
    if (src.mimeType === FOLDER_MIME) {
      throw new GoogleJsonResponseException(
        method,
        403,
        'This file cannot be copied by the user.',
        'cannotCopyFile',
      );
    }
    const res = (resource ?? {}) as Schema;
    const parents = res.parents?.length
      ? this.reachableParents(method, res.parents, optionalArgs)
      : src.parents.filter((p) => this.store.reachableByApp(p) && this.store.can(p, 'writer'));
    const e = this.store.copyEntry(src.id, {
      name: res.name ?? `Copy of ${src.name}`,
      parents,
      description: res.description ?? src.description,
      appProperties: { ...src.appProperties },
      properties: { ...src.properties },
      appCreated: true,
    });
    const patched = this.store.patch(e.id, {
      appProperties: nullableProps(res.appProperties),
      properties: nullableProps(res.properties),
      starred: res.starred,
    });
    return this.render(patched, mask);
  }

  update(
    resource: Schema,
    fileId: string,
    mediaData?: GoogleAppsScript.Base.Blob | null,
    optionalArgs: Args = {},
  ): never {
    const method = 'drive.files.update';
    const mask = fileMask(method, optionalArgs.fields);
    const e = this.reachable(method, fileId, optionalArgs);
    const res = (resource ?? {}) as Schema;
    if (!this.store.can(e.id, 'writer')) throw insufficientPermissions(method, e.id);
    // Only the owner trashes a My Drive file; in a shared drive, a content manager or more.
    if (res.trashed !== undefined && !this.store.can(e.id, e.driveId ? 'fileOrganizer' : 'owner'))
      throw insufficientPermissions(method, e.id);
    if (res.parents !== undefined) {
      throw new GoogleJsonResponseException(
        method,
        403,
        'The parents field is not directly writable in update requests. Use the addParents and removeParents parameters instead.',
      );
    }
    const addParents = idList(optionalArgs.addParents);
    this.reachableParents(method, addParents, optionalArgs);
    if (mediaData != null) {
      if (!isBlob(mediaData)) {
        throw badRequest(method, 'The mediaData parameter only supports Blob types for upload.');
      }
      if (e.mimeType.startsWith(GOOGLE_MIME_PREFIX)) {
        throw notEmulated(`replacing the content of ${e.mimeType} with an upload`);
      }
      // New bytes under the same id, as a new head revision: links to the file keep working.
      // keepRevisionForever: "Whether to set the 'keepForever' field in the new head revision.
      // This is only applicable to files with binary content in Google Drive. Only 200 revisions
      // for the file can be kept forever." (files.update reference)
      try {
        this.store.writeContent(
          e.id,
          mediaData._bytes().slice(),
          optionalArgs.keepRevisionForever === true,
        );
      } catch (err) {
        if (err instanceof RevisionLimit) throw badRequest(method, err.message);
        throw err;
      }
    }
    if (res.mimeType !== undefined && res.mimeType !== e.mimeType) {
      if (
        e.mimeType.startsWith(GOOGLE_MIME_PREFIX) ||
        res.mimeType.startsWith(GOOGLE_MIME_PREFIX)
      ) {
        throw notEmulated(`changing ${e.mimeType} to ${res.mimeType}`);
      }
    }
    const patched = this.store.patch(e.id, {
      name: res.name,
      mimeType: e.mimeType.startsWith(GOOGLE_MIME_PREFIX) ? undefined : res.mimeType,
      description: res.description,
      trashed: res.trashed,
      starred: res.starred,
      appProperties: nullableProps(res.appProperties),
      properties: nullableProps(res.properties),
      addParents,
      removeParents: idList(optionalArgs.removeParents),
    });
    return this.render(patched, mask);
  }

  get(fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.files.get';
    const e = this.reachable(method, fileId, optionalArgs);
    if (optionalArgs.alt === 'media') {
      if (e.mimeType.startsWith(GOOGLE_MIME_PREFIX)) {
        throw new GoogleJsonResponseException(
          method,
          403,
          'Only files with binary content can be downloaded. Use Export with Docs Editors files.',
        );
      }
      // The advanced service hands media back as a string (see @types/google-apps-script).
      return new TextDecoder().decode(this.store.readContent(e.id)) as never;
    }
    return this.render(e, fileMask(method, optionalArgs.fields));
  }

  list(optionalArgs: Args = {}): never {
    const method = 'drive.files.list';
    const spec =
      typeof optionalArgs.fields === 'string' && optionalArgs.fields.trim()
        ? optionalArgs.fields
        : `kind,incompleteSearch,nextPageToken,files(${DEFAULT_FILE_FIELDS})`;
    let mask: FieldMask;
    try {
      mask = parseFields(spec);
    } catch {
      throw badRequest(method, `Invalid field selection ${spec}`);
    }
    const badTop = unknownFields(mask, LIST_FIELDS);
    if (badTop.length) throw badRequest(method, `Invalid field selection ${badTop[0]}`);
    const filesMask = mask.get('files');
    if (filesMask && filesMask !== true) {
      const bad = unknownFields(filesMask, FILE_FIELDS);
      if (bad.length) throw badRequest(method, `Invalid field selection ${bad[0]}`);
    }

    let query = null;
    if (typeof optionalArgs.q === 'string' && optionalArgs.q.trim()) {
      try {
        query = parseQuery(optionalArgs.q);
      } catch (err) {
        if (err instanceof UnsupportedQuery) throw notEmulated(err.message);
        if (err instanceof InvalidQuery) throw badRequest(method, 'Invalid Value');
        throw err;
      }
    }
    const rootId = this.store.rootId;
    // Shared-drive items are listed only to callers that ask for them and support them.
    const allDrives =
      optionalArgs.includeItemsFromAllDrives === true && optionalArgs.supportsAllDrives === true;
    // Files in a trashed folder count as trashed (for `trashed = false` and in the answer).
    let hits = this.store
      .listAll()
      .filter(
        (f) => f.parents.length > 0 && (allDrives || !f.driveId) && this.store.reachableByApp(f.id),
      )
      .map((f) => ({ entry: f, view: { ...f, trashed: this.store.inTrash(f.id) } }));
    if (query) {
      try {
        hits = hits.filter((f) => matches(query, f.view, { rootId }));
      } catch (err) {
        if (err instanceof InvalidQuery) throw badRequest(method, 'Invalid Value');
        throw err;
      }
    }
    const order = comparator(method, optionalArgs.orderBy);
    hits.sort((a, b) => order(a.entry, b.entry));

    const page = onePage(method, 'local', hits, optionalArgs, { default: 100, max: 1000 });
    const full: Record<string, unknown> = {
      kind: 'drive#fileList',
      incompleteSearch: false,
      files: page.items.map((f) =>
        fileResource(f.entry, this.store.user, f.view.trashed, this.store.roleOf(f.entry.id)),
      ),
    };
    if (page.nextPageToken) full.nextPageToken = page.nextPageToken;
    return applyFields(full, mask) as never;
  }

  export(fileId: string, mimeType: string, optionalArgs: Args = {}): never {
    const method = 'drive.files.export';
    // files.export takes no supportsAllDrives parameter: shared-drive Docs export as any other.
    const e = reachableEntry(this.store, method, fileId, optionalArgs, false);
    if (!e.mimeType.startsWith(GOOGLE_MIME_PREFIX) || e.mimeType === FOLDER_MIME) {
      throw new GoogleJsonResponseException(
        method,
        403,
        'Export only supports Docs Editors files.',
      );
    }
    // Live Apps Script answers this unless alt=media is passed (issuetracker.google.com/468534237).
    if (optionalArgs.alt !== 'media') {
      throw new GoogleJsonResponseException(
        method,
        400,
        'Export requires alt=media to download the exported content.',
      );
    }
    if (e.mimeType !== DOC_MIME) throw notEmulated(`exporting ${e.mimeType}`);
    const model = this.store.readModel(e.id);
    if (mimeType === 'application/pdf' && this.faults?.pdfExportFails()) {
      throw new GoogleJsonResponseException(method, 500, 'Internal Error', 'internalError');
    }
    if (mimeType === 'application/pdf') {
      return new Blob(
        this.log,
        this.store.renderPdf(markedUpDocument(model)),
        'application/pdf',
        `${e.name}.pdf`,
      ) as never;
    }
    if (mimeType === 'text/plain') {
      return new Blob(
        this.log,
        new TextEncoder().encode(plainText(model)),
        'text/plain',
        `${e.name}.txt`,
      ) as never;
    }
    throw badRequest(method, 'The requested conversion is not supported.');
  }

  remove(fileId: string, optionalArgs: Args = {}): void {
    const method = 'drive.files.delete';
    const e = this.reachable(method, fileId, optionalArgs);
    if (!this.store.can(e.id, e.driveId ? 'organizer' : 'owner'))
      throw insufficientPermissions(method, e.id);
    this.store.remove(e.id);
  }

  emptyTrash(_optionalArgs: Args = {}): void {
    for (const f of this.store.listAll()) {
      if (
        f.trashed &&
        !f.driveId &&
        this.store.reachableByApp(f.id) &&
        this.store.can(f.id, 'owner') &&
        this.store.entry(f.id)
      ) {
        this.store.remove(f.id);
      }
    }
  }

  private reachable(method: string, fileId: string, args: Args): FileEntry {
    return reachableEntry(this.store, method, fileId, args);
  }

  /** Parents must be folders the app reaches and the user may add to (writer). */
  private reachableParents(
    method: string,
    parents: string[] | undefined,
    args: Args,
  ): string[] | undefined {
    if (!parents?.length) return undefined;
    if (parents.length > 1) {
      throw new GoogleJsonResponseException(
        method,
        403,
        'Increasing the number of parents is not allowed. A file can only have one parent.',
      );
    }
    return parents.map((p) => {
      const e = this.reachable(method, p, args);
      if (e.mimeType !== FOLDER_MIME) throw badRequest(method, `The parent ${p} is not a folder.`);
      if (!this.store.can(e.id, 'writer')) throw insufficientPermissions(method, e.id);
      return e.id;
    });
  }

  private render(e: FileEntry, mask: FieldMask): never {
    const fresh = this.store.entry(e.id) ?? e;
    return applyFields(
      fileResource(
        fresh,
        this.store.user,
        this.store.inTrash(fresh.id),
        this.store.roleOf(fresh.id),
      ),
      mask,
    ) as never;
  }
}

/**
 * A blob's type and name without going through its public getters, which would count as script
 * calls in the CallLog (Drive reads them server-side on Google). Falls back to the getters.
 */
function blobMeta(blob: Blob): { contentType: string | null; name: string | null } {
  const raw = blob as unknown as { contentType?: string | null; name?: string | null };
  return {
    contentType: raw.contentType !== undefined ? raw.contentType : blob.getContentType(),
    name: raw.name !== undefined ? raw.name : blob.getName(),
  };
}

function stringProps(p: Record<string, unknown> | undefined): Record<string, string> | undefined {
  if (!p) return undefined;
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(p)) if (v !== null && v !== undefined) out[k] = String(v);
  return out;
}

function nullableProps(
  p: Record<string, unknown> | undefined,
): Record<string, string | null> | undefined {
  if (!p) return undefined;
  const out: Record<string, string | null> = {};
  for (const [k, v] of Object.entries(p)) out[k] = v === null ? null : String(v);
  return out;
}

const ORDER_KEYS = [
  'createdTime',
  'folder',
  'modifiedByMeTime',
  'modifiedTime',
  'name',
  'name_natural',
  'quotaBytesUsed',
  'recency',
  'sharedWithMeTime',
  'starred',
  'viewedByMeTime',
];

/** Drive's `orderBy` ("folder,modifiedTime desc,name"); without it, most recently modified first. */
function comparator(method: string, orderBy: unknown): (a: FileEntry, b: FileEntry) => number {
  const spec = typeof orderBy === 'string' && orderBy.trim() ? orderBy : 'modifiedTime desc,name';
  const keys = spec.split(',').map((part) => {
    const [key, dir] = part.trim().split(/\s+/);
    if (!ORDER_KEYS.includes(key) || (dir !== undefined && dir !== 'desc' && dir !== 'asc')) {
      throw badRequest(method, `Invalid Value`);
    }
    return { key, desc: dir === 'desc' };
  });
  const collator = new Intl.Collator('th', { numeric: true, sensitivity: 'base' });
  return (a, b) => {
    for (const { key, desc } of keys) {
      let c: number;
      if (key === 'folder') {
        c = Number(b.mimeType === FOLDER_MIME) - Number(a.mimeType === FOLDER_MIME);
      } else if (key === 'name' || key === 'name_natural') {
        c = collator.compare(a.name, b.name);
      } else if (key === 'createdTime') {
        c = a.createdTime.localeCompare(b.createdTime);
      } else if (key === 'starred') {
        c = Number(b.starred) - Number(a.starred);
      } else if (key === 'quotaBytesUsed') {
        c = (a.size ?? 0) - (b.size ?? 0);
      } else {
        c = a.modifiedTime.localeCompare(b.modifiedTime);
      }
      if (c !== 0) return desc ? -c : c;
    }
    return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
  };
}

/** Plain-text export: paragraphs on their own lines, table cells separated by tabs. */
function plainText(model: DocModel): string {
  return model.body.map(blockText).join('\n');
}

function blockText(b: BlockNode): string {
  if (b.type === 'sectionBreak') return '';
  if (b.type !== 'table') return inlineText(b.children);
  return b.rows
    .map((r) => r.cells.map((c) => c.children.map(blockText).join(' ')).join('\t'))
    .join('\n');
}
