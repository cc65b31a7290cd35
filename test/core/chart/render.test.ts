import { build } from 'esbuild';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';
import { ChartBarKey, ScoreChartInput, renderScoreChart } from '../../../src/core/chart';
import { BAR_KEYS, COLORS, LAYOUT } from '../../../src/core/chart/render';
import { DecodedPng, decodePng, pixel } from './decode-png';
import { plateBox, valuePlacement } from '../../../src/core/chart/paint';

/** The seed's published scores. */
const SEED: ScoreChartInput = {
  scores: { IIT: 91.33, EIT1: 81.66, EIT2: 97.56, OIT: 98.13, ITA: 93.53 },
  thaiDigits: true,
};

const render = (input: ScoreChartInput): DecodedPng => decodePng(renderScoreChart(input).png);

/** Geometry in display pixels, from the layout the renderer uses. */
const slot = (LAYOUT.plotRight - LAYOUT.plotLeft) / BAR_KEYS.length;
const barX = (key: ChartBarKey): number => LAYOUT.plotLeft + slot * (BAR_KEYS.indexOf(key) + 0.5);
const yOf = (score: number): number =>
  LAYOUT.plotBottom - ((LAYOUT.plotBottom - LAYOUT.plotTop) * score) / 100;
const at = (img: DecodedPng, scale: number, x: number, y: number): number[] =>
  pixel(img, Math.floor(x * scale), Math.floor(y * scale));

const WHITE = [...COLORS.background];

describe('renderScoreChart', () => {
  const img = render(SEED);

  it('produces a valid PNG of the requested size', () => {
    const chart = renderScoreChart(SEED);
    expect([chart.width, chart.height]).toEqual([1200, 600]);
    expect([chart.displayWidth, chart.displayHeight]).toEqual([600, 300]);
    expect([img.width, img.height]).toEqual([1200, 600]);
    expect(img.chunks.map((c) => c.type)).toEqual(['IHDR', 'pHYs', 'IDAT', 'IEND']);
    expect(img.chunks.every((c) => c.crcOk)).toBe(true);
    const one = render({ ...SEED, scale: 1 });
    expect([one.width, one.height]).toEqual([600, 300]);
    const three = renderScoreChart({ ...SEED, scale: 3 });
    expect([three.width, three.height, three.displayWidth]).toEqual([1800, 900, 600]);
  });

  it('draws a white background, pass bars in blue, a fail bar in amber, ITA darker', () => {
    expect(at(img, 2, 2, 2)).toEqual(WHITE);
    expect(at(img, 2, 598, 298)).toEqual(WHITE);
    expect(at(img, 2, barX('IIT'), yOf(50))).toEqual([...COLORS.pass]);
    expect(at(img, 2, barX('EIT1'), yOf(50))).toEqual([...COLORS.below]);
    expect(at(img, 2, barX('OIT'), yOf(50))).toEqual([...COLORS.pass]);
    expect(at(img, 2, barX('ITA'), yOf(50))).toEqual([...COLORS.passOverall]);
    // Bar tops: just below the score there is bar, just above there is not.
    expect(at(img, 2, barX('EIT1') - 20, yOf(81.66) + 1)).toEqual([...COLORS.below]);
    expect(at(img, 2, barX('EIT1') - 20, yOf(81.66) - 1.5)).toEqual(WHITE);
  });

  it('draws the threshold line in red at its height, dashed', () => {
    const y = yOf(85);
    const red = [...COLORS.threshold];
    // First dash starts at the plot's left edge; the gap follows 6 px later.
    expect(at(img, 2, LAYOUT.plotLeft + 3, y)).toEqual(red);
    expect(at(img, 2, LAYOUT.plotLeft + 8, y)).toEqual(WHITE);
    expect(at(img, 2, LAYOUT.plotLeft + 3, y - 2)).toEqual(WHITE);
    const custom = render({ ...SEED, threshold: 92 });
    expect(at(custom, 2, LAYOUT.plotLeft + 3, yOf(92))).toEqual(red);
    expect(at(custom, 2, LAYOUT.plotLeft + 3, y)).toEqual(WHITE);
    // Against 92, IIT (91.33) is below the line.
    expect(at(custom, 2, barX('IIT'), yOf(50))).toEqual([...COLORS.below]);
  });

  it('leaves out the bar of a missing score but keeps its label', () => {
    const scores = { ...SEED.scores };
    delete scores.EIT2;
    const missing = render({ ...SEED, scores });
    expect(at(missing, 2, barX('EIT2'), yOf(30))).toEqual(WHITE);
    expect(at(missing, 2, barX('EIT2'), yOf(50))).toEqual(WHITE);
    expect(at(missing, 2, barX('IIT'), yOf(50))).toEqual([...COLORS.pass]);
    // The label row under the missing bar still has ink.
    const ink = (im: DecodedPng): number => {
      let n = 0;
      for (let y = (LAYOUT.plotBottom + 6) * 2; y < (LAYOUT.plotBottom + 26) * 2; y++) {
        for (let x = (barX('EIT2') - 40) * 2; x < (barX('EIT2') + 40) * 2; x++) {
          if (pixel(im, x, y)[0] < 128) n++;
        }
      }
      return n;
    };
    expect(ink(missing)).toBeGreaterThan(100);
    expect(ink(missing)).toBe(ink(img));
    // NaN counts as missing; an empty score set draws no bars at all.
    const nan = renderScoreChart({ ...SEED, scores: { ...scores, EIT2: NaN } }).png;
    expect(Buffer.from(nan).equals(Buffer.from(renderScoreChart({ ...SEED, scores }).png))).toBe(
      true,
    );
    const none = render({ ...SEED, scores: {} });
    for (const key of BAR_KEYS) expect(at(none, 2, barX(key), yOf(30))).toEqual(WHITE);
  });

  it('writes different digits for Thai and Arabic', () => {
    const a = renderScoreChart(SEED).png;
    const b = renderScoreChart({ ...SEED, thaiDigits: false }).png;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(false);
    // Tick labels differ, bars do not.
    const arabic = render({ ...SEED, thaiDigits: false });
    expect(at(arabic, 2, barX('IIT'), yOf(50))).toEqual(at(img, 2, barX('IIT'), yOf(50)));
    const region = (im: DecodedPng): number[] => {
      const out: number[] = [];
      for (let y = (yOf(100) - 8) * 2; y < (yOf(100) + 8) * 2; y++) {
        for (let x = 0; x < (LAYOUT.plotLeft - 2) * 2; x++) out.push(pixel(im, x, y)[0]);
      }
      return out;
    };
    expect(region(arabic)).not.toEqual(region(img));
  });

  it('is deterministic', () => {
    const a = renderScoreChart(SEED).png;
    const b = renderScoreChart({ ...SEED, scores: { ...SEED.scores } }).png;
    expect(Buffer.from(a).equals(Buffer.from(b))).toBe(true);
  });

  it('survives out-of-range input', () => {
    const odd = renderScoreChart({
      scores: { IIT: 150, EIT1: -5, EIT2: 0, OIT: 100, ITA: 84.99 },
      threshold: NaN,
      thaiDigits: false,
      scale: 0,
    });
    expect([odd.width, odd.height]).toEqual([1200, 600]);
    const im = decodePng(odd.png);
    expect(at(im, 2, barX('IIT'), yOf(99))).toEqual([...COLORS.pass]);
    expect(at(im, 2, barX('ITA'), yOf(50))).toEqual([...COLORS.belowOverall]);
    expect(() => renderScoreChart({ ...SEED, threshold: 250, scale: 0.5 })).not.toThrow();
    // Values from a sheet may arrive as anything: non-numbers count as missing.
    const junk = {
      IIT: '91.33',
      EIT1: null,
      OIT: undefined,
    } as unknown as ScoreChartInput['scores'];
    const blank = render({ ...SEED, scores: junk, threshold: null as unknown as number });
    for (const key of BAR_KEYS) expect(at(blank, 2, barX(key), yOf(30))).toEqual(WHITE);
  });

  it('judges the printed figure: 84.995 prints 85.00 and passes', () => {
    const im = render({ ...SEED, scores: { IIT: 84.995, EIT1: 84.994 } });
    expect(at(im, 2, barX('IIT'), yOf(50))).toEqual([...COLORS.pass]);
    expect(at(im, 2, barX('EIT1'), yOf(50))).toEqual([...COLORS.below]);
  });

  it('is small and reasonably fast (reported, not asserted tightly)', () => {
    const t0 = performance.now();
    const chart = renderScoreChart(SEED);
    const t1 = performance.now();
    const runs = 10;
    for (let i = 0; i < runs; i++) renderScoreChart(SEED);
    const warm = (performance.now() - t1) / runs;
    process.stdout.write(
      `chart PNG ${chart.png.length} bytes (${chart.width}×${chart.height}); ` +
        `render ${(t1 - t0).toFixed(0)} ms in this run, ${warm.toFixed(0)} ms warm\n`,
    );
    expect(chart.png.length).toBeLessThan(100_000);
    // Where to look at it: CHART_PNG=/tmp/chart.png npx jest test/core/chart/render
    if (process.env.CHART_PNG) writeFileSync(process.env.CHART_PNG, chart.png);
  });

  it('runs as an es2019 bundle in an empty context, as in Apps Script', async () => {
    const result = await build({
      entryPoints: [join(__dirname, '../../../src/core/chart/index.ts')],
      bundle: true,
      format: 'iife',
      globalName: 'CHART',
      target: 'es2019',
      platform: 'neutral',
      charset: 'utf8',
      write: false,
      logLevel: 'silent',
    });
    const code = result.outputFiles[0].text;
    process.stdout.write(`chart module bundle ${Buffer.byteLength(code)} bytes\n`);
    expect(Buffer.byteLength(code)).toBeLessThan(60_000);
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    ctx.input = JSON.parse(JSON.stringify(SEED));
    const png = vm.runInContext('CHART.renderScoreChart(input).png', ctx) as Uint8Array;
    expect(Buffer.from(png).equals(Buffer.from(renderScoreChart(SEED).png))).toBe(true);
  });
});

describe('a value label near the pass line', () => {
  const size = 13;
  it('stays above its bar, on its plate, when the line is clear of it', () => {
    expect(valuePlacement(100, 150, 250, size)).toEqual({ baseline: 95, inside: false });
  });

  it('goes inside a bar just below the line, under the line (81.66 beside 85)', () => {
    const lineY = 60;
    const at = valuePlacement(67, lineY, 250, size);
    expect(at.inside).toBe(true);
    expect(plateBox(at.baseline, size).top).toBeGreaterThan(lineY);
  });

  it('rises clear of the line over a bar just above it', () => {
    const lineY = 60;
    const at = valuePlacement(59, lineY, 250, size);
    expect(at.inside).toBe(false);
    expect(plateBox(at.baseline, size).bottom).toBeLessThan(lineY);
  });

  it('never has its plate touch the line, whatever the score', () => {
    for (let top = 20; top < 240; top += 0.5) {
      const at = valuePlacement(top, 120, 250, size);
      const box = plateBox(at.baseline, size);
      expect([top, box.bottom < 120 || box.top > 120]).toEqual([top, true]);
    }
  });
});
