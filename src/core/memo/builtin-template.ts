/**
 * The built-in memo template: the official บันทึกข้อความ form and the attached report, written in
 * the template language. The Apps Script side turns this description into a Google Doc with
 * DocumentApp; an office may then edit that Doc (wording, letterhead, its Garuda) and use it as
 * its own template.
 *
 * Sizes are Google Docs "Sarabun" points chosen to look like the official TH Sarabun sizes on
 * paper (Google's Sarabun is drawn about 1.45× larger per point): body 11 ≈ TH Sarabun 16,
 * labels 14 ≈ 20, the heading 20 ≈ 29, tables 9.5 ≈ 14.
 */
import { toThaiDigits } from '../thai/digits';
import { MAX_COMPARED_YEARS } from './year-over-year';

export const TEMPLATE_FONT = 'Sarabun';

export const SIZE = {
  body: 11,
  label: 14,
  heading: 20,
  cover: 18,
  table: 9.5,
  caption: 9.5,
} as const;

/** Page set-up in centimetres: A4, left 3 cm, right 2 cm (the official memo form). */
export const PAGE = { width: 21, height: 29.7, top: 2, bottom: 2, left: 3, right: 2 } as const;

export interface Span {
  text: string;
  bold?: boolean;
  size?: number;
}

export interface ParagraphSpec {
  type: 'p';
  spans: Span[];
  align?: 'left' | 'center' | 'right' | 'justify';
  /** Every line's left indent, cm. */
  indent?: number;
  /** The first line's left indent, cm (absolute, like Docs). */
  firstLine?: number;
  /** Space after, points. */
  after?: number;
  /** Kept on the page of the next paragraph (headings, comment and signature blocks). */
  keepWithNext?: boolean;
}

export interface TableSpec {
  type: 'table';
  /** Column widths, cm. */
  widths: number[];
  /** Rows of cells of paragraphs; the first row is the header. */
  rows: string[][][];
}

export type BlockSpec = ParagraphSpec | TableSpec | { type: 'pageBreak' };

const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Signature blocks sit centred in the right half of the text column. */
const SIGNATURE_INDENT = TEXT_WIDTH / 2 - 2.5;
const FIRST_LINE = 2.5;

const p = (text: string, opts: Omit<ParagraphSpec, 'type' | 'spans'> = {}): ParagraphSpec => ({
  type: 'p',
  spans: [{ text }],
  ...opts,
});
const bold = (text: string, opts: Omit<ParagraphSpec, 'type' | 'spans'> = {}): ParagraphSpec => ({
  type: 'p',
  spans: [{ text, bold: true }],
  ...opts,
});
const body = (text: string): ParagraphSpec => p(text, { align: 'justify', firstLine: FIRST_LINE });
const blank = (): ParagraphSpec => p('');
/** A label in bold at label size, then its value at body size. */
const labelled = (label: string, value: string): ParagraphSpec => ({
  type: 'p',
  spans: [{ text: label, bold: true, size: SIZE.label }, { text: value }],
});
const signed = (text: string): ParagraphSpec =>
  p(text, { align: 'center', indent: SIGNATURE_INDENT, firstLine: SIGNATURE_INDENT });
const dots = '.'.repeat(150);

/** The signature lines of one person inside their list block. */
function signature(): BlockSpec[] {
  const keep = { keepWithNext: true };
  return [
    { ...blank(), ...keep },
    { ...signed('{{#ยศ}}{{ยศ}}{{/ยศ}}'), ...keep },
    { ...signed('({{ชื่อ-สกุล}})'), ...keep },
    { ...signed('{{ตำแหน่ง}}{{#รักษาราชการแทน}} รักษาราชการแทน{{/รักษาราชการแทน}}'), ...keep },
    p('{{#รักษาราชการแทน}}'),
    signed('{{รักษาราชการแทน}}'),
    p('{{/รักษาราชการแทน}}'),
  ];
}

/** The part of the report on one unit (IIT, EIT ส่วนที่ ๑, …). */
function unitReport(unit: string, heading: string): BlockSpec[] {
  return [
    p(heading, { align: 'justify', keepWithNext: true }),
    p(`{{#ตัวชี้วัด ${unit}}}`),
    p('{{ลำดับ}} {{ชื่อ}} {{คะแนน}} คะแนน', { indent: 1.5, firstLine: 1.5 }),
    p(`{{/ตัวชี้วัด ${unit}}}`),
    body(`{{ชื่อหน่วยงาน}} {{สรุปตัวชี้วัด ${unit}}}`),
    p(`{{#มีข้อเสนอแนะ ${unit}}}`),
    body(
      'ทั้งนี้ ผู้ตรวจประเมินมีข้อเสนอแนะในการปรับปรุงและพัฒนาการดำเนินงานรายประเด็นข้อคำถามที่มีผลการประเมินต่ำ ดังต่อไปนี้',
    ),
    p(`{{/มีข้อเสนอแนะ ${unit}}}`),
    p(`{{#ข้อเสนอแนะ ${unit}}}`),
    bold('{{ตัวชี้วัด}}', { firstLine: 1.5, indent: 1.5, keepWithNext: true }),
    p('{{#รายการ}}'),
    { ...body('{{#ข้อ}}{{ข้อ}} {{/ข้อ}}{{ประเด็น}}'), after: 4 },
    p('{{/รายการ}}'),
    p(`{{/ข้อเสนอแนะ ${unit}}}`),
  ];
}

/** The comparison table for `years` year columns, shown only when the comparison has that many. */
function comparisonTable(years: number): BlockSpec[] {
  const slots = Array.from({ length: years }, (_, i) => toThaiDigits(i + 1));
  const width = 2.2;
  const flag = `ตารางเปรียบเทียบ ${toThaiDigits(years)} ปี`;
  return [
    p(`{{#${flag}}}`),
    {
      type: 'table',
      widths: [Math.min(8, TEXT_WIDTH - years * width), ...slots.map(() => width)],
      rows: [
        [['รายการ'], ...slots.map((n) => [`ปี {{ปีที่ ${n}}}`])],
        [
          ['{{#แถวเปรียบเทียบ}}', '{{ชื่อ}}'],
          ...slots.map((n, i) =>
            i === slots.length - 1
              ? [`{{คะแนนปีที่ ${n}}}`, '{{/แถวเปรียบเทียบ}}']
              : [`{{คะแนนปีที่ ${n}}}`],
          ),
        ],
      ],
    },
    p(`{{/${flag}}}`),
  ];
}

/** The comparison with earlier years; the whole part is left out when ผลย้อนหลัง has no scores. */
function comparisonReport(): BlockSpec[] {
  const tables = Array.from({ length: MAX_COMPARED_YEARS - 1 }, (_, i) => comparisonTable(i + 2));
  return [
    p('{{#มีผลย้อนหลัง}}'),
    blank(),
    bold('ผลการประเมินเปรียบเทียบกับปีที่ผ่านมา', { after: 4, keepWithNext: true }),
    body('{{สรุปผลเทียบปีก่อน}}'),
    {
      type: 'p',
      spans: [
        { text: 'ตาราง คะแนนผลการประเมิน ปีงบประมาณ พ.ศ. {{ช่วงปีเปรียบเทียบ}}', size: SIZE.caption },
      ],
      align: 'center',
      keepWithNext: true,
    },
    ...tables.flat(),
    p('', { after: 6 }),
    p('{{แผนภูมิผลย้อนหลัง}}', { align: 'center' }),
    {
      type: 'p',
      spans: [
        {
          text: 'แผนภูมิ คะแนน ITA ภาพรวมและรายเครื่องมือ พ.ศ. {{ช่วงปีเปรียบเทียบ}} เทียบกับเกณฑ์ {{เกณฑ์ผ่าน}} คะแนน',
          size: SIZE.caption,
        },
      ],
      align: 'center',
      after: 8,
    },
    body('{{สรุปการผ่านเกณฑ์รายเครื่องมือ}}'),
    body('{{สรุปแนวโน้มรายเครื่องมือ}}'),
    p('{{/มีผลย้อนหลัง}}'),
  ];
}

export function builtinTemplate(): BlockSpec[] {
  return [
    // Where the office pastes its Garuda (1.5 cm high) once in its copy of this template.
    p('{{ตราครุฑ}}'),
    { type: 'p', spans: [{ text: 'บันทึกข้อความ', bold: true, size: SIZE.heading }], align: 'center' },
    labelled('ส่วนราชการ  ', '{{ส่วนราชการ}} {{ชื่อหน่วยงาน}}{{#โทรศัพท์}}  โทร. {{โทรศัพท์}}{{/โทรศัพท์}}'),
    {
      type: 'p',
      spans: [
        { text: 'ที่  ', bold: true, size: SIZE.label },
        {
          text: '{{เลขที่หนังสือ}}{{^เลขที่หนังสือ}}........................................{{/เลขที่หนังสือ}}\t',
        },
        { text: 'วันที่  ', bold: true, size: SIZE.label },
        { text: '{{วันที่หนังสือ}}' },
      ],
    },
    labelled('เรื่อง  ', '{{เรื่อง}}'),
    labelled('เรียน  ', '{{เรียน}}'),
    bold('๑. ข้อเท็จจริง', { firstLine: FIRST_LINE, keepWithNext: true }),
    body(
      '{{ส่วนราชการ}} ได้ดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เรียบร้อยแล้ว รายละเอียดตามเอกสารแนบท้าย',
    ),
    bold('๒. ข้อกฎหมายและระเบียบที่เกี่ยวข้อง', { firstLine: FIRST_LINE, keepWithNext: true }),
    body('พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐'),
    body(
      'มาตรา ๙ ภายใต้บังคับมาตรา ๑๔ และมาตรา ๑๕ หน่วยงานของรัฐต้องจัดให้มีข้อมูลข่าวสารของราชการอย่างน้อยดังต่อไปนี้ไว้ให้ประชาชนเข้าตรวจดูได้ ทั้งนี้ ตามหลักเกณฑ์และวิธีการที่คณะกรรมการกำหนด',
    ),
    body('(๘) ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด'),
    bold('๓. ข้อพิจารณา', { firstLine: FIRST_LINE, keepWithNext: true }),
    body('{{ส่วนราชการ}} พิจารณาแล้วเห็นว่า'),
    body(
      '๓.๑ ขอรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เพื่อโปรดทราบและพิจารณา',
    ),
    body(
      '๓.๒ รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เป็นข้อมูลข่าวสารของราชการตามมาตรา ๙ (๘) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ จึงเห็นควรเผยแพร่รายงานดังกล่าวผ่านเว็บไซต์ของหน่วยงาน{{#เว็บไซต์}} {{เว็บไซต์}}{{/เว็บไซต์}} ให้ประชาชนทราบต่อไป',
    ),
    bold('๔. ข้อเสนอ', { firstLine: FIRST_LINE, keepWithNext: true }),
    body(
      'จึงเรียนมาเพื่อโปรดทราบและพิจารณา หรือเห็นควรประการใดได้โปรดสั่งการ จักได้ดำเนินการตามระเบียบที่เกี่ยวข้องต่อไป',
    ),
    p('{{#ผู้เสนอ}}'),
    blank(),
    ...signature(),
    p('{{/ผู้เสนอ}}'),
    p('{{#ผู้ให้ความเห็น}}'),
    blank(),
    bold('ความเห็นของ{{ตำแหน่งที่ให้ความเห็น}}', { keepWithNext: true }),
    p(dots, { keepWithNext: true }),
    p(dots, { keepWithNext: true }),
    ...signature(),
    p('{{/ผู้ให้ความเห็น}}'),
    p('{{#ผู้สั่งการ}}'),
    blank(),
    bold('ความเห็น/คำสั่งของ{{ตำแหน่งที่ให้ความเห็น}}', { keepWithNext: true }),
    p('(   ) ทราบ', { indent: 1, firstLine: 1, keepWithNext: true }),
    p('(   ) ดำเนินการตามเสนอ', { indent: 1, firstLine: 1, keepWithNext: true }),
    p(`(   ) ${'.'.repeat(100)}`, { indent: 1, firstLine: 1, keepWithNext: true }),
    ...signature(),
    // Dotted until the approver records approval; then the approval date (review-status.ts).
    signed('วันที่ {{วันที่อนุมัติ}}'),
    p('{{/ผู้สั่งการ}}'),
    { type: 'pageBreak' },

    // The report: cover.
    ...Array.from({ length: 8 }, blank),
    {
      type: 'p',
      spans: [{ text: 'รายงานผลการดำเนินการ', bold: true, size: SIZE.cover }],
      align: 'center',
    },
    {
      type: 'p',
      spans: [{ text: 'เพื่อส่งเสริมคุณธรรมและความโปร่งใส', bold: true, size: SIZE.cover }],
      align: 'center',
    },
    {
      type: 'p',
      spans: [{ text: 'ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', bold: true, size: SIZE.cover }],
      align: 'center',
    },
    ...Array.from({ length: 8 }, blank),
    {
      type: 'p',
      spans: [{ text: '{{ชื่อหน่วยงาน}}', bold: true, size: SIZE.label }],
      align: 'center',
    },
    {
      type: 'p',
      spans: [{ text: 'อำเภอ{{อำเภอ}} จังหวัด{{จังหวัด}}', bold: true, size: SIZE.label }],
      align: 'center',
    },
    { type: 'pageBreak' },

    // Summary.
    bold('รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', { align: 'center' }),
    bold('ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', { align: 'center' }),
    bold('{{ชื่อหน่วยงาน}} อำเภอ{{อำเภอ}} จังหวัด{{จังหวัด}}', { align: 'center', after: 8 }),
    body(
      'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ของ{{ชื่อหน่วยงาน}} อยู่ในระดับ{{ระดับผลการประเมิน}} คือ {{เงื่อนไขระดับผลการประเมิน}} {{ผลเทียบค่าเป้าหมาย}} โดยมีคะแนนในภาพรวมอยู่ที่ {{คะแนนรวม}} คะแนน แยกผลการประเมินตามรายเครื่องมือมีรายละเอียด ดังนี้',
    ),
    {
      type: 'p',
      spans: [
        { text: '๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ' },
        { text: 'คะแนนรวม {{คะแนน IIT}} คะแนน', bold: true },
      ],
      indent: 1,
      firstLine: 1,
    },
    {
      type: 'p',
      spans: [
        { text: '๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ' },
        { text: 'คะแนนรวม {{คะแนน EIT}} คะแนน', bold: true },
      ],
      indent: 1,
      firstLine: 1,
    },
    {
      type: 'p',
      spans: [{ text: '- ส่วนที่ ๑ ' }, { text: 'คะแนนรวม {{คะแนน EIT ส่วนที่ ๑}} คะแนน', bold: true }],
      indent: 2,
      firstLine: 2,
    },
    {
      type: 'p',
      spans: [{ text: '- ส่วนที่ ๒ ' }, { text: 'คะแนนรวม {{คะแนน EIT ส่วนที่ ๒}} คะแนน', bold: true }],
      indent: 2,
      firstLine: 2,
    },
    {
      type: 'p',
      spans: [
        { text: '๓. แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ' },
        { text: 'คะแนนรวม {{คะแนน OIT}} คะแนน', bold: true },
      ],
      indent: 1,
      firstLine: 1,
      after: 6,
    },
    p('{{แผนภูมิคะแนน}}', { align: 'center' }),
    {
      type: 'p',
      spans: [
        {
          text: 'แผนภูมิ คะแนนผลการประเมินรายเครื่องมือเทียบกับเกณฑ์ {{เกณฑ์ผ่าน}} คะแนน',
          size: SIZE.caption,
        },
      ],
      align: 'center',
      after: 8,
    },
    bold('ผลการประเมินรายเครื่องมือ ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', {
      after: 4,
      keepWithNext: true,
    }),
    ...unitReport(
      'IIT',
      '๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT) ได้คะแนนรวม {{คะแนน IIT}} คะแนน โดยแยกเป็น',
    ),
    p(
      '๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT) ได้คะแนนรวม {{คะแนน EIT}} คะแนน โดยแยกเป็น',
      { align: 'justify' },
    ),
    ...unitReport(
      'EIT ส่วนที่ ๑',
      '๒.๑ EIT ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการตอบด้วยตนเอง (EIT Public) ได้คะแนนรวม {{คะแนน EIT ส่วนที่ ๑}} คะแนน',
    ),
    ...unitReport(
      'EIT ส่วนที่ ๒',
      '๒.๒ EIT ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT Survey) ได้คะแนนรวม {{คะแนน EIT ส่วนที่ ๒}} คะแนน',
    ),
    ...unitReport(
      'OIT',
      '๓. แบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) ได้คะแนนรวม {{คะแนน OIT}} คะแนน โดยแยกเป็น',
    ),
    ...comparisonReport(),
    { type: 'pageBreak' },

    // Measures.
    bold('รายงานผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', { align: 'center' }),
    bold('ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', { align: 'center' }),
    bold('{{ชื่อหน่วยงาน}} อำเภอ{{อำเภอ}} จังหวัด{{จังหวัด}}', { align: 'center', after: 8 }),
    {
      type: 'table',
      widths: [3.0, 3.0, 1.9, 2.2, 3.1, 2.8],
      rows: [
        [
          ['มาตรการ/กิจกรรม'],
          ['ขั้นตอน/วิธีการ'],
          ['ผู้รับผิดชอบ'],
          ['ระยะเวลาในการดำเนินการ'],
          ['สรุปผลการดำเนินการตามมาตรการ/กิจกรรม'],
          ['ผลลัพธ์/ความสำเร็จของการดำเนินการ'],
        ],
        [
          ['{{#มาตรการ}}', '{{มาตรการ/กิจกรรม}}'],
          ['{{ขั้นตอน/วิธีการ}}'],
          ['{{ผู้รับผิดชอบ}}'],
          ['{{ระยะเวลาในการดำเนินการ}}'],
          ['{{สรุปผลการดำเนินการตามมาตรการ/กิจกรรม}}'],
          ['{{ผลลัพธ์/ความสำเร็จของการดำเนินการ}}', '{{/มาตรการ}}'],
        ],
      ],
    },
  ];
}
