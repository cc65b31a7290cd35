import { writeFileSync } from 'node:fs';
import { renderTrendChart, type TrendChartInput } from '../../../src/core/chart';
import {
  axisFloor,
  TREND_COLORS,
  TREND_KEYS,
  TREND_LAYOUT as L,
} from '../../../src/core/chart/trend';
import { DecodedPng, decodePng, pixel } from './decode-png';

/** The history fixture's years: 2566, 2567 and the seed's 2568. */
const RISING: TrendChartInput = {
  years: [2566, 2567, 2568],
  series: {
    ITA: [82.43, 87.79, 93.53],
    IIT: [85.4, 88.52, 91.33],
    EIT: [79.35, 84.1, 89.61],
    OIT: [82.5, 90.01, 98.13],
  },
  thaiDigits: true,
};

const render = (input: TrendChartInput): DecodedPng => decodePng(renderTrendChart(input).png);
const at = (img: DecodedPng, x: number, y: number): number[] =>
  pixel(img, Math.floor(x * 2), Math.floor(y * 2));
const WHITE = [...TREND_COLORS.background];

/** Geometry of the plot in display pixels, as the renderer lays it out. */
function geometry(input: TrendChartInput) {
  const all = Object.values(input.series).flatMap((v) => v.filter((x): x is number => x !== null));
  const floor = axisFloor(all, 85);
  const slot = (L.plotRight - L.plotLeft) / input.years.length;
  return {
    floor,
    x: (i: number) => L.plotLeft + slot * (i + 0.5),
    y: (v: number) => L.plotBottom - ((L.plotBottom - L.plotTop) * (v - floor)) / (100 - floor),
  };
}

/** Whether any pixel within r display px of (x, y) has exactly this colour. */
function near(img: DecodedPng, x: number, y: number, color: readonly number[], r = 2): boolean {
  for (let dy = -r * 2; dy <= r * 2; dy++) {
    for (let dx = -r * 2; dx <= r * 2; dx++) {
      const p = pixel(img, Math.floor(x * 2) + dx, Math.floor(y * 2) + dy);
      if (p[0] === color[0] && p[1] === color[1] && p[2] === color[2]) return true;
    }
  }
  return false;
}

describe('renderTrendChart', () => {
  const chart = renderTrendChart(RISING);
  const img = decodePng(chart.png);
  const g = geometry(RISING);

  it('is a 600 × 300 (display) PNG at scale 2, on white', () => {
    expect([chart.width, chart.height, chart.displayWidth, chart.displayHeight]).toEqual([
      1200, 600, 600, 300,
    ]);
    expect(img.chunks.every((c) => c.crcOk)).toBe(true);
    expect(at(img, 2, 2)).toEqual(WHITE);
  });

  it('starts the axis at a multiple of ten below every score and the pass line', () => {
    expect(g.floor).toBe(70);
    expect(axisFloor([40.5, 99], 85)).toBe(30);
    expect(axisFloor([], 85)).toBe(80);
    expect(axisFloor([-20], 85)).toBe(0);
  });

  it('draws each series in its colour through its points, the overall score on top', () => {
    for (const key of TREND_KEYS) {
      const values = RISING.series[key] as number[];
      const color = TREND_COLORS[key];
      // Halfway between the first two points, on the line.
      const mx = (g.x(0) + g.x(1)) / 2;
      const my = (g.y(values[0]) + g.y(values[1])) / 2;
      expect(near(img, mx, my, color, 1)).toBe(true);
      // At the last point: its marker.
      expect(near(img, g.x(2), g.y(values[2]), color, 1)).toBe(true);
    }
  });

  it('draws the pass line dashed in red across the plot and labels it', () => {
    const red = [...TREND_COLORS.threshold];
    expect(at(img, L.plotLeft + 3, g.y(85))).toEqual(red);
    // In the gap: the gridline of the 85 tick under it.
    expect(at(img, L.plotLeft + 8, g.y(85))).toEqual([...TREND_COLORS.grid]);
    // The label "เกณฑ์ ๘๕ คะแนน" right of the plot, in red.
    expect(near(img, L.plotRight + 30, g.y(85) - 2, red, 6)).toBe(true);
  });

  it('has a legend entry, in its colour, for every series shown and no other', () => {
    const legend = (im: DecodedPng) =>
      TREND_KEYS.filter((key) => {
        const color = TREND_COLORS[key];
        for (let x = L.plotLeft; x < L.plotRight; x += 1)
          if (near(im, x, 18, color, 1)) return true;
        return false;
      });
    expect(legend(img).sort()).toEqual([...TREND_KEYS].sort());
    const two = render({ ...RISING, series: { ITA: RISING.series.ITA, OIT: RISING.series.OIT } });
    expect(legend(two).sort()).toEqual(['ITA', 'OIT']);
  });

  it('breaks a line where a year has no score, and never throws on odd input', () => {
    const gap: TrendChartInput = {
      years: [2564, 2565, 2566],
      series: { EIT: [80, null, 90] },
      thaiDigits: false,
    };
    const gg = geometry(gap);
    const im = render(gap);
    const mid = (gg.y(80) + gg.y(90)) / 2;
    expect(near(im, g.x(1), mid, TREND_COLORS.EIT, 2)).toBe(false);
    expect(near(im, gg.x(0), gg.y(80), TREND_COLORS.EIT, 1)).toBe(true);
    for (const odd of [
      { years: [], series: {}, thaiDigits: true },
      { years: [2568], series: { ITA: [NaN] }, thaiDigits: true, threshold: NaN, scale: 0 },
      {
        years: [2567, 'x', 2568],
        series: { ITA: ['90', 150, -3], IIT: undefined },
        thaiDigits: false,
      } as unknown as TrendChartInput,
    ]) {
      expect(() => renderTrendChart(odd as TrendChartInput)).not.toThrow();
    }
  });

  it('writes Arabic or Thai digits as asked, and is deterministic', () => {
    const arabic = renderTrendChart({ ...RISING, thaiDigits: false }).png;
    expect(Buffer.from(arabic).equals(Buffer.from(chart.png))).toBe(false);
    expect(Buffer.from(renderTrendChart(RISING).png).equals(Buffer.from(chart.png))).toBe(true);
  });

  it('is small (reported)', () => {
    process.stdout.write(`trend chart PNG ${chart.png.length} bytes\n`);
    expect(chart.png.length).toBeLessThan(100_000);
    // Where to look at it: TREND_PNG=/tmp/trend.png npx jest test/core/chart/trend
    if (process.env.TREND_PNG) writeFileSync(process.env.TREND_PNG, chart.png);
  });
});
