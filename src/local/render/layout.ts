/**
 * Paragraph line layout, independent of the PDF library: styled inline content in, positioned
 * lines out. Lines break only where thai-breaking allows, measured run by run with each run's
 * own face and size; justified lines spread their slack between grapheme clusters.
 */
import type { ImageNode } from '../docmodel';
import type { Face } from './fonts';
import { LINE_ASCENT_EM, LINE_DESCENT_EM } from './fonts';
import type { BulletShape, ListLabel } from './lists';
import { bulletChar } from './lists';
import type { ParagraphLook, RunStyle } from './styles';
import {
  FALLBACK,
  breakUnits,
  fallbackBreaks,
  graphemes,
  isSpaceCluster,
  isThaiLetterCluster,
  stripInvisible,
} from './thai-breaking';

export interface Measurer {
  /** Advance width of `text` in points. */
  width(text: string, face: Face, size: number): number;
  /** The text with characters the font cannot draw replaced by ones it can. */
  displayable(text: string, face: Face): string;
}

/** Inline content of a paragraph, with styles resolved. */
export type Atom =
  | { kind: 'text'; text: string; style: RunStyle }
  | { kind: 'image'; image: ImageNode; width: number; height: number }
  | { kind: 'lineBreak' }
  | { kind: 'pageBreak' }
  | { kind: 'rule' };

export interface TextPiece {
  kind: 'text';
  /** Points from the column's left edge. */
  x: number;
  width: number;
  text: string;
  style: RunStyle;
  /** Justified lines only: the piece's grapheme clusters and the extra space after each. */
  clusters?: string[];
  gaps?: number[];
}

export type Piece =
  | TextPiece
  | { kind: 'image'; x: number; width: number; height: number; image: ImageNode }
  | { kind: 'bullet'; x: number; width: number; shape: BulletShape; style: RunStyle }
  | { kind: 'rule'; x: number; width: number };

export interface Line {
  pieces: Piece[];
  height: number;
  /** From the line's top to its baseline. */
  baseline: number;
  /** What the line says (for the PDF's ActualText). */
  text: string;
  /** A manual page break follows this line. */
  pageBreakAfter: boolean;
}

export interface ParagraphFrame {
  /** Width of the column the paragraph sits in. */
  width: number;
  look: ParagraphLook;
  /** The paragraph's own character style: sizes empty lines. */
  strut: RunStyle;
  label?: ListLabel;
  labelStyle?: RunStyle;
}

/** Docs' default tab stops: every half inch from the column's left edge. */
const TAB_STOP = 36;
/** Share of justification slack a space gets, relative to a gap between Thai clusters. */
const SPACE_WEIGHT = 3;
/**
 * The most a justified line may add between two Thai letter clusters, in ems of the paragraph's
 * font (a space takes SPACE_WEIGHT times as much). Lines are broken so that none needs more where
 * the paragraph allows it; where it cannot (a long URL after a short line), the line is spread
 * this much and the rest is left at its end, never more. 0.1 em is about a tenth of a letter's
 * width: the memo's justified lines mostly need under a third of it.
 */
export const MAX_LETTER_STRETCH_EM = 0.12;
/**
 * Where an over-long unit is broken, in order of preference: [how much of the line the first
 * part must fill, the worst FALLBACK class taken]. A dash or a short syllable is not left alone
 * on a line, and a word-like place is preferred to a cut between letters.
 */
const SPLIT_TRIES: [number, number][] = [
  [0.4, FALLBACK.icu],
  [0.2, FALLBACK.icu],
  [0.4, FALLBACK.cluster],
  [0, FALLBACK.cluster],
];
const EPSILON = 0.01;

interface Frag {
  kind: 'text';
  text: string;
  style: RunStyle;
  width: number;
}
type Item =
  | Frag
  | { kind: 'image'; atom: Extract<Atom, { kind: 'image' }>; width: number }
  | { kind: 'tab'; width: number; style: RunStyle };

interface Unit {
  kind: 'text' | 'image' | 'tab' | 'lineBreak' | 'pageBreak' | 'rule';
  items: Item[];
  width: number;
  /** Width of the spaces ending the unit: they may hang past the line's end. */
  trailing: number;
  /**
   * A piece of a unit wider than a line: it starts a line, and a `head` (every piece but the
   * last) ends it too.
   */
  split?: 'head' | 'tail';
}

type LineEnd = 'wrap' | 'break' | 'page' | 'end';
interface Draft {
  items: Item[];
  width: number;
  end: LineEnd;
  rule?: boolean;
  /** The units the line holds (text and images only; a tab leaves it undefined). */
  units?: Unit[];
}

export function layoutParagraph(atoms: Atom[], frame: ParagraphFrame, m: Measurer): Line[] {
  const units = toUnits(atoms, m);
  const { look } = frame;
  const labelWidth = frame.label ? measureLabel(frame, m) : 0;
  const firstLeft = frame.label
    ? Math.max(look.indentStart, look.indentFirstLine + labelWidth + frame.strut.size * 0.3)
    : look.indentFirstLine;
  const drafts = fillLines(units, frame, firstLeft, m);
  rebreak(drafts, frame, firstLeft, m);
  return drafts.map((d, i) => placeLine(d, i === 0, i === drafts.length - 1, frame, firstLeft, m));
}

/** Splits text at hard breaks and tabs (Docs' soft line break is \v), then into unbreakable units. */
function toUnits(atoms: Atom[], m: Measurer): Unit[] {
  const units: Unit[] = [];
  let stretch: { text: string; style: RunStyle }[] = [];
  const flush = () => {
    if (stretch.length > 0) units.push(...textUnits(stretch, m));
    stretch = [];
  };
  for (const atom of atoms) {
    if (atom.kind === 'text') {
      const parts = stripInvisible(atom.text).split(/(\t|\r\n|[\n\r\v\u2028\u2029])/);
      parts.forEach((part, i) => {
        if (i % 2 === 0) {
          if (part) stretch.push({ text: m.displayable(part, atom.style.face), style: atom.style });
        } else {
          flush();
          units.push(
            part === '\t'
              ? {
                  kind: 'tab',
                  items: [{ kind: 'tab', width: 0, style: atom.style }],
                  width: 0,
                  trailing: 0,
                }
              : { kind: 'lineBreak', items: [], width: 0, trailing: 0 },
          );
        }
      });
      continue;
    }
    flush();
    if (atom.kind === 'image') {
      units.push({
        kind: 'image',
        items: [{ kind: 'image', atom, width: atom.width }],
        width: atom.width,
        trailing: 0,
      });
    } else {
      units.push({ kind: atom.kind, items: [], width: 0, trailing: 0 });
    }
  }
  flush();
  return units;
}

function textUnits(stretch: { text: string; style: RunStyle }[], m: Measurer): Unit[] {
  const whole = stretch.map((p) => p.text).join('');
  const units: Unit[] = [];
  let part = 0;
  let offset = 0;
  for (const piece of breakUnits(whole)) {
    const items: Frag[] = [];
    let left = piece.length;
    while (left > 0) {
      const p = stretch[part];
      const take = Math.min(left, p.text.length - offset);
      const text = p.text.slice(offset, offset + take);
      items.push({
        kind: 'text',
        text,
        style: p.style,
        width: m.width(text, p.style.face, p.style.size),
      });
      left -= take;
      offset += take;
      if (offset === p.text.length) {
        part++;
        offset = 0;
      }
    }
    units.push(textUnit(items, m));
  }
  return units;
}

function textUnit(items: Frag[], m: Measurer): Unit {
  let width = 0;
  for (const f of items) width += f.width;
  let trailing = 0;
  for (let i = items.length - 1; i >= 0; i--) {
    const f = items[i];
    const body = f.text.trimEnd();
    if (body.length < f.text.length) {
      trailing += f.width - (body ? m.width(body, f.style.face, f.style.size) : 0);
    }
    if (body) break;
  }
  return { kind: 'text', items, width, trailing };
}

function fillLines(units: Unit[], frame: ParagraphFrame, firstLeft: number, m: Measurer): Draft[] {
  const { look } = frame;
  const drafts: Draft[] = [];
  let items: Item[] = [];
  let placed: Unit[] | undefined = [];
  let width = 0;
  let trailing = 0;
  const left = () => (drafts.length === 0 ? firstLeft : look.indentStart);
  const avail = () => Math.max(frame.width - look.indentEnd - left(), 1);
  const finish = (end: LineEnd) => {
    drafts.push({ items: trimEnd(items, m), width: width - trailing, end, units: placed });
    items = [];
    placed = [];
    width = 0;
    trailing = 0;
  };
  const queue = units.slice().reverse();
  while (queue.length > 0) {
    const unit = queue.pop()!;
    switch (unit.kind) {
      case 'lineBreak':
        finish('break');
        continue;
      case 'pageBreak':
        finish('page');
        continue;
      case 'rule':
        if (items.length > 0) finish('wrap');
        drafts.push({ items: [], width: 0, end: 'wrap', rule: true });
        continue;
      case 'tab': {
        const at = left() + width;
        // A hanging indent is the first line's first tab stop (Docs and Word both do this), so a
        // label, a tab and the value line up with the value's wrapped lines.
        const hanging = drafts.length === 0 && look.indentStart > at + EPSILON;
        const stop = hanging
          ? look.indentStart
          : (Math.floor((at + EPSILON) / TAB_STOP) + 1) * TAB_STOP;
        if (stop - left() > avail() && items.length > 0) {
          finish('wrap');
          queue.push(unit);
          continue;
        }
        const tab = unit.items[0] as Extract<Item, { kind: 'tab' }>;
        const w = Math.min(stop - at, Math.max(avail() - width, 0));
        items.push({ ...tab, width: w });
        placed = undefined;
        width += w;
        trailing = 0;
        continue;
      }
      default: {
        if (width + unit.width - unit.trailing <= avail() + EPSILON) {
          items.push(...unit.items);
          placed?.push(unit);
          width += unit.width;
          trailing = unit.trailing;
        } else if (items.length > 0) {
          finish('wrap');
          queue.push(unit);
        } else if (unit.kind === 'image') {
          items.push(...unit.items);
          placed?.push(unit);
          width += unit.width;
          finish('wrap');
        } else {
          const next = Math.max(frame.width - look.indentEnd - look.indentStart, 1);
          const [head, ...rest] = splitUnit(unit, avail(), next, m);
          items.push(...head.items);
          placed?.push(head);
          width += head.width;
          trailing = head.trailing;
          finish('wrap');
          for (let i = rest.length - 1; i >= 0; i--) queue.push(rest[i]);
        }
      }
    }
  }
  const last = drafts[drafts.length - 1];
  if (items.length > 0 || !last || last.end === 'break') finish('end');
  else if (last.end === 'wrap') last.end = 'end';
  return drafts;
}

/**
 * A unit wider than the line (a long URL, a compound in a narrow cell), cut into line-wide
 * pieces: the first fills `first` points, the others `next`. Each piece ends at the best place
 * fallbackBreaks offers (SPLIT_TRIES: a glued space, a word boundary inside a compound, a dot or
 * slash of a URL), else at the last grapheme cluster that fits. Each cluster is measured once, on its own (Thai is shaped cluster by cluster anyway; Latin
 * loses only kerning at the cut), and the search for a cut looks back over one line at most, so a
 * 50,000-character token costs 50,000 cluster widths, not a measurement of the whole remaining
 * text on every line.
 */
function splitUnit(unit: Unit, first: number, next: number, m: Measurer): Unit[] {
  const frags = unit.items as Frag[];
  const fallback = fallbackBreaks(frags.map((f) => f.text).join(''));
  /** Per cluster: its fragment, where it starts in that fragment and in the unit, its width. */
  const fragOf: number[] = [];
  const startIn: number[] = [];
  const startAt: number[] = [];
  const sum = [0];
  let offset = 0;
  frags.forEach((f, fi) => {
    let inFrag = 0;
    for (const c of graphemes(f.text)) {
      fragOf.push(fi);
      startIn.push(inFrag);
      startAt.push(offset);
      sum.push(sum[sum.length - 1] + m.width(c, f.style.face, f.style.size));
      inFrag += c.length;
      offset += c.length;
    }
  });
  const count = fragOf.length;
  /** Clusters [a, b) as a unit. */
  const piece = (a: number, b: number): Unit => {
    const items: Frag[] = [];
    for (let c = a; c < b;) {
      const fi = fragOf[c];
      let d = c;
      while (d < b && fragOf[d] === fi) d++;
      const f = frags[fi];
      const end = d < count && fragOf[d] === fi ? startIn[d] : f.text.length;
      items.push({ ...f, text: f.text.slice(startIn[c], end), width: sum[d] - sum[c] });
      c = d;
    }
    return textUnit(items, m);
  };
  /** The best break before one of the clusters (from, over] of class ≤ worst filling minFill. */
  const search = (from: number, over: number, minFill: number, worst: number) => {
    let best = -1;
    let bestClass = worst + 1;
    for (let c = over; c > from && sum[c] - sum[from] >= minFill; c--) {
      const k = fallback[startAt[c]];
      if (k > 0 && k < bestClass) {
        best = c;
        bestClass = k;
      }
    }
    return best;
  };
  /**
   * Where a line that starts at cluster `from` and cannot take cluster `over` should end: a
   * word-like place filling most of the line, else one filling a fair part of it, else a
   * cluster, else just before `over`.
   */
  const cut = (from: number, over: number, avail: number): number => {
    for (const [fill, worst] of SPLIT_TRIES) {
      const c = search(from, over, fill * avail, worst);
      if (c > 0) return c;
    }
    return over;
  };
  const pieces: Unit[] = [];
  let from = 0;
  let avail = first;
  for (let c = 0; c < count;) {
    if (c > from && sum[c + 1] - sum[from] > avail + EPSILON) {
      const end = cut(from, c, avail);
      pieces.push({ ...piece(from, end), split: 'head' });
      from = end;
      avail = next;
      continue;
    }
    c++;
  }
  if (from < count) pieces.push({ ...piece(from, count), split: 'tail' });
  return pieces;
}

/**
 * Lines the greedy fill left poorly broken are broken again: a justified line that would spread
 * its letters more than MAX_LETTER_STRETCH_EM, or a last line holding one word when the line
 * before could give it company. Only such stretches of lines (between hard breaks) are redone, so
 * every other paragraph keeps the greedy fill's lines. The choice over a stretch's break points
 * is exact (dynamic programming over its units): the least stretch beyond the limit, then no
 * lone last word, then the fewest lines, then the longest first lines (as close to the greedy
 * fill as the rest allows). Linear in the units times the units a line can hold.
 */
function rebreak(drafts: Draft[], frame: ParagraphFrame, firstLeft: number, m: Measurer): void {
  const justified = frame.look.alignment === 'JUSTIFY';
  const limit = MAX_LETTER_STRETCH_EM * frame.strut.size;
  const { look } = frame;
  const availAt = (line: number) =>
    Math.max(frame.width - look.indentEnd - (line === 0 ? firstLeft : look.indentStart), 1);
  // A stretch ends at a hard break, and where a piece of an over-long unit must start a line.
  const startsPiece = (d: Draft) => d.units?.[0]?.split !== undefined;
  const endsHead = (d: Draft) => d.units?.[d.units.length - 1]?.split === 'head';
  for (let s = 0; s < drafts.length;) {
    let e = s;
    while (
      e < drafts.length - 1 &&
      drafts[e].end === 'wrap' &&
      !drafts[e].rule &&
      !endsHead(drafts[e]) &&
      !startsPiece(drafts[e + 1])
    ) {
      e++;
    }
    const stretch = drafts.slice(s, e + 1);
    const next = e + 1;
    if (stretch.length < 2 || stretch.some((d) => !d.units || d.rule)) {
      s = next;
      continue;
    }
    const lastUnits = stretch[stretch.length - 1].units!;
    const lastAlone = lastUnits.length === 1 && lastUnits[0].kind === 'text';
    const tooLoose =
      justified &&
      stretch.some(
        (d, i) =>
          i < stretch.length - 1 &&
          !surelyTight(d, availAt(s + i), limit) &&
          share(d.units!, availAt(s + i), m) > limit + EPSILON,
      );
    if (!lastAlone && !tooLoose) {
      s = next;
      continue;
    }
    const units = stretch.flatMap((d) => d.units!);
    const lines = bestBreaks(units, (a) => availAt(a === 0 ? s : s + 1), justified, limit);
    const end = stretch[stretch.length - 1].end;
    const redone: Draft[] = lines.map(([a, b], i) => {
      const held = units.slice(a, b);
      const items = held.flatMap((u) => u.items);
      let width = 0;
      for (const u of held) width += u.width;
      return {
        items: trimEnd(items, m),
        width: width - held[held.length - 1].trailing,
        end: i === lines.length - 1 ? end : 'wrap',
        units: held,
      };
    });
    drafts.splice(s, stretch.length, ...redone);
    s += redone.length;
  }
}

/**
 * The best lines for units that the greedy fill put on several lines: [first, end) unit ranges.
 * `avail(a)` is the width of a line starting at unit a (only the paragraph's first line differs).
 */
function bestBreaks(
  units: Unit[],
  avail: (a: number) => number,
  justified: boolean,
  limit: number,
): [number, number][] {
  const n = units.length;
  const sum = [0];
  for (const u of units) sum.push(sum[sum.length - 1] + u.width);
  const weights = justified ? unitWeights(units) : undefined;
  // The best layout of units a…: the least stretch beyond the limit, then the fewest lines,
  // then no lone last word.
  const excess = new Float64Array(n + 1);
  const alone = new Int32Array(n + 1);
  const lineCount = new Int32Array(n + 1);
  const end = new Int32Array(n + 1);
  for (let a = n - 1; a >= 0; a--) {
    const room = avail(a);
    let best = -1;
    let bx = 0;
    let ba = 0;
    let bl = 0;
    let inner = 0;
    let clusters = 0;
    for (let b = a + 1; b <= n; b++) {
      const width = sum[b] - sum[a] - units[b - 1].trailing;
      if (b > a + 1 && width > room + EPSILON) break;
      let x = excess[b];
      if (weights && b < n) {
        const total = inner + weights.inner[b - 1];
        const gaps = clusters + weights.count[b - 1] - 1;
        x += Math.max(0, stretchShare(room - width, total, gaps) - limit);
      }
      const lone = b === n && a > 0 && b - a === 1 && units[a].kind === 'text' ? 1 : 0;
      const al = alone[b] + lone;
      const l = lineCount[b] + 1;
      // Ties go to the longer line (later b).
      if (
        best < 0 ||
        x < bx - EPSILON ||
        (Math.abs(x - bx) <= EPSILON && (l < bl || (l === bl && al <= ba)))
      ) {
        best = b;
        bx = x;
        ba = al;
        bl = l;
      }
      if (weights) {
        inner += weights.inner[b - 1] + weights.join[b - 1];
        clusters += weights.count[b - 1];
      }
    }
    excess[a] = bx;
    alone[a] = ba;
    lineCount[a] = bl;
    end[a] = best;
  }
  const lines: [number, number][] = [];
  for (let a = 0; a < n; a = end[a]) lines.push([a, end[a]]);
  return lines;
}

/**
 * The justification weight inside each unit and of the gap from each unit to the next, and each
 * unit's clusters (its trailing spaces left out: they hang at a line's end).
 */
function unitWeights(units: Unit[]): { inner: number[]; join: number[]; count: number[] } {
  const inner: number[] = [];
  const join: number[] = [];
  const count: number[] = [];
  const clusters = units.map(unitClusters);
  clusters.forEach((cs, i) => {
    count.push(cs.length - trailingSpaces(cs));
    let w = 0;
    for (let k = 0; k + 1 < cs.length; k++) w += gapWeight(cs[k], cs[k + 1]);
    inner.push(w);
    const after = clusters[i + 1];
    join.push(after && cs.length && after.length ? gapWeight(cs[cs.length - 1], after[0]) : 0);
  });
  return { inner, join, count };
}

function trailingSpaces(clusters: string[]): number {
  let k = 0;
  while (k < clusters.length && isSpaceCluster(clusters[clusters.length - 1 - k])) k++;
  return k;
}

function unitClusters(unit: Unit): string[] {
  return unit.items.flatMap((it) => (it.kind === 'text' ? graphemes(it.text) : ['\ufffc']));
}

/**
 * How much a justified line's slack adds between two Thai letters (one share); a line with no
 * weighted gap spreads its slack evenly over its `gaps` (see justify).
 */
function stretchShare(slack: number, weight: number, gaps: number): number {
  if (slack <= EPSILON) return 0;
  return slack / (weight > 0 ? weight : Math.max(gaps, 1));
}

/**
 * A quick check before share(): every Thai letter but the last is followed by a gap of at least
 * one share, so slack / (letters - 1) bounds the share from above. Most lines pass.
 */
function surelyTight(draft: Draft, avail: number, limit: number): boolean {
  const slack = avail - draft.width;
  if (slack <= limit) return true;
  let letters = 0;
  for (const it of draft.items) {
    if (it.kind !== 'text') continue;
    for (let i = 0; i < it.text.length; i++) {
      const c = it.text.charCodeAt(i);
      if ((c >= 0x0e01 && c <= 0x0e30) || c === 0x0e32 || (c >= 0x0e40 && c <= 0x0e44)) letters++;
    }
  }
  return letters > 1 && slack / (letters - 1) <= limit;
}

/** The share of a line holding `units` (trailing spaces dropped), as justify would spread it. */
function share(units: Unit[], avail: number, m: Measurer): number {
  const clusters = trimEnd(
    units.flatMap((u) => u.items),
    m,
  ).flatMap((it) => (it.kind === 'text' ? graphemes(it.text) : ['\ufffc']));
  let width = 0;
  for (const u of units) width += u.width;
  width -= units[units.length - 1].trailing;
  let weight = 0;
  for (let k = 0; k + 1 < clusters.length; k++) weight += gapWeight(clusters[k], clusters[k + 1]);
  return stretchShare(avail - width, weight, clusters.length - 1);
}

/** Shares of justification slack the gap between two clusters takes. */
function gapWeight(a: string, b: string): number {
  if (isSpaceCluster(b)) return 0;
  if (isSpaceCluster(a)) return SPACE_WEIGHT;
  return isThaiLetterCluster(a) || isThaiLetterCluster(b) ? 1 : 0;
}

/** Drops the spaces that end a line: they are neither drawn nor aligned. */
function trimEnd(items: Item[], m: Measurer): Item[] {
  const out = items.slice();
  while (out.length > 0) {
    const last = out[out.length - 1];
    if (last.kind !== 'text') break;
    const text = last.text.replace(/[ \u00a0\u3000]+$/, '');
    if (text === last.text) break;
    if (text) {
      out[out.length - 1] = {
        ...last,
        text,
        width: m.width(text, last.style.face, last.style.size),
      };
      break;
    }
    out.pop();
  }
  return out;
}

function measureLabel(frame: ParagraphFrame, m: Measurer): number {
  const style = frame.labelStyle ?? frame.strut;
  if (frame.label?.kind === 'text') return m.width(frame.label.text, style.face, style.size);
  return style.size * 0.5;
}

function placeLine(
  draft: Draft,
  first: boolean,
  last: boolean,
  frame: ParagraphFrame,
  firstLeft: number,
  m: Measurer,
): Line {
  const { look } = frame;
  const left = first ? firstLeft : look.indentStart;
  const avail = Math.max(frame.width - look.indentEnd - left, 1);
  const pieces: Piece[] = [];
  let text = '';
  if (first && frame.label) {
    const style = frame.labelStyle ?? frame.strut;
    if (frame.label.kind === 'text') {
      const width = m.width(frame.label.text, style.face, style.size);
      pieces.push({
        kind: 'text',
        x: look.indentFirstLine,
        width,
        text: frame.label.text,
        style,
      });
      text = `${frame.label.text} `;
    } else {
      pieces.push({
        kind: 'bullet',
        x: look.indentFirstLine,
        width: style.size * 0.5,
        shape: frame.label.shape,
        style,
      });
      text = `${bulletChar(frame.label.shape)} `;
    }
  }
  if (draft.rule) {
    pieces.push({ kind: 'rule', x: left, width: avail });
  }
  const content: Piece[] = [];
  let x = 0;
  /** The piece the next fragment may join: text in the same style with nothing between. */
  let open: TextPiece | null = null;
  for (const item of draft.items) {
    if (item.kind === 'text') {
      const prev = open;
      if (prev && prev.style === item.style) {
        prev.text += item.text;
        prev.width += item.width;
      } else {
        open = { kind: 'text', x, width: item.width, text: item.text, style: item.style };
        content.push(open);
      }
      text += item.text;
    } else if (item.kind === 'image') {
      const { image, width, height } = item.atom;
      content.push({ kind: 'image', x, width, height, image });
      open = null;
    } else {
      text += '\t';
      open = null;
    }
    x += item.width;
  }
  const slack = avail - draft.width;
  let offset = 0;
  if (look.alignment === 'CENTER') offset = Math.max(slack / 2, 0);
  else if (look.alignment === 'RIGHT') offset = Math.max(slack, 0);
  else if (look.alignment === 'JUSTIFY' && draft.end === 'wrap' && !last && slack > EPSILON) {
    justify(content, avail, MAX_LETTER_STRETCH_EM * frame.strut.size, m);
  }
  for (const p of content) p.x += left + offset;
  pieces.push(...content);
  return {
    ...verticalMetrics(pieces, frame, draft),
    pieces,
    text,
    pageBreakAfter: draft.end === 'page',
  };
}

/**
 * Thai distributed justification: the slack goes between grapheme clusters, a space taking
 * SPACE_WEIGHT shares; gaps inside Latin words and numbers take none unless nothing else can.
 * Clusters are measured one by one, as they are drawn, so the line ends exactly at the margin,
 * unless that would put more than `maxShare` points in a share: then the line is spread that
 * much and the rest of its slack stays at its end.
 */
function justify(content: Piece[], avail: number, maxShare: number, m: Measurer): void {
  type Slot = { piece: Piece; index: number; cluster: string; width: number };
  const slots: Slot[] = [];
  /** Space before each piece that is not its own text (a tab). */
  const lead: number[] = [];
  let natural = 0;
  let end = 0;
  for (const piece of content) {
    lead.push(Math.max(piece.x - end, 0));
    natural += lead[lead.length - 1];
    end = piece.x + piece.width;
    if (piece.kind === 'text') {
      const { face, size } = piece.style;
      piece.clusters = graphemes(piece.text);
      piece.gaps = new Array<number>(piece.clusters.length).fill(0);
      piece.clusters.forEach((cluster, index) => {
        const width = m.width(cluster, face, size);
        slots.push({ piece, index, cluster, width });
        natural += width;
      });
    } else {
      slots.push({ piece, index: 0, cluster: '\ufffc', width: piece.width });
      natural += piece.width;
    }
  }
  let slack = avail - natural;
  if (slots.length < 2 || slack <= EPSILON) {
    for (const piece of content) delete (piece as TextPiece).gaps;
    return;
  }
  const weights = new Array<number>(slots.length - 1);
  let total = 0;
  for (let i = 0; i < slots.length - 1; i++) {
    weights[i] = gapWeight(slots[i].cluster, slots[i + 1].cluster);
    total += weights[i];
  }
  if (total === 0) {
    weights.fill(1);
    total = weights.length;
  }
  slack = Math.min(slack, maxShare * total);
  let x = 0;
  let k = -1;
  for (let i = 0; i < slots.length; i++) {
    const { piece, index, width } = slots[i];
    if (index === 0) {
      x += lead[++k];
      piece.x = x;
    }
    const gap = i < slots.length - 1 ? (slack * weights[i]) / total : 0;
    if (piece.kind === 'text') piece.gaps![index] = gap;
    x += width + gap;
    // A piece's drawn width ends at its last cluster; the gap after it moves the next piece.
    const last = piece.kind !== 'text' || index === piece.clusters!.length - 1;
    if (last) piece.width = x - gap - piece.x;
  }
}

function verticalMetrics(
  pieces: Piece[],
  frame: ParagraphFrame,
  draft: Draft,
): { height: number; baseline: number } {
  let ascent = 0;
  let descent = 0;
  let imageHeight = 0;
  for (const p of pieces) {
    if (p.kind === 'text' || p.kind === 'bullet') {
      ascent = Math.max(ascent, p.style.size * LINE_ASCENT_EM);
      descent = Math.max(descent, p.style.size * LINE_DESCENT_EM);
    } else if (p.kind === 'image') {
      imageHeight = Math.max(imageHeight, p.height);
    }
  }
  if (ascent === 0) {
    // A line with no text: an empty paragraph, an image, a rule. A manual page break alone
    // on its line takes no room, so it can never push an empty page.
    if (draft.end === 'page' && pieces.length === 0) return { height: 0, baseline: 0 };
    ascent = frame.strut.size * LINE_ASCENT_EM;
    descent = frame.strut.size * LINE_DESCENT_EM;
  }
  const ls = frame.look.lineSpacing;
  const textHeight = (ascent + descent) * ls;
  const baseline = Math.max(ascent + ((ls - 1) * (ascent + descent)) / 2, imageHeight);
  const height = Math.max(textHeight, imageHeight + descent, baseline + descent);
  return { height, baseline };
}
