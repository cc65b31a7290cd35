/**
 * Table column widths from the content, computed where the template is written so that Google
 * Docs (FIXED_WIDTH columns) and the local renderers lay the same table out.
 *
 * Widths are estimated from Sarabun's average advances (measured on the TTFs: Thai consonants
 * 0.62 em regular / 0.65 em bold, vowels written beside a consonant 0.47 / 0.50, Thai digits
 * 0.69 / 0.70, Latin lower case 0.48 / 0.51, upper case 0.60 / 0.63, digits 0.55 / 0.57,
 * space 0.24, punctuation 0.32 / 0.35; marks above and below take no width). The core has no
 * dictionary, so where a Thai run may break is not known: a run counts as unbreakable up to
 * MAX_THAI_WORD em (a compound such as ผู้รับผิดชอบ, 5.2 em, stays on one line), longer runs are
 * assumed to break somewhere. Latin tokens (URLs, codes) never break.
 *
 * The algorithm is CSS's automatic table layout: every column gets at least its widest
 * unbreakable word (so no header is forced onto two lines by a column of short words), and what
 * is left goes to the columns in proportion to how much text they hold, none wider than its
 * widest unwrapped line (so no column of long paragraphs stands 20 lines tall beside empty ones).
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

/** Longest Thai run counted as one word, em. */
const MAX_THAI_WORD = 6;
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
function widestWord(text: string, bold: boolean): number {
  let widest = 0;
  for (const token of text.split(/\s+/)) {
    // A slash ends a word (มาตรการ/|กิจกรรม), as the renderers break after it.
    for (const part of token.split(/(?<=\/)/)) {
      const em = textEm(part, bold);
      const thai = /[\u0e01-\u0e5b]/.test(part) && !/[A-Za-z]/.test(part);
      widest = Math.max(widest, thai ? Math.min(em, MAX_THAI_WORD) : em);
    }
  }
  return widest;
}

interface Column {
  /** Points. */
  min: number;
  max: number;
  /** How much text the column holds (its cells' unwrapped widths added up), points. */
  area: number;
}

export interface ColumnWidthOptions {
  /** Font size of the cells, points. */
  size: number;
  /** The header row is in bold. */
  headerBold: boolean;
  /** A cell's left and right padding together, cm. */
  padding: number;
}

/**
 * Widths in cm for a table of `total` cm with these headers and rows of cell texts (a cell's
 * lines are separated by newlines).
 */
export function columnWidths(
  headers: readonly string[],
  rows: readonly (readonly string[])[],
  total: number,
  options: ColumnWidthOptions,
): number[] {
  const pad = options.padding / CM_PER_PT;
  const columns: Column[] = headers.map((header, c) => {
    const cells = [
      { text: header, bold: options.headerBold },
      ...rows.map((r) => ({ text: r[c] ?? '', bold: false })),
    ];
    let min = 0;
    let max = 0;
    let area = 0;
    for (const cell of cells) {
      for (const line of cell.text.split(/\r\n|\r|\n/)) {
        const width = textEm(line, cell.bold) * options.size;
        min = Math.max(min, widestWord(line, cell.bold) * options.size);
        max = Math.max(max, width);
        area += width;
      }
    }
    return { min: min + pad, max: max + pad, area };
  });
  const room = total / CM_PER_PT;
  const mins = columns.reduce((s, c) => s + c.min, 0);
  if (mins >= room) return toCm(columns.map((c) => (c.min * room) / mins));
  const widths = columns.map((c) => c.min);
  // What is left goes by the text each column holds; a column at its widest unwrapped line
  // takes no more, and the rest goes round again.
  let left = room - mins;
  let open = columns.map((c, i) => i).filter((i) => columns[i].max > widths[i]);
  while (left > 0.01 && open.length) {
    const area = open.reduce((s, i) => s + Math.max(columns[i].area, 1), 0);
    let given = 0;
    for (const i of open) {
      const share = (left * Math.max(columns[i].area, 1)) / area;
      const add = Math.min(share, columns[i].max - widths[i]);
      widths[i] += add;
      given += add;
    }
    left -= given;
    open = open.filter((i) => columns[i].max - widths[i] > 0.01);
    if (given < 0.01) break;
  }
  // Every column at its widest line and room to spare: share the rest evenly.
  if (left > 0.01) for (let i = 0; i < widths.length; i++) widths[i] += left / widths.length;
  return toCm(widths);
}

function toCm(points: number[]): number[] {
  return points.map((p) => Math.floor(p * CM_PER_PT * 100) / 100);
}
