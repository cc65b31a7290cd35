/**
 * Comment anchors on the document model, as the Docs editor keeps them.
 *
 * A comment a reviewer makes in the Docs editor is anchored to the text they selected: Drive v3
 * reports it with an opaque `anchor` (`kix.…`) and the selected text in `quotedFileContent`
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/comments; the `kix.` form
 * of editor comments: github.com/openclaw/gogcli pull 30, github.com/johndpope/google_docs_management).
 * A comment created through the Drive API with an anchor is shown unanchored by the editors
 * ("Google Workspace editor apps treat these comments as un-anchored comments",
 * https://developers.google.com/workspace/drive/api/guides/manage-comments), and one whose
 * anchored text is gone is shown under "Original content deleted"
 * (github.com/googleworkspace/cli issue 169): an anchor lives with the text, not with indices.
 *
 * So the anchored range is the set of characters carrying the anchor (TextRun.comments), and it
 * moves with every edit as Docs moves it:
 * - text inserted before the range shifts it (the characters keep their marks);
 * - text inserted strictly inside it (between two anchored characters) becomes part of it, so
 *   an edit inside the range changes its quoted text;
 * - deleting part of it shrinks it; deleting all of it orphans the comment.
 * Assumption (the reference is silent): Drive then reports the range's current text as
 * `quotedFileContent.value`, and an orphaned comment keeps the text it quoted when it was made.
 */
import type { BlockNode, DocModel, InlineNode, TextRun } from './docmodel';

/** Whether two runs carry the same anchors (absent and empty are the same). */
export function sameAnchors(
  a: readonly string[] | undefined,
  b: readonly string[] | undefined,
): boolean {
  const x = a ?? [];
  const y = b ?? [];
  return x.length === y.length && x.every((id) => y.includes(id));
}

/** The anchors text inserted between two characters joins: those both sides carry. */
export function anchorsBetween(
  before: readonly string[] | undefined,
  after: readonly string[] | undefined,
): string[] | undefined {
  if (!before?.length || !after?.length) return undefined;
  const both = before.filter((id) => after.includes(id));
  return both.length ? both : undefined;
}

/** A run with `comments` set only when there are some (the model stays as it was otherwise). */
export function runWith(
  text: string,
  style: TextRun['style'],
  comments?: readonly string[],
): TextRun {
  return comments?.length ? { text, style, comments: [...comments] } : { text, style };
}

/** Every paragraph's inline children in document order: the body, table cells included. */
function* paragraphs(blocks: BlockNode[]): Generator<InlineNode[]> {
  for (const b of blocks) {
    if (b.type === 'table') {
      for (const row of b.rows) for (const cell of row.cells) yield* paragraphs(cell.children);
    } else if (b.type !== 'sectionBreak') yield b.children;
  }
}

/** A paragraph's text, one character per non-text element (which no quote can contain). */
function paragraphText(children: InlineNode[]): string {
  let s = '';
  for (const c of children) {
    if (c.type === 'text') for (const r of c.runs) s += r.text;
    else s += '\uFFFC';
  }
  return s;
}

/**
 * Marks the `occurrence`-th (1-based) appearance of `quoted` within one paragraph of the body
 * with `anchor`, as a reviewer selecting it and commenting does. False when it is not there.
 */
export function markText(model: DocModel, anchor: string, quoted: string, occurrence = 1): boolean {
  let seen = 0;
  for (const { children, at } of appearances(model, quoted)) {
    if (++seen < occurrence) continue;
    markRange(children, at, at + quoted.length, anchor);
    return true;
  }
  return false;
}

/** How many times `quoted` appears within one paragraph of the body (what markText can mark). */
export function countText(model: DocModel, quoted: string): number {
  let seen = 0;
  for (const _ of appearances(model, quoted)) seen++;
  return seen;
}

function* appearances(model: DocModel, quoted: string) {
  if (!quoted) return;
  for (const children of paragraphs(model.body)) {
    const text = paragraphText(children);
    for (let at = text.indexOf(quoted); at >= 0; at = text.indexOf(quoted, at + 1))
      yield { children, at };
  }
}

/** Adds `anchor` to the characters [from, to) of a paragraph, splitting runs at the ends. */
function markRange(children: InlineNode[], from: number, to: number, anchor: string): void {
  let pos = 0;
  for (const c of children) {
    if (c.type !== 'text') {
      pos += 1;
      continue;
    }
    const runs: TextRun[] = [];
    for (const r of c.runs) {
      const a = pos;
      const b = pos + r.text.length;
      pos = b;
      if (b <= from || a >= to) {
        runs.push(r);
        continue;
      }
      const cut = [Math.max(from, a) - a, Math.min(to, b) - a];
      if (cut[0] > 0) runs.push(runWith(r.text.slice(0, cut[0]), { ...r.style }, r.comments));
      const marked = [...(r.comments ?? []).filter((id) => id !== anchor), anchor];
      runs.push(runWith(r.text.slice(cut[0], cut[1]), { ...r.style }, marked));
      if (cut[1] < r.text.length)
        runs.push(runWith(r.text.slice(cut[1]), { ...r.style }, r.comments));
    }
    c.runs = runs;
  }
}

/**
 * The text the anchor covers now, paragraphs joined by newlines; null when none of it is left
 * (the comment is orphaned).
 */
export function anchoredText(model: DocModel, anchor: string): string | null {
  const parts: string[] = [];
  for (const children of paragraphs(model.body)) {
    let s = '';
    for (const c of children)
      if (c.type === 'text') for (const r of c.runs) if (r.comments?.includes(anchor)) s += r.text;
    if (s) parts.push(s);
  }
  return parts.length ? parts.join('\n') : null;
}

/**
 * Drops every comment anchor (a copy of a Doc carries no comments). Suggestions' anchors stay.
 * ASSUMPTION (the files.copy reference is silent): a copy keeps pending suggestions, as the
 * editor's "Make a copy" does with "Copy comments and suggestions"; the stricter choice, since an
 * export of the copy then shows them (suggestions.ts).
 */
export function stripAnchors(model: DocModel): DocModel {
  const strip = (blocks: BlockNode[] | undefined) => {
    for (const children of paragraphs(blocks ?? []))
      for (const c of children)
        if (c.type === 'text')
          for (const r of c.runs) {
            const kept = r.comments?.filter((id) => id.startsWith('suggest.'));
            if (kept?.length) r.comments = kept;
            else delete r.comments;
          }
  };
  strip(model.body);
  strip(model.header);
  strip(model.footer);
  return model;
}
