import fc from 'fast-check';
import { columnLetters, columnNumber, fromA1, toA1 } from '../../../src/core/workbook/a1';

describe('A1 notation', () => {
  test('columns beyond Z', () => {
    expect(columnLetters(1)).toBe('A');
    expect(columnLetters(26)).toBe('Z');
    expect(columnLetters(27)).toBe('AA');
    expect(columnLetters(52)).toBe('AZ');
    expect(columnLetters(53)).toBe('BA');
    expect(columnLetters(702)).toBe('ZZ');
    expect(columnLetters(703)).toBe('AAA');
    expect(columnNumber('aa')).toBe(27);
    expect(columnNumber('A1')).toBeNull();
  });

  test('cells', () => {
    expect(toA1(12, 3)).toBe('C12');
    expect(fromA1('C12')).toEqual({ row: 12, column: 3 });
    expect(fromA1('AB100')).toEqual({ row: 100, column: 28 });
    expect(fromA1('C0')).toBeNull();
    expect(fromA1('$C$1')).toBeNull();
    expect(() => toA1(0, 1)).toThrow(RangeError);
    expect(() => columnLetters(0)).toThrow(RangeError);
  });

  test('round trip', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 10 ** 6 }),
        fc.integer({ min: 1, max: 18278 }),
        (r, c) => {
          expect(fromA1(toA1(r, c))).toEqual({ row: r, column: c });
        },
      ),
    );
  });
});
