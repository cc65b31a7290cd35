import type { CallLog } from './calls';
import { tracked } from './calls';
import { toSignedBytes } from '../../core/bytes';

type Byte = GoogleAppsScript.Byte;

/** Converts a blob's content to another type; the runtime registers the document renderers here. */
export type BlobConverter = (blob: Blob) => Blob;

const EXTENSIONS: Record<string, string> = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  png: 'image/png',
  jpg: 'image/jpeg',
  jpeg: 'image/jpeg',
  json: 'application/json',
  txt: 'text/plain',
  html: 'text/html',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

export function fromBytes(data: ArrayLike<number>): Uint8Array {
  const out = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) out[i] = data[i] & 0xff;
  return out;
}

/** Utilities.newBlob / Document.getAs / File.getBlob's return value, holding bytes in memory. */
export class Blob implements Pick<
  GoogleAppsScript.Base.Blob,
  | 'copyBlob'
  | 'getAs'
  | 'getBlob'
  | 'getBytes'
  | 'getContentType'
  | 'getDataAsString'
  | 'getName'
  | 'isGoogleType'
  | 'setBytes'
  | 'setContentType'
  | 'setContentTypeFromExtension'
  | 'setDataFromString'
  | 'setName'
> {
  private data: Uint8Array;
  private contentType: string | null;
  private name: string | null;

  constructor(
    private readonly log: CallLog,
    data: Uint8Array,
    contentType: string | null = null,
    name: string | null = null,
    /** Conversions this blob's source supports (`getAs`), by target content type. */
    private readonly converters: Record<string, BlobConverter> = {},
  ) {
    this.data = data;
    this.contentType = contentType;
    this.name = name;
    return tracked(this, log, 'Blob', 'Blob');
  }

  /** The bytes as Node sees them (not part of the Apps Script API). */
  _bytes(): Uint8Array {
    return this.data;
  }

  copyBlob(): GoogleAppsScript.Base.Blob {
    return new Blob(
      this.log,
      this.data.slice(),
      this.contentType,
      this.name,
      this.converters,
    ) as never;
  }

  getAs(contentType: string): GoogleAppsScript.Base.Blob {
    if (contentType === this.contentType) return this.copyBlob();
    const convert = this.converters[contentType];
    if (!convert)
      throw new Error(`Converting from ${this.contentType} to ${contentType} is not supported.`);
    return convert(this) as never;
  }

  getBlob(): GoogleAppsScript.Base.Blob {
    return this as never;
  }

  getBytes(): Byte[] {
    return toSignedBytes(this.data);
  }

  getContentType(): string | null {
    return this.contentType;
  }

  getDataAsString(charset = 'UTF-8'): string {
    return new TextDecoder(charset.toLowerCase()).decode(this.data);
  }

  getName(): string | null {
    return this.name;
  }

  isGoogleType(): boolean {
    return (this.contentType ?? '').startsWith('application/vnd.google-apps.');
  }

  setBytes(data: Byte[]): GoogleAppsScript.Base.Blob {
    this.data = fromBytes(data);
    return this as never;
  }

  setContentType(contentType: string | null): GoogleAppsScript.Base.Blob {
    this.contentType = contentType;
    return this as never;
  }

  setContentTypeFromExtension(): GoogleAppsScript.Base.Blob {
    const ext = (this.name ?? '').split('.').pop()?.toLowerCase() ?? '';
    const type = EXTENSIONS[ext];
    if (!type) throw new Error(`Could not infer a content type from the name "${this.name}".`);
    this.contentType = type;
    return this as never;
  }

  setDataFromString(text: string): GoogleAppsScript.Base.Blob {
    this.data = new TextEncoder().encode(text);
    return this as never;
  }

  setName(name: string): GoogleAppsScript.Base.Blob {
    this.name = name;
    return this as never;
  }
}

/** Recognises our Blob across the vm realm boundary. */
export function isBlob(value: unknown): value is Blob {
  return (
    typeof value === 'object' && value !== null && typeof (value as Blob)._bytes === 'function'
  );
}
