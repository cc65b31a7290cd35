/**
 * The run log (ประวัติ): one row per step, appended by the add-on; the row of a memo's generation
 * is also that memo's row, whose status cells follow it (core/memo/review-status). Every value is
 * written as literal text (see core/workbook/literal), so nothing there can become a formula, and
 * the add-on writes only into its own rows' cells.
 */
import { cellText } from '../core/workbook/cells';
import { LOG_TAB } from '../core/workbook/contract';
import { asLiteral } from '../core/workbook/literal';
import { normalizeText } from '../core/thai/normalize';
import type { LogRow } from '../core/memo/review-status';
import { findSheet, readSheet } from './sheets';

type Key = (typeof LOG_TAB.columns)[number]['key'];
export type LogEntry = Partial<Record<Key, unknown>>;

function logSheet(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
): GoogleAppsScript.Spreadsheet.Sheet {
  const sheet = findSheet(ss, LOG_TAB.name);
  if (sheet) return sheet;
  const created = ss.insertSheet(LOG_TAB.name, ss.getSheets().length);
  created
    .getRange(1, 1, 1, LOG_TAB.columns.length)
    .setValues([LOG_TAB.columns.map((c) => c.header)])
    .setFontWeight('bold');
  created.setFrozenRows(1);
  return created;
}

/**
 * Columns of the log's headers (1-based). Missing headers are added after the sheet's last used
 * column, so they never land on a column staff use (one whose header cell is blank included).
 */
function columns(
  sheet: GoogleAppsScript.Spreadsheet.Sheet,
  header: unknown[],
): Record<Key, number> {
  const found: Partial<Record<Key, number>> = {};
  header.forEach((h, i) => {
    const t = cellText(h);
    const col = LOG_TAB.columns.find((c) => t !== null && normalizeText(t) === c.header);
    if (col && !found[col.key]) found[col.key] = i + 1;
  });
  let next = sheet.getLastColumn() + 1;
  const missing = LOG_TAB.columns.filter((c) => !found[c.key]);
  if (missing.length) {
    sheet.getRange(1, next, 1, missing.length).setValues([missing.map((c) => c.header)]);
    for (const c of missing) found[c.key] = next++;
  }
  return found as Record<Key, number>;
}

/** The log read once: its sheet, its columns and its rows as the review status reads them. */
export interface Log {
  sheet: GoogleAppsScript.Spreadsheet.Sheet;
  cols: Record<Key, number>;
  values: unknown[][];
  rows: LogRow[];
}

const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);

/** Reads ประวัติ with one getValues (creating it, or a missing header, when needed). */
export function readLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): Log {
  const sheet = logSheet(ss);
  const values = readSheet(sheet);
  const cols = columns(sheet, values[0] ?? []);
  const at = (r: unknown[], key: Key) => r[cols[key] - 1];
  const text = (r: unknown[], key: Key) => cellText(at(r, key)) ?? '';
  const rows = values.slice(1).map((r, i): LogRow => ({
    row: i + 2,
    time: at(r, 'time'),
    user: text(r, 'user'),
    action: text(r, 'action'),
    document: text(r, 'document'),
    pdf: text(r, 'pdf'),
    status: text(r, 'status'),
    open: num(at(r, 'openComments')),
    resolved: num(at(r, 'resolvedComments')),
    note: text(r, 'note'),
    memoStatus: text(r, 'memoStatus'),
    docId: text(r, 'docId'),
  }));
  return { sheet, cols, values, rows };
}

/** Appends one row to ประวัติ, after the sheet's last used row, with one write. */
export function appendLog(
  ss: GoogleAppsScript.Spreadsheet.Spreadsheet,
  entry: LogEntry,
  log: Log = readLog(ss),
): void {
  const { sheet, cols } = log;
  const width = Math.max(...Object.values(cols));
  const row = new Array<unknown>(width).fill('');
  for (const key of Object.keys(entry) as Key[]) row[cols[key] - 1] = asLiteral(entry[key]);
  // The row after the last used one is empty in every column: nothing of staff's is written over.
  sheet.getRange(Math.max(sheet.getLastRow(), 1) + 1, 1, 1, width).setValues([row]);
}

/** New values for a memo's own row (its generation row). */
export interface MemoRowUpdate {
  row: number;
  memoStatus?: string;
  openComments?: number;
  resolvedComments?: number;
}

/**
 * Writes the status cells of memo rows: one setValues per column that changes, over the rows
 * from the first to the last updated (rows between keep the values read, as literals). Nothing is
 * written when nothing changes.
 */
export function updateMemoRows(log: Log, updates: readonly MemoRowUpdate[]): void {
  for (const key of ['memoStatus', 'openComments', 'resolvedComments'] as const) {
    const changed = updates.filter(
      (u) => u[key] !== undefined && log.values[u.row - 1]?.[log.cols[key] - 1] !== u[key],
    );
    if (!changed.length) continue;
    const first = Math.min(...changed.map((u) => u.row));
    const last = Math.max(...changed.map((u) => u.row));
    const column: unknown[][] = [];
    for (let r = first; r <= last; r++) {
      const u = changed.find((x) => x.row === r);
      column.push([
        u ? asLiteral(u[key]) : asLiteral(log.values[r - 1]?.[log.cols[key] - 1] ?? ''),
      ]);
    }
    log.sheet.getRange(first, log.cols[key], column.length, 1).setValues(column);
    for (const u of changed) {
      const row = (log.values[u.row - 1] ??= []);
      row[log.cols[key] - 1] = u[key];
    }
  }
}
