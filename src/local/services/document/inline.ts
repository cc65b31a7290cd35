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

/** A page number inserted in the Docs editor: DocumentApp sees it as UNSUPPORTED. */
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
registerElement(['pageNumber'], (s, n) => new UnsupportedElement(s, n));
