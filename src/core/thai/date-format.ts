import type { CalendarDate, MonthYear, Period } from './calendar';
import { withDigits, type DigitStyle } from './digits';
import { THAI_MONTHS } from './months';

export interface ThaiDateFormat {
  /** long: ๓ ตุลาคม ๒๕๖๘; short: ๓ ต.ค. ๖๘. Default long. */
  readonly style?: 'long' | 'short';
  /** Default thai. */
  readonly digits?: DigitStyle;
}

export function formatThaiDate(date: CalendarDate, format: ThaiDateFormat = {}): string {
  const month = THAI_MONTHS[date.month - 1];
  const text =
    format.style === 'short'
      ? `${date.day} ${month.short} ${String(date.yearBE % 100).padStart(2, '0')}`
      : `${date.day} ${month.long} ${date.yearBE}`;
  return withDigits(text, format.digits ?? 'thai');
}

/** ตุลาคม ๒๕๖๗ (long) or ต.ค. ๖๗ (short). */
export function formatMonthYear(m: MonthYear, format: ThaiDateFormat = {}): string {
  const month = THAI_MONTHS[m.month - 1];
  const text =
    format.style === 'short'
      ? `${month.short} ${String(m.yearBE % 100).padStart(2, '0')}`
      : `${month.long} ${m.yearBE}`;
  return withDigits(text, format.digits ?? 'thai');
}

/** ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘, the contract's own way of writing a period. */
export function formatPeriod(p: Period, format: ThaiDateFormat = {}): string {
  return `${formatMonthYear(p.from, format)} ถึง ${formatMonthYear(p.to, format)}`;
}
