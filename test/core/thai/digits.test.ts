import fc from 'fast-check';
import {
  hasArabicDigits,
  hasThaiDigits,
  toArabicDigits,
  toThaiDigits,
  withDigits,
} from '../../../src/core/thai/digits';

describe('Thai digits', () => {
  test('convert both ways and keep everything else', () => {
    expect(toThaiDigits('93.53 คะแนน (i4)')).toBe('๙๓.๕๓ คะแนน (i๔)');
    expect(toThaiDigits(2568)).toBe('๒๕๖๘');
    expect(toArabicDigits('๓ ตุลาคม ๒๕๖๘')).toBe('3 ตุลาคม 2568');
    expect(withDigits('0123456789', 'thai')).toBe('๐๑๒๓๔๕๖๗๘๙');
    expect(withDigits('๐๑๒๓๔๕๖๗๘๙', 'arabic')).toBe('0123456789');
  });

  test('detect digits of each kind', () => {
    expect(hasThaiDigits('พ.ศ. ๒๕๖๘')).toBe(true);
    expect(hasThaiDigits('2568')).toBe(false);
    expect(hasArabicDigits('i4')).toBe(true);
    expect(hasArabicDigits('สิบ')).toBe(false);
  });

  test('round trip on any text', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const arabic = toArabicDigits(s);
        expect(toArabicDigits(toThaiDigits(arabic))).toBe(arabic);
        expect(hasThaiDigits(arabic)).toBe(false);
        expect(hasArabicDigits(toThaiDigits(s))).toBe(false);
      }),
    );
  });
});
