import fc from 'fast-check';
import { formatFixed, formatShort, toDigits } from '../../../src/core/chart/format';

describe('formatFixed', () => {
  it.each([
    [93.53, '93.53'],
    [91.335, '91.34'], // toFixed says 91.33
    [1.005, '1.01'],
    [99.995, '100.00'],
    [100, '100.00'],
    [0, '0.00'],
    [0.004, '0.00'],
    [-0.004, '0.00'],
    [-1.5, '-1.50'],
    [81.6, '81.60'],
    [9.999, '10.00'],
  ])('%p → %p', (v, s) => {
    expect(formatFixed(v, 2)).toBe(s);
  });

  it('agrees with rounding the two-decimal inputs it gets', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (cents) => {
        const text = formatFixed(cents / 100, 2);
        expect(Number(text)).toBe(cents / 100);
        expect(text).toMatch(/^\d+\.\d\d$/);
      }),
    );
  });

  it('returns an empty string for non-finite values', () => {
    expect(formatFixed(NaN, 2)).toBe('');
    expect(formatFixed(Infinity, 2)).toBe('');
  });
});

describe('formatShort and toDigits', () => {
  it('drops zero decimals', () => {
    expect(formatShort(85)).toBe('85');
    expect(formatShort(85.5)).toBe('85.5');
    expect(formatShort(85.25)).toBe('85.25');
    expect(formatShort(100)).toBe('100');
    expect(formatShort(0)).toBe('0');
  });

  it('writes Thai digits on request', () => {
    expect(toDigits('93.53', true)).toBe('๙๓.๕๓');
    expect(toDigits('1234567890', true)).toBe('๑๒๓๔๕๖๗๘๙๐');
    expect(toDigits('93.53', false)).toBe('93.53');
  });
});
