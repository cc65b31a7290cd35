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
import { MEASURES_TAB } from '../workbook/contract';
import { columnWidths } from './column-widths';
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
  /** Space before, points. */
  before?: number;
  /** Space after, points. */
  after?: number;
  /** Kept on the page of the next paragraph (headings, comment and signature blocks). */
  keepWithNext?: boolean;
  /** A dotted rule under the paragraph from its indent to the margin (the form's header lines). */
  dotted?: boolean;
}

export interface TableSpec {
  type: 'table';
  /** Column widths, cm. */
  widths: number[];
  /** Rows of cells of paragraphs; the first row is the header unless `form`. */
  rows: string[][][];
  /**
   * A line of the form laid out as a table without borders: label cells in bold at label size,
   * value cells with a dotted rule under them (ที่ … วันที่ …).
   */
  form?: { labels: number[] };
}

/**
 * `sectionBreak`: the attached report starts a section of its own on a new page, numbered from 1
 * with no number on its first page, as a memo is (docs/memo-format.md, "Page numbers").
 */
export type BlockSpec =
  ParagraphSpec | TableSpec | { type: 'pageBreak' } | { type: 'sectionBreak' };

const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
/** Signature blocks sit centred in the right half of the text column. */
const SIGNATURE_INDENT = TEXT_WIDTH / 2 - 2.5;
/** Body paragraphs: the first line indented 2.5 cm (the typing guide's second tab stop). */
const FIRST_LINE = 2.5;
/** Space before เรียน and each numbered part of the memo (the typing guide: "Before 6 pt"). */
const PART_SPACE = 6;
/**
 * Where a header line's value starts: past the label in bold at label size (Sarabun Bold 14 pt:
 * ส่วนราชการ 2.49 cm, เรื่อง 0.94 cm, ที่ 0.33 cm, วันที่ 0.92 cm), so a wrapped value goes on
 * under its first letter.
 */
const HANG = { unit: 2.75, subject: 1.25, number: 0.75, date: 1.3 } as const;
/** The report's levels: ๑. at the margin, ๑.๑ / ๒.๑ one step in, ๒.๑.๑ two steps. */
const STEP = 0.75;

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
/**
 * A header line of the form: the label in bold at label size, a tab to the hanging indent, the
 * value at body size, and the dotted line to the margin.
 */
const headerLine = (label: string, value: string, hang: number): ParagraphSpec => ({
  type: 'p',
  spans: [{ text: label, bold: true, size: SIZE.label }, { text: `\t${value}` }],
  indent: hang,
  firstLine: 0,
  dotted: true,
});
const signed = (text: string): ParagraphSpec =>
  p(text, { align: 'center', indent: SIGNATURE_INDENT, firstLine: SIGNATURE_INDENT });
const dots = '.'.repeat(150);
/** A numbered heading of the report at `level` (1: ๑., 2: ๒.๑, 3: ๒.๑.๑). */
const heading = (text: string, level: number, opts: Omit<ParagraphSpec, 'type' | 'spans'> = {}) =>
  bold(text, {
    align: 'left',
    indent: (level - 1) * STEP,
    firstLine: (level - 1) * STEP,
    before: 6,
    keepWithNext: true,
    ...opts,
  });
/**
 * A part of the report (the summary, each tool, the comparison, the measures): bold and centred,
 * unnumbered, so the numbers stay the tools' own (๑. IIT, ๒.๑ EIT ส่วนที่ ๑, ๒.๑.๑ …), as
 * {{ลำดับ}} numbers the indicators.
 */
const part = (text: string, opts: Omit<ParagraphSpec, 'type' | 'spans'> = {}): ParagraphSpec =>
  bold(text, { align: 'center', before: 12, after: 6, keepWithNext: true, ...opts });
/** A caption under a chart or over a table, at caption size. */
const caption = (
  text: string,
  opts: Omit<ParagraphSpec, 'type' | 'spans'> = {},
): ParagraphSpec => ({
  type: 'p',
  spans: [{ text, size: SIZE.caption, bold: true }],
  align: 'center',
  ...opts,
});

/**
 * The signature lines of one person inside their list block: two empty lines and the rank line
 * are the room to sign (the typing guide's 3–4 lines). A rank stands at the left of where the
 * signature goes, in place of นาย/นาง/นางสาว, as offices type it (the name in brackets then has
 * no title: fields.ts drops it).
 */
function signature(): BlockSpec[] {
  const keep = { keepWithNext: true };
  return [
    { ...blank(), ...keep },
    { ...blank(), ...keep },
    {
      ...p('{{#ยศ}}{{ยศ}}{{/ยศ}}', { indent: SIGNATURE_INDENT, firstLine: SIGNATURE_INDENT }),
      ...keep,
    },
    { ...signed('({{ชื่อ-สกุล}})'), ...keep },
    { ...signed('{{ตำแหน่ง}}{{#รักษาราชการแทน}} รักษาราชการแทน{{/รักษาราชการแทน}}'), ...keep },
    p('{{#รักษาราชการแทน}}'),
    signed('{{รักษาราชการแทน}}'),
    p('{{/รักษาราชการแทน}}'),
  ];
}

/** The part of the report on one unit (IIT, EIT ส่วนที่ ๑, …); `level` is its heading's. */
function unitReport(unit: string, title: string, level: number): BlockSpec[] {
  const item = level * STEP;
  return [
    heading(title, level),
    p(`{{#ตัวชี้วัด ${unit}}}`),
    p('{{ลำดับ}} {{ชื่อ}} {{คะแนน}} คะแนน', { indent: item, firstLine: item }),
    p(`{{/ตัวชี้วัด ${unit}}}`),
    body(`{{ชื่อหน่วยงาน}} {{สรุปตัวชี้วัด ${unit}}}`),
    p(`{{#มีข้อเสนอแนะ ${unit}}}`),
    body(
      'ทั้งนี้ ผู้ตรวจประเมินมีข้อเสนอแนะในการปรับปรุงและพัฒนาการดำเนินงานรายประเด็นข้อคำถามที่มีผลการประเมินต่ำ ดังต่อไปนี้',
    ),
    p(`{{/มีข้อเสนอแนะ ${unit}}}`),
    p(`{{#ข้อเสนอแนะ ${unit}}}`),
    bold('{{ตัวชี้วัด}}', { firstLine: item, indent: item, before: 3, keepWithNext: true }),
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
    part('ผลการประเมินเปรียบเทียบกับปีที่ผ่านมา'),
    body('{{สรุปผลเทียบปีก่อน}}'),
    caption('ตารางที่ ๑ คะแนนผลการประเมิน ปีงบประมาณ พ.ศ. {{ช่วงปีเปรียบเทียบ}}', {
      before: 6,
      keepWithNext: true,
    }),
    ...tables.flat(),
    p('', { after: 6 }),
    p('{{แผนภูมิผลย้อนหลัง}}', { align: 'center', keepWithNext: true }),
    caption(
      'แผนภูมิที่ ๒ คะแนน ITA ภาพรวมและรายเครื่องมือ พ.ศ. {{ช่วงปีเปรียบเทียบ}} เทียบกับเกณฑ์ {{เกณฑ์ผ่าน}} คะแนน',
      { after: 8 },
    ),
    body('{{สรุปการผ่านเกณฑ์รายเครื่องมือ}}'),
    body('{{สรุปแนวโน้มรายเครื่องมือ}}'),
    p('{{/มีผลย้อนหลัง}}'),
  ];
}

/** The measures table's columns (the มาตรการ tab's headers): header and placeholder. */
export const MEASURE_COLUMNS = MEASURES_TAB.columns.map((c) => c.header);

/** The Measure field of each column, in MEASURE_COLUMNS order. */
export const MEASURE_KEYS = MEASURES_TAB.columns.map((c) => c.key);

/** The table's widths when nothing is known of its content (an office's template). */
const MEASURE_WIDTHS = [3.0, 3.0, 1.9, 2.2, 3.1, 2.8];

export interface TemplateContent {
  /**
   * The measures' cell texts, row by row, in MEASURE_COLUMNS order: the table's column widths
   * are computed from them (column-widths.ts).
   */
  measures?: readonly (readonly string[])[];
}

export function builtinTemplate(content: TemplateContent = {}): BlockSpec[] {
  const measureWidths = content.measures
    ? columnWidths(MEASURE_COLUMNS, content.measures, TEXT_WIDTH, {
        size: SIZE.table,
        headerBold: true,
        padding: 0.3,
      })
    : MEASURE_WIDTHS;
  return [
    // The office's Garuda (1.5 cm high) is anchored to the title's paragraph, at the margin.
    {
      type: 'p',
      spans: [{ text: '{{ตราครุฑ}}' }, { text: 'บันทึกข้อความ', bold: true, size: SIZE.heading }],
      align: 'center',
      after: 4,
    },
    headerLine(
      'ส่วนราชการ',
      '{{ส่วนราชการ}} {{ชื่อหน่วยงาน}}{{#โทรศัพท์}} โทร. {{โทรศัพท์}}{{/โทรศัพท์}}',
      HANG.unit,
    ),
    {
      type: 'table',
      widths: [HANG.number, TEXT_WIDTH / 2 - HANG.number, HANG.date, TEXT_WIDTH / 2 - HANG.date],
      rows: [[['ที่'], ['{{เลขที่หนังสือ}}'], ['วันที่'], ['{{วันที่หนังสือ}}']]],
      form: { labels: [0, 2] },
    },
    headerLine('เรื่อง', '{{เรื่อง}}', HANG.subject),
    p('เรียน  {{เรียน}}', { before: PART_SPACE }),
    bold('๑. ข้อเท็จจริง', { firstLine: FIRST_LINE, before: PART_SPACE, keepWithNext: true }),
    body(
      '{{ส่วนราชการ}} ได้ดำเนินการตามมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เรียบร้อยแล้ว รายละเอียดตามเอกสารแนบท้าย',
    ),
    bold('๒. ข้อกฎหมายและระเบียบที่เกี่ยวข้อง', {
      firstLine: FIRST_LINE,
      before: PART_SPACE,
      keepWithNext: true,
    }),
    body('พระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐'),
    body(
      'มาตรา ๙ ภายใต้บังคับมาตรา ๑๔ และมาตรา ๑๕ หน่วยงานของรัฐต้องจัดให้มีข้อมูลข่าวสารของราชการอย่างน้อยดังต่อไปนี้ไว้ให้ประชาชนเข้าตรวจดูได้ ทั้งนี้ ตามหลักเกณฑ์และวิธีการที่คณะกรรมการกำหนด',
    ),
    body('(๘) ข้อมูลข่าวสารอื่นตามที่คณะกรรมการกำหนด'),
    bold('๓. ข้อพิจารณา', { firstLine: FIRST_LINE, before: PART_SPACE, keepWithNext: true }),
    body('{{ส่วนราชการ}} พิจารณาแล้วเห็นว่า'),
    body(
      '๓.๑ ขอรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เพื่อโปรดทราบและพิจารณา',
    ),
    body(
      '๓.๒ รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} เป็นข้อมูลข่าวสารของราชการตามมาตรา ๙ (๘) แห่งพระราชบัญญัติข้อมูลข่าวสารของราชการ พ.ศ. ๒๕๔๐ จึงเห็นควรเผยแพร่รายงานดังกล่าวผ่านเว็บไซต์ของหน่วยงาน{{#เว็บไซต์}} {{เว็บไซต์}}{{/เว็บไซต์}} ให้ประชาชนทราบต่อไป',
    ),
    bold('๔. ข้อเสนอ', { firstLine: FIRST_LINE, before: PART_SPACE, keepWithNext: true }),
    body(
      'จึงเรียนมาเพื่อโปรดทราบและพิจารณา หรือเห็นควรประการใดได้โปรดสั่งการ จักได้ดำเนินการตามระเบียบที่เกี่ยวข้องต่อไป',
    ),
    p('{{#ผู้เสนอ}}'),
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
    { type: 'sectionBreak' },

    // The report: its title is the cover's, and only there.
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

    // The summary.
    part('ผลการประเมินคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}', { before: 0 }),
    body(
      'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}} ของ{{ชื่อหน่วยงาน}} ได้คะแนนในภาพรวม {{คะแนนรวม}} คะแนน อยู่ในระดับ{{ระดับผลการประเมิน}} คือ {{เงื่อนไขระดับผลการประเมิน}} {{ผลเทียบค่าเป้าหมาย}} ผลการประเมินแยกตามรายเครื่องมือมีรายละเอียด ดังนี้',
    ),
    {
      type: 'p',
      spans: [
        { text: '(๑) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT) ' },
        { text: 'คะแนนรวม {{คะแนน IIT}} คะแนน', bold: true },
      ],
      indent: FIRST_LINE,
      firstLine: FIRST_LINE,
    },
    {
      type: 'p',
      spans: [
        { text: '(๒) แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT) ' },
        { text: 'คะแนนรวม {{คะแนน EIT}} คะแนน', bold: true },
      ],
      indent: FIRST_LINE,
      firstLine: FIRST_LINE,
    },
    {
      type: 'p',
      spans: [{ text: '- ส่วนที่ ๑ ' }, { text: 'คะแนนรวม {{คะแนน EIT ส่วนที่ ๑}} คะแนน', bold: true }],
      indent: FIRST_LINE + STEP,
      firstLine: FIRST_LINE + STEP,
    },
    {
      type: 'p',
      spans: [{ text: '- ส่วนที่ ๒ ' }, { text: 'คะแนนรวม {{คะแนน EIT ส่วนที่ ๒}} คะแนน', bold: true }],
      indent: FIRST_LINE + STEP,
      firstLine: FIRST_LINE + STEP,
    },
    {
      type: 'p',
      spans: [
        { text: '(๓) แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT) ' },
        { text: 'คะแนนรวม {{คะแนน OIT}} คะแนน', bold: true },
      ],
      indent: FIRST_LINE,
      firstLine: FIRST_LINE,
      after: 6,
    },
    p('{{แผนภูมิคะแนน}}', { align: 'center', keepWithNext: true }),
    caption('แผนภูมิที่ ๑ คะแนนผลการประเมินรายเครื่องมือเทียบกับเกณฑ์ {{เกณฑ์ผ่าน}} คะแนน', {
      after: 8,
    }),

    // Each tool, numbered as {{ลำดับ}} numbers its indicators.
    part('ผลการประเมินรายเครื่องมือ ประจำปีงบประมาณ พ.ศ. {{ปีงบประมาณ}}'),
    ...unitReport(
      'IIT',
      '๑. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (Internal Integrity and Transparency Assessment: IIT) คะแนนรวม {{คะแนน IIT}} คะแนน',
      1,
    ),
    heading(
      '๒. แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (External Integrity and Transparency Assessment: EIT) คะแนนรวม {{คะแนน EIT}} คะแนน',
      1,
    ),
    ...unitReport(
      'EIT ส่วนที่ ๑',
      '๒.๑ EIT ส่วนที่ ๑ ผู้รับบริการหรือติดต่อราชการตอบด้วยตนเอง (EIT Public) คะแนนรวม {{คะแนน EIT ส่วนที่ ๑}} คะแนน',
      2,
    ),
    ...unitReport(
      'EIT ส่วนที่ ๒',
      '๒.๒ EIT ส่วนที่ ๒ ผู้ประเมินจัดเก็บข้อมูล (EIT Survey) คะแนนรวม {{คะแนน EIT ส่วนที่ ๒}} คะแนน',
      2,
    ),
    ...unitReport(
      'OIT',
      '๓. แบบตรวจการเปิดเผยข้อมูลสาธารณะ (Open Data Integrity and Transparency Assessment: OIT) คะแนนรวม {{คะแนน OIT}} คะแนน',
      1,
    ),
    ...comparisonReport(),
    { type: 'pageBreak' },

    // The measures.
    part('ผลการดำเนินการตามมาตรการส่งเสริมคุณธรรมและความโปร่งใสภายในหน่วยงาน', { before: 0 }),
    {
      type: 'table',
      widths: measureWidths,
      rows: [
        MEASURE_COLUMNS.map((name) => [name]),
        MEASURE_COLUMNS.map((name, i) => {
          const cell = [`{{${name}}}`];
          if (i === 0) cell.unshift('{{#มาตรการ}}');
          if (i === MEASURE_COLUMNS.length - 1) cell.push('{{/มาตรการ}}');
          return cell;
        }),
      ],
    },
  ];
}
