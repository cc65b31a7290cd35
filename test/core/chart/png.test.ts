import fc from 'fast-check';
import { toSignedBytes } from '../../../src/core/bytes';
import { crc32, encodePng } from '../../../src/core/chart/png';
import { decodePng } from './decode-png';

describe('encodePng', () => {
  it('round-trips random images through an independent decoder', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 40 }),
        fc.integer({ min: 1, max: 40 }),
        fc.boolean(),
        fc.infiniteStream(fc.integer({ min: 0, max: 255 })),
        (w, h, flat, stream) => {
          const it = stream[Symbol.iterator]();
          // Flat images exercise the Up/Sub filters; noisy ones the None filter.
          const rgb = Uint8Array.from({ length: w * h * 3 }, (_, i) =>
            flat ? (i % 3) * 40 + (Math.floor(i / (w * 3)) > h / 2 ? 100 : 0) : it.next().value,
          );
          const img = decodePng(encodePng(w, h, rgb));
          expect([img.width, img.height]).toEqual([w, h]);
          expect(img.rgb).toEqual(rgb);
          expect(img.chunks.every((c) => c.crcOk)).toBe(true);
        },
      ),
      { numRuns: 100 },
    );
  });

  it('writes the chunks in order, with pHYs when asked', () => {
    const png = encodePng(2, 1, new Uint8Array(6), 7560);
    expect(decodePng(png).chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(decodePng(encodePng(2, 1, new Uint8Array(6))).chunks.map((c) => c.type)).toEqual([
      'IHDR',
      'IDAT',
      'IEND',
    ]);
  });

  it('rejects a pixel buffer of the wrong size', () => {
    expect(() => encodePng(2, 2, new Uint8Array(11))).toThrow(/size/);
  });
});

describe('crc32', () => {
  it('matches the standard check value', () => {
    expect(crc32(new TextEncoder().encode('123456789'))).toBe(0xcbf43926);
  });
});

describe('toSignedBytes', () => {
  it('maps 0–255 to the signed bytes Apps Script blobs take', () => {
    expect(toSignedBytes(new Uint8Array([0, 1, 127, 128, 200, 255]))).toEqual([
      0, 1, 127, -128, -56, -1,
    ]);
    const all = Uint8Array.from({ length: 256 }, (_, i) => i);
    expect(Uint8Array.from(toSignedBytes(all).map((b) => b & 0xff))).toEqual(all);
  });
});
