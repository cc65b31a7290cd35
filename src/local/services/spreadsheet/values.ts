import { isDate, realmDate, type Realm } from '../../load-bundle';
import { cellA1 } from './a1';
import { formatText, formatValue, type FormatContext } from './number-format';
import type { Cell, Scalar, SheetData, WorkbookData } from './model';
import { instantOf } from '../utilities/timezone';

/**
 * Cell values in and out, with Sheets' rules:
 * - getValues gives '' for blanks, numbers, booleans, Dates, error text ('#N/A'), a formula's
 *   cached result and a rich-text or hyperlink cell's plain text.
 * - setValue/setValues interpret strings as if the user typed them (Sheets' USER_ENTERED):
 *   '=…' is a formula, "'…" is the text without the apostrophe, '12', '1,234.5', '-3', '50%'
 *   become numbers, 'TRUE'/'FALSE' booleans, '2025-10-03' and d/m/yyyy dates; a cell formatted
 *   as plain text ('@') keeps the string as typed.
 */

/** What getValue(s) returns for one cell. */
export function readValue(cell: Cell | undefined, realm: Realm): unknown {
  if (!cell) return '';
  if (cell.error !== undefined) return cell.error;
  const v = cell.value;
  if (v === null) return '';
  if (v instanceof Date) return realmDate(realm, v);
  return v;
}

export function displayValue(cell: Cell | undefined, ctx: FormatContext): string {
  if (!cell) return '';
  if (cell.error !== undefined) return cell.error;
  const v = cell.value;
  if (v === null) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'string') return formatText(v, cell.style.numFmt);
  return formatValue(v, cell.style.numFmt, ctx);
}

export type Entered =
  { kind: 'blank' } | { kind: 'value'; value: Scalar } | { kind: 'formula'; formula: string };

const NUMBER = /^[+-]?(?:\d+|\d{1,3}(?:,\d{3})+)?(?:\.\d+)?(?:[eE][+-]?\d+)?$/;
const ISO_DATE = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[ T](\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;
const SLASH_DATE = /^(\d{1,2})\/(\d{1,2})\/(\d{4})(?: (\d{1,2}):(\d{2})(?::(\d{2}))?)?$/;

function parseNumber(text: string): number | undefined {
  const percent = text.endsWith('%');
  const body = percent ? text.slice(0, -1) : text;
  if (!/\d/.test(body) || !NUMBER.test(body)) return undefined;
  const n = Number(body.replace(/,/g, ''));
  if (!Number.isFinite(n)) return undefined;
  return percent ? n / 100 : n;
}

function makeDate(
  y: number,
  mo: number,
  d: number,
  h: number,
  mi: number,
  s: number,
  tz: string,
): Date | undefined {
  const check = new Date(Date.UTC(y, mo - 1, d));
  if (check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d || h > 23 || mi > 59 || s > 59)
    return undefined;
  return new Date(
    instantOf({ year: y, month: mo, day: d, hour: h, minute: mi, second: s, millisecond: 0 }, tz),
  );
}

function parseDate(
  text: string,
  book: Pick<WorkbookData, 'timeZone' | 'locale'>,
): Date | undefined {
  const iso = ISO_DATE.exec(text);
  const n = (s: string | undefined) => Number(s ?? 0);
  if (iso)
    return makeDate(
      n(iso[1]),
      n(iso[2]),
      n(iso[3]),
      n(iso[4]),
      n(iso[5]),
      n(iso[6]),
      book.timeZone,
    );
  const slash = SLASH_DATE.exec(text);
  if (!slash) return undefined;
  const monthFirst = book.locale === 'en_US';
  const [day, month] = monthFirst ? [n(slash[2]), n(slash[1])] : [n(slash[1]), n(slash[2])];
  return makeDate(n(slash[3]), month, day, n(slash[4]), n(slash[5]), n(slash[6]), book.timeZone);
}

/** How Sheets stores `input` written by setValue(s), appendRow or typed by a user. */
export function parseEntered(
  input: unknown,
  textFormat: boolean,
  book: Pick<WorkbookData, 'timeZone' | 'locale'>,
): Entered {
  if (input === null || input === undefined) return { kind: 'blank' };
  if (isDate(input)) {
    const t = input.getTime();
    return Number.isNaN(t) ? { kind: 'blank' } : { kind: 'value', value: new Date(t) };
  }
  if (typeof input === 'number') {
    return Number.isFinite(input)
      ? { kind: 'value', value: input }
      : { kind: 'value', value: String(input) };
  }
  if (typeof input === 'boolean') return { kind: 'value', value: input };
  const text = String(input);
  if (text === '') return { kind: 'blank' };
  if (textFormat) return { kind: 'value', value: text };
  if (text.startsWith("'"))
    return text.length > 1 ? { kind: 'value', value: text.slice(1) } : { kind: 'blank' };
  if (text.startsWith('=') && text.length > 1) return { kind: 'formula', formula: text };
  const trimmed = text.trim();
  if (/^(true|false)$/i.test(trimmed))
    return { kind: 'value', value: trimmed.toLowerCase() === 'true' };
  const num = parseNumber(trimmed);
  if (num !== undefined) return { kind: 'value', value: num };
  const date = parseDate(trimmed, book);
  if (date) return { kind: 'value', value: date };
  return { kind: 'value', value: text };
}

/**
 * Writes `input` into a cell with Sheets' parsing. Formulas the script writes are recorded on the
 * workbook (the emulation cannot compute them; their value reads as '').
 */
export function writeEntered(
  sheet: SheetData,
  row: number,
  col: number,
  input: unknown,
  book: WorkbookData,
  byScript: boolean,
): void {
  const existing = sheet.cell(row, col);
  const entered = parseEntered(input, existing?.style.numFmt === '@', book);
  if (entered.kind === 'blank' && !existing) return;
  const cell = existing ?? sheet.ensureCell(row, col);
  delete cell.source;
  delete cell.error;
  delete cell.formula;
  cell.value = null;
  if (entered.kind === 'value') cell.value = entered.value;
  if (entered.kind === 'formula') {
    cell.formula = entered.formula;
    if (byScript)
      book.formulaWrites.push({
        sheet: sheet.name,
        a1: cellA1(row, col),
        formula: entered.formula,
      });
  }
}

/** setFormula: a formula whatever the cell's format ('' clears the cell). */
export function writeFormula(
  sheet: SheetData,
  row: number,
  col: number,
  formula: string,
  book: WorkbookData,
): void {
  const f = formula === '' || formula.startsWith('=') ? formula : `=${formula}`;
  const cell = sheet.ensureCell(row, col);
  clearContent(cell);
  if (f === '') return;
  cell.formula = f;
  book.formulaWrites.push({ sheet: sheet.name, a1: cellA1(row, col), formula: f });
}

export function clearContent(cell: Cell): void {
  cell.value = null;
  delete cell.formula;
  delete cell.error;
  delete cell.source;
}
