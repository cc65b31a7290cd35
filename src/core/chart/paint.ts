// What every chart draws the same way: a canvas in display pixels times `scale`, labels and
// numbers, the dashed pass line with its label, values on white plates, the axis title.
import { ASCENT, DESCENT, UNITS_PER_EM } from './glyphs.generated';
import { formatHundredths, roundToHundredths } from '../ita/decimal';
import { withDigits } from '../thai/digits';
import { encodePng } from './png';
import { Canvas, Path, Rgb } from './raster';
import { TextRun, addRun, chars, concat, label, runWidth } from './text';

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** Display size in px at scale 1. */
  displayWidth: number;
  displayHeight: number;
}

/** The colours both charts share. */
export const BASE_COLORS = {
  background: [255, 255, 255],
  grid: [226, 230, 235],
  axis: [120, 128, 138],
  tick: [85, 91, 99],
  text: [31, 41, 51],
  threshold: [198, 40, 40],
} satisfies Record<string, Rgb>;

/** The layout both charts share, in display pixels (scale 1). */
export const BASE_LAYOUT = {
  width: 600,
  height: 300,
  plotLeft: 44,
  plotRight: 496,
  plotTop: 52,
  plotBottom: 262,
  tickSize: 11,
  labelSize: 13,
  legendSize: 12,
  thresholdSize: 12,
};

/** A valid scale (default 2) and threshold (default 85, within 0–100) from any input. */
export function chartOptions(input: { scale?: number; threshold?: number }): {
  scale: number;
  threshold: number;
} {
  const scale =
    typeof input.scale === 'number' && isFinite(input.scale) && input.scale > 0 ? input.scale : 2;
  const threshold = clamp(
    typeof input.threshold === 'number' && isFinite(input.threshold) ? input.threshold : 85,
    0,
    100,
  );
  return { scale, threshold };
}

export function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}

/** A score as printed: two decimals, rounded half-up in decimal. */
export function printedScore(raw: number): string {
  return formatHundredths(roundToHundredths(raw) ?? 0);
}

export class Painter {
  readonly canvas: Canvas;
  readonly width: number;
  readonly height: number;

  constructor(
    readonly displayWidth: number,
    readonly displayHeight: number,
    readonly scale: number,
    readonly thaiDigits: boolean,
    background: Rgb,
  ) {
    this.width = Math.max(1, Math.round(displayWidth * scale));
    this.height = Math.max(1, Math.round(displayHeight * scale));
    this.canvas = new Canvas(this.width, this.height, background);
  }

  /** Display pixels to device pixels, snapped to the grid. */
  px(v: number): number {
    return Math.round(v * this.scale);
  }

  /** The office's digits. */
  digits(text: string): string {
    return withDigits(text, this.thaiDigits ? 'thai' : 'arabic');
  }

  text(run: TextRun, x: number, baseline: number, size: number, color: Rgb): void {
    const path = new Path();
    addRun(path, run, x * this.scale, baseline * this.scale, size * this.scale);
    this.canvas.fill(path, color);
  }

  /** Baseline that centres digits (cap height ~0.7 em) on `y`. */
  digitBaseline(y: number, size: number): number {
    return y + 0.35 * size;
  }

  /** A horizontal line of whole device pixels, at least one thick. */
  hline(x0: number, x1: number, y: number, color: Rgb, thickness = 1): void {
    const thick = Math.max(1, this.px(thickness));
    this.canvas.fillRect(this.px(x0), this.px(y), this.px(x1) - this.px(x0), thick, color);
  }

  /**
   * The pass line: dashed from x0 to x1 at height y, labelled `เกณฑ์ ๘๕ คะแนน` after x1 (set
   * smaller rather than clipped when the room is short).
   */
  passLine(
    threshold: number,
    x0: number,
    x1: number,
    y: number,
    labelSize: number,
    color: Rgb,
  ): void {
    const thick = Math.max(1, this.px(1.5));
    const lineY = this.px(y) - Math.floor(thick / 2);
    // Dashes of 6 px, gaps of about 4 px stretched so that both ends are whole dashes.
    const dash = 6;
    const span = x1 - x0;
    const dashes = Math.floor((span + 4) / (dash + 4));
    const gap = (span - dashes * dash) / (dashes - 1);
    for (let i = 0; i < dashes; i++) {
      const x = x0 + i * (dash + gap);
      this.canvas.fillRect(this.px(x), lineY, this.px(x + dash) - this.px(x), thick, color);
    }
    const space = chars('r', ' ');
    const run = concat(
      label('r', 'เกณฑ์'),
      space,
      chars('r', this.digits(printedScore(threshold).replace(/\.?0+$/, ''))),
      space,
      label('r', 'คะแนน'),
    );
    const room = this.displayWidth - (x1 + 5) - 3;
    const size = Math.min(labelSize, (room * labelSize) / runWidth(run, labelSize));
    this.text(run, x1 + 5, this.digitBaseline(y, size), size, color);
  }

  /** A value on a white plate, so no line strikes it through; `baseline` is the text's. */
  plated(run: TextRun, x: number, baseline: number, size: number, color: Rgb, plate: Rgb): void {
    const w = runWidth(run, size);
    const { top: plateTop, bottom: plateBottom } = plateBox(baseline, size);
    this.canvas.fillRect(
      this.px(x - 2),
      this.px(plateTop),
      this.px(x + w + 2) - this.px(x - 2),
      this.px(plateBottom) - this.px(plateTop),
      plate,
    );
    this.text(run, x, baseline, size, color);
  }

  /** Tick labels right-aligned before the plot, with gridlines across it (none on the base). */
  ticks(
    ticks: readonly number[],
    yOf: (v: number) => number,
    plot: { left: number; right: number },
    size: number,
    colors: { grid: Rgb; tick: Rgb },
  ): void {
    ticks.forEach((t, i) => {
      const y = yOf(t);
      if (i > 0) this.hline(plot.left, plot.right, y, colors.grid);
      const run = chars('r', this.digits(String(t)));
      this.text(
        run,
        plot.left - 6 - runWidth(run, size),
        this.digitBaseline(y, size),
        size,
        colors.tick,
      );
    });
  }

  png(): ChartImage {
    return {
      png: encodePng(this.width, this.height, this.canvas.rgb, 3780 * this.scale),
      width: this.width,
      height: this.height,
      displayWidth: this.displayWidth,
      displayHeight: this.displayHeight,
    };
  }
}

/** The white plate behind a value whose baseline is `baseline`: from the digits' top to below. */
export function plateBox(baseline: number, size: number): { top: number; bottom: number } {
  return {
    top: baseline - (ASCENT / UNITS_PER_EM) * size * 0.75,
    bottom: baseline - (DESCENT / UNITS_PER_EM) * size * 0.5,
  };
}

/** Display pixels kept between a value's plate and the pass line. */
const LINE_GAP = 2;

/**
 * Where a bar's value goes: above the bar, on its plate, unless the plate would touch the pass
 * line at `lineY`. Then a bar below the line gets its value inside, under the line, in white;
 * a bar just above it gets its value raised clear of the line.
 */
export function valuePlacement(
  barTop: number,
  lineY: number,
  plotBottom: number,
  size: number,
): { baseline: number; inside: boolean } {
  const above = barTop - 5;
  const box = plateBox(above, size);
  if (box.bottom + LINE_GAP < lineY || box.top - LINE_GAP > lineY)
    return { baseline: above, inside: false };
  const ascent = above - box.top;
  const descent = box.bottom - above;
  const inside = Math.max(lineY + LINE_GAP, barTop + 3) + ascent;
  if (barTop > lineY && inside + descent <= plotBottom) return { baseline: inside, inside: true };
  return { baseline: lineY - LINE_GAP - descent, inside: false };
}
