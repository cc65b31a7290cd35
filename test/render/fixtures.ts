/** Document models the renderer tests draw, built in code. */
import type {
  BlockNode,
  DocModel,
  ImageNode,
  TableNode,
  TextStyle,
} from '../../src/local/docmodel';
import { A4, emptyDocModel } from '../../src/local/docmodel';
import { CM, item, makePng, para } from '../fixtures/seed-memo';

/** From the seed's report: long, justified, with numbers, codes and Latin. */
export const LONG_THAI =
  'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ในระดับผ่านและบรรลุค่าเป้าหมาย คือ มีผลการประเมิน ITA ในภาพรวม ๘๕ คะแนนขึ้นไป แต่มีคะแนนรายเครื่องมือประกอบด้วย IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒ และ OIT เครื่องมือใดเครื่องมือหนึ่งมีผลคะแนนน้อยกว่า ๘๕ คะแนน ซึ่งผ่านค่าเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ ที่มีเป้าหมายหลักเพื่อให้หน่วยงานภาครัฐมีความโปร่งใส ปลอดการทุจริตและประพฤติมิชอบ โดยมีคะแนนในภาพรวมอยู่ที่ ๙๓.๕๓ คะแนน แยกผลการประเมินตามรายเครื่องมือมีรายละเอียด ดังนี้';

export const ACTION_THAI =
  'งานนิติการ สำนักปลัดองค์การบริหารส่วนตำบล ได้ดำเนินการมาตรการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ เรียบร้อยแล้ว รายละเอียดตามเอกสารแนบท้าย';

/** Marks that stack and sit on ascenders and descenders. */
export const MARKS_THAI = 'ผู้ปฏิบัติ ญี่ปุ่น ฝั่งน้ำ ปั้น ฟ้อน ฐานะ กุ้ง ก่ำ ทั้งนี้ ต่าง ๆ';

const MARGINS = {
  marginTop: 2.5 * CM,
  marginBottom: 2 * CM,
  marginLeft: 3 * CM,
  marginRight: 2 * CM,
};

export function baseModel(body: BlockNode[], extra: Partial<DocModel> = {}): DocModel {
  return {
    id: 'test',
    title: 'ทดสอบการแสดงผล',
    pageWidth: A4.width,
    pageHeight: A4.height,
    ...MARGINS,
    defaultTextStyle: { fontFamily: 'Sarabun', fontSize: 11 },
    body,
    ...extra,
  };
}

/** Headings, alignments, indents and runs of mixed style within one line. */
export function stylesModel(): DocModel {
  const justified = { alignment: 'JUSTIFY' as const, indentFirstLine: 2.5 * CM };
  return baseModel([
    para('บันทึกข้อความ', { alignment: 'CENTER' }, { fontSize: 20, bold: true }),
    para('หัวข้อระดับหนึ่ง', { heading: 'HEADING1' }),
    para([
      ['ตัวหนา ', { bold: true }],
      ['ตัวเอียง ', { italic: true }],
      ['ขีดเส้นใต้ ', { underline: true }],
      ['สีแดง ', { foregroundColor: '#cc0000' }],
      ['ใหญ่ ', { fontSize: 16 }],
      ['TH Sarabun New 16', { fontFamily: 'TH Sarabun New', fontSize: 16 }],
    ]),
    para(LONG_THAI, justified),
    para(ACTION_THAI, { alignment: 'RIGHT' }),
    para(MARKS_THAI, { alignment: 'CENTER', spacingBefore: 12, spacingAfter: 12 }),
    // A hanging indent: the first line starts left of the others.
    para(LONG_THAI, { indentStart: 2 * CM, indentFirstLine: 0, lineSpacing: 1.5 }),
  ]);
}

/** Bullets and numbers, nested, with a list continuing after another paragraph. */
export function listsModel(thai = true): DocModel {
  return baseModel(
    [
      item('n', 0, 'NUMBER', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)'),
      item('n', 1, 'BULLET', 'ส่วนที่ ๑ คะแนนรวม ๘๑.๖๖ คะแนน'),
      item('n', 1, 'BULLET', 'ส่วนที่ ๒ คะแนนรวม ๙๗.๕๖ คะแนน'),
      para('ย่อหน้าคั่นกลาง'),
      item('n', 0, 'NUMBER', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)'),
      item('b', 0, 'HOLLOW_BULLET', 'หัวข้อย่อยแบบวงกลม'),
      item('b', 0, 'SQUARE_BULLET', 'หัวข้อย่อยแบบสี่เหลี่ยม'),
      item('r', 0, 'ROMAN_LOWER', 'first'),
      item('r', 0, 'ROMAN_LOWER', 'second'),
    ],
    { pageNumberDigits: thai ? 'thai' : 'arabic' },
  );
}

export const HEADER_CELLS = ['มาตรการ/กิจกรรม', 'ผู้รับผิดชอบ', 'ผลลัพธ์/ความสำเร็จของการดำเนินการ'];

/** A table long enough to cross pages, its first row repeated. */
export function tableModel(rows = 14): DocModel {
  const cell = (text: string, style: TextStyle = {}) => ({ children: [para(text, {}, style)] });
  const table: TableNode = {
    type: 'table',
    headerRows: 1,
    columnWidths: [120, 80, null],
    borderColor: '#333333',
    rows: [
      {
        cells: HEADER_CELLS.map((h) => ({
          ...cell(h, { bold: true }),
          backgroundColor: '#d9e2f3',
          verticalAlignment: 'CENTER' as const,
        })),
      },
      ...Array.from({ length: rows }, (_, i) => ({
        minimumHeight: 40,
        cells: [
          cell(`มาตรการที่ ${i + 1} การเปิดเผยข้อมูลประกาศต่าง ๆ`),
          { ...cell('สำนักปลัด'), verticalAlignment: 'CENTER' as const },
          {
            children: [
              para(ACTION_THAI, { alignment: 'JUSTIFY' }),
              item(`t${i}`, 0, 'BULLET', 'เผยแพร่ผ่านเว็บไซต์ www.muangkhai.go.th', {
                indentFirstLine: 0,
                indentStart: 10,
              }),
            ],
          },
        ],
      })),
    ],
  };
  return baseModel([para('ตารางมาตรการ', { alignment: 'CENTER' }, { bold: true }), table]);
}

/** A row taller than a page: it must be split between its lines. */
export function tallRowModel(): DocModel {
  const long = Array.from({ length: 60 }, (_, i) => para(`บรรทัดที่ ${i + 1} ${ACTION_THAI}`));
  return baseModel([
    {
      type: 'table',
      headerRows: 1,
      columnWidths: [null, null],
      rows: [
        { cells: [{ children: [para('หัวตาราง ก')] }, { children: [para('หัวตาราง ข')] }] },
        { cells: [{ children: long }, { children: [para('สั้น')] }] },
      ],
    },
  ]);
}

/** An 8-bit RGBA PNG: transparent corners, which pdfkit would decode asynchronously. */
export function testImage(width = 120, height = 60): ImageNode {
  const png = makePng(width, height, (x, y) =>
    (x - width / 2) ** 2 / (width / 2) ** 2 + (y - height / 2) ** 2 / (height / 2) ** 2 <= 1
      ? [200, 40, 40, 255]
      : [0, 0, 0, 0],
  );
  return {
    type: 'image',
    data: png.toString('base64'),
    mimeType: 'image/png',
    width,
    height,
    altTitle: 'รูปทดสอบ',
  };
}

/** Header and footer with page numbers, an emblem in the header, page breaks and images. */
export function pagesModel(): DocModel {
  return baseModel(
    [
      para('หน้าแรก ดำเนินการ'),
      {
        type: 'paragraph',
        style: { alignment: 'CENTER' },
        textStyle: {},
        children: [testImage(400, 200)],
      },
      // Wider than the column: scaled down to fit.
      { type: 'paragraph', style: {}, textStyle: {}, children: [testImage(2000, 100)] },
      { type: 'paragraph', style: {}, textStyle: {}, children: [{ type: 'pageBreak' }] },
      para('หน้าที่สอง ข้อเสนอ'),
      {
        type: 'paragraph',
        style: {},
        textStyle: {},
        children: [
          { type: 'text', runs: [{ text: 'ก่อนตัวแบ่ง', style: {} }] },
          { type: 'pageBreak' },
          { type: 'text', runs: [{ text: 'หลังตัวแบ่ง\u200bหน้าสาม', style: {} }] },
        ],
      },
      { type: 'paragraph', style: {}, textStyle: {}, children: [{ type: 'horizontalRule' }] },
      para('ลิงก์', {}, { linkUrl: 'https://www.muangkhai.go.th' }),
    ],
    {
      pageNumberDigits: 'thai',
      header: [
        {
          type: 'paragraph',
          style: { alignment: 'LEFT' },
          textStyle: {},
          children: [testImage(40, 40)],
        },
      ],
      footer: [
        {
          type: 'paragraph',
          style: { alignment: 'CENTER' },
          textStyle: { fontSize: 10 },
          children: [
            { type: 'text', runs: [{ text: 'หน้า ', style: {} }] },
            { type: 'pageNumber', style: { bold: true } },
          ],
        },
      ],
    },
  );
}

/** Every source text of a model's body, in order (what a reader should be able to find). */
export function bodyTexts(model: DocModel): string[] {
  const out: string[] = [];
  const walk = (blocks: BlockNode[]) => {
    for (const b of blocks) {
      if (b.type === 'table') {
        for (const r of b.rows) for (const c of r.cells) walk(c.children);
      } else if (b.type !== 'sectionBreak') {
        let s = '';
        for (const c of b.children) if (c.type === 'text') for (const r of c.runs) s += r.text;
        if (s.trim()) out.push(s);
      }
    }
  };
  walk(model.body);
  return out;
}

/** A table inside a table cell, followed by text in the same cell. */
export function nestedTableModel(): DocModel {
  const inner: TableNode = {
    type: 'table',
    columnWidths: [null, null],
    borderColor: '#999999',
    rows: [
      { cells: [{ children: [para('ใน ก')] }, { children: [para('ใน ข')] }] },
      { cells: [{ children: [para('ใน ค')] }, { children: [para('ใน ง')] }] },
    ],
  };
  return baseModel([
    {
      type: 'table',
      columnWidths: [150, null],
      rows: [
        {
          cells: [
            { children: [para('นอก ซ้าย')] },
            { children: [para('ก่อนตารางใน'), inner, para('หลังตารางใน')] },
          ],
        },
      ],
    },
  ]);
}

/** Models a template or a bug could produce: each must still render. */
export function oddModels(): [string, DocModel][] {
  const base = emptyDocModel('odd', '');
  const text = (t: string, fontSize?: number): BlockNode => ({
    type: 'paragraph',
    style: { alignment: 'JUSTIFY' },
    textStyle: {},
    children: [{ type: 'text', runs: [{ text: t, style: { fontSize } }] }],
  });
  return [
    ['no body', { ...base, body: [] }],
    ['only spaces', { ...base, body: [text('     ')] }],
    ['characters Sarabun lacks', { ...base, body: [text('สวัสดี 👍🏽 مرحبا ☐ ✓ ● 漢字', 0)] }],
    ['a word longer than many lines', { ...base, body: [text('ก'.repeat(3000))] }],
    [
      'an image without pixels',
      {
        ...base,
        body: [{ type: 'paragraph', style: {}, textStyle: {}, children: [testImage(0, 0)] }],
      },
    ],
    ['a table without rows', { ...base, body: [{ type: 'table', rows: [], columnWidths: [] }] }],
    [
      'a table with nonsense widths',
      {
        ...base,
        body: [
          {
            type: 'table',
            columnWidths: [-5, 0, null],
            borderWidth: -1,
            rows: [{ cells: [{ children: [] }, { children: [], width: 5000 }] }],
          },
        ],
      },
    ],
    [
      'a list nested 20 deep',
      {
        ...base,
        body: [
          {
            type: 'listItem',
            listId: 'x',
            nestingLevel: 20,
            glyphType: 'NUMBER',
            style: {},
            textStyle: {},
            children: [],
          },
        ],
      },
    ],
    [
      'margins wider than the page',
      { ...base, marginLeft: 500, marginRight: 500, marginTop: -4, pageHeight: 0 },
    ],
  ];
}

/**
 * A memo page, then a "next page" section break restarting the numbers at 1 with a different
 * first page (the attached report), then three pages: "- n -" in the header, none on page 1.
 */
export function sectionsModel(): DocModel {
  const pageBreak = (): BlockNode => ({
    type: 'paragraph',
    style: {},
    textStyle: {},
    children: [{ type: 'pageBreak' }],
  });
  return baseModel(
    [
      para('หน้าบันทึก'),
      pageBreak(),
      para('หน้าบันทึกสอง'),
      { type: 'sectionBreak', style: { pageNumberStart: 1, useFirstPageHeaderFooter: true } },
      para('หน้าปกรายงาน'),
      pageBreak(),
      para('รายงานหน้าสอง'),
      pageBreak(),
      para('รายงานหน้าสาม'),
    ],
    {
      pageNumberDigits: 'thai',
      differentFirstPage: true,
      firstPageHeader: [],
      header: [
        {
          type: 'paragraph',
          style: { alignment: 'CENTER' },
          textStyle: {},
          children: [
            { type: 'text', runs: [{ text: '- ', style: {} }] },
            { type: 'pageNumber', style: {} },
            { type: 'text', runs: [{ text: ' -', style: {} }] },
          ],
        },
      ],
    },
  );
}
