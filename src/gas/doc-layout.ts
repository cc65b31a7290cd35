/**
 * Page layout DocumentApp cannot express, set through the Docs advanced service: a table's
 * header row repeated on every page, and paragraphs kept with the next one (headings, comment
 * and signature blocks). Call after saveAndClose: the Docs API sees only saved content.
 */
import type { DocsRequest } from '../shared/docs-api';

export function applyLayout(docId: string, keepWithNext: number[]): void {
  if (typeof Docs === 'undefined' || !Docs) return;
  const doc = Docs.Documents.get(docId, {
    fields: 'body(content(startIndex,endIndex,table(rows),paragraph))',
  } as never);
  // body.content[0] is the section break; the rest are the body's children in order.
  const content = (doc.body?.content ?? []).slice(1);
  const requests: DocsRequest[] = [];
  content.forEach((el, i) => {
    if (el.table && (el.table.rows ?? 0) > 1) {
      requests.push({
        pinTableHeaderRows: {
          tableStartLocation: { index: el.startIndex },
          pinnedHeaderRowsCount: 1,
        },
      });
    } else if (el.paragraph && keepWithNext.includes(i)) {
      requests.push({
        updateParagraphStyle: {
          range: { startIndex: el.startIndex, endIndex: el.endIndex },
          paragraphStyle: { keepWithNext: true },
          fields: 'keepWithNext',
        },
      });
    }
  });
  if (requests.length) Docs.Documents.batchUpdate({ requests }, docId);
}
