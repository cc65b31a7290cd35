import type { ImageNode } from '../../docmodel';
import { imageHeader } from '../../../core/image';
import { Blob, isBlob } from '../blob';
import { num } from './attributes';
import { ElementBase, detachedNodeOf, registerElement } from './element';
import type { DocSession } from './session';
import type { AnyNode } from './tree';

/** Type and pixel size read from the image header (PNG, JPEG, GIF: what Docs accepts inline). */
export function imageInfo(data: Uint8Array): { mimeType: string; width: number; height: number } {
  const header = imageHeader(data);
  if (header) return header;
  if (data.length >= 10 && data[0] === 0x47 && data[1] === 0x49 && data[2] === 0x46) {
    const view = new DataView(data.buffer, data.byteOffset, data.byteLength);
    return {
      mimeType: 'image/gif',
      width: view.getUint16(6, true),
      height: view.getUint16(8, true),
    };
  }
  throw new Error('Invalid image data.');
}

function bytesOf(source: unknown): Uint8Array {
  if (isBlob(source)) return source._bytes();
  const getBlob = (source as { getBlob?: () => unknown } | null)?.getBlob;
  if (typeof getBlob === 'function') {
    const blob = getBlob.call(source);
    if (isBlob(blob)) return blob._bytes();
  }
  throw new Error('Invalid argument: image');
}

/** The image node for appendImage/insertInlineImage: a detached InlineImage, or a new one from a blob. */
export function imageNodeFrom(image: unknown): ImageNode {
  if (typeof image === 'object' && image !== null && '_n' in image) {
    return detachedNodeOf(image, ['image'], 'image') as ImageNode;
  }
  const data = bytesOf(image);
  const info = imageInfo(data);
  return {
    type: 'image',
    data: Buffer.from(data).toString('base64'),
    mimeType: info.mimeType,
    width: info.width,
    height: info.height,
  };
}

export class InlineImage
  extends ElementBase
  implements
    Pick<
      GoogleAppsScript.Document.InlineImage,
      | 'getAltDescription'
      | 'getAltTitle'
      | 'getAs'
      | 'getAttributes'
      | 'getBlob'
      | 'getHeight'
      | 'getLinkUrl'
      | 'getWidth'
      | 'setAltDescription'
      | 'setAltTitle'
      | 'setAttributes'
      | 'setHeight'
      | 'setLinkUrl'
      | 'setWidth'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'InlineImage');
  }

  get _img(): ImageNode {
    return this._n as ImageNode;
  }

  getBlob(): never {
    return new Blob(
      this._s.log,
      new Uint8Array(Buffer.from(this._img.data, 'base64')),
      this._img.mimeType,
    ) as never;
  }

  getAs(contentType: string): never {
    if (contentType !== this._img.mimeType) {
      throw new Error(`Converting from ${this._img.mimeType} to ${contentType} is not supported.`);
    }
    return this.getBlob();
  }

  getWidth(): number {
    return this._img.width;
  }
  setWidth(width: number): never {
    this._edit();
    this._img.width = Math.round(num(width, 'width'));
    return this as never;
  }
  getHeight(): number {
    return this._img.height;
  }
  setHeight(height: number): never {
    this._edit();
    this._img.height = Math.round(num(height, 'height'));
    return this as never;
  }
  getAltTitle(): string {
    return (this._img.altTitle ?? null) as string;
  }
  setAltTitle(title: string): never {
    this._edit();
    this._img.altTitle = String(title);
    return this as never;
  }
  getAltDescription(): string {
    return (this._img.altDescription ?? null) as string;
  }
  setAltDescription(description: string): never {
    this._edit();
    this._img.altDescription = String(description);
    return this as never;
  }
  getLinkUrl(): string {
    return (this._img.linkUrl ?? null) as string;
  }
  setLinkUrl(url: string | null): never {
    this._edit();
    if (url === null || url === '') delete this._img.linkUrl;
    else this._img.linkUrl = String(url);
    return this as never;
  }

  getAttributes(): Record<string, unknown> {
    return {
      WIDTH: this._img.width,
      HEIGHT: this._img.height,
      LINK_URL: this._img.linkUrl ?? null,
    };
  }

  setAttributes(attributes: Record<string, unknown>): never {
    this._edit();
    const a = attributes ?? {};
    if (typeof a.WIDTH === 'number') this.setWidth(a.WIDTH);
    if (typeof a.HEIGHT === 'number') this.setHeight(a.HEIGHT);
    if ('LINK_URL' in a) this.setLinkUrl(a.LINK_URL as string | null);
    return this as never;
  }
}

registerElement(['image'], (s, n) => new InlineImage(s, n));
