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

export interface PermissionEntry {
  id: string;
  type: 'user' | 'group' | 'domain' | 'anyone';
  role: 'owner' | 'organizer' | 'fileOrganizer' | 'writer' | 'commenter' | 'reader';
  emailAddress?: string;
  domain?: string;
  displayName?: string;
  allowFileDiscovery?: boolean;
  /** Whether the caller asked Drive to e-mail the grantee (recorded so tests can check it). */
  notificationSent?: boolean;
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
  /** Created through the Drive API or DocumentApp.create: reachable under the drive.file scope. */
  appCreated: boolean;
  /** Opened by the user through Google Picker (simulated by `DriveStore.grantAccess`). */
  picked: boolean;
  /** Path of the content relative to the store's folder (a directory for folders); null: none. */
  contentPath: string | null;
  /** Bytes of content (not for Google Docs or folders). */
  size?: number;
  md5Checksum?: string;
  /** Drive's monotonically increasing file version. */
  version: number;
  /** Name of the uploaded file, as Drive reports originalFilename. */
  originalFilename?: string;
}

export interface IndexFile {
  format: 'ita-memo-local-drive';
  version: 1;
  rootId: string;
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
