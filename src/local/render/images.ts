/**
 * Image bytes for the PDF. pdfkit embeds JPEG and plain PNG synchronously, but decodes PNGs with
 * an alpha channel, a transparent palette entry or interlacing through asynchronous zlib, which
 * would leave Document.getAs (a synchronous Apps Script call) without its bytes. Such PNGs are
 * decoded here and re-encoded as plain 8-bit RGB, flattened onto white paper.
 */
import { deflateSync, inflateSync } from 'node:zlib';

export type ImageKind = 'png' | 'jpeg';

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];
/** Refuse images that would take more than about 200 MB to flatten. */
const MAX_PIXELS = 50_000_000;

/** The image's format from its bytes (the declared MIME type may be wrong). */
export function imageKind(data: Uint8Array): ImageKind | null {
  if (data.length > 8 && PNG_SIGNATURE.every((b, i) => data[i] === b)) return 'png';
  if (data.length > 3 && data[0] === 0xff && data[1] === 0xd8 && data[2] === 0xff) return 'jpeg';
  return null;
}

/**
 * Recently converted images: the same emblem or chart comes back in every memo, and
 * flattening a PNG costs more than drawing a page.
 */
const recent = new Map<string, Buffer | null>();
const RECENT_MAX = 16;

/** pdfImageBytes of base64 data, remembered across documents. */
export function pdfImageBytesFromBase64(base64: string): Buffer | null {
  const hit = recent.get(base64);
  if (hit !== undefined) return hit;
  const bytes = pdfImageBytes(Buffer.from(base64, 'base64'));
  if (recent.size >= RECENT_MAX) recent.delete(recent.keys().next().value!);
  recent.set(base64, bytes);
  return bytes;
}

/** Bytes pdfkit embeds synchronously, or null if the image cannot be read. */
export function pdfImageBytes(data: Buffer): Buffer | null {
  const kind = imageKind(data);
  if (kind === 'jpeg') return data;
  if (kind !== 'png') return null;
  try {
    const png = readPng(data);
    if (!png.needsFlattening) return data;
    return writeRgbPng(png.width, png.height, flatten(png));
  } catch {
    return null;
  }
}

interface Png {
  width: number;
  height: number;
  bitDepth: number;
  colorType: number;
  interlaced: boolean;
  palette: Buffer;
  transparency: Buffer | null;
  data: Buffer;
  needsFlattening: boolean;
}

function readPng(buf: Buffer): Png {
  let pos = 8;
  let header: Buffer | null = null;
  let palette: Buffer = Buffer.alloc(0);
  let transparency: Buffer | null = null;
  const idat: Buffer[] = [];
  while (pos + 8 <= buf.length) {
    const length = buf.readUInt32BE(pos);
    const type = buf.toString('latin1', pos + 4, pos + 8);
    const body = buf.subarray(pos + 8, pos + 8 + length);
    if (type === 'IHDR') header = body;
    else if (type === 'PLTE') palette = body;
    else if (type === 'tRNS') transparency = body;
    else if (type === 'IDAT') idat.push(body);
    else if (type === 'IEND') break;
    pos += 12 + length;
  }
  if (!header || header.length < 13) throw new Error('PNG without a header');
  const width = header.readUInt32BE(0);
  const height = header.readUInt32BE(4);
  const colorType = header[9];
  const interlaced = header[12] === 1;
  if (width === 0 || height === 0 || width * height > MAX_PIXELS) throw new Error('PNG size');
  return {
    width,
    height,
    bitDepth: header[8],
    colorType,
    interlaced,
    palette,
    transparency,
    data: idat.length > 0 ? Buffer.concat(idat) : Buffer.alloc(0),
    needsFlattening: interlaced || colorType === 4 || colorType === 6 || transparency !== null,
  };
}

const CHANNELS: Record<number, number> = { 0: 1, 2: 3, 3: 1, 4: 2, 6: 4 };
const ADAM7: [number, number, number, number][] = [
  [0, 0, 8, 8],
  [4, 0, 8, 8],
  [0, 4, 4, 8],
  [2, 0, 4, 4],
  [0, 2, 2, 4],
  [1, 0, 2, 2],
  [0, 1, 1, 2],
];

/** Decodes every pass and pixel to RGB composited over white. */
function flatten(png: Png): Uint8Array {
  const channels = CHANNELS[png.colorType];
  if (!channels) throw new Error('PNG colour type');
  const bits = channels * png.bitDepth;
  const bpp = Math.max(1, bits >> 3);
  const raw = inflateSync(png.data);
  const out = new Uint8Array(png.width * png.height * 3);
  const passes = png.interlaced ? ADAM7 : [[0, 0, 1, 1] as [number, number, number, number]];
  const maxSample = (1 << Math.min(png.bitDepth, 8)) - 1;
  let offset = 0;
  const sample = (row: Uint8Array, index: number): number => {
    if (png.bitDepth === 8) return row[index];
    if (png.bitDepth === 16) return row[index * 2];
    const bit = index * png.bitDepth;
    return (row[bit >> 3] >> (8 - png.bitDepth - (bit & 7))) & maxSample;
  };
  const rawSample = (row: Uint8Array, index: number): number =>
    png.bitDepth === 16 ? (row[index * 2] << 8) | row[index * 2 + 1] : sample(row, index);
  const to255 = (v: number) => (png.bitDepth >= 8 ? v : Math.round((v * 255) / maxSample));
  const trns = png.transparency;
  for (const [x0, y0, dx, dy] of passes) {
    const pw = Math.ceil((png.width - x0) / dx);
    const ph = Math.ceil((png.height - y0) / dy);
    if (pw <= 0 || ph <= 0) continue;
    const stride = Math.ceil((pw * bits) / 8);
    let prev: Uint8Array = new Uint8Array(stride);
    for (let r = 0; r < ph; r++) {
      const filter = raw[offset];
      const row = unfilter(filter, raw.subarray(offset + 1, offset + 1 + stride), prev, bpp);
      offset += 1 + stride;
      for (let c = 0; c < pw; c++) {
        let red: number;
        let green: number;
        let blue: number;
        let alpha = 255;
        const i = c * channels;
        switch (png.colorType) {
          case 0: {
            red = green = blue = to255(sample(row, i));
            if (trns && trns.length >= 2 && rawSample(row, i) === trns.readUInt16BE(0)) alpha = 0;
            break;
          }
          case 2: {
            red = sample(row, i);
            green = sample(row, i + 1);
            blue = sample(row, i + 2);
            if (
              trns &&
              trns.length >= 6 &&
              rawSample(row, i) === trns.readUInt16BE(0) &&
              rawSample(row, i + 1) === trns.readUInt16BE(2) &&
              rawSample(row, i + 2) === trns.readUInt16BE(4)
            ) {
              alpha = 0;
            }
            break;
          }
          case 3: {
            const index = sample(row, i);
            red = png.palette[index * 3] ?? 0;
            green = png.palette[index * 3 + 1] ?? 0;
            blue = png.palette[index * 3 + 2] ?? 0;
            alpha = trns && index < trns.length ? trns[index] : 255;
            break;
          }
          case 4:
            red = green = blue = to255(sample(row, i));
            alpha = sample(row, i + 1);
            break;
          default:
            red = sample(row, i);
            green = sample(row, i + 1);
            blue = sample(row, i + 2);
            alpha = sample(row, i + 3);
        }
        const at = ((y0 + r * dy) * png.width + (x0 + c * dx)) * 3;
        const paper = 255 - alpha;
        out[at] = Math.round((red * alpha + 255 * paper) / 255);
        out[at + 1] = Math.round((green * alpha + 255 * paper) / 255);
        out[at + 2] = Math.round((blue * alpha + 255 * paper) / 255);
      }
      prev = row;
    }
  }
  return out;
}

function unfilter(filter: number, line: Uint8Array, prev: Uint8Array, bpp: number): Uint8Array {
  const out = new Uint8Array(line.length);
  for (let i = 0; i < line.length; i++) {
    const a = i >= bpp ? out[i - bpp] : 0;
    const b = prev[i] ?? 0;
    const c = i >= bpp ? (prev[i - bpp] ?? 0) : 0;
    let v = line[i];
    if (filter === 1) v += a;
    else if (filter === 2) v += b;
    else if (filter === 3) v += (a + b) >> 1;
    else if (filter === 4) {
      const p = a + b - c;
      const pa = Math.abs(p - a);
      const pb = Math.abs(p - b);
      const pc = Math.abs(p - c);
      v += pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
    out[i] = v & 0xff;
  }
  return out;
}

/** A PNG file (8-bit RGB, no interlacing) from raw RGB pixels. */
export function writeRgbPng(width: number, height: number, rgb: Uint8Array): Buffer {
  const stride = width * 3;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    raw[y * (stride + 1)] = 0;
    raw.set(rgb.subarray(y * stride, (y + 1) * stride), y * (stride + 1) + 1);
  }
  const header = Buffer.alloc(13);
  header.writeUInt32BE(width, 0);
  header.writeUInt32BE(height, 4);
  header[8] = 8;
  header[9] = 2;
  return Buffer.concat([
    Buffer.from(PNG_SIGNATURE),
    chunk('IHDR', header),
    chunk('IDAT', deflateSync(raw)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

function chunk(type: string, body: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(body.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), body])), 0);
  return Buffer.concat([head, body, crc]);
}

let crcTable: Uint32Array | undefined;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let c = 0xffffffff;
  for (let i = 0; i < data.length; i++) c = crcTable[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}
