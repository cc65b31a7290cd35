import { createHash } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { dirname, join } from 'node:path';
import { anchoredText, markText, stripAnchors } from '../../comment-anchors';
import { addSuggestion, suggestedDocument } from '../../suggestions';
import type { DocModel } from '../../docmodel';
import { emptyDocModel } from '../../docmodel';
import { appGranted, atLeast, roleOf } from './access';
import {
  newAnchorId,
  newFileId,
  newPermissionId,
  newRevisionId,
  newRootId,
  newSuggestionId,
} from './ids';
import { diskName, safeComponent, uniquePath } from './layout';
import type {
  CommentEntry,
  DriveUser,
  FileEntry,
  IndexFile,
  PermissionEntry,
  ReplyEntry,
  RevisionEntry,
  Role,
} from './types';
import { DOC_MIME, FOLDER_MIME } from './types';

export interface DriveStoreOptions {
  /**
   * The signed-in user's e-mail, or a function giving the user of the current execution (the
   * runtime runs entry points as different users): owner of the files the store creates, whose
   * My Drive `root` is and whose drive.file grant counts.
   */
  user: string | (() => string);
  /** The clock for createdTime/modifiedTime, injectable for tests. */
  now: () => Date;
}

/** A document opened through DocumentApp whose unsaved edits Google would save at the end of the run. */
export interface OpenDocument {
  flush(): void;
}

export interface NewEntry {
  name: string;
  mimeType: string;
  parents?: string[];
  description?: string;
  appProperties?: Record<string, string>;
  properties?: Record<string, string>;
  appCreated: boolean;
  /** Picked in Google Picker by the current user (the app may reach it without having made it). */
  picked?: boolean;
  originalFilename?: string;
  /** Bytes for uploaded files, a model for Google Docs; folders have none. */
  content?: Uint8Array | DocModel;
  /** The first revision of uploaded content is kept forever (Files.create `keepRevisionForever`). */
  keepForever?: boolean;
}

/**
 * Drive's purge rules for blob revisions (https://developers.google.com/workspace/drive/api/guides/manage-revisions):
 * "Up to 200 revisions can be set to Keep Forever"; "The head revision is never auto-purged";
 * other revisions "are typically preserved for 30 days, but can be purged earlier if a file has
 * 100 revisions that aren't designated as Keep Forever and a new revision is uploaded".
 */
export const MAX_KEPT_REVISIONS = 200;
export const MAX_PURGEABLE_REVISIONS = 100;
export const PURGE_AFTER_MS = 30 * 24 * 3600 * 1000;

const META_DIR = '.drive';
const INDEX = `${META_DIR}/index.json`;
const COMMENTS_DIR = `${META_DIR}/comments`;
const REVISIONS_DIR = `${META_DIR}/revisions`;
const TRASH_DIR = `${META_DIR}/trash`;
/** Other users' My Drives and the shared drives live out of the way of the first user's files. */
const MY_DRIVES_DIR = `${META_DIR}/my-drives`;
const SHARED_DRIVES_DIR = `${META_DIR}/shared-drives`;

/**
 * A local folder acting as Google Drive for an office: the first user's My Drive is the folder
 * itself, with real files and readable names in real sub-directories (so a person can browse
 * them); other users' My Drives and shared drives live under `.drive/`. `.drive/index.json` holds
 * the metadata Drive keeps and is the truth for ids, names, parents, permissions and the app's
 * per-user drive.file grants. Google Docs are stored as the DocModel JSON (`<name>.gdoc.json`),
 * comments in a sidecar per file (`.drive/comments/<id>.json`).
 *
 * The store knows roles and grants (drive/access.ts) but not OAuth scopes: the Drive service
 * enforces `drive.file`, DocumentApp the `documents` scope. Several stores (or processes) may
 * share a folder: the index is re-read whenever it changed on disk.
 */
export class DriveStore {
  readonly dir: string;
  private readonly currentUser: () => string;
  private readonly now: () => Date;
  private index!: IndexFile;
  private indexStamp = '';
  private pdfRenderer: ((model: DocModel) => Uint8Array) | null = null;
  private readonly openDocuments = new Set<OpenDocument>();

  constructor(dir: string, options: DriveStoreOptions) {
    this.dir = dir;
    const user = options.user;
    this.currentUser = typeof user === 'function' ? user : () => user;
    this.now = options.now;
    mkdirSync(join(dir, META_DIR), { recursive: true });
    if (existsSync(join(dir, INDEX))) {
      this.reload();
    } else {
      const rootId = newRootId();
      this.index = {
        format: 'ita-memo-local-drive',
        version: 2,
        rootId,
        roots: { [this.user]: rootId },
        files: { [rootId]: this.rootEntry(rootId, 'My Drive', '') },
      };
      this.save();
    }
  }

  /** The user the store acts for now (lower case). */
  get user(): string {
    return this.currentUser().toLowerCase();
  }

  /** The current user's My Drive. */
  get rootId(): string {
    return this.rootFor(this.user);
  }

  /** A user's My Drive root, made the first time the user touches the store. */
  rootFor(email: string): string {
    this.sync();
    const who = email.toLowerCase();
    const roots = (this.index.roots ??= {});
    const known = roots[who];
    if (known && this.index.files[known]) return known;
    const id = newRootId();
    const path = `${MY_DRIVES_DIR}/${safeComponent(who)}`;
    this.index.files[id] = this.rootEntry(id, 'My Drive', path, who);
    roots[who] = id;
    mkdirSync(join(this.dir, path), { recursive: true });
    this.save();
    return id;
  }

  /**
   * A shared drive with its members (e-mail → role: organizer, fileOrganizer, writer, commenter,
   * reader). Files created in it belong to the drive, not to a user.
   */
  addSharedDrive(name: string, members: Record<string, Role>): string {
    this.sync();
    const id = newRootId();
    const path = `${SHARED_DRIVES_DIR}/${safeComponent(`${name} ${id.slice(2, 8)}`)}`;
    const e = this.rootEntry(id, name, path);
    e.owners = [];
    e.sharedDrive = true;
    e.driveId = id;
    e.permissions = Object.entries(members).map(([email, role]) => ({
      id: newPermissionId(),
      type: 'user' as const,
      role,
      emailAddress: email.toLowerCase(),
      displayName: email.split('@')[0],
    }));
    this.index.files[id] = e;
    mkdirSync(join(this.dir, path), { recursive: true });
    this.save();
    return id;
  }

  // ---- Lookups -------------------------------------------------------------------------

  /** Drive accepts the alias 'root' for the current user's My Drive. */
  resolveId(id: string): string {
    this.sync();
    return id === 'root' ? this.rootId : id;
  }

  /** The live entry (callers in the emulated services mutate only through store methods). */
  entry(id: string): FileEntry | undefined {
    this.sync();
    return this.index.files[this.resolveId(id)];
  }

  /** A copy of a file's metadata, for tests and the CLI. */
  fileInfo(id: string): FileEntry {
    const e = this.entry(id);
    if (!e) throw new Error(`Local Drive: no file with id ${id}.`);
    return structuredClone(e);
  }

  /** Every file, folder and Doc, including the root and trashed ones. */
  listAll(): FileEntry[] {
    this.sync();
    return Object.values(this.index.files).map((e) => structuredClone(e));
  }

  /** The strongest Drive role `email` (default: the current user) holds on the file, or null. */
  roleOf(id: string, email = this.user): Role | null {
    const e = this.entry(id);
    return e ? roleOf(this.index.files, e.id, email) : null;
  }

  /**
   * Whether the app, holding only the drive.file scope and running for the current user, can see
   * this file: the user can see it in Drive, and the app created it for them or they picked it.
   */
  reachableByApp(id: string): boolean {
    const e = this.entry(id);
    if (!e) return false;
    if (e.id === this.rootId) return true;
    return atLeast(this.roleOf(e.id), 'reader') && appGranted(e, this.user);
  }

  /** Whether the current user holds at least `role` on the file. */
  can(id: string, role: Role): boolean {
    return atLeast(this.roleOf(id), role);
  }

  /** The shared drive holding this entry, if any. */
  sharedDriveOf(id: string): string | undefined {
    return this.entry(id)?.driveId;
  }

  /** Trashed itself or inside a trashed folder. */
  inTrash(id: string): boolean {
    const seen = new Set<string>();
    for (let e = this.entry(id); e && !seen.has(e.id); e = this.index.files[e.parents[0] ?? '']) {
      if (e.trashed) return true;
      seen.add(e.id);
    }
    return false;
  }

  /** Absolute path of a file's content on disk (a directory for folders), or null. */
  contentPath(id: string): string | null {
    const e = this.entry(id);
    if (!e || e.contentPath === null) return null;
    return join(this.dir, e.contentPath);
  }

  // ---- Test and CLI helpers (not part of any Apps Script API) --------------------------

  /** A file a person put in Drive themselves: invisible to the add-on until picked. */
  addUserFile(init: {
    name: string;
    mimeType: string;
    content?: Uint8Array | string;
    parents?: string[];
    appCreated?: boolean;
  }): string {
    const content =
      typeof init.content === 'string' ? new TextEncoder().encode(init.content) : init.content;
    return this.createEntry({
      name: init.name,
      mimeType: init.mimeType,
      parents: init.parents,
      appCreated: init.appCreated ?? false,
      content: init.mimeType === FOLDER_MIME ? undefined : (content ?? new Uint8Array()),
    }).id;
  }

  /** A Google Doc a person made (e.g. an office's own memo template). */
  addUserDoc(model: DocModel, name: string, parents?: string[], appCreated = false): string {
    return this.createEntry({ name, mimeType: DOC_MIME, parents, appCreated, content: model }).id;
  }

  addUserFolder(name: string, parents?: string[], appCreated = false): string {
    return this.createEntry({ name, mimeType: FOLDER_MIME, parents, appCreated }).id;
  }

  /**
   * Simulates `user` (default: the current one) choosing this file in Google Picker: the app's
   * drive.file grant for that user now covers it. Only the picked item: a folder's contents are
   * not granted with it.
   */
  grantAccess(id: string, user = this.user): void {
    const who = user.toLowerCase();
    this.mutate(id, (e) => {
      if (!e.appAccess.includes(who)) e.appAccess.push(who);
    });
  }

  // ---- Content -------------------------------------------------------------------------

  readContent(id: string): Uint8Array {
    const e = this.mustGet(id);
    if (e.mimeType === FOLDER_MIME) throw new Error(`Local Drive: ${id} is a folder.`);
    if (e.contentPath === null) return new Uint8Array();
    return new Uint8Array(readFileSync(join(this.dir, e.contentPath)));
  }

  /** New content under the same id: a new head revision (kept forever when asked). */
  writeContent(id: string, data: Uint8Array, keepForever = false): void {
    const e = this.mustGet(id);
    if (e.mimeType === FOLDER_MIME || e.mimeType === DOC_MIME) {
      throw new Error(`Local Drive: cannot write bytes into ${e.mimeType}.`);
    }
    this.checkKeptRevisions(e, keepForever);
    this.mutate(id, (entry) => {
      this.writeBytes(entry, data);
      this.touch(entry);
      this.addRevision(entry, data, keepForever);
    });
  }

  // ---- Revisions of files with binary content -----------------------------------------

  /** The file's revisions, oldest first (purgeable ones past 30 days are gone). */
  revisions(id: string): RevisionEntry[] {
    const e = this.mustGet(id);
    if (this.purgeOld(e)) this.save();
    return structuredClone(e.revisions ?? []);
  }

  /** The bytes of one revision. */
  readRevision(id: string, revisionId: string): Uint8Array {
    const e = this.mustGet(id);
    if (!(e.revisions ?? []).some((r) => r.id === revisionId))
      throw new Error(`Local Drive: ${id} has no revision ${revisionId}.`);
    return new Uint8Array(readFileSync(join(this.dir, REVISIONS_DIR, e.id, revisionId)));
  }

  /** Drive refuses a 201st revision kept forever (Files.update: "Only 200 revisions for the file can be kept forever."). */
  private checkKeptRevisions(e: FileEntry, keepForever: boolean): void {
    const kept = (e.revisions ?? []).filter((r) => r.keepForever).length;
    if (keepForever && kept >= MAX_KEPT_REVISIONS)
      throw new RevisionLimit(
        `Only ${MAX_KEPT_REVISIONS} revisions for the file can be kept forever. If the limit is reached, try deleting pinned revisions.`,
      );
  }

  private addRevision(e: FileEntry, data: Uint8Array, keepForever: boolean): void {
    const revision: RevisionEntry = {
      id: newRevisionId(),
      mimeType: e.mimeType,
      modifiedTime: e.modifiedTime,
      keepForever,
      size: data.length,
      md5Checksum: createHash('md5').update(data).digest('hex'),
      lastModifyingUser: this.owner(),
    };
    if (e.originalFilename !== undefined) revision.originalFilename = e.originalFilename;
    mkdirSync(join(this.dir, REVISIONS_DIR, e.id), { recursive: true });
    writeFileSync(join(this.dir, REVISIONS_DIR, e.id, revision.id), data);
    const list = (e.revisions ??= []);
    list.push(revision);
    // A new upload purges the oldest purgeable revisions beyond 100 (the head is never purged).
    const purgeable = list.filter((r, i) => !r.keepForever && i < list.length - 1);
    for (const r of purgeable.slice(0, Math.max(0, purgeable.length - MAX_PURGEABLE_REVISIONS)))
      this.dropRevision(e, r.id);
    this.purgeOld(e);
  }

  /** Purgeable revisions older than 30 days go; true when any went. */
  private purgeOld(e: FileEntry): boolean {
    const list = e.revisions ?? [];
    const now = this.now().getTime();
    const old = list.filter(
      (r, i) =>
        !r.keepForever && i < list.length - 1 && now - Date.parse(r.modifiedTime) > PURGE_AFTER_MS,
    );
    for (const r of old) this.dropRevision(e, r.id);
    return old.length > 0;
  }

  private dropRevision(e: FileEntry, revisionId: string): void {
    e.revisions = (e.revisions ?? []).filter((r) => r.id !== revisionId);
    rmSync(join(this.dir, REVISIONS_DIR, e.id, revisionId), { force: true });
  }

  /** The saved model of a Google Doc (a fresh copy each time). */
  readModel(id: string): DocModel {
    const e = this.mustGet(id);
    if (e.mimeType !== DOC_MIME) throw new Error(`Local Drive: ${id} is not a Google Doc.`);
    const model = JSON.parse(readFileSync(join(this.dir, e.contentPath ?? ''), 'utf8')) as DocModel;
    model.id = e.id;
    model.title = e.name;
    return model;
  }

  writeModel(id: string, model: DocModel): void {
    this.mutate(id, (e) => {
      if (e.mimeType !== DOC_MIME) throw new Error(`Local Drive: ${id} is not a Google Doc.`);
      this.writeDoc(e, model);
      this.touch(e);
    });
  }

  // ---- Entries -------------------------------------------------------------------------

  createEntry(init: NewEntry): FileEntry {
    this.sync();
    const isDoc = init.mimeType === DOC_MIME;
    const time = this.timestamp();
    const parents = (init.parents?.length ? init.parents : [this.rootId]).map((p) =>
      this.resolveId(p),
    );
    for (const p of parents) {
      const parent = this.index.files[p];
      if (!parent || parent.mimeType !== FOLDER_MIME) {
        throw new Error(`Local Drive: parent ${p} is not a folder.`);
      }
    }
    // In a shared drive the drive owns what is created; in My Drive (anyone's) the creator does.
    const driveId = this.index.files[parents[0]]?.driveId;
    const e: FileEntry = {
      id: newFileId(isDoc),
      name: init.name,
      mimeType: init.mimeType,
      parents,
      trashed: false,
      starred: false,
      createdTime: time,
      modifiedTime: time,
      owners: driveId ? [] : [this.owner()],
      appProperties: { ...init.appProperties },
      properties: { ...init.properties },
      permissions: driveId ? [] : [this.ownerPermission()],
      appCreated: init.appCreated,
      appAccess: init.appCreated || init.picked ? [this.user] : [],
      contentPath: null,
      version: 1,
    };
    if (driveId) e.driveId = driveId;
    if (init.description !== undefined) e.description = init.description;
    if (init.originalFilename !== undefined) e.originalFilename = init.originalFilename;
    this.index.files[e.id] = e;
    this.place(e);
    if (e.mimeType === FOLDER_MIME) {
      mkdirSync(join(this.dir, e.contentPath ?? ''), { recursive: true });
    } else if (isDoc) {
      const model =
        init.content && !(init.content instanceof Uint8Array)
          ? structuredClone(init.content)
          : emptyDocModel(e.id, e.name);
      this.writeDoc(e, model);
    } else if (init.content instanceof Uint8Array) {
      this.checkKeptRevisions(e, init.keepForever ?? false);
      this.writeBytes(e, init.content);
      this.addRevision(e, init.content, init.keepForever ?? false);
    } else if (!e.mimeType.startsWith('application/vnd.google-apps.')) {
      this.writeBytes(e, new Uint8Array());
    } else {
      // Sheets, Slides…: metadata only here; a placeholder keeps the folder browsable.
      const note = {
        id: e.id,
        mimeType: e.mimeType,
        note: 'Content not emulated by the local Drive.',
      };
      writeFileSync(join(this.dir, e.contentPath ?? ''), JSON.stringify(note, null, 1) + '\n');
    }
    this.save();
    return e;
  }

  /** A copy with a new id; Google Docs copy their model. Comments, sharing and revisions are not copied. */
  copyEntry(id: string, init: Omit<NewEntry, 'content' | 'mimeType'>): FileEntry {
    const src = this.mustGet(id);
    if (src.mimeType === FOLDER_MIME) throw new Error('Local Drive: folders cannot be copied.');
    const content =
      src.mimeType === DOC_MIME
        ? stripAnchors(this.readModel(src.id))
        : src.contentPath !== null
          ? this.readContent(src.id)
          : undefined;
    return this.createEntry({ ...init, mimeType: src.mimeType, content });
  }

  /** Metadata changes with Drive's patch semantics; renames and moves follow on disk. */
  patch(
    id: string,
    change: {
      name?: string;
      mimeType?: string;
      description?: string;
      trashed?: boolean;
      starred?: boolean;
      appProperties?: Record<string, string | null>;
      properties?: Record<string, string | null>;
      addParents?: string[];
      removeParents?: string[];
    },
  ): FileEntry {
    return this.mutate(id, (e) => {
      if (change.name !== undefined) e.name = change.name;
      if (change.mimeType !== undefined) e.mimeType = change.mimeType;
      if (change.description !== undefined) e.description = change.description;
      if (change.starred !== undefined) e.starred = change.starred;
      if (change.trashed !== undefined) e.trashed = change.trashed;
      mergeProps(e.appProperties, change.appProperties);
      mergeProps(e.properties, change.properties);
      if (change.addParents?.length || change.removeParents?.length) {
        const remove = new Set((change.removeParents ?? []).map((p) => this.resolveId(p)));
        const next = e.parents.filter((p) => !remove.has(p));
        for (const p of change.addParents ?? []) {
          const pid = this.resolveId(p);
          const parent = this.index.files[pid];
          if (!parent || parent.mimeType !== FOLDER_MIME) {
            throw new Error(`Local Drive: parent ${p} is not a folder.`);
          }
          if (pid === e.id || this.isAncestor(e.id, pid)) {
            throw new Error('Local Drive: a folder cannot be moved into itself.');
          }
          if (!next.includes(pid)) next.push(pid);
        }
        e.parents = next;
      }
      this.touch(e);
      this.place(e);
    });
  }

  /** Permanent deletion (Drive's files.delete), folders with their contents. */
  remove(id: string): void {
    const e = this.mustGet(id);
    if (e.parents.length === 0) throw new Error('Local Drive: a root cannot be deleted.');
    const doomed = [e.id, ...this.descendants(e.id)];
    for (const d of doomed) {
      const path = this.index.files[d].contentPath;
      if (!path) continue;
      // A trashed file sits alone in .drive/trash/<id>/: remove that directory too.
      const target = path.startsWith(`${TRASH_DIR}/`) ? dirname(path) : path;
      rmSync(join(this.dir, target), { recursive: true, force: true });
    }
    for (const d of doomed) {
      delete this.index.files[d];
      rmSync(join(this.dir, COMMENTS_DIR, `${d}.json`), { force: true });
      rmSync(join(this.dir, REVISIONS_DIR, d), { recursive: true, force: true });
    }
    this.save();
  }

  addPermission(id: string, perm: Omit<PermissionEntry, 'id'>): PermissionEntry {
    let created: PermissionEntry | undefined;
    this.mutate(id, (e) => {
      const existing = e.permissions.find(
        (p) =>
          p.type === perm.type &&
          (p.emailAddress ?? '').toLowerCase() === (perm.emailAddress ?? '').toLowerCase() &&
          (p.domain ?? '') === (perm.domain ?? ''),
      );
      // Sharing again with the same grantee changes the role, as Drive does.
      if (existing && existing.role !== 'owner') {
        Object.assign(existing, perm);
        created = existing;
      } else {
        created = {
          id:
            perm.type === 'anyone'
              ? perm.allowFileDiscovery
                ? 'anyone'
                : 'anyoneWithLink'
              : newPermissionId(),
          ...perm,
        };
        e.permissions.push(created);
      }
    });
    return structuredClone(created as PermissionEntry);
  }

  removePermission(id: string, permissionId: string): boolean {
    let found = false;
    this.mutate(id, (e) => {
      const i = e.permissions.findIndex((p) => p.id === permissionId);
      if (i >= 0 && e.permissions[i].role !== 'owner') {
        e.permissions.splice(i, 1);
        found = true;
      }
    });
    return found;
  }

  // ---- Comments (written by tests or a person to simulate supervisors) ----------------

  readComments(id: string): CommentEntry[] {
    const path = join(this.dir, COMMENTS_DIR, `${this.resolveId(id)}.json`);
    if (!existsSync(path)) return [];
    const data = JSON.parse(readFileSync(path, 'utf8')) as
      CommentEntry[] | { comments?: CommentEntry[] };
    return Array.isArray(data) ? data : (data.comments ?? []);
  }

  /**
   * A comment `author` (an e-mail) makes on a file, as a reviewer does in the Docs editor: the
   * author needs the commenter role. With `quoted`, the comment is anchored to that text (its
   * `occurrence`-th appearance within one paragraph of the body; comment-anchors.ts): the text
   * carries the comment's `kix.` anchor from then on and moves with every edit.
   */
  addComment(
    id: string,
    author: string,
    content: string,
    options: { quoted?: string; occurrence?: number; resolved?: boolean } = {},
  ): CommentEntry {
    const who = author.toLowerCase();
    this.mayComment(id, who);
    const time = this.timestamp();
    const comment: CommentEntry = {
      id: `AAAA${newPermissionId().slice(0, 12)}`,
      content,
      resolved: options.resolved ?? false,
      deleted: false,
      author: { displayName: who.split('@')[0], emailAddress: who },
      createdTime: time,
      modifiedTime: time,
      replies: [],
    };
    if (options.quoted !== undefined) {
      comment.quotedFileContent = { mimeType: 'text/html', value: options.quoted };
      const e = this.mustGet(id);
      if (e.mimeType === DOC_MIME) {
        const anchor = newAnchorId();
        const model = this.readModel(e.id);
        if (!markText(model, anchor, options.quoted, options.occurrence ?? 1))
          throw new Error(`Local Drive: “${options.quoted}” is not in the document ${id}.`);
        // A comment is not an edit of the content: the Doc's version stays.
        this.writeDoc(e, model);
        comment.anchor = anchor;
      }
    }
    this.writeComments(id, [...this.readComments(id), comment]);
    return comment;
  }

  /**
   * A suggestion `author` makes in the Docs editor's suggesting mode (commenters may suggest):
   * `at` (its `occurrence`-th appearance within one paragraph of the body) suggested for deletion
   * when `remove`, and `insert` suggested right after it (suggestions.ts). Returns its id.
   */
  addSuggestion(
    id: string,
    author: string,
    change: { at: string; occurrence?: number; remove?: boolean; insert?: string },
  ): string {
    const who = author.toLowerCase();
    this.mayComment(id, who);
    const e = this.mustGet(id);
    if (e.mimeType !== DOC_MIME) throw new Error(`Local Drive: ${id} is not a Google Doc.`);
    const model = this.readModel(e.id);
    const made = addSuggestion(model, newSuggestionId(), who, change);
    if (!made) throw new Error(`Local Drive: “${change.at}” is not in the document ${id}.`);
    this.writeModel(e.id, model);
    return made;
  }

  /** Every pending suggestion accepted (or rejected), as an editor does in the Docs editor. */
  settleSuggestions(id: string, accept: boolean): void {
    this.writeModel(id, suggestedDocument(this.readModel(id), accept));
  }

  /**
   * A reply `author` posts to a comment; `action` resolves or reopens it ("A comment can only be
   * resolved by posting a reply to a comment", manage-comments guide).
   */
  replyToComment(
    id: string,
    commentId: string,
    author: string,
    content: string,
    action?: 'resolve' | 'reopen',
  ): ReplyEntry {
    const who = author.toLowerCase();
    this.mayComment(id, who);
    const comments = this.readComments(id);
    const c = comments.find((x) => x.id === commentId && !x.deleted);
    if (!c) throw new Error(`Local Drive: no comment ${commentId} on ${id}.`);
    const time = this.timestamp();
    const reply: ReplyEntry = {
      id: `AAAA${newPermissionId().slice(0, 12)}`,
      content,
      author: { displayName: who.split('@')[0], emailAddress: who },
      createdTime: time,
      modifiedTime: time,
    };
    if (action) {
      reply.action = action;
      c.resolved = action === 'resolve';
    }
    c.replies = [...(c.replies ?? []), reply];
    c.modifiedTime = time;
    this.writeComments(id, comments);
    return reply;
  }

  /** The text a comment is anchored to now; null when it has none or its text is gone (orphaned). */
  commentAnchorText(id: string, commentId: string): string | null {
    const c = this.readComments(id).find((x) => x.id === commentId);
    const e = this.mustGet(id);
    if (!c?.anchor || e.mimeType !== DOC_MIME) return null;
    return anchoredText(this.readModel(e.id), c.anchor);
  }

  /** Commenting needs the commenter role (the Docs editor offers nothing else to readers). */
  private mayComment(id: string, who: string): void {
    if (!atLeast(this.roleOf(id, who), 'commenter'))
      throw new Error(`Local Drive: ${who} may not comment on ${id} (needs the commenter role).`);
  }

  writeComments(id: string, comments: CommentEntry[]): void {
    const path = join(this.dir, COMMENTS_DIR, `${this.resolveId(id)}.json`);
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, JSON.stringify({ comments }, null, 2) + '\n');
  }

  // ---- Documents -----------------------------------------------------------------------

  /** The runtime (or createDocumentApp) registers the PDF renderer used for exports. */
  setPdfRenderer(render: (model: DocModel) => Uint8Array): void {
    this.pdfRenderer = render;
  }

  renderPdf(model: DocModel): Uint8Array {
    if (!this.pdfRenderer) {
      throw new Error('Local Drive: no PDF renderer registered (DriveStore.setPdfRenderer).');
    }
    return this.pdfRenderer(model);
  }

  registerOpenDocument(doc: OpenDocument): void {
    this.openDocuments.add(doc);
  }

  unregisterOpenDocument(doc: OpenDocument): void {
    this.openDocuments.delete(doc);
  }

  /**
   * Saves every document still open, as Google does when a script execution ends. The runtime
   * calls this after each entry-point call.
   */
  flushOpenDocuments(): void {
    const docs = [...this.openDocuments];
    this.openDocuments.clear();
    for (const d of docs) d.flush();
  }

  // ---- Internals ------------------------------------------------------------------------

  private mustGet(id: string): FileEntry {
    const e = this.entry(id);
    if (!e) throw new Error(`Local Drive: no file with id ${id}.`);
    return e;
  }

  private mutate(id: string, fn: (e: FileEntry) => void): FileEntry {
    const e = this.mustGet(id);
    fn(e);
    this.save();
    return e;
  }

  private touch(e: FileEntry): void {
    e.modifiedTime = this.timestamp();
    e.version += 1;
  }

  private timestamp(): string {
    return this.now().toISOString();
  }

  private rootEntry(id: string, name: string, contentPath: string, owner = this.user): FileEntry {
    const time = this.timestamp();
    return {
      id,
      name,
      mimeType: FOLDER_MIME,
      parents: [],
      trashed: false,
      starred: false,
      createdTime: time,
      modifiedTime: time,
      owners: [{ displayName: owner.split('@')[0], emailAddress: owner }],
      appProperties: {},
      properties: {},
      permissions: [
        {
          id: newPermissionId(),
          type: 'user',
          role: 'owner',
          emailAddress: owner,
          displayName: owner.split('@')[0],
        },
      ],
      appCreated: false,
      appAccess: [],
      contentPath,
      version: 1,
    };
  }

  private owner(): DriveUser {
    return { displayName: this.user.split('@')[0], emailAddress: this.user };
  }

  private ownerPermission(): PermissionEntry {
    return {
      id: newPermissionId(),
      type: 'user',
      role: 'owner',
      emailAddress: this.user,
      displayName: this.user.split('@')[0],
    };
  }

  private writeBytes(e: FileEntry, data: Uint8Array): void {
    writeFileSync(join(this.dir, e.contentPath ?? ''), data);
    e.size = data.length;
    e.md5Checksum = createHash('md5').update(data).digest('hex');
  }

  /**
   * Compact JSON: a Doc is read and written several times in one generate, and the indented
   * form of a 1,000-row memo was twice the size (5.6 million characters, not 2.8), twice the
   * time to parse and write. `jq . file.gdoc.json` shows it indented.
   */
  private writeDoc(e: FileEntry, model: DocModel): void {
    const stored = { ...model, id: e.id, title: e.name };
    writeFileSync(join(this.dir, e.contentPath ?? ''), JSON.stringify(stored) + '\n');
  }

  private descendants(id: string): string[] {
    const out: string[] = [];
    const walk = (pid: string) => {
      for (const f of Object.values(this.index.files)) {
        if (f.parents.includes(pid)) {
          out.push(f.id);
          walk(f.id);
        }
      }
    };
    walk(id);
    return out;
  }

  private isAncestor(ancestor: string, id: string): boolean {
    let cur = this.index.files[id];
    const seen = new Set<string>();
    while (cur && cur.parents.length && !seen.has(cur.id)) {
      seen.add(cur.id);
      if (cur.parents.includes(ancestor)) return true;
      cur = this.index.files[cur.parents[0]];
    }
    return false;
  }

  /** The directory (relative) where an entry's content belongs now. */
  private targetDir(e: FileEntry): string {
    if (e.trashed) return `${TRASH_DIR}/${e.id}`;
    const parent = e.parents.length ? this.index.files[e.parents[0]] : undefined;
    return parent?.contentPath ?? '';
  }

  /**
   * Puts an entry's content where its name, parent and trashed state say it belongs, moving it
   * (and, for a folder, everything under it) if needed. Disk names get " (2)" on clashes.
   */
  private place(e: FileEntry): void {
    // Roots (My Drives, shared drives) stay where they were made.
    if (e.parents.length === 0) return;
    const dirRel = this.targetDir(e);
    const name = diskName(e.name, e.mimeType);
    const wanted = dirRel ? `${dirRel}/${name}` : name;
    const old = e.contentPath;
    if (old === wanted) return;
    if (old !== null && dirname(old) === (dirRel || '.') && isSuffixed(old, name)) {
      const taken = Object.values(this.index.files).some(
        (f) => f.id !== e.id && f.contentPath === wanted,
      );
      if (taken) return;
    }
    const takenPaths = new Set(
      Object.values(this.index.files)
        .filter((f) => f.id !== e.id && f.contentPath !== null)
        .map((f) => f.contentPath as string),
    );
    const next = uniquePath(this.dir, dirRel, name, (rel) => takenPaths.has(rel));
    mkdirSync(join(this.dir, dirRel), { recursive: true });
    if (old !== null && existsSync(join(this.dir, old))) {
      renameSync(join(this.dir, old), join(this.dir, next));
      if (e.mimeType === FOLDER_MIME) {
        for (const f of Object.values(this.index.files)) {
          if (f.contentPath?.startsWith(old + '/')) {
            f.contentPath = next + f.contentPath.slice(old.length);
          }
        }
      }
      if (old.startsWith(`${TRASH_DIR}/`)) {
        rmSync(join(this.dir, dirname(old)), { recursive: true, force: true });
      }
    }
    e.contentPath = next;
  }

  private sync(): void {
    const path = join(this.dir, INDEX);
    if (!this.index) return;
    try {
      const st = statSync(path);
      if (`${st.mtimeMs}:${st.size}` !== this.indexStamp) this.reload();
    } catch {
      // The index vanished (a person deleted .drive?): keep what we have; the next save restores it.
    }
  }

  private reload(): void {
    const path = join(this.dir, INDEX);
    const data = JSON.parse(readFileSync(path, 'utf8')) as IndexFile;
    if (data.format !== 'ita-memo-local-drive') {
      throw new Error(`Local Drive: ${path} is not a local Drive index.`);
    }
    if (data.version === 1) migrateFromVersion1(data);
    this.index = data;
    const st = statSync(path);
    this.indexStamp = `${st.mtimeMs}:${st.size}`;
  }

  private save(): void {
    const path = join(this.dir, INDEX);
    const tmp = `${path}.${process.pid}.tmp`;
    writeFileSync(tmp, JSON.stringify(this.index, null, 1) + '\n');
    renameSync(tmp, path);
    const st = statSync(path);
    this.indexStamp = `${st.mtimeMs}:${st.size}`;
  }
}

/**
 * Version 1 knew one user: whatever the app created or the user picked was reachable. That user
 * is the root's owner; the grants become theirs.
 */
function migrateFromVersion1(data: IndexFile): void {
  const owner = data.files[data.rootId]?.owners[0]?.emailAddress.toLowerCase() ?? '';
  for (const e of Object.values(data.files)) {
    const old = e as FileEntry & { picked?: boolean };
    e.appAccess = old.appCreated || old.picked ? [owner] : [];
    delete old.picked;
  }
  data.roots = { [owner]: data.rootId };
  data.version = 2;
}

/** Drive's refusal of one revision too many kept forever (400 in the emulation: assumed status). */
export class RevisionLimit extends Error {}

function mergeProps(
  target: Record<string, string>,
  change: Record<string, string | null> | undefined,
): void {
  if (!change) return;
  for (const [k, v] of Object.entries(change)) {
    // Drive's patch semantics: a null value removes the key.
    if (v === null) delete target[k];
    else target[k] = String(v);
  }
}

/** "memo (2).pdf" is an acceptable disk name for "memo.pdf" when that is taken. */
function isSuffixed(path: string, name: string): boolean {
  const base = path.slice(path.lastIndexOf('/') + 1);
  const m = /^(.*?)((?:\.gdoc)?\.[^.\s]{1,8})?$/u.exec(name);
  const stem = m?.[1] || name;
  const ext = m?.[2] ?? '';
  return new RegExp(`^${escapeRe(stem)} \\(\\d+\\)${escapeRe(ext)}$`, 'u').test(base);
}

function escapeRe(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
