/**
 * Entry points: every function exported here becomes a top-level function of build/Code.js
 * (menu callbacks, triggers, and what the sidebar calls through google.script.run). They only
 * wire the core to the Apps Script adapters.
 */
import { readGeneral } from '../core/workbook/reader';
import type { CheckResult, GenerateResult, SidebarState } from '../shared/sidebar-api';
import { checkWorkbook, createTemplateDoc, generateMemo, toCheckResult } from '../gas/generate';
import { UserFacingError } from '../gas/drive';
import { checkEditedSheet, markAllTabs } from '../gas/live-check';
import { refreshCommentStatus } from '../gas/log';
import { selectCell, findSheet, readSheet } from '../gas/sheets';
import { setupWorkbook } from '../gas/setup';
import { lastRun } from '../gas/state';
import { GENERAL_TAB } from '../core/workbook/contract';
import { ADDON_NAME } from '../shared/product';

const MENU: [string, string][] = [
  ['เปิดแถบด้านข้าง', 'showSidebar'],
  ['ตั้งค่าแผ่นงาน', 'setupSheets'],
  ['ตรวจสอบข้อมูล', 'checkData'],
  ['สร้างบันทึกข้อความ', 'generate'],
  ['สร้างแม่แบบมาตรฐาน', 'createTemplate'],
  ['อัปเดตสถานะความเห็น', 'refreshComments'],
];

function ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Builds the menu; works in every authorisation mode (no service is touched). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach(([label, fn], i) => {
    menu.addItem(label, fn);
    if (i === 0 || i === 2) menu.addSeparator();
  });
  menu.addToUi();
}

export function onInstall(e?: GoogleAppsScript.Events.AddonOnInstall): void {
  onOpen(e as never);
}

export function onEdit(e: GoogleAppsScript.Events.SheetsOnEdit): void {
  if (!e || !e.range) return;
  checkEditedSheet(e.range.getSheet());
}

export function showSidebar(): void {
  const html = HtmlService.createHtmlOutputFromFile('Sidebar').setTitle(ADDON_NAME);
  SpreadsheetApp.getUi().showSidebar(html);
}

export function setupSheets(): void {
  const report = setupWorkbook(ss());
  const parts = [
    report.createdTabs.length ? `สร้างแท็บ ${report.createdTabs.join(', ')}` : '',
    report.addedHeaders ? `เพิ่มหัวคอลัมน์ ${report.addedHeaders} คอลัมน์` : '',
    report.addedRows ? `เพิ่มแถว ${report.addedRows} แถว` : '',
  ].filter((p) => p);
  SpreadsheetApp.getUi().alert(
    ADDON_NAME,
    parts.length ? `ตั้งค่าแผ่นงานเรียบร้อย: ${parts.join(' ')}` : 'แผ่นงานครบตามรูปแบบแล้ว ไม่มีการเปลี่ยนแปลง',
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

export function checkData(): void {
  showSidebar();
}

export function generate(): void {
  const ui = SpreadsheetApp.getUi();
  let result = generateMemo(ss(), false);
  if (result.status === 'confirm') {
    const answer = ui.alert(
      ADDON_NAME,
      `ข้อมูลมีคำเตือน ${result.check.warnings} รายการ (ดูรายละเอียดในแถบด้านข้าง) ต้องการสร้างบันทึกข้อความต่อหรือไม่`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
    result = generateMemo(ss(), true);
  }
  if (result.status === 'blocked') {
    ui.alert(
      ADDON_NAME,
      `ยังสร้างบันทึกข้อความไม่ได้: พบข้อผิดพลาด ${result.check.errors} รายการ กรุณาแก้ตามรายการในแถบด้านข้าง`,
      ui.ButtonSet.OK,
    );
    showSidebar();
  } else if (result.status === 'failed') {
    ui.alert(ADDON_NAME, `สร้างบันทึกข้อความไม่สำเร็จ: ${result.message}`, ui.ButtonSet.OK);
  } else if (result.status === 'done') {
    showSidebar();
  }
}

export function createTemplate(): void {
  const ui = SpreadsheetApp.getUi();
  let made: ReturnType<typeof createTemplateDoc>;
  try {
    made = createTemplateDoc(ss());
  } catch (err) {
    if (!(err instanceof UserFacingError)) throw err;
    ui.alert(ADDON_NAME, `สร้างแม่แบบไม่สำเร็จ: ${err.message}`, ui.ButtonSet.OK);
    return;
  }
  const where = made.linked
    ? 'และใส่ลิงก์ไว้ในรายการ “แม่แบบเอกสาร” ของแท็บข้อมูลทั่วไปแล้ว'
    : made.kept !== undefined
      ? 'แต่รายการ “แม่แบบเอกสาร” มีข้อมูลอยู่แล้ว ระบบจึงไม่เขียนทับ หากต้องการใช้แม่แบบใหม่ กรุณาวางลิงก์นี้แทนข้อมูลเดิม'
      : 'แต่แท็บข้อมูลทั่วไปยังไม่มีรายการ “แม่แบบเอกสาร” กรุณาใช้เมนูตั้งค่าแผ่นงาน แล้ววางลิงก์นี้ในรายการนั้น';
  ui.alert(
    ADDON_NAME,
    `สร้างแม่แบบมาตรฐานแล้ว ${where}: ${made.url}\nแก้ไขข้อความหรือวางตราครุฑแทนป้าย {{ตราครุฑ}} ในแม่แบบได้ บันทึกข้อความครั้งต่อไปจะใช้แม่แบบนี้`,
    ui.ButtonSet.OK,
  );
}

export function refreshComments(): void {
  const n = refreshCommentStatus(ss());
  SpreadsheetApp.getUi().alert(
    ADDON_NAME,
    `อัปเดตสถานะความเห็นของเอกสาร ${n} ฉบับในแท็บประวัติแล้ว`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

// ---- Called by the sidebar ---------------------------------------------------------------

export function sidebarState(): SidebarState {
  const sheet = findSheet(ss(), GENERAL_TAB.name);
  const general = sheet ? readGeneral({ [sheet.getName()]: readSheet(sheet) }).data : null;
  const state: SidebarState = {
    office: general?.organisation.value ?? '',
    fiscalYear: general?.fiscalYear.value ? String(general.fiscalYear.value) : '',
  };
  const last = lastRun();
  if (last) state.last = last;
  return state;
}

export function sidebarCheck(): CheckResult {
  const spreadsheet = ss();
  const { findings, tabs } = checkWorkbook(spreadsheet);
  markAllTabs(spreadsheet, findings, tabs);
  return toCheckResult(findings);
}

export function sidebarSelect(sheet: string, cell: string): void {
  selectCell(ss(), String(sheet), String(cell));
}

export function sidebarGenerate(confirmed: boolean): GenerateResult {
  return generateMemo(ss(), confirmed === true);
}
