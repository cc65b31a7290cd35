import { ADVANCES, RANGE_STARTS } from './sarabun-advances.generated';

/**
 * Table column widths from the content, computed where the template is written so that Google
 * Docs (FIXED_WIDTH columns) and the local renderers lay the same table out.
 *
 * Widths are measured with Sarabun's own advances (sarabun-advances.generated.ts, taken from
 * the TTFs by scripts/make-text-advances.mjs): a Thai word is as wide as the sum of its
 * characters' advances, the marks above and below taking none, as fontkit lays it out. The core
 * has no dictionary of its own: a cell's Thai runs are split into words by ICU's Thai dictionary
 * (Intl.Segmenter, whose words the renderers' libthai lists mostly agree with: ประชาสัมพันธ์,
 * 5.9 em, is one word in both), where the runtime has it; where it does not, a run counts as
 * unbreakable up to a few em (a header such as ผู้รับผิดชอบ, 5.0 em, stays on one line) and longer
 * runs are assumed to break somewhere. Latin tokens (URLs, codes) are kept whole when the table
 * has room for them; when it has not, they are the ones that break (the renderers break an
 * over-long URL after / and before . - _ @ = …, thai-breaking.ts), never a Thai word.
 *
 * Every column gets at least its widest unbreakable word (so no header is forced onto two lines
 * by a column of short words, and no Thai word is split by a column squeezed below it: when the
 * words do not all fit, the widths under the Thai words are kept and only the room a long Latin
 * token asks beyond its pieces is shared out), and the rest is balanced so the rows are as short and as even as
 * they can be: the cost is the rows' lines plus a part of their squares, so a row 18 lines tall
 * beside rows of 10 costs more than the lines it saves elsewhere. The header row counts its lines
 * from the words of the headers (HEADER_WORDS: the core has no dictionary, but the contract's
 * headers are known), and a short word left alone on a header line (ระยะเวลาใน / การ /
 * ดำเนินการ) costs several lines.
 */

/** Latin tokens are measured exactly; a little room for the renderers' rounding and kerning. */
const LATIN_MARGIN = 1.05;

/**
 * The words of the measures table's headers (contract.ts), so their lines can be counted as the
 * renderers break them; a header of other words is split at spaces and slashes only.
 */
const HEADER_WORDS = [
  'ระยะเวลา',
  'ใน',
  'การ',
  'ดำเนินการ',
  'สรุป',
  'ผล',
  'ตาม',
  'มาตรการ',
  'กิจกรรม',
  'ผลลัพธ์',
  'ความสำเร็จ',
  'ของ',
  'ขั้นตอน',
  'วิธีการ',
  'ผู้รับผิดชอบ',
].sort((a, b) => b.length - a.length);
/** A header line narrower than this, em, holds a short word left alone. */
const SHORT_LINE_EM = 2;
/** The header's widths, scaled by each of these (the renderers' own breaking, justification). */
const HEADER_SCALES = [0.97, 1, 1.05];
/** The header row repeats on every page the table takes: its lines count twice. */
const HEADER_WEIGHT = 2;
/** A short word alone on a header line: avoided whenever the widths allow. */
const LONE_WORD = 100;
/** Weight of a row's height squared: a very tall row costs more than the lines it saves. */
const BALANCE = 0.15;
/**
 * Longest Thai run counted as one word, em: in a header (ผู้รับผิดชอบ is 5.0 em in bold) and in
 * the cells (ปีงบประมาณ is 5.4 em), where longer runs are phrases that break somewhere.
 */
const MAX_THAI_HEADER_WORD = 5.2;
const MAX_THAI_WORD = 5.5;
const CM_PER_PT = 2.54 / 72;

/** A character's advance, em; one the table does not hold counts as a Thai consonant. */
function charEm(ch: string, bold: boolean): number {
  const cp = ch.codePointAt(0) ?? 0;
  const table = ADVANCES[bold ? 1 : 0];
  for (let r = 0; r < RANGE_STARTS.length; r++) {
    const advance = table[r][cp - RANGE_STARTS[r]];
    if (advance !== undefined) return advance / 1000;
  }
  return table[1][0x0e01 - RANGE_STARTS[1]] / 1000;
}

function textEm(text: string, bold: boolean): number {
  let em = 0;
  for (const ch of text) em += charEm(ch, bold);
  return em;
}

/**
 * Longest ICU word counted whole, em: a longer "word" is a run the dictionary does not know (a
 * name, a typo), which the renderers may break between its syllables.
 */
const MAX_ICU_WORD = 8;

/**
 * The part of Intl.Segmenter used here: the core's lib (src/core/tsconfig.json, what the Apps
 * Script bundle may assume) does not declare it, so it is looked up, never assumed.
 */
interface WordSegmenter {
  segment(text: string): Iterable<{ segment: string }>;
}
type SegmenterClass = new (locale: string, options: { granularity: 'word' }) => WordSegmenter;

let thaiWords: WordSegmenter | null | undefined;

/**
 * A Thai run's words, by ICU's Thai dictionary; null where the runtime has no Intl.Segmenter.
 * Assumed, not verified: Apps Script's V8 runtime has it (V8 shipped it in 8.7); where it has
 * not, a run counts whole up to MAX_THAI_WORD as before.
 */
function thaiSegments(run: string): string[] | null {
  if (thaiWords === undefined) {
    const Segmenter =
      typeof Intl === 'undefined'
        ? undefined
        : (Intl as unknown as { Segmenter?: SegmenterClass }).Segmenter;
    thaiWords =
      typeof Segmenter === 'function' ? new Segmenter('th', { granularity: 'word' }) : null;
  }
  return thaiWords ? Array.from(thaiWords.segment(run), (s) => s.segment) : null;
}

/** Where the renderers break an over-long Latin token: after / and before . - _ @ ? # & = ~. */
const LATIN_PIECES = /(?<=\/)(?!\/)|(?<=[^\s])(?=[.\-_@?#&=~])/;

/**
 * The widest piece of `text` that cannot break, em. `latinPieces`: the widest piece of a Latin
 * token between the places an over-long one breaks at, instead of the whole token.
 */
function widestWord(text: string, bold: boolean, cap = MAX_THAI_WORD, latinPieces = false): number {
  let widest = 0;
  // A dash or bullet starting the line keeps the word after it ("- ประชาสัมพันธ์", thai-breaking.ts).
  const lead = /^([-–•*]) +/.exec(text);
  const tokens = text.split(/\s+/).filter((t) => t);
  tokens.forEach((token, t) => {
    const prefix = lead && t === 1 ? textEm(`${lead[1]} `, bold) : 0;
    // A slash ends a word (มาตรการ/|กิจกรรม), as the renderers break after it.
    token.split(/(?<=\/)/).forEach((part, p) => {
      const thai = /[\u0e01-\u0e5b]/.test(part) && !/[A-Za-z]/.test(part);
      const pre = p === 0 ? prefix : 0;
      if (!thai) {
        // A margin on Latin words: an unbreakable URL cut in two is the worst outcome.
        const pieces = latinPieces ? part.split(LATIN_PIECES) : [part];
        pieces.forEach((piece, i) => {
          widest = Math.max(widest, (i === 0 ? pre : 0) + textEm(piece, bold) * LATIN_MARGIN);
        });
        return;
      }
      const words = cap === MAX_THAI_WORD ? thaiSegments(part) : null;
      if (!words) {
        widest = Math.max(widest, pre + Math.min(textEm(part, bold), cap));
        return;
      }
      words.forEach((word, i) => {
        widest = Math.max(widest, (i === 0 ? pre : 0) + Math.min(textEm(word, bold), MAX_ICU_WORD));
      });
    });
  });
  return widest;
}

/** `text` as words: known header words, else runs between spaces, a slash ending a word. */
export function headerWords(text: string): string[] {
  const words: string[] = [];
  for (const token of text.split(/\s+/).filter((t) => t)) {
    for (const part of token.split(/(?<=\/)/)) {
      let rest = part;
      let unknown = '';
      while (rest) {
        const known = HEADER_WORDS.find((w) => rest.startsWith(w));
        if (known) {
          if (unknown) words.push(unknown);
          unknown = '';
          // A slash after a word stays with it (มาตรการ/).
          const word = rest.slice(known.length).startsWith('/') ? `${known}/` : known;
          words.push(word);
          rest = rest.slice(word.length);
        } else {
          unknown += rest[0];
          rest = rest.slice(1);
        }
      }
      if (unknown) words.push(unknown);
    }
  }
  return words;
}

/**
 * A header's lines at `width` points of text (its words filled greedily, as the renderers fill
 * them), and how many of them, the first apart, hold a short word alone.
 */
function headerLines(
  words: readonly number[],
  short: number,
  width: number,
): { lines: number; lone: number } {
  let lines = 1;
  let used = 0;
  let lone = 0;
  words.forEach((w, i) => {
    if (i > 0 && used + w > width) {
      if (used < short && lines > 1) lone++;
      lines++;
      used = 0;
    }
    used += w;
  });
  if (lines > 1 && used < short) lone++;
  return { lines, lone };
}

interface Column {
  /** Points: the widest word, padding included. */
  min: number;
  /** Points: the widest word with long Latin tokens in their pieces, padding included. */
  floor: number;
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
const STEPS = Array.from({ length: 12 }, (_, i) => 3 * (i + 1));
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
  // Each cell as the widths of its lines, points; the header row by its words.
  const headerRow = headers.map((h) =>
    headerWords(h).map((w) => textEm(w, options.headerBold) * options.size),
  );
  const cells: { lines: number[] }[][] = [
    ...sample.map((r) =>
      headers.map((_, c) => ({
        lines: (r[c] ?? '').split(/\r\n|\r|\n/).map((l) => textEm(l, false) * options.size),
      })),
    ),
  ];
  const columns: Column[] = headers.map((header, c) => {
    // A header's widest word (its known words whole, other runs up to MAX_THAI_HEADER_WORD).
    let min =
      Math.max(
        ...headerWords(header).map((w) => widestWord(w, options.headerBold, MAX_THAI_HEADER_WORD)),
      ) * options.size;
    let floor = min;
    let max = headerRow[c].reduce((s, w) => s + w, 0);
    cells.forEach((row, r) => {
      for (const line of (sample[r][c] ?? '').split(/\r\n|\r|\n/)) {
        min = Math.max(min, widestWord(line, false) * options.size);
        floor = Math.max(floor, widestWord(line, false, MAX_THAI_WORD, true) * options.size);
      }
      for (const w of row[c].lines) max = Math.max(max, w);
    });
    return { min: min + pad, floor: floor + pad, max: max + pad };
  });
  const room = total / CM_PER_PT;
  const mins = columns.reduce((s, c) => s + c.min, 0);
  if (mins >= room) return toCm(squeezed(columns, room));
  // Start in proportion to the widest lines, within [min, …].
  const spare = room - mins;
  const want = columns.reduce((s, c) => s + Math.max(c.max - c.min, 0), 0) || 1;
  const widths = columns.map((c) => c.min + (spare * Math.max(c.max - c.min, 0)) / want);
  const lines = (cell: { lines: number[] }, width: number) =>
    cell.lines.reduce(
      (n, w) =>
        // The expected count, not its ceiling: a smooth cost the search can follow.
        n + Math.max(1, w / Math.max(width - pad - WRAP_LOSS_EM * options.size, 1) + 0.5),
      0,
    );
  const short = SHORT_LINE_EM * options.size;
  // The estimate may be a few per cent off the renderer's widths either way: a header counts
  // with the worst of them. The row is as tall as its tallest header; a short word left alone
  // costs LONE_WORD lines, whichever header it is in.
  const headerCost = (ws: number[]) => {
    let tallest = 0;
    let lone = 0;
    headerRow.forEach((words, c) => {
      const worst = HEADER_SCALES.map((k) => headerLines(words, short, (ws[c] - pad) / k));
      tallest = Math.max(tallest, ...worst.map((l) => l.lines));
      lone += Math.max(...worst.map((l) => l.lone));
    });
    return HEADER_WEIGHT * tallest + LONE_WORD * lone;
  };
  const height = (ws: number[]) => {
    let sum = headerCost(ws);
    for (const row of cells) {
      const h = Math.max(...row.map((cell, c) => lines(cell, ws[c])));
      sum += h + BALANCE * h * h;
    }
    return sum;
  };
  let best = height(widths);
  // Small moves, and longer ones that can carry a header over to one line fewer at once.
  for (let move = 0; move < MAX_MOVES; move++) {
    let choice: [number, number, number, number] | null = null;
    for (const step of STEPS)
      for (let from = 0; from < widths.length; from++) {
        if (widths[from] - step < columns[from].min) continue;
        for (let to = 0; to < widths.length; to++) {
          if (to === from) continue;
          widths[from] -= step;
          widths[to] += step;
          const h = height(widths);
          widths[from] += step;
          widths[to] -= step;
          if (h < (choice ? choice[2] : best) - 1e-9) choice = [from, to, h, step];
        }
      }
    if (!choice) break;
    widths[choice[0]] -= choice[3];
    widths[choice[1]] += choice[3];
    best = choice[2];
  }
  return toCm(widths);
}

/**
 * Widths when the words do not all fit: every column keeps its floor (its Thai words whole, its
 * long Latin tokens in pieces), and what is left goes to the columns whose Latin tokens ask for
 * more, in proportion; only when even the floors do not fit is every column scaled down.
 */
function squeezed(columns: readonly Column[], room: number): number[] {
  const floors = columns.reduce((s, c) => s + c.floor, 0);
  if (floors >= room) return columns.map((c) => (c.floor * room) / floors);
  const asked = columns.reduce((s, c) => s + (c.min - c.floor), 0);
  return columns.map((c) => c.floor + ((room - floors) * (c.min - c.floor)) / asked);
}

function toCm(points: number[]): number[] {
  return points.map((p) => Math.floor(p * CM_PER_PT * 100) / 100);
}
