// มาตรการ: the period of each measure, read and compared with the fiscal year.
import { fiscalYearPeriod, monthIndex } from '../thai/calendar';
import { formatPeriod } from '../thai/date-format';
import type { Measure } from '../workbook/types';
import { quote } from './describe';
import { makeFinding, type Finding } from './finding';

const PERIOD_PROBLEMS: Readonly<Record<string, string>> = {
  'no-year': 'ไม่มีปี พ.ศ.',
  reversed: 'เดือนเริ่มต้นอยู่หลังเดือนสิ้นสุด',
};

const EXAMPLE = '“ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘” หรือ “มกราคม-พฤษภาคม ๒๕๖๘”';

export function checkMeasures(measures: readonly Measure[], fiscalYear: number | null): Finding[] {
  const findings: Finding[] = [];
  for (const m of measures) {
    const cell = m.period.cell;
    if (cell === null) continue;
    const problem = m.period.problem;
    if (problem) {
      const message =
        problem.reason === 'ce-year'
          ? `ระยะเวลา ${quote(m.period.raw)} ใช้ปี ค.ศ. กรุณาใช้ปี พ.ศ. เช่น “${problem.suggestion}”`
          : `ระบบอ่านระยะเวลา ${quote(m.period.raw)} ไม่ได้${PERIOD_PROBLEMS[problem.reason] ? ` (${PERIOD_PROBLEMS[problem.reason]})` : ''} จึงตรวจกับปีงบประมาณไม่ได้ กรุณาเขียนเป็นเดือนและปี พ.ศ. เช่น ${EXAMPLE}`;
      findings.push(makeFinding('measure-period-unrecognised', m.period.sheet, cell, message));
      continue;
    }
    const range = m.periodRange;
    if (range === null || fiscalYear === null) continue;
    const fy = fiscalYearPeriod(fiscalYear);
    if (monthIndex(range.from) < monthIndex(fy.from) || monthIndex(range.to) > monthIndex(fy.to)) {
      findings.push(
        makeFinding(
          'measure-period-outside-fiscal-year',
          m.period.sheet,
          cell,
          `ระยะเวลา ${quote(m.period.raw)} (${formatPeriod(range, { digits: 'arabic' })}) อยู่นอกปีงบประมาณ ${fiscalYear} (${formatPeriod(fy, { digits: 'arabic' })}) กรุณาตรวจปี พ.ศ. ของระยะเวลา`,
        ),
      );
    }
  }
  return findings;
}
