/**
 * Offline, the links the add-on records must open what the run made on this computer. The add-on
 * records the Doc's and the PDF's Drive links in ประวัติ; the local Drive's links look like
 * Google's but lead nowhere outside the runtime. Before the CLI saves the workbook, each such
 * cell becomes a hyperlink to the file the CLI wrote, relative to the workbook's folder (so the
 * link still works when the folder is moved or copied whole), showing the file's name.
 */
import { dirname, relative, sep } from 'node:path';
import { LOG_TAB } from '../core/workbook/contract';
import { normalizeText } from '../core/thai/normalize';
import type { WorkbookData } from './services/spreadsheet/model';

/** A relative path as a URI reference: each segment percent-encoded, '/' between them. */
export function relativeLink(fromFile: string, toFile: string): string {
  return relative(dirname(fromFile), toFile).split(sep).map(encodeURIComponent).join('/');
}

/**
 * Replaces, in the run log's last row (the row the command's run appended), every cell whose value
 * is one of `links`' keys by a hyperlink to the file it maps to; earlier rows (another step on
 * the same Doc names the same link) stay as they are. The Doc's ID stays readable in รหัสเอกสาร,
 * so the review steps still find the memo. Returns how many cells changed.
 */
export function linkLogToFiles(
  book: WorkbookData,
  workbookPath: string,
  links: ReadonlyMap<string, string>,
): number {
  const sheet = book.sheets.find((s) => normalizeText(s.name) === LOG_TAB.name);
  if (!sheet) return 0;
  let changed = 0;
  const cells = [...sheet.cells()];
  const lastRow = Math.max(0, ...cells.map(([r]) => r));
  for (const [row, , cell] of cells) {
    if (row !== lastRow) continue;
    const file = typeof cell.value === 'string' ? links.get(cell.value) : undefined;
    if (!file) continue;
    const text = file.slice(file.lastIndexOf(sep) + 1);
    cell.value = text;
    cell.source = { text, hyperlink: relativeLink(workbookPath, file) };
    changed++;
  }
  return changed;
}
