/**
 * A minimal ZIP writer for OOXML packages (a .docx), pure so that it runs in Apps Script as well
 * as locally: names in UTF-8, entries deflated by the given function (the core's own deflate in
 * Apps Script, Node's zlib locally), no ZIP64 (a package here is far below 4 GiB).
 * Format: PKWARE APPNOTE.TXT, sections 4.3.7 (local header), 4.3.12 (central directory) and
 * 4.3.16 (end of central directory).
 */
import { concatBytes } from './bytes';
import { deflateRaw } from './chart/deflate';
import { crc32 } from './chart/png';

export interface ZipEntry {
  name: string;
  data: Uint8Array | string;
}

/**
 * UTF-8 bytes of a string (Apps Script has no TextEncoder). Two passes over the UTF-16 units, the
 * bytes written straight into one array: a DOCX's document.xml of a 1,000-row table is 6.7 MB, and
 * a number pushed per byte cost 2 s and about 170 MB of heap. A lone surrogate (half of an emoji
 * cut off) becomes U+FFFD, as TextEncoder and Node write it: its own 3-byte form is not UTF-8,
 * and an XML parser refuses a part that is not.
 */
export function utf8(s: string): Uint8Array {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (isPair(s, i)) {
      n += 4;
      i++;
    } else n += 3; // U+FFFD for a lone surrogate too
  }
  const out = new Uint8Array(n);
  let at = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) out[at++] = c;
    else if (c < 0x800) {
      out[at++] = 0xc0 | (c >> 6);
      out[at++] = 0x80 | (c & 63);
    } else if (isPair(s, i)) {
      const p = s.codePointAt(i++) as number;
      out[at++] = 0xf0 | (p >> 18);
      out[at++] = 0x80 | ((p >> 12) & 63);
      out[at++] = 0x80 | ((p >> 6) & 63);
      out[at++] = 0x80 | (p & 63);
    } else {
      const u = c >= 0xd800 && c <= 0xdfff ? 0xfffd : c;
      out[at++] = 0xe0 | (u >> 12);
      out[at++] = 0x80 | ((u >> 6) & 63);
      out[at++] = 0x80 | (u & 63);
    }
  }
  return out;
}

/** Does a surrogate pair (one code point above U+FFFF) start at s[i]? */
function isPair(s: string, i: number): boolean {
  const c = s.charCodeAt(i);
  if (c < 0xd800 || c > 0xdbff || i + 1 >= s.length) return false;
  const d = s.charCodeAt(i + 1);
  return d >= 0xdc00 && d <= 0xdfff;
}

/** DOS time and date fields: 1980-01-01 00:00, so the same content gives the same bytes. */
const DOS_TIME = 0;
const DOS_DATE = (0 << 9) | (1 << 5) | 1;

export function zip(
  entries: ZipEntry[],
  deflate: (data: Uint8Array) => Uint8Array = deflateRaw,
): Uint8Array {
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const raw = typeof e.data === 'string' ? utf8(e.data) : e.data;
    const packed = deflate(raw);
    const crc = crc32(raw);
    // The fields a local header (at 4) and a central directory entry (at 6) share.
    const common = (b: DataView, at: number) => {
      b.setUint16(at, 20, true); // version needed: 2.0 (deflate)
      b.setUint16(at + 2, 0x0800, true); // names are UTF-8
      b.setUint16(at + 4, 8, true); // deflate
      b.setUint16(at + 6, DOS_TIME, true);
      b.setUint16(at + 8, DOS_DATE, true);
      b.setUint32(at + 10, crc, true);
      b.setUint32(at + 14, packed.length, true);
      b.setUint32(at + 18, raw.length, true);
      b.setUint16(at + 22, name.length, true);
    };
    const local = new Uint8Array(30);
    const lv = new DataView(local.buffer);
    lv.setUint32(0, 0x04034b50, true);
    common(lv, 4);
    parts.push(local, name, packed);
    const dir = new Uint8Array(46);
    const dv = new DataView(dir.buffer);
    dv.setUint32(0, 0x02014b50, true);
    dv.setUint16(4, 20, true); // made by
    common(dv, 6);
    dv.setUint32(42, offset, true);
    central.push(dir, name);
    offset += local.length + name.length + packed.length;
  }
  const dirSize = central.reduce((s, b) => s + b.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, entries.length, true);
  ev.setUint16(10, entries.length, true);
  ev.setUint32(12, dirSize, true);
  ev.setUint32(16, offset, true);
  return concatBytes([...parts, ...central, end]);
}
