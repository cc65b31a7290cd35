/**
 * Refilling a memo in the same Doc ("สร้างใหม่ในเอกสารเดิม"): the requests that turn the Doc as it
 * is (`current`, with reviewers' comments on it) into what a fresh fill gives (`target`, the
 * template filled again from the sheet in a scratch Doc), changing only what differs.
 *
 * A comment made in the Docs editor is anchored to a text range; deleting that text orphans it
 * ("Original content deleted"; see src/local/comment-anchors.ts for the sources). So nothing
 * unchanged is deleted and written again:
 * - elements are aligned (a longest common subsequence of paragraphs by text, tables by their
 *   column count), and in between, paragraphs and tables are paired in order and edited in place;
 * - a paired paragraph changes word by word (then character by character inside a changed word):
 *   text around a changed score keeps its place and its comments;
 * - tables align their rows the same way (a measure edited in the sheet edits its row's cells);
 *   rows only in the target are inserted, rows only in the Doc deleted;
 * - text styles, paragraph styles and bullets are set only where they differ;
 * - what is new is written as build.ts writes a template's repeats.
 * Requests run back to front, each at or before what is already done, so the indices
 * Documents.get reported stay right (https://developers.google.com/docs/api/how-tos/batch).
 *
 * Limits (the built-in template never meets them; an office's own template rarely does): images
 * and drawings cannot be written through the API, so an image only in the target is left to the
 * caller (the chart is placed again afterwards); a table inserted where none was may bring an
 * empty paragraph around it; deleting the paragraph right before a table leaves it empty.
 */
import { align, type Alignment } from './align';
import { RequestWriter, type PresetFor } from './build';
import { bulletPresets, freshCopy, lookOf, newlineStyle } from './fill';
import { bodyElements, end, segmentContent, start } from './read';
import {
  cellStyleFields,
  paragraphFieldsBetween,
  pick,
  rowStyleFields,
  sameJson,
  textStyleOf,
} from './styles';
import type {
  Document,
  Location,
  Paragraph,
  Request,
  StructuralElement,
  TableRow,
  TextStyle,
} from './types';

/** A Doc the refill cannot change into the target (its structure is not the template's). */
export class RefillError extends Error {}

/** The requests (one documents.batchUpdate) that turn `current` into `target`. */
export function refillRequests(current: Document, target: Document): Request[] {
  const requests: Request[] = [];
  const presets = { current: bulletPresets(current), target: bulletPresets(target) };
  new Refiller(new RequestWriter(requests, undefined, presets.target), presets).container(
    bodyElements(current),
    bodyElements(target),
  );
  for (const section of ['header', 'footer'] as const) {
    const cur = segmentContent(current, section);
    const tgt = segmentContent(target, section);
    if (cur && tgt)
      new Refiller(new RequestWriter(requests, cur.id, presets.target), presets).container(
        cur.content,
        tgt.content,
      );
  }
  return requests;
}

// ---- Paragraph text as one string -----------------------------------------------------------

/** Stand-ins for what is not text; the private use area never reaches a Doc as text. */
const PAGE_BREAK = '\uE000';
const OBJECT = '\uE001';

interface Flat {
  text: string;
  /** The style of each text run: [offset, length, style]. */
  runs: [number, number, TextStyle][];
}

function flatten(p: Paragraph): Flat {
  let text = '';
  const runs: Flat['runs'] = [];
  const elements = p.elements ?? [];
  elements.forEach((e, i) => {
    if (e.textRun) {
      let content = e.textRun.content ?? '';
      if (i === elements.length - 1 && content.endsWith('\n')) content = content.slice(0, -1);
      if (content) runs.push([text.length, content.length, textStyleOf(e.textRun.textStyle)]);
      text += content;
    } else text += e.pageBreak ? PAGE_BREAK : OBJECT;
  });
  return { text, runs };
}

function styleOf(flat: Flat, offset: number): TextStyle | null {
  for (const [at, length, style] of flat.runs)
    if (offset >= at && offset < at + length) return style;
  return null;
}

/** Words, numbers, spaces and single signs: the units a paragraph changes by. */
function tokens(text: string): string[] {
  return text.match(/[\p{L}\p{M}]+|\p{N}+|\s+|[^]/gu) ?? [];
}

interface Hunk {
  /** [from, to) of the current text, replaced by `text`. */
  from: number;
  to: number;
  text: string;
}

/** The smallest replacements that turn `a` into `b`: word by word, trimmed to the characters. */
function textHunks(a: string, b: string): Hunk[] {
  const ta = tokens(a);
  const tb = tokens(b);
  const offsets = (ts: string[]) => {
    const out = [0];
    for (const t of ts) out.push(out[out.length - 1] + t.length);
    return out;
  };
  const oa = offsets(ta);
  const ob = offsets(tb);
  const { pairs, gaps } = align(ta, tb, (x, y) => x === y);
  const hunks: Hunk[] = [];
  gaps.forEach((g, k) => {
    if (!g.a.length && !g.b.length) return;
    // The gap lies between the pair before it and the pair at k.
    const fromA = k > 0 ? oa[pairs[k - 1][0] + 1] : 0;
    const toA = k < pairs.length ? oa[pairs[k][0]] : a.length;
    const fromB = k > 0 ? ob[pairs[k - 1][1] + 1] : 0;
    const toB = k < pairs.length ? ob[pairs[k][1]] : b.length;
    let x = fromA;
    let y = fromB;
    let xe = toA;
    let ye = toB;
    while (x < xe && y < ye && a[x] === b[y]) {
      x++;
      y++;
    }
    while (xe > x && ye > y && a[xe - 1] === b[ye - 1]) {
      xe--;
      ye--;
    }
    if (xe > x || ye > y) hunks.push({ from: x, to: xe, text: b.slice(y, ye) });
  });
  return hunks;
}

// ---- The refill -------------------------------------------------------------------------------

type Presets = { current: PresetFor; target: PresetFor };

const hasPageBreak = (e: StructuralElement) =>
  (e.paragraph?.elements ?? []).some((x) => x.pageBreak !== undefined);

/** Elements equal enough to keep as they are (the alignment's anchors). */
function sameElement(a: StructuralElement, b: StructuralElement): boolean {
  // A section break is kept as it is (the API cannot copy one; the template's never changes).
  if (a.sectionBreak && b.sectionBreak) return true;
  if (a.paragraph && b.paragraph) return flatten(a.paragraph).text === flatten(b.paragraph).text;
  if (a.table && b.table) return columns(a) === columns(b);
  return false;
}

/** Elements one can be edited into the other in place. */
function pairable(a: StructuralElement, b: StructuralElement): boolean {
  if (a.paragraph && b.paragraph) return hasPageBreak(a) === hasPageBreak(b);
  return sameElement(a, b);
}

const columns = (e: StructuralElement) =>
  e.table?.columns ??
  Math.max(0, ...(e.table?.tableRows ?? []).map((r) => r.tableCells?.length ?? 0));

/**
 * An alignment where what `same` matched is kept, and within each gap what `fits` allows is
 * paired in order too (edited in place): the pairs of both, and what is left as gaps.
 */
function alignInPlace<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
  fits: (x: T, y: T) => boolean,
): Alignment {
  const outer = align(a, b, same);
  const pairs: [number, number][] = [];
  const gaps: Alignment['gaps'] = [];
  let pending: Alignment['gaps'][number] = { a: [], b: [] };
  const pair = (p: [number, number]) => {
    gaps.push(pending);
    pending = { a: [], b: [] };
    pairs.push(p);
  };
  outer.gaps.forEach((g, k) => {
    const inner = align(
      g.a.map((i) => a[i]),
      g.b.map((j) => b[j]),
      fits,
    );
    inner.gaps.forEach((ig, m) => {
      pending.a.push(...ig.a.map((x) => g.a[x]));
      pending.b.push(...ig.b.map((y) => g.b[y]));
      if (m < inner.pairs.length) pair([g.a[inner.pairs[m][0]], g.b[inner.pairs[m][1]]]);
    });
    if (k < outer.pairs.length) pair(outer.pairs[k]);
  });
  gaps.push(pending);
  return { pairs, gaps };
}

class Refiller {
  constructor(
    private readonly w: RequestWriter,
    private readonly presets: Presets,
  ) {}

  /** A container's elements (a segment or a cell) made like the target's, last first. */
  container(cur: StructuralElement[], tgt: StructuralElement[]): void {
    const curLast = cur[cur.length - 1];
    const tgtLast = tgt[tgt.length - 1];
    if (!curLast?.paragraph || !tgtLast?.paragraph)
      throw new RefillError('A segment or cell must end with a paragraph.');
    // The last paragraph of a segment or cell can never go: it is always edited in place.
    const { pairs, gaps } = alignInPlace(cur.slice(0, -1), tgt.slice(0, -1), sameElement, pairable);
    pairs.push([cur.length - 1, tgt.length - 1]);
    gaps.push({ a: [], b: [] });
    for (let k = pairs.length; k >= 0; k--) {
      const gap = gaps[k];
      if (gap.a.length || gap.b.length) {
        const prev = k > 0 ? cur[pairs[k - 1][0]] : null;
        const next = k < pairs.length ? cur[pairs[k][0]] : null;
        const left = this.deleteRun(
          gap.a.map((i) => cur[i]),
          prev,
          next,
        );
        this.insertRun(
          gap.b.map((j) => tgt[j]),
          prev,
          left ?? next,
          cur[0],
        );
      }
      if (k > 0) {
        const [i, j] = pairs[k - 1];
        this.inPlace(cur[i], tgt[j]);
      }
    }
  }

  /**
   * Deletes consecutive elements between `prev` and `next` (both kept). Returns the paragraph
   * left in their place, if one had to stay (the one before a table).
   */
  private deleteRun(
    run: StructuralElement[],
    prev: StructuralElement | null,
    next: StructuralElement | null,
  ): StructuralElement | null {
    if (!run.length) return null;
    const first = run[0];
    const last = run[run.length - 1];
    if (!(next?.table || next?.sectionBreak) || !last.paragraph) {
      this.w.deleteRange(start(first), end(last));
      return null;
    }
    // The newline before a table or a section break cannot go without it (DeleteContentRangeRequest):
    // join the run into the paragraph
    // before it, or leave its last newline as an empty paragraph.
    if (prev?.paragraph && end(prev) - 1 > start(prev)) {
      this.w.deleteRange(end(prev) - 1, end(last) - 1);
      return null;
    }
    this.w.deleteRange(start(first), end(last) - 1);
    return last;
  }

  /** Writes target elements after `prev` (or first in the container, before `next`). */
  private insertRun(
    run: StructuralElement[],
    prev: StructuralElement | null,
    next: StructuralElement | null,
    first: StructuralElement,
  ): void {
    if (!run.length) return;
    const blocks = freshCopy(run);
    if (prev?.paragraph) {
      this.w.insertText(end(prev) - 1, '\n');
      this.w.buildInto(end(prev), blocks, lookOf(prev.paragraph));
      return;
    }
    // After a table, or at the container's start: a new paragraph in front of the next one.
    const at = prev ? end(prev) : start(first);
    if (!next?.paragraph) throw new RefillError('New content would have no paragraph to go into.');
    this.w.insertText(at, '\n');
    this.w.buildInto(at, blocks, lookOf(next.paragraph));
  }

  private inPlace(cur: StructuralElement, tgt: StructuralElement): void {
    if (cur.paragraph && tgt.paragraph) this.paragraph(start(cur), cur.paragraph, tgt.paragraph);
    else if (cur.table && tgt.table) this.table(cur, tgt);
  }

  /** A paragraph at `at` made like the target's: its text, text styles, style and bullet. */
  private paragraph(at: number, cur: Paragraph, tgt: Paragraph): void {
    const a = flatten(cur);
    const b = flatten(tgt);
    const hunks = a.text === b.text ? [] : textHunks(a.text, b.text);
    // Where each character of the target comes from: an offset of the current text, or -1 (new).
    const from = new Int32Array(b.text.length).fill(-1);
    let pa = 0;
    let pb = 0;
    for (const h of hunks) {
      while (pa < h.from) from[pb++] = pa++;
      pa = h.to;
      pb += h.text.length;
    }
    while (pa < a.text.length) from[pb++] = pa++;
    for (let k = hunks.length - 1; k >= 0; k--) {
      const h = hunks[k];
      this.w.deleteRange(at + h.from, at + h.to);
      // Non-text elements cannot be written through the API (see the header).
      this.w.insertText(at + h.from, h.text.replace(/[\uE000\uE001]/g, ''));
    }
    const written = hunks.some((h) => /[\uE000\uE001]/.test(h.text));
    if (written) return; // the target's layout of objects cannot be matched: leave the styles
    // Text styles, where a character is new or differs.
    let runStart = -1;
    let runStyle: TextStyle | null = null;
    const flush = (upTo: number) => {
      if (runStyle && runStart >= 0) this.w.textStyle(at + runStart, at + upTo, runStyle);
      runStart = -1;
      runStyle = null;
    };
    for (let x = 0; x < b.text.length; x++) {
      const want = styleOf(b, x);
      const have = from[x] >= 0 ? styleOf(a, from[x]) : null;
      const change = want !== null && (from[x] < 0 || !sameJson(have, want));
      if (change && runStyle && sameJson(runStyle, want)) continue;
      flush(x);
      if (change) {
        runStart = x;
        runStyle = want;
      }
    }
    flush(b.text.length);
    const nl = at + b.text.length;
    const wantNl = newlineStyle(tgt);
    if (!sameJson(newlineStyle(cur), wantNl)) this.w.textStyle(nl, nl + 1, wantNl);
    this.look(at, nl + 1, cur, tgt);
  }

  /** The paragraph style and bullet of [from, to), set only where they differ. */
  private look(from: number, to: number, cur: Paragraph, tgt: Paragraph): void {
    const fields = paragraphFieldsBetween(cur.paragraphStyle ?? {}, tgt.paragraphStyle ?? {});
    if (fields.length) {
      this.w.requests.push({
        updateParagraphStyle: {
          range: this.w.range(from, to),
          paragraphStyle: pick(tgt.paragraphStyle, fields),
          fields: fields.join(','),
        },
      });
    }
    // Lists differ in id between two Docs: a bullet is the same when it draws the same glyph.
    const glyph = (p: Paragraph, preset: PresetFor) =>
      p.bullet ? `${preset(p.bullet)}:${p.bullet.nestingLevel ?? 0}` : '';
    const had = glyph(cur, this.presets.current);
    const wants = glyph(tgt, this.presets.target);
    if (had === wants) return;
    if (tgt.bullet) {
      this.w.requests.push({
        createParagraphBullets: {
          range: this.w.range(from, to),
          bulletPreset: this.presets.target(tgt.bullet),
        },
      });
    } else {
      this.w.requests.push({ deleteParagraphBullets: { range: this.w.range(from, to) } });
    }
  }

  /** A table made like the target's: rows aligned, kept rows edited cell by cell, last first. */
  private table(cur: StructuralElement, tgt: StructuralElement): void {
    const rows = cur.table?.tableRows ?? [];
    const want = tgt.table?.tableRows ?? [];
    const location: Location = this.w.location(start(cur));
    const rowText = (r: TableRow) =>
      (r.tableCells ?? [])
        .map((c) =>
          (c.content ?? []).map((e) => (e.paragraph ? flatten(e.paragraph).text : '\t')).join('\n'),
        )
        .join('\u0001');
    const { pairs, gaps } = alignInPlace(
      rows,
      want,
      (x, y) => rowText(x) === rowText(y),
      (x, y) => (x.tableCells?.length ?? 0) === (y.tableCells?.length ?? 0),
    );
    const cellAt = (rowIndex: number) => ({
      tableStartLocation: location,
      rowIndex,
      columnIndex: 0,
    });
    for (let k = pairs.length; k >= 0; k--) {
      const gap = gaps[k];
      const prev = k > 0 ? pairs[k - 1][0] : null;
      // New rows first (so the table never loses its last row), each below the kept row before
      // them (or on top), last first; then the rows that go, below them.
      for (let n = gap.b.length - 1; n >= 0; n--) {
        const fresh = freshCopy([
          { table: { rows: 1, columns: columns(tgt), tableRows: [want[gap.b[n]]] } },
        ])[0];
        if (fresh.kind !== 'table') continue;
        const row = fresh.rows[0];
        const index = prev === null ? 0 : prev + 1;
        this.w.requests.push({
          insertTableRow: {
            tableCellLocation: cellAt(prev ?? 0),
            insertBelow: prev !== null,
          },
        });
        this.w.rowStyle(location, index, row.style);
        this.w.cellStyles(location, index, row.cells);
        const rowStart = prev === null ? start(cur) + 1 : end(rows[prev]);
        for (let c = row.cells.length - 1; c >= 0; c--)
          this.w.buildInto(rowStart + 2 + 2 * c, row.cells[c].blocks);
      }
      for (let n = gap.a.length - 1; n >= 0; n--)
        this.w.requests.push({
          deleteTableRow: { tableCellLocation: cellAt(gap.a[n] + gap.b.length) },
        });
      if (k > 0) {
        const [i, j] = pairs[k - 1];
        this.row(location, i, rows[i], want[j]);
      }
    }
    const pinned = (rs: TableRow[]) => {
      let n = 0;
      while (n < rs.length && rs[n].tableRowStyle?.tableHeader) n++;
      return n;
    };
    if (pinned(rows) !== pinned(want))
      this.w.requests.push({
        pinTableHeaderRows: { tableStartLocation: location, pinnedHeaderRowsCount: pinned(want) },
      });
  }

  /** A kept row: each cell's content, then cell and row styles where they differ. */
  private row(location: Location, index: number, cur: TableRow, tgt: TableRow): void {
    const cells = cur.tableCells ?? [];
    const want = tgt.tableCells ?? [];
    for (let c = cells.length - 1; c >= 0; c--)
      this.container(cells[c].content ?? [], want[c]?.content ?? []);
    want.forEach((cell, c) => {
      const fields = cellStyleFields(cell.tableCellStyle);
      const had = cellStyleFields(cells[c]?.tableCellStyle);
      if (
        sameJson(had, fields) &&
        sameJson(pick(cells[c]?.tableCellStyle, fields), pick(cell.tableCellStyle, fields))
      )
        return;
      this.w.cellStyles(location, index, [{ style: cell.tableCellStyle }], c);
    });
    const rowFields = rowStyleFields(tgt.tableRowStyle);
    if (!sameJson(pick(cur.tableRowStyle, rowFields), pick(tgt.tableRowStyle, rowFields)))
      this.w.rowStyle(location, index, tgt.tableRowStyle);
  }
}
