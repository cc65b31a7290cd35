// What starting a new fiscal year and undoing it share: where a tab's data is, the fiscal-year
// cell written back in the form staff typed it, and how findings and tab lists read in Thai.
import { toHundredths, type Hundredths } from '../ita/decimal';
import { hasThaiDigits, toArabicDigits, toThaiDigits } from '../thai/digits';
import { normalizeText } from '../thai/normalize';
import { parseNumber } from '../thai/numbers';
import { listThai } from '../validation/describe';
import type { Finding } from '../validation/finding';
import { cellText, isBlank } from '../workbook/cells';
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

/** ข้อมูลทั่วไป's ลิงก์เผยแพร่ cell: where it is and what it holds (null: blank). */
export interface PublishedLinkCell {
  readonly sheet: string;
  readonly cell: string;
  readonly value: string | null;
}

/** Where ลิงก์เผยแพร่ is; null when the workbook has no such row (nothing to clear or put back). */
export function publishedLinkCell(general: GeneralInfo): PublishedLinkCell | null {
  const link = general.publishedLink;
  return link.cell ? { sheet: link.sheet, cell: link.cell, value: link.value } : null;
}

/**
 * The start's ประวัติ note names the link it cleared in these words, followed by the link: the
 * undo reads it back from there, so the link travels with the workbook (an .xlsx run by the CLI,
 * a copy of the spreadsheet) and not only in a document property.
 */
export const clearedLinkLabel = (year: number): string => `ล้างลิงก์เผยแพร่ของปี ${year}: `;

/** The start's ประวัติ note, from the year that ends to the next. */
export function startNoteHead(year: number): string {
  return `ปีงบประมาณ ${year} → ${year + 1}`;
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

/** Two grids hold the same cells (blank and missing alike; values compared as normalised text). */
export function sameCells(a: readonly (readonly unknown[])[], b: readonly (readonly unknown[])[]) {
  const rows = Math.max(a.length, b.length);
  for (let r = 0; r < rows; r++) {
    const columns = Math.max(a[r]?.length ?? 0, b[r]?.length ?? 0);
    for (let c = 0; c < columns; c++) {
      if (cellText(a[r]?.[c]) !== cellText(b[r]?.[c])) return false;
    }
  }
  return true;
}

/**
 * Whether a tab named like the hidden copy of a working tab is one: its header row is the working
 * tab's (every heading the copy has is where the tab has it; the tab may have gained columns), or
 * the working tab is gone. A tab of that name holding anything else is staff's own.
 */
export function isCopyOf(
  copy: readonly (readonly unknown[])[],
  tab: readonly (readonly unknown[])[] | null,
) {
  if (tab === null) return true;
  const headers = copy[0] ?? [];
  if (!headers.some((h) => cellText(h) !== null)) return false;
  return headers.every((h, c) => cellText(h) === null || cellText(h) === cellText(tab[0]?.[c]));
}

/** The cells of `tab` that hold something beyond the extent of `copy`: right of it, and below it. */
export function beyond(
  tab: readonly (readonly unknown[])[],
  copy: readonly (readonly unknown[])[],
) {
  const width = (grid: readonly (readonly unknown[])[]) =>
    Math.max(0, ...grid.map((r) => r.length));
  const [rows, columns] = [copy.length, width(copy)];
  const rects: GridRect[] = [];
  const holds = (rect: GridRect) =>
    tab
      .slice(rect.row - 1, rect.row - 1 + rect.numRows)
      .some((r) =>
        r.slice(rect.column - 1, rect.column - 1 + rect.numColumns).some((v) => !isBlank(v)),
      );
  if (width(tab) > columns && tab.length > 0) {
    rects.push({
      row: 1,
      column: columns + 1,
      numRows: tab.length,
      numColumns: width(tab) - columns,
    });
  }
  if (tab.length > rows && columns > 0) {
    rects.push({ row: rows + 1, column: 1, numRows: tab.length - rows, numColumns: columns });
  }
  return rects.filter(holds);
}
