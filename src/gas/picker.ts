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
import { readGeneral } from '../core/workbook/reader';
import { GENERAL_TAB } from '../core/workbook/contract';
import { ADDON_NAME } from '../shared/product';
import { GOOGLE_DOC, getFile, UserFacingError } from './drive';
import { findSheet, readSheet } from './sheets';
import { PICKER_SETTING_NAMES, pickerSettings } from './state';
import { activeUserEmail, shareWithEditors } from './team';

export type PickerKind = 'folder' | 'template';

export const PICKER_TITLES: Record<PickerKind, string> = {
  folder: 'เลือกโฟลเดอร์ปลายทาง',
  template: 'เลือกแม่แบบ',
};

function kindOf(kind: unknown): PickerKind {
  if (kind !== 'folder' && kind !== 'template') throw new Error(`Unknown picker: ${String(kind)}`);
  return kind;
}

/** Shows the dialog, or says in Thai what is missing when the deployment has no Picker settings. */
export function showPicker(kind: PickerKind): void {
  const ui = SpreadsheetApp.getUi();
  if (!pickerSettings()) {
    ui.alert(
      ADDON_NAME,
      'ยังใช้หน้าต่างเลือกไฟล์ของ Google (Google Picker) ไม่ได้ เพราะผู้ดูแลระบบยังไม่ได้ตั้งค่า ' +
        `(คุณสมบัติสคริปต์ ${PICKER_SETTING_NAMES.apiKey} และ ${PICKER_SETTING_NAMES.projectNumber} ตามคู่มือใน README) ` +
        'ระหว่างนี้ให้เว้นช่อง “โฟลเดอร์ปลายทาง” และ “แม่แบบเอกสาร” ว่างไว้ ส่วนเสริมจะใช้โฟลเดอร์ที่ตนสร้างและแม่แบบในตัว ' +
        'หรือใช้เมนู “สร้างแม่แบบมาตรฐาน” เพื่อสร้างแม่แบบของคุณเอง',
      ui.ButtonSet.OK,
    );
    return;
  }
  const template = HtmlService.createTemplateFromFile('Picker');
  template.kind = kind;
  template.title = PICKER_TITLES[kind];
  const html = template.evaluate().setWidth(800).setHeight(560);
  ui.showModalDialog(html, PICKER_TITLES[kind]);
}

export interface PickerConfig {
  kind: PickerKind;
  token: string;
  apiKey: string;
  appId: string;
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
  };
}

/**
 * The dialog's callback with the picked item: the add-on may now reach it for this user. Its link
 * goes into ข้อมูลทั่วไป (โฟลเดอร์ปลายทาง or แม่แบบเอกสาร), the office's record of what to use; the
 * Thai answer is what the dialog shows.
 */
export function pickerChosen(kind: unknown, id: unknown): string {
  const k = kindOf(kind);
  const f = getFile(String(id), 'id,name,mimeType,trashed,webViewLink');
  if (!f || f.trashed) throw new UserFacingError('ส่วนเสริมยังเปิดรายการที่เลือกไม่ได้ กรุณาลองเลือกใหม่อีกครั้ง');
  const isFolder = f.mimeType === 'application/vnd.google-apps.folder';
  if (k === 'folder' && !isFolder) throw new UserFacingError('กรุณาเลือกโฟลเดอร์ ไม่ใช่ไฟล์');
  if (k === 'template' && f.mimeType !== GOOGLE_DOC)
    throw new UserFacingError('แม่แบบต้องเป็นไฟล์ Google เอกสาร กรุณาเลือกไฟล์ Google เอกสาร');
  const ss = SpreadsheetApp.getActiveSpreadsheet();
  const sheet = findSheet(ss, GENERAL_TAB.name);
  const general = sheet ? readGeneral({ [sheet.getName()]: readSheet(sheet) }).data : null;
  const at = general ? (k === 'folder' ? general.folder : general.template) : null;
  const url = f.webViewLink as string;
  let written = false;
  if (sheet && at?.cell) {
    if (at.value !== url) sheet.getRange(at.cell).setValue(url);
    written = true;
  }
  if (k === 'folder') shareWithEditors(ss, f.id as string, activeUserEmail());
  const label = k === 'folder' ? 'โฟลเดอร์ปลายทาง' : 'แม่แบบเอกสาร';
  return written
    ? `เลือก “${f.name}” แล้ว และใส่ลิงก์ไว้ในรายการ “${label}” ของแท็บข้อมูลทั่วไป`
    : `เลือก “${f.name}” แล้ว แต่แท็บข้อมูลทั่วไปยังไม่มีรายการ “${label}” กรุณาใช้เมนูตั้งค่าแผ่นงาน แล้ววางลิงก์นี้: ${url}`;
}
