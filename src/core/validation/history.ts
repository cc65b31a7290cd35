// ผลย้อนหลัง: year headers (BE years, earlier than ปีงบประมาณ, each once), codes (those of คะแนน,
// each once), scores (numbers, 0–100, two decimals) and, for a year whose rules the registry
// has, the same arithmetic as คะแนน. Other years get the range checks only, said once.
import { itaRulesFor, itaRulesOfYear } from '../ita/registry';
import type { ItaRules } from '../ita/types';
import { BE_OFFSET, isBuddhistEraYear } from '../thai/calendar';
import type { Cell } from '../workbook/cells';
import { HISTORY_TAB, SCORES_TAB } from '../workbook/contract';
import type { TabRead } from '../workbook/reader';
import type { History, HistoryYear } from '../workbook/types';
import type { ValidationContext } from './context';
import { listThai, quote } from './describe';
import { findingAt, makeFinding, type Finding } from './finding';
import { checkArithmetic, checkCodes, scoreProblem, type ScoreWording } from './scores';

/** How findings about one year of ผลย้อนหลัง are worded. */
function historyWording(year: number | null): ScoreWording {
  const ofYear = year === null ? '' : ` ปี ${year}`;
  return {
    score: year === null ? 'คะแนน' : `คะแนนปี ${year}`,
    aggregate: (code) => `คะแนน ${code}${ofYear}`,
    rules: {
      notNumber: 'history-score-not-number',
      outOfRange: 'history-score-out-of-range',
      tooManyDecimals: 'history-score-too-many-decimals',
      arithmetic: 'history-arithmetic',
      codeUnknown: 'history-code-unknown',
      codeDuplicate: 'history-code-duplicate',
    },
    codesOf: () => `ซึ่งไม่ใช่รหัสของแท็บ “${SCORES_TAB.name}”`,
  };
}

const HOW_TO_WRITE = 'กรุณาพิมพ์ปี พ.ศ. 4 หลักเท่านั้น เช่น 2567 หรือ ๒๕๖๗';

function yearHeaderProblem(year: Cell<number | null>): Finding[] {
  const value = year.value;
  if (year.problem || value === null) {
    return findingAt(
      year,
      'history-year-invalid',
      `หัวคอลัมน์ ${quote(year.raw)} ไม่ใช่ปีที่อ่านได้ ${HOW_TO_WRITE}`,
    );
  }
  if (isBuddhistEraYear(value)) return [];
  let hint = HOW_TO_WRITE;
  if (value >= 1800 && value < 2400) hint = `เป็นปี ค.ศ. กรุณาแก้เป็นปี พ.ศ. คือ ${value + BE_OFFSET}`;
  else if (value >= 0 && value < 100) hint = `หากหมายถึง ${2500 + value} กรุณาแก้เป็น ${2500 + value}`;
  return findingAt(
    year,
    'history-year-invalid',
    `หัวคอลัมน์ ${quote(year.raw)} ไม่ใช่ปี พ.ศ. ที่เป็นไปได้ ${hint}`,
  );
}

/** The year columns whose scores count: a BE year, earlier than ปีงบประมาณ, its first column. */
export function checkHistoryYears(
  history: History,
  fiscalYear: number | null,
): { findings: Finding[]; valid: HistoryYear[] } {
  const findings: Finding[] = [];
  const valid: HistoryYear[] = [];
  for (const y of history.years) {
    const problem = yearHeaderProblem(y.year);
    if (problem.length) {
      findings.push(...problem);
      continue;
    }
    const year = y.year.value as number;
    const first = valid.find((v) => v.year.value === year);
    if (first) {
      findings.push(
        ...findingAt(
          y.year,
          'history-year-duplicate',
          `ปี ${year} ซ้ำกับหัวคอลัมน์ ${first.year.cell} ระบบใช้คะแนนของคอลัมน์แรกเท่านั้น กรุณารวมคะแนนไว้ในคอลัมน์เดียว แล้วลบคอลัมน์ที่ซ้ำ`,
        ),
      );
      continue;
    }
    if (fiscalYear !== null && year >= fiscalYear) {
      findings.push(
        ...findingAt(
          y.year,
          'history-year-not-earlier',
          year === fiscalYear
            ? `ปี ${year} เป็นปีงบประมาณปัจจุบันของชีตนี้ คะแนนของปีนี้กรอกในแท็บ “${SCORES_TAB.name}” แท็บ “${HISTORY_TAB.name}” เก็บเฉพาะปีก่อนหน้า กรุณาลบคอลัมน์นี้ หรือแก้ปีงบประมาณในแท็บข้อมูลทั่วไป`
            : `ปี ${year} อยู่หลังปีงบประมาณ ${fiscalYear} ของชีตนี้ แท็บ “${HISTORY_TAB.name}” เก็บเฉพาะปีก่อนหน้า กรุณาตรวจปีของคอลัมน์นี้`,
        ),
      );
      continue;
    }
    valid.push(y);
  }
  return { findings, valid };
}

export function checkHistory(read: TabRead<History>, context: ValidationContext): Finding[] {
  const history = read.data;
  if (!read.tab) return [];
  const { findings, valid } = checkHistoryYears(history, context.fiscalYear);
  const rules: ItaRules = itaRulesFor(context.fiscalYear);
  const codes = checkCodes(history.entries, rules, historyWording(null));
  findings.push(...codes.findings);
  const unknownRules: HistoryYear[] = [];
  for (const y of valid) {
    const index = history.years.indexOf(y);
    const year = y.year.value as number;
    const wording = historyWording(year);
    for (const entry of history.entries)
      findings.push(...scoreProblem(entry.scores[index], wording));
    const own = itaRulesOfYear(year);
    if (!own) {
      // Said only for a year that has scores to check.
      if (history.entries.some((e) => e.scores[index].value !== null || e.scores[index].problem)) {
        unknownRules.push(y);
      }
      continue;
    }
    const byCode = new Map<string, Cell<number | null>>();
    for (const [code, i] of codes.first) byCode.set(code, history.entries[i].scores[index]);
    findings.push(...checkArithmetic(byCode, own, wording));
  }
  if (unknownRules.length) {
    const years = unknownRules.map((y) => String(y.year.value));
    findings.push(
      makeFinding(
        'history-rules-unknown',
        read.tab.sheet,
        unknownRules[0].year.cell as string,
        `ระบบยังไม่มีเกณฑ์ ITA ของปี ${listThai(years)} จึงตรวจเพียงว่าคะแนนของ${years.length > 1 ? 'ปีเหล่านี้' : 'ปีนี้'}เป็นตัวเลข 0–100 ไม่ได้ตรวจว่าคะแนนรวมตรงกับคะแนนรายเครื่องมือ กรุณาตรวจกับผลที่ประกาศของแต่ละปี`,
      ),
    );
  }
  return findings;
}
