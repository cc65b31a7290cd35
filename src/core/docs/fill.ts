/**
 * A fill plan (core/template) carried out on a Google Doc as one documents.batchUpdate: the
 * requests, computed from the document as Docs.Documents.get returned it.
 *
 * As with the DocumentApp filler this replaces: the first use of a template element is edited in
 * place (so anything the core does not understand in it survives), later uses are written anew
 * right after the element that comes before them in the plan (the Docs API cannot copy an
 * element; see build.ts), and elements the plan does not use are deleted. Elements are handled
 * from the last to the first, so the indices Documents.get reported stay right for everything
 * not yet handled.
 *
 * Docs never lets a segment or cell lose its last paragraph, nor the paragraph before a table
 * ("Deleting the last newline character of a Body, Header, Footer, Footnote, TableCell" and
 * "Deleting the newline character before a Table … without deleting the element" are invalid:
 * DeleteContentRangeRequest, https://developers.google.com/docs/api/reference/rest/v1/documents/request).
 * Such a paragraph, when unused, is merged into the paragraph before it (which gets its own
 * style back), or emptied when a table or nothing comes before it.
 *
 * What is written anew keeps text, text styles, paragraph styles, bullets, page breaks, tables,
 * cell, row and column styles. Other things inside a repeated element (an image, a drawing, a
 * footnote) cannot be written through the API and are left out of the repeats; the first use
 * keeps them.
 */
import type { FillPlan, OutNode, Run, TextEdit } from '../template/tree';
import {
  RequestWriter,
  insertable,
  layout,
  writtenLength,
  type FreshBlock,
  type FreshParagraph,
  type FreshRow,
  type FreshRun,
  type PlacedImage,
} from './build';
import {
  bodyElements,
  end,
  paragraphChildren,
  segmentContent,
  start,
  styleAt,
  type ParagraphChild,
  type StyledRun,
} from './read';
import { DEFAULT_LOOK, sameJson, textStyleOf, type Look } from './styles';
import type {
  Bullet,
  Document,
  Paragraph,
  Request,
  StructuralElement,
  Table,
  TableRow,
  TextStyle,
} from './types';

export type { PlacedImage } from './build';

export interface DocsFill {
  /** One documents.batchUpdate. */
  requests: Request[];
  /** Images to add after the batch: the Docs API inserts images only from public URLs. */
  images: PlacedImage[];
}

/** The requests that carry `plan` out on `doc` (a Documents.get response). */
export function fillRequests(doc: Document, plan: FillPlan): DocsFill {
  const requests: Request[] = [];
  const images: PlacedImage[] = [];
  const presetFor = bulletPresets(doc);
  const sections: ['body' | 'header' | 'footer', StructuralElement[], OutNode[], string?][] = [
    ['body', bodyElements(doc), plan.body],
  ];
  for (const section of ['header', 'footer'] as const) {
    const seg = segmentContent(doc, section);
    const p = plan[section];
    if (seg && p) sections.push([section, seg.content, p, seg.id]);
  }
  // Each segment has its own indices, so their order does not matter.
  for (const [section, elements, p, id] of sections) {
    new Filler(new RequestWriter(requests, id, presetFor, images, section)).container(
      elements,
      p,
      [],
    );
  }
  return { requests, images };
}

/** The preset whose first level draws the same kind of glyph as the bullet's list. */
export function bulletPresets(doc: Document): (bullet: Bullet) => string {
  return (bullet) => {
    const level = doc.lists?.[bullet.listId ?? '']?.listProperties?.nestingLevels?.[0];
    const glyph = level?.glyphType ?? '';
    if (/ROMAN/.test(glyph)) return 'NUMBERED_UPPERROMAN_UPPERALPHA_DECIMAL';
    if (/ALPHA/.test(glyph)) return 'NUMBERED_UPPERALPHA_ALPHA_ROMAN';
    if (glyph === 'DECIMAL' || glyph === 'ZERO_DECIMAL') return 'NUMBERED_DECIMAL_ALPHA_ROMAN';
    return 'BULLET_DISC_CIRCLE_SQUARE';
  };
}

export const lookOf = (p: Paragraph | undefined): Look =>
  p ? { style: p.paragraphStyle ?? {}, bullet: p.bullet } : DEFAULT_LOOK;

/** The style of a paragraph's newline (the end of its last run). */
export function newlineStyle(p: Paragraph): TextStyle {
  const elements = p.elements ?? [];
  return textStyleOf(elements[elements.length - 1]?.textRun?.textStyle);
}

type Fate =
  | { kind: 'use'; self: OutNode; copies: OutNode[] }
  | { kind: 'delete' }
  | { kind: 'merge' }
  | { kind: 'empty' }
  | { kind: 'keep' };

/**
 * What each template element becomes. Later uses go after the element used just before them in
 * the plan (the plan lists first uses in document order). An unused paragraph may only go when a
 * paragraph follows it once the later elements are dealt with.
 */
function fates(elements: StructuralElement[], plan: OutNode[]): Fate[] {
  const out: Fate[] = elements.map(() => ({ kind: 'delete' }));
  let last: Extract<Fate, { kind: 'use' }> | null = null;
  for (const o of plan) {
    const f = out[o.src];
    if (f.kind === 'use' && last) last.copies.push(o);
    else {
      last = { kind: 'use', self: o, copies: [] };
      out[o.src] = last;
    }
  }
  let follower: 'end' | 'paragraph' | 'block' = 'end';
  for (let j = elements.length - 1; j >= 0; j--) {
    const e = elements[j];
    if (out[j].kind === 'use') {
      follower = e.paragraph ? 'paragraph' : 'block';
    } else if (e.sectionBreak) {
      out[j] = { kind: 'keep' };
      follower = 'block';
    } else if (!e.paragraph || follower === 'paragraph') {
      out[j] = { kind: 'delete' };
    } else if (j > 0 && elements[j - 1].paragraph) {
      out[j] = { kind: 'merge' };
    } else {
      out[j] = { kind: 'empty' };
      follower = 'paragraph';
    }
  }
  return out;
}

class Filler {
  constructor(private readonly w: RequestWriter) {}

  /** A container's elements (a segment or a cell) laid out as the plan says, last first. */
  container(elements: StructuralElement[], plan: OutNode[], path: number[]): void {
    const fate = fates(elements, plan);
    const copies = fate.map((f) => (f.kind === 'use' ? this.freshBlocks(elements, f.copies) : []));
    // Each element's child index once filled.
    const pos: number[] = [];
    let n = 0;
    fate.forEach((f, j) => {
      pos.push(n);
      if (f.kind === 'use') n += 1 + layout(copies[j]).count;
      else if (f.kind === 'empty' || f.kind === 'keep') n += 1;
    });
    // The look of the paragraph now at j's place (a later paragraph merged into it brings its own),
    // and of the paragraph after j (what a newline inserted there copies).
    let carried: Look | null = null;
    let after: Look = DEFAULT_LOOK;
    for (let j = elements.length - 1; j >= 0; j--) {
      const e = elements[j];
      const f = fate[j];
      const here: Look | null = carried;
      carried = null;
      const s = start(e);
      const t = end(e);
      if (f.kind === 'use') {
        const own = lookOf(e.paragraph);
        if (e.paragraph && here) this.w.restyle(s, t, here, own);
        if (copies[j].length) {
          // An empty paragraph right after this element, then the copies written into it.
          const at = e.paragraph ? t - 1 : t;
          this.w.insertText(at, '\n');
          this.w.buildInto(t, copies[j], e.paragraph ? own : after, path, pos[j] + 1);
        }
        if (e.paragraph) this.paragraphInPlace(e.paragraph, f.self, path.concat(pos[j]));
        else if (e.table && f.self.kind === 'table')
          this.tableInPlace(e, f.self, path.concat(pos[j]));
        if (e.paragraph) after = own;
      } else if (f.kind === 'delete') {
        this.w.deleteRange(s, t);
      } else if (f.kind === 'merge') {
        // The previous paragraph's text joins this paragraph's newline.
        this.w.deleteRange(end(elements[j - 1]) - 1, t - 1);
        carried = here ?? lookOf(e.paragraph);
      } else if (f.kind === 'empty') {
        this.w.deleteRange(s, t - 1);
        const own = lookOf(e.paragraph);
        if (here) this.w.restyle(s, s + 1, here, own);
        after = own;
      }
    }
  }

  /** The first use of a paragraph: its edits, last first, each a delete then an insert. */
  private paragraphInPlace(p: Paragraph, out: OutNode, path: number[]): void {
    if (out.kind !== 'para') return;
    const children = paragraphChildren(p);
    for (const edit of out.edits) {
      const child = children[edit.child];
      if (!child || child.kind !== 'text') continue;
      const from = child.start + edit.start;
      this.w.deleteRange(from, child.start + edit.end);
      let at = from;
      for (const run of edit.runs) {
        const text = insertable(run.text);
        this.w.insertText(at, text);
        for (const piece of runPieces(child.runs, run, text))
          this.w.textStyle(at + piece.at, at + piece.at + piece.text.length, piece.style);
        at += text.length;
      }
    }
    if (out.image) this.w.images.push({ section: this.w.section, path, image: out.image });
  }

  /** A table used in place: its rows laid out as the plan says, last first; new rows written anew. */
  private tableInPlace(
    e: StructuralElement,
    out: Extract<OutNode, { kind: 'table' }>,
    path: number[],
  ): void {
    const rows = e.table?.tableRows ?? [];
    const tableStartLocation = this.w.location(start(e));
    type RowPlan = (typeof out.rows)[number];
    const fate: ({ self: RowPlan; copies: RowPlan[] } | null)[] = rows.map(() => null);
    let last: { self: RowPlan; copies: RowPlan[] } | null = null;
    for (const r of out.rows) {
      if (fate[r.src] && last) last.copies.push(r);
      else {
        last = { self: r, copies: [] };
        fate[r.src] = last;
      }
    }
    const finalRow: number[] = [];
    let n = 0;
    for (const f of fate) {
      finalRow.push(n);
      if (f) n += 1 + f.copies.length;
    }
    const cellAt = (rowIndex: number) => ({ tableStartLocation, rowIndex, columnIndex: 0 });
    for (let r = rows.length - 1; r >= 0; r--) {
      const f = fate[r];
      if (!f) {
        this.w.requests.push({ deleteTableRow: { tableCellLocation: cellAt(r) } });
        continue;
      }
      // New rows go below this one, each below the one before, first first: each is written
      // completely, so where the next one starts is known. (Appending keeps a long table cheap
      // for the local service too, which moves only what follows an insertion.)
      const cellCount = rows[r].tableCells?.length ?? 0;
      let rowStart = end(rows[r]);
      f.copies.forEach((copy, i) => {
        const fresh = this.freshRow(rows[copy.src], copy.cells);
        this.w.requests.push({
          insertTableRow: { tableCellLocation: cellAt(r + i), insertBelow: true },
        });
        this.w.rowStyle(tableStartLocation, r + i + 1, fresh.style);
        this.w.cellStyles(tableStartLocation, r + i + 1, fresh.cells);
        let length = 1;
        for (let c = cellCount - 1; c >= 0; c--) {
          const blocks = fresh.cells[c]?.blocks ?? [];
          this.w.buildInto(rowStart + 2 + 2 * c, blocks, DEFAULT_LOOK, [
            ...path,
            finalRow[r] + 1 + i,
            c,
          ]);
          length += 1 + writtenLength(blocks);
        }
        rowStart += length;
      });
      const cells = rows[r].tableCells ?? [];
      for (let c = cells.length - 1; c >= 0; c--)
        this.container(cells[c].content ?? [], f.self.cells[c] ?? [], [...path, finalRow[r], c]);
    }
  }

  // ---- Writing template elements anew ----------------------------------------------------

  freshBlocks(elements: StructuralElement[], plan: OutNode[]): FreshBlock[] {
    const out: FreshBlock[] = [];
    for (const o of plan) {
      const e = elements[o.src];
      if (o.kind === 'para' && e?.paragraph) out.push(freshParagraph(e.paragraph, o));
      else if (o.kind === 'table' && e?.table) out.push(this.freshTable(e.table, o));
    }
    return out;
  }

  private freshRow(source: TableRow | undefined, cells: OutNode[][]): FreshRow {
    return {
      style: source?.tableRowStyle,
      cells: (source?.tableCells ?? []).map((cell, c) => ({
        style: cell.tableCellStyle,
        blocks: this.freshBlocks(cell.content ?? [], cells[c] ?? []),
      })),
    };
  }

  private freshTable(table: Table, out: Extract<OutNode, { kind: 'table' }>): FreshBlock {
    const rows = table.tableRows ?? [];
    let pinned = 0;
    while (pinned < out.rows.length && rows[out.rows[pinned].src]?.tableRowStyle?.tableHeader)
      pinned++;
    return {
      kind: 'table',
      columns: table.columns ?? Math.max(0, ...rows.map((r) => r.tableCells?.length ?? 0)),
      columnProperties: table.tableStyle?.tableColumnProperties,
      pinnedHeaderRows: pinned,
      rows: out.rows.map((r) => this.freshRow(rows[r.src], r.cells)),
    };
  }
}

/** A later use of a paragraph as new content: its text with the plan's edits, in its styles. */
function freshParagraph(p: Paragraph, out: Extract<OutNode, { kind: 'para' }>): FreshParagraph {
  const runs: FreshRun[] = [];
  let pageBreak = false;
  paragraphChildren(p).forEach((child, i) => {
    if (child.kind === 'pageBreak') pageBreak = true;
    if (child.kind === 'text')
      runs.push(
        ...editedRuns(
          child,
          out.edits.filter((x) => x.child === i),
        ),
      );
  });
  const merged = mergeRuns(runs);
  return {
    kind: 'paragraph',
    runs: merged,
    newline: newlineStyle(p),
    look: lookOf(p),
    pageBreak: pageBreak && merged.length === 0,
    image: out.image,
  };
}

/** The styled pieces of inserted text: a value in its tag's style, template text in its own. */
function runPieces(runs: StyledRun[], run: Run, text: string): StyledRun[] {
  if (!text) return [];
  if (run.uniform || text !== run.text)
    return [{ at: 0, text, style: textStyleOf(styleAt(runs, run.from)) }];
  const out: StyledRun[] = [];
  for (const r of runs) {
    const from = Math.max(r.at, run.from);
    const to = Math.min(r.at + r.text.length, run.from + text.length);
    if (from < to)
      out.push({
        at: from - run.from,
        text: text.slice(from - run.from, to - run.from),
        style: textStyleOf(r.style),
      });
  }
  return out;
}

/** A Text child's runs with the plan's edits applied (edits come last offset first). */
function editedRuns(
  child: Extract<ParagraphChild, { kind: 'text' }>,
  edits: TextEdit[],
): FreshRun[] {
  let runs: FreshRun[] = child.runs.map((r) => ({ text: r.text, style: textStyleOf(r.style) }));
  for (const edit of edits) {
    const inserted: FreshRun[] = [];
    for (const run of edit.runs) {
      const text = insertable(run.text);
      for (const piece of runPieces(child.runs, run, text))
        inserted.push({ text: piece.text, style: piece.style });
    }
    runs = splice(runs, edit.start, edit.end, inserted);
  }
  return runs;
}

/** Replaces [from, to) of styled runs by `inserted`. */
function splice(runs: FreshRun[], from: number, to: number, inserted: FreshRun[]): FreshRun[] {
  const before: FreshRun[] = [];
  const after: FreshRun[] = [];
  let pos = 0;
  for (const r of runs) {
    const a = pos;
    const b = pos + r.text.length;
    if (a < from) before.push({ text: r.text.slice(0, Math.min(b, from) - a), style: r.style });
    if (b > to) after.push({ text: r.text.slice(Math.max(a, to) - a), style: r.style });
    pos = b;
  }
  return [...before, ...inserted, ...after];
}

function mergeRuns(runs: FreshRun[]): FreshRun[] {
  const out: FreshRun[] = [];
  for (const r of runs) {
    if (!r.text) continue;
    const last = out[out.length - 1];
    if (last && sameJson(last.style, r.style)) last.text += r.text;
    else out.push({ text: r.text, style: r.style });
  }
  return out;
}

/** A plan that uses every element once, as it is (tables row by row, cells the same way). */
function identityPlan(elements: StructuralElement[]): OutNode[] {
  return elements.flatMap((e, src): OutNode[] => {
    if (e.paragraph) return [{ kind: 'para', src, edits: [] }];
    if (e.table)
      return [
        {
          kind: 'table',
          src,
          rows: (e.table.tableRows ?? []).map((row, r) => ({
            src: r,
            cells: (row.tableCells ?? []).map((cell) => identityPlan(cell.content ?? [])),
          })),
        },
      ];
    return [];
  });
}

/**
 * Elements of a document to be written anew exactly as they are: their text, styles, bullets,
 * page breaks and tables (refill.ts writes what a fresh fill has and the Doc lacks). As with
 * repeats, an image or a drawing inside cannot be written through the API and is left out.
 */
export function freshCopy(elements: StructuralElement[]): FreshBlock[] {
  const filler = new Filler(new RequestWriter([], undefined, () => 'BULLET_DISC_CIRCLE_SQUARE'));
  return filler.freshBlocks(elements, identityPlan(elements));
}
