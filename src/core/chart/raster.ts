// A small anti-aliasing rasteriser over an RGB buffer. Paths are flattened to line segments;
// each fill accumulates the signed area every segment covers in each pixel (the font-rs
// method), then a running sum along each row gives the pixel's coverage. Coverage is
// min(1, |winding area|): exact for the non-overlapping outlines drawn here, and the same as
// nonzero winding where same-direction contours overlap (as glyphs of one label may).

export type Rgb = readonly [number, number, number];

/** A path in device pixels, kept as line segments (x0, y0, x1, y1) plus its bounding box. */
export class Path {
  readonly segments: number[] = [];
  minX = Infinity;
  minY = Infinity;
  maxX = -Infinity;
  maxY = -Infinity;
  private startX = 0;
  private startY = 0;
  private x = 0;
  private y = 0;
  private open = false;

  moveTo(x: number, y: number): void {
    this.close();
    this.startX = this.x = x;
    this.startY = this.y = y;
    this.extend(x, y);
    this.open = true;
  }

  lineTo(x: number, y: number): void {
    if (x !== this.x || y !== this.y) {
      this.segments.push(this.x, this.y, x, y);
      this.extend(x, y);
    }
    this.x = x;
    this.y = y;
  }

  /** Quadratic Bézier, split into enough lines to keep within ~0.1 px of the curve. */
  quadTo(cx: number, cy: number, x: number, y: number): void {
    const x0 = this.x;
    const y0 = this.y;
    const ddx = x0 - 2 * cx + x;
    const ddy = y0 - 2 * cy + y;
    const dev = ddx * ddx + ddy * ddy;
    if (dev < 0.333) {
      this.lineTo(x, y);
      return;
    }
    const n = 1 + Math.floor(Math.sqrt(Math.sqrt(3 * dev)));
    for (let i = 1; i < n; i++) {
      const t = i / n;
      const u = 1 - t;
      this.lineTo(u * u * x0 + 2 * u * t * cx + t * t * x, u * u * y0 + 2 * u * t * cy + t * t * y);
    }
    this.lineTo(x, y);
  }

  close(): void {
    if (this.open) this.lineTo(this.startX, this.startY);
    this.open = false;
  }

  rect(x: number, y: number, w: number, h: number): void {
    this.moveTo(x, y);
    this.lineTo(x + w, y);
    this.lineTo(x + w, y + h);
    this.lineTo(x, y + h);
    this.close();
  }

  private extend(x: number, y: number): void {
    if (x < this.minX) this.minX = x;
    if (x > this.maxX) this.maxX = x;
    if (y < this.minY) this.minY = y;
    if (y > this.maxY) this.maxY = y;
  }
}

export class Canvas {
  readonly rgb: Uint8Array;
  /** Area accumulation buffer, reused between fills and left zeroed after each. */
  private acc = new Float32Array(0);

  constructor(
    readonly width: number,
    readonly height: number,
    background: Rgb,
  ) {
    this.rgb = new Uint8Array(width * height * 3);
    for (let i = 0; i < width * 3; i += 3) this.rgb.set(background, i);
    for (let y = 1; y < height; y++) this.rgb.copyWithin(y * width * 3, 0, width * 3);
  }

  fill(path: Path, color: Rgb, opacity = 1): void {
    path.close();
    if (path.segments.length === 0) return;
    const ox = Math.floor(path.minX);
    const oy = Math.floor(path.minY);
    // Two spare columns: a segment touches the pixel right of its rightmost one.
    const w = Math.ceil(path.maxX) - ox + 2;
    const h = Math.ceil(path.maxY) - oy;
    if (w * h > this.acc.length) this.acc = new Float32Array(w * h);
    const acc = this.acc;
    const segs = path.segments;
    for (let i = 0; i < segs.length; i += 4) {
      accumulateLine(acc, w, h, segs[i] - ox, segs[i + 1] - oy, segs[i + 2] - ox, segs[i + 3] - oy);
    }
    const [r, g, b] = color;
    const rgb = this.rgb;
    for (let y = 0; y < h; y++) {
      const py = oy + y;
      const inside = py >= 0 && py < this.height;
      let sum = 0;
      for (let x = 0; x < w; x++) {
        const i = y * w + x;
        sum += acc[i];
        acc[i] = 0;
        const px = ox + x;
        if (!inside || px < 0 || px >= this.width) continue;
        let a = sum < 0 ? -sum : sum;
        if (a < 1 / 512) continue;
        if (a > 1) a = 1;
        a *= opacity;
        const p = (py * this.width + px) * 3;
        rgb[p] = Math.round(rgb[p] + (r - rgb[p]) * a);
        rgb[p + 1] = Math.round(rgb[p + 1] + (g - rgb[p + 1]) * a);
        rgb[p + 2] = Math.round(rgb[p + 2] + (b - rgb[p + 2]) * a);
      }
    }
  }

  /** Fills whole pixels: x, y, w, h are rounded to integers (callers snap to the pixel grid). */
  fillRect(x: number, y: number, w: number, h: number, color: Rgb): void {
    const x0 = Math.max(0, Math.round(x));
    const y0 = Math.max(0, Math.round(y));
    const x1 = Math.min(this.width, Math.round(x + w));
    const y1 = Math.min(this.height, Math.round(y + h));
    if (x1 <= x0 || y1 <= y0) return;
    const rgb = this.rgb;
    const start = (y0 * this.width + x0) * 3;
    const end = (y0 * this.width + x1) * 3;
    for (let p = start; p < end; p += 3) rgb.set(color, p);
    const stride = this.width * 3;
    for (let yy = y0 + 1; yy < y1; yy++) rgb.copyWithin(start + (yy - y0) * stride, start, end);
  }
}

/**
 * Adds the signed area of one line segment to the accumulation buffer (w × h, the segment in
 * its local coordinates, x ≥ 0, 0 ≤ y ≤ h). After a running sum along a row, each cell holds
 * the winding-weighted coverage of its pixel. Adapted from font-rs (Apache-2.0).
 */
function accumulateLine(
  acc: Float32Array,
  w: number,
  h: number,
  ax: number,
  ay: number,
  bx: number,
  by: number,
): void {
  if (ay === by) return;
  // Walk downwards; the direction becomes the sign of the area.
  const dir = ay < by ? 1 : -1;
  const x0 = ay < by ? ax : bx;
  const y0 = ay < by ? ay : by;
  const x1 = ay < by ? bx : ax;
  const y1 = ay < by ? by : ay;
  const dxdy = (x1 - x0) / (y1 - y0);
  let x = x0;
  const yEnd = Math.min(h, Math.ceil(y1));
  for (let y = Math.max(0, Math.floor(y0)); y < yEnd; y++) {
    const row = y * w;
    const dy = Math.min(y + 1, y1) - Math.max(y, y0);
    const xprev = x;
    const xnext = x + dxdy * dy;
    x = xnext;
    const d = dy * dir;
    const left = xprev < xnext ? xprev : xnext;
    const right = xprev < xnext ? xnext : xprev;
    const li = Math.floor(left);
    const ri = Math.ceil(right);
    if (li < 0) continue; // only from float error at the box's left edge
    if (ri <= li + 1) {
      // Within one pixel column: split by the segment's mean x.
      const xmf = 0.5 * (xprev + xnext) - li;
      acc[row + li] += d - d * xmf;
      acc[row + li + 1] += d * xmf;
    } else {
      const s = 1 / (right - left);
      const lf = left - li;
      const a0 = 0.5 * s * (1 - lf) * (1 - lf);
      const rf = right - ri + 1;
      const am = 0.5 * s * rf * rf;
      acc[row + li] += d * a0;
      if (ri === li + 2) {
        acc[row + li + 1] += d * (1 - a0 - am);
      } else {
        const a1 = s * (1.5 - lf);
        acc[row + li + 1] += d * (a1 - a0);
        for (let xi = li + 2; xi < ri - 1; xi++) acc[row + xi] += d * s;
        const a2 = a1 + (ri - li - 3) * s;
        acc[row + ri - 1] += d * (1 - a2 - am);
      }
      acc[row + ri] += d * am;
    }
  }
}
