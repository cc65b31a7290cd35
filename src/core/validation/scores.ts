// คะแนน: codes, values (numbers, 0–100, two decimals) and the arithmetic between them.
import { formatHundredths, roundToHundredths, toHundredths, type Hundredths } from '../ita/decimal';
import { evaluateFormula, scoreCodes, scoreFormulas, type ScoreFormula } from '../ita/scores';
import type { ItaRules } from '../ita/types';
import { closestMatch } from '../thai/similarity';
import { toA1 } from '../workbook/a1';
import { SCORES_TAB, type ColumnKey } from '../workbook/contract';
import type { LocatedTab } from '../workbook/tabs';
import type { ScoreEntry } from '../workbook/types';
import { listThai, quote } from './describe';
import { findingAt, makeFinding, type Finding } from './finding';

/** Published totals may differ from the recomputed value by this much (hundredths). */
export const ARITHMETIC_TOLERANCE = 1;

const NOT_A_NUMBER: Readonly<Record<string, string>> = {
  boolean: 'เป็นค่าจริง/เท็จ (ช่องทำเครื่องหมาย)',
  date: 'ถูกจัดรูปแบบเป็นวันที่',
  'not-finite': 'ไม่ใช่ตัวเลขที่ใช้ได้',
};

function scoreProblem(entry: ScoreEntry): Finding[] {
  const { score } = entry;
  const problem = score.problem;
  if (problem) {
    if (problem.reason === 'error-value' || problem.reason === 'empty') return [];
    const why =
      problem.reason === 'decimal-comma'
        ? `ใช้จุลภาคแทนจุดทศนิยม กรุณาแก้เป็น ${problem.suggestion}`
        : `${NOT_A_NUMBER[problem.reason] ?? 'ไม่ใช่ตัวเลข'} กรุณากรอกคะแนนเป็นตัวเลข เช่น 93.53 หรือ ๙๓.๕๓`;
    return findingAt(score, 'score-not-number', `คะแนน ${quote(score.raw)} ${why}`);
  }
  const value = score.value;
  if (value === null) return [];
  if (value < 0 || value > 100) {
    return findingAt(
      score,
      'score-out-of-range',
      `คะแนน ${quote(score.raw)} อยู่นอกช่วง 0–100 กรุณาตรวจคะแนนกับผลที่ประกาศ`,
    );
  }
  if (toHundredths(value) === null) {
    const rounded = roundToHundredths(value);
    return findingAt(
      score,
      'score-too-many-decimals',
      `คะแนน ${quote(score.raw)} มีทศนิยมเกิน 2 ตำแหน่ง กรุณากรอกตามที่ประกาศ${rounded === null ? '' : ` (ปัดเป็น 2 ตำแหน่งได้ ${formatHundredths(rounded)})`} หากเซลล์นี้เป็นสูตร กรุณาพิมพ์ค่าที่ประกาศแทน`,
    );
  }
  return [];
}

/** Codes compared without dots and spaces: IIT1 is IIT.1 typed without its dot. */
const loose = (code: string) => code.replace(/[.\s]/g, '');

export function checkScores(
  entries: readonly ScoreEntry[],
  tab: LocatedTab<ColumnKey<typeof SCORES_TAB>>,
  rules: ItaRules,
): Finding[] {
  const findings: Finding[] = [];
  const known = scoreCodes(rules).map((c) => c.code);
  const firstOf = new Map<string, ScoreEntry>();
  for (const entry of entries) {
    findings.push(...scoreProblem(entry));
    const code = entry.code.value;
    if (code === null) continue;
    if (known.indexOf(code) < 0) {
      const guess = known.find((k) => loose(k) === loose(code)) ?? closestMatch(code, known, 0.2);
      findings.push(
        ...findingAt(
          entry.code,
          'score-code-unknown',
          `ไม่รู้จักรหัส ${quote(entry.code.raw)} ในเกณฑ์ปี ${rules.year}${guess ? ` หากหมายถึง “${guess}” กรุณาแก้เป็น “${guess}”` : ` รหัสที่ใช้ได้คือ ${known.join(', ')}`}`,
        ),
      );
      continue;
    }
    const first = firstOf.get(code);
    if (first) {
      findings.push(
        ...findingAt(
          entry.code,
          'score-code-duplicate',
          `รหัส “${code}” ซ้ำกับเซลล์ ${first.code.cell} ระบบใช้คะแนนของแถวแรก กรุณาลบแถวที่ซ้ำ`,
        ),
      );
    } else {
      firstOf.set(code, entry);
    }
  }
  const missing = known.filter((k) => !firstOf.has(k));
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
  findings.push(...checkArithmetic(firstOf, rules));
  return findings;
}

interface Valid {
  entry: ScoreEntry;
  value: Hundredths;
}

function validScore(entry: ScoreEntry | undefined): Valid | null {
  const value = entry?.score.value;
  if (!entry || value === null || value === undefined || value < 0 || value > 100) return null;
  const h = toHundredths(value);
  return h === null ? null : { entry, value: h };
}

function checkArithmetic(byCode: ReadonlyMap<string, ScoreEntry>, rules: ItaRules): Finding[] {
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
        total.entry.score,
        'score-arithmetic',
        `คะแนน ${formula.code} ที่กรอกไว้คือ ${formatHundredths(total.value)} แต่${describeFormula(formula, inputs as Valid[])} คือ ${formatHundredths(expected)} กรุณาตรวจคะแนนในเซลล์เหล่านี้กับผลที่ประกาศ แล้วแก้ให้ตรงกัน (คลาดเคลื่อนได้ไม่เกิน 0.01)`,
      ),
    );
  }
  return findings;
}

function describeFormula(formula: ScoreFormula, inputs: readonly Valid[]): string {
  const term = (v: Valid, k: number) =>
    `${formula.inputs[k].code} (${v.entry.score.cell}) ${formatHundredths(v.value)}`;
  if (formula.kind === 'mean') return `ค่าเฉลี่ยของ ${listThai(inputs.map(term))}`;
  const weights = formula.inputs.reduce((sum, i) => sum + i.weight, 0);
  const parts = inputs.map(
    (v, k) =>
      `${formatHundredths(Math.round((formula.inputs[k].weight * 100) / weights))} × ${term(v, k)}`,
  );
  return `ผลรวมถ่วงน้ำหนัก ${parts.join(' + ')}`;
}
