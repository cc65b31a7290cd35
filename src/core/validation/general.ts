// ข้อมูลทั่วไป: required values, the fiscal year, the memo date, yes/no cells, the office's kind
// and the addressee.
import { itaRulesFor } from '../ita/registry';
import {
  BE_OFFSET,
  compareDates,
  daysInMonth,
  fiscalYearBounds,
  isBuddhistEraYear,
  monthIndex,
  type CalendarDate,
} from '../thai/calendar';
import { formatThaiDate } from '../thai/date-format';
import { officePosts, ORG_KINDS, parseOrganisation, type Organisation } from '../thai/organisation';
import { closestMatch } from '../thai/similarity';
import { isBlank, type Cell } from '../workbook/cells';
import { GENERAL_LABELS, NO, YES, type GeneralKey } from '../workbook/contract';
import type { GeneralInfo } from '../workbook/types';
import { orThai, quote } from './describe';
import { findingAt, type Finding } from './finding';

/** A memo dated later than this many months after its fiscal year ends gets a warning. */
export const MEMO_DATE_MONTHS_AFTER_FISCAL_YEAR = 6;

const thaiDate = (d: CalendarDate) => formatThaiDate(d, { digits: 'arabic' });

function checkFiscalYear(cell: Cell<number | null>): Finding[] {
  if (cell.problem) {
    return findingAt(
      cell,
      'fiscal-year-invalid',
      `ปีงบประมาณ ${quote(cell.raw)} ไม่ใช่ปีที่อ่านได้ กรุณากรอกปี พ.ศ. เป็นตัวเลข 4 หลัก เช่น 2568`,
    );
  }
  const year = cell.value;
  if (year === null || isBuddhistEraYear(year)) return [];
  if (year >= 1800 && year < 2400) {
    return findingAt(
      cell,
      'fiscal-year-not-be',
      `ปีงบประมาณ ${quote(cell.raw)} เป็นปี ค.ศ. กรุณากรอกเป็นปี พ.ศ. คือ ${year + BE_OFFSET}`,
    );
  }
  const suggestion =
    year >= 0 && year < 100 ? ` หากหมายถึง ${2500 + year} กรุณากรอกเป็น ${2500 + year}` : '';
  return findingAt(
    cell,
    'fiscal-year-invalid',
    `ปีงบประมาณ ${quote(cell.raw)} ไม่ใช่ปี พ.ศ. ที่เป็นไปได้ กรุณากรอกปี พ.ศ. 4 หลัก เช่น 2568${suggestion}`,
  );
}

function checkRulesYear(cell: Cell<number | null>): Finding[] {
  const year = cell.value;
  if (year === null || !isBuddhistEraYear(year)) return [];
  const rulesYear = itaRulesFor(year).year;
  if (rulesYear === year) return [];
  return findingAt(
    cell,
    'fiscal-year-rules-fallback',
    `ระบบยังไม่มีเกณฑ์ ITA ของปี ${year} จึงใช้เกณฑ์ของปี ${rulesYear} ในการตรวจคะแนนและรหัสข้อ หากเกณฑ์ปี ${year} เปลี่ยนไป กรุณาแจ้งผู้ดูแลส่วนเสริม`,
  );
}

const DATE_PROBLEMS: Readonly<Record<string, string>> = {
  'not-a-date': 'ไม่ใช่วันที่ที่อ่านได้ กรุณากรอกเป็นวันที่ เช่น 3 ตุลาคม 2568 หรือ 3/10/2568',
  'invalid-date': 'ไม่มีวันนี้ในปฏิทิน กรุณาตรวจวันและเดือน',
};

/** Why a date label's cell cannot be read, in Thai, or null when it can. */
export function dateProblem(cell: Cell<CalendarDate | null>, label: string): string | null {
  const problem = cell.problem;
  if (!problem) return null;
  if (problem.reason === 'ce-year')
    return `${label} ${quote(cell.raw)} ใช้ปี ค.ศ. กรุณาใช้ปี พ.ศ. คือ “${problem.suggestion}”`;
  if (problem.reason === 'be-year-in-date-cell')
    return `${label} ${quote(cell.raw)} ถูกบันทึกเป็นปี ค.ศ. ที่ตรงกับเลขปี พ.ศ. (ชีตถือว่าปีที่พิมพ์เป็น ค.ศ.) กรุณาพิมพ์วันที่เป็นปี ค.ศ. หรือพิมพ์เป็นข้อความ เช่น “${problem.suggestion ?? '3 ตุลาคม 2568'}”`;
  return `${label} ${quote(cell.raw)} ${DATE_PROBLEMS[problem.reason] ?? DATE_PROBLEMS['not-a-date']}`;
}

function checkMemoDate(cell: Cell<CalendarDate | null>, fiscalYear: number | null): Finding[] {
  const problem = dateProblem(cell, 'วันที่หนังสือ');
  if (problem) return findingAt(cell, 'memo-date-invalid', problem);
  const date = cell.value;
  if (date === null || fiscalYear === null) return [];
  const { start, end } = fiscalYearBounds(fiscalYear);
  if (compareDates(date, start) < 0) {
    return findingAt(
      cell,
      'memo-date-before-fiscal-year',
      `วันที่หนังสือ ${thaiDate(date)} อยู่ก่อนปีงบประมาณ ${fiscalYear} จะเริ่ม (${thaiDate(start)}) กรุณาตรวจวันที่หรือปีงบประมาณ`,
    );
  }
  const months = MEMO_DATE_MONTHS_AFTER_FISCAL_YEAR;
  const lastMonth = monthIndex(end) + months;
  const limitYear = Math.floor(lastMonth / 12);
  const limitMonth = (lastMonth % 12) + 1;
  const limit = { yearBE: limitYear, month: limitMonth, day: daysInMonth(limitYear, limitMonth) };
  if (compareDates(date, limit) > 0) {
    return findingAt(
      cell,
      'memo-date-late',
      `วันที่หนังสือ ${thaiDate(date)} ช้ากว่าสิ้นปีงบประมาณ ${fiscalYear} (${thaiDate(end)}) เกิน ${months} เดือน กรุณาตรวจว่าปีงบประมาณหรือวันที่ถูกต้อง`,
    );
  }
  return [];
}

function checkYesNo(cell: Cell<boolean>, label: string): Finding[] {
  if (!cell.problem) return [];
  const fallback = cell.value ? YES : NO;
  return findingAt(
    cell,
    'yes-no-invalid',
    `“${label}” ควรเป็น “${YES}” หรือ “${NO}” แต่กรอกไว้ ${quote(cell.raw)} ระบบจะใช้ค่าเริ่มต้น “${fallback}” กรุณาเลือก “${YES}” หรือ “${NO}”`,
  );
}

function checkOrganisation(cell: Cell<string | null>): Finding[] {
  if (cell.value === null || parseOrganisation(cell.value)) return [];
  return findingAt(
    cell,
    'org-kind-unknown',
    `ไม่ทราบประเภทของหน่วยงานจากชื่อ ${quote(cell.raw)} ชื่อควรขึ้นต้นด้วย ${orThai(ORG_KINDS.map((k) => k.prefix))} ระบบจึงยังตรวจตำแหน่งและชื่อหน่วยงานในข้อความไม่ได้ กรุณากรอกชื่อเต็มของหน่วยงาน`,
  );
}

const labelOf = (key: GeneralKey) => GENERAL_LABELS.find((l) => l.key === key)?.label ?? key;

function checkAddressee(cell: Cell<string | null>, org: Organisation | null): Finding[] {
  const addressee = cell.value;
  if (addressee === null || org === null) return [];
  const posts = officePosts(org);
  const salutation = labelOf('addressee');
  const bare = addressee.startsWith(salutation)
    ? addressee.slice(salutation.length).trim()
    : addressee;
  if (bare !== addressee) {
    const fix = posts.indexOf(bare) >= 0 ? bare : (closestMatch(bare, posts) ?? posts[0]);
    return findingAt(
      cell,
      'addressee-unknown-post',
      `ไม่ต้องพิมพ์คำว่า “${salutation}” ในช่องนี้ ระบบใส่ให้เอง กรุณากรอกเฉพาะตำแหน่ง เช่น “${fix}”`,
    );
  }
  if (posts.indexOf(addressee) >= 0) return [];
  const guess = closestMatch(addressee, posts);
  return findingAt(
    cell,
    'addressee-unknown-post',
    guess
      ? `“${salutation}” ${quote(cell.raw)} ไม่ตรงกับตำแหน่งใดของหน่วยงาน น่าจะพิมพ์ผิดจาก “${guess}” กรุณาแก้เป็น “${guess}”`
      : `“${salutation}” ${quote(cell.raw)} ไม่ใช่ตำแหน่งของหน่วยงานนี้ที่ระบบรู้จัก (เช่น “${posts[0]}”) กรุณาตรวจชื่อตำแหน่ง`,
  );
}

export function checkGeneral(general: GeneralInfo): Finding[] {
  const findings: Finding[] = [];
  for (const label of GENERAL_LABELS) {
    const cell = general[label.key] as Cell<unknown>;
    if (label.required && cell.cell !== null && isBlank(cell.raw)) {
      findings.push(
        ...findingAt(
          cell,
          'required-cell-empty',
          `ยังไม่ได้กรอกข้อมูลของ “${label.label}” กรุณากรอก (${label.hint})`,
        ),
      );
    }
    if (label.type === 'yes-no') findings.push(...checkYesNo(cell as Cell<boolean>, label.label));
  }
  findings.push(...checkFiscalYear(general.fiscalYear), ...checkRulesYear(general.fiscalYear));
  const year = general.fiscalYear.value;
  findings.push(
    ...checkMemoDate(general.memoDate, year !== null && isBuddhistEraYear(year) ? year : null),
  );
  const due = dateProblem(general.reviewDue, labelOf('reviewDue'));
  if (due)
    findings.push(
      ...findingAt(
        general.reviewDue,
        'review-due-invalid',
        `${due} (ต้องแก้ก่อนส่งขอความเห็น หรือเว้นว่างหากไม่กำหนดวัน)`,
      ),
    );
  findings.push(...checkOrganisation(general.organisation));
  const org = general.organisation.value ? parseOrganisation(general.organisation.value) : null;
  findings.push(...checkAddressee(general.addressee, org));
  return findings;
}
