/**
 * Findings shown on their cells: a note and a soft highlight that appear while a problem stands
 * and go when it is fixed. Staff's own notes and fills survive: our part of a note sits under
 * a marker line and only that part is replaced; only cells with no fill of their own (or our
 * highlight) are coloured.
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

/**
 * Marks every cell of a tab with its findings and clears marks of fixed cells: 2 reads, at most
 * 2 writes, over the area that was read (plus the header row a finding at A1 may need). A finding
 * outside that area (content below the read rows) is shown in the sidebar only: marking it would
 * read notes down to it.
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
  let notesChanged = false;
  let backgroundsChanged = false;
  const newBackgrounds: (string | null)[][] = backgrounds.map((row) => row.slice());
  for (let r = 0; r < rows; r++) {
    for (let c = 0; c < cols; c++) {
      const here = byCell.get(`${r}:${c}`) ?? [];
      const note = notes[r][c] ?? '';
      const staff = staffNote(note);
      const next = here.length ? ourNote(staff, here) : staff;
      if (next !== note) {
        notes[r][c] = next;
        notesChanged = true;
      }
      const bg = (backgrounds[r][c] ?? '').toLowerCase();
      const ours = OURS.has(bg);
      let want: string | null = bg;
      if (here.length && (PLAIN.has(bg) || ours)) {
        want = HIGHLIGHT[here.some((f) => f.severity === 'error') ? 'error' : 'warning'];
      } else if (!here.length && ours) {
        want = null;
      }
      if (want !== bg) {
        newBackgrounds[r][c] = want;
        backgroundsChanged = true;
      }
    }
  }
  if (notesChanged) range.setNotes(notes);
  if (backgroundsChanged) range.setBackgrounds(newBackgrounds as string[][]);
}
