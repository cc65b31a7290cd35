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
  breakUnits,
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
}

type LineEnd = 'wrap' | 'break' | 'page' | 'end';
interface Draft {
  items: Item[];
  width: number;
  end: LineEnd;
  rule?: boolean;
}

export function layoutParagraph(atoms: Atom[], frame: ParagraphFrame, m: Measurer): Line[] {
  const units = toUnits(atoms, m);
  const { look } = frame;
  const labelWidth = frame.label ? measureLabel(frame, m) : 0;
  const firstLeft = frame.label
    ? Math.max(look.indentStart, look.indentFirstLine + labelWidth + frame.strut.size * 0.3)
    : look.indentFirstLine;
  const drafts = fillLines(units, frame, firstLeft, m);
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
  let width = 0;
  let trailing = 0;
  const left = () => (drafts.length === 0 ? firstLeft : look.indentStart);
  const avail = () => Math.max(frame.width - look.indentEnd - left(), 1);
  const finish = (end: LineEnd) => {
    drafts.push({ items: trimEnd(items, m), width: width - trailing, end });
    items = [];
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
        width += w;
        trailing = 0;
        continue;
      }
      default: {
        if (width + unit.width - unit.trailing <= avail() + EPSILON) {
          items.push(...unit.items);
          width += unit.width;
          trailing = unit.trailing;
        } else if (items.length > 0) {
          finish('wrap');
          queue.push(unit);
        } else if (unit.kind === 'image') {
          items.push(...unit.items);
          width += unit.width;
          finish('wrap');
        } else {
          const next = Math.max(frame.width - look.indentEnd - look.indentStart, 1);
          const [head, ...rest] = splitUnit(unit, avail(), next, m);
          items.push(...head.items);
          width += head.width;
          trailing = 0;
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
 * A word wider than the line, cut into line-wide pieces in one pass: the first fills `first`
 * points, the others `next` (at least one grapheme cluster each); the last may share its line.
 * Each cluster is measured once, on its own (Thai is shaped cluster by cluster anyway; Latin
 * loses only kerning at the cut), so a 50,000-character token costs 50,000 cluster widths, not a
 * measurement of the whole remaining text on every line.
 */
function splitUnit(unit: Unit, first: number, next: number, m: Measurer): Unit[] {
  const pieces: Unit[] = [];
  let items: Frag[] = [];
  let width = 0;
  let avail = first;
  let text = '';
  let textWidth = 0;
  const closeFrag = (f: Frag) => {
    if (text) items.push({ ...f, text, width: textWidth });
    text = '';
    textWidth = 0;
  };
  for (const f of unit.items as Frag[]) {
    for (const c of graphemes(f.text)) {
      const w = m.width(c, f.style.face, f.style.size);
      if (width > 0 && width + w > avail + EPSILON) {
        closeFrag(f);
        pieces.push(textUnit(items, m));
        items = [];
        width = 0;
        avail = next;
      }
      text += c;
      textWidth += w;
      width += w;
    }
    closeFrag(f);
  }
  if (items.length > 0) pieces.push(textUnit(items, m));
  return pieces;
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
    justify(content, avail, m);
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
 * Clusters are measured one by one, as they are drawn, so the line ends exactly at the margin.
 */
function justify(content: Piece[], avail: number, m: Measurer): void {
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
  const slack = avail - natural;
  if (slots.length < 2 || slack <= EPSILON) {
    for (const piece of content) delete (piece as TextPiece).gaps;
    return;
  }
  const weights = new Array<number>(slots.length - 1);
  let total = 0;
  for (let i = 0; i < slots.length - 1; i++) {
    const a = slots[i].cluster;
    const b = slots[i + 1].cluster;
    let w = 0;
    if (isSpaceCluster(b)) w = 0;
    else if (isSpaceCluster(a)) w = SPACE_WEIGHT;
    else if (isThaiLetterCluster(a) || isThaiLetterCluster(b)) w = 1;
    weights[i] = w;
    total += w;
  }
  if (total === 0) {
    weights.fill(1);
    total = weights.length;
  }
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
