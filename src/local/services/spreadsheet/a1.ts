/** A1 notation: column letters, cell and range references, optionally qualified by a sheet name. */

/** A rectangle of cells, 1-based. */
export interface GridRange {
  row: number;
  col: number;
  numRows: number;
  numCols: number;
}

/** Google Sheets' limit: 18,278 columns (ZZZ). */
export const MAX_COLUMNS = 18_278;

export function columnToLetters(col: number): string {
  let n = col;
  let s = '';
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

export function lettersToColumn(letters: string): number {
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function cellA1(row: number, col: number): string {
  return `${columnToLetters(col)}${row}`;
}

export function rangeA1(g: GridRange): string {
  const start = cellA1(g.row, g.col);
  if (g.numRows === 1 && g.numCols === 1) return start;
  return `${start}:${cellA1(g.row + g.numRows - 1, g.col + g.numCols - 1)}`;
}

/** Quotes a sheet name for A1 notation when Sheets would: anything but letters, digits and _. */
export function quoteSheetName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `'${name.replace(/'/g, "''")}'`;
}

/** Splits `'คะแนน'!C5` into the sheet name and the reference; unquoted names may not hold ' or !. */
export function splitSheet(a1: string): { sheetName?: string; ref: string } | null {
  const text = a1.trim();
  const quoted = /^'((?:[^']|'')+)'!(.+)$/.exec(text);
  if (quoted) return { sheetName: quoted[1].replace(/''/g, "'"), ref: quoted[2] };
  const bang = text.lastIndexOf('!');
  if (bang < 0) return { ref: text };
  const name = text.slice(0, bang);
  if (name === '' || /['!]/.test(name)) return null;
  return { sheetName: name, ref: text.slice(bang + 1) };
}

interface Part {
  col?: number;
  row?: number;
}

const PART = /^\$?([A-Za-z]{1,3})?\$?(\d+)?$/;

function parsePart(text: string): Part | null {
  const m = PART.exec(text.trim());
  if (!m || (!m[1] && !m[2])) return null;
  const part: Part = {};
  if (m[1]) part.col = lettersToColumn(m[1]);
  if (m[2]) part.row = Number(m[2]);
  if (part.row === 0 || (part.col !== undefined && part.col > MAX_COLUMNS)) return null;
  return part;
}

/**
 * Parses `A1`, `A1:B2`, `A:B`, `2:3` and the open-ended `A2:B` (to the last row) against a grid of
 * `maxRows` × `maxCols`. Returns null for anything Sheets would answer with "Range not found".
 */
export function parseRef(ref: string, maxRows: number, maxCols: number): GridRange | null {
  const pieces = ref.split(':');
  if (pieces.length > 2) return null;
  const a = parsePart(pieces[0]);
  if (!a) return null;
  if (pieces.length === 1) {
    if (a.col === undefined || a.row === undefined) return null;
    return { row: a.row, col: a.col, numRows: 1, numCols: 1 };
  }
  const b = parsePart(pieces[1]);
  if (!b) return null;
  // Whole rows (2:3) need rows on both sides; whole columns (A:B) need columns on both sides.
  if (a.col === undefined && (b.col !== undefined || a.row === undefined || b.row === undefined))
    return null;
  if (a.row === undefined && (b.row !== undefined || b.col === undefined)) return null;
  const c1 = a.col ?? 1;
  const c2 = b.col ?? maxCols;
  const r1 = a.row ?? 1;
  const r2 = b.row ?? maxRows;
  const row = Math.min(r1, r2);
  const col = Math.min(c1, c2);
  return { row, col, numRows: Math.max(r1, r2) - row + 1, numCols: Math.max(c1, c2) - col + 1 };
}
