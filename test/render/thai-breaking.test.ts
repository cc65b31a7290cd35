import {
  breakUnits,
  graphemes,
  isThaiLetterCluster,
  stripInvisible,
} from '../../src/local/render/thai-breaking';
import { ACTION_THAI, LONG_THAI, MARKS_THAI } from './fixtures';

/** The unit holding `needle` whole, or undefined if a line could break inside it. */
const unitWith = (text: string, needle: string) => breakUnits(text).find((u) => u.includes(needle));

describe('breakUnits', () => {
  it('splits Thai between words and loses nothing', () => {
    const units = breakUnits(ACTION_THAI);
    expect(units.join('')).toBe(ACTION_THAI);
    expect(units.length).toBeGreaterThan(15);
    expect(units).toContain('ดำเนิน');
    expect(units).toContain('การ');
  });

  it('never starts a unit with a space: spaces hang at the end of a line', () => {
    for (const u of breakUnits(LONG_THAI).slice(1)) expect(u[0]).not.toBe(' ');
  });

  it('keeps พ.ศ., (๘), ต่าง ๆ, แผนฯ, decimals and addresses whole', () => {
    const text = 'ประจำปี พ.ศ. ๒๕๖๘ มาตรา ๙ (๘) แห่ง ต่าง ๆ ตามแผนฯ ที่ ๙๓.๕๓ คะแนน www.muangkhai.go.th';
    expect(unitWith(text, 'พ.ศ.')).toBeDefined();
    expect(unitWith(text, '(๘)')).toBeDefined();
    expect(unitWith(text, 'ต่าง ๆ')).toBeDefined();
    expect(unitWith(text, 'แผนฯ')).toBeDefined();
    expect(unitWith(text, '๙๓.๕๓')).toBeDefined();
    expect(unitWith(text, 'www.muangkhai.go.th')).toBeDefined();
  });

  it('allows a break after a slash but not before one', () => {
    const units = breakUnits('มาตรการ/โครงการ/กิจกรรม');
    expect(units.join('')).toBe('มาตรการ/โครงการ/กิจกรรม');
    expect(units.length).toBeGreaterThan(1);
    for (const u of units) expect(u.startsWith('/')).toBe(false);
    expect(units[0].endsWith('/')).toBe(true);
  });

  it('keeps closing punctuation with the word before it', () => {
    for (const u of breakUnits('Assessment: IIT) และ ข้อมูล, ต่อไป.')) {
      expect(u[0]).not.toMatch(/[:),.]/);
    }
  });
});

describe('graphemes', () => {
  it('matches Intl.Segmenter on Thai and Latin', () => {
    const intl = new Intl.Segmenter('th', { granularity: 'grapheme' });
    for (const text of [LONG_THAI, MARKS_THAI, ACTION_THAI]) {
      expect(graphemes(text)).toEqual(Array.from(intl.segment(text), (s) => s.segment));
    }
  });

  it('keeps marks on their base: SARA AM and tone marks never start a cluster', () => {
    const clusters = graphemes('น้ำดำเนินการ ญี่ปุ่น');
    expect(clusters).toContain('น้ำ');
    expect(clusters).toContain('ดำ');
    expect(clusters).toContain('ญี่');
    for (const c of clusters) expect(c).not.toMatch(/^[\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]/);
  });

  it('falls back to Intl.Segmenter for other scripts', () => {
    expect(graphemes('👍🏽a')).toEqual(['👍🏽', 'a']);
  });

  it('tells Thai letters from Thai digits and signs', () => {
    expect(isThaiLetterCluster('ดำ')).toBe(true);
    expect(isThaiLetterCluster('๒')).toBe(false);
    expect(isThaiLetterCluster('ๆ')).toBe(false);
    expect(isThaiLetterCluster('a')).toBe(false);
  });
});

describe('stripInvisible', () => {
  it('removes zero-width and soft characters that Sarabun cannot draw', () => {
    expect(stripInvisible('ดำเนิน\u200bการ\u00ad\ufeff')).toBe('ดำเนินการ');
  });
});

describe('era abbreviations', () => {
  it('keeps พ.ศ. on the line of its year', () => {
    const units = breakUnits('ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เรียบร้อยแล้ว');
    expect(units.some((u) => u.includes('พ.ศ. ๒๕๖๘'))).toBe(true);
    expect(breakUnits('ค.ศ. 2025 แล้ว').some((u) => u.includes('ค.ศ. 2025'))).toBe(true);
  });
});
