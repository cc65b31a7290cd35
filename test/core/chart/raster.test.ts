import fc from 'fast-check';
import { Canvas, Path } from '../../../src/core/chart/raster';

/** Total ink of a black fill on white: the sum of coverage over all pixels. */
function ink(canvas: Canvas): number {
  let sum = 0;
  for (let i = 0; i < canvas.rgb.length; i += 3) sum += (255 - canvas.rgb[i]) / 255;
  return sum;
}

const BLACK = [0, 0, 0] as const;
const WHITE = [255, 255, 255] as const;

describe('Canvas.fill', () => {
  it('covers exactly the area of any rectangle, at fractional positions', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0, max: 20, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        fc.double({ min: 0.5, max: 15, noNaN: true }),
        (x, y, w, h) => {
          const c = new Canvas(40, 40, WHITE);
          const p = new Path();
          p.rect(x, y, w, h);
          c.fill(p, BLACK);
          // Rounding each pixel to 8 bits costs up to 1/510 per touched pixel.
          expect(Math.abs(ink(c) - w * h)).toBeLessThan(0.01 * (w + 2) * (h + 2));
        },
      ),
    );
  });

  it('covers the area of a slanted triangle and fills a full pixel fully', () => {
    const c = new Canvas(30, 30, WHITE);
    const p = new Path();
    p.moveTo(2.3, 1.7);
    p.lineTo(27.1, 9.4);
    p.lineTo(8.6, 26.2);
    c.fill(p, BLACK);
    const area = Math.abs((27.1 - 2.3) * (26.2 - 1.7) - (8.6 - 2.3) * (9.4 - 1.7)) / 2;
    expect(ink(c)).toBeCloseTo(area, 0);
    expect(c.rgb[(12 * 30 + 10) * 3]).toBe(0);
  });

  it('leaves a hole in a counter-wound contour and caps overlaps at full coverage', () => {
    const c = new Canvas(20, 20, WHITE);
    const p = new Path();
    p.rect(2, 2, 16, 16); // clockwise on screen
    p.moveTo(6, 6); // counter-clockwise inner square
    p.lineTo(6, 14);
    p.lineTo(14, 14);
    p.lineTo(14, 6);
    c.fill(p, BLACK);
    expect(ink(c)).toBeCloseTo(16 * 16 - 8 * 8, 1);
    expect(c.rgb[(10 * 20 + 10) * 3]).toBe(255);
    const d = new Canvas(20, 20, WHITE);
    const q = new Path();
    q.rect(2, 2, 10, 10);
    q.rect(6, 6, 10, 10); // same direction, overlapping
    d.fill(q, BLACK);
    expect(ink(d)).toBeCloseTo(100 + 100 - 36, 1);
  });

  it('blends by coverage and opacity, and ignores what lies outside the canvas', () => {
    const c = new Canvas(4, 4, WHITE);
    const p = new Path();
    p.rect(-10, -10, 11.5, 30); // covers column 0 fully, column 1 half
    c.fill(p, [0, 0, 255], 0.5);
    expect(Array.from(c.rgb.subarray(0, 9))).toEqual([128, 128, 255, 191, 191, 255, 255, 255, 255]);
  });

  it('fills pixel rectangles exactly, clipped to the canvas', () => {
    const c = new Canvas(5, 3, WHITE);
    c.fillRect(3, 1, 10, 10, [10, 20, 30]);
    expect(Array.from(c.rgb.subarray((1 * 5 + 3) * 3, (1 * 5 + 5) * 3))).toEqual([
      10, 20, 30, 10, 20, 30,
    ]);
    expect(Array.from(c.rgb.subarray((1 * 5 + 2) * 3, (1 * 5 + 3) * 3))).toEqual([255, 255, 255]);
    expect(ink(c)).toBeGreaterThan(0);
  });
});

describe('Path.quadTo', () => {
  it('flattens a curve close to the true curve', () => {
    const p = new Path();
    p.moveTo(0, 0);
    p.quadTo(50, 100, 100, 0);
    // The curve's peak is at y = 50; flattened vertices lie on the curve, so the max is close.
    expect(p.maxY).toBeGreaterThan(49.5);
    expect(p.maxY).toBeLessThanOrEqual(50);
    expect(p.segments.length / 4).toBeGreaterThan(8);
  });
});
