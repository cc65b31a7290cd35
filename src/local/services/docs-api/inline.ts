/**
 * A paragraph's content as the Docs API indexes it: one index per UTF-16 code unit of text, one
 * per non-text element (image, page break, rule, page number), and one for the paragraph's
 * newline, which the model does not store (it is implied at the end).
 */
import type { InlineNode, ListItemNode, ParagraphNode, TextRun, TextStyle } from '../../docmodel';
import { anchorsBetween, runWith, sameAnchors } from '../../comment-anchors';
import { sameStyle } from '../document/runs';

export type ParagraphLike = ParagraphNode | ListItemNode;

export function inlineLength(children: InlineNode[]): number {
  let n = 0;
  for (const c of children) {
    if (c.type === 'text') for (const r of c.runs) n += r.text.length;
    else n += 1;
  }
  return n;
}

/** The paragraph's length with its newline. */
export const paragraphLength = (p: ParagraphLike): number => inlineLength(p.children) + 1;

/** Splits children at a content offset; text nodes are cut between runs or inside one. */
export function splitInline(children: InlineNode[], offset: number): [InlineNode[], InlineNode[]] {
  const before: InlineNode[] = [];
  const after: InlineNode[] = [];
  let pos = 0;
  for (const c of children) {
    if (c.type !== 'text') {
      (pos < offset ? before : after).push(c);
      pos += 1;
      continue;
    }
    const a: TextRun[] = [];
    const b: TextRun[] = [];
    for (const r of c.runs) {
      const end = pos + r.text.length;
      if (end <= offset) a.push(r);
      else if (pos >= offset) b.push(r);
      else {
        a.push(runWith(r.text.slice(0, offset - pos), { ...r.style }, r.comments));
        b.push(runWith(r.text.slice(offset - pos), { ...r.style }, r.comments));
      }
      pos = end;
    }
    if (a.length) before.push({ type: 'text', runs: a });
    if (b.length) after.push({ type: 'text', runs: b });
  }
  return [before, after];
}

/** Adjacent text nodes become one, equal neighbouring runs (style and anchors) one run, empty ones go. */
export function normalizeInline(children: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const c of children) {
    if (c.type !== 'text') {
      out.push(c);
      continue;
    }
    let last = out[out.length - 1];
    if (!last || last.type !== 'text') {
      last = { type: 'text', runs: [] };
      out.push(last);
    }
    for (const r of c.runs) {
      if (!r.text) continue;
      const prev = last.runs[last.runs.length - 1];
      if (prev && sameStyle(prev.style, r.style) && sameAnchors(prev.comments, r.comments))
        prev.text += r.text;
      else last.runs.push(runWith(r.text, { ...r.style }, r.comments));
    }
    if (!last.runs.length) out.pop();
  }
  return out;
}

/** What is at `offset`: a text run, or a non-text element; null past the end. */
function at(p: ParagraphLike, offset: number): TextRun | InlineNode | null {
  let pos = 0;
  for (const c of p.children) {
    if (c.type !== 'text') {
      if (pos === offset) return c;
      pos += 1;
      continue;
    }
    for (const r of c.runs) {
      if (offset < pos + r.text.length) return r;
      pos += r.text.length;
    }
  }
  return null;
}

const isRun = (x: TextRun | InlineNode): x is TextRun => !('type' in x);

/** The text style of the character at `offset` (a non-text element has its own, or none). */
export function styleAtOffset(p: ParagraphLike, offset: number): TextStyle | null {
  const x = at(p, offset);
  if (!x) return null;
  if (isRun(x)) return x.style;
  return x.type === 'pageNumber' ? x.style : null;
}

/** The comment anchors of the character at `offset` (none for a non-text element). */
export function anchorsAtOffset(p: ParagraphLike, offset: number): string[] | undefined {
  const x = at(p, offset);
  return x && isRun(x) ? x.comments : undefined;
}

/**
 * The comment anchors inserted text joins: those of the characters on both sides, so text typed
 * strictly inside a commented range becomes part of it (comment-anchors.ts).
 */
export function inheritedAnchors(p: ParagraphLike, offset: number): string[] | undefined {
  return offset > 0
    ? anchorsBetween(anchorsAtOffset(p, offset - 1), anchorsAtOffset(p, offset))
    : undefined;
}

/**
 * The style inserted text takes: "Typically, the text style for the inserted text matches the text
 * immediately before the insertion index" (https://developers.google.com/docs/api/concepts/rules-behavior);
 * at the start of a paragraph, the text after it; in an empty paragraph, its newline's.
 */
export function inheritedStyle(p: ParagraphLike, offset: number): TextStyle {
  const before = offset > 0 ? styleAtOffset(p, offset - 1) : null;
  const after = styleAtOffset(p, offset);
  return { ...p.textStyle, ...(before ?? after ?? {}) };
}

export function insertInline(p: ParagraphLike, offset: number, nodes: InlineNode[]): void {
  const [a, b] = splitInline(p.children, offset);
  p.children = normalizeInline([...a, ...nodes, ...b]);
}

export function deleteInline(p: ParagraphLike, from: number, to: number): void {
  const [a] = splitInline(p.children, from);
  const [, c] = splitInline(p.children, to);
  p.children = normalizeInline([...a, ...c]);
}

/** Calls `patch` on the style of every text run in [from, to) (runs are split at the ends). */
export function styleInline(
  p: ParagraphLike,
  from: number,
  to: number,
  patch: (style: TextStyle) => void,
): void {
  const [a, rest] = splitInline(p.children, from);
  const [b, c] = splitInline(rest, to - from);
  for (const n of b) {
    if (n.type === 'text') for (const r of n.runs) patch(r.style);
    else if (n.type === 'pageNumber') patch(n.style);
  }
  p.children = normalizeInline([...a, ...b, ...c]);
}

/** The text of [from, to) with one character per non-text element (for checks). */
export function charAt(p: ParagraphLike, offset: number): string {
  let pos = 0;
  for (const c of p.children) {
    if (c.type !== 'text') {
      if (pos === offset) return '\uFFFC';
      pos += 1;
      continue;
    }
    for (const r of c.runs) {
      if (offset < pos + r.text.length) return r.text[offset - pos];
      pos += r.text.length;
    }
  }
  return '\n';
}
