// PNG encoder for 8-bit RGB images: signature, IHDR, one IDAT, IEND.
import { concatBytes } from '../bytes';
import { zlibCompress } from './deflate';

let crcTable: Uint32Array | undefined;

export function crc32(data: Uint8Array, crc = 0): number {
  let table = crcTable;
  if (!table) {
    table = crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      table[n] = c >>> 0;
    }
  }
  let c = ~crc;
  for (let i = 0; i < data.length; i++) c = table[(c ^ data[i]) & 0xff] ^ (c >>> 8);
  return ~c >>> 0;
}

function u32(out: Uint8Array, at: number, v: number): void {
  out[at] = v >>> 24;
  out[at + 1] = (v >>> 16) & 0xff;
  out[at + 2] = (v >>> 8) & 0xff;
  out[at + 3] = v & 0xff;
}

function chunk(type: string, data: Uint8Array): Uint8Array {
  const out = new Uint8Array(12 + data.length);
  u32(out, 0, data.length);
  for (let i = 0; i < 4; i++) out[4 + i] = type.charCodeAt(i);
  out.set(data, 8);
  u32(out, 8 + data.length, crc32(out.subarray(4, 8 + data.length)));
  return out;
}

/**
 * Filters every row with whichever of None, Sub and Up gives the smallest sum of absolute byte
 * values (the usual PNG heuristic): Up turns a row equal to the one above into zeros, Sub turns a
 * flat row into zeros after its first pixel.
 */
function filterRows(width: number, height: number, rgb: Uint8Array): Uint8Array {
  const stride = width * 3;
  const out = new Uint8Array((stride + 1) * height);
  for (let y = 0; y < height; y++) {
    const row = y * stride;
    const at = y * (stride + 1);
    // A row equal to the one above (most rows of a chart) is all zeros under Up: done.
    if (y > 0 && sameAsAbove(rgb, row, stride)) {
      out[at] = 2;
      continue;
    }
    // Cost of a byte as a signed residual: |v| for v read as -128…127. The first pixel has
    // no left neighbour (Sub predicts 0), the first row no row above (Up predicts 0).
    let costNone = 0;
    let costSub = 0;
    let costUp = 0;
    for (let i = 0; i < stride; i++) {
      const v = rgb[row + i];
      costNone += v < 128 ? v : 256 - v;
    }
    for (let i = 0; i < stride; i++) {
      const s = (rgb[row + i] - (i >= 3 ? rgb[row + i - 3] : 0)) & 0xff;
      costSub += s < 128 ? s : 256 - s;
    }
    if (y > 0) {
      for (let i = 0; i < stride; i++) {
        const u = (rgb[row + i] - rgb[row - stride + i]) & 0xff;
        costUp += u < 128 ? u : 256 - u;
      }
    } else {
      costUp = costNone;
    }
    const o = at + 1;
    if (costUp <= costSub && costUp < costNone) {
      out[at] = 2;
      for (let i = 0; i < stride; i++) out[o + i] = rgb[row + i] - rgb[row - stride + i];
    } else if (costSub < costNone) {
      out[at] = 1;
      out.set(rgb.subarray(row, row + 3), o);
      for (let i = 3; i < stride; i++) out[o + i] = rgb[row + i] - rgb[row + i - 3];
    } else {
      out.set(rgb.subarray(row, row + stride), o);
    }
  }
  return out;
}

function sameAsAbove(rgb: Uint8Array, row: number, stride: number): boolean {
  for (let i = 0; i < stride; i++) if (rgb[row + i] !== rgb[row - stride + i]) return false;
  return true;
}

/**
 * Encodes `rgb` (width × height × 3 bytes, rows top to bottom) as a PNG file. With
 * `pixelsPerMetre` a pHYs chunk records the intended print density (3780 is 96 dpi).
 */
export function encodePng(
  width: number,
  height: number,
  rgb: Uint8Array,
  pixelsPerMetre?: number,
): Uint8Array {
  if (rgb.length !== width * height * 3) throw new Error('encodePng: pixel buffer size mismatch');
  const ihdr = new Uint8Array(13);
  u32(ihdr, 0, width);
  u32(ihdr, 4, height);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 2; // colour type: RGB
  // compression 0, filter method 0, interlace none: bytes 10–12 stay 0
  const parts = [
    new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
  ];
  if (pixelsPerMetre !== undefined) {
    const phys = new Uint8Array(9);
    u32(phys, 0, Math.round(pixelsPerMetre));
    u32(phys, 4, Math.round(pixelsPerMetre));
    phys[8] = 1; // unit: metre
    parts.push(chunk('pHYs', phys));
  }
  parts.push(chunk('IDAT', zlibCompress(filterRows(width, height, rgb))));
  parts.push(chunk('IEND', new Uint8Array(0)));
  return concatBytes(parts);
}
