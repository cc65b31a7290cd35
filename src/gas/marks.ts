/**
 * Findings shown on their cells: a note and a soft highlight that appear while a problem stands
 * and go when it is fixed. Staff's own notes and fills survive: our part of a note sits under
 * a marker line and only that part is replaced; only cells with no fill of their own (or our
 * highlight) are coloured; and only cells whose mark changes are written.
 */
import type { Finding } from '../core/validation/finding';
import { fromA1 } from '../core/workbook/a1';
import { MAX_TAB_COLUMNS } from '../core/workbook/contract';

type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

export const NOTE_MARK = '— ตรวจโดย ITA Memo —';
const HIGHLIGHT: Record<'error' | 'warning', string> = { error: '#fce8e6', warning: '#fef7e0' };
const OURS = new Set(Object.values(HIGHLIGHT));
const PLAIN = new Set(['', '#ffffff', '#fff', 'white']);

/** A note without our part. */
export function staffNote(note: string): string {
  const at = note.indexOf(NOTE_MARK);
  return at < 0 ? note : note.slice(0, at).replace(/\s+$/, '');
}

function ourNote(staff: string, findings: Finding[]): string {
  const lines = findings.map((f) => `• ${f.message}`);
  return `${staff ? `${staff}\n\n` : ''}${NOTE_MARK}\n${lines.join('\n')}`;
}

/** One cell whose note or fill must change (0-based row and column), and its new value. */
interface Change<T> {
  r: number;
  c: number;
  value: T;
}

/**
 * Writes only the cells that change, each run of adjacent cells in one column with one call:
 * never the whole tab, so what others typed, noted or coloured meanwhile (and table styling or
 * alternating colours, which an explicit white fill would cover) stays as it is. Calls grow with
 * the cells whose marks change, not with the size of the tab.
 */
function writeRuns<T>(
  sheet: Sheet,
  changes: Change<T>[],
  write: (range: GoogleAppsScript.Spreadsheet.Range, values: T[][]) => void,
): void {
  const sorted = [...changes].sort((a, b) => a.c - b.c || a.r - b.r);
  for (let i = 0; i < sorted.length;) {
    let j = i + 1;
    while (j < sorted.length && sorted[j].c === sorted[i].c && sorted[j].r === sorted[j - 1].r + 1)
      j++;
    const run = sorted.slice(i, j);
    write(
      sheet.getRange(run[0].r + 1, run[0].c + 1, run.length, 1),
      run.map((x) => [x.value]),
    );
    i = j;
  }
}

/**
 * Marks every cell of a tab with its findings and clears marks of fixed cells: 2 reads over the
 * area that was read (plus the header row a finding at A1 may need), then only the changed cells
 * are written. A finding outside that area (content below the read rows) is shown in the sidebar
 * only: marking it would read notes down to it.
 */
export function markFindings(sheet: Sheet, values: unknown[][], findings: Finding[]): void {
  const byCell = new Map<string, Finding[]>();
  const rows = Math.max(values.length, 1);
  let cols = Math.max(values[0]?.length ?? 0, 1);
  for (const f of findings) {
    if (f.severity === 'info') continue;
    const at = fromA1(f.cell);
    if (!at || at.row > rows || at.column > MAX_TAB_COLUMNS) continue;
    cols = Math.max(cols, at.column);
    const key = `${at.row - 1}:${at.column - 1}`;
    byCell.set(key, [...(byCell.get(key) ?? []), f]);
  }
  const range = sheet.getRange(1, 1, rows, cols);
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  const noteChanges: Change<string>[] = [];
  const fillChanges: Change<string | null>[] = [];
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const here = byCell.get(`${r}:${c}`) ?? [];
      const note = notes[r][c] ?? '';
      const staff = staffNote(note);
      const next = here.length ? ourNote(staff, here) : staff;
      if (next !== note) noteChanges.push({ r, c, value: next });
      const bg = (backgrounds[r][c] ?? '').toLowerCase();
      const ours = OURS.has(bg);
      let want: string | null = bg;
      if (here.length && (PLAIN.has(bg) || ours)) {
        want = HIGHLIGHT[here.some((f) => f.severity === 'error') ? 'error' : 'warning'];
      } else if (!here.length && ours) {
        want = null;
      }
      if (want !== bg) fillChanges.push({ r, c, value: want });
    }
  }
  writeRuns(sheet, noteChanges, (cells, v) => cells.setNotes(v));
  writeRuns(sheet, fillChanges, (cells, v) => cells.setBackgrounds(v as string[][]));
}

/** Removes our highlight from cells just emptied (staff's own fills stay): 1 read, at most 1 write. */
export function clearMarks(range: GoogleAppsScript.Spreadsheet.Range): void {
  const backgrounds = range.getBackgrounds();
  let changed = false;
  const next = backgrounds.map((row) =>
    row.map((bg) => {
      if (!OURS.has((bg ?? '').toLowerCase())) return bg;
      changed = true;
      return null;
    }),
  );
  if (changed) range.setBackgrounds(next as string[][]);
}
