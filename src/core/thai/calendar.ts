// Calendar dates in the Buddhist Era, and the Thai fiscal year (1 October – 30 September,
// named by the BE year in which it ends).

export const BE_OFFSET = 543;
/** Asia/Bangkok, the time zone of the project's manifest (no daylight saving time). */
export const BANGKOK_UTC_OFFSET_MINUTES = 420;

export interface CalendarDate {
  readonly yearBE: number;
  /** 1–12 */
  readonly month: number;
  readonly day: number;
}

export interface MonthYear {
  readonly yearBE: number;
  /** 1–12 */
  readonly month: number;
}

/** From one month to another, both included. */
export interface Period {
  readonly from: MonthYear;
  readonly to: MonthYear;
}

export function daysInMonth(yearBE: number, month: number): number {
  const ce = yearBE - BE_OFFSET;
  if (month === 2) return (ce % 4 === 0 && ce % 100 !== 0) || ce % 400 === 0 ? 29 : 28;
  return [4, 6, 9, 11].indexOf(month) >= 0 ? 30 : 31;
}

export function isValidCalendarDate(d: CalendarDate): boolean {
  return (
    Number.isInteger(d.yearBE) &&
    Number.isInteger(d.month) &&
    Number.isInteger(d.day) &&
    d.month >= 1 &&
    d.month <= 12 &&
    d.day >= 1 &&
    d.day <= daysInMonth(d.yearBE, d.month)
  );
}

/**
 * The calendar date of a date cell in the spreadsheet's time zone. Apps Script Dates are
 * instants; the offset (minutes east of UTC) says which wall-clock day the sheet shows.
 * Null for an invalid Date.
 */
export function dateFromCell(
  value: Date,
  utcOffsetMinutes: number = BANGKOK_UTC_OFFSET_MINUTES,
): CalendarDate | null {
  const time = value.getTime();
  if (!Number.isFinite(time)) return null;
  const shifted = new Date(time + utcOffsetMinutes * 60000);
  if (!Number.isFinite(shifted.getTime())) return null;
  return {
    yearBE: shifted.getUTCFullYear() + BE_OFFSET,
    month: shifted.getUTCMonth() + 1,
    day: shifted.getUTCDate(),
  };
}

/** Negative when a is earlier, 0 when equal, positive when later. */
export function compareDates(a: CalendarDate, b: CalendarDate): number {
  return a.yearBE - b.yearBE || a.month - b.month || a.day - b.day;
}

/** Months since year 0 BE: a total order on months, and month arithmetic by subtraction. */
export function monthIndex(m: MonthYear): number {
  return m.yearBE * 12 + (m.month - 1);
}

export function fiscalYearBounds(fiscalYearBE: number): { start: CalendarDate; end: CalendarDate } {
  return {
    start: { yearBE: fiscalYearBE - 1, month: 10, day: 1 },
    end: { yearBE: fiscalYearBE, month: 9, day: 30 },
  };
}

export function fiscalYearOf(d: MonthYear): number {
  return d.month >= 10 ? d.yearBE + 1 : d.yearBE;
}

export function fiscalYearPeriod(fiscalYearBE: number): Period {
  return { from: { yearBE: fiscalYearBE - 1, month: 10 }, to: { yearBE: fiscalYearBE, month: 9 } };
}

/** A plausible Buddhist-Era year: an integer from 2400 to 2699. */
export function isBuddhistEraYear(year: number): boolean {
  return Number.isInteger(year) && year >= 2400 && year < 2700;
}
