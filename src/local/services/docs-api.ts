/**
 * The Docs advanced service (`Docs`, Docs API v1), the little of it the add-on uses for what
 * DocumentApp cannot express: pinning a table's header rows and keeping a paragraph with the
 * next one. Documents.get reports the body's structural elements with start and end indices
 * computed as the Docs API counts them (one per character, one for each paragraph's newline and
 * each non-text element, one per table, row and cell marker), and batchUpdate finds elements by
 * those indices.
 */
import type { BlockNode, DocModel, ParagraphNode, ListItemNode } from '../docmodel';
import type { CallLog } from './calls';
import { tracked } from './calls';
import type { DriveStore } from './drive/store';
import { notEmulated } from './drive/errors';
import type { DocsRequest } from '../../shared/docs-api';

interface Located {
  node: BlockNode;
  start: number;
  end: number;
}

function paragraphLength(p: ParagraphNode | ListItemNode): number {
  let n = 1;
  for (const c of p.children)
    n += c.type === 'text' ? c.runs.reduce((s, r) => s + r.text.length, 0) : 1;
  return n;
}

/** Every top-level element of a list of blocks, and every paragraph inside tables, with indices. */
function locate(
  blocks: BlockNode[],
  start: number,
  out: Located[],
  topLevel: Located[] | null,
): number {
  let index = start;
  for (const node of blocks) {
    const from = index;
    if (node.type === 'table') {
      index += 1;
      for (const row of node.rows) {
        index += 1;
        for (const cell of row.cells) index = locate(cell.children, index + 1, out, null);
      }
      index += 1;
    } else {
      index += paragraphLength(node);
    }
    const located = { node, start: from, end: index };
    out.push(located);
    if (topLevel) topLevel.push(located);
  }
  return index;
}

function elements(model: DocModel): { all: Located[]; top: Located[] } {
  const all: Located[] = [];
  const top: Located[] = [];
  locate(model.body, 1, all, top);
  return { all, top };
}

class DocumentsCollection implements Pick<
  GoogleAppsScript.Docs.Collection.DocumentsCollection,
  'get' | 'batchUpdate'
> {
  constructor(
    private readonly store: DriveStore,
    log: CallLog,
  ) {
    return tracked(this, log, 'Docs', 'Documents');
  }

  get(documentId: string): GoogleAppsScript.Docs.Schema.Document {
    const model = this.store.readModel(documentId);
    const content: GoogleAppsScript.Docs.Schema.StructuralElement[] = [
      { startIndex: 0, endIndex: 1, sectionBreak: {} },
    ];
    for (const { node, start, end } of elements(model).top) {
      if (node.type === 'table') {
        content.push({
          startIndex: start,
          endIndex: end,
          table: { rows: node.rows.length, columns: node.columnWidths.length },
        });
      } else {
        content.push({
          startIndex: start,
          endIndex: end,
          paragraph: {
            paragraphStyle: {
              keepWithNext: node.style.keepWithNext ?? false,
              keepLinesTogether: node.style.keepLinesTogether ?? false,
            },
          },
        });
      }
    }
    return { documentId, title: model.title, body: { content } };
  }

  batchUpdate(
    resource: GoogleAppsScript.Docs.Schema.BatchUpdateDocumentRequest,
    documentId: string,
  ): GoogleAppsScript.Docs.Schema.BatchUpdateDocumentResponse {
    const model = this.store.readModel(documentId);
    const { all, top } = elements(model);
    const replies: GoogleAppsScript.Docs.Schema.Response[] = [];
    for (const request of (resource.requests ?? []) as DocsRequest[]) {
      if (request.pinTableHeaderRows) {
        const { tableStartLocation, pinnedHeaderRowsCount } = request.pinTableHeaderRows;
        const table = top.find(
          (e) => e.start === tableStartLocation?.index && e.node.type === 'table',
        );
        if (!table || table.node.type !== 'table') {
          throw new Error(
            `Invalid requests[${replies.length}].pinTableHeaderRows: The table start location must be the start of a table.`,
          );
        }
        table.node.headerRows = pinnedHeaderRowsCount ?? 0;
      } else if (request.updateParagraphStyle) {
        const { range, paragraphStyle, fields } = request.updateParagraphStyle;
        const wanted = String(fields ?? '')
          .split(',')
          .map((f) => f.trim());
        for (const e of all) {
          if (
            e.node.type === 'table' ||
            e.end <= (range?.startIndex ?? 0) ||
            e.start >= (range?.endIndex ?? 0)
          )
            continue;
          for (const field of wanted) {
            if (field !== 'keepWithNext' && field !== 'keepLinesTogether')
              throw notEmulated(`updateParagraphStyle of ${field}`);
            e.node.style[field] = Boolean(paragraphStyle?.[field]);
          }
        }
      } else {
        throw notEmulated(`Docs batchUpdate request ${Object.keys(request).join(', ')}`);
      }
      replies.push({});
    }
    this.store.writeModel(documentId, model);
    return { documentId, replies };
  }
}

export function createDocsService(store: DriveStore, log: CallLog): GoogleAppsScript.Docs {
  return { Documents: new DocumentsCollection(store, log) } as unknown as GoogleAppsScript.Docs;
}
