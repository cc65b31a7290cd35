// Scores are decimals with two places. They are held as integer hundredths and rounded in
// decimal, never through binary floating point: (91.335).toFixed(2) is "91.33", not 91.34.
import { withDigits, type DigitStyle } from '../thai/digits';
import { plainDecimal } from '../thai/numbers';

/** A decimal with two places as an integer: 93.53 → 9353. */
export type Hundredths = number;

interface Decimal {
  negative: boolean;
  int: string;
  frac: string;
}

function decimalOf(value: number | string): Decimal | null {
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  const text = typeof value === 'number' ? plainDecimal(value) : value.trim();
  const match = /^([+-]?)(\d*)(?:\.(\d*))?$/.exec(text);
  if (!match || (match[2] === '' && (match[3] ?? '') === '')) return null;
  return { negative: match[1] === '-', int: match[2] || '0', frac: match[3] ?? '' };
}

function build(d: Decimal, frac2: string, carry: number): Hundredths {
  const magnitude = Number(d.int) * 100 + Number(frac2) + carry;
  return d.negative && magnitude !== 0 ? -magnitude : magnitude;
}

/** The exact value in hundredths, or null when it has more than two decimals (or is no number). */
export function toHundredths(value: number | string): Hundredths | null {
  const d = decimalOf(value);
  if (d === null) return null;
  const frac = d.frac.replace(/0+$/, '');
  if (frac.length > 2) return null;
  return build(d, frac.padEnd(2, '0'), 0);
}

/** Rounded to two decimals, half away from zero (half-up for the non-negative scores). */
export function roundToHundredths(value: number | string): Hundredths | null {
  const d = decimalOf(value);
  if (d === null) return null;
  const frac = d.frac.padEnd(3, '0');
  return build(d, frac.slice(0, 2), Number(frac[2]) >= 5 ? 1 : 0);
}

/** numerator / denominator on integers, rounded half away from zero. */
export function divideRounded(numerator: number, denominator: number): number {
  if (numerator < 0) return -divideRounded(-numerator, denominator);
  return Math.floor((2 * numerator + denominator) / (2 * denominator));
}

/** 9353 → "93.53", 10000 → "100.00" (Thai digits on request: ๙๓.๕๓). */
export function formatHundredths(value: Hundredths, digits: DigitStyle = 'arabic'): string {
  const magnitude = Math.abs(value);
  const text = `${value < 0 ? '-' : ''}${Math.floor(magnitude / 100)}.${String(magnitude % 100).padStart(2, '0')}`;
  return withDigits(text, digits);
}
