/**
 * "ตั้งค่าแผ่นงาน": creates what the workbook contract asks for and is missing — tabs, headers,
 * labels, score codes, data validation, frozen and protected header rows, widths and wrapping.
 * Run again on a filled sheet it only adds; it never overwrites or deletes staff data.
 */
import { itaRulesFor } from '../core/ita/registry';
import { scoreCodes, type ScoreCode } from '../core/ita/scores';
import { isBuddhistEraYear } from '../core/thai/calendar';
import { normalizeText } from '../core/thai/normalize';
import { cellText } from '../core/workbook/cells';
import {
  GENERAL_LABELS,
  GENERAL_TAB,
  HISTORY_TAB,
  historyRows,
  LOG_TAB,
  MEASURES_TAB,
  NO,
  RECOMMENDATIONS_TAB,
  ROLES,
  SCORES_TAB,
  SIGNATORIES_TAB,
  TABS,
  YES,
  type TabSpec,
} from '../core/workbook/contract';
import { readGeneral } from '../core/workbook/reader';
import { findSheet, readSheet } from './sheets';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const HEADER_BACKGROUND = '#e8eef7';
const PROTECTION_NOTE = 'หัวตารางของ ITA Memo (ส่วนเสริมอ่านข้อมูลตามหัวตาราง: อย่าแก้ไขข้อความ)';
const DATA_ROWS = 200;

/** Widths in pixels of the columns the set-up creates; wide text columns wrap. */
const WIDTHS: Record<string, number> = {
  รายการ: 170,
  ข้อมูล: 420,
  ลำดับ: 60,
  บทบาท: 120,
  ยศ: 110,
  'ชื่อ-สกุล': 200,
  ตำแหน่ง: 260,
  รักษาราชการแทน: 260,
  อีเมล: 200,
  รหัส: 80,
  คะแนน: 90,
  ส่วน: 70,
  ตัวชี้วัด: 80,
  ข้อ: 60,
  ประเด็นและข้อเสนอแนะ: 520,
  เวลา: 150,
  เอกสาร: 220,
  PDF: 220,
  หมายเหตุ: 260,
};
const WRAPPED = new Set([
  'ข้อมูล',
  'ตำแหน่ง',
  'รักษาราชการแทน',
  'ประเด็นและข้อเสนอแนะ',
  ...MEASURES_TAB.columns.map((c) => c.header),
  'หมายเหตุ',
]);

export interface SetupReport {
  createdTabs: string[];
  addedHeaders: number;
  addedRows: number;
}

function list(values: string[]): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireValueInList(values, true)
    .setAllowInvalid(false)
    .build();
}

/** Scores may be typed in Thai digits as text, so an out-of-range number only warns here; the
 * add-on's own check reports every bad score with its cell. */
function scoreValidation(): GoogleAppsScript.Spreadsheet.DataValidation {
  return SpreadsheetApp.newDataValidation()
    .requireNumberBetween(0, 100)
    .setAllowInvalid(true)
    .setHelpText('คะแนน 0–100 ทศนิยมไม่เกิน 2 ตำแหน่ง ตามที่ระบบประเมินประกาศ')
    .build();
}

/** Validation per header text, for the data rows of that column. */
function columnValidation(header: string): GoogleAppsScript.Spreadsheet.DataValidation | null {
  switch (header) {
    case 'คะแนน':
      return scoreValidation();
    case 'บทบาท':
      return list(ROLES.map((r) => r.label));
    case 'ส่วน':
      return list(itaRulesFor(null).units.map((u) => u.id));
    case 'ตัวชี้วัด':
      return SpreadsheetApp.newDataValidation()
        .requireNumberBetween(1, itaRulesFor(null).indicators.length)
        .setAllowInvalid(true)
        .setHelpText('เลขตัวชี้วัด 1–10 ที่อยู่ในส่วนนั้น')
        .build();
    default:
      return null;
  }
}

/** Makes sure a tab exists with every header of the contract in row 1; returns its values. */
function ensureTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  spec: TabSpec,
  report: SetupReport,
): { sheet: Sheet; values: unknown[][] } {
  const found = findSheet(ss, spec.name);
  const sheet = found ?? ss.insertSheet(spec.name, ss.getSheets().length);
  if (!found) report.createdTabs.push(spec.name);
  const values = readSheet(sheet);
  const header = (values[0] ?? []).map((v) => cellText(v));
  // New headers go after the last column used in any row: never onto a column staff use.
  const used = sheet.getLastColumn();
  const missing = spec.columns.filter(
    (c) => !header.some((h) => h !== null && normalizeText(h) === c.header),
  );
  if (missing.length) {
    const start = used + 1;
    sheet.getRange(1, start, 1, missing.length).setValues([missing.map((c) => c.header)]);
    const range = sheet.getRange(1, start, 1, missing.length);
    range
      .setFontWeight('bold')
      .setBackground(HEADER_BACKGROUND)
      .setVerticalAlignment('middle')
      .setWrap(true);
    missing.forEach((c, i) => {
      const col = start + i;
      sheet.setColumnWidth(col, WIDTHS[c.header] ?? 160);
      const data = sheet.getRange(2, col, DATA_ROWS, 1);
      if (WRAPPED.has(c.header)) data.setWrap(true);
      data.setVerticalAlignment('top');
      const validation = columnValidation(c.header);
      if (validation) data.setDataValidation(validation);
    });
    report.addedHeaders += missing.length;
    const row1 = values[0] ?? [];
    values[0] = [
      ...row1,
      ...new Array<unknown>(Math.max(used - row1.length, 0)).fill(''),
      ...missing.map((c) => c.header),
    ];
  }
  if (sheet.getFrozenRows() < 1) sheet.setFrozenRows(1);
  protectHeader(sheet, Math.max(used, 0) + missing.length);
  return { sheet, values };
}

/** Header cells warn before an edit (warning only: co-editors are never locked out). */
export function protectHeader(sheet: Sheet, columns: number): void {
  const existing = sheet.getProtections(SpreadsheetApp.ProtectionType.RANGE);
  const ours = existing.filter((p) => p.getDescription() === PROTECTION_NOTE);
  const range = sheet.getRange(1, 1, 1, Math.max(columns, 1));
  if (ours.length && ours[0].getRange().getNumColumns() >= columns) return;
  for (const p of ours) p.remove();
  range.protect().setDescription(PROTECTION_NOTE).setWarningOnly(true);
}

/** Column (1-based) of a header in row 1, after ensureTab. */
function columnOf(values: unknown[][], header: string): number {
  const row = values[0] ?? [];
  for (let i = 0; i < row.length; i++) if (cellText(row[i]) === header) return i + 1;
  return -1;
}

/** Appends rows into the given columns (others left blank) with one setValues. */
function appendRows(sheet: Sheet, rows: Record<number, unknown>[], report: SetupReport): number {
  if (!rows.length) return -1;
  const width = Math.max(...rows.flatMap((r) => Object.keys(r).map(Number)));
  // After the sheet's last used row (any column): the rows written are empty in every column.
  const start = Math.max(sheet.getLastRow(), 1) + 1;
  const grid = rows.map((r) =>
    Array.from({ length: width }, (_, i) => (r[i + 1] === undefined ? '' : r[i + 1])),
  );
  sheet.getRange(start, 1, rows.length, width).setValues(grid);
  report.addedRows += rows.length;
  return start;
}

function setupGeneral(sheet: Sheet, values: unknown[][], report: SetupReport): void {
  const labelCol = columnOf(values, 'รายการ');
  const valueCol = columnOf(values, 'ข้อมูล');
  const present = new Set(values.slice(1).map((r) => cellText(r[labelCol - 1])));
  const missing = GENERAL_LABELS.filter((l) => !present.has(l.label));
  const start = appendRows(
    sheet,
    missing.map((l) => ({
      [labelCol]: l.label,
      [valueCol]: l.type === 'yes-no' ? (l.default ? YES : NO) : '',
    })),
    report,
  );
  if (start < 0) return;
  sheet.getRange(start, labelCol, missing.length, 1).setNotes(missing.map((l) => [l.hint]));
  missing.forEach((l, i) => {
    if (l.type === 'yes-no') sheet.getRange(start + i, valueCol).setDataValidation(list([YES, NO]));
  });
}

/** Appends a row (code and name) for each code the tab does not have. */
function setupCodes(
  sheet: Sheet,
  values: unknown[][],
  report: SetupReport,
  codes: ScoreCode[],
): void {
  const codeCol = columnOf(values, 'รหัส');
  const nameCol = columnOf(values, 'รายการ');
  const present = new Set(
    values.slice(1).map((r) => (cellText(r[codeCol - 1]) ?? '').toUpperCase()),
  );
  const missing = codes.filter((c) => !present.has(c.code.toUpperCase()));
  appendRows(
    sheet,
    missing.map((c) => ({ [codeCol]: c.code, [nameCol]: c.name })),
    report,
  );
}

/**
 * A year column of ผลย้อนหลัง: its header styled like the contract's, its scores warned outside
 * 0–100 and shown with two decimals.
 */
export function formatYearColumn(sheet: Sheet, column: number): void {
  sheet
    .getRange(1, column)
    .setFontWeight('bold')
    .setBackground(HEADER_BACKGROUND)
    .setVerticalAlignment('middle');
  sheet.setColumnWidth(column, WIDTHS['คะแนน']);
  sheet
    .getRange(2, column, DATA_ROWS, 1)
    .setNumberFormat('0.00')
    .setDataValidation(scoreValidation());
}

/**
 * ผลย้อนหลัง with its headers and a row per overall, tool and part code. A tab created now also
 * gets an empty column for the year before `fiscalYear`, to show staff where to type.
 */
export function ensureHistoryTab(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  fiscalYear: number | null,
  report: SetupReport = { createdTabs: [], addedHeaders: 0, addedRows: 0 },
): { sheet: Sheet; created: boolean } {
  const { sheet, values } = ensureTab(ss, HISTORY_TAB, report);
  const created = report.createdTabs.indexOf(HISTORY_TAB.name) >= 0;
  setupCodes(sheet, values, report, historyRows(fiscalYear));
  if (created && fiscalYear !== null) {
    const column = HISTORY_TAB.columns.length + 1;
    sheet.getRange(1, column).setValue(fiscalYear - 1);
    formatYearColumn(sheet, column);
  }
  return { sheet, created };
}

export function setupWorkbook(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): SetupReport {
  const report: SetupReport = { createdTabs: [], addedHeaders: 0, addedRows: 0 };
  const general = ensureTab(ss, GENERAL_TAB, report);
  setupGeneral(general.sheet, general.values, report);
  const fiscalYear = readGeneral({ [general.sheet.getName()]: general.values }).data.fiscalYear
    .value;
  ensureTab(ss, SIGNATORIES_TAB, report);
  const scores = ensureTab(ss, SCORES_TAB, report);
  setupCodes(scores.sheet, scores.values, report, scoreCodes(itaRulesFor(fiscalYear)));
  const year = fiscalYear !== null && isBuddhistEraYear(fiscalYear) ? fiscalYear : null;
  ensureHistoryTab(ss, year, report);
  ensureTab(ss, RECOMMENDATIONS_TAB, report);
  ensureTab(ss, MEASURES_TAB, report);
  ensureTab(ss, LOG_TAB, report);
  // A new spreadsheet's empty default sheet is removed once the contract's tabs exist.
  for (const sheet of ss.getSheets()) {
    if (TABS.some((t) => t.name === normalizeText(sheet.getName()))) continue;
    if (
      /^(Sheet|ชีต|แผ่นงาน)\s*1$/.test(sheet.getName()) &&
      sheet.getLastRow() === 0 &&
      sheet.getLastColumn() === 0
    ) {
      ss.deleteSheet(sheet);
    }
  }
  ss.setActiveSheet(general.sheet);
  return report;
}
