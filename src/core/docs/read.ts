/**
 * A Docs API document as the template language sees it. The template language was defined over
 * DocumentApp's elements, so this reads the JSON the same way: a paragraph's consecutive text runs
 * form one Text child whatever their styles (DocumentApp merges them), and every other paragraph
 * element (an image, a page break, a page number, …) is a child of its own. Placeholders, their
 * problems and the locations staff read in messages are therefore the same as before.
 */
import type { TplDocument, TplNode } from '../template/tree';
import type { Document, Paragraph, ParagraphElement, StructuralElement, TextStyle } from './types';

/** A stretch of one Text child with one style; `at` is its offset in the child's text. */
export interface StyledRun {
  at: number;
  text: string;
  style: TextStyle;
}

/** One DocumentApp-like child of a paragraph. */
export type ParagraphChild =
  | { kind: 'text'; start: number; text: string; runs: StyledRun[] }
  | { kind: 'pageBreak'; start: number; style: TextStyle }
  | { kind: 'other'; start: number };

export const start = (e: { startIndex?: number }): number => e.startIndex ?? 0;
export const end = (e: { endIndex?: number }): number => e.endIndex ?? 0;

/** The non-text elements DocumentApp shows as children of a paragraph. */
function isText(e: ParagraphElement): boolean {
  return e.textRun !== undefined;
}

/**
 * The children of a paragraph without its final newline. A newline inside a run (only the last
 * one ends the paragraph) never occurs in API output: every "\n" ends a paragraph.
 */
export function paragraphChildren(p: Paragraph): ParagraphChild[] {
  const out: ParagraphChild[] = [];
  const elements = p.elements ?? [];
  for (let i = 0; i < elements.length; i++) {
    const e = elements[i];
    const last = i === elements.length - 1;
    if (isText(e)) {
      let content = e.textRun?.content ?? '';
      if (last && content.endsWith('\n')) content = content.slice(0, -1);
      if (!content) continue;
      const prev = out[out.length - 1];
      if (prev && prev.kind === 'text' && prev.start + prev.text.length === start(e)) {
        prev.runs.push({ at: prev.text.length, text: content, style: e.textRun?.textStyle ?? {} });
        prev.text += content;
      } else {
        out.push({
          kind: 'text',
          start: start(e),
          text: content,
          runs: [{ at: 0, text: content, style: e.textRun?.textStyle ?? {} }],
        });
      }
    } else if (e.pageBreak) {
      out.push({ kind: 'pageBreak', start: start(e), style: e.pageBreak.textStyle ?? {} });
    } else {
      out.push({ kind: 'other', start: start(e) });
    }
  }
  return out;
}

/** The style of the character at `offset` of a Text child (the last one past its end). */
export function styleAt(runs: StyledRun[], offset: number): TextStyle {
  for (const r of runs) if (offset < r.at + r.text.length) return r.style;
  return runs.length ? runs[runs.length - 1].style : {};
}

function readParagraph(p: Paragraph): TplNode {
  const texts: { child: number; text: string }[] = [];
  let other = false;
  paragraphChildren(p).forEach((c, i) => {
    if (c.kind === 'text') texts.push({ child: i, text: c.text });
    else other = true;
  });
  return { kind: 'para', texts, other };
}

export function readElements(elements: StructuralElement[]): TplNode[] {
  return elements.map((e): TplNode => {
    if (e.paragraph) return readParagraph(e.paragraph);
    if (e.table) {
      return {
        kind: 'table',
        rows: (e.table.tableRows ?? []).map((row) =>
          (row.tableCells ?? []).map((cell) => readElements(cell.content ?? [])),
        ),
      };
    }
    return { kind: 'other' };
  });
}

/** The body's elements as DocumentApp lists them: without the section break that opens it. */
export function bodyElements(doc: Document): StructuralElement[] {
  const content = doc.body?.content ?? [];
  return content.length && content[0].sectionBreak ? content.slice(1) : content;
}

/** The header and footer DocumentApp's getHeader()/getFooter() return: the default ones. */
export function segmentContent(
  doc: Document,
  section: 'header' | 'footer',
): { id: string; content: StructuralElement[] } | null {
  const id =
    section === 'header' ? doc.documentStyle?.defaultHeaderId : doc.documentStyle?.defaultFooterId;
  const segment = id ? (section === 'header' ? doc.headers : doc.footers)?.[id] : undefined;
  return id && segment ? { id, content: segment.content ?? [] } : null;
}

/** The template tree of a document read with Docs.Documents.get. */
export function readDocsTemplate(doc: Document): TplDocument {
  const tree: TplDocument = { body: readElements(bodyElements(doc)) };
  const header = segmentContent(doc, 'header');
  if (header) tree.header = readElements(header.content);
  const footer = segmentContent(doc, 'footer');
  if (footer) tree.footer = readElements(footer.content);
  return tree;
}
