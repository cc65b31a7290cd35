import type { ParagraphNode, PositionedImageNode, PositionedLayout } from '../../docmodel';
import { Blob } from '../blob';
import { tracked } from '../calls';
import { num } from './attributes';
import { imageNodeFrom } from './image';
import type { DocSession } from './session';

/**
 * DocumentApp's PositionedImage: "Fixed position image anchored to a Paragraph. Unlike an
 * InlineImage, a PositionedImage is not an Element. It does not have a parent or sibling
 * Element. Instead, it is anchored to a Paragraph or ListItem, and is placed via offsets from
 * that anchor." Offsets are points "from the paragraph's left" and "from the paragraph's top";
 * width and height are pixels (https://developers.google.com/apps-script/reference/document/positioned-image).
 * Only PNG and JPEG are kept (what the renderers draw); a new image has no offset and is laid
 * out as WRAP_TEXT, the Docs editor's default for an image placed on the page (an assumption:
 * the reference does not say).
 */
export class PositionedImage implements Pick<
  GoogleAppsScript.Document.PositionedImage,
  | 'getAs'
  | 'getBlob'
  | 'getHeight'
  | 'getId'
  | 'getLayout'
  | 'getLeftOffset'
  | 'getParagraph'
  | 'getTopOffset'
  | 'getWidth'
  | 'setHeight'
  | 'setLayout'
  | 'setLeftOffset'
  | 'setTopOffset'
  | 'setWidth'
> {
  constructor(
    private readonly s: DocSession,
    private readonly n: PositionedImageNode,
    private readonly paragraph: () => GoogleAppsScript.Document.Paragraph,
  ) {
    return tracked(this, s.log, 'DocumentApp', 'PositionedImage');
  }

  private edit(): this {
    this.s.checkOpen();
    return this;
  }

  getId(): string {
    return this.n.id;
  }
  getBlob(): never {
    return new Blob(
      this.s.log,
      new Uint8Array(Buffer.from(this.n.data, 'base64')),
      this.n.mimeType,
    ) as never;
  }
  getAs(contentType: string): never {
    if (contentType !== this.n.mimeType)
      throw new Error(`Converting from ${this.n.mimeType} to ${contentType} is not supported.`);
    return this.getBlob();
  }
  getParagraph(): GoogleAppsScript.Document.Paragraph {
    return this.paragraph();
  }
  getWidth(): number {
    return this.n.width;
  }
  setWidth(width: number): never {
    this.edit().n.width = Math.round(num(width, 'width'));
    return this as never;
  }
  getHeight(): number {
    return this.n.height;
  }
  setHeight(height: number): never {
    this.edit().n.height = Math.round(num(height, 'height'));
    return this as never;
  }
  getLeftOffset(): number {
    return this.n.leftOffset;
  }
  setLeftOffset(offset: number): never {
    this.edit().n.leftOffset = num(offset, 'offset');
    return this as never;
  }
  getTopOffset(): number {
    return this.n.topOffset;
  }
  setTopOffset(offset: number): never {
    this.edit().n.topOffset = num(offset, 'offset');
    return this as never;
  }
  getLayout(): GoogleAppsScript.Document.PositionedLayout {
    return this.n.layout as never;
  }
  setLayout(layout: GoogleAppsScript.Document.PositionedLayout): never {
    const name = String(layout) as PositionedLayout;
    if (!LAYOUTS.includes(name)) throw new Error(`Invalid argument: layout`);
    this.edit().n.layout = name;
    return this as never;
  }
}

const LAYOUTS: readonly PositionedLayout[] = [
  'ABOVE_TEXT',
  'BREAK_BOTH',
  'BREAK_LEFT',
  'BREAK_RIGHT',
  'WRAP_TEXT',
];

let counter = 0;

/** A new positioned image node from a blob (PNG or JPEG), anchored to `p`. */
export function addPositioned(p: ParagraphNode, image: unknown): PositionedImageNode {
  const inline = imageNodeFrom(image);
  if (inline.mimeType !== 'image/png' && inline.mimeType !== 'image/jpeg')
    throw new Error('Invalid image data.');
  const node: PositionedImageNode = {
    id: `kix.positioned${Date.now().toString(36)}${(counter++).toString(36)}`,
    data: inline.data,
    mimeType: inline.mimeType,
    width: inline.width,
    height: inline.height,
    leftOffset: 0,
    topOffset: 0,
    layout: 'WRAP_TEXT',
  };
  (p.positioned ??= []).push(node);
  return node;
}
