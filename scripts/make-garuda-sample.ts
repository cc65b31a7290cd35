/**
 * examples/garuda-sample.png: a stand-in for an office's Garuda, so that the examples and the
 * tests show where the emblem goes and how large it is. It is a plain drawn bird, not the state
 * emblem: an office uploads its own official image (README, docs/memo-format.md).
 *
 *   node scripts/run-ts.mjs scripts/make-garuda-sample.ts
 *
 * 160 × 180 pixels at 300 dpi: 1.36 × 1.52 cm, the size the memo prints it at.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { Canvas, Path } from '../src/core/chart/raster';
import { encodePng } from '../src/core/chart/png';

const W = 160;
const H = 180;
const INK = [20, 20, 20] as const;
const canvas = new Canvas(W, H, [255, 255, 255]);

/** A closed polygon and its mirror image across the vertical centre line. */
function mirrored(points: [number, number][]): void {
  for (const side of [1, -1]) {
    const p = new Path();
    points.forEach(([x, y], i) => {
      // Off the pixel grid by a little: the rasteriser is happiest away from exact edges.
      const px = W / 2 + side * (x - W / 2) + 0.37;
      if (i === 0) p.moveTo(px, y + 0.29);
      else p.lineTo(px, y + 0.29);
    });
    canvas.fill(p, INK);
  }
}

function ellipse(cx: number, cy: number, rx: number, ry: number): void {
  const p = new Path();
  for (let i = 0; i <= 48; i++) {
    const a = (i / 48) * Math.PI * 2;
    const x = cx + rx * Math.cos(a);
    const y = cy + ry * Math.sin(a);
    if (i === 0) p.moveTo(x, y);
    else p.lineTo(x, y);
  }
  canvas.fill(p, INK);
}

// Crown, head and beak.
mirrored([
  [80, 4],
  [88, 22],
  [80, 30],
]);
ellipse(80, 40, 13, 14);
// Body.
ellipse(80, 92, 22, 38);
// Wings raised, feathers stepping down towards the tips.
mirrored([
  [96, 70],
  [150, 30],
  [156, 48],
  [146, 54],
  [154, 70],
  [140, 76],
  [148, 92],
  [128, 96],
  [132, 112],
  [100, 104],
]);
// Arms raised beside the head.
mirrored([
  [92, 60],
  [112, 34],
  [118, 40],
  [98, 66],
]);
// Legs and the tail.
mirrored([
  [86, 124],
  [104, 160],
  [116, 176],
  [94, 170],
  [80, 136],
]);

const png = encodePng(W, H, canvas.rgb, 11811);
writeFileSync(join(__dirname, '..', 'examples', 'garuda-sample.png'), png);
console.log(`examples/garuda-sample.png: ${W}×${H} px, ${png.length} bytes`);
