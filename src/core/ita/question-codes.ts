// Question and item codes of recommendations (i4, e7, o8) and the classic ways they get
// garbled: typed in Thai, the letter becomes a digit that looks like it (i → ๑, o → ๐), or is
// lost altogether.
import { toArabicDigits } from '../thai/digits';
import { indicatorByNumber, unitById } from './scores';
import type { ItaRules, QuestionRange } from './types';

export type QuestionCodeCheck =
  | { readonly kind: 'blank' }
  | { readonly kind: 'ok'; readonly code: string }
  /** Digits only: the letter was lost; suggestions are in the expected range, best first. */
  | {
      readonly kind: 'garbled';
      readonly suggestions: readonly string[];
      readonly expected: QuestionRange;
    }
  /** A well-formed code outside the indicator's (or the unit's) range or of another tool. */
  | { readonly kind: 'out-of-range'; readonly code: string; readonly expected: QuestionRange }
  | { readonly kind: 'unknown'; readonly expected: QuestionRange };

// The digit a letter turns into when typed on a Thai keyboard layout or misread.
const LOOKALIKE_DIGIT: Readonly<Record<string, string>> = { i: '1', o: '0' };

/** i4, e7, o8: lower-case letter, Arabic digits, no spaces or invisible characters. */
export function normalizeQuestionCode(text: string): string {
  return toArabicDigits(text)
    .replace(/[\s\u00a0\u200b-\u200d\u2060\ufeff]/g, '')
    .toLowerCase();
}

export function formatQuestionRange(range: QuestionRange): string {
  return `${range.prefix}${range.from}–${range.prefix}${range.to}`;
}

/** The codes allowed for an indicator of a unit: the indicator's own range when the year knows it. */
export function expectedQuestionRange(
  rules: ItaRules,
  unitId: string,
  indicator: number | null,
): QuestionRange | null {
  const unit = unitById(rules, unitId);
  if (unit === null) return null;
  const own =
    indicator !== null && unit.indicators.indexOf(indicator) >= 0
      ? indicatorByNumber(rules, indicator)?.questions
      : null;
  return own ?? unit.questions;
}

const inRange = (range: QuestionRange, n: number) => n >= range.from && n <= range.to;

/** Checks a typed code against the unit and indicator of its row. */
export function checkQuestionCode(
  rules: ItaRules,
  unitId: string,
  indicator: number | null,
  typed: string,
): QuestionCodeCheck | null {
  const expected = expectedQuestionRange(rules, unitId, indicator);
  if (expected === null) return null;
  const code = normalizeQuestionCode(typed);
  if (code === '') return { kind: 'blank' };
  const letter = /^([a-z])(\d+)$/.exec(code);
  if (letter) {
    const n = Number(letter[2]);
    const canonical = `${letter[1]}${n}`;
    return letter[1] === expected.prefix && inRange(expected, n)
      ? { kind: 'ok', code: canonical }
      : { kind: 'out-of-range', code: canonical, expected };
  }
  if (/^\d+$/.test(code)) {
    return { kind: 'garbled', suggestions: garbledCandidates(code, expected), expected };
  }
  return { kind: 'unknown', expected };
}

function garbledCandidates(digits: string, expected: QuestionRange): string[] {
  const candidates: number[] = [];
  const lookalike = LOOKALIKE_DIGIT[expected.prefix];
  if (
    lookalike !== undefined &&
    digits.length >= 2 &&
    digits[0] === lookalike &&
    digits[1] !== '0'
  ) {
    candidates.push(Number(digits.slice(1)));
  }
  if (digits[0] !== '0') candidates.push(Number(digits));
  return candidates
    .filter((n, i) => inRange(expected, n) && candidates.indexOf(n) === i)
    .map((n) => `${expected.prefix}${n}`);
}
