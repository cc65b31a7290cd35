import fc from 'fast-check';
import {
  checkQuestionCode,
  expectedQuestionRange,
  formatQuestionRange,
  normalizeQuestionCode,
} from '../../../src/core/ita/question-codes';
import { ITA_2568 } from '../../../src/core/ita';

const check = (unit: string, indicator: number | null, typed: string) =>
  checkQuestionCode(ITA_2568, unit, indicator, typed);

describe('question codes', () => {
  test('normalisation', () => {
    expect(normalizeQuestionCode(' I๔ ')).toBe('i4');
    expect(normalizeQuestionCode('๑๔')).toBe('14');
  });

  test('valid codes in range', () => {
    expect(check('IIT', 1, 'i1')).toEqual({ kind: 'ok', code: 'i1' });
    expect(check('IIT', 2, 'i๔')).toEqual({ kind: 'ok', code: 'i4' });
    expect(check('EIT2', 8, 'e8')).toEqual({ kind: 'ok', code: 'e8' });
    expect(check('OIT', 9, 'o27')).toEqual({ kind: 'ok', code: 'o27' });
    expect(check('IIT', 1, '')).toEqual({ kind: 'blank' });
  });

  test('out of the indicator range, or of another tool', () => {
    expect(check('IIT', 1, 'i7')).toMatchObject({ kind: 'out-of-range', code: 'i7' });
    expect(check('IIT', 1, 'e1')).toMatchObject({ kind: 'out-of-range' });
    expect(check('OIT', 10, 'o28')).toMatchObject({ kind: 'out-of-range' });
  });

  test('the seed’s garbled codes: i typed as ๑, o as ๐, inferred from the indicator', () => {
    const suggestion = (unit: string, n: number | null, typed: string) => {
      const r = check(unit, n, typed);
      return r?.kind === 'garbled' ? r.suggestions : null;
    };
    expect(suggestion('IIT', 2, '๑๔')).toEqual(['i4']);
    expect(suggestion('IIT', 2, '14')).toEqual(['i4']);
    expect(suggestion('IIT', 4, '๑๑๐')).toEqual(['i10']);
    expect(suggestion('IIT', 4, '๑๑๒')).toEqual(['i12']);
    expect(suggestion('IIT', 5, '๑๑๕')).toEqual(['i15']);
    expect(suggestion('IIT', 5, '14')).toEqual(['i14']);
    expect(suggestion('IIT', null, '14')).toEqual(['i4', 'i14']);
    expect(suggestion('OIT', 9, '๐๘')).toEqual(['o8']);
    expect(suggestion('OIT', 10, '๐๑๖')).toEqual(['o16']);
    expect(suggestion('EIT1', 7, '๔')).toEqual(['e4']);
    expect(suggestion('IIT', 1, '๙๙')).toEqual([]);
  });

  test('not a code at all', () => {
    expect(check('IIT', 1, 'abc')).toMatchObject({ kind: 'unknown' });
    expect(check('XYZ', 1, 'i1')).toBeNull();
  });

  test('the expected range: the indicator’s own, else the unit’s', () => {
    expect(formatQuestionRange(expectedQuestionRange(ITA_2568, 'IIT', 2)!)).toBe('i4–i6');
    expect(formatQuestionRange(expectedQuestionRange(ITA_2568, 'IIT', 7)!)).toBe('i1–i15');
    expect(formatQuestionRange(expectedQuestionRange(ITA_2568, 'OIT', 9)!)).toBe('o1–o27');
  });

  test('every suggestion is a valid code of its row', () => {
    const units = ITA_2568.units.map((u) => u.id);
    fc.assert(
      fc.property(
        fc.constantFrom(...units),
        fc.option(fc.integer({ min: 1, max: 10 })),
        fc.stringMatching(/^[0-9๐-๙]{1,3}$/),
        (unit, n, typed) => {
          const r = check(unit, n, typed);
          if (r?.kind !== 'garbled') return;
          for (const s of r.suggestions) expect(check(unit, n, s)).toEqual({ kind: 'ok', code: s });
        },
      ),
    );
  });
});
