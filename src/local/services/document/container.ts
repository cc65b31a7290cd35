import type { BlockNode, ListItemNode, TableCellNode, TableNode } from '../../docmodel';
import { applyPatch, paragraphPatch, textAttributes, textPatch } from './attributes';
import { ElementBase, checkIndex, checkRemovable, detachedNodeOf, wrap } from './element';
import { newShortListId } from './ids';
import { imageNodeFrom } from './image';
import { runsText, styleRuns } from './runs';
import { SearchableElement } from './searchable';
import { containerText } from './text';
import type { AnyNode, ParagraphLike } from './tree';
import {
  attach,
  childrenOf,
  descendants,
  detach,
  ensureTrailingParagraph,
  isParagraphLike,
  kindOf,
  newParagraph,
  newTable,
} from './tree';

type GBody = GoogleAppsScript.Document.Body;
type Shared =
  | 'appendHorizontalRule'
  | 'appendImage'
  | 'appendListItem'
  | 'appendParagraph'
  | 'appendTable'
  | 'clear'
  | 'editAsText'
  | 'findElement'
  | 'findText'
  | 'getChild'
  | 'getChildIndex'
  | 'getImages'
  | 'getListItems'
  | 'getNumChildren'
  | 'getParagraphs'
  | 'getTables'
  | 'getText'
  | 'insertHorizontalRule'
  | 'insertImage'
  | 'insertListItem'
  | 'insertParagraph'
  | 'insertTable'
  | 'removeChild'
  | 'replaceText'
  | 'setText';

/** The text of a block as getText() gives it: a table's cells each on their own line. */
export function blockText(node: AnyNode): string {
  if (isParagraphLike(node)) {
    let s = '';
    for (const c of node.children) if (c.type === 'text') s += runsText(c.runs);
    return s;
  }
  return (childrenOf(node) ?? []).map(blockText).join('\n');
}

/**
 * What Body, HeaderSection, FooterSection and TableCell share: a list of paragraphs, list items
 * and tables. Docs keeps a paragraph last in each, so a table appended at the end is followed by
 * a new empty paragraph.
 */
export abstract class BlockContainer extends SearchableElement implements Pick<GBody, Shared> {
  get _blocks(): BlockNode[] {
    return childrenOf(this._n) as BlockNode[];
  }

  getNumChildren(): number {
    return this._blocks.length;
  }

  getChild(childIndex: number): never {
    checkIndex(childIndex, this._blocks.length, false);
    return wrap(this._s, this._blocks[childIndex]) as never;
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    return this._childIndex(child);
  }

  protected _insert(index: number, node: BlockNode): never {
    this._edit();
    checkIndex(index, this._blocks.length, true);
    attach(this._n, node, index);
    if (node.type === 'table') ensureTrailingParagraph(this._n as BlockNode[] | TableCellNode);
    return wrap(this._s, node) as never;
  }

  appendParagraph(paragraph: string | GoogleAppsScript.Document.Paragraph): never {
    return this.insertParagraph(this._blocks.length, paragraph);
  }

  insertParagraph(
    childIndex: number,
    paragraph: string | GoogleAppsScript.Document.Paragraph,
  ): never {
    const node =
      typeof paragraph === 'object' && paragraph !== null
        ? (detachedNodeOf(paragraph, ['paragraph'], 'paragraph') as BlockNode)
        : newParagraph(String(paragraph));
    return this._insert(childIndex, node);
  }

  appendListItem(listItem: string | GoogleAppsScript.Document.ListItem): never {
    return this.insertListItem(this._blocks.length, listItem);
  }

  /** A new item joins the list of an adjacent item (as consecutive items do in Docs). */
  insertListItem(childIndex: number, listItem: string | GoogleAppsScript.Document.ListItem): never {
    if (typeof listItem === 'object' && listItem !== null) {
      return this._insert(
        childIndex,
        detachedNodeOf(listItem, ['listItem'], 'listItem') as BlockNode,
      );
    }
    checkIndex(childIndex, this._blocks.length, true);
    const prev = this._blocks[childIndex - 1];
    const next = this._blocks[childIndex];
    const near = prev?.type === 'listItem' ? prev : next?.type === 'listItem' ? next : undefined;
    const p = newParagraph(String(listItem));
    const node: ListItemNode = {
      type: 'listItem',
      style: {},
      textStyle: {},
      children: p.children,
      listId: near?.listId ?? newShortListId(),
      nestingLevel: near?.nestingLevel ?? 0,
      glyphType: near?.glyphType ?? 'BULLET',
    };
    return this._insert(childIndex, node);
  }

  appendTable(cells?: string[][] | GoogleAppsScript.Document.Table | null): never {
    return this.insertTable(this._blocks.length, cells);
  }

  insertTable(
    childIndex: number,
    cellsOrTable?: string[][] | GoogleAppsScript.Document.Table | null,
  ): never {
    let node: TableNode;
    if (Array.isArray(cellsOrTable)) {
      node = newTable(cellsOrTable.map((r) => (Array.isArray(r) ? r.map((c) => String(c)) : [])));
    } else if (cellsOrTable) {
      node = detachedNodeOf(cellsOrTable, ['table'], 'table') as TableNode;
    } else {
      node = { type: 'table', rows: [], columnWidths: [] };
    }
    return this._insert(childIndex, node);
  }

  /** A new paragraph holding the image; returns the InlineImage. */
  appendImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): never {
    return this.insertImage(this._blocks.length, image);
  }

  insertImage(
    childIndex: number,
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): never {
    const img = imageNodeFrom(image);
    const p = newParagraph();
    this._insert(childIndex, p);
    attach(p, img, 0);
    return wrap(this._s, img) as never;
  }

  appendHorizontalRule(): never {
    return this.insertHorizontalRule(this._blocks.length);
  }

  /** A new paragraph holding the rule; returns the HorizontalRule. */
  insertHorizontalRule(childIndex: number): never {
    const p = newParagraph();
    this._insert(childIndex, p);
    const rule = { type: 'horizontalRule' as const };
    attach(p, rule, 0);
    return wrap(this._s, rule) as never;
  }

  removeChild(child: GoogleAppsScript.Document.Element): never {
    this._edit();
    if (this._childIndex(child) < 0) throw new Error('Element is not a child of this element.');
    const node = (child as unknown as ElementBase)._n;
    checkRemovable(node);
    detach(node);
    return this as never;
  }

  getParagraphs(): never {
    return descendants(this._n)
      .filter(isParagraphLike)
      .map((n) => wrap(this._s, n)) as never;
  }

  getListItems(): never {
    return descendants(this._n)
      .filter((n) => kindOf(n) === 'listItem')
      .map((n) => wrap(this._s, n)) as never;
  }

  getTables(): never {
    return descendants(this._n)
      .filter((n) => kindOf(n) === 'table')
      .map((n) => wrap(this._s, n)) as never;
  }

  getImages(): never {
    return descendants(this._n)
      .filter((n) => kindOf(n) === 'image')
      .map((n) => wrap(this._s, n)) as never;
  }

  getText(): string {
    return blockText(this._n);
  }

  /** Replaces everything with one paragraph of text (keeping the first paragraph's style). */
  setText(text: string): never {
    this._edit();
    const value = String(text);
    const first = this._blocks[0];
    for (const b of [...this._blocks]) detach(b);
    const p: ParagraphLike = first && isParagraphLike(first) ? first : newParagraph();
    for (const c of [...p.children]) detach(c);
    if (value) attach(p, { type: 'text', runs: [{ text: value, style: {} }] }, 0);
    attach(this._n, p, 0);
    return this as never;
  }

  /** Empties the container; one empty paragraph remains, as in Docs. */
  clear(): never {
    this._edit();
    for (const b of [...this._blocks]) detach(b);
    attach(this._n, newParagraph(), 0);
    return this as never;
  }

  editAsText(): never {
    return containerText(this._s, this._n) as never;
  }

  /** The container's own attributes; subclasses add theirs. */
  protected _ownAttributes(): Record<string, unknown> {
    return {};
  }

  protected _setOwnAttributes(_attrs: Record<string, unknown>): void {}

  getAttributes(): Record<string, unknown> {
    return { ...textAttributes(null), ...this._ownAttributes() };
  }

  /**
   * Own attributes go to the container; paragraph and text attributes apply to every paragraph in
   * it (DocumentApp applies an element's attributes to its contents).
   */
  setAttributes(attributes: Record<string, unknown>): never {
    this._edit();
    const attrs = { ...(attributes ?? {}) };
    const own = this._ownAttributes();
    this._setOwnAttributes(attrs);
    for (const k of Object.keys(own)) delete attrs[k];
    const pp = paragraphPatch(attrs);
    const tp = textPatch(attrs);
    const clear = Object.fromEntries(Object.keys(tp).map((k) => [k, null]));
    for (const n of descendants(this._n)) {
      if (!isParagraphLike(n)) continue;
      applyPatch(n.style, pp);
      applyPatch(n.textStyle, tp);
      for (const c of n.children)
        if (c.type === 'text') c.runs = styleRuns(c.runs, 0, runsText(c.runs).length, clear);
    }
    return this as never;
  }
}
