/**
 * What the local Drive keeps per file in `.drive/index.json`. The index is the truth (names,
 * parents, ids); the files on disk exist so a person browsing the folder sees the documents.
 */

export const FOLDER_MIME = 'application/vnd.google-apps.folder';
export const DOC_MIME = 'application/vnd.google-apps.document';
export const GOOGLE_MIME_PREFIX = 'application/vnd.google-apps.';

export interface DriveUser {
  displayName: string;
  emailAddress: string;
}

/** Drive's roles, strongest first (https://developers.google.com/workspace/drive/api/guides/ref-roles). */
export const ROLES = [
  'owner',
  'organizer',
  'fileOrganizer',
  'writer',
  'commenter',
  'reader',
] as const;
export type Role = (typeof ROLES)[number];

export interface PermissionEntry {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: Role;
  emailAddress?: string;
  domain?: string;
  displayName?: string;
  allowFileDiscovery?: boolean;
  /** Whether the caller asked Drive to e-mail the grantee (recorded so tests can check it). */
  notificationSent?: boolean;
  /** The plain-text message the notification e-mail carried (Permissions.create's emailMessage). */
  emailMessage?: string;
}

export interface FileEntry {
  id: string;
  name: string;
  mimeType: string;
  /** Drive v3 allows one parent; kept as an array because the API speaks in arrays. */
  parents: string[];
  trashed: boolean;
  starred: boolean;
  createdTime: string;
  modifiedTime: string;
  owners: DriveUser[];
  appProperties: Record<string, string>;
  properties: Record<string, string>;
  description?: string;
  permissions: PermissionEntry[];
  /** Created through the Drive API or DocumentApp.create (by the app, for its creator). */
  appCreated: boolean;
  /**
   * The users for whom the app's drive.file grant covers this file: the app created it for them,
   * or they picked it in Google Picker (`DriveStore.grantAccess`). Lower-case e-mails.
   */
  appAccess: string[];
  /** Files in a shared drive: the drive's id (the id of the drive's root entry). */
  driveId?: string;
  /** The root entry of a shared drive; its permissions are the drive's members. */
  sharedDrive?: boolean;
  /** Path of the content relative to the store's folder (a directory for folders); null: none. */
  contentPath: string | null;
  /** Bytes of content (not for Google Docs or folders). */
  size?: number;
  md5Checksum?: string;
  /** Drive's monotonically increasing file version. */
  version: number;
  /** Name of the uploaded file, as Drive reports originalFilename. */
  originalFilename?: string;
  /**
   * The revisions of a file with binary content, oldest first; the last is the head (the file's
   * content). Google Docs keep their own history, which the local Drive does not emulate.
   */
  revisions?: RevisionEntry[];
}

/** One stored version of a binary file (Drive v3 `revisions`). */
export interface RevisionEntry {
  id: string;
  mimeType: string;
  modifiedTime: string;
  /** Never purged automatically (Files.create/update `keepRevisionForever`). */
  keepForever: boolean;
  size: number;
  md5Checksum: string;
  originalFilename?: string;
  lastModifyingUser: DriveUser;
}

export interface IndexFile {
  format: 'ita-memo-local-drive';
  /** 1: one user (appCreated/picked flags); 2: several users, per-user grants, shared drives. */
  version: 1 | 2;
  /** The first user's My Drive (the folder itself on disk). */
  rootId: string;
  /** Each user's My Drive root, created when the user first touches the store. */
  roots?: Record<string, string>;
  files: Record<string, FileEntry>;
}

/** One comment as Drive v3 returns it (and as the comments sidecar stores it). */
export interface CommentEntry {
  id: string;
  content: string;
  htmlContent?: string;
  resolved?: boolean;
  deleted?: boolean;
  author: { displayName: string; emailAddress?: string; photoLink?: string; me?: boolean };
  createdTime: string;
  modifiedTime?: string;
  quotedFileContent?: { mimeType: string; value: string };
  anchor?: string;
  replies?: ReplyEntry[];
}

export interface ReplyEntry {
  id: string;
  content: string;
  htmlContent?: string;
  action?: 'resolve' | 'reopen';
  deleted?: boolean;
  author: { displayName: string; emailAddress?: string; photoLink?: string; me?: boolean };
  createdTime: string;
  modifiedTime?: string;
}
