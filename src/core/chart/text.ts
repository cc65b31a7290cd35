// Text from the generated Sarabun outlines: fixed labels come pre-shaped, numbers are composed
// from single glyphs by their advances (digits, '.', '-' and the space take no Thai marks).
import { ALPHABET, CHARS, GLYPHS, LABELS, QUANTUM, UNITS_PER_EM } from './glyphs.generated';
import { Path } from './raster';

export type Weight = 'r' | 'b';

/** Glyphs placed in font units from the pen origin on the baseline, y up. */
export interface TextRun {
  /** Triples: glyph index, x, y. */
  readonly glyphs: readonly number[];
  readonly advance: number;
}

let digitValue: Int8Array | undefined;
const decoded: (number[] | undefined)[] = [];

/** Decodes a string of numbers written by scripts/make-chart-glyphs.mjs (zigzag, base 32). */
function decodeNumbers(src: string): number[] {
  let values = digitValue;
  if (!values) {
    values = digitValue = new Int8Array(128).fill(-1);
    for (let i = 0; i < ALPHABET.length; i++) values[ALPHABET.charCodeAt(i)] = i;
  }
  const out: number[] = [];
  let z = 0;
  let unit = 1;
  for (let pos = 0; pos < src.length; pos++) {
    const code = src.charCodeAt(pos);
    const d = code < 128 ? values[code] : -1;
    if (d < 0) throw new Error('corrupt chart glyph data');
    z += (d & 31) * unit;
    if (d >= 32) {
      unit *= 32;
      continue;
    }
    out.push(z % 2 === 0 ? z / 2 : -(z + 1) / 2);
    z = 0;
    unit = 1;
  }
  if (unit !== 1) throw new Error('corrupt chart glyph data');
  return out;
}

/**
 * One glyph as absolute commands in font units: 0 x y (move), 1 x y (line), 2 cx cy x y
 * (quadratic). Each glyph is decoded once.
 */
function outline(index: number): number[] {
  const cached = decoded[index];
  if (cached) return cached;
  const nums = decodeNumbers(GLYPHS[index]);
  let pos = 0;
  const next = (): number => {
    if (pos >= nums.length) throw new Error(`corrupt chart glyph ${index}`);
    return nums[pos++];
  };
  const q = (v: number): number => v * QUANTUM;
  const ops: number[] = [];
  let x = 0;
  let y = 0;
  for (let contours = next(); contours > 0; contours--) {
    x += next();
    y += next();
    ops.push(0, q(x), q(y));
    for (let segs = next(); segs > 0; segs--) {
      const first = next();
      const kind = first & 1;
      x += (first - kind) / 2;
      y += next();
      if (kind === 0) {
        ops.push(1, q(x), q(y));
      } else {
        const cx = x;
        const cy = y;
        x += next();
        y += next();
        ops.push(2, q(cx), q(cy), q(x), q(y));
      }
    }
  }
  decoded[index] = ops;
  return ops;
}

/** A pre-shaped label; throws for a label the generator was not asked for. */
export function label(weight: Weight, text: string): TextRun {
  const data = LABELS[`${weight}:${text}`];
  if (data === undefined) throw new Error(`chart label not generated: ${weight}:${text}`);
  const nums = decodeNumbers(data);
  return { advance: nums[0], glyphs: nums.slice(1) };
}

/** A run of single characters (digits, '.', '-', space) placed by their advances. */
export function chars(weight: Weight, text: string): TextRun {
  const glyphs: number[] = [];
  let advance = 0;
  for (const ch of text) {
    const entry = CHARS[weight][ch];
    if (!entry) throw new Error(`chart character not generated: ${JSON.stringify(ch)}`);
    if (entry[0] >= 0) glyphs.push(entry[0], advance, 0);
    advance += entry[1];
  }
  return { glyphs, advance };
}

/** Runs placed one after the other. */
export function concat(...runs: TextRun[]): TextRun {
  const glyphs: number[] = [];
  let advance = 0;
  for (const run of runs) {
    for (let i = 0; i < run.glyphs.length; i += 3) {
      glyphs.push(run.glyphs[i], run.glyphs[i + 1] + advance, run.glyphs[i + 2]);
    }
    advance += run.advance;
  }
  return { glyphs, advance };
}

/** Width in pixels at `size` pixels per em. */
export function runWidth(run: TextRun, size: number): number {
  return (run.advance * size) / UNITS_PER_EM;
}

/** Adds the run's outlines to `path` with its pen origin at (x, baseline), `size` px per em. */
export function addRun(path: Path, run: TextRun, x: number, baseline: number, size: number): void {
  const k = size / UNITS_PER_EM;
  const g = run.glyphs;
  for (let i = 0; i < g.length; i += 3) {
    const ops = outline(g[i]);
    const gx = x + g[i + 1] * k;
    const gy = baseline - g[i + 2] * k;
    for (let j = 0; j < ops.length;) {
      const op = ops[j];
      if (op === 0) {
        path.moveTo(gx + ops[j + 1] * k, gy - ops[j + 2] * k);
        j += 3;
      } else if (op === 1) {
        path.lineTo(gx + ops[j + 1] * k, gy - ops[j + 2] * k);
        j += 3;
      } else {
        path.quadTo(
          gx + ops[j + 1] * k,
          gy - ops[j + 2] * k,
          gx + ops[j + 3] * k,
          gy - ops[j + 4] * k,
        );
        j += 5;
      }
    }
  }
  path.close();
}
