import type { DocModel } from '../../docmodel';
import { applyPatch, num } from './attributes';
import { BlockContainer } from './container';
import { detachedNodeOf, registerElement, wrap } from './element';
import type { DocSession } from './session';
import type { AnyNode } from './tree';
import { attach, newParagraph } from './tree';

type PageKey =
  'pageWidth' | 'pageHeight' | 'marginTop' | 'marginBottom' | 'marginLeft' | 'marginRight';

const PAGE_ATTRIBUTES: Record<string, PageKey> = {
  PAGE_WIDTH: 'pageWidth',
  PAGE_HEIGHT: 'pageHeight',
  MARGIN_TOP: 'marginTop',
  MARGIN_BOTTOM: 'marginBottom',
  MARGIN_LEFT: 'marginLeft',
  MARGIN_RIGHT: 'marginRight',
};

/** A section has no parent element that DocumentApp exposes. */
abstract class Section extends BlockContainer {
  override getParent(): never {
    return null as never;
  }
  override getNextSibling(): never {
    return null as never;
  }
  override getPreviousSibling(): never {
    return null as never;
  }
}

/** The document body: page size and margins live here (points), as in DocumentApp. */
export class Body
  extends Section
  implements
    Pick<
      GoogleAppsScript.Document.Body,
      | 'appendPageBreak'
      | 'getAttributes'
      | 'getMarginBottom'
      | 'getMarginLeft'
      | 'getMarginRight'
      | 'getMarginTop'
      | 'getPageHeight'
      | 'getPageWidth'
      | 'insertPageBreak'
      | 'setAttributes'
      | 'setMarginBottom'
      | 'setMarginLeft'
      | 'setMarginRight'
      | 'setMarginTop'
      | 'setPageHeight'
      | 'setPageWidth'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'Body');
  }

  private get _model(): DocModel {
    return this._s.model;
  }

  private _page(key: PageKey, value: unknown, what: string): never {
    this._edit();
    const n = num(value, what);
    if (n < 0) throw new Error(`Invalid argument: ${what}`);
    this._model[key] = n;
    return this as never;
  }

  getPageWidth(): number {
    return this._model.pageWidth;
  }
  setPageWidth(pageWidth: number): never {
    return this._page('pageWidth', pageWidth, 'pageWidth');
  }
  getPageHeight(): number {
    return this._model.pageHeight;
  }
  setPageHeight(pageHeight: number): never {
    return this._page('pageHeight', pageHeight, 'pageHeight');
  }
  getMarginTop(): number {
    return this._model.marginTop;
  }
  setMarginTop(marginTop: number): never {
    return this._page('marginTop', marginTop, 'marginTop');
  }
  getMarginBottom(): number {
    return this._model.marginBottom;
  }
  setMarginBottom(marginBottom: number): never {
    return this._page('marginBottom', marginBottom, 'marginBottom');
  }
  getMarginLeft(): number {
    return this._model.marginLeft;
  }
  setMarginLeft(marginLeft: number): never {
    return this._page('marginLeft', marginLeft, 'marginLeft');
  }
  getMarginRight(): number {
    return this._model.marginRight;
  }
  setMarginRight(marginRight: number): never {
    return this._page('marginRight', marginRight, 'marginRight');
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak): never {
    return this.insertPageBreak(this._blocks.length, pageBreak);
  }

  /** A new paragraph holding the page break; returns the PageBreak. */
  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): never {
    const node = pageBreak
      ? (detachedNodeOf(pageBreak, ['pageBreak'], 'pageBreak') as { type: 'pageBreak' })
      : { type: 'pageBreak' as const };
    const p = newParagraph();
    this._insert(childIndex, p);
    attach(p, node, 0);
    return wrap(this._s, node) as never;
  }

  protected override _ownAttributes(): Record<string, unknown> {
    const out: Record<string, unknown> = {};
    for (const [name, key] of Object.entries(PAGE_ATTRIBUTES)) out[name] = this._model[key];
    return out;
  }

  protected override _setOwnAttributes(attrs: Record<string, unknown>): void {
    const patch: Partial<Record<PageKey, unknown>> = {};
    for (const [name, key] of Object.entries(PAGE_ATTRIBUTES)) {
      if (name in attrs && attrs[name] !== null) patch[key] = num(attrs[name], name);
    }
    applyPatch(this._model, patch);
  }

  override removeFromParent(): never {
    throw new Error('The body cannot be removed from the document.');
  }
}

export class HeaderSection
  extends Section
  implements Pick<GoogleAppsScript.Document.HeaderSection, 'getAttributes'>
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'HeaderSection');
  }

  /** Removes the header from the document. */
  override removeFromParent(): never {
    this._edit();
    if (this._s.model.header === this._n) delete this._s.model.header;
    return this as never;
  }
}

export class FooterSection
  extends Section
  implements Pick<GoogleAppsScript.Document.FooterSection, 'getAttributes'>
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'FooterSection');
  }

  override removeFromParent(): never {
    this._edit();
    if (this._s.model.footer === this._n) delete this._s.model.footer;
    return this as never;
  }
}

registerElement(['body'], (s, n) => new Body(s, n));
registerElement(['header'], (s, n) => new HeaderSection(s, n));
registerElement(['footer'], (s, n) => new FooterSection(s, n));
