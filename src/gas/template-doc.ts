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
import { bodyParagraphs } from '../core/docs/fingerprint';
import { readDocsTemplate } from '../core/docs/read';
import type { Document } from '../core/docs/types';
import type { FillPlan, TplDocument } from '../core/template';
import { RefillError, refillRequests } from '../core/docs/refill';
import { batchUpdate, getDocument } from './docs-api';
import { UserFacingError } from './drive';

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

/** A filled Doc saved, ready to export, and its body's paragraphs as the fill left them. */
export interface Filled {
  doc: GoogleAppsScript.Document.Document;
  paragraphs: string[];
}

/** Fills the Doc (one batchUpdate) and reads back what it says (one Documents.get). */
export function applyPlan(read: ReadTemplate, plan: FillPlan): Filled {
  const fill = fillRequests(read.doc, plan);
  batchUpdate(read.docId, fill.requests);
  const paragraphs = bodyParagraphs(getDocument(read.docId));
  return { doc: placeImages(read.docId, fill.images), paragraphs };
}

/**
 * Refills the memo `docId` in place ("สร้างใหม่ในเอกสารเดิม"): the plan is carried out on `scratch`
 * (a fresh copy of the template), and the memo is then changed only where it differs from that
 * (core/docs/refill.ts), so reviewers' comments on unchanged text keep their place. Images go
 * in afterwards as in a first fill. `current` is the memo as read before (to see what was edited by hand). Returns the
 * memo saved, ready to export.
 */
export function refillDoc(
  docId: string,
  current: Document,
  scratch: ReadTemplate,
  plan: FillPlan,
): Filled {
  const fill = fillRequests(scratch.doc, plan);
  batchUpdate(scratch.docId, fill.requests);
  const target = getDocument(scratch.docId);
  let requests;
  try {
    requests = refillRequests(current, target);
  } catch (err) {
    if (!(err instanceof RefillError)) throw err;
    throw new UserFacingError(
      'เอกสารเดิมถูกแก้โครงสร้างไปมาก (เช่น ลบตารางหรือย่อหน้าสุดท้าย) จนสร้างใหม่ในเอกสารเดิมไม่ได้ ' +
        'เอกสารเดิมยังอยู่เหมือนเดิม กรุณาใช้เมนู “สร้างบันทึกข้อความ” เพื่อสร้างฉบับใหม่',
    );
  }
  batchUpdate(docId, requests);
  // The memo now says what the scratch Doc says.
  return { doc: placeImages(docId, fill.images), paragraphs: bodyParagraphs(target) };
}

function placeImages(docId: string, images: PlacedImage[]): GoogleAppsScript.Document.Document {
  const doc = DocumentApp.openById(docId);
  if (images.length) {
    for (const placed of images) placeImage(doc, placed);
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
