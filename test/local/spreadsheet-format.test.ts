import {
  columnToLetters,
  lettersToColumn,
  parseRef,
  rangeA1,
  splitSheet,
} from '../../src/local/services/spreadsheet/a1';
import { formatText, formatValue } from '../../src/local/services/spreadsheet/number-format';
import { parseEntered } from '../../src/local/services/spreadsheet/values';

/** Number formats as Sheets displays them, and A1 notation as Sheets parses it. */

const TH = { timeZone: 'Asia/Bangkok', locale: 'th_TH' };
const US = { timeZone: 'Asia/Bangkok', locale: 'en_US' };
const oct3 = new Date('2025-10-03T07:05:09Z'); // 14:05:09 in Bangkok

describe('number formats', () => {
  test.each([
    [93.53, '0.00', '93.53'],
    [1.005, '0.00', '1.01'],
    [-1234.5, '#,##0.00', '-1,234.50'],
    [-1234.5, '#,##0.00;(#,##0.00)', '(1,234.50)'],
    [0, '0.00;-0.00;"-"', '-'],
    [0.5, '#.00', '.50'],
    [0.256, '0%', '26%'],
    [1234567, '#,##0,"K"', '1,235K'],
    [12345, '0.00E+00', '1.23E+04'],
    [5, '"฿"#,##0.00', '฿5.00'],
    [5, '[$฿-41E]#,##0', '฿5'],
    [42, '[Red]0', '42'],
    [7, '@', '7'],
  ])('%p with %p shows %p', (value, format, shown) => {
    expect(formatValue(value, format, TH)).toBe(shown);
  });

  test.each([
    ['d/m/yyyy', '3/10/2025'],
    ['dd/mm/yy', '03/10/25'],
    ['yyyy-mm-dd hh:mm:ss', '2025-10-03 14:05:09'],
    ['h:mm AM/PM', '2:05 PM'],
    ['d mmmm bbbb', '3 ตุลาคม 2568'],
    ['d mmm yyyy', '3 ต.ค. 2025'],
  ])('dates: %p shows %p (Thai locale)', (format, shown) => {
    expect(formatValue(oct3, format, TH)).toBe(shown);
  });

  test('English month and day names in an en_US spreadsheet; default date order follows the locale', () => {
    expect(formatValue(oct3, 'dddd, mmmm d', US)).toBe('Friday, October 3');
    expect(formatValue(new Date('2025-10-02T17:00:00Z'), undefined, US)).toBe('10/3/2025');
    expect(formatValue(new Date('2025-10-02T17:00:00Z'), 'General', TH)).toBe('3/10/2025');
    expect(formatValue(oct3, undefined, TH)).toBe('3/10/2025 14:05:09');
  });

  test('a number under a date format is a serial number', () => {
    expect(formatValue(45933, 'yyyy-mm-dd', TH)).toBe('2025-10-03');
  });

  test('text sections', () => {
    expect(formatText('ITA', '0;-0;0;"รหัส "@')).toBe('รหัส ITA');
    expect(formatText('ITA', '0.00')).toBe('ITA');
  });
});

describe('typed input (USER_ENTERED)', () => {
  const book = { timeZone: 'Asia/Bangkok', locale: 'th_TH' };
  test.each([
    ['12', 12],
    ['-3.5', -3.5],
    ['+66', 66],
    ['1e3', 1000],
    ['TRUE', true],
    ['๙๓.๕๓', '๙๓.๕๓'],
    ['12abc', '12abc'],
    ['3 ต.ค. 2568', '3 ต.ค. 2568'],
    ['  ', '  '],
  ])('%p is stored as %p', (input, value) => {
    expect(parseEntered(input, false, book)).toEqual({ kind: 'value', value });
  });

  test('dates: day first in th_TH, month first in en_US; invalid dates stay text', () => {
    const th = parseEntered('3/10/2025', false, book);
    const us = parseEntered('10/3/2025', false, { ...book, locale: 'en_US' });
    expect(th.kind === 'value' && (th.value as Date).toISOString()).toBe(
      '2025-10-02T17:00:00.000Z',
    );
    expect(us.kind === 'value' && (us.value as Date).toISOString()).toBe(
      '2025-10-02T17:00:00.000Z',
    );
    expect(parseEntered('31/2/2025', false, book)).toEqual({ kind: 'value', value: '31/2/2025' });
  });
});

describe('A1 notation', () => {
  test('column letters', () => {
    expect([1, 26, 27, 52, 702, 703, 18278].map(columnToLetters)).toEqual([
      'A',
      'Z',
      'AA',
      'AZ',
      'ZZ',
      'AAA',
      'ZZZ',
    ]);
    expect(lettersToColumn('AB')).toBe(28);
  });

  test.each([
    ['A1', { row: 1, col: 1, numRows: 1, numCols: 1 }],
    ['$B$2:C3', { row: 2, col: 2, numRows: 2, numCols: 2 }],
    ['C3:B2', { row: 2, col: 2, numRows: 2, numCols: 2 }],
    ['A:B', { row: 1, col: 1, numRows: 1000, numCols: 2 }],
    ['2:3', { row: 2, col: 1, numRows: 2, numCols: 26 }],
    ['A2:C', { row: 2, col: 1, numRows: 999, numCols: 3 }],
  ])('%p', (ref, grid) => {
    expect(parseRef(ref, 1000, 26)).toEqual(grid);
  });

  test.each(['', 'A', '1', 'A0', 'A1:B2:C3', 'ZZZZ1', '1A', 'A1:'])('%p is no range', (ref) => {
    expect(parseRef(ref, 1000, 26)).toBeNull();
  });

  test('sheet-qualified references', () => {
    expect(splitSheet("'คะแนน'!C5")).toEqual({ sheetName: 'คะแนน', ref: 'C5' });
    expect(splitSheet("'it''s'!A1")).toEqual({ sheetName: "it's", ref: 'A1' });
    expect(splitSheet('Sheet1!A1:B2')).toEqual({ sheetName: 'Sheet1', ref: 'A1:B2' });
    expect(rangeA1({ row: 1, col: 26, numRows: 2, numCols: 3 })).toBe('Z1:AB2');
  });
});
