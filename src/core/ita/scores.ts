// Score codes and the arithmetic between them, derived from a year's rules.
import { divideRounded, type Hundredths } from './decimal';
import type { IndicatorRule, ItaRules, UnitRule } from './types';

export type ScoreKind = 'overall' | 'tool' | 'part' | 'indicator';

export interface ScoreCode {
  /** ITA, IIT, IIT.1, EIT, EIT1, EIT1.6 … */
  readonly code: string;
  /** As the score sheet lists it (the canonical name for indicators). */
  readonly name: string;
  readonly kind: ScoreKind;
}

/** The code of an indicator's score within a unit: IIT.1, EIT2.8, OIT.10. */
export function indicatorCode(unitId: string, indicator: number): string {
  return `${unitId}.${indicator}`;
}

export function unitById(rules: ItaRules, id: string): UnitRule | null {
  return rules.units.find((u) => u.id === id) ?? null;
}

export function indicatorByNumber(rules: ItaRules, n: number): IndicatorRule | null {
  return rules.indicators.find((i) => i.number === n) ?? null;
}

/** Every score code of the year, in the order the score sheet lists them. */
export function scoreCodes(rules: ItaRules): ScoreCode[] {
  const codes: ScoreCode[] = [
    { code: rules.overall.code, name: rules.overall.name, kind: 'overall' },
  ];
  const pushUnit = (unit: UnitRule, kind: ScoreKind) => {
    codes.push({ code: unit.id, name: unit.name, kind });
    for (const n of unit.indicators) {
      const name = indicatorByNumber(rules, n)?.name ?? String(n);
      codes.push({ code: indicatorCode(unit.id, n), name, kind: 'indicator' });
    }
  };
  for (const tool of rules.tools) {
    if (tool.parts === null) {
      const unit = unitById(rules, tool.id);
      if (unit) pushUnit(unit, 'tool');
      continue;
    }
    codes.push({ code: tool.id, name: tool.name, kind: 'tool' });
    for (const part of tool.parts) {
      const unit = unitById(rules, part);
      if (unit) pushUnit(unit, 'part');
    }
  }
  return codes;
}

export interface ScoreFormula {
  /** The aggregate this formula computes. */
  readonly code: string;
  /** mean: plain mean of the inputs; weighted: Σ weight × input / Σ weight. */
  readonly kind: 'mean' | 'weighted';
  readonly inputs: readonly { readonly code: string; readonly weight: number }[];
}

/** How every aggregate follows from the scores below it, bottom-up (units, tools, overall). */
export function scoreFormulas(rules: ItaRules): ScoreFormula[] {
  const mean = (code: string, inputs: readonly string[]): ScoreFormula => ({
    code,
    kind: 'mean',
    inputs: inputs.map((c) => ({ code: c, weight: 1 })),
  });
  const formulas: ScoreFormula[] = rules.units.map((u) =>
    mean(
      u.id,
      u.indicators.map((n) => indicatorCode(u.id, n)),
    ),
  );
  for (const tool of rules.tools) if (tool.parts !== null) formulas.push(mean(tool.id, tool.parts));
  formulas.push({
    code: rules.overall.code,
    kind: 'weighted',
    inputs: rules.tools.map((t) => ({ code: t.id, weight: t.weightPercent })),
  });
  return formulas;
}

export type ScoreValues = Readonly<Record<string, Hundredths | undefined>>;

/** The formula's value from the given inputs, rounded half-up; null when an input is missing. */
export function evaluateFormula(formula: ScoreFormula, scores: ScoreValues): Hundredths | null {
  let sum = 0;
  let weights = 0;
  for (const input of formula.inputs) {
    const value = scores[input.code];
    if (value === undefined || !Number.isFinite(value)) return null;
    sum += input.weight * value;
    weights += input.weight;
  }
  return weights > 0 ? divideRounded(sum, weights) : null;
}
