import { ElementBase, registerElement } from './element';
import type { DocSession } from './session';
import type { AnyNode } from './tree';

/** Elements with nothing to set: only their place in the tree matters. */
abstract class PlainElement extends ElementBase {
  getAttributes(): Record<string, unknown> {
    return {};
  }

  setAttributes(_attributes: Record<string, unknown>): never {
    this._edit();
    return this as never;
  }
}

export class PageBreak
  extends PlainElement
  implements Pick<GoogleAppsScript.Document.PageBreak, 'getAttributes'>
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'PageBreak');
  }
}

export class HorizontalRule
  extends PlainElement
  implements Pick<GoogleAppsScript.Document.HorizontalRule, 'getAttributes'>
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'HorizontalRule');
  }
}

/**
 * A page number inserted in the Docs editor, or a section break in the body: DocumentApp has no
 * class for either and lists them as UNSUPPORTED (ElementType.UNSUPPORTED, "an element type that
 * corresponds to an unsupported element", https://developers.google.com/apps-script/reference/document/element-type).
 * That a mid-body section break is listed (as one child) rather than hidden is assumed; the
 * fill's child paths count it the same way (core/docs/fill.ts, `keep`).
 */
export class UnsupportedElement
  extends PlainElement
  implements Pick<GoogleAppsScript.Document.UnsupportedElement, 'getAttributes'>
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'UnsupportedElement');
  }
}

registerElement(['pageBreak'], (s, n) => new PageBreak(s, n));
registerElement(['horizontalRule'], (s, n) => new HorizontalRule(s, n));
registerElement(['pageNumber', 'sectionBreak'], (s, n) => new UnsupportedElement(s, n));
