import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { CHARS, GLYPHS, LABELS } from '../../../src/core/chart/glyphs.generated';
import { Path } from '../../../src/core/chart/raster';
import { addRun, chars, concat, label, runWidth } from '../../../src/core/chart/text';

const root = join(__dirname, '../../..');

describe('chart text', () => {
  it('decodes every generated glyph into closed, sane outlines', () => {
    GLYPHS.forEach((_, index) => {
      const path = new Path();
      addRun(path, { glyphs: [index, 0, 0], advance: 0 }, 0, 1000, 1000);
      expect(path.segments.length).toBeGreaterThan(0);
      // Font units at 1000 px per em: within a few ems (marks hang left of their origin).
      expect(path.minX).toBeGreaterThan(-800);
      expect(path.maxX).toBeLessThan(1500);
      expect(path.minY).toBeGreaterThan(-400);
      expect(path.maxY).toBeLessThan(1400);
    });
  });

  it('has every label the chart draws, in both digit styles', () => {
    for (const text of [
      'IIT',
      'EIT ส่วนที่ ๑',
      'EIT ส่วนที่ ๒',
      'EIT ส่วนที่ 1',
      'EIT ส่วนที่ 2',
      'OIT',
      'เกณฑ์',
      'คะแนน',
      'ผ่านเกณฑ์',
      'ต่ำกว่าเกณฑ์',
    ]) {
      expect(label('r', text).advance).toBeGreaterThan(0);
    }
    expect(label('b', 'ITA ภาพรวม').advance).toBeGreaterThan(0);
    expect(() => label('r', 'ไม่มี')).toThrow(/not generated/);
    expect(Object.keys(LABELS).length).toBeGreaterThan(0);
  });

  it('composes numbers from single glyphs in both weights', () => {
    for (const w of ['r', 'b'] as const) {
      for (const ch of '0123456789๐๑๒๓๔๕๖๗๘๙.- ') expect(CHARS[w][ch]).toBeDefined();
    }
    const run = chars('b', '๙๓.๕๓');
    expect(run.glyphs.length).toBe(15);
    expect(runWidth(run, 10)).toBeCloseTo(
      ['๙', '๓', '.', '๕', '๓'].reduce((n, c) => n + CHARS.b[c][1], 0) / 100,
    );
    expect(chars('r', ' ').glyphs).toEqual([]);
    expect(() => chars('r', 'x')).toThrow(/not generated/);
    const both = concat(label('r', 'เกณฑ์'), chars('r', ' ๘๕'));
    expect(both.advance).toBe(label('r', 'เกณฑ์').advance + chars('r', ' ๘๕').advance);
  });

  it('keeps Thai marks where fontkit put them (mai ek raised over sara ii in ที่)', () => {
    const g = label('r', 'EIT ส่วนที่ ๑').glyphs;
    const ys = g.filter((_, i) => i % 3 === 2);
    expect(ys.some((y) => y > 300)).toBe(true);
  });

  it('is in step with its generator', () => {
    execFileSync(process.execPath, [join(root, 'scripts/make-chart-glyphs.mjs'), '--check'], {
      cwd: root,
      stdio: 'pipe',
    });
  });
});
