export type Severity = 'error' | 'warning' | 'info';

/** One problem in the workbook, at one cell. Errors block memo generation; warnings do not. */
export interface Finding {
  readonly severity: Severity;
  /** The sheet's name as it appears in the spreadsheet (the contract's name for a missing tab). */
  readonly sheet: string;
  /**
   * A1 of the cell the problem is about (the first of `cells` when there are several); empty for a
   * missing tab (there is no cell to show).
   */
  readonly cell: string;
  /**
   * Every cell the problem is about, when it is about a run of cells said once (คะแนน's blank
   * scores): the live check marks each of them.
   */
  readonly cells?: readonly string[];
  /** Stable kebab-case id, listed in docs/validation.md. */
  readonly rule: RuleId;
  /** Plain, polite Thai: what is wrong and what to do. */
  readonly message: string;
}

/** Every rule, its severity and what it checks (docs/validation.md explains each). */
export const RULES = {
  'tab-missing': { severity: 'error', checks: 'a tab of the contract is missing' },
  'log-tab-missing': { severity: 'info', checks: 'the run-log tab is missing (it is created)' },
  'header-missing': { severity: 'error', checks: 'a header of the contract is missing in row 1' },
  'header-duplicate': { severity: 'warning', checks: 'a header appears twice in row 1' },
  'data-outside-table': {
    severity: 'error',
    checks: 'content below the last row the add-on reads (10,000)',
  },
  'general-label-missing': { severity: 'error', checks: 'a required label is missing' },
  'general-label-unknown': {
    severity: 'warning',
    checks: 'a label that the contract does not know',
  },
  'general-label-duplicate': { severity: 'warning', checks: 'a label appears twice' },
  'cell-error-value': {
    severity: 'error',
    checks: 'a cell shows a formula error (#N/A, #REF!, …)',
  },
  'required-cell-empty': { severity: 'error', checks: 'a row leaves a required cell empty' },
  'text-field-wrong-type': {
    severity: 'error',
    checks: 'a number, date or TRUE/FALSE where the contract asks for text',
  },
  'text-too-long': { severity: 'error', checks: 'text longer than the field’s maximum length' },
  'template-link-invalid': {
    severity: 'error',
    checks: 'แม่แบบเอกสาร is not a Google Docs link or ID',
  },
  'folder-link-invalid': {
    severity: 'error',
    checks: 'โฟลเดอร์ปลายทาง is not a Google Drive folder link or ID',
  },
  'published-link-invalid': {
    severity: 'warning',
    checks: 'ลิงก์เผยแพร่ is not a Google Drive file link or ID',
  },
  'review-due-invalid': {
    severity: 'warning',
    checks: 'กำหนดส่งความเห็น cannot be read as a date',
  },
  'fiscal-year-invalid': { severity: 'error', checks: 'the fiscal year is not a year' },
  'fiscal-year-not-be': { severity: 'error', checks: 'the fiscal year is not a Buddhist-Era year' },
  'fiscal-year-rules-fallback': {
    severity: 'info',
    checks: 'the fiscal year has no ITA rules of its own; an earlier year’s apply',
  },
  'memo-date-invalid': { severity: 'error', checks: 'the memo date cannot be read as a date' },
  'memo-date-before-fiscal-year': {
    severity: 'error',
    checks: 'the memo date is before the fiscal year starts',
  },
  'memo-date-late': {
    severity: 'warning',
    checks: 'the memo date is more than six months after the fiscal year ends',
  },
  'yes-no-invalid': { severity: 'warning', checks: 'a yes/no cell holds something else' },
  'org-kind-unknown': {
    severity: 'warning',
    checks: 'the office’s kind cannot be told from its name',
  },
  'addressee-unknown-post': {
    severity: 'warning',
    checks: 'เรียน is not a recognised post of the office',
  },
  'signatory-role-unknown': {
    severity: 'error',
    checks: 'a บทบาท that the contract does not know',
  },
  'signatory-role-missing': { severity: 'error', checks: 'no ผู้เสนอ or no ผู้สั่งการ' },
  'signatory-role-duplicate': { severity: 'error', checks: 'a second ผู้เสนอ or ผู้สั่งการ' },
  'signatory-order-invalid': { severity: 'warning', checks: 'ลำดับ is not a whole number' },
  'signatory-order-duplicate': { severity: 'warning', checks: 'two signatories share a ลำดับ' },
  'signatory-order-sequence': {
    severity: 'warning',
    checks: 'ผู้เสนอ does not come first or ผู้สั่งการ does not come last',
  },
  'signatory-name-variant': {
    severity: 'warning',
    checks: 'two signatories’ names differ by a few letters (one person spelled two ways?)',
  },
  'signatory-rank-and-title': {
    severity: 'warning',
    checks: 'a rank (ยศ) and นาย/นาง/นางสาว both typed: the rank takes the title’s place',
  },
  'signatory-signs-twice': {
    severity: 'warning',
    checks: 'one person signs two blocks of the memo',
  },
  'email-invalid': { severity: 'error', checks: 'a malformed e-mail address' },
  'garuda-missing': {
    severity: 'warning',
    checks: 'the office has not uploaded its Garuda (checked by the add-on, not from the cells)',
  },
  'score-code-unknown': { severity: 'error', checks: 'a score code the year does not have' },
  'score-code-duplicate': { severity: 'error', checks: 'a score code appears twice' },
  'score-code-missing': { severity: 'error', checks: 'score codes of the year are missing' },
  'score-not-number': { severity: 'error', checks: 'a score is not a number' },
  'score-out-of-range': { severity: 'error', checks: 'a score is outside 0–100' },
  'score-too-many-decimals': { severity: 'error', checks: 'a score has more than two decimals' },
  'score-arithmetic': {
    severity: 'error',
    checks: 'an aggregate does not match the scores it is computed from (±0.01)',
  },
  'history-year-invalid': {
    severity: 'error',
    checks: 'a year header of ผลย้อนหลัง is not a Buddhist-Era year',
  },
  'history-year-not-earlier': {
    severity: 'error',
    checks: 'a year of ผลย้อนหลัง is not earlier than the fiscal year',
  },
  'history-year-duplicate': { severity: 'error', checks: 'a year of ผลย้อนหลัง appears twice' },
  'history-code-unknown': {
    severity: 'error',
    checks: 'a code of ผลย้อนหลัง that คะแนน does not have',
  },
  'history-code-duplicate': { severity: 'error', checks: 'a code of ผลย้อนหลัง appears twice' },
  'history-score-not-number': {
    severity: 'error',
    checks: 'an earlier year’s score is not a number',
  },
  'history-score-out-of-range': {
    severity: 'error',
    checks: 'an earlier year’s score is outside 0–100',
  },
  'history-score-too-many-decimals': {
    severity: 'error',
    checks: 'an earlier year’s score has more than two decimals',
  },
  'history-arithmetic': {
    severity: 'error',
    checks: 'an earlier year’s aggregate does not match its scores (years with known rules)',
  },
  'history-rules-unknown': {
    severity: 'info',
    checks: 'years without ITA rules in the registry get range checks only (said once)',
  },
  'recommendation-part-unknown': { severity: 'error', checks: 'ส่วน is not IIT, EIT1, EIT2 or OIT' },
  'recommendation-indicator-invalid': { severity: 'error', checks: 'ตัวชี้วัด is not 1–10' },
  'recommendation-indicator-mismatch': {
    severity: 'error',
    checks: 'ตัวชี้วัด does not belong to the ส่วน',
  },
  'recommendation-code-garbled': {
    severity: 'error',
    checks: 'a code lost its letter (๑๔ for i4, ๐๘ for o8)',
  },
  'recommendation-code-out-of-range': {
    severity: 'error',
    checks: 'a code outside the indicator’s range or of another tool',
  },
  'recommendation-code-unknown': { severity: 'error', checks: 'ข้อ is not a question code' },
  'recommendation-code-thai-digits': {
    severity: 'info',
    checks: 'a code written with Thai digits (printed with Arabic digits)',
  },
  'text-garbled-reference': {
    severity: 'warning',
    checks: 'a reference in the text (อ้างอิงจาก ๐๘) lost its letter',
  },
  'measure-period-unrecognised': {
    severity: 'warning',
    checks: 'the period of a measure cannot be read',
  },
  'measure-period-outside-fiscal-year': {
    severity: 'warning',
    checks: 'the period of a measure falls outside the fiscal year',
  },
  'text-foreign-organisation': {
    severity: 'warning',
    checks: 'another office of the same kind is named',
  },
  'text-other-kind-term': {
    severity: 'warning',
    checks: 'a staff category or post of another kind of office',
  },
  'text-mixed-digits': { severity: 'warning', checks: 'Thai and Arabic digits mixed in one cell' },
  'text-be-spacing': { severity: 'warning', checks: 'no space around พ.ศ.' },
  'text-invisible-characters': {
    severity: 'warning',
    checks: 'zero-width characters, no-break spaces or non-NFC text',
  },
  'text-extra-spaces': { severity: 'warning', checks: 'leading, trailing or repeated spaces' },
} as const satisfies Record<string, { severity: Severity; checks: string }>;

export type RuleId = keyof typeof RULES;

export function makeFinding(rule: RuleId, sheet: string, cell: string, message: string): Finding {
  return { severity: RULES[rule].severity, sheet, cell, rule, message };
}

/** A finding at a located value's cell; none when the value has no cell (missing label/column). */
export function findingAt(
  located: { readonly sheet: string; readonly cell: string | null },
  rule: RuleId,
  message: string,
): Finding[] {
  return located.cell === null ? [] : [makeFinding(rule, located.sheet, located.cell, message)];
}
