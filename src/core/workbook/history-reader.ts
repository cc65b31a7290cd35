// ผลย้อนหลัง: รหัส | รายการ, then one column per earlier year headed by its BE year. The year
// columns are found in row 1 like the contract's columns, so the located tab lists them as
// columns too: data rows, formula errors and free-text checks cover them.
import { toArabicDigits } from '../thai/digits';
import { cellText, type TabValues } from './cells';
import { HISTORY_TAB, type ColumnSpec } from './contract';
import {
  compactCode,
  number,
  rowReader,
  wholeNumber,
  type ReadOptions,
  type TabRead,
} from './reader';
import { dataRows, locateTab, type LocatedTab } from './tabs';
import type { History, HistoryEntry, HistoryYear } from './types';
import { BANGKOK_UTC_OFFSET_MINUTES } from '../thai/calendar';
import { toA1 } from './a1';

/** Words staff put before a year in a header: ปี, ปีงบประมาณ, พ.ศ. */
const YEAR_PREFIX = /^\s*(?:ปี(?:งบประมาณ)?)?\s*(?:พ\.\s?ศ\.?)?\s*/;

export const EMPTY_HISTORY: History = { years: [], entries: [] };

/** The key of a year column in the located tab: y3 for column C. */
export const yearKey = (column: number): string => `y${column}`;

/** A header with a digit (Arabic or Thai) is meant as a year; any other header is staff's own. */
function isYearHeader(header: string | null): boolean {
  return header !== null && /\d/.test(toArabicDigits(header));
}

/** The ผลย้อนหลัง tab. Missing, it is empty and raises nothing: the tab is optional. */
export function readHistory(tabs: TabValues, options: ReadOptions = {}): TabRead<History> {
  const offset = options.utcOffsetMinutes ?? BANGKOK_UTC_OFFSET_MINUTES;
  const located = locateTab(tabs, HISTORY_TAB);
  if (!located.tab) return { data: EMPTY_HISTORY, tab: null, findings: [] };
  const base = located.tab;
  const contractColumns = new Set(Object.values(base.columns) as number[]);
  const header = base.rows[0] ?? [];
  const yearColumns: ColumnSpec[] = [];
  const columns: Record<string, number> = { ...base.columns };
  const years: HistoryYear[] = [];
  header.forEach((raw, i) => {
    const column = i + 1;
    if (contractColumns.has(column) || !isYearHeader(cellText(raw, offset))) return;
    const key = yearKey(column);
    yearColumns.push({ key, header: cellText(raw, offset) as string, required: false });
    columns[key] = column;
    const parsed = wholeNumber(raw, YEAR_PREFIX);
    const year = { value: parsed.value, raw, sheet: base.sheet, cell: toA1(1, column) };
    years.push({ column, year: parsed.problem ? { ...year, problem: parsed.problem } : year });
  });
  const tab: LocatedTab = {
    ...base,
    spec: { ...HISTORY_TAB, columns: [...HISTORY_TAB.columns, ...yearColumns] },
    columns,
  };
  const entries = dataRows(tab).map((row): HistoryEntry => {
    const read = rowReader(tab, row);
    return {
      row: row.row,
      code: read('code', (raw) => compactCode(raw, offset)),
      name: read('name', (raw) => ({ value: cellText(raw, offset) })),
      scores: years.map((y) => read(yearKey(y.column), (raw) => number(raw))),
    };
  });
  return { data: { years, entries }, tab, findings: located.findings };
}
