import { instantOf, utcWallTime, wallTime } from '../utilities/timezone';

/**
 * A Sheets date cell holds a wall-clock date and time with no zone; Apps Script hands it to
 * scripts as the instant at which the SPREADSHEET's time zone shows that wall time (a cell dated
 * 3 Oct 2025 in an Asia/Bangkok spreadsheet is 2025-10-02T17:00:00Z). exceljs reads and writes
 * the same wall time as a UTC instant (serial 45933 ↔ 2025-10-03T00:00:00Z), so convert at the
 * xlsx boundary.
 */

/** exceljs's Date (wall time as UTC) → the instant Apps Script reports. */
export function fromSheetsDate(excelDate: Date, timeZone: string): Date {
  return new Date(instantOf(utcWallTime(excelDate.getTime()), timeZone));
}

/** An instant → the Date exceljs should write (its UTC fields are the wall time in `timeZone`). */
export function toSheetsDate(instant: Date, timeZone: string): Date {
  const w = wallTime(instant.getTime(), timeZone);
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d;
}

/** Sheets' serial number for an instant: days since 30 Dec 1899 in the spreadsheet's wall time. */
export function serialOf(instant: Date, timeZone: string): number {
  return (toSheetsDate(instant, timeZone).getTime() - Date.UTC(1899, 11, 30)) / 86_400_000;
}

/** The instant of a serial number in the spreadsheet's time zone. */
export function instantOfSerial(serial: number, timeZone: string): Date {
  return fromSheetsDate(
    new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400_000)),
    timeZone,
  );
}
