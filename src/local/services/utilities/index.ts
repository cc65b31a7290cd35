import { createHash, createHmac, randomUUID } from 'node:crypto';
import { toSignedBytes } from '../../../core/bytes';
import { Blob, fromBytes } from '../blob';
import { tracked, type CallLog } from '../calls';
import { isDate, realmArray, realmError, type Realm } from '../../load-bundle';
import type { Clock } from './clock';
import { formatDate } from './format-date';
import { formatString } from './format-string';

type U = GoogleAppsScript.Utilities.Utilities;
type Byte = GoogleAppsScript.Byte;

export const Charset = { US_ASCII: 'US_ASCII', UTF_8: 'UTF_8' } as const;
export const DigestAlgorithm = {
  MD2: 'MD2',
  MD5: 'MD5',
  SHA_1: 'SHA_1',
  SHA_256: 'SHA_256',
  SHA_384: 'SHA_384',
  SHA_512: 'SHA_512',
} as const;
export const MacAlgorithm = {
  HMAC_MD5: 'HMAC_MD5',
  HMAC_SHA_1: 'HMAC_SHA_1',
  HMAC_SHA_256: 'HMAC_SHA_256',
  HMAC_SHA_384: 'HMAC_SHA_384',
  HMAC_SHA_512: 'HMAC_SHA_512',
} as const;

const NODE_HASH: Record<string, string> = {
  MD5: 'md5',
  SHA_1: 'sha1',
  SHA_256: 'sha256',
  SHA_384: 'sha384',
  SHA_512: 'sha512',
  HMAC_MD5: 'md5',
  HMAC_SHA_1: 'sha1',
  HMAC_SHA_256: 'sha256',
  HMAC_SHA_384: 'sha384',
  HMAC_SHA_512: 'sha512',
};

/** Apps Script caps Utilities.sleep at five minutes. */
const MAX_SLEEP_MS = 300_000;

function encode(data: string | Byte[], charset?: unknown): Buffer {
  if (typeof data === 'string')
    return Buffer.from(data, String(charset) === 'US_ASCII' ? 'latin1' : 'utf8');
  return Buffer.from(fromBytes(data));
}

/** The Utilities service. Dates may come from the bundle's realm, so they are recognised by tag. */
export class Utilities implements Pick<
  U,
  | 'formatDate'
  | 'formatString'
  | 'newBlob'
  | 'base64Encode'
  | 'base64Decode'
  | 'base64EncodeWebSafe'
  | 'base64DecodeWebSafe'
  | 'computeDigest'
  | 'computeHmacSha256Signature'
  | 'computeHmacSignature'
  | 'getUuid'
  | 'sleep'
  | 'parseCsv'
> {
  readonly Charset = Charset as unknown as typeof GoogleAppsScript.Utilities.Charset;
  readonly DigestAlgorithm =
    DigestAlgorithm as unknown as typeof GoogleAppsScript.Utilities.DigestAlgorithm;
  readonly MacAlgorithm = MacAlgorithm as unknown as typeof GoogleAppsScript.Utilities.MacAlgorithm;

  constructor(
    private readonly log: CallLog,
    private readonly clock: Clock,
    private readonly realm: Realm,
  ) {
    return tracked(this, log, 'Utilities', 'Utilities');
  }

  formatDate(date: GoogleAppsScript.Base.Date, timeZone: string, format: string): string {
    if (!isDate(date)) throw realmError(this.realm, 'Invalid argument: date');
    return formatDate(date as unknown as Date, timeZone, format);
  }

  formatString(template: string, ...args: unknown[]): string {
    return formatString(template, ...args);
  }

  newBlob(data: string | Byte[], contentType?: string, name?: string): GoogleAppsScript.Base.Blob {
    const bytes = typeof data === 'string' ? new TextEncoder().encode(data) : fromBytes(data);
    return new Blob(this.log, bytes, contentType ?? null, name ?? null) as never;
  }

  base64Encode(data: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    return encode(data, charset).toString('base64');
  }

  base64EncodeWebSafe(data: string | Byte[], charset?: GoogleAppsScript.Utilities.Charset): string {
    // Google's web-safe alphabet keeps the '=' padding.
    return encode(data, charset).toString('base64').replace(/\+/g, '-').replace(/\//g, '_');
  }

  base64Decode(encoded: string): Byte[] {
    return this.bytes(Buffer.from(encoded, 'base64'));
  }

  base64DecodeWebSafe(encoded: string): Byte[] {
    return this.bytes(Buffer.from(encoded.replace(/-/g, '+').replace(/_/g, '/'), 'base64'));
  }

  computeDigest(
    algorithm: GoogleAppsScript.Utilities.DigestAlgorithm,
    value: string | Byte[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    const name = NODE_HASH[String(algorithm)];
    if (!name)
      throw realmError(
        this.realm,
        `Digest algorithm ${String(algorithm)} is not available locally.`,
      );
    return this.bytes(createHash(name).update(encode(value, charset)).digest());
  }

  computeHmacSha256Signature(
    value: string | Byte[],
    key: string | Byte[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    return this.bytes(
      createHmac('sha256', encode(key, charset)).update(encode(value, charset)).digest(),
    );
  }

  computeHmacSignature(
    algorithm: GoogleAppsScript.Utilities.MacAlgorithm,
    value: string | Byte[],
    key: string | Byte[],
    charset?: GoogleAppsScript.Utilities.Charset,
  ): Byte[] {
    const name = NODE_HASH[String(algorithm)];
    if (!name)
      throw realmError(this.realm, `MAC algorithm ${String(algorithm)} is not available locally.`);
    return this.bytes(
      createHmac(name, encode(key, charset)).update(encode(value, charset)).digest(),
    );
  }

  getUuid(): string {
    return randomUUID();
  }

  /** Does not block: advances the runtime clock instead, so tests stay fast; the time counts. */
  sleep(milliseconds: number): void {
    if (milliseconds > MAX_SLEEP_MS) throw realmError(this.realm, 'Invalid argument: milliseconds');
    this.clock.advance(Math.max(0, milliseconds));
    this.log.spend(Math.max(0, milliseconds));
  }

  parseCsv(csv: string, delimiter = ','): string[][] {
    return realmArray(
      this.realm,
      parseCsv(csv, delimiter).map((row) => realmArray(this.realm, row)),
    );
  }

  private bytes(data: Uint8Array): Byte[] {
    return realmArray(this.realm, toSignedBytes(data));
  }
}

/** RFC 4180: quoted fields may hold the delimiter, doubled quotes and line breaks. */
export function parseCsv(csv: string, delimiter: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i];
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"' && field === '') quoted = true;
    else if (c === delimiter) {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && csv[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length > 0) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}
