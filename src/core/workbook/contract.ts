// The workbook contract, version 1, as data (docs/workbook.md is its user-facing text, kept in
// step by a test). Everything that reads, checks or sets up the sheet takes tab names, headers,
// labels, values and limits from here.
import { withDigits, type DigitStyle } from '../thai/digits';
import { itaRulesFor } from '../ita/registry';
import { scoreCodes, type ScoreCode } from '../ita/scores';

// Version 2 adds the optional tab ผลย้อนหลัง; a version-1 workbook is read as before.
export const CONTRACT_VERSION = 2;

/** What a free-text cell may hold besides text, and how long the text may be. */
export interface TextRule {
  /** Characters at most (after trimming). */
  readonly maxLength: number;
  /** Non-text values that can still mean what the cell means (a period may be one date). */
  readonly accepts?: readonly ('number' | 'date')[];
}

/** Lengths no real entry reaches: a name, a line, a paragraph of a memo. */
export const MAX_NAME = 200;
export const MAX_LINE = 500;
export const MAX_PARAGRAPH = 5000;

export interface ColumnSpec<K extends string = string> {
  readonly key: K;
  /** The exact header text of row 1. */
  readonly header: string;
  /** A row with anything in it must fill this column. */
  readonly required: boolean;
  /** Set for columns of text: a number, date or TRUE/FALSE there is a mistake. */
  readonly text?: TextRule;
}

export interface TabSpec<T extends string = string, K extends string = string> {
  readonly key: T;
  /** The exact tab name. */
  readonly name: string;
  /** In the order the set-up writes them (readers find columns by header, not position). */
  readonly columns: readonly ColumnSpec<K>[];
}

export const GENERAL_TAB = {
  key: 'general',
  name: 'ข้อมูลทั่วไป',
  columns: [
    { key: 'label', header: 'รายการ', required: false },
    { key: 'value', header: 'ข้อมูล', required: false },
  ],
} as const satisfies TabSpec;

export const SIGNATORIES_TAB = {
  key: 'signatories',
  name: 'ผู้ลงนาม',
  columns: [
    { key: 'order', header: 'ลำดับ', required: false },
    { key: 'role', header: 'บทบาท', required: true },
    { key: 'rank', header: 'ยศ', required: false, text: { maxLength: MAX_NAME } },
    { key: 'name', header: 'ชื่อ-สกุล', required: true, text: { maxLength: MAX_NAME } },
    { key: 'position', header: 'ตำแหน่ง', required: true, text: { maxLength: MAX_LINE } },
    { key: 'actingFor', header: 'รักษาราชการแทน', required: false, text: { maxLength: MAX_LINE } },
    // RFC 5321 allows 254 characters in an address.
    { key: 'email', header: 'อีเมล', required: false, text: { maxLength: 254 } },
  ],
} as const satisfies TabSpec;

export const SCORES_TAB = {
  key: 'scores',
  name: 'คะแนน',
  columns: [
    { key: 'code', header: 'รหัส', required: true },
    { key: 'name', header: 'รายการ', required: false, text: { maxLength: MAX_LINE } },
    { key: 'score', header: 'คะแนน', required: true },
  ],
} as const satisfies TabSpec;

/**
 * Earlier years' scores: รหัส | รายการ, then one column per earlier fiscal year whose header is
 * the BE year (2567 or ๒๕๖๗). Optional: a workbook without it has no comparison.
 */
export const HISTORY_TAB = {
  key: 'history',
  name: 'ผลย้อนหลัง',
  columns: [
    { key: 'code', header: 'รหัส', required: true },
    { key: 'name', header: 'รายการ', required: false, text: { maxLength: MAX_LINE } },
  ],
} as const satisfies TabSpec;

export const RECOMMENDATIONS_TAB = {
  key: 'recommendations',
  name: 'ข้อเสนอแนะ',
  columns: [
    { key: 'part', header: 'ส่วน', required: true },
    { key: 'indicator', header: 'ตัวชี้วัด', required: true },
    { key: 'code', header: 'ข้อ', required: false },
    {
      key: 'text',
      header: 'ประเด็นและข้อเสนอแนะ',
      required: true,
      text: { maxLength: MAX_PARAGRAPH },
    },
  ],
} as const satisfies TabSpec;

const MEASURE_TEXT: TextRule = { maxLength: MAX_PARAGRAPH };

export const MEASURES_TAB = {
  key: 'measures',
  name: 'มาตรการ',
  columns: [
    { key: 'activity', header: 'มาตรการ/กิจกรรม', required: true, text: MEASURE_TEXT },
    { key: 'method', header: 'ขั้นตอน/วิธีการ', required: true, text: MEASURE_TEXT },
    { key: 'responsible', header: 'ผู้รับผิดชอบ', required: true, text: MEASURE_TEXT },
    {
      key: 'period',
      header: 'ระยะเวลาในการดำเนินการ',
      required: true,
      text: { maxLength: MAX_LINE, accepts: ['date'] },
    },
    {
      key: 'summary',
      header: 'สรุปผลการดำเนินการตามมาตรการ/กิจกรรม',
      required: true,
      text: MEASURE_TEXT,
    },
    {
      key: 'result',
      header: 'ผลลัพธ์/ความสำเร็จของการดำเนินการ',
      required: true,
      text: MEASURE_TEXT,
    },
  ],
} as const satisfies TabSpec;

/** The run log: written by the add-on only. */
export const LOG_TAB = {
  key: 'log',
  name: 'ประวัติ',
  columns: [
    { key: 'time', header: 'เวลา', required: false },
    { key: 'user', header: 'ผู้ดำเนินการ', required: false },
    { key: 'action', header: 'การดำเนินการ', required: false },
    { key: 'document', header: 'เอกสาร', required: false },
    { key: 'pdf', header: 'PDF', required: false },
    { key: 'status', header: 'สถานะ', required: false },
    { key: 'openComments', header: 'ความเห็นค้าง', required: false },
    { key: 'resolvedComments', header: 'ความเห็นแก้แล้ว', required: false },
    { key: 'note', header: 'หมายเหตุ', required: false },
    { key: 'memoStatus', header: 'สถานะบันทึกข้อความ', required: false },
    { key: 'docId', header: 'รหัสเอกสาร', required: false },
  ],
} as const satisfies TabSpec;

/**
 * What a row of ประวัติ records (its การดำเนินการ). The row of a memo's generation is the memo's
 * own row: its สถานะบันทึกข้อความ and comment counts follow the memo; every later step on that
 * memo is a row of its own, tied to it by รหัสเอกสาร.
 */
export const LOG_ACTIONS = {
  generate: 'สร้างบันทึกข้อความ',
  regenerate: 'สร้างใหม่ในเอกสารเดิม',
  send: 'ส่งขอความเห็น',
  approve: 'อนุมัติ',
  publish: 'เผยแพร่ฉบับอนุมัติ',
} as const;

/**
 * The fiscal-year steps as ประวัติ records them. A memo made before the last start of a new year
 * (not undone since) is last year's: no review step acts on it any more.
 */
export const YEAR_LOG_ACTIONS = {
  start: 'เริ่มปีงบประมาณใหม่',
  restore: 'ยกเลิกการเริ่มปีงบประมาณใหม่',
} as const;

/** The สถานะ of a row: whether the step succeeded. */
export const LOG_DONE = 'สำเร็จ';
export const LOG_FAILED = 'ไม่สำเร็จ';

/**
 * How much of a contract tab the add-on reads: rows 1 to 10,000 and columns A to AX (50).
 * Far more than any office's table; the headers must lie within these columns. Content below
 * row 10,000 is reported (data-outside-table), never read.
 */
export const MAX_TAB_ROWS = 10_000;
export const MAX_TAB_COLUMNS = 50;

/** Every tab, in contract order (the order of the sheet set-up and of findings). */
export const TABS = [
  GENERAL_TAB,
  SIGNATORIES_TAB,
  SCORES_TAB,
  HISTORY_TAB,
  RECOMMENDATIONS_TAB,
  MEASURES_TAB,
  LOG_TAB,
] as const;

/** Tabs that may be absent without a finding. */
export const OPTIONAL_TABS: readonly TabKey[] = ['history'];

export type TabKey = (typeof TABS)[number]['key'];
export type ColumnKey<T extends TabSpec> = T['columns'][number]['key'];

export type GeneralKey =
  | 'organisation'
  | 'district'
  | 'province'
  | 'fiscalYear'
  | 'unit'
  | 'phone'
  | 'documentNumber'
  | 'memoDate'
  | 'subject'
  | 'addressee'
  | 'website'
  | 'useThaiDigits'
  | 'template'
  | 'folder'
  | 'publishPublicly'
  | 'reviewDue'
  | 'publishReportOnly'
  | 'publishedLink';

export interface GeneralLabel {
  readonly key: GeneralKey;
  /** The exact text of the รายการ cell. */
  readonly label: string;
  readonly required: boolean;
  readonly type: 'text' | 'fiscal-year' | 'date' | 'yes-no';
  /** For text labels: its length and the non-text values it may hold. */
  readonly text?: TextRule;
  /** For text labels holding a Google Drive link or ID: what it must link to. */
  readonly link?: 'document' | 'folder' | 'file';
  /** For yes-no labels: the value of a blank or missing cell. */
  readonly default?: boolean;
  /** What goes in the ข้อมูล cell (for the set-up's notes). */
  readonly hint: string;
}

export const GENERAL_LABELS: readonly GeneralLabel[] = [
  {
    key: 'organisation',
    label: 'ชื่อหน่วยงาน',
    required: true,
    type: 'text',
    text: { maxLength: MAX_NAME },
    hint: 'ชื่อเต็มของหน่วยงาน เช่น องค์การบริหารส่วนตำบลเมืองเก่า',
  },
  {
    key: 'district',
    label: 'อำเภอ',
    required: true,
    type: 'text',
    text: { maxLength: MAX_NAME },
    hint: 'เช่น แม่แตง',
  },
  {
    key: 'province',
    label: 'จังหวัด',
    required: true,
    type: 'text',
    text: { maxLength: MAX_NAME },
    hint: 'เช่น เชียงใหม่',
  },
  {
    key: 'fiscalYear',
    label: 'ปีงบประมาณ',
    required: true,
    type: 'fiscal-year',
    hint: 'ปี พ.ศ. เช่น 2568 (ปีงบประมาณ 1 ต.ค. 2567 – 30 ก.ย. 2568)',
  },
  {
    key: 'unit',
    label: 'ส่วนราชการ',
    required: true,
    type: 'text',
    text: { maxLength: MAX_LINE },
    hint: 'หน่วยที่ออกหนังสือ เช่น งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบล',
  },
  {
    key: 'phone',
    label: 'โทรศัพท์',
    required: false,
    type: 'text',
    text: { maxLength: MAX_NAME },
    hint: 'พิมพ์ต่อท้ายส่วนราชการ',
  },
  {
    key: 'documentNumber',
    label: 'เลขที่หนังสือ',
    required: false,
    type: 'text',
    text: { maxLength: MAX_NAME, accepts: ['number'] },
    hint: 'บรรทัด “ที่” เว้นว่างไว้เพื่อเขียนด้วยมือได้',
  },
  { key: 'memoDate', label: 'วันที่หนังสือ', required: true, type: 'date', hint: 'วันที่ของบันทึกข้อความ' },
  {
    key: 'subject',
    label: 'เรื่อง',
    required: false,
    type: 'text',
    text: { maxLength: MAX_LINE },
    hint: 'เว้นว่าง: รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. (ปี)',
  },
  {
    key: 'addressee',
    label: 'เรียน',
    required: true,
    type: 'text',
    text: { maxLength: MAX_LINE },
    hint: 'เช่น นายกองค์การบริหารส่วนตำบลเมืองเก่า',
  },
  {
    key: 'website',
    label: 'เว็บไซต์',
    required: false,
    type: 'text',
    text: { maxLength: MAX_LINE },
    hint: 'เว็บไซต์ที่จะเผยแพร่ PDF เช่น www.muangkhai.go.th',
  },
  {
    key: 'useThaiDigits',
    label: 'ใช้เลขไทย',
    required: false,
    type: 'yes-no',
    default: true,
    hint: 'ใช่ / ไม่ (ค่าเริ่มต้น ใช่): ตัวเลขในเอกสารใช้เลขไทย',
  },
  {
    key: 'template',
    label: 'แม่แบบเอกสาร',
    required: false,
    type: 'text',
    text: { maxLength: MAX_LINE },
    link: 'document',
    hint: 'URL หรือ ID ของ Google Doc แม่แบบ เว้นว่าง: ใช้แม่แบบในตัว',
  },
  {
    key: 'folder',
    label: 'โฟลเดอร์ปลายทาง',
    required: false,
    type: 'text',
    text: { maxLength: MAX_LINE },
    link: 'folder',
    hint: 'URL หรือ ID ของโฟลเดอร์ใน Drive เว้นว่าง: ระบบสร้างโฟลเดอร์ให้',
  },
  {
    key: 'publishPublicly',
    label: 'เผยแพร่ลิงก์สาธารณะ',
    required: false,
    type: 'yes-no',
    default: false,
    hint: 'ใช่ / ไม่ (ค่าเริ่มต้น ไม่): ให้ทุกคนที่มีลิงก์ดู PDF ที่เผยแพร่ได้',
  },
  {
    key: 'reviewDue',
    label: 'กำหนดส่งความเห็น',
    required: false,
    type: 'date',
    hint: 'วันที่ขอให้ผู้ให้ความเห็นและผู้สั่งการตอบกลับ (ว่างได้) ระบบแจ้งในอีเมลขอความเห็น',
  },
  {
    key: 'publishReportOnly',
    label: 'เผยแพร่เฉพาะรายงาน',
    required: false,
    type: 'yes-no',
    default: false,
    hint: 'ใช่ / ไม่ (ค่าเริ่มต้น ไม่): PDF ที่เผยแพร่มีเฉพาะรายงานแนบท้าย ไม่มีหน้าบันทึกข้อความและลายมือชื่อ',
  },
  {
    key: 'publishedLink',
    label: 'ลิงก์เผยแพร่',
    required: false,
    type: 'text',
    text: { maxLength: MAX_LINE },
    link: 'file',
    hint: 'ลิงก์ถาวรของ PDF ที่เผยแพร่ ระบบใส่ให้เมื่อเผยแพร่ครั้งแรก และเผยแพร่ฉบับใหม่ลงไฟล์เดิมทุกครั้ง (เว้นว่าง: สร้างไฟล์ใหม่)',
  },
];

export type Role = 'proposer' | 'reviewer' | 'approver';

export interface RoleSpec {
  readonly key: Role;
  readonly label: string;
  readonly min: number;
  /** null: any number. */
  readonly max: number | null;
}

/** The บทบาท values, in the order they sign. */
export const ROLES: readonly RoleSpec[] = [
  { key: 'proposer', label: 'ผู้เสนอ', min: 1, max: 1 },
  { key: 'reviewer', label: 'ผู้ให้ความเห็น', min: 0, max: null },
  { key: 'approver', label: 'ผู้สั่งการ', min: 1, max: 1 },
];

/** The values of yes/no cells (a checkbox's TRUE/FALSE is accepted too). */
export const YES = 'ใช่';
export const NO = 'ไม่';

/** The score codes and names the set-up writes for a year (exactly the contract's table for 2568). */
export function scoreRows(year?: number | null): ScoreCode[] {
  return scoreCodes(itaRulesFor(year));
}

/**
 * The rows ผลย้อนหลัง keeps for a year: the overall score, the tools and the EIT parts (what
 * the comparison shows and "เริ่มปีงบประมาณใหม่" copies), without indicators.
 */
export function historyRows(year?: number | null): ScoreCode[] {
  return scoreRows(year).filter((c) => c.kind !== 'indicator');
}

/** The tabs "เริ่มปีงบประมาณใหม่" archives and clears. */
export const ARCHIVED_TABS = [SCORES_TAB, RECOMMENDATIONS_TAB, MEASURES_TAB] as const;

/** The hidden copy of a tab as it was at the end of a fiscal year: `คะแนน ปี 2568`. */
export function archiveTabName(tab: string, year: number): string {
  return `${tab} ปี ${year}`;
}

/** The เรื่อง of a blank subject cell. */
export function defaultSubject(fiscalYear: number, digits: DigitStyle = 'thai'): string {
  return `รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ${withDigits(fiscalYear, digits)}`;
}
