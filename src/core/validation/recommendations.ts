// ข้อเสนอแนะ: the part, the indicator belonging to it, and the question code (including codes
// that lost their letter: ๑๔ for i4, ๐๘ for o8).
import {
  checkQuestionCode,
  expectedQuestionRange,
  formatQuestionRange,
} from '../ita/question-codes';
import { unitById } from '../ita/scores';
import type { ItaRules } from '../ita/types';
import { hasThaiDigits } from '../thai/digits';
import { closestMatch } from '../thai/similarity';
import { cellText } from '../workbook/cells';
import type { Recommendation } from '../workbook/types';
import { listThai, orThai, quote } from './describe';
import { findingAt, type Finding } from './finding';

export function checkRecommendations(
  recommendations: readonly Recommendation[],
  rules: ItaRules,
): Finding[] {
  return recommendations.flatMap((r) => checkRecommendation(r, rules));
}

function checkRecommendation(r: Recommendation, rules: ItaRules): Finding[] {
  const findings: Finding[] = [];
  const unitIds = rules.units.map((u) => u.id);
  const partText = r.part.value;
  const unit = partText === null ? null : unitById(rules, partText);
  if (partText !== null && unit === null) {
    const parts = rules.units.filter((u) => u.id.startsWith(partText));
    const guess = parts.length > 1 ? null : (parts[0]?.id ?? closestMatch(partText, unitIds));
    findings.push(
      ...findingAt(
        r.part,
        'recommendation-part-unknown',
        parts.length > 1
          ? `ส่วน ${quote(r.part.raw)} ต้องระบุว่าเป็น ${orThai(parts.map((u) => `“${u.id}” (${u.shortName})`))}`
          : `ไม่รู้จักส่วน ${quote(r.part.raw)} กรุณาเลือก ${orThai(unitIds.map((id) => `“${id}”`))}${guess ? ` (หากหมายถึง “${guess}” กรุณาแก้เป็น “${guess}”)` : ''}`,
      ),
    );
  }
  const allIndicators = rules.indicators.map((i) => i.number);
  const n = r.indicator.value;
  let indicator: number | null = null;
  if (r.indicator.problem || (n !== null && allIndicators.indexOf(n) < 0)) {
    findings.push(
      ...findingAt(
        r.indicator,
        'recommendation-indicator-invalid',
        `ตัวชี้วัด ${quote(r.indicator.raw)} ไม่ใช่ตัวชี้วัดของการประเมิน กรุณากรอกหมายเลขตัวชี้วัด ${allIndicators[0]}–${allIndicators[allIndicators.length - 1]}${unit ? ` (ส่วน ${unit.id} มีตัวชี้วัด ${listThai(unit.indicators.map(String))})` : ''}`,
      ),
    );
  } else if (n !== null && unit && unit.indicators.indexOf(n) < 0) {
    findings.push(
      ...findingAt(
        r.indicator,
        'recommendation-indicator-mismatch',
        `ตัวชี้วัดที่ ${n} ไม่ได้อยู่ในส่วน ${unit.id} (${unit.shortName} มีตัวชี้วัด ${listThai(unit.indicators.map(String))}) กรุณาแก้ตัวชี้วัดหรือส่วนให้ตรงกัน`,
      ),
    );
  } else {
    indicator = n;
  }
  if (unit) findings.push(...checkCode(r, rules, unit.id, indicator));
  return findings;
}

function checkCode(
  r: Recommendation,
  rules: ItaRules,
  unitId: string,
  indicator: number | null,
): Finding[] {
  const typed = cellText(r.code.raw) ?? '';
  const check = checkQuestionCode(rules, unitId, indicator, typed);
  if (check === null || check.kind === 'blank') return [];
  const ownRange =
    indicator !== null &&
    expectedQuestionRange(rules, unitId, indicator) !== unitById(rules, unitId)?.questions;
  const where = ownRange ? `ตัวชี้วัดที่ ${indicator} ของ ${unitId}` : `ส่วน ${unitId}`;
  switch (check.kind) {
    case 'ok':
      return hasThaiDigits(typed)
        ? findingAt(
            r.code,
            'recommendation-code-thai-digits',
            `ข้อ ${quote(r.code.raw)} พิมพ์ด้วยเลขไทย เอกสารจะแสดงรหัสข้อเป็น “${check.code}” ตามแบบของการประเมิน`,
          )
        : [];
    case 'garbled': {
      const range = formatQuestionRange(check.expected);
      const letter = check.expected.prefix;
      return findingAt(
        r.code,
        'recommendation-code-garbled',
        check.suggestions.length > 0
          ? `ข้อ ${quote(r.code.raw)} ไม่มีตัวอักษรนำหน้า (ตัว ${letter} อาจกลายเป็นตัวเลข) ${where} ใช้ข้อ ${range} จึงน่าจะเป็น ${orThai(check.suggestions.map((s) => `“${s}”`))} กรุณาแก้เป็น “${check.suggestions[0]}”`
          : `ข้อ ${quote(r.code.raw)} ไม่มีตัวอักษรนำหน้า ${where} ใช้ข้อ ${range} กรุณาตรวจกับรายงานผลการประเมินแล้วพิมพ์รหัสพร้อมตัวอักษร เช่น “${letter}${check.expected.from}”`,
      );
    }
    case 'out-of-range':
      return findingAt(
        r.code,
        'recommendation-code-out-of-range',
        `ข้อ “${check.code}” ไม่อยู่ใน${where} ซึ่งใช้ข้อ ${formatQuestionRange(check.expected)} กรุณาตรวจรหัสข้อ ตัวชี้วัด และส่วนให้ตรงกับรายงานผลการประเมิน`,
      );
    case 'unknown':
      return findingAt(
        r.code,
        'recommendation-code-unknown',
        `ข้อ ${quote(r.code.raw)} ไม่ใช่รหัสข้อ ${where} ใช้ข้อ ${formatQuestionRange(check.expected)} กรุณากรอกรหัสข้อ เช่น “${check.expected.prefix}${check.expected.from}” หรือเว้นว่างหากเป็นข้อเสนอแนะทั่วไป`,
      );
  }
}
