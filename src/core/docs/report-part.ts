/**
 * The attached report alone, for a website that must not show the memo's internal pages (names,
 * signatures, the approver's orders). The report starts after the first page break or section
 * break of the body: the built-in template ends the memo part with a section break (the report is
 * numbered on its own), and an office's template must end it with one or the other
 * (docs/template.md). These requests cut the memo part from a copy of the memo; the reviewed Doc
 * itself is never touched. A section break goes with the memo part ("Deleting the newline
 * character before a … SectionBreak without deleting the element" is invalid,
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request#deletecontentrangerequest),
 * so the report becomes the document's first section: numbered from 1, no number on its cover.
 */
import { bodyElements, end } from './read';
import type { Document, Request } from './types';

/** Deletes everything up to and including the first page or section break; null when there is none. */
export function reportOnlyRequests(doc: Document): Request[] | null {
  const elements = bodyElements(doc);
  const k = elements.findIndex(
    (e) => e.sectionBreak || (e.paragraph?.elements ?? []).some((x) => x.pageBreak),
  );
  const next = elements[k + 1];
  if (k < 0 || !next) return null;
  // The newline before a table cannot go without it: an empty paragraph then stays on top.
  const to = next.table ? end(elements[k]) - 1 : end(elements[k]);
  return to > 1 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: to } } }] : [];
}
