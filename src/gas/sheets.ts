/**
 * Reading the spreadsheet: one getValues per tab, never a call per cell.
 */
import { TABS } from '../core/workbook/contract';
import type { TabValues } from '../core/workbook/cells';
import { normalizeText } from '../core/thai/normalize';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

const CONTRACT_NAMES = new Set<string>(TABS.map((t) => t.name));

/** The contract's name of a sheet (matching as the contract says), or null for staff's own tabs. */
export function contractName(sheetName: string): string | null {
  const n = normalizeText(sheetName);
  return CONTRACT_NAMES.has(n) ? n : null;
}

export function readSheet(sheet: Sheet): unknown[][] {
  return sheet.getDataRange().getValues();
}

/** The values of every contract tab, keyed by the sheet's own name. Staff's other tabs are not read. */
export function readTabs(ss: Spreadsheet): TabValues {
  return readBook(ss).tabs;
}

/** readTabs, and the name of every sheet (hidden ones and staff's own too), in order. */
export function readBook(ss: Spreadsheet): { tabs: TabValues; names: string[] } {
  const tabs: TabValues = {};
  const names: string[] = [];
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    names.push(name);
    if (contractName(name)) tabs[name] = readSheet(sheet);
  }
  return { tabs, names };
}

/** The sheet of a contract tab, by the contract's name. */
export function findSheet(ss: Spreadsheet, contract: string): Sheet | null {
  for (const sheet of ss.getSheets()) if (contractName(sheet.getName()) === contract) return sheet;
  return null;
}

/** The spreadsheet's time zone as minutes east of UTC now (date cells are midnights there). */
export function utcOffsetMinutes(ss: Spreadsheet): number {
  const z = Utilities.formatDate(new Date(), ss.getSpreadsheetTimeZone(), 'Z');
  const m = /^([+-])(\d\d)(\d\d)$/.exec(z);
  if (!m) return 420;
  const minutes = Number(m[2]) * 60 + Number(m[3]);
  return m[1] === '-' ? -minutes : minutes;
}

/** Selects a cell a finding names; quietly does nothing when the sheet is gone. */
export function selectCell(ss: Spreadsheet, sheetName: string, a1: string): boolean {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return false;
  ss.setActiveSheet(sheet);
  sheet.getRange(a1).activate();
  return true;
}
