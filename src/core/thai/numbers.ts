import { isDateValue, isErrorValue } from './cell-values';
import { toArabicDigits } from './digits';

export type NumberProblem =
  'empty' | 'error-value' | 'boolean' | 'date' | 'not-finite' | 'decimal-comma' | 'not-a-number';

export type NumberParse =
  | {
      ok: true;
      value: number;
      /** The number as a plain decimal string (no exponent, Arabic digits), e.g. "1234.5". */
      text: string;
    }
  | { ok: false; reason: NumberProblem; suggestion?: string };

// Invisible characters and every kind of space: "stray spaces" inside a number are dropped.
const SPACES = /[\s\u00a0\u2000-\u200d\u202f\u205f\u2060\u3000\ufeff]/g;
const PLAIN = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
const GROUPED = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/** A finite number as a plain decimal string, expanding exponent notation. */
export function plainDecimal(value: number): string {
  const text = String(value);
  const match = /^(-?)(\d)(?:\.(\d+))?e([+-]\d+)$/.exec(text);
  if (!match) return text;
  const [, sign, lead, rest = '', exp] = match;
  const digits = lead + rest;
  const point = 1 + Number(exp);
  if (point <= 0) return `${sign}0.${'0'.repeat(-point)}${digits}`;
  if (point >= digits.length) return sign + digits + '0'.repeat(point - digits.length);
  return `${sign}${digits.slice(0, point)}.${digits.slice(point)}`;
}

/**
 * Reads a cell value as a number: numbers, and text with Arabic or Thai digits, an optional
 * sign, thousands separators (groups of three) and stray spaces. Everything else is rejected
 * with a reason. Never throws.
 */
export function parseNumber(value: unknown): NumberParse {
  if (typeof value === 'number') {
    return Number.isFinite(value)
      ? { ok: true, value, text: plainDecimal(value) }
      : { ok: false, reason: 'not-finite' };
  }
  if (value === null || value === undefined) return { ok: false, reason: 'empty' };
  if (typeof value === 'boolean') return { ok: false, reason: 'boolean' };
  if (isDateValue(value)) return { ok: false, reason: 'date' };
  if (typeof value !== 'string') return { ok: false, reason: 'not-a-number' };
  if (isErrorValue(value)) return { ok: false, reason: 'error-value' };
  const compact = toArabicDigits(value).replace(SPACES, '');
  if (compact === '') return { ok: false, reason: 'empty' };
  if (PLAIN.test(compact) || GROUPED.test(compact)) {
    const text = canonical(compact.replace(/,/g, ''));
    const parsed = Number(text);
    return Number.isFinite(parsed)
      ? { ok: true, value: parsed, text }
      : { ok: false, reason: 'not-finite' };
  }
  if (/^[+-]?\d+,\d{1,2}$/.test(compact)) {
    return { ok: false, reason: 'decimal-comma', suggestion: compact.replace(',', '.') };
  }
  return { ok: false, reason: 'not-a-number' };
}

// "+007.50" → "7.5", "-0" → "0", ".5" → "0.5".
function canonical(text: string): string {
  const negative = text.startsWith('-');
  const unsigned = text.replace(/^[+-]/, '');
  const [intPart, fracPart = ''] = unsigned.split('.');
  const int = intPart.replace(/^0+(?=\d)/, '') || '0';
  const frac = fracPart.replace(/0+$/, '');
  const body = frac ? `${int}.${frac}` : int;
  return negative && /[1-9]/.test(body) ? `-${body}` : body;
}
