/**
 * documents.batchUpdate on the document model: each request applied in order to the document as
 * the previous ones left it, with the checks Google makes. The caller applies a batch to a fresh
 * copy of the stored model and stores it only when every request passed, so a refused batch
 * changes nothing ("If any request is not valid, then the entire request will fail and nothing
 * will be applied", https://developers.google.com/docs/api/reference/rest/v1/documents/batchUpdate).
 *
 * The rules enforced are the documented ones (the request reference,
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request, and
 * https://developers.google.com/docs/api/concepts/rules-behavior); each is cited where it is
 * checked. Request kinds the add-on does not send are refused as "not emulated".
 */
import type {
  DocModel,
  GlyphType,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  SectionBreakNode,
  TableCellNode,
  TableNode,
  TableRowNode,
  TextStyle,
} from '../../docmodel';
import type * as Api from '../../../core/docs/types';
import {
  PARAGRAPH_STYLE_FIELDS,
  TABLE_CELL_STYLE_FIELDS,
  TEXT_STYLE_FIELDS,
} from '../../../core/docs/styles';
import { anchorsBetween, runWith } from '../../comment-anchors';
import { newShortListId } from '../document/ids';
import { invalidRequest, notEmulatedRequest, RequestError } from './errors';
import {
  anchorsAtOffset,
  charAt,
  deleteInline,
  inheritedAnchors,
  inheritedStyle,
  inlineLength,
  insertInline,
  normalizeInline,
  splitInline,
  styleAtOffset,
  styleInline,
  type ParagraphLike,
} from './inline';
import { FOOTER_ID, HEADER_ID } from './json';
import { Segment, type ParaRef, type TableRef } from './segment';
import {
  maskFields,
  patchCellStyle,
  patchParagraphStyle,
  patchTextStyle,
  points,
  PRESET_GLYPHS,
} from './styles';

/** Applies one request; returns its reply when the request has one. */
type Handler = (doc: EditedDocument, request: never) => object | void;

/** The document being edited by one batch, with an index per segment. */
class EditedDocument {
  private readonly segments = new Map<string, Segment>();

  constructor(readonly model: DocModel) {
    this.segments.set('', new Segment(model.body, 1, ''));
    if (model.header) this.segments.set(HEADER_ID, new Segment(model.header, 0, HEADER_ID));
    if (model.footer) this.segments.set(FOOTER_ID, new Segment(model.footer, 0, FOOTER_ID));
  }

  allSegments(): Segment[] {
    return [...this.segments.values()];
  }

  segment(id: string | undefined): Segment {
    const s = this.segments.get(id ?? '');
    if (!s)
      throw new RequestError(
        `Segment with ID ${id} was not found. If a segment ID is provided, it must be a header, footer or footnote ID.`,
      );
    return s;
  }
}

// ---- Locations and ranges -------------------------------------------------------------------

const isHigh = (c: string) => c >= '\uD800' && c <= '\uDBFF';
const isLow = (c: string) => c >= '\uDC00' && c <= '\uDFFF';

/** A location where text or an element may go: inside the bounds of an existing paragraph. */
function paragraphFor(seg: Segment, index: number | undefined): ParaRef {
  const i = index ?? 0;
  if (i >= seg.end)
    throw new RequestError(
      `Index ${i} must be less than the end index of the referenced segment, ${seg.end}.`,
    );
  const p = i >= seg.base ? seg.paragraphAt(i) : null;
  // "Text must be inserted within the bounds of an existing Paragraph. For example, text cannot
  // be inserted at a table's start index." (rules-behavior)
  if (!p)
    throw new RequestError(
      'The insertion index must be inside the bounds of an existing paragraph.',
    );
  const o = i - p.start;
  if (o > 0 && isHigh(charAt(p.node, o - 1)) && isLow(charAt(p.node, o)))
    throw new RequestError('The insertion index cannot be within a grapheme cluster.');
  return p;
}

function locationOf(
  doc: EditedDocument,
  r: { location?: Api.Location; endOfSegmentLocation?: { segmentId?: string } },
): { seg: Segment; index: number } {
  if (r.location && r.endOfSegmentLocation)
    throw new RequestError('Exactly one of location and endOfSegmentLocation must be set.');
  if (r.endOfSegmentLocation) {
    const seg = doc.segment(r.endOfSegmentLocation.segmentId);
    return { seg, index: seg.end - 1 };
  }
  if (!r.location) throw new RequestError('A location must be set.');
  return { seg: doc.segment(r.location.segmentId), index: r.location.index ?? 0 };
}

/** A range inside a segment: not empty, not past its end. */
function rangeOf(
  doc: EditedDocument,
  range: Api.Range | undefined,
): { seg: Segment; from: number; to: number } {
  if (!range) throw new RequestError('A range must be set.');
  const seg = doc.segment(range.segmentId);
  const from = range.startIndex ?? 0;
  const to = range.endIndex ?? 0;
  if (to <= from) throw new RequestError('The range should not be empty.');
  if (to > seg.end)
    throw new RequestError(
      `Index ${to - 1} must be less than the end index of the referenced segment, ${seg.end}.`,
    );
  if (from < seg.base)
    throw new RequestError(`Index ${from} is before the first paragraph of the segment.`);
  return { seg, from, to };
}

/**
 * A range may hold whole tables, or lie inside one cell: never part of a table, never across
 * cells ("Deleting the start or end of a Table … without deleting the entire element", "Deleting
 * individual rows or cells of a table" are invalid deletions).
 */
function checkTables(seg: Segment, from: number, to: number): void {
  const p = seg.paragraphAt(from);
  if (p && to <= p.end) return;
  for (const t of seg.tablesIn(from, to)) {
    if (from <= t.start && to >= t.end) continue;
    const inOneCell = t.rows.some((r) => r.cells.some((c) => from > c.start && to <= c.end));
    if (!inOneCell)
      throw new RequestError(
        'The range cannot include part of a table: it must hold the whole table, or lie within one table cell.',
      );
  }
}

// ---- Text -------------------------------------------------------------------------------------

/** Control characters and the private use area are stripped from inserted text (rules-behavior). */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

/**
 * A paragraph made from `p` (a split, a break): its style, not its positioned images, which stay
 * anchored to the first piece (`keepAnchored`). Which piece keeps them on Google is not
 * documented; the first is what the Docs editor shows when Enter splits an anchored paragraph.
 */
function cloneParagraph(
  p: ParagraphLike,
  children: InlineNode[],
  textStyle?: TextStyle,
): ParagraphLike {
  const { positioned: _anchored, ...rest } = p as ParagraphLike & { positioned?: unknown };
  const copy = {
    ...rest,
    style: { ...p.style },
    textStyle: { ...(textStyle ?? p.textStyle) },
    children,
  };
  return copy as ParagraphLike;
}

function keepAnchored(from: ParagraphLike, nodes: ParagraphLike[]): ParagraphLike[] {
  const anchored = from.type === 'paragraph' ? from.positioned : undefined;
  if (anchored?.length && nodes[0]?.type === 'paragraph') nodes[0].positioned = anchored;
  return nodes;
}

/** Replaces a paragraph node by `nodes` in its block list and in the index. */
function replaceParagraph(seg: Segment, p: ParaRef, nodes: ParagraphLike[]): void {
  const k = p.blocks.indexOf(p.node);
  p.blocks.splice(k, 1, ...nodes);
  seg.replaceBlocks(p, p, nodes);
}

function insertText(
  doc: EditedDocument,
  r: Api.Request['insertText'] & { endOfSegmentLocation?: { segmentId?: string } },
): void {
  const { seg, index } = locationOf(doc, r ?? {});
  const p = paragraphFor(seg, index);
  if (typeof r?.text !== 'string') throw new RequestError('The text to insert must be set.');
  const text = r.text.replace(STRIPPED, '');
  if (!text) throw new RequestError('Insert text requests must specify text to insert.');
  const offset = index - p.start;
  const style = inheritedStyle(p.node, offset);
  const anchors = inheritedAnchors(p.node, offset);
  const lines = text.split('\n');
  const run = (t: string): InlineNode[] =>
    t ? [{ type: 'text', runs: [runWith(t, { ...style }, anchors)] }] : [];
  if (lines.length === 1) {
    insertInline(p.node, offset, run(text));
    seg.shift(p, text.length);
    return;
  }
  // "Inserting a newline character implicitly creates a Paragraph at that index. The paragraph
  // style of the new paragraph is copied from the paragraph at the current insertion index,
  // including lists and bullets." (rules-behavior)
  const [before, after] = splitInline(p.node.children, offset);
  const nodes = lines.map((line, i) => {
    const children = normalizeInline([
      ...(i === 0 ? before : []),
      ...run(line),
      ...(i === lines.length - 1 ? after : []),
    ]);
    return cloneParagraph(p.node, children, children.length ? undefined : style);
  });
  replaceParagraph(seg, p, keepAnchored(p.node, nodes));
}

function deleteContentRange(doc: EditedDocument, r: Api.Request['deleteContentRange']): void {
  const { seg, from, to } = rangeOf(doc, r?.range);
  if (to === seg.end)
    throw new RequestError(
      'The range cannot include the newline character at the end of the segment.',
    );
  checkTables(seg, from, to);
  const first = seg.paragraphAt(from);
  const cell = first ? first.parent : (seg.tableAt(from)?.parent ?? null);
  if (cell && to === cell.end)
    throw new RequestError('The range cannot include the last newline character of a table cell.');
  // The first kept character must be in a paragraph: else the newline before a table or a
  // section break would go ("Deleting the newline character before a Table, TableOfContents or
  // SectionBreak without deleting the element" is invalid, DeleteContentRangeRequest). A section
  // break deleted with its newline joins its section to the one before, which keeps its own
  // style (assumed; the reference does not say which style survives).
  const last = seg.paragraphAt(to);
  if (!last)
    throw new RequestError(
      'The range cannot include the newline character before a table or a section break without the element.',
    );
  for (const [p, at] of [
    [first, from],
    [last, to],
  ] as const) {
    if (
      p &&
      at > p.start &&
      isHigh(charAt(p.node, at - p.start - 1)) &&
      isLow(charAt(p.node, at - p.start))
    )
      throw new RequestError('The range cannot split a surrogate pair.');
  }
  if (first && first === last) {
    deleteInline(first.node, from - first.start, to - first.start);
    seg.shift(first, -(to - from));
    return;
  }
  // Across paragraphs (and whole tables) of one block list: what is left of the first paragraph
  // joins what is left of the last one. Joined mid-paragraph, the paragraph keeps the first one's
  // style, as joining two paragraphs in the Docs editor does; deleted from a paragraph's start,
  // that paragraph is simply gone and the last keeps its own (the reference only says styles
  // "may" change: assumption).
  const blocks = last.blocks;
  const lastAt = blocks.indexOf(last.node);
  const [, rest] = splitInline(last.node.children, to - last.start);
  if (first && first.blocks === blocks && from > first.start) {
    const firstAt = blocks.indexOf(first.node);
    const [kept] = splitInline(first.node.children, from - first.start);
    first.node.children = normalizeInline([...kept, ...rest]);
    blocks.splice(firstAt + 1, lastAt - firstAt);
    seg.replaceBlocks(first, last, [first.node]);
  } else {
    const head = first ?? seg.tableAt(from);
    if (!head || head.blocks !== blocks)
      throw new RequestError(
        'The range cannot include part of a table: it must hold the whole table, or lie within one table cell.',
      );
    const headAt = blocks.indexOf(head.node);
    last.node.children = rest;
    blocks.splice(headAt, lastAt - headAt);
    seg.replaceBlocks(head, last, [last.node]);
  }
}

/** Paragraph-level character attributes become the runs' own, so a run can be reset alone. */
function ownRunStyles(p: ParagraphLike): void {
  if (!p.textStyle || !Object.keys(p.textStyle).length || !p.children.length) return;
  for (const c of p.children) {
    if (c.type === 'text') for (const r of c.runs) r.style = { ...p.textStyle, ...r.style };
    else if (c.type === 'pageNumber') c.style = { ...p.textStyle, ...c.style };
  }
  p.textStyle = {};
}

function updateTextStyle(doc: EditedDocument, r: Api.Request['updateTextStyle']): void {
  const { seg, from, to } = rangeOf(doc, r?.range);
  const fields = maskFields(r?.fields, TEXT_STYLE_FIELDS, 'TextStyle');
  checkTables(seg, from, to);
  const style = r?.textStyle ?? {};
  for (const p of seg.paragraphsIn(from, to)) {
    const length = inlineLength(p.node.children);
    const a = Math.max(from, p.start) - p.start;
    const b = Math.min(to, p.start + length) - p.start;
    ownRunStyles(p.node);
    if (b > a) styleInline(p.node, a, b, (s) => patchTextStyle(s, style, fields));
    // An empty paragraph's newline style is its line's height; the model keeps it on the paragraph.
    if (length === 0 && to > p.start) patchTextStyle((p.node.textStyle ??= {}), style, fields);
  }
}

function updateParagraphStyle(doc: EditedDocument, r: Api.Request['updateParagraphStyle']): void {
  const { seg, from, to } = rangeOf(doc, r?.range);
  const fields = maskFields(r?.fields, PARAGRAPH_STYLE_FIELDS, 'ParagraphStyle');
  checkTables(seg, from, to);
  // "the formatting is applied to any paragraph that is partially or completely overlapped by
  // that range" (rules-behavior)
  for (const p of seg.paragraphsIn(from, to))
    patchParagraphStyle(p.node.style, r?.paragraphStyle ?? {}, fields);
}

// ---- Bullets ----------------------------------------------------------------------------------

/**
 * "The nesting level of each paragraph will be determined by counting leading tabs in front of
 * each paragraph … these leading tabs are removed by this request. … If the paragraph immediately
 * before paragraphs being updated is in a list with a matching preset, the paragraphs being
 * updated are added to that preceding list." (CreateParagraphBulletsRequest)
 */
function createParagraphBullets(
  doc: EditedDocument,
  r: Api.Request['createParagraphBullets'],
): void {
  const { seg, from, to } = rangeOf(doc, r?.range);
  const glyphs = PRESET_GLYPHS[r?.bulletPreset ?? ''];
  if (!glyphs) throw notEmulatedRequest(`bullet preset ${r?.bulletPreset}`);
  checkTables(seg, from, to);
  const paragraphs = seg.paragraphsIn(from, to);
  const firstBlocks = paragraphs[0]?.blocks ?? [];
  const before = firstBlocks[firstBlocks.indexOf(paragraphs[0]?.node) - 1];
  const listId =
    before?.type === 'listItem' && before.glyphType === glyphs[0]
      ? before.listId
      : newShortListId();
  for (const p of paragraphs) {
    let tabs = 0;
    while (charAt(p.node, tabs) === '\t') tabs++;
    if (tabs) deleteInline(p.node, 0, tabs);
    const item = p.node as ListItemNode;
    (item as { type: string }).type = 'listItem';
    item.listId = listId;
    item.nestingLevel = tabs;
    item.glyphType = glyphs[tabs % glyphs.length] as GlyphType;
  }
  seg.rebuild();
}

function deleteParagraphBullets(
  doc: EditedDocument,
  r: Api.Request['deleteParagraphBullets'],
): void {
  const { seg, from, to } = rangeOf(doc, r?.range);
  checkTables(seg, from, to);
  for (const p of seg.paragraphsIn(from, to)) {
    if (p.node.type !== 'listItem') continue;
    const item = p.node as Omit<ListItemNode, 'listId' | 'nestingLevel' | 'glyphType' | 'type'> &
      Partial<Pick<ListItemNode, 'listId' | 'nestingLevel' | 'glyphType'>>;
    // "The nesting level of each paragraph will be visually preserved by adding indent to the
    // start of the corresponding paragraph." (DeleteParagraphBulletsRequest)
    const level = item.nestingLevel ?? 0;
    item.style.indentStart ??= 36 + 36 * level;
    item.style.indentFirstLine ??= item.style.indentStart;
    delete item.listId;
    delete item.nestingLevel;
    delete item.glyphType;
    (item as unknown as { type: string }).type = 'paragraph';
  }
}

// ---- Page breaks and tables -------------------------------------------------------------------

/** "Inserts a page break followed by a newline at the specified location." (InsertPageBreakRequest) */
function insertPageBreak(
  doc: EditedDocument,
  r: Api.Request['insertPageBreak'] & { endOfSegmentLocation?: { segmentId?: string } },
): void {
  const { seg, index } = locationOf(doc, r ?? {});
  // "Page breaks cannot be inserted inside a table, equation, footnote, header or footer."
  if (seg.id) throw new RequestError('Page breaks cannot be inserted inside a header or footer.');
  const p = paragraphFor(seg, index);
  if (p.parent) throw new RequestError('Page breaks cannot be inserted inside a table.');
  const [before, after] = splitInline(p.node.children, index - p.start);
  replaceParagraph(
    seg,
    p,
    keepAnchored(p.node, [
      cloneParagraph(p.node, normalizeInline([...before, { type: 'pageBreak' }])),
      cloneParagraph(p.node, after),
    ]),
  );
}

/**
 * InsertSectionBreakRequest (https://developers.google.com/docs/api/reference/rest/v1/documents/request#insertsectionbreakrequest):
 * "A newline character will be inserted before the section break"; "The section break must be
 * inserted inside the bounds of an existing Paragraph"; "Section breaks cannot be inserted inside
 * a table, equation, footnote, header, or footer"; `sectionType` is required
 * (SECTION_TYPE_UNSPECIFIED is not a type). Only NEXT_PAGE is emulated: the renderers do not lay
 * out a continuous section.
 */
function insertSectionBreak(
  doc: EditedDocument,
  r: {
    location?: Api.Location;
    endOfSegmentLocation?: { segmentId?: string };
    sectionType?: string;
  },
): void {
  const { seg, index } = locationOf(doc, r ?? {});
  if (seg.id)
    throw new RequestError(
      'Section breaks cannot be inserted inside a header, footer or footnote.',
    );
  const type = r?.sectionType;
  if (type !== 'NEXT_PAGE' && type !== 'CONTINUOUS')
    throw new RequestError(
      `Invalid value at 'section_type': a section break needs a sectionType of NEXT_PAGE or CONTINUOUS.`,
    );
  if (type === 'CONTINUOUS') throw notEmulatedRequest('a CONTINUOUS section break');
  const p = paragraphFor(seg, index);
  if (p.parent) throw new RequestError('Section breaks cannot be inserted inside a table.');
  const [before, after] = splitInline(p.node.children, index - p.start);
  const [head, tail] = keepAnchored(p.node, [
    cloneParagraph(p.node, before),
    cloneParagraph(p.node, after),
  ]);
  const brk: SectionBreakNode = { type: 'sectionBreak', style: {} };
  p.blocks.splice(p.blocks.indexOf(p.node), 1, head, brk, tail);
  seg.rebuild();
}

/** SectionStyle fields (https://developers.google.com/docs/api/reference/rest/v1/documents#sectionstyle). */
const SECTION_STYLE_FIELDS = [
  'columnProperties',
  'columnSeparatorStyle',
  'contentDirection',
  'marginTop',
  'marginBottom',
  'marginRight',
  'marginLeft',
  'marginHeader',
  'marginFooter',
  'sectionType',
  'defaultHeaderId',
  'defaultFooterId',
  'firstPageHeaderId',
  'firstPageFooterId',
  'evenPageHeaderId',
  'evenPageFooterId',
  'useFirstPageHeaderFooter',
  'pageNumberStart',
  'flipPageOrientation',
];

/**
 * UpdateSectionStyleRequest: "The range overlapping the sections to style. Because section breaks
 * can only be inserted inside the body, the segment ID field must be empty"; at least one field.
 * pageNumberStart and useFirstPageHeaderFooter: "When updating this property, setting a concrete
 * value is required. Unsetting this property results in a 400 bad request error." The header and
 * footer ids are read-only. Styling the first section (the document's own) is not emulated: the
 * add-on styles only sections it inserted.
 */
function updateSectionStyle(
  doc: EditedDocument,
  r: { range?: Api.Range; sectionStyle?: Api.SectionStyle; fields?: string },
): void {
  if (r?.range?.segmentId) throw new RequestError('The segment ID of the range must be empty.');
  const { seg, from, to } = rangeOf(doc, r?.range);
  const fields = maskFields(r?.fields, SECTION_STYLE_FIELDS, 'SectionStyle');
  const s = (r?.sectionStyle ?? {}) as Api.SectionStyle & Record<string, unknown>;
  const breaks = seg.all.filter((x) => x.kind === 'sectionBreak');
  // Section k runs from its break to the next one; the first from index 0.
  const starts = [0, ...breaks.map((b) => b.start)];
  const styled = starts
    .map((start, k) => ({ k, start, end: starts[k + 1] ?? seg.end }))
    .filter((x) => from < x.end && to > x.start);
  if (styled.some((x) => x.k === 0)) throw notEmulatedRequest('a style for the first section');
  for (const f of fields) {
    if (/HeaderId$|FooterId$/.test(f)) throw new RequestError(`SectionStyle.${f} is read-only.`);
    if (f !== 'pageNumberStart' && f !== 'useFirstPageHeaderFooter')
      throw notEmulatedRequest(`section style ${f}`);
  }
  const start = s.pageNumberStart;
  if (fields.includes('pageNumberStart') && !(Number.isInteger(start) && (start as number) >= 0))
    throw new RequestError(
      'pageNumberStart: setting a concrete value is required (a whole number of 0 or more).',
    );
  const first = s.useFirstPageHeaderFooter;
  if (fields.includes('useFirstPageHeaderFooter') && typeof first !== 'boolean')
    throw new RequestError('useFirstPageHeaderFooter: setting a concrete value is required.');
  for (const { k } of styled) {
    const node = (breaks[k - 1] as { node: SectionBreakNode }).node;
    if (fields.includes('pageNumberStart')) node.style.pageNumberStart = start as number;
    if (fields.includes('useFirstPageHeaderFooter')) node.style.useFirstPageHeaderFooter = first;
  }
}

function emptyParagraph(): ParagraphNode {
  return { type: 'paragraph', style: {}, textStyle: {}, children: [] };
}

/**
 * "A newline character will be inserted before the inserted table, therefore the table start
 * index will be at the specified location index + 1. The table must be inserted inside the
 * bounds of an existing Paragraph." (InsertTableRequest)
 */
function insertTable(
  doc: EditedDocument,
  r: Api.Request['insertTable'] & { endOfSegmentLocation?: { segmentId?: string } },
): void {
  const { seg, index } = locationOf(doc, r ?? {});
  const rows = r?.rows ?? 0;
  const columns = r?.columns ?? 0;
  if (!(rows >= 1) || !(columns >= 1) || !Number.isInteger(rows) || !Number.isInteger(columns))
    throw new RequestError('A table must have at least one row and one column.');
  const p = paragraphFor(seg, index);
  const [before, after] = splitInline(p.node.children, index - p.start);
  const table: TableNode = {
    type: 'table',
    columnWidths: new Array<null>(columns).fill(null),
    rows: Array.from({ length: rows }, (): TableRowNode => ({
      cells: Array.from({ length: columns }, (): TableCellNode => ({
        children: [emptyParagraph()],
      })),
    })),
  };
  const k = p.blocks.indexOf(p.node);
  const [head, tail] = keepAnchored(p.node, [
    cloneParagraph(p.node, before),
    cloneParagraph(p.node, after),
  ]);
  p.blocks.splice(k, 1, head, table, tail);
  seg.rebuild();
}

function tableFor(seg: Segment, location: Api.Location | undefined): TableRef {
  const t = location ? seg.tableAt(location.index ?? 0) : null;
  if (!t)
    throw new RequestError(
      'Invalid table start location. Must specify the start index of the table.',
    );
  return t;
}

function cellLocation(
  doc: EditedDocument,
  l: Api.TableCellLocation | undefined,
): { seg: Segment; table: TableRef; row: number; column: number } {
  if (!l) throw new RequestError('A table cell location must be set.');
  const seg = doc.segment(l.tableStartLocation?.segmentId);
  const table = tableFor(seg, l.tableStartLocation);
  const row = l.rowIndex ?? 0;
  const column = l.columnIndex ?? 0;
  if (row < 0 || row >= table.node.rows.length)
    throw new RequestError(
      `Invalid row index ${row}: the table has ${table.node.rows.length} rows.`,
    );
  if (column < 0 || column >= table.node.rows[row].cells.length)
    throw new RequestError(
      `Invalid column index ${column}: the row has ${table.node.rows[row].cells.length} cells.`,
    );
  return { seg, table, row, column };
}

/**
 * "Inserts an empty row into a table." The reference does not say what the new cells look like;
 * as the Docs editor does, they take the reference row's cell formatting and height, and hold
 * one unstyled empty paragraph (assumption: the add-on sets every style it needs anyway).
 */
function insertTableRow(doc: EditedDocument, r: Api.Request['insertTableRow']): void {
  const { seg, table, row } = cellLocation(doc, r?.tableCellLocation);
  const ref = table.node.rows[row];
  const fresh: TableRowNode = {
    cells: ref.cells.map((c) => {
      const { children: _children, ...format } = c;
      return { ...structuredClone(format), children: [emptyParagraph()] };
    }),
  };
  if (ref.minimumHeight !== undefined) fresh.minimumHeight = ref.minimumHeight;
  const at = r?.insertBelow ? row + 1 : row;
  table.node.rows.splice(at, 0, fresh);
  if (table.node.headerRows && at < table.node.headerRows) table.node.headerRows++;
  seg.insertRow(table, at);
}

function deleteTableRow(doc: EditedDocument, r: Api.Request['deleteTableRow']): void {
  const { seg, table, row } = cellLocation(doc, r?.tableCellLocation);
  if (table.node.rows.length === 1) throw notEmulatedRequest("deleting a table's only row");
  table.node.rows.splice(row, 1);
  if (table.node.headerRows && row < table.node.headerRows) table.node.headerRows--;
  seg.rebuild();
}

function updateTableCellStyle(
  doc: EditedDocument,
  r: Api.Request['updateTableCellStyle'] & { tableStartLocation?: Api.Location },
): void {
  const fields = maskFields(r?.fields, TABLE_CELL_STYLE_FIELDS, 'TableCellStyle');
  let table: TableRef;
  let cells: TableCellNode[] = [];
  if (r?.tableRange && r.tableStartLocation)
    throw new RequestError('Exactly one of tableRange and tableStartLocation must be set.');
  if (r?.tableRange) {
    const { tableCellLocation, rowSpan, columnSpan } = r.tableRange;
    const at = cellLocation(doc, tableCellLocation);
    table = at.table;
    for (let i = at.row; i < at.row + (rowSpan ?? 0); i++) {
      for (let j = at.column; j < at.column + (columnSpan ?? 0); j++) {
        const cell = table.node.rows[i]?.cells[j];
        if (!cell) throw new RequestError('The table range must lie within the table.');
        cells.push(cell);
      }
    }
    if (!cells.length) throw new RequestError('The table range must hold at least one cell.');
  } else {
    const seg = doc.segment(r?.tableStartLocation?.segmentId);
    table = tableFor(seg, r?.tableStartLocation);
    cells = table.node.rows.flatMap((row) => row.cells);
  }
  for (const cell of cells) patchCellStyle(cell, table.node, r?.tableCellStyle ?? {}, fields);
}

function updateTableRowStyle(doc: EditedDocument, r: Api.Request['updateTableRowStyle']): void {
  const seg = doc.segment(r?.tableStartLocation?.segmentId);
  const table = tableFor(seg, r?.tableStartLocation);
  const fields = maskFields(r?.fields, ['minRowHeight', 'preventOverflow'], 'TableRowStyle');
  const indices = r?.rowIndices?.length ? r.rowIndices : table.node.rows.map((_, i) => i);
  for (const i of indices) {
    const row = table.node.rows[i];
    if (!row)
      throw new RequestError(
        `Invalid row index ${i}: the table has ${table.node.rows.length} rows.`,
      );
    if (fields.includes('preventOverflow') && r?.tableRowStyle?.preventOverflow)
      throw notEmulatedRequest('preventOverflow');
    if (fields.includes('minRowHeight')) {
      const h = points(r?.tableRowStyle?.minRowHeight, 'minRowHeight');
      if (h === undefined) delete row.minimumHeight;
      else row.minimumHeight = h;
    }
  }
}

/**
 * "If the value of tableColumnProperties#width is less than 5 points (5/72 inch), a 400 bad
 * request error is returned." (UpdateTableColumnPropertiesRequest)
 */
function updateTableColumnProperties(
  doc: EditedDocument,
  r: Api.Request['updateTableColumnProperties'],
): void {
  const seg = doc.segment(r?.tableStartLocation?.segmentId);
  const table = tableFor(seg, r?.tableStartLocation);
  const fields = maskFields(r?.fields, ['width', 'widthType'], 'TableColumnProperties');
  const props = r?.tableColumnProperties ?? {};
  const columns = table.node.columnWidths.length;
  const indices = r?.columnIndices?.length
    ? r.columnIndices
    : table.node.columnWidths.map((_, i) => i);
  const width = fields.includes('width') ? points(props.width, 'width') : undefined;
  if (width !== undefined && width < 5)
    throw new RequestError('The column width must be at least 5 points.');
  for (const c of indices) {
    if (c < 0 || c >= columns)
      throw new RequestError(`Invalid column index ${c}: the table has ${columns} columns.`);
    const type = fields.includes('widthType') ? props.widthType : 'FIXED_WIDTH';
    if (type === 'EVENLY_DISTRIBUTED') table.node.columnWidths[c] = null;
    else if (type === 'FIXED_WIDTH' || type === undefined) {
      if (width === undefined) throw new RequestError('A fixed-width column needs a width.');
      table.node.columnWidths[c] = width;
    } else throw new RequestError(`Invalid widthType ${type}.`);
  }
}

function pinTableHeaderRows(doc: EditedDocument, r: Api.Request['pinTableHeaderRows']): void {
  const seg = doc.segment(r?.tableStartLocation?.segmentId);
  const t = r?.tableStartLocation ? seg.tableAt(r.tableStartLocation.index ?? 0) : null;
  if (!t) throw new RequestError('The table start location must be the start of a table.');
  const n = r?.pinnedHeaderRowsCount ?? 0;
  if (n < 0 || n > t.node.rows.length)
    throw new RequestError(`The table has ${t.node.rows.length} rows: ${n} cannot be pinned.`);
  t.node.headerRows = n;
}

const DOCUMENT_STYLE_FIELDS = [
  'background',
  'pageNumberStart',
  'marginTop',
  'marginBottom',
  'marginRight',
  'marginLeft',
  'pageSize',
  'marginHeader',
  'marginFooter',
  'useCustomHeaderFooterMargins',
  'useFirstPageHeaderFooter',
  'useEvenPageHeaderFooter',
  'flipPageOrientation',
  'documentFormat',
];

function updateDocumentStyle(doc: EditedDocument, r: Api.Request['updateDocumentStyle']): void {
  const fields = maskFields(r?.fields, DOCUMENT_STYLE_FIELDS, 'DocumentStyle');
  const s = (r?.documentStyle ?? {}) as Api.DocumentStyle & Record<string, unknown>;
  const m = doc.model;
  for (const f of fields) {
    switch (f) {
      case 'pageSize': {
        const w = points(s.pageSize?.width, 'pageSize.width');
        const h = points(s.pageSize?.height, 'pageSize.height');
        if (w === undefined || h === undefined)
          throw new RequestError('pageSize needs a width and a height.');
        m.pageWidth = w;
        m.pageHeight = h;
        break;
      }
      case 'marginTop':
      case 'marginBottom':
      case 'marginLeft':
      case 'marginRight': {
        const v = points(s[f], f);
        if (v === undefined) throw new RequestError(`${f} needs a value.`);
        m[f] = v;
        break;
      }
      default:
        if (s[f] !== undefined) throw notEmulatedRequest(`document style ${f}`);
    }
  }
}

/**
 * "Replaces all instances of text matching a criteria with replace text." (ReplaceAllTextRequest),
 * answered with `occurrencesChanged`. Matches lie within one paragraph (text runs only); the
 * replacement takes the style of the first character it replaces (assumption: the reference does
 * not say; it is what replacing text in the editor does), and stays in a comment's range only
 * when the text on both sides of it is in that range.
 */
function replaceAllText(
  doc: EditedDocument,
  r: Api.Request['replaceAllText'] & { tabsCriteria?: unknown },
): object {
  if (r?.tabsCriteria !== undefined) throw notEmulatedRequest('tabsCriteria');
  const find = r?.containsText?.text ?? '';
  if (!find) throw new RequestError('The text to search for must not be empty.');
  const matchCase = r?.containsText?.matchCase === true;
  const replaceText = (r?.replaceText ?? '').replace(STRIPPED, '');
  const fold = (t: string) => (matchCase ? t : t.toLowerCase());
  const needle = fold(find);
  let occurrencesChanged = 0;
  for (const seg of doc.allSegments()) {
    let changed = false;
    for (const p of seg.paragraphs) {
      const length = inlineLength(p.node.children);
      let text = '';
      for (let i = 0; i < length; i++) text += charAt(p.node, i);
      const hay = fold(text);
      const at: number[] = [];
      for (let i = hay.indexOf(needle); i >= 0; i = hay.indexOf(needle, i + needle.length))
        at.push(i);
      for (const a of at.reverse()) {
        const b = a + find.length;
        const style = { ...p.node.textStyle, ...(styleAtOffset(p.node, a) ?? {}) };
        const anchors =
          a > 0
            ? anchorsBetween(anchorsAtOffset(p.node, a - 1), anchorsAtOffset(p.node, b))
            : undefined;
        deleteInline(p.node, a, b);
        if (replaceText)
          insertInline(p.node, a, [{ type: 'text', runs: [runWith(replaceText, style, anchors)] }]);
        occurrencesChanged++;
        changed = true;
      }
    }
    if (changed) seg.rebuild();
  }
  return { replaceAllText: { occurrencesChanged } };
}

const HANDLERS: Record<string, Handler> = {
  replaceAllText,
  insertText,
  deleteContentRange,
  updateTextStyle,
  updateParagraphStyle,
  createParagraphBullets,
  deleteParagraphBullets,
  insertPageBreak,
  insertSectionBreak,
  updateSectionStyle,
  insertTable,
  insertTableRow,
  deleteTableRow,
  updateTableCellStyle,
  updateTableRowStyle,
  updateTableColumnProperties,
  pinTableHeaderRows,
  updateDocumentStyle,
} as Record<string, Handler>;

/** Applies `requests` to `model` in place; throws Google's error for the first invalid one. */
export function applyRequests(model: DocModel, requests: readonly Api.Request[]): object[] {
  const doc = new EditedDocument(model);
  const replies: object[] = [];
  requests.forEach((request, i) => {
    const kinds = Object.keys(request ?? {}).filter(
      (k) => (request as Record<string, unknown>)[k] !== undefined,
    );
    if (kinds.length !== 1)
      throw invalidRequest(i, 'request', 'Each request must set exactly one kind of request.');
    const kind = kinds[0];
    const handler = HANDLERS[kind];
    if (!handler) throw notEmulatedRequest(`request ${kind}`);
    let reply: object | void;
    try {
      reply = handler(doc, (request as Record<string, never>)[kind]);
    } catch (err) {
      if (err instanceof RequestError) throw invalidRequest(i, kind, err.message);
      throw err;
    }
    replies.push(reply ?? {});
  });
  return replies;
}
