import { tracked } from '../calls';
import type { ElementTypeName } from './enums';
import type { DocSession } from './session';
import type { AnyNode, Kind } from './tree';
import {
  childrenOf,
  cloneNode,
  detach,
  indexInParent,
  isParagraphLike,
  kindOf,
  parentOf,
} from './tree';

type DocElement = GoogleAppsScript.Document.Element;

/**
 * Element wrappers are created on demand over the plain nodes, as Google creates new wrapper
 * objects on every getChild(): identity is not preserved, equality of wrappers means nothing.
 * Subclasses register a factory per node kind, so that `wrap` can build the right class without
 * this module importing them (they import it).
 */
export type Factory = (session: DocSession, node: AnyNode) => ElementBase;
const factories = new Map<Kind, Factory>();

export function registerElement(kinds: Kind[], factory: Factory): void {
  for (const k of kinds) factories.set(k, factory);
}

export function wrap(session: DocSession, node: AnyNode): ElementBase {
  const f = factories.get(kindOf(node));
  if (!f) throw new Error(`Local DocumentApp: no element class for ${kindOf(node)}.`);
  return f(session, node);
}

export function wrapOrNull(session: DocSession, node: AnyNode | undefined): never {
  return (node === undefined ? null : wrap(session, node)) as never;
}

/** An Apps Script enum value (a name here) typed as the enum the real API declares. */
export function asEnum<T>(name: string | null | undefined): T {
  return (name ?? null) as unknown as T;
}

const TYPE_NAMES: Record<Kind, ElementTypeName> = {
  body: 'BODY_SECTION',
  header: 'HEADER_SECTION',
  footer: 'FOOTER_SECTION',
  paragraph: 'PARAGRAPH',
  listItem: 'LIST_ITEM',
  table: 'TABLE',
  row: 'TABLE_ROW',
  cell: 'TABLE_CELL',
  text: 'TEXT',
  image: 'INLINE_IMAGE',
  pageBreak: 'PAGE_BREAK',
  horizontalRule: 'HORIZONTAL_RULE',
  pageNumber: 'UNSUPPORTED',
  sectionBreak: 'UNSUPPORTED',
};

export function typeName(node: AnyNode): ElementTypeName {
  return TYPE_NAMES[kindOf(node)];
}

export const LAST_PARAGRAPH = "Can't remove the last paragraph in a document section.";

/**
 * Docs needs a paragraph at the end of each section and cell: removing the final paragraph
 * (when what precedes it is a table, or nothing) fails as on Google.
 */
export function checkRemovable(node: AnyNode): void {
  if (!isParagraphLike(node)) return;
  const parent = parentOf(node);
  if (!parent) return;
  const k = kindOf(parent);
  if (k !== 'body' && k !== 'header' && k !== 'footer' && k !== 'cell') return;
  const kids = childrenOf(parent) as AnyNode[];
  if (kids[kids.length - 1] !== node) return;
  const before = kids[kids.length - 2];
  if (!before || kindOf(before) === 'table') throw new Error(LAST_PARAGRAPH);
}

/** The node behind an element passed in by the script, checked to be of an acceptable kind. */
export function nodeOf(arg: unknown, kinds: Kind[], what: string): AnyNode {
  if (typeof arg !== 'object' || arg === null || !('_n' in arg))
    throw new Error(`Invalid argument: ${what}`);
  const node = (arg as ElementBase)._n;
  if (!kinds.includes(kindOf(node))) throw new Error(`Invalid argument: ${what}`);
  return node;
}

/** Inserting an element that already has a parent fails on Google: copy() it first. */
export function detachedNodeOf(arg: unknown, kinds: Kind[], what: string): AnyNode {
  const node = nodeOf(arg, kinds, what);
  if (parentOf(node)) throw new Error('Element must be detached.');
  return node;
}

export function checkIndex(index: unknown, max: number, inclusive: boolean): number {
  if (
    typeof index !== 'number' ||
    !Number.isInteger(index) ||
    index < 0 ||
    index > max ||
    (!inclusive && index === max)
  ) {
    throw new Error(
      inclusive
        ? `Index (${String(index)}) must be less than or equal to the number of child elements (${max}).`
        : `Child index (${String(index)}) must be less than the number of child elements (${max}).`,
    );
  }
  return index;
}

/** Members every DocumentApp element has (DocumentApp's Element interface). */
export abstract class ElementBase implements Pick<
  DocElement,
  | 'asBody'
  | 'asFooterSection'
  | 'asHeaderSection'
  | 'asHorizontalRule'
  | 'asInlineImage'
  | 'asListItem'
  | 'asPageBreak'
  | 'asParagraph'
  | 'asTable'
  | 'asTableCell'
  | 'asTableRow'
  | 'asText'
  | 'getNextSibling'
  | 'getParent'
  | 'getPreviousSibling'
  | 'getType'
  | 'isAtDocumentEnd'
> {
  constructor(
    readonly _s: DocSession,
    readonly _n: AnyNode,
    className: string,
  ) {
    return tracked(this, _s.log, 'DocumentApp', className);
  }

  /** Every mutating member starts here: edits after saveAndClose() fail as on Google. */
  _edit(): void {
    this._s.checkOpen();
  }

  getType(): GoogleAppsScript.Document.ElementType {
    return asEnum(typeName(this._n));
  }

  getParent(): GoogleAppsScript.Document.ContainerElement {
    return wrapOrNull(this._s, parentOf(this._n));
  }

  getNextSibling(): DocElement {
    const parent = parentOf(this._n);
    if (!parent) return null as never;
    const kids = childrenOf(parent) as AnyNode[];
    return wrapOrNull(this._s, kids[kids.indexOf(this._n) + 1]);
  }

  getPreviousSibling(): DocElement {
    const parent = parentOf(this._n);
    if (!parent) return null as never;
    const kids = childrenOf(parent) as AnyNode[];
    const i = kids.indexOf(this._n);
    return wrapOrNull(this._s, i > 0 ? kids[i - 1] : undefined);
  }

  /** The last element of the body (each ancestor is the last child of its own parent). */
  isAtDocumentEnd(): boolean {
    let cur: AnyNode = this._n;
    for (let p = parentOf(cur); p; p = parentOf(cur)) {
      const kids = childrenOf(p) as AnyNode[];
      if (kids[kids.length - 1] !== cur) return false;
      cur = p;
    }
    return kindOf(cur) === 'body' && cur === this._s.model.body;
  }

  removeFromParent(): never {
    this._edit();
    checkRemovable(this._n);
    detach(this._n);
    return this as never;
  }

  /** A detached deep copy that can be inserted elsewhere (in this or another document). */
  copy(): never {
    return wrap(this._s, cloneNode(this._n)) as never;
  }

  _childIndex(child: unknown): number {
    if (typeof child !== 'object' || child === null || !('_n' in child))
      throw new Error('Invalid argument: child');
    const node = (child as ElementBase)._n;
    return parentOf(node) === this._n ? indexInParent(node) : -1;
  }

  private _as(kinds: Kind[], target: string): never {
    if (!kinds.includes(kindOf(this._n))) {
      throw new Error(`Cannot convert ${typeName(this._n)} to ${target}.`);
    }
    return this as never;
  }

  asBody(): GoogleAppsScript.Document.Body {
    return this._as(['body'], 'Body');
  }
  asHeaderSection(): GoogleAppsScript.Document.HeaderSection {
    return this._as(['header'], 'HeaderSection');
  }
  asFooterSection(): GoogleAppsScript.Document.FooterSection {
    return this._as(['footer'], 'FooterSection');
  }
  asParagraph(): GoogleAppsScript.Document.Paragraph {
    return this._as(['paragraph'], 'Paragraph');
  }
  asListItem(): GoogleAppsScript.Document.ListItem {
    return this._as(['listItem'], 'ListItem');
  }
  asTable(): GoogleAppsScript.Document.Table {
    return this._as(['table'], 'Table');
  }
  asTableRow(): GoogleAppsScript.Document.TableRow {
    return this._as(['row'], 'TableRow');
  }
  asTableCell(): GoogleAppsScript.Document.TableCell {
    return this._as(['cell'], 'TableCell');
  }
  asText(): GoogleAppsScript.Document.Text {
    return this._as(['text'], 'Text');
  }
  asInlineImage(): GoogleAppsScript.Document.InlineImage {
    return this._as(['image'], 'InlineImage');
  }
  asPageBreak(): GoogleAppsScript.Document.PageBreak {
    return this._as(['pageBreak'], 'PageBreak');
  }
  asHorizontalRule(): GoogleAppsScript.Document.HorizontalRule {
    return this._as(['horizontalRule'], 'HorizontalRule');
  }
}
