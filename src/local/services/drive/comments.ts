import { anchoredText } from '../../comment-anchors';
import type { DocModel } from '../../docmodel';
import type { CallLog } from '../calls';
import { tracked } from '../calls';
import { GoogleJsonResponseException, badRequest } from './errors';
import { onePage } from './paging';
import { reachableEntry } from './files';
import type { FieldMask } from './fields';
import { applyFields, parseFields } from './fields';
import type { DriveStore } from './store';
import { DOC_MIME, type CommentEntry, type FileEntry, type ReplyEntry } from './types';

type Args = Record<string, unknown>;

const FIELDS_REQUIRED = "The 'fields' parameter is required for this method.";

function requiredMask(method: string, fields: unknown): FieldMask {
  // Drive v3 refuses comment calls without `fields` (unlike files, which have a default).
  if (typeof fields !== 'string' || fields.trim() === '') throw badRequest(method, FIELDS_REQUIRED);
  try {
    return parseFields(fields);
  } catch {
    throw badRequest(method, `Invalid field selection ${fields}`);
  }
}

/** A comment's author as Drive reports it to `me`: `me` is true on the caller's own comments. */
function author(a: CommentEntry['author'], me: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#user',
    displayName: a.displayName,
    me: a.me ?? (a.emailAddress ?? '').toLowerCase() === me,
  };
  if (a.emailAddress !== undefined) out.emailAddress = a.emailAddress;
  if (a.photoLink !== undefined) out.photoLink = a.photoLink;
  return out;
}

function replyResource(r: ReplyEntry, me: string): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#reply',
    id: r.id,
    createdTime: r.createdTime,
    modifiedTime: r.modifiedTime ?? r.createdTime,
    author: author(r.author, me),
    deleted: r.deleted ?? false,
    content: r.content,
    htmlContent: r.htmlContent ?? escapeHtml(r.content),
  };
  if (r.action !== undefined) out.action = r.action;
  return out;
}

/**
 * The text a Doc comment quotes now: its anchored range's current text, which moves and changes
 * with edits (comment-anchors.ts); an orphaned comment keeps what it quoted when made.
 * ASSUMPTION (unverified): the Drive reference does not say whether quotedFileContent follows an
 * edit of the text under the comment or keeps the original quote; the sidebar points a comment at
 * a sheet cell by this text. docs/google-acceptance.md (step 26) checks it on Google.
 */
function quoted(c: CommentEntry, model: () => DocModel | null): CommentEntry['quotedFileContent'] {
  if (!c.quotedFileContent) return undefined;
  const m = c.anchor?.startsWith('kix.') ? model() : null;
  const now = m && c.anchor ? anchoredText(m, c.anchor) : null;
  return now === null ? { ...c.quotedFileContent } : { ...c.quotedFileContent, value: now };
}

function commentResource(
  c: CommentEntry,
  includeDeleted: boolean,
  me: string,
  model: () => DocModel | null = () => null,
): Record<string, unknown> {
  const out: Record<string, unknown> = {
    kind: 'drive#comment',
    id: c.id,
    createdTime: c.createdTime,
    modifiedTime: c.modifiedTime ?? c.createdTime,
    author: author(c.author, me),
    deleted: c.deleted ?? false,
    resolved: c.resolved ?? false,
    content: c.content,
    htmlContent: c.htmlContent ?? escapeHtml(c.content),
    replies: (c.replies ?? [])
      .filter((r) => includeDeleted || !r.deleted)
      .map((r) => replyResource(r, me)),
  };
  const quote = quoted(c, model);
  if (quote) out.quotedFileContent = quote;
  if (c.anchor !== undefined) out.anchor = c.anchor;
  return out;
}

function escapeHtml(s: string): string {
  return s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/\n/g, '<br>');
}

/**
 * `Drive.Comments`: read from the sidecar `.drive/comments/<fileId>.json`, which tests (or a
 * person simulating the supervisors) write. See docs/local-docs-drive.md for the format.
 */
export class CommentsCollection implements Pick<
  GoogleAppsScript.Drive_v3.Drive.V3.Collection.CommentsCollection,
  'get' | 'list'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
  ) {
    return tracked(this, log, 'Drive', 'Comments');
  }

  list(fileId: string, optionalArgs: Args = {}): never {
    const method = 'drive.comments.list';
    const mask = requiredMask(method, optionalArgs.fields);
    const entry = this.reachable(method, fileId);
    const includeDeleted = optionalArgs.includeDeleted === true;
    const since =
      typeof optionalArgs.startModifiedTime === 'string'
        ? Date.parse(optionalArgs.startModifiedTime)
        : NaN;
    const all = this.store
      .readComments(fileId)
      .filter((c) => includeDeleted || !c.deleted)
      .filter((c) => Number.isNaN(since) || Date.parse(c.modifiedTime ?? c.createdTime) >= since);
    const page = onePage(method, 'comments', all, optionalArgs, { default: 20, max: 100 });
    const model = this.modelOf(entry);
    const full: Record<string, unknown> = {
      kind: 'drive#commentList',
      comments: page.items.map((c) => commentResource(c, includeDeleted, this.store.user, model)),
    };
    if (page.nextPageToken) full.nextPageToken = page.nextPageToken;
    return applyFields(full, mask) as never;
  }

  get(fileId: string, commentId: string, optionalArgs: Args = {}): never {
    const method = 'drive.comments.get';
    const mask = requiredMask(method, optionalArgs.fields);
    const entry = this.reachable(method, fileId);
    const c = this.store.readComments(fileId).find((x) => x.id === commentId);
    if (!c || (c.deleted && optionalArgs.includeDeleted !== true)) {
      throw new GoogleJsonResponseException(method, 404, `Comment not found: ${commentId}.`);
    }
    return applyFields(
      commentResource(
        c,
        optionalArgs.includeDeleted === true,
        this.store.user,
        this.modelOf(entry),
      ),
      mask,
    ) as never;
  }

  /** The Doc's saved model, read once per call and only when a comment needs it. */
  private modelOf(e: FileEntry): () => DocModel | null {
    let model: DocModel | null | undefined;
    return () => {
      if (model === undefined) model = e.mimeType === DOC_MIME ? this.store.readModel(e.id) : null;
      return model;
    };
  }

  /** comments.list/get take no supportsAllDrives parameter (Drive v3 reference): any drive. */
  private reachable(method: string, fileId: string): FileEntry {
    return reachableEntry(this.store, method, fileId, {}, false);
  }
}
