// Text fields as the contract describes them (TextRule): a number, date or TRUE/FALSE where text
// is meant, text longer than any real entry, and Drive links generate could not use. Each of
// these would otherwise surface only in the memo (a name printed as 45933) or when generating.
import { isDateValue } from '../thai/cell-values';
import { parseDriveId } from '../workbook/drive-id';
import { cellText, type Cell } from '../workbook/cells';
import { GENERAL_LABELS, type GeneralLabel, type TextRule } from '../workbook/contract';
import { cellAt, dataRows, valueAt, type LocatedTab } from '../workbook/tabs';
import type { GeneralInfo } from '../workbook/types';
import { quote } from './describe';
import { findingAt, makeFinding, type Finding, type RuleId } from './finding';

type Kind = 'number' | 'date' | 'boolean';

function kindOf(raw: unknown): Kind | null {
  if (typeof raw === 'number') return 'number';
  if (typeof raw === 'boolean') return 'boolean';
  return isDateValue(raw) ? 'date' : null;
}

function wrongKindMessage(field: string, raw: unknown, kind: Kind, leadingZero: boolean): string {
  const head = `“${field}” ต้องเป็นข้อความ แต่เซลล์นี้เป็น`;
  if (kind === 'boolean') {
    return `${head}ช่องทำเครื่องหมาย (ค่า ${quote(raw)}) กรุณาลบช่องทำเครื่องหมายออกแล้วพิมพ์ข้อความ`;
  }
  if (leadingZero) {
    return `${head}ตัวเลข ${quote(raw)} ทำให้เลข 0 นำหน้าหายไป กรุณาพิมพ์ใหม่โดยใส่ ' นำหน้า เช่น '053123456`;
  }
  const value = kind === 'date' ? quote(raw) : `ตัวเลข ${quote(raw)}`;
  const why = kind === 'date' ? 'ชีตเปลี่ยนสิ่งที่พิมพ์เป็นวันที่เอง' : 'ชีตเก็บสิ่งที่พิมพ์เป็นตัวเลข';
  return `${head}${value} (${why}) กรุณาพิมพ์ข้อความที่ถูกต้อง หากชีตยังเปลี่ยนให้ ให้ใส่ ' นำหน้าข้อความ`;
}

/** One text cell: its type, then its length. */
function checkText(
  sheet: string,
  cell: string,
  raw: unknown,
  field: string,
  rule: TextRule,
  phone = false,
): Finding[] {
  const kind = kindOf(raw);
  if (kind !== null && !(kind !== 'boolean' && rule.accepts?.includes(kind))) {
    return [
      makeFinding(
        'text-field-wrong-type',
        sheet,
        cell,
        wrongKindMessage(field, raw, kind, phone && kind === 'number'),
      ),
    ];
  }
  const length = Array.from(cellText(raw) ?? '').length;
  if (length <= rule.maxLength) return [];
  return [
    makeFinding(
      'text-too-long',
      sheet,
      cell,
      `“${field}” ยาว ${length.toLocaleString('en-US')} ตัวอักษร เกินความยาวที่รับได้ ${rule.maxLength.toLocaleString('en-US')} ตัวอักษร กรุณาย่อข้อความ หรือตรวจว่าไม่ได้วางข้อความอื่นลงในเซลล์นี้โดยไม่ตั้งใจ`,
    ),
  ];
}

/** Every text column of a tab, row by row. */
export function checkTextColumns(tab: LocatedTab): Finding[] {
  const findings: Finding[] = [];
  for (const row of dataRows(tab)) {
    for (const column of tab.spec.columns) {
      const cell = cellAt(tab, row.row, column.key);
      if (!column.text || cell === null) continue;
      const raw = valueAt(tab, row, column.key);
      findings.push(...checkText(tab.sheet, cell, raw, column.header, column.text));
    }
  }
  return findings;
}

// What each kind of Drive link looks like: a link of another kind is certainly wrong.
const LINK_KINDS: Record<
  NonNullable<GeneralLabel['link']>,
  {
    wrong: RegExp;
    what: string;
    example: string;
    blank: string;
    rule: RuleId;
    /** What the add-on cannot do with such a link. */
    blocks: string;
  }
> = {
  document: {
    wrong: /\/(?:spreadsheets|presentation|forms|drive\/(?:u\/\d+\/)?folders)\//,
    what: ' Google เอกสาร',
    example: 'https://docs.google.com/document/d/…',
    blank: 'เว้นว่างเพื่อใช้แม่แบบในตัว',
    rule: 'template-link-invalid',
    blocks: 'สร้างบันทึกข้อความ',
  },
  folder: {
    wrong: /\/(?:document|spreadsheets|presentation|forms|file)\/d\//,
    what: 'โฟลเดอร์ใน Google ไดรฟ์',
    example: 'https://drive.google.com/drive/folders/…',
    blank: 'เว้นว่างให้ระบบสร้างโฟลเดอร์ให้',
    rule: 'folder-link-invalid',
    blocks: 'สร้างบันทึกข้อความ',
  },
  file: {
    wrong: /\/(?:document|spreadsheets|presentation|forms|drive\/(?:u\/\d+\/)?folders)\//,
    what: 'ไฟล์ PDF ใน Google ไดรฟ์',
    example: 'https://drive.google.com/file/d/…',
    blank: 'เว้นว่างให้ระบบสร้างไฟล์เผยแพร่ใหม่ (ลิงก์จะเปลี่ยน)',
    rule: 'published-link-invalid',
    blocks: 'เผยแพร่ฉบับอนุมัติ',
  },
};

function checkLink(cell: Cell<string | null>, label: GeneralLabel): Finding[] {
  const text = cell.value;
  if (!label.link || text === null) return [];
  const kind = LINK_KINDS[label.link];
  if (parseDriveId(text) !== null && !kind.wrong.test(text)) return [];
  return findingAt(
    cell,
    kind.rule,
    `“${label.label}” ${quote(cell.raw)} ไม่ใช่ลิงก์หรือรหัสของ${kind.what} ระบบจึง${kind.blocks}ไม่ได้ กรุณาวางลิงก์ (${kind.example}) หรือ${kind.blank}`,
  );
}

/** The text labels of ข้อมูลทั่วไป: type, length and Drive links. */
export function checkGeneralText(general: GeneralInfo): Finding[] {
  const findings: Finding[] = [];
  for (const label of GENERAL_LABELS) {
    const cell = general[label.key] as Cell<string | null>;
    if (!label.text || cell.cell === null) continue;
    const problems = checkText(
      cell.sheet,
      cell.cell,
      cell.raw,
      label.label,
      label.text,
      label.key === 'phone',
    );
    findings.push(...(problems.length ? problems : checkLink(cell, label)));
  }
  return findings;
}
