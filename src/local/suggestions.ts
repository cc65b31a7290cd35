/**
 * Suggestions on the document model: the edits a reviewer makes in the Docs editor's suggesting
 * mode ("deferred edits waiting for approval", https://developers.google.com/docs/api/how-tos/suggestions).
 *
 * A suggestion's characters carry an anchor, as a comment's do (comment-anchors.ts), so they move
 * with every edit: `suggest.<id>.i` marks the text it inserts, `suggest.<id>.d` the text it would
 * delete; DocModel.suggestions says which is which and who made it. The Docs API reports them on
 * text runs (TextRun.suggestedInsertionIds / suggestedDeletionIds) with documents.get's default
 * SUGGESTIONS_INLINE view, and shows the Doc with every suggestion accepted or rejected in the two
 * preview views (suggestedDocument below).
 *
 * Only text within one paragraph is modelled (no suggested paragraphs, tables or styles): what a
 * reviewer of a memo does, and what the add-on must notice.
 */
import type { BlockNode, DocModel, InlineNode, TextRun } from './docmodel';
export type { SuggestionMark } from './docmodel';
import { anchorsBetween, markText, runWith } from './comment-anchors';

export const SUGGESTION_PREFIX = 'suggest.';

export const isSuggestionAnchor = (anchor: string) => anchor.startsWith(SUGGESTION_PREFIX);

/** The suggestion marks a run carries, by kind. */
export function runSuggestions(model: DocModel, run: TextRun): { ins: string[]; del: string[] } {
  const ins: string[] = [];
  const del: string[] = [];
  for (const anchor of run.comments ?? []) {
    const mark = model.suggestions?.[anchor];
    if (!mark) continue;
    const list = mark.kind === 'insertion' ? ins : del;
    if (!list.includes(mark.id)) list.push(mark.id);
  }
  return { ins, del };
}

/** Every paragraph's inline children: body, headers and footers, table cells included. */
function* paragraphsOf(model: DocModel): Generator<{ children: InlineNode[] }> {
  function* walk(blocks: BlockNode[] | undefined): Generator<{ children: InlineNode[] }> {
    for (const b of blocks ?? []) {
      if (b.type === 'table') {
        for (const row of b.rows) for (const cell of row.cells) yield* walk(cell.children);
      } else if (b.type !== 'sectionBreak') yield b;
    }
  }
  for (const part of [
    model.body,
    model.header,
    model.footer,
    model.firstPageHeader,
    model.firstPageFooter,
  ])
    yield* walk(part);
}

/**
 * A reviewer's suggestion, as made in suggesting mode: `at` (its `occurrence`-th appearance within
 * one paragraph) suggested for deletion when `remove`, and `insert` suggested right after it. One
 * suggestion id for both, as a replacement typed over a selection is one suggestion in the editor.
 * Returns the id, or null when `at` is not in the Doc.
 */
export function addSuggestion(
  model: DocModel,
  id: string,
  author: string,
  change: { at: string; occurrence?: number; remove?: boolean; insert?: string },
): string | null {
  const del = `${id}.d`;
  const ins = `${id}.i`;
  const place = `${id}.at`;
  if (!markText(model, place, change.at, change.occurrence ?? 1)) return null;
  model.suggestions ??= {};
  for (const { children } of paragraphsOf(model))
    for (const c of children) {
      if (c.type !== 'text') continue;
      const runs: TextRun[] = [];
      for (let i = 0; i < c.runs.length; i++) {
        const r = c.runs[i];
        if (!r.comments?.includes(place)) {
          runs.push(r);
          continue;
        }
        const kept = r.comments.filter((a) => a !== place);
        runs.push(runWith(r.text, r.style, change.remove ? [...kept, del] : kept));
        const next = c.runs[i + 1];
        if (change.insert && !next?.comments?.includes(place)) {
          const around = anchorsBetween(kept, next?.comments) ?? [];
          runs.push(runWith(change.insert, { ...r.style }, [...around, ins]));
        }
      }
      c.runs = runs;
    }
  if (change.remove) model.suggestions[del] = { id, kind: 'deletion', author };
  if (change.insert) model.suggestions[ins] = { id, kind: 'insertion', author };
  return id;
}

/** The ids of the suggestions still pending in the Doc (those with characters left). */
export function pendingSuggestions(model: DocModel): string[] {
  const ids = new Set<string>();
  for (const { children } of paragraphsOf(model))
    for (const c of children)
      if (c.type === 'text')
        for (const r of c.runs) {
          const { ins, del } = runSuggestions(model, r);
          for (const s of [...ins, ...del]) ids.add(s);
        }
  return [...ids];
}

/**
 * The Doc as documents.get's preview views show it: PREVIEW_SUGGESTIONS_ACCEPTED drops the text
 * suggested for deletion, PREVIEW_WITHOUT_SUGGESTIONS the text suggested for insertion; what is
 * left is plain text (a fresh copy; the stored model is not touched).
 */
export function suggestedDocument(model: DocModel, accepted: boolean): DocModel {
  const out = structuredClone(model);
  const drop = accepted ? 'deletion' : 'insertion';
  for (const { children } of paragraphsOf(out))
    for (const c of children) {
      if (c.type !== 'text') continue;
      c.runs = c.runs
        .filter((r) => !(r.comments ?? []).some((a) => out.suggestions?.[a]?.kind === drop))
        .map((r) =>
          runWith(
            r.text,
            r.style,
            r.comments?.filter((a) => !isSuggestionAnchor(a)),
          ),
        );
    }
  delete out.suggestions;
  return out;
}

/**
 * The Doc as Drive's PDF export shows it while suggestions are pending. ASSUMPTION (the Drive and
 * Docs references are silent on how an export shows suggestions): as the editor shows them, inline,
 * inserted text in colour and underlined, text suggested for deletion in colour and struck through.
 * The stricter choice: a published PDF that carried a pending suggestion would show it.
 */
export function markedUpDocument(model: DocModel): DocModel {
  if (!model.suggestions || !Object.keys(model.suggestions).length) return model;
  const out = structuredClone(model);
  const colour = '#1e8e3e';
  for (const { children } of paragraphsOf(out))
    for (const c of children) {
      if (c.type !== 'text') continue;
      for (const r of c.runs) {
        const { ins, del } = runSuggestions(out, r);
        if (ins.length) r.style = { ...r.style, foregroundColor: colour, underline: true };
        if (del.length) r.style = { ...r.style, foregroundColor: colour, strikethrough: true };
      }
    }
  return out;
}
