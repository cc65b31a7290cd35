// What the scores mean: the level, each unit's verdict, indicators to maintain and to improve,
// and the value every aggregate should have given the scores below it.
import type { Hundredths } from './decimal';
import {
  evaluateFormula,
  indicatorByNumber,
  indicatorCode,
  scoreFormulas,
  type ScoreValues,
} from './scores';
import type { IndicatorRule, ItaRules, LevelRule, UnitRule } from './types';

export interface IndicatorAssessment {
  readonly indicator: IndicatorRule;
  /** The score code, e.g. EIT2.8. */
  readonly code: string;
  readonly score: Hundredths | null;
  /** At or above the pass mark ("maintain the standard"); null without a score. */
  readonly maintain: boolean | null;
}

export interface UnitAssessment {
  readonly unit: UnitRule;
  /** The published score, or the one computed from its indicators when none was given. */
  readonly score: Hundredths | null;
  /** At or above the pass mark; null without a score. */
  readonly passes: boolean | null;
  readonly indicators: readonly IndicatorAssessment[];
  readonly maintain: readonly IndicatorRule[];
  readonly improve: readonly IndicatorRule[];
}

export interface Assessment {
  readonly rules: ItaRules;
  /** The published overall score, or the computed one when none was given. */
  readonly overall: Hundredths | null;
  /** Null when the overall score or a unit's score is unknown. */
  readonly level: LevelRule | null;
  readonly units: readonly UnitAssessment[];
  /** Every aggregate's value computed from the published scores directly below it. */
  readonly expected: Readonly<Record<string, Hundredths>>;
}

const atLeast = (score: Hundredths, threshold: number) => score >= Math.round(threshold * 100);

/** The expected value of every aggregate whose inputs are all present. */
export function expectedScores(rules: ItaRules, scores: ScoreValues): Record<string, Hundredths> {
  const expected: Record<string, Hundredths> = {};
  for (const formula of scoreFormulas(rules)) {
    const value = evaluateFormula(formula, scores);
    if (value !== null) expected[formula.code] = value;
  }
  return expected;
}

export function levelOf(
  rules: ItaRules,
  overall: Hundredths,
  unitScores: readonly Hundredths[],
): LevelRule | null {
  return (
    rules.levels.find(
      (level) =>
        (level.minOverall === null || atLeast(overall, level.minOverall)) &&
        (level.minEveryUnit === null ||
          unitScores.every((s) => atLeast(s, level.minEveryUnit as number))),
    ) ?? null
  );
}

export function assessScores(rules: ItaRules, scores: ScoreValues): Assessment {
  const expected = expectedScores(rules, scores);
  const valueOf = (code: string): Hundredths | null => scores[code] ?? expected[code] ?? null;
  const units = rules.units.map((unit): UnitAssessment => {
    const indicators = unit.indicators.map((n): IndicatorAssessment => {
      const indicator = indicatorByNumber(rules, n) ?? {
        number: n,
        name: String(n),
        questions: null,
      };
      const code = indicatorCode(unit.id, n);
      const score = scores[code] ?? null;
      return {
        indicator,
        code,
        score,
        maintain: score === null ? null : atLeast(score, rules.passMark),
      };
    });
    const score = valueOf(unit.id);
    return {
      unit,
      score,
      passes: score === null ? null : atLeast(score, rules.passMark),
      indicators,
      maintain: indicators.filter((i) => i.maintain === true).map((i) => i.indicator),
      improve: indicators.filter((i) => i.maintain === false).map((i) => i.indicator),
    };
  });
  const overall = valueOf(rules.overall.code);
  const unitScores = units.map((u) => u.score);
  const level =
    overall === null || unitScores.some((s) => s === null)
      ? null
      : levelOf(rules, overall, unitScores as Hundredths[]);
  return { rules, overall, level, units, expected };
}
