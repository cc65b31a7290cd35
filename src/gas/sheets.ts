/**
 * Reading the spreadsheet: one getValues per tab, never a call per cell, and never more than a
 * contract tab can hold (MAX_TAB_ROWS × MAX_TAB_COLUMNS): a stray value at the far corner of a
 * sheet costs a few calls, not a read of the whole grid.
 */
import {
  GENERAL_TAB,
  LOG_TAB,
  MAX_TAB_COLUMNS,
  MAX_TAB_ROWS,
  OPTIONAL_TABS,
  TABS,
} from '../core/workbook/contract';
import { readGeneral } from '../core/workbook/reader';
import type { GeneralInfo } from '../core/workbook/types';
import { toA1 } from '../core/workbook/a1';
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

export interface TabRead {
  /** Rows 1 to the last used row, columns A to the last used column, within the read area. */
  readonly values: unknown[][];
  /** The first cell with content below the read area (A1), or null. */
  readonly outside: string | null;
  /** Merged ranges within the read area (A1 ranges). */
  readonly merged: string[];
}

/** A tab's values in one getValues, within the read area; content below it is located, not read. */
export function readTab(sheet: Sheet): TabRead {
  const lastRow = sheet.getLastRow();
  const rows = Math.min(lastRow, MAX_TAB_ROWS);
  const columns = Math.min(sheet.getLastColumn(), MAX_TAB_COLUMNS);
  const range = rows > 0 && columns > 0 ? sheet.getRange(1, 1, rows, columns) : null;
  return {
    values: range ? range.getValues() : [],
    outside: lastRow > MAX_TAB_ROWS ? firstBelow(sheet, columns) : null,
    merged: range ? range.getMergedRanges().map((m) => m.getA1Notation()) : [],
  };
}

export function readSheet(sheet: Sheet): unknown[][] {
  return readTab(sheet).values;
}

/**
 * The topmost cell with content below the read area, in the read columns, found with
 * getNextDataCell (Ctrl+Down) from the first row below: a few calls per column, no values.
 */
function firstBelow(sheet: Sheet, columns: number): string | null {
  const start = MAX_TAB_ROWS + 1;
  const maxRows = sheet.getMaxRows();
  let best: { row: number; column: number } | null = null;
  for (let column = 1; column <= columns; column++) {
    const first = sheet.getRange(start, column);
    let row = start;
    if (first.isBlank()) {
      const next = first.getNextDataCell(SpreadsheetApp.Direction.DOWN);
      row = next.getRow();
      if (row === maxRows && next.isBlank()) continue;
    }
    if (!best || row < best.row) best = { row, column };
  }
  return best ? toA1(best.row, best.column) : null;
}

/**
 * Every contract tab, keyed by the sheet's own name, and what lies below the read area; also the
 * name of every sheet (hidden ones and staff's own too), in order. Staff's other tabs are not
 * read, but for their header row when a contract tab is missing: one of them may be it, renamed.
 */
export function readContractTabs(ss: Spreadsheet): {
  tabs: TabValues;
  names: string[];
  outside: { sheet: string; cell: string }[];
  merged: Record<string, string[]>;
  otherHeaders: Record<string, unknown[]>;
} {
  const tabs: TabValues = {};
  const names: string[] = [];
  const outside: { sheet: string; cell: string }[] = [];
  const merged: Record<string, string[]> = {};
  const others: Sheet[] = [];
  const found = new Set<string>();
  for (const sheet of ss.getSheets()) {
    const name = sheet.getName();
    names.push(name);
    const contract = contractName(name);
    if (!contract) {
      others.push(sheet);
      continue;
    }
    found.add(contract);
    const read = readTab(sheet);
    tabs[name] = read.values;
    if (read.outside) outside.push({ sheet: name, cell: read.outside });
    if (read.merged.length) merged[name] = read.merged;
  }
  const otherHeaders: Record<string, unknown[]> = {};
  if (TABS.some((t) => !found.has(t.name) && !OPTIONAL_TABS.includes(t.key) && t !== LOG_TAB)) {
    for (const sheet of others) {
      const columns = Math.min(sheet.getLastColumn(), MAX_TAB_COLUMNS);
      if (columns > 0)
        otherHeaders[sheet.getName()] = sheet.getRange(1, 1, 1, columns).getValues()[0];
    }
  }
  return { tabs, names, outside, merged, otherHeaders };
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

/**
 * ข้อมูลทั่วไป alone, in one read, as the full check reads it (dates at midnight in the
 * spreadsheet's time zone); null when the sheet has no such tab.
 */
export function readGeneralTab(ss: Spreadsheet): { sheet: Sheet; general: GeneralInfo } | null {
  const sheet = findSheet(ss, GENERAL_TAB.name);
  if (!sheet) return null;
  const tabs = { [sheet.getName()]: readSheet(sheet) };
  return { sheet, general: readGeneral(tabs, { utcOffsetMinutes: utcOffsetMinutes(ss) }).data };
}

/** Selects a cell a finding names; quietly does nothing when the sheet is gone. */
export function selectCell(ss: Spreadsheet, sheetName: string, a1: string): boolean {
  const sheet = ss.getSheetByName(sheetName);
  if (!sheet) return false;
  ss.setActiveSheet(sheet);
  sheet.getRange(a1).activate();
  return true;
}
