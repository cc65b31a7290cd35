// The trend chart: the overall ITA and each tool's score over the fiscal years, one line per
// series with its own colour and marker (told apart in grey print too), against the pass line.
// Layout is in display pixels (600 × 300), like the scores chart, multiplied by `scale`.
import {
  BASE_COLORS,
  BASE_LAYOUT,
  chartOptions,
  clamp,
  printedScore,
  Painter,
  type ChartImage,
} from './paint';
import { Path, type Rgb } from './raster';
import { TextRun, chars, label, runWidth } from './text';

export type TrendKey = 'ITA' | 'IIT' | 'EIT' | 'OIT';

export interface TrendChartInput {
  /** Buddhist-Era years, ascending: one position on the axis each. */
  years: readonly number[];
  /** Per series, one score per year (0–100); null or a non-finite value: no point that year. */
  series: Partial<Record<TrendKey, readonly (number | null)[]>>;
  /** The pass line, default 85. */
  threshold?: number;
  /** Numbers (years, ticks, values, the threshold label) in Thai digits ๐–๙, else 0–9. */
  thaiDigits: boolean;
  /** Pixel density multiplier, default 2. */
  scale?: number;
}

type Marker = 'circle' | 'square' | 'triangle' | 'diamond';

interface SeriesStyle {
  color: Rgb;
  /** Line width, display px. */
  width: number;
  marker: Marker;
  /** Marker radius, display px. */
  radius: number;
  legend: TextRun;
}

/** Drawing order: the tools first, the overall score on top. */
export const TREND_KEYS: readonly TrendKey[] = ['IIT', 'EIT', 'OIT', 'ITA'];
/** Legend order. */
const LEGEND_KEYS: readonly TrendKey[] = ['ITA', 'IIT', 'EIT', 'OIT'];

export const TREND_COLORS = {
  ...BASE_COLORS,
  ITA: [31, 59, 99], // navy
  IIT: [0, 128, 128], // teal
  EIT: [214, 132, 0], // amber
  OIT: [123, 63, 160], // purple
} satisfies Record<string, Rgb>;

/** Display-pixel layout (scale 1). */
export const TREND_LAYOUT = { ...BASE_LAYOUT, valueSize: 12 };

function styles(): Record<TrendKey, SeriesStyle> {
  const C = TREND_COLORS;
  return {
    ITA: {
      color: C.ITA,
      width: 2.5,
      marker: 'circle',
      radius: 4.5,
      legend: label('b', 'ITA ภาพรวม'),
    },
    IIT: { color: C.IIT, width: 1.75, marker: 'square', radius: 3.5, legend: label('r', 'IIT') },
    EIT: { color: C.EIT, width: 1.75, marker: 'triangle', radius: 4.5, legend: label('r', 'EIT') },
    OIT: { color: C.OIT, width: 1.75, marker: 'diamond', radius: 4.5, legend: label('r', 'OIT') },
  };
}

/** The lowest tick: a multiple of 10 at least 5 below every value and the pass line, 0–80. */
export function axisFloor(values: readonly number[], threshold: number): number {
  const lowest = Math.min(threshold, ...values);
  return clamp(Math.floor((lowest - 5) / 10) * 10, 0, 80);
}

function points(values: readonly (number | null)[] | undefined, n: number): (number | null)[] {
  return Array.from({ length: n }, (_, i) => {
    const v = values?.[i];
    // Judged and drawn as printed, like the scores chart.
    return typeof v === 'number' && isFinite(v) ? Number(printedScore(clamp(v, 0, 100))) : null;
  });
}

/** A thick polyline as one quad per segment (same orientation, so overlaps fill once). */
function strokeSegments(path: Path, xs: number[], ys: number[], half: number): void {
  for (let i = 1; i < xs.length; i++) {
    const dx = xs[i] - xs[i - 1];
    const dy = ys[i] - ys[i - 1];
    const len = Math.hypot(dx, dy) || 1;
    const nx = (-dy / len) * half;
    const ny = (dx / len) * half;
    path.moveTo(xs[i - 1] + nx, ys[i - 1] + ny);
    path.lineTo(xs[i] + nx, ys[i] + ny);
    path.lineTo(xs[i] - nx, ys[i] - ny);
    path.lineTo(xs[i - 1] - nx, ys[i - 1] - ny);
    path.close();
  }
}

function markerPath(marker: Marker, x: number, y: number, r: number): Path {
  const path = new Path();
  const corners: [number, number][] =
    marker === 'square'
      ? [
          [-r, -r],
          [r, -r],
          [r, r],
          [-r, r],
        ]
      : marker === 'triangle'
        ? [
            [0, -r * 1.15],
            [r, r * 0.75],
            [-r, r * 0.75],
          ]
        : marker === 'diamond'
          ? [
              [0, -r],
              [r, 0],
              [0, r],
              [-r, 0],
            ]
          : Array.from({ length: 24 }, (_, i): [number, number] => [
              r * Math.cos((i * Math.PI) / 12),
              r * Math.sin((i * Math.PI) / 12),
            ]);
  corners.forEach(([cx, cy], i) =>
    i === 0 ? path.moveTo(x + cx, y + cy) : path.lineTo(x + cx, y + cy),
  );
  path.close();
  return path;
}

export function renderTrendChart(input: TrendChartInput): ChartImage {
  const { scale, threshold } = chartOptions(input);
  const L = TREND_LAYOUT;
  const C = TREND_COLORS;
  const paint = new Painter(L.width, L.height, scale, input.thaiDigits, C.background);
  const years = (Array.isArray(input.years) ? input.years : []).filter(
    (y): y is number => typeof y === 'number' && isFinite(y),
  );
  const n = years.length;
  const series: Partial<Record<TrendKey, (number | null)[]>> = {};
  for (const key of TREND_KEYS) {
    const values = points(input.series?.[key], n);
    if (values.some((v) => v !== null)) series[key] = values;
  }
  const all = Object.values(series).flatMap((v) => v.filter((x): x is number => x !== null));
  const floor = axisFloor(all, threshold);
  const step = 100 - floor <= 40 ? 5 : 10;
  const ticks: number[] = [];
  for (let t = floor; t <= 100; t += step) ticks.push(t);
  const yOf = (v: number): number =>
    L.plotBottom - ((L.plotBottom - L.plotTop) * (clamp(v, floor, 100) - floor)) / (100 - floor);
  const slot = (L.plotRight - L.plotLeft) / Math.max(n, 1);
  const xOf = (i: number): number => L.plotLeft + slot * (i + 0.5);

  paint.ticks(ticks, yOf, { left: L.plotLeft, right: L.plotRight }, L.tickSize, C);
  paint.text(label('r', 'คะแนน'), 8, L.plotTop - 26, L.legendSize, C.tick);
  paint.hline(L.plotLeft, L.plotRight, L.plotBottom, C.axis);
  years.forEach((year, i) => {
    const run = chars('r', paint.digits(String(year)));
    paint.text(
      run,
      xOf(i) - runWidth(run, L.labelSize) / 2,
      L.plotBottom + 20,
      L.labelSize,
      C.text,
    );
  });
  paint.text(label('r', 'ปีงบประมาณ'), L.plotRight + 5, L.plotBottom + 20, L.legendSize, C.tick);
  paint.passLine(threshold, L.plotLeft, L.plotRight, yOf(threshold), L.thresholdSize, C.threshold);

  // Lines between consecutive years that both have a score, then the markers over them.
  const style = styles();
  const s = paint.scale;
  for (const key of TREND_KEYS) {
    const values = series[key];
    if (!values) continue;
    const { color, width, marker, radius } = style[key];
    const path = new Path();
    for (let i = 1; i < n; i++) {
      const a = values[i - 1];
      const b = values[i];
      if (a === null || b === null) continue;
      strokeSegments(path, [xOf(i - 1) * s, xOf(i) * s], [yOf(a) * s, yOf(b) * s], (width * s) / 2);
    }
    paint.canvas.fill(path, color);
    values.forEach((v, i) => {
      if (v === null) return;
      // A white ring keeps a marker apart from the lines it sits on.
      paint.canvas.fill(
        markerPath(marker, xOf(i) * s, yOf(v) * s, (radius + 1.5) * s),
        C.background,
      );
      paint.canvas.fill(markerPath(marker, xOf(i) * s, yOf(v) * s, radius * s), color);
    });
  }

  // The overall score's values, above or below each point, whichever stays clear of the other
  // series' markers at that year (above when both are clear).
  series.ITA?.forEach((v, i) => {
    if (v === null) return;
    const run = chars('b', paint.digits(printedScore(v)));
    const x = xOf(i) - runWidth(run, L.valueSize) / 2;
    const others = TREND_KEYS.filter((k) => k !== 'ITA')
      .map((k) => series[k]?.[i] ?? null)
      .filter((o): o is number => o !== null)
      .map(yOf);
    const candidates = [yOf(v) - 9, yOf(v) + 9 + L.valueSize * 0.8].filter(
      (b) => b - L.valueSize > L.plotTop - 20 && b < L.plotBottom - 2,
    );
    const clearance = (baseline: number): number => {
      const top = baseline - L.valueSize * 0.85 - 5;
      const bottom = baseline + L.valueSize * 0.15 + 5;
      return Math.min(
        Infinity,
        ...others.map((y) => (y < top ? top - y : y > bottom ? y - bottom : -1)),
      );
    };
    const baseline = candidates.reduce(
      (best, b) => (clearance(b) > clearance(best) && clearance(best) < 0 ? b : best),
      candidates[0] ?? yOf(v) - 9,
    );
    paint.plated(run, x, baseline, L.valueSize, C.ITA, C.background);
  });

  // Legend, top right: a line with its marker, then the series' name, for every series shown.
  const swatch = 20;
  let lx = L.plotRight;
  for (let i = LEGEND_KEYS.length - 1; i >= 0; i--) {
    const key = LEGEND_KEYS[i];
    if (!series[key]) continue;
    const { color, width, marker, radius, legend } = style[key];
    lx -= runWidth(legend, L.legendSize);
    paint.text(legend, lx, 22, L.legendSize, C.text);
    lx -= swatch + 5;
    const cy = 22 - L.legendSize * 0.35;
    const line = new Path();
    strokeSegments(line, [lx * s, (lx + swatch) * s], [cy * s, cy * s], (width * s) / 2);
    paint.canvas.fill(line, color);
    paint.canvas.fill(
      markerPath(marker, (lx + swatch / 2) * s, cy * s, Math.min(radius, 4) * s),
      color,
    );
    lx -= 14;
  }

  return paint.png();
}
