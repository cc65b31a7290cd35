/**
 * The run log (ประวัติ): one row per run, written by the add-on. Every value is written as
 * literal text (see core/workbook/literal), so nothing there can become a formula.
 */
import { cellText } from '../core/workbook/cells';
import { LOG_TAB } from '../core/workbook/contract';
import { asLiteral } from '../core/workbook/literal';
import { normalizeText } from '../core/thai/normalize';
import { findSheet, readSheet } from './sheets';
import { commentCounts } from './drive';
import { parseDriveId } from '../core/workbook/drive-id';

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

/** Appends one row to ประวัติ, after the sheet's last used row, with one write. */
export function appendLog(ss: GoogleAppsScript.Spreadsheet.Spreadsheet, entry: LogEntry): void {
  const sheet = logSheet(ss);
  const values = readSheet(sheet);
  const cols = columns(sheet, values[0] ?? []);
  const width = Math.max(...Object.values(cols));
  const row = new Array<unknown>(width).fill('');
  for (const key of Object.keys(entry) as Key[]) row[cols[key] - 1] = asLiteral(entry[key]);
  // The row after the last used one is empty in every column: nothing of staff's is written over.
  sheet.getRange(Math.max(sheet.getLastRow(), 1) + 1, 1, 1, width).setValues([row]);
}

export interface CommentRefresh {
  updated: number;
  /**
   * Docs this user's add-on could not read, by who generated them: under drive.file the add-on
   * reaches only what it made for the person running it (or what they picked), so another
   * person's memos are not read; their counts stay as they were.
   */
  unreachable: { user: string; count: number }[];
}

/**
 * Reads the comment status of every generated Doc in the log back into its row: open and
 * resolved comments. One read of the log, one Drive call per Doc, one write per column.
 */
export function refreshCommentStatus(ss: GoogleAppsScript.Spreadsheet.Spreadsheet): CommentRefresh {
  const none: CommentRefresh = { updated: 0, unreachable: [] };
  const sheet = findSheet(ss, LOG_TAB.name);
  if (!sheet) return none;
  const values = readSheet(sheet);
  if (values.length < 2) return none;
  const cols = columns(sheet, values[0]);
  const open: unknown[][] = [];
  const resolved: unknown[][] = [];
  const skipped = new Map<string, number>();
  let updated = 0;
  for (let r = 1; r < values.length; r++) {
    const id = parseDriveId(cellText(values[r][cols.document - 1]));
    const counts = id ? commentCounts(id) : null;
    // A row whose Doc cannot be reached keeps its counts (as literals: never a formula).
    open.push([counts ? counts.open : asLiteral(values[r][cols.openComments - 1] ?? '')]);
    resolved.push([
      counts ? counts.resolved : asLiteral(values[r][cols.resolvedComments - 1] ?? ''),
    ]);
    if (counts) updated++;
    else if (id) {
      const who = cellText(values[r][cols.user - 1]) ?? '';
      skipped.set(who, (skipped.get(who) ?? 0) + 1);
    }
  }
  sheet.getRange(2, cols.openComments, open.length, 1).setValues(open);
  sheet.getRange(2, cols.resolvedComments, resolved.length, 1).setValues(resolved);
  return { updated, unreachable: [...skipped].map(([user, count]) => ({ user, count })) };
}
