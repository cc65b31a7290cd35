// Finding the contract's tabs and columns in what the spreadsheet holds: tab names and headers
// match ignoring surrounding white space and invisible characters; columns are found by header.
import { MENU_LABEL } from '../../shared/menu';
import { normalizeText } from '../thai/normalize';
import { listThai } from '../validation/describe';
import { makeFinding, type Finding } from '../validation/finding';
import { toA1 } from './a1';
import { cellText, isBlank, type TabValues } from './cells';
import type { TabSpec } from './contract';

export interface LocatedTab<K extends string = string> {
  readonly spec: TabSpec<string, K>;
  /** The sheet's name as it appears in the spreadsheet. */
  readonly sheet: string;
  readonly rows: readonly (readonly unknown[])[];
  /** 1-based column of each header found in row 1. */
  readonly columns: Readonly<Partial<Record<K, number>>>;
}

/** A data row (row 2 on) with something in at least one of the contract's columns. */
export interface DataRow {
  /** 1-based sheet row. */
  readonly row: number;
  readonly values: readonly unknown[];
}

/** The sheet name of a contract tab, or null. */
export function findSheetName(tabs: TabValues, spec: { readonly name: string }): string | null {
  for (const name of Object.keys(tabs)) if (normalizeText(name) === spec.name) return name;
  return null;
}

function asRows(value: unknown): unknown[][] {
  if (!Array.isArray(value)) return [];
  return value.map((row) => (Array.isArray(row) ? row : []));
}

/** Finds a tab and its columns; reports a missing tab or header, and duplicate headers. */
export function locateTab<K extends string>(
  tabs: TabValues,
  spec: TabSpec<string, K>,
): { tab: LocatedTab<K> | null; findings: Finding[] } {
  const sheet = findSheetName(tabs, spec);
  if (sheet === null) {
    const log = spec.key === 'log';
    const message = log
      ? `ยังไม่มีแท็บ “${spec.name}” ระบบจะสร้างให้เองเมื่อสร้างบันทึกข้อความครั้งแรก`
      : `ไม่พบแท็บ “${spec.name}” กรุณาเพิ่มแท็บชื่อนี้ หรือใช้เมนู “${MENU_LABEL.setupSheets}” ของส่วนเสริมเพื่อสร้างแท็บให้`;
    // No cell: the tab is not there to point into.
    return {
      tab: null,
      findings: [makeFinding(log ? 'log-tab-missing' : 'tab-missing', spec.name, '', message)],
    };
  }
  const rows = asRows(tabs[sheet]);
  const header = rows[0] ?? [];
  const columns: Partial<Record<K, number>> = {};
  const findings: Finding[] = [];
  const missing: string[] = [];
  for (const column of spec.columns) {
    let first: number | null = null;
    for (let i = 0; i < header.length; i++) {
      if (cellText(header[i]) !== column.header) continue;
      if (first === null) {
        first = i + 1;
        continue;
      }
      findings.push(
        makeFinding(
          'header-duplicate',
          sheet,
          toA1(1, i + 1),
          `หัวคอลัมน์ “${column.header}” ซ้ำกับเซลล์ ${toA1(1, first)} ระบบอ่านเฉพาะคอลัมน์แรก กรุณาลบหรือเปลี่ยนชื่อคอลัมน์นี้`,
        ),
      );
    }
    if (first === null) missing.push(`“${column.header}”`);
    else columns[column.key] = first;
  }
  if (missing.length > 0) {
    // One finding for all of them: findings are one per cell and rule.
    findings.push(
      makeFinding(
        'header-missing',
        sheet,
        'A1',
        `แถวที่ 1 ของแท็บนี้ไม่มีหัวคอลัมน์ ${listThai(missing)} กรุณาเพิ่มคอลัมน์ที่มีหัวตรงตามนี้ (สลับลำดับคอลัมน์ได้)`,
      ),
    );
  }
  return { tab: { spec, sheet, rows, columns }, findings };
}

/** The value of a column in a row; undefined when the column is missing. */
export function valueAt<K extends string>(tab: LocatedTab<K>, row: DataRow, key: K): unknown {
  const column = tab.columns[key];
  return column === undefined ? undefined : row.values[column - 1];
}

/** A1 of a column in a row; null when the column is missing. */
export function cellAt<K extends string>(tab: LocatedTab<K>, row: number, key: K): string | null {
  const column = tab.columns[key];
  return column === undefined ? null : toA1(row, column);
}

/** Rows 2 on that have something in at least one of the contract's columns. */
export function dataRows<K extends string>(tab: LocatedTab<K>): DataRow[] {
  const used = Object.values(tab.columns) as number[];
  const result: DataRow[] = [];
  tab.rows.forEach((values, i) => {
    if (i === 0) return;
    if (used.some((c) => !isBlank(values[c - 1]))) result.push({ row: i + 1, values });
  });
  return result;
}
