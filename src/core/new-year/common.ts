// What starting a new fiscal year and undoing it share: where a tab's data is, the fiscal-year
// cell written back in the form staff typed it, and how findings and tab lists read in Thai.
import { toHundredths, type Hundredths } from '../ita/decimal';
import { hasThaiDigits, toArabicDigits, toThaiDigits } from '../thai/digits';
import { normalizeText } from '../thai/normalize';
import { parseNumber } from '../thai/numbers';
import { listThai } from '../validation/describe';
import type { Finding } from '../validation/finding';
import { isBlank } from '../workbook/cells';
import type { GeneralInfo } from '../workbook/types';

/** A rectangle of a tab, 1-based. */
export interface GridRect {
  readonly row: number;
  readonly column: number;
  readonly numRows: number;
  readonly numColumns: number;
}

/** The ปีงบประมาณ cell and the value to write into it. */
export interface FiscalYearWrite {
  readonly sheet: string;
  readonly cell: string;
  readonly value: unknown;
}

export type Planned<P> = { ok: true; plan: P } | { ok: false; message: string };

export const refuse = (message: string): { ok: false; message: string } => ({ ok: false, message });

/** Rows 2 on (1-based) that have anything in the given columns (all columns when omitted). */
export function filledRows(rows: readonly (readonly unknown[])[], columns?: readonly number[]) {
  const filled: number[] = [];
  rows.forEach((r, i) => {
    if (i === 0) return;
    const cells = columns ? columns.map((c) => r[c - 1]) : r;
    if (cells.some((v) => !isBlank(v))) filled.push(i + 1);
  });
  return filled;
}

/** Rows 2 to the last row with anything, every column used: what a tab's data occupies. */
export function dataRect(rows: readonly (readonly unknown[])[]): GridRect | null {
  const filled = filledRows(rows);
  if (filled.length === 0) return null;
  const numColumns = Math.max(...rows.map((r) => r.length), 1);
  return { row: 2, column: 1, numRows: filled[filled.length - 1] - 1, numColumns };
}

/** A score cell's value in hundredths, or null when it is not a score as typed. */
export function hundredthsOf(raw: unknown): Hundredths | null {
  const parsed = parseNumber(raw);
  return parsed.ok ? toHundredths(parsed.value) : null;
}

/** ปีงบประมาณ moved to `to`, written as staff wrote it: a number, or text in the same digits. */
export function fiscalYearWrite(general: GeneralInfo, from: number, to: number): FiscalYearWrite {
  const cell = general.fiscalYear;
  const raw = cell.raw;
  let value: unknown = to;
  if (typeof raw === 'string') {
    const replaced = toArabicDigits(raw).replace(String(from), String(to));
    value = hasThaiDigits(raw) ? toThaiDigits(replaced) : replaced;
  }
  return { sheet: cell.sheet, cell: cell.cell as string, value };
}

/** Whether a sheet of this name exists (Sheets compares names ignoring case). */
export function hasSheet(sheetNames: readonly string[], name: string): boolean {
  const wanted = normalizeText(name).toLowerCase();
  return sheetNames.some((n) => normalizeText(n).toLowerCase() === wanted);
}

/** “คะแนน” “ข้อเสนอแนะ” และ “มาตรการ” */
export function quotedList(names: readonly string[]): string {
  return listThai(
    names.map((n) => `“${n}”`),
    ' ',
  );
}

/** Up to five findings with their cells, one a line. */
export function listFindings(findings: readonly Finding[]): string {
  const shown = findings.slice(0, 5).map((f) => `• ${f.sheet}!${f.cell}: ${f.message}`);
  const more = findings.length - shown.length;
  return [...shown, ...(more > 0 ? [`และอีก ${more} รายการ (ดูทั้งหมดได้ในแถบด้านข้าง)`] : [])].join('\n');
}
