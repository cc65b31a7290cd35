/**
 * Judges where a rendered PDF's lines end: pairs the lines pdf.js reads back with the paragraphs
 * of the document model, then looks at every place where a paragraph continues on the next line
 * and says whether a word, a token or a glued pair was broken there. The judge is the dictionary
 * line breaking uses (libthai's lists and the memo's compounds, src/local/render/thai-words.ts);
 * the PDF is the evidence. Used by scripts/broken-words.ts and the tests.
 */
import type { BlockNode, DocModel } from '../../src/local/docmodel';
import { inlineText } from '../../src/local/docmodel';
import { breakUnits } from '../../src/local/render/thai-breaking';
import { isThaiLetter, memoCompounds, segmentThai } from '../../src/local/render/thai-dictionary';

/** A line as read back from the PDF (pdf-reader.ts's TextBox has these). */
export interface ReadLine {
  page: number;
  text: string;
}

export type BreakKind =
  /** Inside a Thai word of the dictionary (or a stretch no word covers, such as a name). */
  | 'word'
  /** Inside a URL, an e-mail address, a code or a number: a run of non-Thai letters, digits and signs. */
  | 'token'
  /** Between a number and its unit, พ.ศ. and its year, or at punctuation that must not start or end a line. */
  | 'glue';

export interface BrokenAt {
  kind: BreakKind;
  /**
   * The line held nothing but the broken word, token or pair: it is wider than the line, so it
   * had to break somewhere (the renderer then chooses where: docs/rendering.md).
   */
  forced: boolean;
  /** What was broken, with | where the line ended. */
  where: string;
  page: number;
  /** The memo's compounds (thai-words.ts) the break falls inside. */
  compounds: string[];
}

export interface LineReport {
  /** Places where a paragraph went on to the next line. */
  junctions: number;
  broken: BrokenAt[];
  /** Lines that matched no paragraph (page numbers, an image's alt text). */
  unmatched: string[];
  /** Last lines of paragraphs of two lines or more that hold a single unbreakable word. */
  loneLastWords: string[];
}

interface Para {
  text: string;
  repeats: boolean;
  /** The text without whitespace, and each of its characters' offsets in `text`. */
  squashed: string;
  offsets: number[];
  /** How much of `squashed` the lines read so far have covered. */
  cursor: number;
  /** Where in `text` the last line read of this paragraph began. */
  lineStart: number;
  /** Lines read of this paragraph (its last drawing, for a repeated header row). */
  lines: number;
}

const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;
const WHITE = /\s/;

/** A paragraph's text; `repeats` for a table's header rows, drawn again on every page. */
export interface ParagraphText {
  text: string;
  repeats: boolean;
}

/** Every paragraph of the model (body, header, footer, table cells), split at line breaks. */
export function paragraphTexts(model: DocModel): ParagraphText[] {
  const out: ParagraphText[] = [];
  const walk = (blocks: BlockNode[] | undefined, repeats: boolean) => {
    for (const b of blocks ?? []) {
      if (b.type === 'table') {
        b.rows.forEach((row, r) => {
          for (const cell of row.cells) walk(cell.children, r < (b.headerRows ?? 0));
        });
      } else if (b.type !== 'sectionBreak') {
        const text = inlineText(b.children).replace(INVISIBLE, '');
        for (const part of text.split(/\r\n|[\n\r\v\u2028\u2029]/)) {
          if (part.trim() !== '') out.push({ text: part, repeats });
        }
      }
    }
  };
  walk(model.header, false);
  walk(model.body, false);
  walk(model.footer, false);
  return out;
}

function toPara({ text, repeats }: ParagraphText): Para {
  let squashed = '';
  const offsets: number[] = [];
  for (let i = 0; i < text.length; i++) {
    if (WHITE.test(text[i])) continue;
    squashed += text[i];
    offsets.push(i);
  }
  return { text, repeats, squashed, offsets, cursor: 0, lineStart: 0, lines: 0 };
}

const squash = (s: string) => s.replace(/\s+/g, '');

/** Pairs each line with the paragraph it continues and judges each line end inside a paragraph. */
export function judgeLines(lines: ReadLine[], paragraphs: ParagraphText[]): LineReport {
  const paras = paragraphs.map(toPara);
  const report: LineReport = { junctions: 0, broken: [], unmatched: [], loneLastWords: [] };
  let current: Para | undefined;
  for (const line of lines) {
    const variants = [squash(line.text)];
    // A list item's first line starts with its label ("๑. ", "• "), which the model does not hold.
    const unlabelled = /^\S+\s+(.*)$/s.exec(line.text.trim());
    if (unlabelled) variants.push(squash(unlabelled[1]));
    let matched: { para: Para; length: number } | undefined;
    const fits = (p: Para) => {
      for (const v of variants) {
        if (v && p.squashed.startsWith(v, p.cursor)) return v.length;
      }
      return 0;
    };
    const order = [
      ...(current && current.cursor < current.squashed.length ? [current] : []),
      ...paras.filter((p) => p.cursor > 0 && p.cursor < p.squashed.length),
    ];
    for (const p of order) {
      const length = fits(p);
      if (length > 0) {
        matched = { para: p, length };
        break;
      }
    }
    // A table's header row drawn again on a new page starts its paragraphs over.
    for (const p of matched ? [] : paras.filter((x) => x.repeats && x.cursor > 0)) {
      const at = p.cursor;
      p.cursor = 0;
      const length = fits(p);
      if (length > 0) {
        matched = { para: p, length };
        break;
      }
      p.cursor = at;
    }
    for (const p of matched ? [] : paras.filter((x) => x.cursor === 0)) {
      const length = fits(p);
      if (length > 0) {
        matched = { para: p, length };
        break;
      }
    }
    if (!matched) {
      report.unmatched.push(line.text);
      continue;
    }
    const { para, length } = matched;
    para.lines = para.cursor > 0 ? para.lines + 1 : 1;
    if (para.cursor > 0) {
      report.junctions++;
      const before = para.offsets[para.cursor - 1] + 1;
      const after = para.offsets[para.cursor];
      const broken = judgeJunction(para.text, before, after);
      if (broken) {
        // Forced: the line could not end earlier (its first unit runs past the line's end).
        const [first] = breakUnits(para.text.slice(para.lineStart));
        const forced = para.lineStart + (first?.length ?? 0) > before;
        report.broken.push({ ...broken, forced, page: line.page });
      }
    }
    para.lineStart = para.offsets[para.cursor];
    para.cursor += length;
    current = para;
  }
  for (const p of paras) {
    const last = p.text.slice(p.lineStart).trim();
    if (p.lines > 1 && breakUnits(last).length === 1) report.loneLastWords.push(last);
  }
  return report;
}

const DIGIT = /[0-9\u0e50-\u0e59]/;
const NO_START = /^[ๆฯ)\]}.,:;!?%/\-–”’»…]/;
const NO_END = /[([{“‘«]$/;
/** Words that follow a number as its unit, and words a number follows. */
const UNIT_AFTER =
  /^(?:คน|คะแนน|ราย|บาท|ปี|เดือน|วัน|ครั้ง|แห่ง|ข้อ|เรื่อง|ฉบับ|ชั่วโมง|นาที|%|ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน)/;
/** A list number written in the text (๒.การใช้งบประมาณ), not a number a word leads. */
const ENUMERATION = /^[0-9\u0e50-\u0e59]+\.(?![0-9\u0e50-\u0e59])/;
const BEFORE_NUMBER =
  /(?:ร้อยละ|ที่|มาตรา|ข้อ|พ\.ศ\.|ค\.ศ\.|ตุลาคม|พฤศจิกายน|ธันวาคม|มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน)$/;

/**
 * A line of `text` ended at `before` and the next began at `after` (the whitespace between them,
 * if any, was not drawn). Returns what was broken there, or undefined for a proper line end.
 */
export function judgeJunction(
  text: string,
  before: number,
  after: number,
): Omit<BrokenAt, 'page' | 'forced'> | undefined {
  const left = text.slice(0, before);
  const right = text.slice(after);
  const context = () => `${left.slice(-12).trimStart()}|${right.slice(0, 12).trimEnd()}`;
  const compounds = compoundsAcross(text, before, after);
  if (after > before) {
    // The line ended at a space: only glued pairs may not be parted there.
    const glued =
      (DIGIT.test(left[left.length - 1]) && UNIT_AFTER.test(right)) ||
      (BEFORE_NUMBER.test(left) && DIGIT.test(right[0]) && !ENUMERATION.test(right)) ||
      NO_START.test(right);
    return glued ? { kind: 'glue', where: context(), compounds } : undefined;
  }
  const a = text.charCodeAt(before - 1);
  const b = text.charCodeAt(before);
  const isToken = (c: number) => !isThaiLetter(c) && !WHITE.test(String.fromCharCode(c));
  if (isToken(a) && isToken(b) && !(a === 0x2f && isThaiLetter(b))) {
    return { kind: 'token', where: context(), compounds };
  }
  if (NO_START.test(right) || NO_END.test(left)) {
    return { kind: 'glue', where: context(), compounds };
  }
  if (isThaiLetter(a) && isThaiLetter(b)) {
    let from = before;
    while (from > 0 && isThaiLetter(text.charCodeAt(from - 1))) from--;
    let to = before;
    while (to < text.length && isThaiLetter(text.charCodeAt(to))) to++;
    const pieces = segmentThai(text, from, to, { abbreviated: text[to] === '.' });
    const at = pieces.findIndex((p) => p.end >= before);
    const piece = pieces[at];
    const start = at > 0 ? pieces[at - 1].end : from;
    // A boundary between two dictionary words is a proper line end.
    if (piece.end === before && piece.known && pieces[at + 1]?.known) return undefined;
    const where =
      piece.end === before
        ? context()
        : `${text.slice(start, before)}|${text.slice(before, piece.end)}`;
    return { kind: 'word', where, compounds };
  }
  if (
    (isThaiLetter(a) && DIGIT.test(text[before])) ||
    (DIGIT.test(text[before - 1]) && isThaiLetter(b))
  ) {
    return { kind: 'glue', where: context(), compounds };
  }
  return undefined;
}

/** The compounds of the list whose occurrence in `text` a line end at [before, after) splits. */
function compoundsAcross(text: string, before: number, after: number): string[] {
  const out: string[] = [];
  for (const word of memoCompounds()) {
    for (let i = text.indexOf(word); i >= 0; i = text.indexOf(word, i + 1)) {
      if (i < before && after < i + word.length) out.push(word);
      if (i >= before) break;
    }
  }
  return out;
}
