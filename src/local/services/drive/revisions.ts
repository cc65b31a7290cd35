/**
 * `Drive.Revisions` of the Drive v3 advanced service, for files with binary content (a PDF): each
 * upload through Files.update with media is a new head revision, older ones are kept as Drive
 * keeps them (store.ts: kept forever, or purged after 30 days or past 100).
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/revisions and
 * https://developers.google.com/workspace/drive/api/guides/manage-revisions ("To access the
 * revision history, a user must have the role of owner, organizer, fileOrganizer, or writer";
 * "the revisions.list method only returns the id, mimeType, kind, and modifiedTime fields").
 * A Google Doc's own history is not emulated.
 */
import type { CallLog } from '../calls';
import { tracked } from '../calls';
import {
  GoogleJsonResponseException,
  badRequest,
  insufficientPermissions,
  notEmulated,
} from './errors';
import { reachableEntry } from './files';
import type { FieldMask } from './fields';
import { applyFields, parseFields, unknownFields } from './fields';
import { DEFAULT_REVISION_FIELDS, REVISION_FIELDS, revisionResource } from './resource';
import { onePage } from './paging';
import type { DriveStore } from './store';
import { GOOGLE_MIME_PREFIX, type FileEntry } from './types';

type Args = Record<string, unknown>;

function revisionMask(method: string, fields: unknown, listed: boolean): FieldMask {
  const spec =
    typeof fields === 'string' && fields.trim()
      ? fields
      : listed
        ? `kind,nextPageToken,revisions(${DEFAULT_REVISION_FIELDS})`
        : DEFAULT_REVISION_FIELDS;
  let mask: FieldMask;
  try {
    mask = parseFields(spec);
  } catch {
    throw badRequest(method, `Invalid field selection ${spec}`);
  }
  const item = listed ? mask.get('revisions') : mask;
  const top = listed ? unknownFields(mask, ['kind', 'nextPageToken', 'revisions']) : [];
  const bad = [...top, ...(item && item !== true ? unknownFields(item, REVISION_FIELDS) : [])];
  if (bad.length) throw badRequest(method, `Invalid field selection ${bad[0]}`);
  return mask;
}

export class RevisionsCollection implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.RevisionsCollection,
  'get' | 'list'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
  ) {
    return tracked(this, log, 'Drive', 'Revisions');
  }

  list(fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.revisions.list';
    const mask = revisionMask(method, optionalArgs.fields, true);
    const e = this.history(method, fileId);
    const page = onePage(method, 'revisions', this.store.revisions(e.id), optionalArgs, {
      default: 200,
      max: 1000,
    });
    const full: Record<string, unknown> = {
      kind: 'drive#revisionList',
      revisions: page.items.map((r) => revisionResource(r, this.store.user)),
    };
    if (page.nextPageToken) full.nextPageToken = page.nextPageToken;
    return applyFields(full, mask) as never;
  }

  get(fileId: string, revisionId: string, optionalArgs: Args = {}): never {
    const method = 'drive.revisions.get';
    const e = this.history(method, fileId);
    const id = revisionId === 'head' ? this.store.revisions(e.id).at(-1)?.id : revisionId;
    const r = this.store.revisions(e.id).find((x) => x.id === id);
    if (!r)
      throw new GoogleJsonResponseException(
        method,
        404,
        `Revision not found: ${revisionId}.`,
        'notFound',
      );
    if (optionalArgs.alt === 'media') {
      // The advanced service hands media back as a string (see @types/google-apps-script).
      return new TextDecoder().decode(this.store.readRevision(e.id, r.id)) as never;
    }
    return applyFields(
      revisionResource(r, this.store.user),
      revisionMask(method, optionalArgs.fields, false),
    ) as never;
  }

  /** Revisions take no supportsAllDrives parameter; the history needs the writer role. */
  private history(method: string, fileId: string): FileEntry {
    const e = reachableEntry(this.store, method, fileId, {}, false);
    if (e.mimeType.startsWith(GOOGLE_MIME_PREFIX)) throw notEmulated(`revisions of ${e.mimeType}`);
    if (!this.store.can(e.id, 'writer')) throw insufficientPermissions(method, e.id);
    return e;
  }
}
