import fc from 'fast-check';
import { inflateRawSync, inflateSync } from 'node:zlib';
import { adler32, deflateRaw, zlibCompress } from '../../../src/core/chart/deflate';

const roundTrip = (data: Uint8Array): Uint8Array => new Uint8Array(inflateSync(zlibCompress(data)));

/** Byte arrays with long repeats and runs, the kind of input where LZ77 matches matter. */
const repetitive = fc
  .array(
    fc.oneof(
      fc.uint8Array({ maxLength: 40 }),
      fc
        .tuple(fc.integer({ min: 0, max: 255 }), fc.integer({ min: 1, max: 1200 }))
        .map(([b, n]) => new Uint8Array(n).fill(b)),
    ),
    { maxLength: 30 },
  )
  .chain((parts) =>
    // Repeat earlier parts at random later positions, near and far.
    fc.array(fc.nat(), { maxLength: 10 }).map((picks) => {
      const all = [...parts];
      for (const p of picks) if (all.length > 0) all.push(all[p % all.length]);
      const out = new Uint8Array(all.reduce((n, a) => n + a.length, 0));
      let at = 0;
      for (const a of all) {
        out.set(a, at);
        at += a.length;
      }
      return out;
    }),
  );

describe('zlibCompress', () => {
  it('round-trips random bytes through Node zlib', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 5000 }), (data) => {
        expect(roundTrip(data)).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('round-trips repetitive bytes and compresses them', () => {
    fc.assert(
      fc.property(repetitive, (data) => {
        expect(roundTrip(data)).toEqual(data);
        expect(new Uint8Array(inflateRawSync(deflateRaw(data)))).toEqual(data);
      }),
      { numRuns: 200 },
    );
  });

  it('handles empty input, long runs and matches across the 32 KB window', () => {
    expect(roundTrip(new Uint8Array(0))).toEqual(new Uint8Array(0));
    const zeros = new Uint8Array(1_000_000);
    const z = zlibCompress(zeros);
    expect(z.length).toBeLessThan(7000);
    expect(roundTrip(zeros)).toEqual(zeros);
    const block = Uint8Array.from({ length: 30_000 }, (_, i) => (i * 7919) % 251);
    const twice = new Uint8Array(70_000);
    twice.set(block, 0);
    twice.set(block, 32_000); // distance 32000: inside the window
    expect(roundTrip(twice)).toEqual(twice);
    expect(zlibCompress(twice).length).toBeLessThan(45_000);
  });

  it('falls back to stored blocks for incompressible data (several 64 KB blocks)', () => {
    let seed = 12345;
    const noise = Uint8Array.from({ length: 200_000 }, () => {
      seed = (seed * 1103515245 + 12345) >>> 0;
      return seed >>> 24;
    });
    const z = zlibCompress(noise);
    expect(z.length).toBeLessThanOrEqual(noise.length + 6 + 5 * 4);
    expect(roundTrip(noise)).toEqual(noise);
  });

  it('writes a valid zlib header', () => {
    const z = zlibCompress(new Uint8Array([1, 2, 3]));
    expect(z[0] & 0x0f).toBe(8);
    expect(((z[0] << 8) | z[1]) % 31).toBe(0);
  });
});

describe('adler32', () => {
  it('matches known values', () => {
    expect(adler32(new Uint8Array(0))).toBe(1);
    expect(adler32(new TextEncoder().encode('Wikipedia'))).toBe(0x11e60398);
    // Large enough to need the modulo inside the loop.
    const big = new Uint8Array(100_000).fill(255);
    let a = 1;
    let b = 0;
    for (const x of big) {
      a = (a + x) % 65521;
      b = (b + a) % 65521;
    }
    expect(adler32(big)).toBe(((b << 16) | a) >>> 0);
  });
});
