import type {
  GlyphType,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  ParagraphStyle,
  PositionedImageNode,
  TextNode,
} from '../../docmodel';
import {
  applyPatch,
  paragraphAttributes,
  paragraphPatch,
  paragraphValue,
  textAttributes,
  textPatch,
  uniform,
} from './attributes';
import {
  ElementBase,
  asEnum,
  checkIndex,
  checkRemovable,
  detachedNodeOf,
  registerElement,
  wrap,
} from './element';
import { GlyphType as GlyphTypes, enumName } from './enums';
import { imageNodeFrom } from './image';
import { addPositioned, PositionedImage } from './positioned';
import { runsText, styleAt, styleRuns } from './runs';
import { SearchableElement } from './searchable';
import type { DocSession } from './session';
import { newTextNode, paragraphText } from './text';
import type { AnyNode, ParagraphLike } from './tree';
import { attach, detach, kindOf, parentOf } from './tree';

type GParagraph = GoogleAppsScript.Document.Paragraph;
type Common =
  | 'appendHorizontalRule'
  | 'appendInlineImage'
  | 'appendPageBreak'
  | 'appendText'
  | 'clear'
  | 'editAsText'
  | 'findElement'
  | 'findText'
  | 'getAlignment'
  | 'getAttributes'
  | 'getChild'
  | 'getChildIndex'
  | 'getHeading'
  | 'getIndentEnd'
  | 'getIndentFirstLine'
  | 'getIndentStart'
  | 'getLineSpacing'
  | 'getLinkUrl'
  | 'getNumChildren'
  | 'getSpacingAfter'
  | 'getSpacingBefore'
  | 'getText'
  | 'insertHorizontalRule'
  | 'insertInlineImage'
  | 'insertPageBreak'
  | 'insertText'
  | 'isLeftToRight'
  | 'removeChild'
  | 'replaceText'
  | 'setAlignment'
  | 'setAttributes'
  | 'setHeading'
  | 'setIndentEnd'
  | 'setIndentFirstLine'
  | 'setIndentStart'
  | 'setLineSpacing'
  | 'setLinkUrl'
  | 'setSpacingAfter'
  | 'setSpacingBefore';

/** Page breaks cannot live in table cells (Google: "PageBreak cannot be inserted in a table cell"). */
function inTableCell(node: AnyNode): boolean {
  for (let p = parentOf(node); p; p = parentOf(p)) if (kindOf(p) === 'cell') return true;
  return false;
}

/** What Paragraph and ListItem share: inline children, paragraph style, paragraph-level text style. */
export abstract class ParagraphBase extends SearchableElement implements Pick<GParagraph, Common> {
  get _p(): ParagraphLike {
    return this._n as ParagraphLike;
  }

  getNumChildren(): number {
    return this._p.children.length;
  }

  getChild(childIndex: number): never {
    checkIndex(childIndex, this._p.children.length, false);
    return wrap(this._s, this._p.children[childIndex]) as never;
  }

  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    return this._childIndex(child);
  }

  removeChild(child: GoogleAppsScript.Document.Element): never {
    this._edit();
    if (this._childIndex(child) < 0) throw new Error('Element is not a child of this element.');
    detach((child as unknown as ElementBase)._n);
    return this as never;
  }

  getText(): string {
    let s = '';
    for (const c of this._p.children) if (c.type === 'text') s += runsText(c.runs);
    return s;
  }

  /** Replaces all content with one Text element (keeping the first character's formatting). */
  setText(text: string): never {
    this._edit();
    const value = String(text);
    const first = this._p.children.find(
      (c): c is TextNode => c.type === 'text' && c.runs.length > 0,
    );
    const style = first ? { ...first.runs[0].style } : {};
    for (const c of [...this._p.children]) detach(c);
    if (value) attach(this._p, { type: 'text', runs: [{ text: value, style }] }, 0);
    return this as never;
  }

  editAsText(): never {
    return paragraphText(this._s, this._p) as never;
  }

  clear(): never {
    this._edit();
    for (const c of [...this._p.children]) detach(c);
    return this as never;
  }

  /** A new Text element at the end; it inherits the formatting of the text before it, as on Google. */
  appendText(text: string | GoogleAppsScript.Document.Text): never {
    return this.insertText(this._p.children.length, text);
  }

  insertText(childIndex: number, text: string | GoogleAppsScript.Document.Text): never {
    this._edit();
    checkIndex(childIndex, this._p.children.length, true);
    if (typeof text === 'object' && text !== null) {
      const node = detachedNodeOf(text, ['text'], 'text');
      attach(this._p, node, childIndex);
      return wrap(this._s, node) as never;
    }
    return wrap(this._s, newTextNode(this._p, childIndex, String(text))) as never;
  }

  appendInlineImage(
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): never {
    return this.insertInlineImage(this._p.children.length, image);
  }

  insertInlineImage(
    childIndex: number,
    image: GoogleAppsScript.Base.BlobSource | GoogleAppsScript.Document.InlineImage,
  ): never {
    this._edit();
    checkIndex(childIndex, this._p.children.length, true);
    const node = imageNodeFrom(image);
    attach(this._p, node, childIndex);
    return wrap(this._s, node) as never;
  }

  appendPageBreak(pageBreak?: GoogleAppsScript.Document.PageBreak | null): never {
    return this.insertPageBreak(this._p.children.length, pageBreak);
  }

  insertPageBreak(
    childIndex: number,
    pageBreak?: GoogleAppsScript.Document.PageBreak | null,
  ): never {
    this._edit();
    checkIndex(childIndex, this._p.children.length, true);
    if (inTableCell(this._n)) throw new Error('PageBreak cannot be inserted in a table cell.');
    const node: InlineNode = pageBreak
      ? (detachedNodeOf(pageBreak, ['pageBreak'], 'pageBreak') as InlineNode)
      : { type: 'pageBreak' };
    attach(this._p, node, childIndex);
    return wrap(this._s, node) as never;
  }

  appendHorizontalRule(): never {
    return this.insertHorizontalRule(this._p.children.length);
  }

  insertHorizontalRule(childIndex: number): never {
    this._edit();
    checkIndex(childIndex, this._p.children.length, true);
    const node: InlineNode = { type: 'horizontalRule' };
    attach(this._p, node, childIndex);
    return wrap(this._s, node) as never;
  }

  private _style<K extends keyof ParagraphStyle>(key: K): ParagraphStyle[K] | null {
    return this._p.style[key] ?? null;
  }

  private _setStyle(key: keyof ParagraphStyle, value: unknown): never {
    this._edit();
    applyPatch(this._p.style, { [key]: value === null ? null : paragraphValue(key, value) });
    return this as never;
  }

  getHeading(): GoogleAppsScript.Document.ParagraphHeading {
    return asEnum(this._p.style.heading ?? 'NORMAL');
  }
  setHeading(heading: GoogleAppsScript.Document.ParagraphHeading): never {
    return this._setStyle('heading', heading);
  }
  getAlignment(): GoogleAppsScript.Document.HorizontalAlignment {
    return asEnum(this._style('alignment'));
  }
  setAlignment(alignment: GoogleAppsScript.Document.HorizontalAlignment): never {
    return this._setStyle('alignment', alignment);
  }
  getIndentStart(): number {
    return this._style('indentStart') as number;
  }
  setIndentStart(indentStart: number): never {
    return this._setStyle('indentStart', indentStart);
  }
  getIndentEnd(): number {
    return this._style('indentEnd') as number;
  }
  setIndentEnd(indentEnd: number): never {
    return this._setStyle('indentEnd', indentEnd);
  }
  getIndentFirstLine(): number {
    return this._style('indentFirstLine') as number;
  }
  setIndentFirstLine(indentFirstLine: number): never {
    return this._setStyle('indentFirstLine', indentFirstLine);
  }
  getSpacingBefore(): number {
    return this._style('spacingBefore') as number;
  }
  setSpacingBefore(spacingBefore: number): never {
    return this._setStyle('spacingBefore', spacingBefore);
  }
  getSpacingAfter(): number {
    return this._style('spacingAfter') as number;
  }
  setSpacingAfter(spacingAfter: number): never {
    return this._setStyle('spacingAfter', spacingAfter);
  }
  getLineSpacing(): number {
    return this._style('lineSpacing') as number;
  }
  setLineSpacing(multiplier: number): never {
    return this._setStyle('lineSpacing', multiplier);
  }
  isLeftToRight(): boolean {
    return true;
  }

  /** The link of all the paragraph's text, or null if it has none or several. */
  getLinkUrl(): string {
    return (this.getAttributes().LINK_URL ?? null) as string;
  }

  setLinkUrl(url: string | null): never {
    return this.setAttributes({ LINK_URL: url });
  }

  /** Paragraph attributes plus the text attributes all its characters share (null otherwise). */
  getAttributes(): Record<string, unknown> {
    const styles = [];
    for (const c of this._p.children) {
      if (c.type !== 'text') continue;
      const len = runsText(c.runs).length;
      for (let k = 0; k < len; k++) styles.push({ ...this._p.textStyle, ...styleAt(c.runs, k) });
    }
    const text = textAttributes(styles.length ? uniform(styles) : this._p.textStyle);
    return { ...text, ...paragraphAttributes(this._p.style) };
  }

  /**
   * Paragraph attributes go to the paragraph; text attributes apply to all its characters (so the
   * paragraph-level value is kept, and run values that would override it are cleared).
   */
  setAttributes(attributes: Record<string, unknown>): never {
    this._edit();
    const attrs = attributes ?? {};
    applyPatch(this._p.style, paragraphPatch(attrs));
    const tp = textPatch(attrs);
    applyPatch(this._p.textStyle, tp);
    const clear = Object.fromEntries(Object.keys(tp).map((k) => [k, null]));
    for (const c of this._p.children) {
      if (c.type === 'text') c.runs = styleRuns(c.runs, 0, runsText(c.runs).length, clear);
    }
    this._setExtra(attrs);
    return this as never;
  }

  /** List items add GLYPH_TYPE, NESTING_LEVEL. */
  protected _setExtra(_attrs: Record<string, unknown>): void {}

  /** Joins this paragraph to the previous sibling paragraph (Google's merge()). */
  merge(): never {
    this._edit();
    const prev = this.getPreviousSibling() as unknown as ElementBase | null;
    if (!prev || (kindOf(prev._n) !== 'paragraph' && kindOf(prev._n) !== 'listItem')) {
      throw new Error('Element does not have a previous sibling of the same type to merge with.');
    }
    checkRemovable(this._n);
    const target = prev._n as ParagraphLike;
    for (const c of [...this._p.children]) {
      detach(c);
      attach(target, c, target.children.length);
    }
    detach(this._n);
    return wrap(this._s, target) as never;
  }
}

export class Paragraph
  extends ParagraphBase
  implements
    Pick<
      GParagraph,
      'addPositionedImage' | 'getPositionedImage' | 'getPositionedImages' | 'removePositionedImage'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'Paragraph');
  }

  private get _para(): ParagraphNode {
    return this._n as ParagraphNode;
  }

  private _positioned(n: PositionedImageNode): PositionedImage {
    return new PositionedImage(this._s, n, () => this as never);
  }

  addPositionedImage(image: GoogleAppsScript.Base.BlobSource): never {
    this._edit();
    return this._positioned(addPositioned(this._para, image)) as never;
  }

  getPositionedImage(id: string): never {
    const n = this._para.positioned?.find((x) => x.id === String(id));
    return (n ? this._positioned(n) : null) as never;
  }

  getPositionedImages(): never {
    return (this._para.positioned ?? []).map((n) => this._positioned(n)) as never;
  }

  removePositionedImage(id: string): boolean {
    this._edit();
    const list = this._para.positioned ?? [];
    const k = list.findIndex((x) => x.id === String(id));
    if (k < 0) return false;
    list.splice(k, 1);
    if (!list.length) delete this._para.positioned;
    return true;
  }
}

export class ListItem
  extends ParagraphBase
  implements
    Pick<
      GoogleAppsScript.Document.ListItem,
      | 'getGlyphType'
      | 'setGlyphType'
      | 'getNestingLevel'
      | 'setNestingLevel'
      | 'getListId'
      | 'setListId'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'ListItem');
  }

  get _li(): ListItemNode {
    return this._n as ListItemNode;
  }

  getGlyphType(): GoogleAppsScript.Document.GlyphType {
    return asEnum(this._li.glyphType);
  }

  setGlyphType(glyphType: GoogleAppsScript.Document.GlyphType): never {
    this._edit();
    this._li.glyphType = enumName(GlyphTypes, glyphType, 'glyphType') as GlyphType;
    return this as never;
  }

  getNestingLevel(): number {
    return this._li.nestingLevel;
  }

  setNestingLevel(nestingLevel: number): never {
    this._edit();
    if (!Number.isInteger(nestingLevel) || nestingLevel < 0 || nestingLevel > 8) {
      throw new Error('Invalid argument: nestingLevel');
    }
    this._li.nestingLevel = nestingLevel;
    return this as never;
  }

  getListId(): string {
    return this._li.listId;
  }

  /** Joins the list of another item (numbering continues across them). */
  setListId(listItem: GoogleAppsScript.Document.ListItem): never {
    this._edit();
    const other = listItem as unknown as ElementBase;
    if (!other || kindOf(other._n) !== 'listItem') throw new Error('Invalid argument: listItem');
    this._li.listId = (other._n as ListItemNode).listId;
    return this as never;
  }

  override getAttributes(): Record<string, unknown> {
    return {
      ...super.getAttributes(),
      GLYPH_TYPE: this._li.glyphType,
      LIST_ID: this._li.listId,
      NESTING_LEVEL: this._li.nestingLevel,
    };
  }

  protected override _setExtra(attrs: Record<string, unknown>): void {
    if ('GLYPH_TYPE' in attrs && attrs.GLYPH_TYPE !== null) {
      this._li.glyphType = enumName(GlyphTypes, attrs.GLYPH_TYPE, 'glyphType') as GlyphType;
    }
    if ('NESTING_LEVEL' in attrs && attrs.NESTING_LEVEL !== null)
      this.setNestingLevel(attrs.NESTING_LEVEL as number);
  }
}

registerElement(['paragraph'], (s, n) => new Paragraph(s, n));
registerElement(['listItem'], (s, n) => new ListItem(s, n));
