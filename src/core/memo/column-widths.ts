/**
 * Table column widths from the content, computed where the template is written so that Google
 * Docs (FIXED_WIDTH columns) and the local renderers lay the same table out.
 *
 * Widths are estimated from Sarabun's average advances (measured on the TTFs: Thai consonants
 * 0.62 em regular / 0.65 em bold, vowels written beside a consonant 0.47 / 0.50, Thai digits
 * 0.69 / 0.70, Latin lower case 0.48 / 0.51, upper case 0.60 / 0.63, digits 0.55 / 0.57,
 * space 0.24, punctuation 0.32 / 0.35; marks above and below take no width). The core has no
 * dictionary, so where a Thai run may break is not known: a run counts as unbreakable up to
 * a few em (a header such as ผู้รับผิดชอบ, 5.0 em, stays on one line), longer runs are assumed
 * to break somewhere. Latin tokens (URLs, codes) never break.
 *
 * Every column gets at least its widest unbreakable word (so no header is forced onto two lines
 * by a column of short words), and the rest is balanced so the table is as short as it can be
 * (so no column of long paragraphs stands 20 lines tall beside nearly empty ones).
 */

/** Em widths: [regular, bold]. */
const EM = {
  thai: [0.622, 0.646],
  vowel: [0.471, 0.503],
  thaiDigit: [0.686, 0.701],
  lower: [0.482, 0.509],
  upper: [0.599, 0.627],
  digit: [0.55, 0.565],
  space: [0.243, 0.233],
  punct: [0.316, 0.35],
} as const;

const LATIN_MARGIN = 1.15;
/**
 * Longest Thai run counted as one word, em: in a header (ผู้รับผิดชอบ is 5.0 em in bold) and in
 * the cells, where longer runs are phrases that break somewhere.
 */
const MAX_THAI_HEADER_WORD = 5.2;
const MAX_THAI_WORD = 4;
const CM_PER_PT = 2.54 / 72;

/** Marks above or below a consonant (no advance of their own). */
const MARK = /[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/;

function charEm(ch: string, bold: boolean): number {
  const w = bold ? 1 : 0;
  if (MARK.test(ch)) return 0;
  if (/[\u0e50-\u0e59]/.test(ch)) return EM.thaiDigit[w];
  if (/[\u0e30\u0e32\u0e33\u0e40-\u0e46\u0e2f]/.test(ch)) return EM.vowel[w];
  if (/[\u0e01-\u0e2e]/.test(ch)) return EM.thai[w];
  if (/[a-z]/.test(ch)) return EM.lower[w];
  if (/[A-Z]/.test(ch)) return EM.upper[w];
  if (/[0-9]/.test(ch)) return EM.digit[w];
  if (ch === ' ') return EM.space[w];
  return EM.punct[w];
}

function textEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em;
}

/** The widest piece of `text` that cannot break, em. */
function widestWord(text: string, bold: boolean, cap = MAX_THAI_WORD): number {
  let widest = 0;
  for (const token of text.split(/\s+/)) {
    // A slash ends a word (มาตรการ/|กิจกรรม), as the renderers break after it.
    for (const part of token.split(/(?<=\/)/)) {
      const em = textEm(part, bold);
      const thai = /[\u0e01-\u0e5b]/.test(part) && !/[A-Za-z]/.test(part);
      // Latin words are wider than the average letter says (w, m, capitals): a margin, as an
      // unbreakable URL cut in two is the worst outcome.
      widest = Math.max(widest, thai ? Math.min(em, cap) : em * LATIN_MARGIN);
    }
  }
  return widest;
}

interface Column {
  /** Points: the widest word, padding included. */
  min: number;
  /** The widest unwrapped line, padding included. */
  max: number;
}

export interface ColumnWidthOptions {
  /** Font size of the cells, points. */
  size: number;
  /** The header row is in bold. */
  headerBold: boolean;
  /** A cell's left and right padding together, cm. */
  padding: number;
}

/** Rows looked at when balancing: enough to know the table, few enough for Apps Script. */
const SAMPLE_ROWS = 60;
/** Points moved between two columns at a time. */
const STEP = 3;
const MAX_MOVES = 400;
/** A line is rarely filled to its end: a wrapped word leaves about half a word (1.5 em) empty. */
const WRAP_LOSS_EM = 1.5;

/**
 * Widths in cm for a table of `total` cm with these headers and rows of cell texts (a cell's
 * lines are separated by newlines). Every column gets at least its widest word; then width moves
 * a few points at a time to where it shortens the table most (the sum of the rows' heights, each
 * row as tall as its tallest cell), so no column stands many lines tall beside short ones.
 */
export function columnWidths(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  total: number,
  options: ColumnWidthOptions,
): number[] {
  const pad = options.padding / CM_PER_PT;
  const step = Math.max(1, Math.ceil(rows.length / SAMPLE_ROWS));
  const sample = rows.filter((_, i) => i % step === 0);
  // Each cell as the widths of its lines, points.
  const cells: { lines: number[] }[][] = [
    headers.map((h) => ({
      lines: h.split(/\r\n|\r|\n/).map((l) => textEm(l, options.headerBold) * options.size),
    })),
    ...sample.map((r) =>
      headers.map((_, c) => ({
        lines: (r[c] ?? '').split(/\r\n|\r|\n/).map((l) => textEm(l, false) * options.size),
      })),
    ),
  ];
  const columns: Column[] = headers.map((header, c) => {
    let min = widestWord(header, options.headerBold, MAX_THAI_HEADER_WORD) * options.size;
    let max = 0;
    cells.forEach((row, r) => {
      if (r > 0)
        for (const line of (sample[r - 1][c] ?? '').split(/\r\n|\r|\n/))
          min = Math.max(min, widestWord(line, false) * options.size);
      for (const w of row[c].lines) max = Math.max(max, w);
    });
    return { min: min + pad, max: max + pad };
  });
  const room = total / CM_PER_PT;
  const mins = columns.reduce((s, c) => s + c.min, 0);
  if (mins >= room) return toCm(columns.map((c) => (c.min * room) / mins));
  // Start in proportion to the widest lines, within [min, …].
  const spare = room - mins;
  const want = columns.reduce((s, c) => s + Math.max(c.max - c.min, 0), 0) || 1;
  const widths = columns.map((c) => c.min + (spare * Math.max(c.max - c.min, 0)) / want);
  const lines = (cell: { lines: number[] }, width: number) =>
    cell.lines.reduce(
      (n, w) =>
        n + Math.max(1, Math.ceil(w / Math.max(width - pad - WRAP_LOSS_EM * options.size, 1))),
      0,
    );
  const height = (ws: number[]) =>
    cells.reduce((sum, row) => sum + Math.max(...row.map((cell, c) => lines(cell, ws[c]))), 0);
  let best = height(widths);
  for (let move = 0; move < MAX_MOVES; move++) {
    let choice: [number, number, number] | null = null;
    for (let from = 0; from < widths.length; from++) {
      if (widths[from] - STEP < columns[from].min) continue;
      for (let to = 0; to < widths.length; to++) {
        if (to === from) continue;
        widths[from] -= STEP;
        widths[to] += STEP;
        const h = height(widths);
        widths[from] += STEP;
        widths[to] -= STEP;
        if (h < (choice ? choice[2] : best)) choice = [from, to, h];
      }
    }
    if (!choice) break;
    widths[choice[0]] -= STEP;
    widths[choice[1]] += STEP;
    best = choice[2];
  }
  return toCm(widths);
}

function toCm(points: number[]): number[] {
  return points.map((p) => Math.floor(p * CM_PER_PT * 100) / 100);
}
