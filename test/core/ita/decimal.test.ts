import fc from 'fast-check';
import {
  divideRounded,
  formatHundredths,
  roundToHundredths,
  toHundredths,
} from '../../../src/core/ita/decimal';

describe('decimal scores', () => {
  test('exact hundredths, or null beyond two decimals', () => {
    expect(toHundredths(93.53)).toBe(9353);
    expect(toHundredths('100.00')).toBe(10000);
    expect(toHundredths(100)).toBe(10000);
    expect(toHundredths(0.1)).toBe(10);
    expect(toHundredths(-1.5)).toBe(-150);
    expect(toHundredths(91.335)).toBeNull();
    expect(toHundredths(NaN)).toBeNull();
    expect(toHundredths('abc')).toBeNull();
    expect(toHundredths(1e-7)).toBeNull();
  });

  test('rounding half-up in decimal, not through binary floats', () => {
    expect((91.335).toFixed(2)).toBe('91.33'); // the trap
    expect(roundToHundredths(91.335)).toBe(9134);
    expect(roundToHundredths('81.665')).toBe(8167);
    expect(roundToHundredths(1.005)).toBe(101);
    expect(roundToHundredths(93.534)).toBe(9353);
    expect(roundToHundredths(99.995)).toBe(10000);
    expect(roundToHundredths(-0.005)).toBe(-1);
  });

  test('integer division rounded half-up', () => {
    expect(divideRounded(45667, 5)).toBe(9133); // IIT of the seed: 9133.4
    expect(divideRounded(24497, 3)).toBe(8166); // EIT1: 8165.67
    expect(divideRounded(19625, 2)).toBe(9813); // OIT: 9812.5 → half-up
    expect(divideRounded(-3, 2)).toBe(-2);
  });

  test('formatting', () => {
    expect(formatHundredths(9353)).toBe('93.53');
    expect(formatHundredths(10000)).toBe('100.00');
    expect(formatHundredths(5)).toBe('0.05');
    expect(formatHundredths(9353, 'thai')).toBe('๙๓.๕๓');
    expect(formatHundredths(-150)).toBe('-1.50');
  });

  test('round trip over every two-decimal score', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10000 }), (h) => {
        const text = formatHundredths(h);
        expect(toHundredths(text)).toBe(h);
        expect(toHundredths(Number(text))).toBe(h);
        expect(roundToHundredths(Number(text))).toBe(h);
      }),
    );
  });

  test('rounding agrees with exact rational arithmetic on three-decimal values', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 100000 }), (thousandths) => {
        const text = `${Math.floor(thousandths / 1000)}.${String(thousandths % 1000).padStart(3, '0')}`;
        expect(roundToHundredths(Number(text))).toBe(divideRounded(thousandths, 10));
      }),
    );
  });
});
