// คะแนน: codes, values (numbers, 0–100, two decimals) and the arithmetic between them. The same
// checks serve each year of ผลย้อนหลัง, worded for it (see ScoreWording).
import { formatHundredths, roundToHundredths, toHundredths, type Hundredths } from '../ita/decimal';
import { evaluateFormula, scoreCodes, scoreFormulas, type ScoreFormula } from '../ita/scores';
import type { ItaRules } from '../ita/types';
import { closestMatch } from '../thai/similarity';
import { toA1 } from '../workbook/a1';
import type { Cell } from '../workbook/cells';
import { SCORES_TAB, type ColumnKey } from '../workbook/contract';
import type { LocatedTab } from '../workbook/tabs';
import type { ScoreEntry } from '../workbook/types';
import { listThai, quote } from './describe';
import { findingAt, makeFinding, type Finding, type RuleId } from './finding';

/** Published totals may differ from the recomputed value by this much (hundredths). */
export const ARITHMETIC_TOLERANCE = 1;

/** How score findings name what they are about, and which rules they raise. */
export interface ScoreWording {
  /** "คะแนน", or "คะแนนปี 2567" for a year of ผลย้อนหลัง. */
  readonly score: string;
  /** An aggregate: "คะแนน EIT2", "คะแนน EIT2 ปี 2567". */
  readonly aggregate: (code: string) => string;
  readonly rules: {
    readonly notNumber: RuleId;
    readonly outOfRange: RuleId;
    readonly tooManyDecimals: RuleId;
    readonly arithmetic: RuleId;
    readonly codeUnknown: RuleId;
    readonly codeDuplicate: RuleId;
  };
  /** After "ไม่รู้จักรหัส “X”": where the codes come from. */
  readonly codesOf: (rules: ItaRules) => string;
}

export const SCORES_WORDING: ScoreWording = {
  score: 'คะแนน',
  aggregate: (code) => `คะแนน ${code}`,
  rules: {
    notNumber: 'score-not-number',
    outOfRange: 'score-out-of-range',
    tooManyDecimals: 'score-too-many-decimals',
    arithmetic: 'score-arithmetic',
    codeUnknown: 'score-code-unknown',
    codeDuplicate: 'score-code-duplicate',
  },
  codesOf: (rules) => `ในเกณฑ์ปี ${rules.year}`,
};

const NOT_A_NUMBER: Readonly<Record<string, string>> = {
  boolean: 'เป็นค่าจริง/เท็จ (ช่องทำเครื่องหมาย)',
  date: 'ถูกจัดรูปแบบเป็นวันที่',
  'not-finite': 'ไม่ใช่ตัวเลขที่ใช้ได้',
};

/** A score cell that is not a number, outside 0–100 or with more than two decimals. */
export function scoreProblem(score: Cell<number | null>, wording: ScoreWording): Finding[] {
  const problem = score.problem;
  const { rules } = wording;
  if (problem) {
    if (problem.reason === 'error-value' || problem.reason === 'empty') return [];
    const why =
      problem.reason === 'decimal-comma'
        ? `ใช้จุลภาคแทนจุดทศนิยม กรุณาแก้เป็น ${problem.suggestion}`
        : `${NOT_A_NUMBER[problem.reason] ?? 'ไม่ใช่ตัวเลข'} กรุณากรอกคะแนนเป็นตัวเลข เช่น 93.53 หรือ ๙๓.๕๓`;
    return findingAt(score, rules.notNumber, `${wording.score} ${quote(score.raw)} ${why}`);
  }
  const value = score.value;
  if (value === null) return [];
  if (value < 0 || value > 100) {
    return findingAt(
      score,
      rules.outOfRange,
      `${wording.score} ${quote(score.raw)} อยู่นอกช่วง 0–100 กรุณาตรวจคะแนนกับผลที่ประกาศ`,
    );
  }
  if (toHundredths(value) === null) {
    const rounded = roundToHundredths(value);
    return findingAt(
      score,
      rules.tooManyDecimals,
      `${wording.score} ${quote(score.raw)} มีทศนิยมเกิน 2 ตำแหน่ง กรุณากรอกตามที่ประกาศ${rounded === null ? '' : ` (ปัดเป็น 2 ตำแหน่งได้ ${formatHundredths(rounded)})`} หากเซลล์นี้เป็นสูตร กรุณาพิมพ์ค่าที่ประกาศแทน`,
    );
  }
  return [];
}

/** Codes compared without dots and spaces: IIT1 is IIT.1 typed without its dot. */
const loose = (code: string) => code.replace(/[.\s]/g, '');

/** Unknown and repeated codes; the first row of each known code, by code. */
export function checkCodes(
  codes: readonly { readonly code: Cell<string | null> }[],
  rules: ItaRules,
  wording: ScoreWording,
): { findings: Finding[]; first: Map<string, number> } {
  const findings: Finding[] = [];
  const known = scoreCodes(rules).map((c) => c.code);
  const first = new Map<string, number>();
  codes.forEach(({ code: cell }, i) => {
    const code = cell.value;
    if (code === null) return;
    if (known.indexOf(code) < 0) {
      const guess = known.find((k) => loose(k) === loose(code)) ?? closestMatch(code, known, 0.2);
      findings.push(
        ...findingAt(
          cell,
          wording.rules.codeUnknown,
          `ไม่รู้จักรหัส ${quote(cell.raw)} ${wording.codesOf(rules)}${guess ? ` หากหมายถึง “${guess}” กรุณาแก้เป็น “${guess}”` : ` รหัสที่ใช้ได้คือ ${known.join(', ')}`}`,
        ),
      );
      return;
    }
    const at = first.get(code);
    if (at === undefined) {
      first.set(code, i);
      return;
    }
    findings.push(
      ...findingAt(
        cell,
        wording.rules.codeDuplicate,
        `รหัส “${code}” ซ้ำกับเซลล์ ${codes[at].code.cell} ระบบใช้คะแนนของแถวแรก กรุณาลบแถวที่ซ้ำ`,
      ),
    );
  });
  return { findings, first };
}

export function checkScores(
  entries: readonly ScoreEntry[],
  tab: LocatedTab<ColumnKey<typeof SCORES_TAB>>,
  rules: ItaRules,
): Finding[] {
  const findings: Finding[] = [];
  for (const entry of entries) findings.push(...scoreProblem(entry.score, SCORES_WORDING));
  const codes = checkCodes(entries, rules, SCORES_WORDING);
  findings.push(...codes.findings);
  const known = scoreCodes(rules).map((c) => c.code);
  const missing = known.filter((k) => !codes.first.has(k));
  const header = tab.columns.code;
  if (missing.length > 0 && header !== undefined) {
    findings.push(
      makeFinding(
        'score-code-missing',
        tab.sheet,
        toA1(1, header),
        `ยังไม่มีแถวของรหัส ${listThai(missing)} กรุณาเพิ่มแถวละรหัสพร้อมคะแนนตามที่ประกาศ (คำสั่งตั้งค่าชีตเพิ่มรหัสให้ได้)`,
      ),
    );
  }
  const byCode = new Map<string, Cell<number | null>>();
  for (const [code, i] of codes.first) byCode.set(code, entries[i].score);
  findings.push(...checkArithmetic(byCode, rules, SCORES_WORDING));
  return findings;
}

interface Valid {
  cell: Cell<number | null>;
  value: Hundredths;
}

function validScore(cell: Cell<number | null> | undefined): Valid | null {
  const value = cell?.value;
  if (!cell || value === null || value === undefined || value < 0 || value > 100) return null;
  const h = toHundredths(value);
  return h === null ? null : { cell, value: h };
}

/** Every aggregate against the scores directly below it, at the aggregate's cell. */
export function checkArithmetic(
  byCode: ReadonlyMap<string, Cell<number | null>>,
  rules: ItaRules,
  wording: ScoreWording,
): Finding[] {
  const findings: Finding[] = [];
  for (const formula of scoreFormulas(rules)) {
    const total = validScore(byCode.get(formula.code));
    const inputs = formula.inputs.map((i) => validScore(byCode.get(i.code)));
    if (total === null || inputs.some((i) => i === null)) continue;
    const values: Record<string, Hundredths> = {};
    formula.inputs.forEach((input, k) => (values[input.code] = (inputs[k] as Valid).value));
    const expected = evaluateFormula(formula, values);
    if (expected === null || Math.abs(expected - total.value) <= ARITHMETIC_TOLERANCE) continue;
    findings.push(
      ...findingAt(
        total.cell,
        wording.rules.arithmetic,
        `${wording.aggregate(formula.code)} ที่กรอกไว้คือ ${formatHundredths(total.value)} แต่${describeFormula(formula, inputs as Valid[])} คือ ${formatHundredths(expected)} กรุณาตรวจคะแนนในเซลล์เหล่านี้กับผลที่ประกาศ แล้วแก้ให้ตรงกัน (คลาดเคลื่อนได้ไม่เกิน 0.01)`,
      ),
    );
  }
  return findings;
}

function describeFormula(formula: ScoreFormula, inputs: readonly Valid[]): string {
  const term = (v: Valid, k: number) =>
    `${formula.inputs[k].code} (${v.cell.cell}) ${formatHundredths(v.value)}`;
  if (formula.kind === 'mean') return `ค่าเฉลี่ยของ ${listThai(inputs.map(term))}`;
  const weights = formula.inputs.reduce((sum, i) => sum + i.weight, 0);
  const parts = inputs.map(
    (v, k) =>
      `${formatHundredths(Math.round((formula.inputs[k].weight * 100) / weights))} × ${term(v, k)}`,
  );
  return `ผลรวมถ่วงน้ำหนัก ${parts.join(' + ')}`;
}
