/**
 * Drive through the advanced service (v3), within the drive.file scope: the add-on reaches only
 * files it created, or that the user opened with it. A link typed into a cell is not enough
 * for Drive, so every "not found" is turned into a Thai message saying what to do.
 */

const FOLDER = 'application/vnd.google-apps.folder';
export const GOOGLE_DOC = 'application/vnd.google-apps.document';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

/** A failure staff can act on; its message is Thai and shown as it is. */
export class UserFacingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UserFacingError';
  }
}

function drive(): GoogleAppsScript.Drive {
  if (typeof Drive === 'undefined' || !Drive) {
    throw new UserFacingError('ยังไม่ได้เปิดใช้บริการ Drive ขั้นสูงของส่วนเสริม กรุณาแจ้งผู้ดูแลระบบ');
  }
  return Drive;
}

function isNotFound(err: unknown): boolean {
  return /not ?found|404/i.test(String((err as Error)?.message ?? err));
}

/** A file's metadata, or null when the add-on cannot reach it (missing, or outside drive.file). */
export function getFile(id: string, fields = 'id,name,mimeType,trashed,webViewLink'): File | null {
  try {
    return drive().Files.get(id, { fields, supportsAllDrives: true }) as File;
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
}

export function createFolder(name: string): File {
  return drive().Files.create({ name, mimeType: FOLDER }, undefined as never, {
    fields: 'id,name,webViewLink',
  });
}

/** The destination folder: checks a folder the sheet names; null when none is named. */
export function reachableFolder(id: string): File {
  const f = getFile(id);
  if (!f || f.trashed) {
    throw new UserFacingError(
      'ส่วนเสริมเข้าถึงโฟลเดอร์ปลายทางที่ระบุในแท็บข้อมูลทั่วไปไม่ได้ (ส่วนเสริมมีสิทธิ์เฉพาะโฟลเดอร์ที่ตนสร้าง) ' +
        'กรุณาเว้นช่อง “โฟลเดอร์ปลายทาง” ว่างไว้ ระบบจะสร้างโฟลเดอร์ให้และจดจำไว้ แล้วจึงย้ายหรือแชร์โฟลเดอร์นั้นได้ตามต้องการ',
    );
  }
  if (f.mimeType !== FOLDER) {
    throw new UserFacingError(
      'รายการ “โฟลเดอร์ปลายทาง” ในแท็บข้อมูลทั่วไปไม่ใช่โฟลเดอร์ใน Google ไดรฟ์ กรุณาใส่ลิงก์ของโฟลเดอร์ หรือเว้นว่าง',
    );
  }
  return f;
}

/** Copies the office's template into the folder (Files.copy: File.makeCopy would need the full drive scope). */
export function copyTemplate(templateId: string, name: string, folderId: string): File {
  const t = getFile(templateId);
  if (!t || t.trashed) {
    throw new UserFacingError(
      'ส่วนเสริมเข้าถึงแม่แบบเอกสารที่ระบุไม่ได้ (ส่วนเสริมมีสิทธิ์เฉพาะไฟล์ที่ตนสร้าง) ' +
        'กรุณาใช้เมนู “สร้างแม่แบบมาตรฐาน” เพื่อสร้างแม่แบบที่ส่วนเสริมใช้ได้ แล้วแก้ไขข้อความหรือใส่ตราครุฑในแม่แบบนั้น ' +
        'หรือเว้นช่อง “แม่แบบเอกสาร” ว่างเพื่อใช้แม่แบบในตัว',
    );
  }
  if (t.mimeType !== GOOGLE_DOC) {
    throw new UserFacingError(
      'แม่แบบเอกสารต้องเป็นไฟล์ Google เอกสาร (ไม่ใช่ Word หรือ PDF) กรุณาเปิดไฟล์ใน Google เอกสารแล้วบันทึกเป็น Google เอกสารก่อน',
    );
  }
  return drive().Files.copy({ name, parents: [folderId] }, templateId, {
    fields: 'id,name,webViewLink',
    supportsAllDrives: true,
  });
}

/** A new, empty Google Doc in the folder. */
export function createDoc(name: string, folderId: string): File {
  return drive().Files.create(
    { name, mimeType: GOOGLE_DOC, parents: [folderId] },
    undefined as never,
    {
      fields: 'id,name,webViewLink',
    },
  );
}

export function createPdf(blob: GoogleAppsScript.Base.Blob, name: string, folderId: string): File {
  return drive().Files.create({ name, mimeType: 'application/pdf', parents: [folderId] }, blob, {
    fields: 'id,name,webViewLink',
  });
}

/** Moves a half-made file to the trash (it stays recoverable for 30 days). */
export function trash(id: string): void {
  drive().Files.update({ trashed: true }, id, undefined as never, { fields: 'id' });
}

export function shareWith(id: string, email: string, role: 'commenter' | 'reader'): void {
  drive().Permissions.create({ role, type: 'user', emailAddress: email }, id, { fields: 'id' });
}

/** "Anyone with the link can view": only when the sheet asks for it. */
export function shareWithAnyone(id: string): void {
  drive().Permissions.create({ role: 'reader', type: 'anyone', allowFileDiscovery: false }, id, {
    fields: 'id',
  });
}

export interface CommentCounts {
  open: number;
  resolved: number;
}

/** Open and resolved comments of a Doc (fields is mandatory in Drive v3). */
export function commentCounts(id: string): CommentCounts | null {
  const counts = { open: 0, resolved: 0 };
  let pageToken: string | undefined;
  try {
    do {
      const page = drive().Comments.list(id, {
        fields: 'comments(id,resolved,deleted),nextPageToken',
        pageSize: 100,
        pageToken,
      }) as { comments?: { resolved?: boolean; deleted?: boolean }[]; nextPageToken?: string };
      for (const c of page.comments ?? []) {
        if (c.deleted) continue;
        if (c.resolved) counts.resolved++;
        else counts.open++;
      }
      pageToken = page.nextPageToken;
    } while (pageToken);
  } catch (err) {
    if (isNotFound(err)) return null;
    throw err;
  }
  return counts;
}
