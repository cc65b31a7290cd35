/**
 * Documents.get: the document model as the Docs API returns it
 * (https://developers.google.com/docs/api/reference/rest/v1/documents#Document): body.content with
 * start and end indices, paragraphs with their elements (text runs with their styles, inline
 * objects, page breaks, rules, page numbers as autoText), tables with rows, cells and styles,
 * the default header and footer with their ids, the document style, lists and inline objects.
 *
 * Google serialises proto3 JSON: zero indices (the body's section break, a header's first
 * paragraph) and false values are left out, so code that reads `startIndex` must default it.
 */
import type {
  BlockNode,
  DocModel,
  InlineNode,
  ListItemNode,
  SectionBreakNode,
  TableNode,
  TextRun,
  TextStyle,
} from '../../docmodel';
import { runSuggestions } from '../../suggestions';
import type * as Api from '../../../core/docs/types';
import { sameStyle } from '../document/runs';
import type { ParagraphLike } from './inline';
import { cellStyleJson, nestingLevelJson, paragraphStyleJson, pt, textStyleJson } from './styles';

export const HEADER_ID = 'kix.header0';
export const FIRST_HEADER_ID = 'kix.header1';

/** DocumentApp's PositionedLayout as the API's PositionedObjectLayout. */
const POSITIONED_LAYOUT: Record<string, string> = {
  ABOVE_TEXT: 'IN_FRONT_OF_TEXT',
  BREAK_BOTH: 'BREAK_LEFT_RIGHT',
  BREAK_LEFT: 'BREAK_LEFT',
  BREAK_RIGHT: 'BREAK_RIGHT',
  WRAP_TEXT: 'WRAP_TEXT',
};
export const FOOTER_ID = 'kix.footer0';

/** Sets startIndex/endIndex the way proto3 JSON does (a zero start is left out). */
function indexed<T extends object>(start: number, end: number, value: T): T {
  const out: Record<string, unknown> = {};
  if (start) out.startIndex = start;
  out.endIndex = end;
  return Object.assign(out, value) as T;
}

class JsonWriter {
  constructor(private readonly model: DocModel) {}

  /** A run's suggestion ids as the API reports them inline, and a key to compare runs by. */
  private suggested(run: TextRun): { key: string; fields: Partial<Api.TextRunJson> } {
    if (!this.model.suggestions) return { key: '', fields: {} };
    const { ins, del } = runSuggestions(this.model, run);
    const fields: Partial<Api.TextRunJson> = {};
    if (ins.length) fields.suggestedInsertionIds = ins;
    if (del.length) fields.suggestedDeletionIds = del;
    return { key: `${ins.join()}|${del.join()}`, fields };
  }

  readonly lists: NonNullable<Api.Document['lists']> = {};
  readonly inlineObjects: Record<string, unknown> = {};
  readonly positionedObjects: Record<string, unknown> = {};
  private images = 0;

  blocks(blocks: BlockNode[], at: number): { content: Api.StructuralElement[]; end: number } {
    const content: Api.StructuralElement[] = [];
    let index = at;
    for (const b of blocks) {
      const el =
        b.type === 'table'
          ? this.table(b, index)
          : b.type === 'sectionBreak'
            ? sectionBreakJson(b, index)
            : this.paragraph(b, index);
      content.push(el.element);
      index = el.end;
    }
    return { content, end: index };
  }

  private paragraph(
    p: ParagraphLike,
    start: number,
  ): { element: Api.StructuralElement; end: number } {
    const elements: Api.ParagraphElement[] = [];
    let index = start;
    const own = p.textStyle ?? {};
    const styled = (s: TextStyle) => textStyleJson({ ...own, ...s });
    const push = (length: number, value: Api.ParagraphElement) => {
      elements.push(indexed(index, index + length, value));
      index += length;
    };
    for (const c of p.children) this.inline(c, styled, push);
    // The newline ends the last text run when it has that run's style, else it is a run of its own.
    const last = elements[elements.length - 1];
    if (last?.textRun && p.children[p.children.length - 1]?.type === 'text') {
      last.textRun.content += '\n';
      last.endIndex = (last.endIndex ?? 0) + 1;
      index += 1;
    } else {
      push(1, { textRun: { content: '\n', textStyle: textStyleJson(own) } });
    }
    const paragraph: Api.Paragraph = { elements, paragraphStyle: paragraphStyleJson(p.style) };
    if (p.type === 'listItem') paragraph.bullet = this.bullet(p);
    if (p.type === 'paragraph' && p.positioned?.length) {
      paragraph.positionedObjectIds = p.positioned.map((img) => {
        // PositionedObject: https://developers.google.com/docs/api/reference/rest/v1/documents#positionedobject
        this.positionedObjects[img.id] = {
          objectId: img.id,
          positionedObjectProperties: {
            positioning: {
              layout: POSITIONED_LAYOUT[img.layout],
              leftOffset: pt(img.leftOffset),
              topOffset: pt(img.topOffset),
            },
            embeddedObject: {
              imageProperties: { contentUri: `https://docs.google.com/local-image/${img.id}` },
              size: { width: pt(img.width * 0.75), height: pt(img.height * 0.75) },
            },
          },
        };
        return img.id;
      });
    }
    return { element: indexed(start, index, { paragraph }), end: index };
  }

  private inline(
    c: InlineNode,
    styled: (s: TextStyle) => Api.TextStyle,
    push: (length: number, value: Api.ParagraphElement) => void,
  ): void {
    switch (c.type) {
      case 'text': {
        // Comment anchors split the model's runs, not the API's: runs of one style are one textRun.
        let i = 0;
        while (i < c.runs.length) {
          let content = c.runs[i].text;
          // Suggestions do split them: a textRun carries its suggestions' ids (suggestions.ts).
          const marks = this.suggested(c.runs[i]);
          let j = i + 1;
          while (
            j < c.runs.length &&
            sameStyle(c.runs[j].style, c.runs[i].style) &&
            this.suggested(c.runs[j]).key === marks.key
          )
            content += c.runs[j++].text;
          push(content.length, {
            textRun: { content, textStyle: styled(c.runs[i].style), ...marks.fields },
          });
          i = j;
        }
        return;
      }
      case 'pageBreak':
        push(1, { pageBreak: { textStyle: styled({}) } });
        return;
      case 'horizontalRule':
        push(1, { horizontalRule: { textStyle: styled({}) } });
        return;
      case 'pageNumber':
        push(1, { autoText: { type: 'PAGE_NUMBER', textStyle: styled(c.style) } });
        return;
      case 'image': {
        const id = `kix.image${++this.images}`;
        this.inlineObjects[id] = {
          objectId: id,
          inlineObjectProperties: {
            embeddedObject: {
              title: c.altTitle,
              description: c.altDescription,
              imageProperties: { contentUri: `https://docs.google.com/local-image/${id}` },
              size: { width: pt(c.width * 0.75), height: pt(c.height * 0.75) },
            },
          },
        };
        push(1, { inlineObjectElement: { inlineObjectId: id, textStyle: styled({}) } });
      }
    }
  }

  private bullet(item: ListItemNode): Api.Bullet {
    const list = (this.lists[item.listId] ??= { listProperties: { nestingLevels: [] } });
    const levels = list.listProperties?.nestingLevels ?? [];
    const level = Math.max(0, Math.min(8, Math.floor(item.nestingLevel || 0)));
    for (let l = levels.length; l <= level; l++) levels.push(nestingLevelJson(item.glyphType));
    const bullet: Api.Bullet = { listId: item.listId };
    if (level) bullet.nestingLevel = level;
    return bullet;
  }

  private table(t: TableNode, start: number): { element: Api.StructuralElement; end: number } {
    let index = start + 1;
    const border = { width: t.borderWidth ?? 1, color: t.borderColor ?? '#000000' };
    const columns = Math.max(t.columnWidths.length, ...t.rows.map((r) => r.cells.length));
    const tableRows = t.rows.map((row, r) => {
      const rowStart = index;
      index += 1;
      const tableCells = row.cells.map((cell) => {
        const cellStart = index;
        const inner = this.blocks(cell.children, index + 1);
        index = inner.end;
        return indexed(cellStart, index, {
          content: inner.content,
          tableCellStyle: cellStyleJson(cell, border),
        });
      });
      const tableRowStyle: Api.TableRowStyle = {};
      if (row.minimumHeight !== undefined) tableRowStyle.minRowHeight = pt(row.minimumHeight);
      if (r < (t.headerRows ?? 0)) tableRowStyle.tableHeader = true;
      return indexed(rowStart, index, { tableCells, tableRowStyle });
    });
    index += 1;
    const tableColumnProperties = Array.from({ length: columns }, (_, c) => {
      const w = t.columnWidths[c] ?? t.rows.find((r) => r.cells[c]?.width)?.cells[c].width;
      return w ? { widthType: 'FIXED_WIDTH', width: pt(w) } : { widthType: 'EVENLY_DISTRIBUTED' };
    });
    const table: Api.Table = {
      rows: t.rows.length,
      columns,
      tableRows,
      tableStyle: { tableColumnProperties },
    };
    return { element: indexed(start, index, { table }), end: index };
  }
}

/** A section break in the body: one index; its own style only where it set one. */
function sectionBreakJson(
  b: SectionBreakNode,
  start: number,
): { element: Api.StructuralElement; end: number } {
  const sectionStyle: Api.SectionStyle = {
    columnSeparatorStyle: 'NONE',
    contentDirection: 'LEFT_TO_RIGHT',
    sectionType: 'NEXT_PAGE',
  };
  if (b.style.pageNumberStart !== undefined) sectionStyle.pageNumberStart = b.style.pageNumberStart;
  if (b.style.useFirstPageHeaderFooter !== undefined)
    sectionStyle.useFirstPageHeaderFooter = b.style.useFirstPageHeaderFooter;
  return { element: indexed(start, start + 1, { sectionBreak: { sectionStyle } }), end: start + 1 };
}

export function documentJson(model: DocModel, documentId: string): Api.Document {
  const w = new JsonWriter(model);
  const body = w.blocks(model.body, 1);
  const sectionBreak = indexed(0, 1, {
    sectionBreak: {
      sectionStyle: {
        columnSeparatorStyle: 'NONE',
        contentDirection: 'LEFT_TO_RIGHT',
        sectionType: 'CONTINUOUS',
      },
    },
  });
  const doc: Api.Document = {
    documentId,
    title: model.title,
    body: { content: [sectionBreak, ...body.content] },
  };
  const documentStyle: Api.DocumentStyle = {
    pageSize: { width: pt(model.pageWidth), height: pt(model.pageHeight) },
    marginTop: pt(model.marginTop),
    marginBottom: pt(model.marginBottom),
    marginLeft: pt(model.marginLeft),
    marginRight: pt(model.marginRight),
  };
  if (model.header) {
    documentStyle.defaultHeaderId = HEADER_ID;
    doc.headers = {
      [HEADER_ID]: { headerId: HEADER_ID, content: w.blocks(model.header, 0).content },
    };
  }
  if (model.differentFirstPage) documentStyle.useFirstPageHeaderFooter = true;
  if (model.differentFirstPage && model.firstPageHeader) {
    documentStyle.firstPageHeaderId = FIRST_HEADER_ID;
    doc.headers = {
      ...doc.headers,
      [FIRST_HEADER_ID]: {
        headerId: FIRST_HEADER_ID,
        content: w.blocks(model.firstPageHeader, 0).content,
      },
    };
  }
  if (model.footer) {
    documentStyle.defaultFooterId = FOOTER_ID;
    doc.footers = {
      [FOOTER_ID]: { footerId: FOOTER_ID, content: w.blocks(model.footer, 0).content },
    };
  }
  doc.documentStyle = documentStyle;
  if (Object.keys(w.lists).length) doc.lists = w.lists;
  if (Object.keys(w.inlineObjects).length) doc.inlineObjects = w.inlineObjects;
  if (Object.keys(w.positionedObjects).length) doc.positionedObjects = w.positionedObjects;
  return doc;
}
