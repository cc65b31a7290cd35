// How values appear inside messages.
import { dateFromCell } from '../thai/calendar';
import { isDateValue } from '../thai/cell-values';
import { formatThaiDate } from '../thai/date-format';
import { plainDecimal } from '../thai/numbers';

const MAX_QUOTE = 60;

/** A cell value as staff would recognise it, in Thai quotation marks. */
export function quote(raw: unknown): string {
  if (raw === null || raw === undefined || raw === '') return 'ค่าว่าง';
  if (typeof raw === 'number') return `“${Number.isFinite(raw) ? plainDecimal(raw) : String(raw)}”`;
  if (typeof raw === 'boolean') return `“${raw ? 'TRUE' : 'FALSE'}”`;
  if (isDateValue(raw)) {
    const date = dateFromCell(raw);
    return date ? `วันที่ “${formatThaiDate(date, { digits: 'arabic' })}”` : 'วันที่ที่ไม่ถูกต้อง';
  }
  const text = String(raw).replace(/\s*\r?\n\s*/g, ' / ');
  const chars = Array.from(text);
  return `“${chars.length > MAX_QUOTE ? chars.slice(0, MAX_QUOTE - 1).join('') + '…' : text}”`;
}

/**
 * "a, b และ c" (or with another separator: "ก ข และค"). และ joins a Thai word directly, as Thai
 * is written, and anything else (a code, a quote) after a space.
 */
export function listThai(items: readonly string[], separator = ', '): string {
  if (items.length <= 1) return items.join('');
  const last = items[items.length - 1];
  return `${items.slice(0, -1).join(separator)} และ${/^[\u0e01-\u0e4e]/.test(last) ? '' : ' '}${last}`;
}

/** "a, b หรือ c" */
export function orThai(items: readonly string[]): string {
  if (items.length <= 1) return items.join('');
  return `${items.slice(0, -1).join(', ')} หรือ ${items[items.length - 1]}`;
}
