/**
 * An office where several people use the sheet, under drive.file. The add-on's grant is per
 * person: what it made for A it cannot reach when B runs it, until B picks that folder or Doc in
 * Google Picker (picker.ts). So:
 * - the office's folder is remembered once, in document properties, and never replaced because
 *   someone else cannot reach it; that person's memos go to a folder of their own (user
 *   properties), and the run's note says how to use the office's instead;
 * - every folder and template the add-on makes is shared with the spreadsheet's editors, so every
 *   memo listed in ประวัติ opens for them whoever generated it (Drive folders pass their sharing
 *   on to what they hold);
 * - a folder a person chose (typed into โฟลเดอร์ปลายทาง, or picked) is never shared by the
 *   add-on: sharing it would give every sheet editor everything already in it. It keeps the
 *   sharing its owner gave it, and the run's note names the sheet's editors it is not shared with;
 * - a template or folder made for someone else gets a message naming them and what to do.
 *
 * Spreadsheet.getEditors() "Gets the list of editors for this Spreadsheet"
 * (https://developers.google.com/apps-script/reference/spreadsheet/spreadsheet#getEditors()).
 * Assumed, not verified in Google: someone who edits it only through a Google Group or as a
 * member of the shared drive holding it is not in that list, so the add-on neither shares with
 * nor names them (README, "Scopes").
 */
import { parseDriveId } from '../core/workbook/drive-id';
import type { WorkbookData } from '../core/workbook/types';
import {
  createFolder,
  GOOGLE_DOC,
  getFile,
  sharedWith,
  shareWith,
  usableFolder,
  UserFacingError,
} from './drive';
import { googleError } from './google-errors';
import {
  myFolder,
  officeFolder,
  officeTemplate,
  pickerSettings,
  rememberMyFolder,
  rememberOfficeFolder,
} from './state';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;

/**
 * The e-mail of the person running the add-on, or '' where Google does not reveal it
 * (https://developers.google.com/apps-script/reference/base/session#getActiveUser()). Needs the
 * userinfo.email scope, which the manifest lists.
 */
export function activeUserEmail(): string {
  return Session.getActiveUser().getEmail();
}

/** What to tell someone who needs a file or folder the add-on cannot reach for them. */
export function pickerAdvice(menuItem: 'เลือกโฟลเดอร์ปลายทาง' | 'เลือกแม่แบบ', what: string): string {
  return pickerSettings()
    ? `กรุณาใช้เมนู ส่วนขยาย › รายงาน ITA › ${menuItem} แล้วเลือก${what} (ทำครั้งเดียวต่อผู้ใช้)`
    : `ผู้ดูแลระบบต้องตั้งค่า Google Picker ตามคู่มือใน README ก่อน จึงจะใช้เมนู “${menuItem}” เลือก${what}ได้`;
}

/** The spreadsheet's editors other than `me` (lower case), without a permission on `id`. */
function editorsWithout(ss: Spreadsheet, id: string, me: string): string[] {
  const editors = ss
    .getEditors()
    .map((u) => u.getEmail().toLowerCase())
    .filter((e) => e && e !== me.toLowerCase());
  if (!editors.length) return [];
  const already = sharedWith(id);
  return editors.filter((e) => !already.has(e));
}

/**
 * Gives the spreadsheet's editors edit access to a folder or template the add-on made, quietly
 * (no e-mail: they already work on the sheet). Never a folder a person chose. Best-effort:
 * people it cannot share with are skipped; returns how many were added.
 */
export function shareWithEditors(ss: Spreadsheet, id: string, me: string): number {
  let added = 0;
  try {
    for (const email of editorsWithout(ss, id, me)) {
      try {
        shareWith(id, email, 'writer');
        added++;
      } catch (err) {
        console.warn(`ITA Memo: could not share ${id} with ${email}: ${googleError(err).message}`);
      }
    }
  } catch (err) {
    console.warn(
      `ITA Memo: could not share ${id} with the sheet's editors: ${googleError(err).message}`,
    );
  }
  return added;
}

/**
 * For ประวัติ: the sheet's editors a chosen folder is not shared with, who may then not open the
 * memo. Best-effort: '' when everyone is there or the folder's sharing cannot be read.
 */
function chosenFolderNote(ss: Spreadsheet, id: string, me: string): string {
  try {
    const missing = editorsWithout(ss, id, me);
    if (!missing.length) return '';
    return (
      `โฟลเดอร์ปลายทางที่ระบุไว้ยังไม่ได้แชร์กับ ${missing.join(', ')} ซึ่งแก้ไขชีตนี้ได้ บุคคลเหล่านี้จึงอาจเปิดบันทึกข้อความนี้ไม่ได้ ` +
      'ส่วนเสริมไม่แชร์โฟลเดอร์ที่ผู้ใช้เลือกเอง เพราะจะทำให้ทุกคนที่แก้ไขชีตเข้าถึงทุกไฟล์ในโฟลเดอร์นั้นได้ ' +
      'หากต้องการให้เปิดได้ กรุณาให้เจ้าของโฟลเดอร์แชร์โฟลเดอร์นั้นใน Google ไดรฟ์ (ไม่ต้องทำหากแชร์ผ่านกลุ่มหรือไดรฟ์ที่แชร์ไว้แล้ว)'
    );
  } catch (err) {
    console.warn(`ITA Memo: could not read who ${id} is shared with: ${googleError(err).message}`);
    return '';
  }
}

/** Whether the add-on made this folder (the office's, or this user's own). */
function madeByAddon(id: string): boolean {
  return officeFolder()?.id === id || myFolder() === id;
}

export interface Destination {
  id: string;
  /** Thai, for ประวัติ: why the memo is not in the office's folder. */
  note: string;
}

function folderName(data: WorkbookData, owner?: string): string {
  const base = `รายงาน ITA ${data.general.organisation.value ?? ''}`.trim();
  return owner ? `${base} (${owner})` : base;
}

/** The folder the sheet names: it must be a folder this user's add-on reaches. */
function typedFolder(typed: string): string {
  const id = parseDriveId(typed);
  if (!id)
    throw new UserFacingError(
      'รายการ “โฟลเดอร์ปลายทาง” ไม่ใช่ลิงก์หรือรหัสโฟลเดอร์ของ Google ไดรฟ์ กรุณาวางลิงก์ของโฟลเดอร์ หรือเว้นว่าง',
    );
  const f = getFile(id);
  if (f && !f.trashed && f.mimeType !== 'application/vnd.google-apps.folder') {
    throw new UserFacingError(
      'รายการ “โฟลเดอร์ปลายทาง” ในแท็บข้อมูลทั่วไปไม่ใช่โฟลเดอร์ใน Google ไดรฟ์ กรุณาใส่ลิงก์ของโฟลเดอร์ หรือเว้นว่าง',
    );
  }
  if (!f || f.trashed) {
    throw new UserFacingError(
      'ส่วนเสริมที่คุณใช้ยังเข้าถึงโฟลเดอร์ปลายทางที่ระบุในแท็บข้อมูลทั่วไปไม่ได้ (ส่วนเสริมเข้าถึงได้เฉพาะโฟลเดอร์ที่สร้างให้คุณหรือที่คุณเลือกให้) ' +
        `${pickerAdvice('เลือกโฟลเดอร์ปลายทาง', 'โฟลเดอร์นั้น')} หรือเว้นช่อง “โฟลเดอร์ปลายทาง” ว่างไว้ ระบบจะใช้โฟลเดอร์ของสำนักงานที่ส่วนเสริมสร้างไว้`,
    );
  }
  return id;
}

/**
 * Where this user's memo goes: the folder the sheet names; else the office's folder; else this
 * user's own (made when the office's is out of their reach, or made as the office's when there
 * is none yet).
 */
export function destinationFolder(ss: Spreadsheet, data: WorkbookData, me: string): Destination {
  const typed = data.general.folder.value;
  if (typed) {
    const id = typedFolder(typed);
    if (!madeByAddon(id)) return { id, note: chosenFolderNote(ss, id, me) };
    shareWithEditors(ss, id, me);
    return { id, note: '' };
  }
  const office = officeFolder();
  if (office && usableFolder(office.id)) {
    shareWithEditors(ss, office.id, me);
    return { id: office.id, note: '' };
  }
  // The office's folder is someone else's (their grant, not ours) unless we made it ourselves.
  const othersOffice = office && office.by.toLowerCase() !== me.toLowerCase() ? office : null;
  const note = othersOffice
    ? `บันทึกไว้ในโฟลเดอร์ของ ${me || 'ผู้ใช้นี้'} เพราะส่วนเสริมที่คุณใช้ยังเข้าถึงโฟลเดอร์ของสำนักงาน (สร้างโดย ${othersOffice.by || 'ผู้ใช้อื่น'}) ไม่ได้ ` +
      `หากต้องการให้อยู่ในโฟลเดอร์เดียวกัน ${pickerAdvice('เลือกโฟลเดอร์ปลายทาง', `โฟลเดอร์ “${folderName(data)}”`)}`
    : '';
  const mine = myFolder();
  if (othersOffice && mine && usableFolder(mine)) {
    shareWithEditors(ss, mine, me);
    return { id: mine, note };
  }
  const folder = createFolder(folderName(data, othersOffice ? me : undefined));
  const id = folder.id as string;
  if (othersOffice) rememberMyFolder(id);
  else rememberOfficeFolder({ id, by: me });
  shareWithEditors(ss, id, me);
  return { id, note };
}

/** The template's id, checked: a Google Doc this user's add-on reaches, or a Thai message. */
export function reachableTemplate(templateId: string, me: string): string {
  const t = getFile(templateId);
  if (t && !t.trashed && t.mimeType !== GOOGLE_DOC) {
    throw new UserFacingError(
      'แม่แบบเอกสารต้องเป็นไฟล์ Google เอกสาร (ไม่ใช่ Word หรือ PDF) กรุณาเปิดไฟล์ใน Google เอกสารแล้วบันทึกเป็น Google เอกสารก่อน',
    );
  }
  if (t && !t.trashed) return templateId;
  const made = officeTemplate();
  if (made && made.id === templateId && made.by && made.by.toLowerCase() !== me.toLowerCase()) {
    throw new UserFacingError(
      `แม่แบบนี้สร้างโดยผู้ใช้อื่น (${made.by}) ส่วนเสริมที่คุณใช้จึงยังเปิดแม่แบบนี้ไม่ได้ ` +
        `${pickerAdvice('เลือกแม่แบบ', 'แม่แบบนี้')} หรือขอให้ ${made.by} สร้างบันทึกข้อความแทน ` +
        'หรือเว้นช่อง “แม่แบบเอกสาร” ว่างเพื่อใช้แม่แบบในตัว',
    );
  }
  throw new UserFacingError(
    'ส่วนเสริมที่คุณใช้เข้าถึงแม่แบบเอกสารที่ระบุไม่ได้ (ส่วนเสริมเข้าถึงได้เฉพาะไฟล์ที่สร้างให้คุณหรือที่คุณเลือกให้) ' +
      `${pickerAdvice('เลือกแม่แบบ', 'แม่แบบนั้น')} หรือใช้เมนู “สร้างแม่แบบมาตรฐาน” เพื่อสร้างแม่แบบที่ส่วนเสริมใช้ได้ ` +
      'หรือเว้นช่อง “แม่แบบเอกสาร” ว่างเพื่อใช้แม่แบบในตัว',
  );
}
