/**
 * Findings shown on their cells: a note and a soft highlight that appear while a problem stands
 * and go when it is fixed. Staff's own notes and fills survive: our part of a note sits under
 * a marker line and only that part is replaced; only cells with no fill of their own (or our
 * highlight) are coloured; and only cells whose mark changes are written, in a bounded number of
 * calls.
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

type Range = GoogleAppsScript.Spreadsheet.Range;

/** One cell whose note or fill must change (0-based row and column). */
interface At {
  r: number;
  c: number;
}

/** What to write into a cell (null: clear it), from what it holds now; undefined: leave it. */
type Want<T> = (current: T, at: At) => T | null | undefined;

/**
 * Beyond this many runs of changed cells, one rectangle is written instead (writeChanges): the
 * calls of a check stay bounded however scattered its findings are. With 8, a check writes at
 * most 8 notes and 8 fills (plus one read each in the rectangle case): about 1 s of the 30 s a
 * simple trigger has.
 */
const MAX_RUNS = 8;

/** Changed cells in runs of adjacent rows of one column, each run one write. */
function runsOf(changes: readonly At[]): At[][] {
  const sorted = [...changes].sort((a, b) => a.c - b.c || a.r - b.r);
  const runs: At[][] = [];
  for (const at of sorted) {
    const run = runs[runs.length - 1];
    const last = run?.[run.length - 1];
    if (last && last.c === at.c && last.r + 1 === at.r) run.push(at);
    else runs.push([at]);
  }
  return runs;
}

/**
 * Writes the cells whose note (or fill) must change. Never the whole tab: what others typed,
 * noted or coloured elsewhere meanwhile (and table styling or alternating colours, which an
 * explicit white fill would cover) stays as it is.
 *
 * A few runs of changed cells: one write per run, with what was computed from the read at the
 * start of the check. Many runs (findings scattered over a long tab): one write of the smallest
 * rectangle holding every change, so the calls stay bounded (a per-run write of 600 rows with an
 * error every other row took 495 calls and ran out of a simple trigger's 30 s). The rectangle
 * also covers cells whose marks do not change, so it is read again just before it is written
 * and every cell's new value is worked out from that fresh read: a note or fill another person
 * set on such a cell after the check began is written back as they left it. What a concurrent
 * edit can still lose is a note or fill set in the moment between that read and the write (two
 * consecutive calls, no computation between them) on a cell inside the rectangle; values are
 * never written here, so no typed data is at stake, and the next check puts our marks right.
 * Cells with no fill of their own are written as no fill (null), never an explicit white.
 */
function writeChanges<T>(
  sheet: Sheet,
  read: T[][],
  want: Want<T>,
  get: (range: Range) => T[][],
  set: (range: Range, values: (T | null)[][]) => void,
): void {
  const changes: At[] = [];
  read.forEach((row, r) =>
    row.forEach((current, c) => {
      if (want(current, { r, c }) !== undefined) changes.push({ r, c });
    }),
  );
  if (!changes.length) return;
  const runs = runsOf(changes);
  if (runs.length <= MAX_RUNS) {
    for (const run of runs) {
      const range = sheet.getRange(run[0].r + 1, run[0].c + 1, run.length, 1);
      set(
        range,
        run.map((at) => [want(read[at.r][at.c], at) as T | null]),
      );
    }
    return;
  }
  const top = Math.min(...changes.map((at) => at.r));
  const left = Math.min(...changes.map((at) => at.c));
  const bottom = Math.max(...changes.map((at) => at.r));
  const right = Math.max(...changes.map((at) => at.c));
  const range = sheet.getRange(top + 1, left + 1, bottom - top + 1, right - left + 1);
  const fresh = get(range);
  set(
    range,
    fresh.map((row, i) =>
      row.map((current, j) => {
        const next = want(current, { r: top + i, c: left + j });
        return next === undefined ? kept(current) : next;
      }),
    ),
  );
}

/** A cell's own value written back as it is: a plain (unfilled) background as no fill. */
function kept<T>(current: T): T | null {
  return typeof current === 'string' && PLAIN.has(current.toLowerCase()) ? null : current;
}

/**
 * Marks every cell of a tab with its findings and clears marks of fixed cells: 2 reads over the
 * area that was read (plus the header row a finding at A1 may need), then only the changed cells
 * are written, in a bounded number of calls (writeChanges). A finding outside that area (content
 * below the read rows) is shown in the sidebar only: marking it would read notes down to it.
 */
export function markFindings(sheet: Sheet, values: unknown[][], findings: Finding[]): void {
  const byCell = new Map<string, Finding[]>();
  const rows = Math.max(values.length, 1);
  let cols = Math.max(values[0]?.length ?? 0, 1);
  for (const f of findings) {
    if (f.severity === 'info') continue;
    // A finding about a run of cells (คะแนน's blank scores) marks each of them.
    for (const cell of f.cells ?? [f.cell]) {
      const at = fromA1(cell);
      if (!at || at.row > rows || at.column > MAX_TAB_COLUMNS) continue;
      cols = Math.max(cols, at.column);
      const key = `${at.row - 1}:${at.column - 1}`;
      byCell.set(key, [...(byCell.get(key) ?? []), f]);
    }
  }
  const here = (at: At) => byCell.get(`${at.r}:${at.c}`) ?? [];
  const range = sheet.getRange(1, 1, rows, cols);
  const notes = range.getNotes();
  const backgrounds = range.getBackgrounds();
  writeChanges<string>(
    sheet,
    notes,
    (note, at) => {
      const found = here(at);
      const staff = staffNote(note ?? '');
      const next = found.length ? ourNote(staff, found) : staff;
      return next === (note ?? '') ? undefined : next;
    },
    (r) => r.getNotes(),
    (r, v) => r.setNotes(v),
  );
  writeChanges<string>(
    sheet,
    backgrounds,
    (background, at) => {
      const found = here(at);
      const bg = (background ?? '').toLowerCase();
      const ours = OURS.has(bg);
      if (found.length && (PLAIN.has(bg) || ours)) {
        const want = HIGHLIGHT[found.some((f) => f.severity === 'error') ? 'error' : 'warning'];
        return want === bg ? undefined : want;
      }
      return !found.length && ours ? null : undefined;
    },
    (r) => r.getBackgrounds(),
    (r, v) => r.setBackgrounds(v as string[][]),
  );
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
