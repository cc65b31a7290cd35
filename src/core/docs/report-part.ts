/**
 * The attached report alone, for a website that must not show the memo's internal pages (names,
 * signatures, the approver's orders). The report starts after the first page break of the body:
 * the built-in template ends the memo part with one, and an office's template must do the same
 * (docs/template.md). These requests cut the memo part from a copy of the memo; the reviewed Doc
 * itself is never touched.
 */
import { bodyElements, end } from './read';
import type { Document, Request } from './types';

/** Deletes everything up to and including the first page break; null when there is none. */
export function reportOnlyRequests(doc: Document): Request[] | null {
  const elements = bodyElements(doc);
  const k = elements.findIndex((e) => (e.paragraph?.elements ?? []).some((x) => x.pageBreak));
  const next = elements[k + 1];
  if (k < 0 || !next) return null;
  // The newline before a table cannot go without it: an empty paragraph then stays on top.
  const to = next.table ? end(elements[k]) - 1 : end(elements[k]);
  return to > 1 ? [{ deleteContentRange: { range: { startIndex: 1, endIndex: to } } }] : [];
}
