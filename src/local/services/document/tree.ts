import type {
  BlockNode,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  TableCellNode,
  TableNode,
  TableRowNode,
  TextNode,
} from '../../docmodel';

/**
 * Helpers over the plain DocModel tree. Element wrappers are thin views over these nodes; parents
 * are tracked in a side table (the model itself stays plain JSON for the store and renderers).
 */

/** A document section (body, header, footer) is the plain array of its blocks. */
export type Section = BlockNode[];
export type SectionKind = 'body' | 'header' | 'footer';
export type AnyNode = Section | BlockNode | TableRowNode | TableCellNode | InlineNode;
export type ParagraphLike = ParagraphNode | ListItemNode;

export type Kind =
  | SectionKind
  | 'paragraph'
  | 'listItem'
  | 'table'
  | 'row'
  | 'cell'
  | 'text'
  | 'image'
  | 'pageBreak'
  | 'horizontalRule'
  | 'pageNumber'
  | 'sectionBreak';

const parents = new WeakMap<object, object>();
const sectionKinds = new WeakMap<object, SectionKind>();

export function markSection(section: Section, kind: SectionKind): void {
  sectionKinds.set(section, kind);
}

export function kindOf(node: AnyNode): Kind {
  if (Array.isArray(node)) return sectionKinds.get(node) ?? 'body';
  if ('cells' in node) return 'row';
  if (!('type' in node)) return 'cell';
  return node.type;
}

export function isParagraphLike(node: AnyNode): node is ParagraphLike {
  return (
    !Array.isArray(node) &&
    'type' in node &&
    (node.type === 'paragraph' || node.type === 'listItem')
  );
}

/** The children array of a container node, or null for leaves. */
export function childrenOf(node: AnyNode): AnyNode[] | null {
  if (Array.isArray(node)) return node;
  if ('cells' in node) return node.cells;
  if (!('type' in node)) return node.children;
  switch (node.type) {
    case 'paragraph':
    case 'listItem':
      return node.children;
    case 'table':
      return node.rows;
    default:
      return null;
  }
}

export function parentOf(node: AnyNode): AnyNode | undefined {
  return parents.get(node) as AnyNode | undefined;
}

/** Records parent links for a whole subtree (after loading or copying it). */
export function indexTree(node: AnyNode): void {
  const kids = childrenOf(node);
  if (!kids) return;
  for (const k of kids) {
    parents.set(k, node);
    indexTree(k);
  }
}

export function attach(parent: AnyNode, child: AnyNode, index: number): void {
  const kids = childrenOf(parent) as AnyNode[];
  kids.splice(index, 0, child);
  parents.set(child, parent);
  indexTree(child);
}

export function detach(child: AnyNode): void {
  const parent = parentOf(child);
  if (!parent) return;
  const kids = childrenOf(parent) as AnyNode[];
  const i = kids.indexOf(child);
  if (i >= 0) kids.splice(i, 1);
  parents.delete(child);
}

export function indexInParent(node: AnyNode): number {
  const parent = parentOf(node);
  if (!parent) return -1;
  return (childrenOf(parent) as AnyNode[]).indexOf(node);
}

/** A detached deep copy (what `copy()` returns in DocumentApp). */
export function cloneNode<T extends AnyNode>(node: T): T {
  const copy = structuredClone(node) as T;
  if (Array.isArray(node)) markSection(copy as Section, kindOf(node) as SectionKind);
  indexTree(copy);
  return copy;
}

/** Descendants in document order (pre-order), not including the node itself. */
export function descendants(node: AnyNode): AnyNode[] {
  const out: AnyNode[] = [];
  const walk = (n: AnyNode) => {
    for (const k of childrenOf(n) ?? []) {
      out.push(k);
      walk(k);
    }
  };
  walk(node);
  return out;
}

export function textNodesIn(node: AnyNode): TextNode[] {
  if (!Array.isArray(node) && 'type' in node && node.type === 'text') return [node];
  return descendants(node).filter((n): n is TextNode => kindOf(n) === 'text');
}

export function newParagraph(text = ''): ParagraphNode {
  return {
    type: 'paragraph',
    style: {},
    textStyle: {},
    children: text === '' ? [] : [{ type: 'text', runs: [{ text, style: {} }] }],
  };
}

export function newTable(cells: string[][]): TableNode {
  const width = cells.reduce((w, r) => Math.max(w, r.length), 0);
  return {
    type: 'table',
    rows: cells.map((r) => newRow(Array.from({ length: width }, (_, i) => r[i] ?? ''))),
    columnWidths: Array.from({ length: width }, () => null),
  };
}

export function newRow(texts: string[]): TableRowNode {
  return { cells: texts.map(newCell) };
}

export function newCell(text = ''): TableCellNode {
  return { children: [newParagraph(text)] };
}

/** The section (or table cell) a node lives in, walking up; undefined for detached nodes. */
export function rootOf(node: AnyNode): AnyNode {
  let cur = node;
  for (let p = parentOf(cur); p; p = parentOf(cur)) cur = p;
  return cur;
}

/**
 * Docs keeps a paragraph at the end of every section and table cell: a table can never be last.
 * Inserting a table at the end adds an empty paragraph after it, as Google does.
 */
export function ensureTrailingParagraph(container: Section | TableCellNode): void {
  const kids = childrenOf(container) as BlockNode[];
  const last = kids[kids.length - 1];
  if (!last || last.type === 'table') attach(container, newParagraph(), kids.length);
}
