import { deflateSync, inflateSync } from 'node:zlib';
import { imageKind, pdfImageBytes, writeRgbPng } from '../../src/local/render/images';
import { renderPdf } from '../../src/local/render';
import { makePng } from '../fixtures/seed-memo';
import { baseModel, testImage } from './fixtures';

/** Header fields and RGB pixels of an 8-bit RGB PNG whose rows use filter 0. */
function readRgb(png: Buffer) {
  const width = png.readUInt32BE(16);
  const height = png.readUInt32BE(20);
  const colorType = png[25];
  const interlace = png[28];
  let pos = 8;
  const idat: Buffer[] = [];
  while (pos < png.length) {
    const len = png.readUInt32BE(pos);
    if (png.toString('latin1', pos + 4, pos + 8) === 'IDAT')
      idat.push(png.subarray(pos + 8, pos + 8 + len));
    pos += 12 + len;
  }
  const raw = inflateSync(Buffer.concat(idat));
  const pixel = (x: number, y: number) => {
    const at = y * (width * 3 + 1) + 1 + x * 3;
    return [raw[at], raw[at + 1], raw[at + 2]];
  };
  return { width, height, colorType, interlace, pixel };
}

function chunk(type: string, data: Buffer): Buffer {
  // PNG's CRC-32 over the chunk type and data.
  let c = 0xffffffff;
  for (const byte of Buffer.concat([Buffer.from(type, 'latin1'), data])) {
    c ^= byte;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
  }
  const out = Buffer.alloc(12 + data.length);
  out.writeUInt32BE(data.length, 0);
  out.write(type, 4, 'latin1');
  data.copy(out, 8);
  out.writeUInt32BE((c ^ 0xffffffff) >>> 0, 8 + data.length);
  return out;
}

/** A 2×2 palette PNG (1 bit per pixel) whose second colour is transparent. */
function palettePng(): Buffer {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(2, 0);
  ihdr.writeUInt32BE(2, 4);
  ihdr[8] = 1;
  ihdr[9] = 3;
  // Rows: filter 0, then pixels 0,1 (0b01000000) and 1,0 (0b10000000).
  const rows = Buffer.from([0, 0b01000000, 0, 0b10000000]);
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('PLTE', Buffer.from([255, 0, 0, 0, 0, 255])),
    chunk('tRNS', Buffer.from([255, 0])),
    chunk('IDAT', deflateSync(rows)),
    chunk('IEND', Buffer.alloc(0)),
  ]);
}

describe('pdfImageBytes', () => {
  it('flattens an RGBA PNG onto white paper as plain RGB (pdfkit embeds it synchronously)', () => {
    const rgba = makePng(3, 1, (x) =>
      x === 0 ? [0, 0, 255, 255] : x === 1 ? [0, 0, 0, 0] : [255, 0, 0, 128],
    );
    const out = readRgb(pdfImageBytes(rgba)!);
    expect(out.colorType).toBe(2);
    expect(out.pixel(0, 0)).toEqual([0, 0, 255]);
    expect(out.pixel(1, 0)).toEqual([255, 255, 255]);
    expect(out.pixel(2, 0)).toEqual([255, 127, 127]);
  });

  it('resolves a palette and its transparent entry', () => {
    const out = readRgb(pdfImageBytes(palettePng())!);
    expect([out.width, out.height]).toEqual([2, 2]);
    expect(out.pixel(0, 0)).toEqual([255, 0, 0]);
    expect(out.pixel(1, 0)).toEqual([255, 255, 255]);
    expect(out.pixel(0, 1)).toEqual([255, 255, 255]);
  });

  it('leaves plain PNG and JPEG bytes alone and refuses anything else', () => {
    const plain = writeRgbPng(1, 1, new Uint8Array([1, 2, 3]));
    expect(pdfImageBytes(plain)).toBe(plain);
    const jpeg = Buffer.from([0xff, 0xd8, 0xff, 0xe0, 0, 0x10]);
    expect(pdfImageBytes(jpeg)).toBe(jpeg);
    expect(imageKind(Buffer.from('GIF89a......'))).toBeNull();
    expect(pdfImageBytes(Buffer.from('not an image at all'))).toBeNull();
  });
});

describe('images in the PDF', () => {
  it('draws a placeholder for an unreadable image instead of failing', () => {
    const broken = { ...testImage(), data: Buffer.from('GIF89a not really').toString('base64') };
    const pdf = renderPdf(
      baseModel([{ type: 'paragraph', style: {}, textStyle: {}, children: [broken] }]),
    );
    expect(Buffer.from(pdf).toString('latin1')).toContain('%%EOF');
  });
});
