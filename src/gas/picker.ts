/**
 * "เลือกโฟลเดอร์ปลายทาง" and "เลือกแม่แบบ": Google Picker in a dialog, the only way under
 * drive.file for a person to hand the add-on a folder or Doc it did not make for them. The pick
 * grants this user's add-on that one item (PickerBuilder.setAppId: "This is required for the
 * https://www.googleapis.com/auth/drive.file scope", its argument "The Cloud project number";
 * https://developers.google.com/workspace/drive/picker/reference/picker.pickerbuilder.setappid).
 * The dialog is an HtmlService page (build/Picker.html) that loads the Picker API and uses the
 * script's own OAuth token (ScriptApp.getOAuthToken), as Apps Script's file-open dialog guide
 * does (https://developers.google.com/apps-script/guides/dialogs#file-open_dialogs), but with
 * drive.file instead of the full Drive scope. It needs the deployment's Google Cloud project
 * number and an API key (script properties, see README).
 */
import { parseDriveId } from '../core/workbook/drive-id';
import { ADDON_NAME } from '../shared/product';
import { GOOGLE_DOC, getFile, UserFacingError } from './drive';
import { readGeneralTab } from './sheets';
import { PICKER_SETTING_NAMES, pickerSettings } from './state';

export type PickerKind = 'folder' | 'template';

export const PICKER_TITLES: Record<PickerKind, string> = {
  folder: 'เลือกโฟลเดอร์ปลายทาง',
  template: 'เลือกแม่แบบ',
};

/** The dialog's size; the Picker inside it fills it (PickerConfig.width/height). */
const DIALOG = { width: 800, height: 560 };

const FOLDER = 'application/vnd.google-apps.folder';

/** What each kind fills in ข้อมูลทั่วไป, and what the add-on uses while it is blank. */
const CELL: Record<PickerKind, { label: string; mimeType: string; blank: string; what: string }> = {
  folder: {
    label: 'โฟลเดอร์ปลายทาง',
    mimeType: FOLDER,
    what: 'โฟลเดอร์',
    blank: 'ส่วนเสริมจะบันทึกบันทึกข้อความไว้ในโฟลเดอร์ที่ส่วนเสริมสร้างเอง',
  },
  template: {
    label: 'แม่แบบเอกสาร',
    mimeType: GOOGLE_DOC,
    what: 'แม่แบบ',
    blank: 'ส่วนเสริมจะใช้แม่แบบในตัว หรือใช้เมนู “สร้างแม่แบบมาตรฐาน” เพื่อสร้างแม่แบบที่แก้ไขได้ของคุณเอง',
  },
};

function kindOf(kind: unknown): PickerKind {
  if (kind !== 'folder' && kind !== 'template') throw new Error(`Unknown picker: ${String(kind)}`);
  return kind;
}

/**
 * Without the Picker, what this person can do instead, said only as far as it is true: the
 * link in the cell already works for them, or it does not (then leaving it blank uses the
 * add-on's own), or the cell is blank.
 */
function withoutPicker(kind: PickerKind): string {
  const cell = CELL[kind];
  const typed = readGeneralTab(SpreadsheetApp.getActiveSpreadsheet())?.general[kind].value;
  if (!typed) return `ระหว่างนี้ช่อง “${cell.label}” ว่างอยู่ ${cell.blank}`;
  const id = parseDriveId(typed);
  let file: ReturnType<typeof getFile>;
  try {
    file = id ? getFile(id) : null;
  } catch {
    // Drive did not answer: say nothing about the link rather than something untrue.
    return '';
  }
  if (file && !file.trashed && file.mimeType === cell.mimeType) {
    return `ลิงก์ในช่อง “${cell.label}” ใช้ได้อยู่แล้วสำหรับคุณ จึงไม่ต้องเลือกใหม่`;
  }
  return `ส่วนเสริมที่คุณใช้ยังเปิด${cell.what}ในช่อง “${cell.label}” ไม่ได้ หากเว้นช่องนี้ว่างไว้ ${cell.blank}`;
}

/** Shows the dialog, or says in Thai what is missing when the deployment has no Picker settings. */
export function showPicker(kind: PickerKind): void {
  const ui = SpreadsheetApp.getUi();
  if (!pickerSettings()) {
    const instead = withoutPicker(kind);
    ui.alert(
      ADDON_NAME,
      'ยังใช้หน้าต่างเลือกไฟล์ของ Google (Google Picker) ไม่ได้ เพราะผู้ดูแลระบบยังไม่ได้ตั้งค่า ' +
        `(คุณสมบัติสคริปต์ ${PICKER_SETTING_NAMES.apiKey} และ ${PICKER_SETTING_NAMES.projectNumber} ตามคู่มือใน README)` +
        (instead ? ` ${instead}` : ''),
      ui.ButtonSet.OK,
    );
    return;
  }
  const template = HtmlService.createTemplateFromFile('Picker');
  template.kind = kind;
  template.title = PICKER_TITLES[kind];
  const html = template.evaluate().setWidth(DIALOG.width).setHeight(DIALOG.height);
  ui.showModalDialog(html, PICKER_TITLES[kind]);
}

export interface PickerConfig {
  kind: PickerKind;
  token: string;
  apiKey: string;
  appId: string;
  /** The dialog's size, which the Picker fills (PickerBuilder.setSize). */
  width: number;
  height: number;
}

/** What the dialog needs to open the Picker: the user's token and the deployment's settings. */
export function pickerConfig(kind: unknown): PickerConfig {
  const settings = pickerSettings();
  if (!settings) throw new UserFacingError('ยังไม่ได้ตั้งค่า Google Picker กรุณาแจ้งผู้ดูแลระบบ');
  return {
    kind: kindOf(kind),
    token: ScriptApp.getOAuthToken(),
    apiKey: settings.apiKey,
    appId: settings.projectNumber,
    ...DIALOG,
  };
}

/**
 * The dialog's callback with the picked item: the add-on may now reach it for this user. Its link
 * goes into ข้อมูลทั่วไป (โฟลเดอร์ปลายทาง or แม่แบบเอกสาร), the office's record of what to use; the
 * Thai answer is what the dialog shows. A picked folder is not shared with anyone: it is the
 * person's own choice (team.ts).
 */
export function pickerChosen(kind: unknown, id: unknown): string {
  const k = kindOf(kind);
  const f = getFile(String(id), 'id,name,mimeType,trashed,webViewLink');
  if (!f || f.trashed) throw new UserFacingError('ส่วนเสริมยังเปิดรายการที่เลือกไม่ได้ กรุณาลองเลือกใหม่อีกครั้ง');
  if (k === 'folder' && f.mimeType !== FOLDER) throw new UserFacingError('กรุณาเลือกโฟลเดอร์ ไม่ใช่ไฟล์');
  if (k === 'template' && f.mimeType !== GOOGLE_DOC)
    throw new UserFacingError('แม่แบบต้องเป็นไฟล์ Google เอกสาร กรุณาเลือกไฟล์ Google เอกสาร');
  const read = readGeneralTab(SpreadsheetApp.getActiveSpreadsheet());
  const at = read?.general[k];
  const url = f.webViewLink as string;
  const label = CELL[k].label;
  if (!read || !at?.cell) {
    return `เลือก “${f.name}” แล้ว แต่แท็บข้อมูลทั่วไปยังไม่มีรายการ “${label}” กรุณาใช้เมนูตั้งค่าแผ่นงาน แล้ววางลิงก์นี้: ${url}`;
  }
  if (at.value !== url) read.sheet.getRange(at.cell).setValue(url);
  return `เลือก “${f.name}” แล้ว และใส่ลิงก์ไว้ในรายการ “${label}” ของแท็บข้อมูลทั่วไป`;
}
