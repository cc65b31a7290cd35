import { ITA_2568 } from './rules-2568';
import type { ItaRules } from './types';

// One entry per assessment year whose rules changed. Adding 2569 is adding its data here.
const RULES_BY_YEAR: readonly ItaRules[] = [ITA_2568];

/** The years that have their own rules, ascending. */
export function itaRuleYears(): number[] {
  return RULES_BY_YEAR.map((r) => r.year).sort((a, b) => a - b);
}

/**
 * The rules of an assessment year: that year's, else the nearest earlier year's. A year before
 * every known year gets the earliest rules; an unknown year (null) gets the latest.
 */
export function itaRulesFor(year?: number | null): ItaRules {
  const sorted = [...RULES_BY_YEAR].sort((a, b) => a.year - b.year);
  if (year === null || year === undefined || !Number.isFinite(year)) {
    return sorted[sorted.length - 1];
  }
  let chosen = sorted[0];
  for (const rules of sorted) if (rules.year <= year) chosen = rules;
  return chosen;
}

/** The rules of exactly this assessment year, or null when the registry does not have them. */
export function itaRulesOfYear(year: number): ItaRules | null {
  return RULES_BY_YEAR.find((r) => r.year === year) ?? null;
}
