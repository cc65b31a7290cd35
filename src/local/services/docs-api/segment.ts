/**
 * A segment (the body, a header or a footer) of the document model with Docs API indices: every
 * paragraph, table, row and cell with its start and end, in document order.
 *
 * Google's layout (https://developers.google.com/docs/api/concepts/structure): the body starts
 * with a section break at index 0, so its first paragraph starts at 1; a header or footer starts
 * at 0. A paragraph spans its content and its newline. A table takes one index before its first
 * row and one after its last; each row and each cell takes one index before its content, and a
 * cell holds at least one paragraph.
 *
 * A batch of thousands of requests (a 1,000-row table) must not recompute this for each one:
 * text edits inside a paragraph shift what follows, and the two structural edits the add-on sends
 * in bulk (a newline splitting a paragraph, a new table row) are patched in place. Any other
 * structural edit recomputes the index.
 */
import type { BlockNode, SectionBreakNode, TableCellNode, TableNode } from '../../docmodel';
import { paragraphLength, type ParagraphLike } from './inline';

interface Base {
  start: number;
  end: number;
  /** The cell, row or table enclosing this one. */
  parent: CellRef | RowRef | TableRef | null;
}

export interface ParaRef extends Base {
  kind: 'paragraph';
  node: ParagraphLike;
  /** The block list holding the node: the segment's or a cell's children. */
  blocks: BlockNode[];
  parent: CellRef | null;
}

export interface TableRef extends Base {
  kind: 'table';
  node: TableNode;
  blocks: BlockNode[];
  parent: CellRef | null;
  rows: RowRef[];
}

export interface RowRef extends Base {
  kind: 'row';
  parent: TableRef;
  cells: CellRef[];
}

export interface CellRef extends Base {
  kind: 'cell';
  parent: RowRef;
  node: TableCellNode;
}

/** A section break in the body: one index, between the paragraph before it and the one after. */
export interface SectionRef extends Base {
  kind: 'sectionBreak';
  node: SectionBreakNode;
  blocks: BlockNode[];
  parent: null;
}

export type Ref = ParaRef | TableRef | RowRef | CellRef | SectionRef;

export class Segment {
  /** Every ref in document order; starts are strictly increasing. */
  all: Ref[] = [];
  paragraphs: ParaRef[] = [];
  end = 0;

  constructor(
    readonly blocks: BlockNode[],
    /** 1 for the body (after its section break), 0 for headers and footers. */
    readonly base: number,
    readonly id: string,
  ) {
    this.rebuild();
  }

  rebuild(): void {
    this.all = [];
    this.end = this.walk(this.blocks, this.base, null);
    this.paragraphs = this.all.filter((r): r is ParaRef => r.kind === 'paragraph');
  }

  private walk(blocks: BlockNode[], at: number, parent: CellRef | null): number {
    let index = at;
    for (const node of blocks) {
      if (node.type === 'sectionBreak') {
        if (parent) throw new Error('Local Docs API: a section break inside a table cell.');
        this.all.push({ kind: 'sectionBreak', node, blocks, parent, start: index, end: index + 1 });
        index += 1;
        continue;
      }
      if (node.type !== 'table') {
        const ref: ParaRef = { kind: 'paragraph', node, blocks, parent, start: index, end: 0 };
        index += paragraphLength(node);
        ref.end = index;
        this.all.push(ref);
        continue;
      }
      const table: TableRef = {
        kind: 'table',
        node,
        blocks,
        parent,
        rows: [],
        start: index,
        end: 0,
      };
      this.all.push(table);
      index += 1;
      for (const row of node.rows) {
        const r: RowRef = { kind: 'row', parent: table, cells: [], start: index, end: 0 };
        this.all.push(r);
        table.rows.push(r);
        index += 1;
        for (const cell of row.cells) {
          const c: CellRef = { kind: 'cell', parent: r, node: cell, start: index, end: 0 };
          this.all.push(c);
          r.cells.push(c);
          index = this.walk(cell.children, index + 1, c);
          c.end = index;
        }
        r.end = index;
      }
      index += 1;
      table.end = index;
    }
    return index;
  }

  /** The position in `all` of the ref starting at `start`, or -1. */
  private position(start: number): number {
    let lo = 0;
    let hi = this.all.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const s = this.all[mid].start;
      if (s === start) return mid;
      if (s < start) lo = mid + 1;
      else hi = mid - 1;
    }
    return -1;
  }

  /** The position in `all` of the first ref starting at or after `start`. */
  private firstFrom(start: number): number {
    let lo = 0;
    let hi = this.all.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (this.all[mid].start < start) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /** The position in `paragraphs` of the paragraph holding index `i` (its newline included), or -1. */
  private paragraphIndex(i: number): number {
    const ps = this.paragraphs;
    let lo = 0;
    let hi = ps.length - 1;
    while (lo <= hi) {
      const mid = (lo + hi) >> 1;
      const p = ps[mid];
      if (i < p.start) hi = mid - 1;
      else if (i >= p.end) lo = mid + 1;
      else return mid;
    }
    return -lo - 1;
  }

  /** The paragraph holding index `i` (its newline included), or null. */
  paragraphAt(i: number): ParaRef | null {
    const k = this.paragraphIndex(i);
    return k >= 0 ? this.paragraphs[k] : null;
  }

  /** Paragraphs overlapping [from, to). */
  paragraphsIn(from: number, to: number): ParaRef[] {
    const found = this.paragraphIndex(from);
    const out: ParaRef[] = [];
    for (let k = found >= 0 ? found : -found - 1; k < this.paragraphs.length; k++) {
      if (this.paragraphs[k].start >= to) break;
      out.push(this.paragraphs[k]);
    }
    return out;
  }

  /** Section breaks whose index lies in [from, to). */
  sectionBreaksIn(from: number, to: number): SectionRef[] {
    return this.all.filter(
      (r): r is SectionRef => r.kind === 'sectionBreak' && r.start >= from && r.start < to,
    );
  }

  tableAt(start: number): TableRef | null {
    const k = this.position(start);
    const r = k >= 0 ? this.all[k] : null;
    return r && r.kind === 'table' ? r : null;
  }

  /** Tables whose extent overlaps [from, to). */
  tablesIn(from: number, to: number): TableRef[] {
    return this.all.filter(
      (r): r is TableRef => r.kind === 'table' && r.start < to && r.end > from,
    );
  }

  /** Refs from position `from` in `all` on move by `delta`; `within` and its ancestors grow. */
  private move(from: number, delta: number, within: Ref | null): void {
    for (let i = from; i < this.all.length; i++) {
      this.all[i].start += delta;
      this.all[i].end += delta;
    }
    for (let a: Ref | null = within; a; a = a.parent) a.end += delta;
    this.end += delta;
  }

  /** After a paragraph's length changed by `delta`: everything after it moves, its ancestors grow. */
  shift(p: ParaRef, delta: number): void {
    if (!delta) return;
    p.end += delta;
    this.move(this.position(p.start) + 1, delta, p.parent);
  }

  /**
   * The elements from `head` to the paragraph `last` (one block list, tables whole) became the
   * paragraphs `nodes`: a newline split a paragraph, or a deletion joined several.
   */
  replaceBlocks(head: ParaRef | TableRef, last: ParaRef, nodes: ParagraphLike[]): void {
    const refs: ParaRef[] = [];
    let index = head.start;
    for (const node of nodes) {
      const ref: ParaRef = {
        kind: 'paragraph',
        node,
        blocks: last.blocks,
        parent: last.parent,
        start: index,
        end: 0,
      };
      index += paragraphLength(node);
      ref.end = index;
      refs.push(ref);
    }
    const delta = index - last.end;
    const from = this.position(head.start);
    const to = this.position(last.start);
    const pFrom = this.paragraphIndexFrom(head.start);
    const pTo = this.paragraphIndex(last.start);
    this.move(to + 1, delta, last.parent);
    this.all.splice(from, to - from + 1, ...refs);
    this.paragraphs.splice(pFrom, pTo - pFrom + 1, ...refs);
  }

  /** The position in `paragraphs` of the first paragraph starting at or after `i`. */
  private paragraphIndexFrom(i: number): number {
    const k = this.paragraphIndex(i);
    return k >= 0 ? k : -k - 1;
  }

  /** A row was inserted into `table` at `rowIndex` of its node: its refs go in, what follows moves. */
  insertRow(table: TableRef, rowIndex: number): void {
    const at = rowIndex < table.rows.length ? table.rows[rowIndex].start : table.end - 1;
    const row = table.node.rows[rowIndex];
    const refs: Ref[] = [];
    const paragraphs: ParaRef[] = [];
    const r: RowRef = { kind: 'row', parent: table, cells: [], start: at, end: 0 };
    refs.push(r);
    let index = at + 1;
    for (const cell of row.cells) {
      const c: CellRef = { kind: 'cell', parent: r, node: cell, start: index, end: 0 };
      refs.push(c);
      r.cells.push(c);
      index += 1;
      for (const node of cell.children) {
        if (node.type === 'table' || node.type === 'sectionBreak')
          throw new Error('Local Docs API: a new row holds only paragraphs.');
        const ref: ParaRef = {
          kind: 'paragraph',
          node,
          blocks: cell.children,
          parent: c,
          start: index,
          end: 0,
        };
        index += paragraphLength(node);
        ref.end = index;
        refs.push(ref);
        paragraphs.push(ref);
      }
      c.end = index;
    }
    r.end = index;
    const delta = index - at;
    // Everything from `at` on moves; the table and its ancestors grow.
    const k = this.firstFrom(at);
    this.move(k, delta, table);
    this.all.splice(k, 0, ...refs);
    table.rows.splice(rowIndex, 0, r);
    this.paragraphs.splice(this.paragraphIndexFrom(at + delta), 0, ...paragraphs);
  }
}
