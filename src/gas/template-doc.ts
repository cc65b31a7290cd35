/**
 * The Google Docs side of the template language: reads a document into the core's template
 * tree (text only, one pass) and carries a fill plan out with DocumentApp.
 *
 * Values go in with Text.insertText, never with replaceText (whose replacement string reads
 * `$1` and `\` specially), and each inserted run takes the attributes of the template text it
 * came from.
 */
import type { FillPlan, OutNode, Run, TplDocument, TplNode } from '../core/template';
import { toSignedBytes } from '../core/bytes';

type Element = GoogleAppsScript.Document.Element;
type Container =
  | GoogleAppsScript.Document.Body
  | GoogleAppsScript.Document.TableCell
  | GoogleAppsScript.Document.HeaderSection
  | GoogleAppsScript.Document.FooterSection;
type Attributes = Record<string, unknown>;

/** A read template: the core's view and the elements it came from, index for index. */
export interface ReadTemplate {
  tree: TplDocument;
  elements: { body: Element[]; header?: Element[]; footer?: Element[] };
  containers: { body: Container; header?: Container; footer?: Container };
}

function isParagraphLike(el: Element): boolean {
  const t = el.getType();
  return t === DocumentApp.ElementType.PARAGRAPH || t === DocumentApp.ElementType.LIST_ITEM;
}

function childrenOf(container: Container): Element[] {
  const out: Element[] = [];
  const n = container.getNumChildren();
  for (let i = 0; i < n; i++) out.push(container.getChild(i));
  return out;
}

function readContainer(container: Container): { nodes: TplNode[]; elements: Element[] } {
  const nodes: TplNode[] = [];
  const elements: Element[] = [];
  const n = container.getNumChildren();
  for (let i = 0; i < n; i++) {
    const el = container.getChild(i);
    elements.push(el);
    nodes.push(readElement(el));
  }
  return { nodes, elements };
}

function readElement(el: Element): TplNode {
  if (isParagraphLike(el)) {
    const p = el as GoogleAppsScript.Document.Paragraph;
    const texts: { child: number; text: string }[] = [];
    let other = false;
    const n = p.getNumChildren();
    for (let i = 0; i < n; i++) {
      const child = p.getChild(i);
      if (child.getType() === DocumentApp.ElementType.TEXT)
        texts.push({ child: i, text: child.asText().getText() });
      else other = true;
    }
    return { kind: 'para', texts, other };
  }
  if (el.getType() === DocumentApp.ElementType.TABLE) {
    const table = el.asTable();
    const rows: TplNode[][][] = [];
    for (let r = 0; r < table.getNumRows(); r++) {
      const row = table.getRow(r);
      const cells: TplNode[][] = [];
      for (let c = 0; c < row.getNumCells(); c++) cells.push(readContainer(row.getCell(c)).nodes);
      rows.push(cells);
    }
    return { kind: 'table', rows };
  }
  return { kind: 'other' };
}

export function readTemplate(doc: GoogleAppsScript.Document.Document): ReadTemplate {
  const body = doc.getBody();
  const b = readContainer(body);
  const out: ReadTemplate = {
    tree: { body: b.nodes },
    elements: { body: b.elements },
    containers: { body },
  };
  const header = doc.getHeader();
  if (header) {
    const h = readContainer(header);
    out.tree.header = h.nodes;
    out.elements.header = h.elements;
    out.containers.header = header;
  }
  const footer = doc.getFooter();
  if (footer) {
    const f = readContainer(footer);
    out.tree.footer = f.nodes;
    out.elements.footer = f.elements;
    out.containers.footer = footer;
  }
  return out;
}

export function applyPlan(read: ReadTemplate, plan: FillPlan): void {
  applyContainer(read.containers.body, read.elements.body, plan.body);
  if (read.containers.header && read.elements.header && plan.header) {
    applyContainer(read.containers.header, read.elements.header, plan.header);
  }
  if (read.containers.footer && read.elements.footer && plan.footer) {
    applyContainer(read.containers.footer, read.elements.footer, plan.footer);
  }
}

/** Counts how often the plan uses each template element. */
function uses(plan: { src: number }[]): Map<number, number> {
  const m = new Map<number, number>();
  for (const o of plan) m.set(o.src, (m.get(o.src) ?? 0) + 1);
  return m;
}

function insertCopy(container: Container, index: number, template: Element): Element {
  const copy = template.copy();
  switch (template.getType()) {
    case DocumentApp.ElementType.LIST_ITEM:
      return container.insertListItem(index, copy.asListItem());
    case DocumentApp.ElementType.TABLE:
      return container.insertTable(index, copy.asTable());
    default:
      return container.insertParagraph(index, copy.asParagraph());
  }
}

/**
 * Lays a container's children out as the plan says. The first use of a template element
 * edits it in place, later uses insert copies taken before any edit, and unused elements are
 * removed last, so indices stay predictable.
 */
function applyContainer(container: Container, elements: Element[], plan: OutNode[]): void {
  const count = uses(plan);
  const pristine = new Map<number, Element>();
  for (const [src, n] of count) if (n > 1) pristine.set(src, elements[src].copy());
  const seen = new Set<number>();
  let inserted = 0;
  let last = -1;
  for (const out of plan) {
    let el: Element;
    if (!seen.has(out.src)) {
      seen.add(out.src);
      el = elements[out.src];
      last = out.src + inserted;
    } else {
      el = insertCopy(container, last + 1, pristine.get(out.src) as Element);
      inserted++;
      last++;
    }
    fillElement(el, out);
  }
  for (let i = elements.length - 1; i >= 0; i--) if (!seen.has(i)) removeElement(elements[i]);
}

/** Docs keeps one paragraph in every section and cell: if it refuses, the paragraph is emptied. */
function removeElement(el: Element): void {
  try {
    el.removeFromParent();
  } catch {
    if (isParagraphLike(el)) (el as GoogleAppsScript.Document.Paragraph).clear();
  }
}

function fillElement(el: Element, out: OutNode): void {
  if (out.kind === 'para') {
    const p = el as GoogleAppsScript.Document.Paragraph;
    for (const edit of out.edits)
      applyEdit(p.getChild(edit.child).asText(), edit.start, edit.end, edit.runs);
    if (out.image) {
      const blob = Utilities.newBlob(toSignedBytes(out.image.png), 'image/png', 'chart.png');
      const img = p.appendInlineImage(blob);
      img.setWidth(out.image.width);
      img.setHeight(out.image.height);
      img.setAltTitle(out.image.altTitle);
    }
  } else if (out.kind === 'table') {
    fillTable(el.asTable(), out.rows);
  }
}

function fillTable(
  table: GoogleAppsScript.Document.Table,
  rows: { src: number; cells: OutNode[][] }[],
): void {
  const original: GoogleAppsScript.Document.TableRow[] = [];
  for (let r = 0; r < table.getNumRows(); r++) original.push(table.getRow(r));
  const count = uses(rows);
  const pristine = new Map<number, GoogleAppsScript.Document.TableRow>();
  for (const [src, n] of count) if (n > 1) pristine.set(src, original[src].copy());
  const seen = new Set<number>();
  let inserted = 0;
  let last = -1;
  for (const out of rows) {
    let row: GoogleAppsScript.Document.TableRow;
    if (!seen.has(out.src)) {
      seen.add(out.src);
      row = original[out.src];
      last = out.src + inserted;
    } else {
      row = table.insertTableRow(
        last + 1,
        (pristine.get(out.src) as GoogleAppsScript.Document.TableRow).copy(),
      );
      inserted++;
      last++;
    }
    out.cells.forEach((cellPlan, c) => {
      const cell = row.getCell(c);
      applyContainer(cell, childrenOf(cell), cellPlan);
    });
  }
  for (let r = original.length - 1; r >= 0; r--) if (!seen.has(r)) table.removeRow(r);
}

/** Character attributes worth copying: unset ones (null) stay unset. */
function setAttributes(attrs: Attributes): Attributes {
  const out: Attributes = {};
  for (const k of Object.keys(attrs))
    if (attrs[k] !== null && attrs[k] !== undefined) out[k] = attrs[k];
  return out;
}

/**
 * Replaces `[start, end)` of a Text element by runs styled like the template. Inserting
 * before deleting keeps the element from ever being empty mid-way.
 */
function applyEdit(
  text: GoogleAppsScript.Document.Text,
  start: number,
  end: number,
  runs: Run[],
): void {
  const value = runs.map((r) => r.text).join('');
  const styles = runs.map((r) => runStyles(text, r));
  // Appending at the very end goes through appendText: insertText's offset must fall inside the text.
  if (value) {
    if (end >= text.getText().length) text.appendText(value);
    else text.insertText(end, value);
  }
  if (end > start) text.deleteText(start, end - 1);
  let at = start;
  runs.forEach((run, i) => {
    for (const s of styles[i]) {
      const from = at + s.offset;
      const to = at + Math.min(run.text.length, s.offset + s.length) - 1;
      if (to >= from && Object.keys(s.attrs).length) text.setAttributes(from, to, s.attrs);
    }
    at += run.text.length;
  });
}

/** The template's attributes for a run, split where the template's formatting changes. */
function runStyles(
  text: GoogleAppsScript.Document.Text,
  run: Run,
): { offset: number; length: number; attrs: Attributes }[] {
  if (!run.text) return [];
  if (run.uniform)
    return [
      { offset: 0, length: run.text.length, attrs: setAttributes(text.getAttributes(run.from)) },
    ];
  const bounds = text
    .getTextAttributeIndices()
    .filter((i) => i > run.from && i < run.from + run.text.length);
  const starts = [run.from, ...bounds];
  return starts.map((s, k) => ({
    offset: s - run.from,
    length: (k + 1 < starts.length ? starts[k + 1] : run.from + run.text.length) - s,
    attrs: setAttributes(text.getAttributes(s)),
  }));
}
