import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import { nodeRealm } from '../../src/local/load-bundle';
import { CallLog } from '../../src/local/services/calls';
import { SpreadsheetApp } from '../../src/local/services/spreadsheet/app';
import type { SheetsContext } from '../../src/local/services/spreadsheet/context';
import type { WorkbookData } from '../../src/local/services/spreadsheet/model';
import { Spreadsheet } from '../../src/local/services/spreadsheet/spreadsheet';
import { newWorkbook, openWorkbook } from '../../src/local/services/spreadsheet/xlsx';
import { UiRecorder } from '../../src/local/services/ui';

const made: string[] = [];

/** A temporary folder removed after the test file (call cleanupTempDirs in afterAll). */
export function tempDir(prefix = 'itamemo-test-'): string {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  made.push(dir);
  return dir;
}

export function cleanupTempDirs(): void {
  for (const dir of made.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export interface Sheets {
  app: GoogleAppsScript.Spreadsheet.SpreadsheetApp;
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet;
  book: WorkbookData;
  calls: CallLog;
  ui: UiRecorder;
}

const OPEN = { id: '1TestSpreadsheetId', name: 'test', timeZone: 'Asia/Bangkok', locale: 'th_TH' };

/** The emulated SpreadsheetApp over `book` (default: a new spreadsheet), without a bundle. */
export function sheetsOver(book: WorkbookData = newWorkbook(OPEN)): Sheets {
  const calls = new CallLog();
  const ui = new UiRecorder();
  const ctx: SheetsContext = {
    book,
    log: calls,
    realm: nodeRealm,
    user: 'staff@example.go.th',
    ui,
  };
  return {
    app: new SpreadsheetApp(ctx) as unknown as GoogleAppsScript.Spreadsheet.SpreadsheetApp,
    ss: new Spreadsheet(ctx) as unknown as GoogleAppsScript.Spreadsheet.Spreadsheet,
    book,
    calls,
    ui,
  };
}

export async function openSheets(path: string, timeZone = 'Asia/Bangkok'): Promise<Sheets> {
  return sheetsOver(await openWorkbook(path, { ...OPEN, timeZone }));
}

/** Builds an xlsx with exceljs (as staff's Excel or a Google export would hold it). */
export async function writeXlsx(
  path: string,
  fill: (wb: ExcelJS.Workbook) => void,
): Promise<string> {
  const wb = new ExcelJS.Workbook();
  fill(wb);
  await wb.xlsx.writeFile(path);
  return path;
}

export async function readXlsx(path: string): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.readFile(path);
  return wb;
}

/** A build folder holding a hand-written Code.js (and optionally Sidebar.html). */
export function writeBuild(code: string, files: Record<string, string> = {}): string {
  const dir = tempDir('itamemo-build-');
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'Code.js'), code);
  writeFileSync(join(dir, 'appsscript.json'), JSON.stringify({ timeZone: 'Asia/Bangkok' }));
  for (const [name, text] of Object.entries(files)) writeFileSync(join(dir, name), text);
  return dir;
}
