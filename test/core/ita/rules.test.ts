import { ITA_2568, itaRulesFor, itaRuleYears } from '../../../src/core/ita';
import { scoreCodes, scoreFormulas } from '../../../src/core/ita/scores';

describe('ITA rules per year', () => {
  test('2568 is known; other years fall back to the nearest earlier year', () => {
    expect(itaRuleYears()).toEqual([2568]);
    expect(itaRulesFor(2568)).toBe(ITA_2568);
    expect(itaRulesFor(2570)).toBe(ITA_2568);
    expect(itaRulesFor(2560)).toBe(ITA_2568); // before every known year: the earliest
    expect(itaRulesFor(null)).toBe(ITA_2568); // unknown: the latest
  });

  test('weights sum to 100 and every unit has indicators of the year', () => {
    expect(ITA_2568.tools.reduce((s, t) => s + t.weightPercent, 0)).toBe(100);
    const numbers = ITA_2568.indicators.map((i) => i.number);
    expect(numbers).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    for (const unit of ITA_2568.units) {
      for (const n of unit.indicators) expect(numbers).toContain(n);
    }
  });

  test('question ranges: three per IIT and EIT indicator, inside the unit range', () => {
    for (const unit of ITA_2568.units) {
      for (const n of unit.indicators) {
        const q = ITA_2568.indicators.find((i) => i.number === n)?.questions;
        if (!q) continue;
        expect(q.prefix).toBe(unit.questions.prefix);
        expect(q.to - q.from).toBe(2);
        expect(q.from).toBeGreaterThanOrEqual(unit.questions.from);
        expect(q.to).toBeLessThanOrEqual(unit.questions.to);
      }
    }
    expect(ITA_2568.units.find((u) => u.id === 'OIT')?.questions).toEqual({
      prefix: 'o',
      from: 1,
      to: 27,
    });
  });

  test('score codes in the order of the contract table', () => {
    expect(scoreCodes(ITA_2568).map((c) => c.code)).toEqual([
      'ITA',
      'IIT',
      'IIT.1',
      'IIT.2',
      'IIT.3',
      'IIT.4',
      'IIT.5',
      'EIT',
      'EIT1',
      'EIT1.6',
      'EIT1.7',
      'EIT1.8',
      'EIT2',
      'EIT2.6',
      'EIT2.7',
      'EIT2.8',
      'OIT',
      'OIT.9',
      'OIT.10',
    ]);
  });

  test('formulas: units are means of indicators, EIT the mean of its parts, ITA weighted', () => {
    const byCode = Object.fromEntries(scoreFormulas(ITA_2568).map((f) => [f.code, f]));
    expect(byCode.EIT2.inputs.map((i) => i.code)).toEqual(['EIT2.6', 'EIT2.7', 'EIT2.8']);
    expect(byCode.EIT).toEqual({
      code: 'EIT',
      kind: 'mean',
      inputs: [
        { code: 'EIT1', weight: 1 },
        { code: 'EIT2', weight: 1 },
      ],
    });
    expect(byCode.ITA.inputs).toEqual([
      { code: 'IIT', weight: 30 },
      { code: 'EIT', weight: 30 },
      { code: 'OIT', weight: 40 },
    ]);
    expect(
      scoreFormulas(ITA_2568)
        .map((f) => f.code)
        .pop(),
    ).toBe('ITA');
  });
});
