/**
 * The Google Docs side of the template language: one Docs.Documents.get reads the template into
 * the core's template tree, and one Docs.Documents.batchUpdate carries the fill plan out (the
 * requests come from core/docs). Values go in as text, never through a replace, so `$1`, `\` and
 * `{{` arrive as typed.
 *
 * The Docs API inserts images only from a URI Google fetches, which "must be publicly accessible
 * and at most 2 kB in length" (InsertInlineImageRequest; https://developers.google.com/docs/api/how-tos/images).
 * A chart made here has no such URI and must not be made public, so images go in afterwards
 * through DocumentApp, a few calls each.
 */
import { toSignedBytes } from '../core/bytes';
import { fillRequests, type PlacedImage } from '../core/docs/fill';
import { readDocsTemplate } from '../core/docs/read';
import type { Document } from '../core/docs/types';
import type { FillPlan, TplDocument } from '../core/template';
import { batchUpdate, getDocument } from './docs-api';

/** A read template: the core's view and the document it came from. */
export interface ReadTemplate {
  docId: string;
  doc: Document;
  tree: TplDocument;
}

export function readTemplate(docId: string): ReadTemplate {
  const doc = getDocument(docId);
  return { docId, doc, tree: readDocsTemplate(doc) };
}

/** Fills the Doc and returns it saved, ready to export. */
export function applyPlan(read: ReadTemplate, plan: FillPlan): GoogleAppsScript.Document.Document {
  const fill = fillRequests(read.doc, plan);
  batchUpdate(read.docId, fill.requests);
  const doc = DocumentApp.openById(read.docId);
  if (fill.images.length) {
    for (const placed of fill.images) placeImage(doc, placed);
    doc.saveAndClose();
  }
  return doc;
}

function placeImage(doc: GoogleAppsScript.Document.Document, placed: PlacedImage): void {
  const section =
    placed.section === 'header'
      ? doc.getHeader()
      : placed.section === 'footer'
        ? doc.getFooter()
        : doc.getBody();
  if (!section) return;
  const [first, ...inTables] = placed.path;
  let element = section.getChild(first);
  // Inside tables the path goes on by row, cell and child index.
  for (let i = 0; i + 2 < inTables.length; i += 3)
    element = element
      .asTable()
      .getCell(inTables[i], inTables[i + 1])
      .getChild(inTables[i + 2]);
  const type = element.getType();
  const { png, width, height, altTitle, anchor, mimeType = 'image/png' } = placed.image;
  const blob = Utilities.newBlob(toSignedBytes(png), mimeType, altTitle);
  if (anchor && type === DocumentApp.ElementType.PARAGRAPH) {
    // In front of the text, so the title stays centred on the page: Paragraph.addPositionedImage,
    // offsets in points from the paragraph's left and top, size in pixels
    // (https://developers.google.com/apps-script/reference/document/positioned-image).
    element
      .asParagraph()
      .addPositionedImage(blob)
      .setLayout(DocumentApp.PositionedLayout.ABOVE_TEXT)
      .setLeftOffset(anchor.left)
      .setTopOffset(anchor.top)
      .setWidth(width)
      .setHeight(height);
    return;
  }
  const paragraph =
    type === DocumentApp.ElementType.LIST_ITEM ? element.asListItem() : element.asParagraph();
  const image = paragraph.appendInlineImage(blob);
  image.setWidth(width);
  image.setHeight(height);
  image.setAltTitle(altTitle);
}
