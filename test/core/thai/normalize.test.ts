import fc from 'fast-check';
import { detectNormalization, normalizeText, sameText } from '../../../src/core/thai/normalize';

describe('normalizeText', () => {
  test('removes zero-width characters, collapses and trims spaces, keeps lines', () => {
    expect(normalizeText('  องค์การ\u200bบริหาร   ส่วนตำบล \u00a0')).toBe('องค์การบริหาร ส่วนตำบล');
    expect(normalizeText('\n - ข้อหนึ่ง  \r\n- ข้อสอง\t\n\n')).toBe('- ข้อหนึ่ง\n- ข้อสอง');
    expect(normalizeText('\ufeffคะแนน')).toBe('คะแนน');
  });

  test('NFC', () => {
    expect(normalizeText('e\u0301')).toBe('\u00e9');
  });

  test('headers and tab names match ignoring surrounding and invisible characters', () => {
    expect(sameText(' คะแนน\u200b ', 'คะแนน')).toBe(true);
    expect(sameText('คะแนน', 'คะแนนรวม')).toBe(false);
  });
});

describe('detectNormalization', () => {
  test('reports what normalisation would change', () => {
    expect(detectNormalization('ปกติ')).toEqual([]);
    expect(detectNormalization('a\u200bb')).toEqual(['zero-width']);
    expect(detectNormalization('a\u00a0b')).toEqual(['unusual-space']);
    expect(detectNormalization('a  b')).toEqual(['repeated-spaces']);
    expect(detectNormalization(' a')).toEqual(['surrounding-spaces']);
    expect(detectNormalization('a \nb')).toEqual(['surrounding-spaces']);
    expect(detectNormalization('e\u0301')).toEqual(['not-nfc']);
  });

  test('normalised text has nothing left to report, and normalising twice changes nothing', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        const n = normalizeText(s);
        expect(normalizeText(n)).toBe(n);
        expect(detectNormalization(n)).toEqual([]);
        if (detectNormalization(s).length === 0) expect(n).toBe(s);
      }),
    );
  });
});
