/**
 * Fills a parsed template with data: the plan of which template elements to keep, repeat or
 * drop, and the text edits inside each. Values are inserted as they are; they are never read
 * as template text again, so a value holding `{{`, `$1` or `=SUM(` arrives unchanged.
 */
import type { Block, ParsedPara, Piece, RowBlock } from './parse';
import { isImageValue, lookup, type ImageValue, type Scope, type Value } from './schema';
import type { Tag } from './tags';
import type { FillPlan, OutNode, Run, TextEdit } from './tree';

export function expandTemplate(
  parsed: { body: Block[]; header?: Block[]; footer?: Block[] },
  data: Scope,
): FillPlan {
  const plan: FillPlan = { body: blocks(parsed.body, [data]) };
  if (parsed.header) plan.header = blocks(parsed.header, [data]);
  if (parsed.footer) plan.footer = blocks(parsed.footer, [data]);
  return plan;
}

function isEmpty(v: Value): boolean {
  if (v === undefined || v === null || v === false) return true;
  if (typeof v === 'string') return v.trim() === '';
  if (Array.isArray(v)) return v.length === 0;
  return false;
}

/** The scope stacks a block is shown with: one per list item, one for a present value, none otherwise. */
function iterations(open: Tag, scopes: Scope[]): Scope[][] {
  const value = lookup(scopes, open.key);
  if (open.type === 'inverted') return isEmpty(value) ? [scopes] : [];
  if (Array.isArray(value)) return value.map((item) => [...scopes, item]);
  return isEmpty(value) ? [] : [scopes];
}

/** A value as inline text: lines joined by a space (only a paragraph of its own keeps lines). */
function inlineText(value: Value): string {
  if (typeof value !== 'string') return '';
  return value
    .split(/\r\n|\r|\n/)
    .map((l) => l.trim())
    .filter((l) => l)
    .join(' ');
}

function blocks(list: Block[], scopes: Scope[]): OutNode[] {
  const out: OutNode[] = [];
  for (const b of list) {
    if (b.kind === 'section') {
      for (const s of iterations(b.open, scopes)) out.push(...blocks(b.body, s));
    } else if (b.node.kind === 'para') {
      out.push(...paragraph(b.node, b.index, scopes));
    } else if (b.node.kind === 'table') {
      const rows = tableRows(b.node.rows, scopes);
      if (rows.length) out.push({ kind: 'table', src: b.index, rows });
    } else {
      out.push({ kind: 'other', src: b.index });
    }
  }
  return out;
}

function tableRows(list: RowBlock[], scopes: Scope[]): { src: number; cells: OutNode[][] }[] {
  const out: { src: number; cells: OutNode[][] }[] = [];
  for (const r of list) {
    if (r.kind === 'section')
      for (const s of iterations(r.open, scopes)) out.push(...tableRows(r.body, s));
    else out.push({ src: r.index, cells: r.cells.map((cell) => blocks(cell, scopes)) });
  }
  return out;
}

function paragraph(node: ParsedPara, src: number, scopes: Scope[]): OutNode[] {
  const alone = node.standalone;
  if (alone && alone.type === 'value') {
    const child = node.texts.find((t) => t.pieces.some((p) => p.kind === 'var' && p.tag === alone));
    const value = lookup(scopes, alone.key);
    if (child) {
      const remove = (runs: Run[]): TextEdit[] => [
        { child: child.child, start: alone.start, end: alone.end, runs },
      ];
      if (isImageValue(value)) return [{ kind: 'para', src, edits: remove([]), image: value }];
      // A value of several lines in a paragraph of its own becomes one paragraph per line.
      const lines =
        typeof value === 'string'
          ? value
              .split(/\r\n|\r|\n/)
              .map((l) => l.trim())
              .filter((l) => l)
          : [];
      if (lines.length > 1) {
        return lines.map((line) => ({
          kind: 'para',
          src,
          edits: remove([{ text: line, from: alone.start, uniform: true }]),
        }));
      }
    }
  }
  const edits: TextEdit[] = [];
  let anchored: ImageValue | undefined;
  for (const t of node.texts) {
    for (const p of t.pieces) {
      const [start, end] = span(p);
      edits.push({ child: t.child, start, end, runs: piece(p, t.text, scopes) });
      if (p.kind === 'var') {
        const value = lookup(scopes, p.tag.key);
        if (isImageValue(value) && value.anchor) anchored = value;
      }
    }
  }
  edits.sort((a, b) => b.child - a.child || b.start - a.start);
  return [anchored ? { kind: 'para', src, edits, image: anchored } : { kind: 'para', src, edits }];
}

function span(p: Piece): [number, number] {
  return p.kind === 'section' ? [p.open.start, p.close.end] : [p.tag.start, p.tag.end];
}

function piece(p: Piece, text: string, scopes: Scope[]): Run[] {
  if (p.kind === 'marker') return [];
  if (p.kind === 'var') {
    const value = inlineText(lookup(scopes, p.tag.key));
    return value ? [{ text: value, from: p.tag.start, uniform: true }] : [];
  }
  const runs: Run[] = [];
  for (const s of iterations(p.open, scopes)) {
    let cursor = p.open.end;
    for (const inner of p.body) {
      const [start, end] = span(inner);
      if (start > cursor)
        runs.push({ text: text.slice(cursor, start), from: cursor, uniform: false });
      runs.push(...piece(inner, text, s));
      cursor = end;
    }
    if (p.close.start > cursor)
      runs.push({ text: text.slice(cursor, p.close.start), from: cursor, uniform: false });
  }
  return runs;
}
