// The scores chart: five columns (the four tools and the overall ITA) on a 0–100 axis, with the
// pass line drawn across. Layout is in display pixels (600 × 300) and multiplied by `scale`.
import {
  BASE_COLORS,
  BASE_LAYOUT,
  chartOptions,
  clamp,
  printedScore,
  Painter,
  type ChartImage,
  valuePlacement,
} from './paint';
import type { Rgb } from './raster';
import { TextRun, Weight, chars, label, runWidth } from './text';

export type { ChartImage } from './paint';

export type ChartBarKey = 'IIT' | 'EIT1' | 'EIT2' | 'OIT' | 'ITA';

export interface ScoreChartInput {
  /** 0–100, two decimals; a missing (or non-finite) score draws no bar, its label stays. */
  scores: Partial<Record<ChartBarKey, number>>;
  /** The pass line, default 85: a dashed line labelled with its value. */
  threshold?: number;
  /** Numbers (bar values, axis ticks, the threshold label) in Thai digits ๐–๙, else 0–9. */
  thaiDigits: boolean;
  /** Pixel density multiplier, default 2 (for crisp print). */
  scale?: number;
}

export const BAR_KEYS: readonly ChartBarKey[] = ['IIT', 'EIT1', 'EIT2', 'OIT', 'ITA'];

/** Category labels per bar; each must be listed in scripts/make-chart-glyphs.mjs. */
const BAR_LABELS: Record<ChartBarKey, { thai: string; arabic: string; weight: Weight }> = {
  IIT: { thai: 'IIT', arabic: 'IIT', weight: 'r' },
  EIT1: { thai: 'EIT ส่วนที่ ๑', arabic: 'EIT ส่วนที่ 1', weight: 'r' },
  EIT2: { thai: 'EIT ส่วนที่ ๒', arabic: 'EIT ส่วนที่ 2', weight: 'r' },
  OIT: { thai: 'OIT', arabic: 'OIT', weight: 'r' },
  ITA: { thai: 'ITA ภาพรวม', arabic: 'ITA ภาพรวม', weight: 'b' },
};

export const COLORS = {
  ...BASE_COLORS,
  pass: [79, 124, 172], // steel blue
  passOverall: [31, 59, 99], // navy
  below: [224, 160, 48], // amber
  belowOverall: [168, 112, 15], // dark amber
} satisfies Record<string, Rgb>;

/** Display-pixel layout (scale 1). */
export const LAYOUT = { ...BASE_LAYOUT, barWidth: 50, valueSize: 13 };

const TICKS = [0, 20, 40, 60, 80, 100];

export function renderScoreChart(input: ScoreChartInput): ChartImage {
  const { scale, threshold } = chartOptions(input);
  const L = LAYOUT;
  const paint = new Painter(L.width, L.height, scale, input.thaiDigits, COLORS.background);
  const { canvas } = paint;
  const px = (v: number): number => paint.px(v);
  const yOf = (score: number): number =>
    L.plotBottom - ((L.plotBottom - L.plotTop) * clamp(score, 0, 100)) / 100;

  paint.ticks(TICKS, yOf, { left: L.plotLeft, right: L.plotRight }, L.tickSize, COLORS);
  paint.text(label('r', 'คะแนน'), 8, L.plotTop - 26, L.legendSize, COLORS.tick);

  // Bars and their category labels.
  const slot = (L.plotRight - L.plotLeft) / BAR_KEYS.length;
  const values: { run: TextRun; x: number; top: number }[] = [];
  /** The kinds of bar drawn, for the legend: tools that pass, tools below, the overall bar. */
  const shown = { pass: false, below: false, overall: null as Rgb | null };
  BAR_KEYS.forEach((key, i) => {
    const centre = L.plotLeft + slot * (i + 0.5);
    const spec = BAR_LABELS[key];
    const name = label(spec.weight, input.thaiDigits ? spec.thai : spec.arabic);
    const nameWidth = runWidth(name, L.labelSize);
    paint.text(name, centre - nameWidth / 2, L.plotBottom + 20, L.labelSize, COLORS.text);

    const raw: unknown = input.scores[key];
    if (typeof raw !== 'number' || !isFinite(raw)) return;
    // Judge the published (rounded) figure, so a bar printed 85.00 is never amber.
    const printed = printedScore(raw);
    const score = Number(printed);
    const pass = score >= threshold;
    const overall = key === 'ITA';
    const color = pass
      ? overall
        ? COLORS.passOverall
        : COLORS.pass
      : overall
        ? COLORS.belowOverall
        : COLORS.below;
    if (overall) shown.overall = color;
    else if (pass) shown.pass = true;
    else shown.below = true;
    const x0 = px(centre - L.barWidth / 2);
    const x1 = px(centre + L.barWidth / 2);
    const top = px(yOf(score));
    canvas.fillRect(x0, top, x1 - x0, px(L.plotBottom) - top, color);
    const run = chars('b', paint.digits(printed));
    values.push({ run, x: centre - runWidth(run, L.valueSize) / 2, top: yOf(score) });
  });

  // Baseline axis over the bars' feet.
  paint.hline(L.plotLeft, L.plotRight, L.plotBottom, COLORS.axis);

  // The pass line: dashed, across the plot, labelled at its right end.
  paint.passLine(
    threshold,
    L.plotLeft,
    L.plotRight,
    yOf(threshold),
    L.thresholdSize,
    COLORS.threshold,
  );

  // Values above the bars, on a white plate so the dashed line cannot strike them through; a
  // value whose plate would rest on the line goes clear of it (valuePlacement).
  for (const v of values) {
    const at = valuePlacement(v.top, yOf(threshold), L.plotBottom, L.valueSize);
    if (at.inside) paint.text(v.run, v.x, at.baseline, L.valueSize, COLORS.background);
    else paint.plated(v.run, v.x, at.baseline, L.valueSize, COLORS.text, COLORS.background);
  }

  // Legend, top right: an entry for each kind of bar drawn, and none for a kind not drawn.
  const legend: [Rgb, TextRun][] = [];
  if (shown.pass) legend.push([COLORS.pass, label('r', 'ผ่านเกณฑ์')]);
  if (shown.below) legend.push([COLORS.below, label('r', 'ต่ำกว่าเกณฑ์')]);
  if (shown.overall) legend.push([shown.overall, label('r', 'ITA ภาพรวม')]);
  const swatch = 10;
  let lx = L.plotRight;
  for (let i = legend.length - 1; i >= 0; i--) {
    const [color, run] = legend[i];
    lx -= runWidth(run, L.legendSize);
    paint.text(run, lx, 22, L.legendSize, COLORS.text);
    lx -= swatch + 5;
    canvas.fillRect(px(lx), px(22 - swatch + 1), px(swatch), px(swatch), color);
    lx -= 16;
  }

  return paint.png();
}
