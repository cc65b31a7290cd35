import {
  BANGKOK_UTC_OFFSET_MINUTES,
  BE_OFFSET,
  dateFromCell,
  fiscalYearPeriod,
  isValidCalendarDate,
  monthIndex,
  type CalendarDate,
  type MonthYear,
  type Period,
} from './calendar';
import { isDateValue } from './cell-values';
import { toArabicDigits } from './digits';
import { thaiMonthNumber } from './months';
import { normalizeText } from './normalize';

export type DateProblem =
  | 'empty'
  | 'not-a-date'
  | 'invalid-date'
  /** a Christian-Era year where a Buddhist-Era year belongs; the suggestion is the BE date */
  | 'ce-year'
  /** a date cell whose year is a BE year stored as CE (2568 CE); the suggestion is the BE date */
  | 'be-year-in-date-cell';

export type DateParse =
  { ok: true; value: CalendarDate } | { ok: false; reason: DateProblem; suggestion?: CalendarDate };

export type PeriodProblem = 'empty' | 'not-a-period' | 'no-year' | 'ce-year' | 'reversed';

export type PeriodParse =
  { ok: true; value: Period } | { ok: false; reason: PeriodProblem; suggestion?: Period };

interface Year {
  yearBE: number;
  ce: boolean;
}

// Two digits are a short BE year (68 → 2568). Four digits from 2400 are BE; 1800–2399 can
// only be CE, which offices must not print, so they are reported with the BE equivalent.
function parseYear(digits: string, forceCE: boolean): Year | null {
  const n = Number(digits);
  if (digits.length === 2 && !forceCE) return { yearBE: 2500 + n, ce: false };
  if (digits.length !== 4) return null;
  if (forceCE || (n >= 1800 && n < 2400)) return { yearBE: n + BE_OFFSET, ce: true };
  if (n >= 2400 && n < 2700) return { yearBE: n, ce: false };
  return null;
}

function prepare(text: string): { text: string; forceCE: boolean } {
  let t = toArabicDigits(normalizeText(text)).replace(/\n/g, ' ');
  const forceCE = /ค\.\s?ศ\.?/.test(t);
  t = t
    .replace(/^(?:วันที่|ตั้งแต่|ระหว่าง)\s*/, '')
    .replace(/[พค]\.\s?ศ\.?/g, ' ')
    .replace(/ {2,}/g, ' ')
    .trim();
  return { text: t, forceCE };
}

const LONG_DATE = /^(\d{1,2})\s*([^\d\s/][^\d]*?)\s*(\d+)$/;
const NUMERIC_DATE = /^(\d{1,2})\s*([/.-])\s*(\d{1,2})\s*\2\s*(\d+)$/;

/**
 * Thai date text: ๓ ตุลาคม ๒๕๖๘, 3 ต.ค. 68, 3 ต.ค. 2568, ๓/๑๐/๒๕๖๘ (day first), with or
 * without "วันที่" and "พ.ศ.". Never throws.
 */
export function parseThaiDate(text: string): DateParse {
  const { text: t, forceCE } = prepare(text);
  if (t === '') return { ok: false, reason: 'empty' };
  let day: number;
  let month: number | null;
  let yearDigits: string;
  const long = LONG_DATE.exec(t);
  const numeric = long ? null : NUMERIC_DATE.exec(t);
  if (long) {
    day = Number(long[1]);
    month = thaiMonthNumber(long[2]);
    yearDigits = long[3];
  } else if (numeric) {
    day = Number(numeric[1]);
    month = Number(numeric[3]);
    yearDigits = numeric[4];
  } else {
    return { ok: false, reason: 'not-a-date' };
  }
  const year = parseYear(yearDigits, forceCE);
  if (month === null || year === null) return { ok: false, reason: 'not-a-date' };
  const value: CalendarDate = { yearBE: year.yearBE, month, day };
  if (!isValidCalendarDate(value)) return { ok: false, reason: 'invalid-date' };
  return year.ce ? { ok: false, reason: 'ce-year', suggestion: value } : { ok: true, value };
}

/** A date cell (Date object, any realm) or Thai date text. */
export function parseDateValue(
  value: unknown,
  utcOffsetMinutes: number = BANGKOK_UTC_OFFSET_MINUTES,
): DateParse {
  if (value === null || value === undefined) return { ok: false, reason: 'empty' };
  if (isDateValue(value)) {
    const date = dateFromCell(value, utcOffsetMinutes);
    if (date === null) return { ok: false, reason: 'invalid-date' };
    // Typing a BE year into a date cell stores it as that CE year (2568 CE = 3111 BE).
    if (date.yearBE - BE_OFFSET >= 2400) {
      const suggestion = { ...date, yearBE: date.yearBE - BE_OFFSET };
      return {
        ok: false,
        reason: 'be-year-in-date-cell',
        suggestion: isValidCalendarDate(suggestion) ? suggestion : undefined,
      };
    }
    return { ok: true, value: date };
  }
  if (typeof value === 'string') return parseThaiDate(value);
  return { ok: false, reason: 'not-a-date' };
}

interface PeriodEnd {
  month: number;
  year: Year | null;
}

const PERIOD_END = /^(?:เดือน\s*)?(?:\d{1,2}\s*)?([^\d]+?)\s*(\d+)?$/;

function parsePeriodEnd(text: string, forceCE: boolean): PeriodEnd | 'bad-year' | null {
  const match = PERIOD_END.exec(text.trim());
  if (!match) return null;
  const month = thaiMonthNumber(match[1]);
  if (month === null) return null;
  if (match[2] === undefined) return { month, year: null };
  const year = parseYear(match[2], forceCE);
  return year === null ? 'bad-year' : { month, year };
}

/**
 * A period of months: มกราคม-พฤษภาคม ๒๕๖๘, ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘, ต.ค. 67 - ก.ย. 68,
 * a single month (ตุลาคม ๒๕๖๗), or ปีงบประมาณ ๒๕๖๘. A missing year on one end is taken from the
 * other end (the year before when the months would otherwise run backwards). Never throws.
 */
export function parsePeriod(text: string): PeriodParse {
  const { text: t, forceCE } = prepare(text);
  if (t === '') return { ok: false, reason: 'empty' };
  const fiscal = /^(?:ตลอด)?\s*ปีงบประมาณ\s*(\d+)$/.exec(t);
  if (fiscal) {
    const year = parseYear(fiscal[1], forceCE);
    if (year === null) return { ok: false, reason: 'not-a-period' };
    const value = fiscalYearPeriod(year.yearBE);
    return year.ce ? { ok: false, reason: 'ce-year', suggestion: value } : { ok: true, value };
  }
  const parts = t.split(/\s*(?:จนถึง|ถึง|[-–—~])\s*/).filter((p) => p !== '');
  if (parts.length < 1 || parts.length > 2) return { ok: false, reason: 'not-a-period' };
  const ends = parts.map((p) => parsePeriodEnd(p, forceCE));
  if (ends.some((e) => e === null || e === 'bad-year')) {
    return { ok: false, reason: 'not-a-period' };
  }
  const [first, last = first] = ends as PeriodEnd[];
  let fromYear = first.year;
  let toYear = last.year;
  if (fromYear === null && toYear === null) return { ok: false, reason: 'no-year' };
  if (fromYear === null && toYear !== null) {
    fromYear = { ...toYear, yearBE: toYear.yearBE - (first.month > last.month ? 1 : 0) };
  } else if (toYear === null && fromYear !== null) {
    toYear = { ...fromYear, yearBE: fromYear.yearBE + (last.month < first.month ? 1 : 0) };
  }
  const from: MonthYear = { yearBE: (fromYear as Year).yearBE, month: first.month };
  const to: MonthYear = { yearBE: (toYear as Year).yearBE, month: last.month };
  const value: Period = { from, to };
  if (monthIndex(from) > monthIndex(to)) return { ok: false, reason: 'reversed' };
  if ((fromYear as Year).ce || (toYear as Year).ce) {
    return { ok: false, reason: 'ce-year', suggestion: value };
  }
  return { ok: true, value };
}
