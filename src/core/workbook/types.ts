// What the reader makes of the workbook: typed values, each with its sheet and cell.
import type { CalendarDate, Period } from '../thai/calendar';
import type { Cell, TextBlock } from './cells';
import type { Role } from './contract';

/** The ข้อมูลทั่วไป tab: one field per label of the contract (defaults applied). */
export interface GeneralInfo {
  readonly organisation: Cell<string | null>;
  readonly district: Cell<string | null>;
  readonly province: Cell<string | null>;
  /** As typed (2025 stays 2025: validation reports it); null when not a whole number. */
  readonly fiscalYear: Cell<number | null>;
  readonly unit: Cell<string | null>;
  readonly phone: Cell<string | null>;
  readonly documentNumber: Cell<string | null>;
  readonly memoDate: Cell<CalendarDate | null>;
  /** Null when blank: the memo then uses contract.defaultSubject(fiscalYear). */
  readonly subject: Cell<string | null>;
  readonly addressee: Cell<string | null>;
  readonly website: Cell<string | null>;
  /** Default true. */
  readonly useThaiDigits: Cell<boolean>;
  readonly template: Cell<string | null>;
  readonly folder: Cell<string | null>;
  /** Default false. */
  readonly publishPublicly: Cell<boolean>;
  /** The date reviewers are asked to answer by. */
  readonly reviewDue: Cell<CalendarDate | null>;
  /** Default false: the published PDF holds the whole memo. */
  readonly publishReportOnly: Cell<boolean>;
  /** The published PDF's stable link, written by the add-on on the first publication. */
  readonly publishedLink: Cell<string | null>;
}

export interface Signatory {
  /** 1-based sheet row. */
  readonly row: number;
  readonly order: Cell<number | null>;
  readonly role: Cell<Role | null>;
  readonly rank: Cell<string | null>;
  readonly name: Cell<string | null>;
  readonly position: Cell<string | null>;
  readonly actingFor: Cell<string | null>;
  readonly email: Cell<string | null>;
}

export interface ScoreEntry {
  readonly row: number;
  /** Normalised: upper case, Arabic digits, no spaces (EIT1.6). */
  readonly code: Cell<string | null>;
  readonly name: Cell<string | null>;
  readonly score: Cell<number | null>;
}

/** One year column of ผลย้อนหลัง. */
export interface HistoryYear {
  /** 1-based sheet column. */
  readonly column: number;
  /** The header cell: the BE year; null when it is not a whole number. */
  readonly year: Cell<number | null>;
}

export interface HistoryEntry {
  readonly row: number;
  /** Normalised like คะแนน's codes (EIT1). */
  readonly code: Cell<string | null>;
  readonly name: Cell<string | null>;
  /** One per year column, in the order of History.years. */
  readonly scores: readonly Cell<number | null>[];
}

/** The ผลย้อนหลัง tab: earlier years' scores (empty when the tab is missing). */
export interface History {
  /** Columns whose header has digits, in sheet order; other headers are staff's own columns. */
  readonly years: readonly HistoryYear[];
  /** In sheet order. */
  readonly entries: readonly HistoryEntry[];
}

export interface Recommendation {
  readonly row: number;
  /** Normalised: upper case, Arabic digits, no spaces (EIT1). */
  readonly part: Cell<string | null>;
  readonly indicator: Cell<number | null>;
  /** Normalised (i4; a garbled ๑๔ becomes 14); raw keeps what was typed; null: a general remark. */
  readonly code: Cell<string | null>;
  readonly text: Cell<string | null>;
}

export interface Measure {
  readonly row: number;
  readonly activity: Cell<TextBlock | null>;
  readonly method: Cell<TextBlock | null>;
  readonly responsible: Cell<TextBlock | null>;
  readonly period: Cell<TextBlock | null>;
  /** The period read from its text, when it could be. */
  readonly periodRange: Period | null;
  readonly summary: Cell<TextBlock | null>;
  readonly result: Cell<TextBlock | null>;
}

export interface WorkbookData {
  readonly general: GeneralInfo;
  /** Sorted by ลำดับ (rows without one last, in sheet order). */
  readonly signatories: readonly Signatory[];
  /** In sheet order. */
  readonly scores: readonly ScoreEntry[];
  /** Earlier years' scores. */
  readonly history: History;
  /** In sheet order. */
  readonly recommendations: readonly Recommendation[];
  /** In sheet order. */
  readonly measures: readonly Measure[];
}
