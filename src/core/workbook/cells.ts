// Cell values as getValues() returns them, and the located values the reader produces.
import { BANGKOK_UTC_OFFSET_MINUTES, dateFromCell } from '../thai/calendar';
import { isDateValue } from '../thai/cell-values';
import { formatThaiDate } from '../thai/date-format';
import { normalizeText } from '../thai/normalize';
import { plainDecimal } from '../thai/numbers';

/** Every tab's values keyed by the sheet's name as it appears in the spreadsheet. */
export type TabValues = Record<string, unknown[][]>;

export interface CellProblem {
  /** Why the value could not be read, e.g. not-a-number, ce-year, unknown-role. */
  readonly reason: string;
  /** What was probably meant, as text for a message. */
  readonly suggestion?: string;
}

/** A value read from the sheet, with where it came from. */
export interface Cell<T> {
  readonly value: T;
  /** The value as getValues() returned it (undefined when there is no cell). */
  readonly raw: unknown;
  /** The sheet's name as it appears in the spreadsheet. */
  readonly sheet: string;
  /** A1 of the cell; null when its label row or column is missing (value is then the default). */
  readonly cell: string | null;
  /** Set when the cell has something that could not be read as this type. */
  readonly problem?: CellProblem;
}

// What normalizeText removes entirely: white space and invisible characters.
const BLANK = /^[\s\u200b-\u200d\u2060\ufeff\u00ad\u180e]*$/;

export function isBlank(value: unknown): boolean {
  if (value === null || value === undefined || value === '') return true;
  return typeof value === 'string' && BLANK.test(value);
}

/**
 * A cell as normalised text; null when blank. Numbers in plain decimal, booleans as TRUE/FALSE,
 * dates as a Thai date (Arabic digits) in the spreadsheet's time zone.
 */
export function cellText(
  value: unknown,
  utcOffsetMinutes: number = BANGKOK_UTC_OFFSET_MINUTES,
): string | null {
  let text: string;
  if (typeof value === 'string') text = value;
  else if (typeof value === 'number')
    text = Number.isFinite(value) ? plainDecimal(value) : String(value);
  else if (typeof value === 'boolean') text = value ? 'TRUE' : 'FALSE';
  else if (isDateValue(value)) {
    const date = dateFromCell(value, utcOffsetMinutes);
    text = date ? formatThaiDate(date, { digits: 'arabic' }) : '';
  } else if (value === null || value === undefined) text = '';
  else text = String(value);
  const normalized = normalizeText(text);
  return normalized === '' ? null : normalized;
}

export interface TextLine {
  /** Without its bullet mark. */
  readonly text: string;
  /** The line started with - or •. */
  readonly bullet: boolean;
}

/** A cell of several lines, e.g. a measure's steps. */
export interface TextBlock {
  /** The whole cell, normalised. */
  readonly text: string;
  readonly lines: readonly TextLine[];
}

export function toTextBlock(text: string): TextBlock {
  const lines = text
    .split('\n')
    .filter((line) => line !== '')
    .map((line): TextLine => {
      const bullet = /^[-•]\s*/.exec(line);
      return bullet
        ? { text: line.slice(bullet[0].length), bullet: true }
        : { text: line, bullet: false };
    });
  return { text, lines };
}
