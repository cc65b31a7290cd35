import fc from 'fast-check';
import { toThaiDigits } from '../../../src/core/thai/digits';
import { parseNumber, plainDecimal } from '../../../src/core/thai/numbers';

describe('parseNumber', () => {
  test.each([
    [93.53, 93.53],
    ['93.53', 93.53],
    ['๙๓.๕๓', 93.53],
    [' 1,234.5 ', 1234.5],
    ['๑,๒๓๔', 1234],
    ['9 3.53', 93.53],
    ['\u200b100\u00a0', 100],
    ['+7', 7],
    ['-0.5', -0.5],
    ['.5', 0.5],
    ['100.00', 100],
  ])('%j → %d', (input, expected) => {
    const result = parseNumber(input);
    expect(result).toMatchObject({ ok: true, value: expected });
  });

  test.each([
    ['', 'empty'],
    ['   ', 'empty'],
    [null, 'empty'],
    [undefined, 'empty'],
    [true, 'boolean'],
    [new Date(2025, 9, 3), 'date'],
    [NaN, 'not-finite'],
    [Infinity, 'not-finite'],
    ['#N/A', 'error-value'],
    ['#REF!', 'error-value'],
    ['93,53', 'decimal-comma'],
    ['1,23,4', 'not-a-number'],
    ['abc', 'not-a-number'],
    ['93.53%', 'not-a-number'],
    ['1e5', 'not-a-number'],
    ['9'.repeat(400), 'not-finite'],
    [{}, 'not-a-number'],
  ])('%j is rejected as %s', (input, reason) => {
    expect(parseNumber(input)).toMatchObject({ ok: false, reason });
  });

  test('a decimal comma comes with a suggestion', () => {
    expect(parseNumber('93,53')).toEqual({
      ok: false,
      reason: 'decimal-comma',
      suggestion: '93.53',
    });
  });

  test('plain decimal text without exponent', () => {
    expect(plainDecimal(1e-7)).toBe('0.0000001');
    expect(plainDecimal(1.5e21)).toBe('1500000000000000000000');
    expect(plainDecimal(-2.5e-3)).toBe('-0.0025');
    expect(plainDecimal(93.53)).toBe('93.53');
  });

  test('round trip: any finite number, typed as text in either digit style, parses back', () => {
    fc.assert(
      fc.property(fc.double({ noNaN: true, noDefaultInfinity: true }), fc.boolean(), (n, thai) => {
        const text = thai ? toThaiDigits(plainDecimal(n)) : plainDecimal(n);
        const result = parseNumber(text);
        expect(result.ok).toBe(true);
        if (result.ok) expect(result.value).toBe(n === 0 ? 0 : n);
        expect(parseNumber(n)).toMatchObject({ ok: true, value: n });
      }),
    );
  });

  test('thousands separators round trip', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 10 ** 12 }), (n) => {
        const grouped = String(n).replace(/\B(?=(\d{3})+(?!\d))/g, ',');
        expect(parseNumber(grouped)).toMatchObject({ ok: true, value: n });
      }),
    );
  });

  test('never throws, whatever the value', () => {
    fc.assert(
      fc.property(fc.anything({ withDate: true, withBigInt: false }), (v) => {
        const result = parseNumber(v);
        expect(typeof result.ok).toBe('boolean');
        if (result.ok) expect(Number.isFinite(result.value)).toBe(true);
      }),
    );
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme' }), (s) => {
        expect(() => parseNumber(s)).not.toThrow();
      }),
    );
  });
});
