import { runWith } from '../../comment-anchors';
import type {
  BlockNode,
  DocModel,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  TableCellNode,
} from '../../docmodel';
import type { CallLog } from '../calls';
import type { DriveStore, OpenDocument } from '../drive/store';
import { mergeRuns } from './runs';
import { indexTree, markSection, newParagraph } from './tree';

/** Google's message for any edit after saveAndClose(). */
export const CLOSED_MESSAGE = 'Document is closed, its contents cannot be updated.';

/**
 * One opened document: the model DocumentApp edits in memory. Like Google, edits reach Drive only
 * on saveAndClose() or when the execution ends (DriveStore.flushOpenDocuments), so a second
 * openById in the same run, a Drive export or getAs() see the last saved state.
 */
export class DocSession implements OpenDocument {
  closed = false;
  /** Only edited documents are written back, so an unedited second copy cannot undo edits. */
  dirty = false;

  constructor(
    readonly store: DriveStore,
    readonly log: CallLog,
    readonly id: string,
    readonly model: DocModel,
    readonly renderPdf: (model: DocModel) => Uint8Array,
    /** Opened by a user who may only read or comment: every edit is refused. */
    readonly readOnly = false,
  ) {
    markSection(model.body, 'body');
    indexTree(model.body);
    if (model.header) {
      markSection(model.header, 'header');
      indexTree(model.header);
    }
    if (model.footer) {
      markSection(model.footer, 'footer');
      indexTree(model.footer);
    }
    store.registerOpenDocument(this);
  }

  /** Every mutating member calls this first. */
  checkOpen(): void {
    if (this.closed) throw new Error(CLOSED_MESSAGE);
    // Assumed wording: Apps Script's refusal when the user may not edit the document.
    if (this.readOnly) throw new Error('Access denied: DocumentApp.');
    this.dirty = true;
  }

  flush(): void {
    if (this.closed || !this.dirty) return;
    this.store.writeModel(this.id, normalizeForSave(this.model));
    this.dirty = false;
  }

  saveAndClose(): void {
    if (this.closed) return;
    this.flush();
    this.closed = true;
    this.store.unregisterOpenDocument(this);
  }
}

/**
 * What Docs stores once a script's edits are saved: adjacent Text elements become one, empty Text
 * elements vanish, a newline inside a paragraph's text splits it into paragraphs (same style), and
 * every section and cell ends with a paragraph. The live model is left as the script built it.
 */
export function normalizeForSave(model: DocModel): DocModel {
  const out = structuredClone(model);
  out.body = normalizeBlocks(out.body);
  if (out.header) out.header = normalizeBlocks(out.header);
  if (out.footer) out.footer = normalizeBlocks(out.footer);
  if (out.firstPageHeader) out.firstPageHeader = normalizeBlocks(out.firstPageHeader);
  if (out.firstPageFooter) out.firstPageFooter = normalizeBlocks(out.firstPageFooter);
  return out;
}

function normalizeBlocks(blocks: BlockNode[]): BlockNode[] {
  const out: BlockNode[] = [];
  for (const b of blocks) {
    if (b.type === 'table' || b.type === 'sectionBreak') {
      if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) normalizeCell(cell);
      out.push(b);
    } else {
      out.push(...splitParagraph(b));
    }
  }
  const last = out[out.length - 1];
  if (!last || last.type === 'table' || last.type === 'sectionBreak') out.push(newParagraph());
  return out;
}

function normalizeCell(cell: TableCellNode): void {
  cell.children = normalizeBlocks(cell.children);
}

function mergeInline(children: InlineNode[]): InlineNode[] {
  const out: InlineNode[] = [];
  for (const c of children) {
    if (c.type === 'text') {
      const runs = mergeRuns(c.runs);
      if (runs.length === 0) continue;
      const last = out[out.length - 1];
      if (last?.type === 'text') last.runs = mergeRuns([...last.runs, ...runs]);
      else out.push({ type: 'text', runs });
    } else {
      out.push(c);
    }
  }
  return out;
}

function splitParagraph(p: ParagraphNode | ListItemNode): (ParagraphNode | ListItemNode)[] {
  const pieces: InlineNode[][] = [[]];
  for (const c of mergeInline(p.children)) {
    if (c.type !== 'text') {
      pieces[pieces.length - 1].push(c);
      continue;
    }
    let runs: typeof c.runs = [];
    for (const r of c.runs) {
      const parts = r.text.split(/\r\n|\r|\n/);
      parts.forEach((part, i) => {
        if (i > 0) {
          if (runs.length) pieces[pieces.length - 1].push({ type: 'text', runs });
          runs = [];
          pieces.push([]);
        }
        if (part) runs.push(runWith(part, { ...r.style }, r.comments));
      });
    }
    if (runs.length) pieces[pieces.length - 1].push({ type: 'text', runs });
  }
  // Positioned images stay anchored to the first piece (as Docs keeps them on the paragraph).
  return pieces.map((children, i) => {
    const piece = { ...structuredClone(p), children: mergeInline(children) };
    if (i > 0 && piece.type === 'paragraph') delete piece.positioned;
    return piece;
  });
}
