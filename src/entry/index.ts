/**
 * Entry points: every function exported here becomes a top-level function of build/Code.js
 * (menu callbacks, triggers, and what the sidebar calls through google.script.run). They only
 * wire the core to the Apps Script adapters.
 */
import type {
  CheckResult,
  GarudaUploadResult,
  GenerateResult,
  PublishResult,
  ReviewState,
  SidebarState,
  StepResult,
} from '../shared/sidebar-api';
import { garudaStatus, saveGaruda } from '../gas/garuda';
import { activeUserEmail } from '../gas/team';
import { checkWorkbook, createTemplateDoc, generateMemo, toCheckResult } from '../gas/generate';
import { UserFacingError } from '../gas/drive';
import { checkEditedSheet, markAllTabs } from '../gas/live-check';
import { BUSY_MESSAGE } from '../gas/lock';
import { publishMemo } from '../gas/publish';
import {
  approveMemo,
  refreshCommentStatus,
  reviewState,
  sendForReview as send,
} from '../gas/review';
import { readGeneralTab, selectCell } from '../gas/sheets';
import { setupWorkbook } from '../gas/setup';
import { lastRun } from '../gas/state';
import { pickerChosen as chosen, pickerConfig as config, showPicker } from '../gas/picker';
import type { PickerConfig } from '../gas/picker';
import { MENU } from '../shared/menu';
import { ADDON_NAME } from '../shared/product';
import type { YearStepAnswer } from '../shared/new-year-api';
import { checkNewYear, checkRestore, restoreYear, startNewYear } from '../gas/new-year';

/**
 * The menu's groups: open and check; make the memo and take it through review (in the order of
 * the loop), and the template; Drive choices; the fiscal year.
 */
const SEPARATOR_AFTER = new Set<string>([
  'showSidebar',
  'checkData',
  'createTemplate',
  'chooseTemplate',
]);

function ss(): GoogleAppsScript.Spreadsheet.Spreadsheet {
  return SpreadsheetApp.getActiveSpreadsheet();
}

/** Builds the menu; works in every authorisation mode (no service is touched). */
export function onOpen(_e?: GoogleAppsScript.Events.SheetsOnOpen): void {
  const menu = SpreadsheetApp.getUi().createAddonMenu();
  MENU.forEach(([label, fn], i) => {
    menu.addItem(label, fn);
    if (SEPARATOR_AFTER.has(fn) && i < MENU.length - 1) menu.addSeparator();
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
  generateFromMenu(false);
}

/** "สร้างใหม่ในเอกสารเดิม": the current memo's Doc refilled from the sheet (same link, comments kept). */
export function regenerateInPlace(): void {
  generateFromMenu(true);
}

function generateFromMenu(sameDoc: boolean): void {
  const ui = SpreadsheetApp.getUi();
  let result = generateMemo(ss(), false, sameDoc);
  if (result.status === 'confirm') {
    const answer = ui.alert(
      ADDON_NAME,
      `ข้อมูลมีคำเตือน ${result.check.warnings} รายการ (ดูรายละเอียดในแถบด้านข้าง) ต้องการสร้างบันทึกข้อความต่อหรือไม่`,
      ui.ButtonSet.YES_NO,
    );
    if (answer !== ui.Button.YES) return;
    result = generateMemo(ss(), true, sameDoc);
  }
  if (result.status === 'edited') {
    if (ui.alert(ADDON_NAME, result.message, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    result = generateMemo(ss(), true, sameDoc, true);
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

/** Says a review step's outcome in a dialog. */
function tell(result: { message: string }): void {
  SpreadsheetApp.getUi().alert(ADDON_NAME, result.message, SpreadsheetApp.getUi().ButtonSet.OK);
}

/** "ส่งขอความเห็น": reviewers and the approver get comment access and Google's e-mail. */
export function sendForReview(): void {
  tell(send(ss()));
}

/** Runs a step; when it asks (status 'confirm'), asks the user and runs it again confirmed. */
function askThenTell(step: (confirmed: boolean) => { status: string; message: string }): void {
  const ui = SpreadsheetApp.getUi();
  let result = step(false);
  if (result.status === 'confirm') {
    if (ui.alert(ADDON_NAME, result.message, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
    result = step(true);
  }
  tell(result);
}

/** "อนุมัติ": recorded by the approver; asks first while comments are open. */
export function approve(): void {
  askThenTell((confirmed) => approveMemo(ss(), confirmed));
}

/** "เผยแพร่ฉบับอนุมัติ": asks first about open comments the approval did not confirm. */
export function publishApproved(): void {
  askThenTell((confirmed) => publishMemo(ss(), confirmed));
}

export function refreshComments(): void {
  const refreshed = refreshCommentStatus(ss());
  if (!refreshed) {
    tell({ message: BUSY_MESSAGE });
    return;
  }
  const { updated, unreachable } = refreshed;
  const total = unreachable.reduce((n, u) => n + u.count, 0);
  if (!updated && !total) {
    tell({
      message:
        'ไม่มีบันทึกข้อความของปีงบประมาณนี้ที่รอความเห็น (บันทึกข้อความที่เผยแพร่แล้วไม่ต้องอัปเดต) ' +
        'หากยังไม่ได้สร้าง กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อน',
    });
    return;
  }
  const makers = unreachable.map((u) => u.user || 'ผู้ใช้อื่น').join(' และ ');
  const skipped = total
    ? ` ยังอ่านความเห็นไม่ได้อีก ${total} ฉบับ เพราะเป็นเอกสารที่ ${makers} สร้าง ` +
      '(ส่วนเสริมเข้าถึงได้เฉพาะเอกสารที่สร้างให้ผู้ใช้แต่ละคน) ขอให้ผู้สร้างใช้เมนูนี้ หรือเปิดเอกสารเพื่อดูความเห็นโดยตรง'
    : '';
  SpreadsheetApp.getUi().alert(
    ADDON_NAME,
    `อัปเดตสถานะความเห็นของเอกสาร ${updated} ฉบับในแท็บประวัติแล้ว${skipped}`,
    SpreadsheetApp.getUi().ButtonSet.OK,
  );
}

/** "เลือกโฟลเดอร์ปลายทาง": Google Picker; the pick lets this user's add-on use the folder. */
export function chooseFolder(): void {
  showPicker('folder');
}

/** "เลือกแม่แบบ": Google Picker; the pick lets this user's add-on copy the template. */
export function chooseTemplate(): void {
  showPicker('template');
}

// ---- Called by the Picker dialog -----------------------------------------------------------

export function pickerConfig(kind: string): PickerConfig {
  return config(kind);
}

export function pickerChosen(kind: string, id: string): string {
  return chosen(kind, id);
}

// ---- A new fiscal year -------------------------------------------------------------------

/** Shows what will be done and asks; runs only on YES, then says what was done. */
function confirmThen(check: YearStepAnswer, run: (year: number) => YearStepAnswer): void {
  const ui = SpreadsheetApp.getUi();
  if (check.status !== 'confirm') {
    ui.alert(ADDON_NAME, check.message, ui.ButtonSet.OK);
    return;
  }
  if (ui.alert(ADDON_NAME, check.message, ui.ButtonSet.YES_NO) !== ui.Button.YES) return;
  ui.alert(ADDON_NAME, run(check.fiscalYear).message, ui.ButtonSet.OK);
}

export function startNewFiscalYear(): void {
  confirmThen(checkNewYear(ss()), (year) => startNewYear(ss(), year));
}

export function undoNewFiscalYear(): void {
  confirmThen(checkRestore(ss()), (year) => restoreYear(ss(), year));
}

/** For the command line: what starting the new year would do, or why not (changes nothing). */
export function newYearCheck(): YearStepAnswer {
  return checkNewYear(ss());
}

/** For the command line: starts the new year confirmed for `year` (the year that ends). */
export function newYearStart(year: number): YearStepAnswer {
  return startNewYear(ss(), Number(year));
}

/** For the command line: what undoing the last new year would do, or why not. */
export function newYearRestoreCheck(): YearStepAnswer {
  return checkRestore(ss());
}

/** For the command line: brings `year` back, undoing the start of the year after it. */
export function newYearRestore(year: number): YearStepAnswer {
  return restoreYear(ss(), Number(year));
}

// ---- Called by the sidebar ---------------------------------------------------------------

export function sidebarState(): SidebarState {
  const general = readGeneralTab(ss())?.general;
  const state: SidebarState = {
    office: general?.organisation.value ?? '',
    fiscalYear: general?.fiscalYear.value ? String(general.fiscalYear.value) : '',
  };
  const last = lastRun();
  if (last) state.last = last;
  state.garuda = garudaStatus();
  return state;
}

/**
 * The sidebar's Garuda upload: checked (PNG or JPEG, at most 150 KB, a sensible size) and kept
 * with the spreadsheet for every editor. The local CLI's `--garuda FILE` calls it too.
 */
export function sidebarSaveGaruda(base64: string, name: string): GarudaUploadResult {
  return saveGaruda(String(base64 ?? ''), String(name ?? ''), activeUserEmail());
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

/** The current memo, its status and its open comments (one Drive call). */
export function sidebarReview(): ReviewState {
  return reviewState(ss());
}

// ---- The review steps, for the command line (each answers as the menu item would say it) -------

/** `overwriteEdits`: the user agreed to write over paragraphs edited by hand in the Doc. */
export function sidebarRegenerate(confirmed: boolean, overwriteEdits?: boolean): GenerateResult {
  return generateMemo(ss(), confirmed === true, true, overwriteEdits === true);
}

export function sidebarSend(): StepResult {
  return send(ss());
}

export function sidebarApprove(confirmed: boolean): StepResult {
  return approveMemo(ss(), confirmed === true);
}

export function sidebarPublish(confirmed?: boolean): PublishResult {
  return publishMemo(ss(), confirmed === true);
}
