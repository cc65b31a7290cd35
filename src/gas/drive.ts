/**
 * Drive through the advanced service (v3), within the drive.file scope: the add-on reaches only
 * files it created for the user running it, or that this user opened with it in Google Picker.
 * A link typed into a cell is not enough for Drive, so every "not found" becomes a Thai message
 * saying what to do.
 *
 * Every call passes `supportsAllDrives: true` where Drive takes it, so a destination folder or a
 * template in a shared drive works (without it Drive answers 404 for shared-drive items:
 * https://developers.google.com/workspace/drive/api/guides/enable-shareddrives). Comments take no
 * such parameter. Rate limits are retried with backoff (google-errors.ts).
 */
import { googleError, isNotFound, withBackoff } from './google-errors';

const FOLDER = 'application/vnd.google-apps.folder';
export const GOOGLE_DOC = 'application/vnd.google-apps.document';
const ALL_DRIVES = { supportsAllDrives: true } as const;

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** A failure staff can act on; its message is Thai and shown as it is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

export function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError('ยังไม่ได้เปิดใช้บริการ Drive ขั้นสูงของส่วนเสริม กรุณาแจ้งผู้ดูแลระบบ');
  }
  return Drive;
}

/** A file's metadata, or null when this user's add-on cannot reach it (missing, or outside drive.file). */
export function getFile(id: string, fields = 'id,name,mimeType,trashed,webViewLink'): File | null {
  try {
    return withBackoff(() => drive().Files.get(id, { fields, ...ALL_DRIVES }) as File);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function createFolder(name: string): File {
  return withBackoff(() =>
    drive().Files.create({ name, mimeType: FOLDER }, undefined as never, {
      fields: 'id,name,webViewLink',
      ...ALL_DRIVES,
    }),
  );
}

/** A folder this user's add-on reaches, or null when it is gone, trashed or out of reach. */
export function usableFolder(id: string): File | null {
  const f = getFile(id);
  return f && !f.trashed && f.mimeType === FOLDER ? f : null;
}

/**
 * Copies a Doc (the office's template, or a memo for a temporary copy) into the folder
 * (Files.copy: File.makeCopy would need the full drive scope).
 */
export function copyDoc(sourceId: string, name: string, folderId: string): File {
  return withBackoff(() =>
    drive().Files.copy({ name, parents: [folderId] }, sourceId, {
      fields: 'id,name,webViewLink',
      ...ALL_DRIVES,
    }),
  );
}

/** A new, empty Google Doc in the folder. */
export function createDoc(name: string, folderId: string): File {
  return withBackoff(() =>
    drive().Files.create({ name, mimeType: GOOGLE_DOC, parents: [folderId] }, undefined as never, {
      fields: 'id,name,webViewLink',
      ...ALL_DRIVES,
    }),
  );
}

/**
 * A new Google Doc in the folder, converted by Drive from a Word file (the built-in template's
 * page frame: core/memo/template-frame.ts). Files.create with the Google Docs MIME type and a
 * .docx blob imports it ("Import to Google Docs types",
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs).
 */
export function createDocFromWord(
  name: string,
  folderId: string,
  docx: GoogleAppsScript.Base.Blob,
): File {
  return withBackoff(() =>
    drive().Files.create({ name, mimeType: GOOGLE_DOC, parents: [folderId] }, docx, {
      fields: 'id,name,webViewLink',
      ...ALL_DRIVES,
    }),
  );
}

/**
 * A new PDF in the folder. A published PDF keeps its first revision forever and carries
 * `appProperties` (private to the add-on: what it was published for).
 */
export function createPdf(
  blob: GoogleAppsScript.Base.Blob,
  name: string,
  folderId: string,
  published?: { appProperties: Record<string, string> },
): File {
  const keepForever = published !== undefined;
  const resource = { name, mimeType: 'application/pdf', parents: [folderId], ...published };
  return withBackoff(() =>
    drive().Files.create(resource, blob, {
      fields: 'id,name,webViewLink',
      ...(keepForever ? { keepRevisionForever: true } : {}),
      ...ALL_DRIVES,
    }),
  );
}

/**
 * The files this user's add-on reaches that carry `appProperties` key = value, of one MIME type,
 * not trashed, newest first (Files.list with q: "appProperties has { key='…' and value='…' }",
 * https://developers.google.com/workspace/drive/api/guides/search-files and
 * https://developers.google.com/workspace/drive/api/guides/ref-search-terms). Under drive.file
 * the list holds only files the add-on created for this user or they opened with it ("files
 * created or opened by the app", https://developers.google.com/workspace/drive/api/guides/api-specific-auth):
 * another person's file is never found.
 */
export function findOwnFiles(key: string, value: string, mimeType: string): File[] {
  const quote = (v: string) => `'${v.replace(/[\\']/g, '\\$&')}'`;
  const q =
    `appProperties has { key=${quote(key)} and value=${quote(value)} } and ` +
    `mimeType = ${quote(mimeType)} and trashed = false`;
  const list = withBackoff(
    () =>
      drive().Files.list({
        q,
        orderBy: 'createdTime desc',
        pageSize: 10,
        fields: 'files(id,name,mimeType,trashed,webViewLink,parents,appProperties)',
        includeItemsFromAllDrives: true,
        ...ALL_DRIVES,
      }) as { files?: File[] },
  );
  return list.files ?? [];
}

/**
 * New content for a PDF under the same ID (its link never changes): Files.update with media makes
 * it the head revision and keeps the older ones; keepRevisionForever saves it from Drive's purge
 * of old revisions ("Purgeable revisions are typically preserved for 30 days",
 * https://developers.google.com/workspace/drive/api/guides/manage-revisions). The upload is one
 * request: when it fails, the previous revision stays the current one.
 */
export function updatePdf(id: string, blob: GoogleAppsScript.Base.Blob): File {
  return withBackoff(() =>
    drive().Files.update({}, id, blob, {
      fields: 'id,name,webViewLink,headRevisionId',
      keepRevisionForever: true,
      ...ALL_DRIVES,
    }),
  );
}

/** How many revisions the file has (Revisions.list, 1,000 a page). */
export function revisionCount(id: string): number {
  let count = 0;
  let pageToken: string | undefined;
  do {
    const page = withBackoff(
      () =>
        drive().Revisions.list(id, {
          fields: 'revisions(id),nextPageToken',
          pageSize: 1000,
          pageToken,
        }) as { revisions?: unknown[]; nextPageToken?: string },
    );
    count += page.revisions?.length ?? 0;
    pageToken = page.nextPageToken;
  } while (pageToken);
  return count;
}

/** Takes back "anyone with the link" (when the sheet no longer says to publish publicly). */
export function unshareAnyone(id: string): boolean {
  const list = withBackoff(
    () =>
      drive().Permissions.list(id, { fields: 'permissions(id,type)', ...ALL_DRIVES }) as {
        permissions?: { id?: string; type?: string }[];
      },
  );
  const anyone = (list.permissions ?? []).filter((p) => p.type === 'anyone' && p.id);
  for (const p of anyone)
    withBackoff(() => drive().Permissions.remove(id, p.id as string, { ...ALL_DRIVES }));
  return anyone.length > 0;
}

/** Moves a half-made file to the trash (it stays recoverable for 30 days). */
export function trash(id: string): void {
  withBackoff(() =>
    drive().Files.update({ trashed: true }, id, undefined as never, {
      fields: 'id',
      ...ALL_DRIVES,
    }),
  );
}

/**
 * Shares with one person. With `message`, Google e-mails them its notification with that text
 * (Permissions.create: sendNotificationEmail "defaults to true for users and groups",
 * emailMessage "A plain text custom message to include in the notification email";
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/permissions/create).
 */
export function shareWith(
  id: string,
  email: string,
  role: 'writer' | 'commenter' | 'reader',
  message?: string,
): void {
  const notify = message !== undefined;
  withBackoff(() =>
    drive().Permissions.create({ role, type: 'user', emailAddress: email }, id, {
      fields: 'id',
      sendNotificationEmail: notify,
      ...(notify ? { emailMessage: message } : {}),
      ...ALL_DRIVES,
    }),
  );
}

/** "Anyone with the link can view": only when the sheet asks for it. */
export function shareWithAnyone(id: string): void {
  withBackoff(() =>
    drive().Permissions.create({ role: 'reader', type: 'anyone', allowFileDiscovery: false }, id, {
      fields: 'id',
      ...ALL_DRIVES,
    }),
  );
}

/** The addresses that already hold a permission on the file (lower case). */
export function sharedWith(id: string): Set<string> {
  const list = withBackoff(
    () =>
      drive().Permissions.list(id, {
        fields: 'permissions(emailAddress)',
        ...ALL_DRIVES,
      }) as { permissions?: { emailAddress?: string }[] },
  );
  return new Set(
    (list.permissions ?? []).map((p) => (p.emailAddress ?? '').toLowerCase()).filter((e) => e),
  );
}

/**
 * Why sharing with an address failed, in Thai, from Drive's reason
 * (https://developers.google.com/workspace/drive/api/guides/handle-errors). Drive uses one reason,
 * invalidSharingRequest, for two cases and says "The message field indicates the actual error":
 * "successfully shared but emails could not be sent" is told apart by that message, as Drive's
 * guide instructs.
 */
export function sharingFailure(err: unknown): { reason: string; shared: boolean } {
  const g = googleError(err);
  if (g.reason === 'invalidSharingRequest' && /successfully shared/i.test(g.message)) {
    return {
      reason: 'แชร์แล้ว แต่ Google ส่งอีเมลแจ้งไม่ได้ กรุณาตรวจว่าอีเมลถูกต้องและรับอีเมลได้ แล้วแจ้งผู้ตรวจเอง',
      shared: true,
    };
  }
  if (g.reason === 'invalidSharingRequest') {
    return {
      reason:
        'Google ไม่อนุญาตให้แชร์กับอีเมลนี้ (อีเมลนี้อาจไม่มีบัญชี Google หรือนโยบายของหน่วยงานไม่อนุญาตให้แชร์ออกนอกโดเมน) กรุณาตรวจอีเมลในแท็บผู้ลงนาม หรือให้ผู้ดูแลระบบ Google Workspace อนุญาต',
      shared: false,
    };
  }
  if (g.reason === 'sharingRateLimitExceeded') {
    return {
      reason: 'วันนี้แชร์ไฟล์ครบจำนวนที่ Google อนุญาตแล้ว กรุณาแชร์เอกสารให้ผู้ตรวจเองภายหลัง',
      shared: false,
    };
  }
  if (g.reason === 'insufficientFilePermissions') {
    return {
      reason: 'คุณไม่มีสิทธิ์แชร์ไฟล์ในโฟลเดอร์นี้ กรุณาขอสิทธิ์ผู้แก้ไขจากเจ้าของโฟลเดอร์',
      shared: false,
    };
  }
  return { reason: `แชร์ไม่สำเร็จ (${g.message})`, shared: false };
}
