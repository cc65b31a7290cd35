import { assessScores, expectedScores, levelOf, ITA_2568 } from '../../../src/core/ita';
import type { ScoreValues } from '../../../src/core/ita/scores';

// The seed's published scores, in hundredths.
const SEED: Record<string, number> = {
  ITA: 9353,
  IIT: 9133,
  'IIT.1': 9405,
  'IIT.2': 9357,
  'IIT.3': 10000,
  'IIT.4': 8738,
  'IIT.5': 8167,
  EIT: 8961,
  EIT1: 8166,
  'EIT1.6': 8582,
  'EIT1.7': 8012,
  'EIT1.8': 7903,
  EIT2: 9756,
  'EIT2.6': 9800,
  'EIT2.7': 9800,
  'EIT2.8': 7903,
  OIT: 9813,
  'OIT.9': 9625,
  'OIT.10': 10000,
};

describe('assessScores on the seed', () => {
  const a = assessScores(ITA_2568, SEED);

  test('every consistent aggregate reproduces; EIT2 does not (91.68 ≠ 97.56)', () => {
    expect(a.expected).toEqual({
      IIT: 9133,
      EIT1: 8166,
      EIT2: 9168,
      OIT: 9813,
      EIT: 8961,
      ITA: 9353,
    });
    expect(expectedScores(ITA_2568, { ...SEED, 'EIT2.8': 9668 }).EIT2).toBe(9756);
  });

  test('level ผ่าน: overall ≥ 85 but EIT part 1 < 85', () => {
    expect(a.overall).toBe(9353);
    expect(a.level?.name).toBe('ผ่าน');
    expect(a.units.map((u) => [u.unit.id, u.score, u.passes])).toEqual([
      ['IIT', 9133, true],
      ['EIT1', 8166, false],
      ['EIT2', 9756, true],
      ['OIT', 9813, true],
    ]);
  });

  test('indicators to maintain (≥ 85) and to improve (< 85)', () => {
    const iit = a.units[0];
    expect(iit.maintain.map((i) => i.number)).toEqual([1, 2, 3, 4]);
    expect(iit.improve.map((i) => i.name)).toEqual(['การแก้ไขปัญหาการทุจริต']);
    const eit1 = a.units[1];
    expect(eit1.maintain.map((i) => i.number)).toEqual([6]);
    expect(eit1.improve.map((i) => i.number)).toEqual([7, 8]);
    expect(a.units[2].improve.map((i) => i.number)).toEqual([8]);
    expect(a.units[3].improve).toEqual([]);
  });
});

describe('levels', () => {
  const units = (s: number) => [s, s, s, s];
  test('thresholds as data', () => {
    expect(levelOf(ITA_2568, 9500, units(9500))?.name).toBe('ผ่านดีเยี่ยม');
    expect(levelOf(ITA_2568, 9500, [9500, 9499, 9500, 9500])?.name).toBe('ผ่านดี');
    expect(levelOf(ITA_2568, 8500, units(8500))?.name).toBe('ผ่านดี');
    expect(levelOf(ITA_2568, 8500, [8499, 9000, 9000, 9000])?.name).toBe('ผ่าน');
    expect(levelOf(ITA_2568, 8499, units(10000))?.name).toBe('ไม่ผ่าน');
  });

  test('missing scores are computed where they can be, else the level is unknown', () => {
    const partial: ScoreValues = { ...SEED, ITA: undefined, EIT2: undefined };
    const a = assessScores(ITA_2568, partial);
    expect(a.units[2].score).toBe(9168);
    expect(a.overall).not.toBeNull();
    const none = assessScores(ITA_2568, {});
    expect(none.level).toBeNull();
    expect(none.units[0].passes).toBeNull();
    expect(none.units[0].indicators[0].maintain).toBeNull();
  });
});
