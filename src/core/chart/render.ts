// The scores chart: five columns (the four tools and the overall ITA) on a 0–100 axis, with the
// pass line drawn across. Layout is in display pixels (600 × 300) and multiplied by `scale`.
import { ASCENT, DESCENT, UNITS_PER_EM } from './glyphs.generated';
import { formatHundredths, roundToHundredths } from '../ita/decimal';
import { withDigits } from '../thai/digits';
import { encodePng } from './png';
import { Canvas, Path, Rgb } from './raster';
import { TextRun, Weight, addRun, chars, concat, label, runWidth } from './text';

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

export interface ChartImage {
  png: Uint8Array;
  width: number;
  height: number;
  /** Display size in px at scale 1. */
  displayWidth: number;
  displayHeight: number;
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
  background: [255, 255, 255],
  grid: [226, 230, 235],
  axis: [120, 128, 138],
  tick: [85, 91, 99],
  text: [31, 41, 51],
  pass: [79, 124, 172], // steel blue
  passOverall: [31, 59, 99], // navy
  below: [224, 160, 48], // amber
  belowOverall: [168, 112, 15], // dark amber
  threshold: [198, 40, 40],
} satisfies Record<string, Rgb>;

/** Display-pixel layout (scale 1). */
export const LAYOUT = {
  width: 600,
  height: 300,
  plotLeft: 44,
  plotRight: 496,
  plotTop: 52,
  plotBottom: 262,
  barWidth: 50,
  tickSize: 11,
  labelSize: 13,
  valueSize: 13,
  legendSize: 12,
  thresholdSize: 12,
};

const TICKS = [0, 20, 40, 60, 80, 100];

export function renderScoreChart(input: ScoreChartInput): ChartImage {
  const scale =
    typeof input.scale === 'number' && isFinite(input.scale) && input.scale > 0 ? input.scale : 2;
  const threshold = clamp(
    typeof input.threshold === 'number' && isFinite(input.threshold) ? input.threshold : 85,
    0,
    100,
  );
  const L = LAYOUT;
  const width = Math.max(1, Math.round(L.width * scale));
  const height = Math.max(1, Math.round(L.height * scale));
  const canvas = new Canvas(width, height, COLORS.background);
  const px = (v: number): number => Math.round(v * scale);
  const yOf = (score: number): number =>
    L.plotBottom - ((L.plotBottom - L.plotTop) * clamp(score, 0, 100)) / 100;
  const digits = (text: string): string => withDigits(text, input.thaiDigits ? 'thai' : 'arabic');
  const text = (run: TextRun, x: number, baseline: number, size: number, color: Rgb): void => {
    const path = new Path();
    addRun(path, run, x * scale, baseline * scale, size * scale);
    canvas.fill(path, color);
  };
  /** Baseline that centres digits (cap height ~0.7 em) on `y`. */
  const digitBaseline = (y: number, size: number): number => y + 0.35 * size;

  // Gridlines and tick labels.
  const hairline = Math.max(1, px(1));
  for (const t of TICKS) {
    const y = px(yOf(t));
    if (t > 0)
      canvas.fillRect(px(L.plotLeft), y, px(L.plotRight) - px(L.plotLeft), hairline, COLORS.grid);
    const run = chars('r', digits(String(t)));
    const x = L.plotLeft - 6 - runWidth(run, L.tickSize);
    text(run, x, digitBaseline(yOf(t), L.tickSize), L.tickSize, COLORS.tick);
  }
  const axisTitle = label('r', 'คะแนน');
  text(axisTitle, 8, L.plotTop - 26, L.legendSize, COLORS.tick);

  // Bars and their category labels.
  const slot = (L.plotRight - L.plotLeft) / BAR_KEYS.length;
  const values: { run: TextRun; x: number; top: number }[] = [];
  BAR_KEYS.forEach((key, i) => {
    const centre = L.plotLeft + slot * (i + 0.5);
    const spec = BAR_LABELS[key];
    const name = label(spec.weight, input.thaiDigits ? spec.thai : spec.arabic);
    const nameWidth = runWidth(name, L.labelSize);
    text(name, centre - nameWidth / 2, L.plotBottom + 20, L.labelSize, COLORS.text);

    const raw: unknown = input.scores[key];
    if (typeof raw !== 'number' || !isFinite(raw)) return;
    // Judge the published (rounded) figure, so a bar printed 85.00 is never amber.
    const shown = formatHundredths(roundToHundredths(raw) ?? 0);
    const score = Number(shown);
    const pass = score >= threshold;
    const overall = key === 'ITA';
    const color = pass
      ? overall
        ? COLORS.passOverall
        : COLORS.pass
      : overall
        ? COLORS.belowOverall
        : COLORS.below;
    const x0 = px(centre - L.barWidth / 2);
    const x1 = px(centre + L.barWidth / 2);
    const top = px(yOf(score));
    canvas.fillRect(x0, top, x1 - x0, px(L.plotBottom) - top, color);
    const run = chars('b', digits(shown));
    values.push({ run, x: centre - runWidth(run, L.valueSize) / 2, top: yOf(score) });
  });

  // Baseline axis over the bars' feet.
  canvas.fillRect(
    px(L.plotLeft),
    px(L.plotBottom),
    px(L.plotRight) - px(L.plotLeft),
    hairline,
    COLORS.axis,
  );

  // The pass line: dashed, across the plot, labelled at its right end.
  const ty = yOf(threshold);
  const thick = Math.max(1, px(1.5));
  const lineY = px(ty) - Math.floor(thick / 2);
  // Dashes of 6 px, gaps of about 4 px stretched so that both ends are whole dashes.
  const dash = 6;
  const span = L.plotRight - L.plotLeft;
  const dashes = Math.floor((span + 4) / (dash + 4));
  const gap = (span - dashes * dash) / (dashes - 1);
  for (let i = 0; i < dashes; i++) {
    const x = L.plotLeft + i * (dash + gap);
    canvas.fillRect(px(x), lineY, px(x + dash) - px(x), thick, COLORS.threshold);
  }
  const space = chars('r', ' ');
  const thresholdRun = concat(
    label('r', 'เกณฑ์'),
    space,
    chars('r', digits(formatHundredths(roundToHundredths(threshold) ?? 0).replace(/\.?0+$/, ''))),
    space,
    label('r', 'คะแนน'),
  );
  // A long threshold (85.25) is set smaller rather than clipped at the image's edge.
  const room = L.width - (L.plotRight + 5) - 3;
  const thresholdSize = Math.min(
    L.thresholdSize,
    (room * L.thresholdSize) / runWidth(thresholdRun, L.thresholdSize),
  );
  text(
    thresholdRun,
    L.plotRight + 5,
    digitBaseline(ty, thresholdSize),
    thresholdSize,
    COLORS.threshold,
  );

  // Values above the bars, on a white plate so the dashed line cannot strike them through.
  for (const v of values) {
    const w = runWidth(v.run, L.valueSize);
    const baseline = v.top - 5;
    const plateTop = baseline - (ASCENT / UNITS_PER_EM) * L.valueSize * 0.75;
    const plateBottom = baseline - (DESCENT / UNITS_PER_EM) * L.valueSize * 0.5;
    canvas.fillRect(
      px(v.x - 2),
      px(plateTop),
      px(v.x + w + 2) - px(v.x - 2),
      px(plateBottom) - px(plateTop),
      COLORS.background,
    );
    text(v.run, v.x, baseline, L.valueSize, COLORS.text);
  }

  // Legend, top right: what the two colours mean.
  const legend: [Rgb, TextRun][] = [
    [COLORS.pass, label('r', 'ผ่านเกณฑ์')],
    [COLORS.below, label('r', 'ต่ำกว่าเกณฑ์')],
  ];
  const swatch = 10;
  let lx = L.plotRight;
  for (let i = legend.length - 1; i >= 0; i--) {
    const [color, run] = legend[i];
    lx -= runWidth(run, L.legendSize);
    text(run, lx, 22, L.legendSize, COLORS.text);
    lx -= swatch + 5;
    canvas.fillRect(px(lx), px(22 - swatch + 1), px(swatch), px(swatch), color);
    lx -= 16;
  }

  return {
    png: encodePng(width, height, canvas.rgb, 3780 * scale),
    width,
    height,
    displayWidth: L.width,
    displayHeight: L.height,
  };
}

function clamp(v: number, lo: number, hi: number): number {
  return v < lo ? lo : v > hi ? hi : v;
}
