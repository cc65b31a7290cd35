// "สร้างบันทึกข้อความ" on the built bundle: the memo as a document model in the emulated Drive,
// its PDF next to it, and the run in ประวัติ.
import { inlineText, type BlockNode, type DocModel } from '../../src/local/docmodel';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;

const idOf = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];

/** Every paragraph's text, in order, tables flattened cell by cell. */
function paragraphs(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'table'
      ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphs(c.children)))
      : b.type === 'sectionBreak'
        ? []
        : [inlineText(b.children)],
  );
}

/** The measures table (the first table with a header row; the form line has none). */
function table(model: DocModel) {
  const t = model.body.find((b) => b.type === 'table' && (b.headerRows ?? 0) > 0);
  if (!t || t.type !== 'table') throw new Error('no table');
  return t;
}

describe('generating the memo from the corrected example', () => {
  let rt: Awaited<ReturnType<typeof runtimeOn>>;
  let result: Done;
  let model: DocModel;
  let text: string[];

  beforeAll(async () => {
    rt = await runtimeOn('ita-2568-corrected');
    result = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(result.status).toBe('done');
    model = rt.drive.readModel(idOf(result.links.docUrl));
    text = paragraphs(model.body);
  });

  it('fills every placeholder', () => {
    expect(text.join('\n')).not.toContain('{{');
    expect(text.join('\n')).not.toContain('}}');
  });

  it('writes the header lines with Thai digits and the Buddhist-Era date', () => {
    expect(text).toContain(
      'ส่วนราชการ\tงานนิติการ สำนักปลัดองค์การบริหารส่วนตำบล องค์การบริหารส่วนตำบลเมืองเก่า',
    );
    // ที่ … วันที่ …: a form line, its labels and values in cells, so วันที่ starts at one place.
    const form = model.body.find((b) => b.type === 'table');
    expect(form?.type === 'table' && paragraphs([form])).toEqual(['ที่', '', 'วันที่', '๓ ตุลาคม ๒๕๖๘']);
    expect(text).toContain(
      'เรื่อง\tรายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
    );
    expect(text).toContain('เรียน  นายกองค์การบริหารส่วนตำบลเมืองเก่า');
  });

  it('draws the form: dotted lines after the labels, the hanging เรื่อง, 6 pt before เรียน', () => {
    const para = (start: string) =>
      model.body.find((b) => b.type === 'paragraph' && inlineText(b.children).startsWith(start));
    for (const label of ['ส่วนราชการ', 'เรื่อง']) {
      const p = para(label);
      expect(p?.type === 'paragraph' && p.style.borderBottom).toMatchObject({
        dash: 'DOT',
        width: 0.75,
      });
      // The value and its wrapped lines start at the hanging indent, the label before it.
      expect(p?.type === 'paragraph' && p.style.indentFirstLine).toBe(0);
      expect(p?.type === 'paragraph' && p.style.indentStart).toBeGreaterThan(20);
    }
    const form = model.body.find((b) => b.type === 'table');
    if (form?.type !== 'table') throw new Error('no form line');
    expect(form.rows[0].cells.map((c) => c.borders?.bottom?.dash ?? 'none')).toEqual([
      'none',
      'DOT',
      'none',
      'DOT',
    ]);
    expect(form.borderWidth).toBe(0);
    const salutation = para('เรียน');
    expect(salutation?.type === 'paragraph' && salutation.style.spacingBefore).toBe(6);
    // At body size, not a label's.
    expect(
      salutation?.type === 'paragraph' &&
        salutation.children.every(
          (c) => c.type !== 'text' || c.runs.every((r) => r.style.fontSize === 11),
        ),
    ).toBe(true);
    const fact = para('๑. ข้อเท็จจริง');
    expect(fact?.type === 'paragraph' && fact.style.spacingBefore).toBe(6);
  });

  it('numbers the pages from page 2 at the top centre, "- ๒ -", and leaves page 1 without', () => {
    expect(model.differentFirstPage).toBe(true);
    expect(model.firstPageHeader).toBeUndefined();
    expect(model.pageNumberDigits).toBe('thai');
    const header = model.header?.[0];
    expect(header?.type === 'paragraph' && header.style.alignment).toBe('CENTER');
    expect(header?.type === 'paragraph' && header.children.map((c) => c.type)).toEqual([
      'text',
      'pageNumber',
      'text',
    ]);
    expect(header?.type === 'paragraph' && inlineText(header.children)).toBe('-  -');
  });

  it('states the level and the indicators to improve as the scores say', () => {
    const summary = text.find((t) =>
      t.startsWith('ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงาน'),
    ) as string;
    expect(summary).toContain('อยู่ในระดับผ่าน คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๘๕ คะแนนขึ้นไป');
    expect(summary).toContain('ได้แก่ EIT ส่วนที่ ๑ (๘๑.๖๖ คะแนน) ทั้งนี้ คะแนน ITA ในภาพรวมผ่านค่าเป้าหมาย');
    expect(summary).toContain('ได้คะแนนในภาพรวม ๙๓.๕๓ คะแนน');
    expect(text).toContain('๑.๕ การแก้ไขปัญหาการทุจริต ๘๑.๖๗ คะแนน');
    expect(text).toContain('๒.๒.๓ การปรับปรุงการทำงาน ๙๖.๖๘ คะแนน');
    expect(
      text.some((t) => t.includes('ส่วนตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต ได้คะแนนต่ำกว่า ๘๕ คะแนน ควรพัฒนา')),
    ).toBe(true);
  });

  it('puts each recommendation under its indicator with its code', () => {
    const i = text.indexOf('ตัวชี้วัดที่ ๒ การใช้งบประมาณ');
    expect(i).toBeGreaterThan(0);
    expect(text[i + 1]).toMatch(/^i4 ประเด็น หน่วยงานมีการใช้งบประมาณ/);
    const j = text.indexOf('ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต');
    expect(text.slice(j + 1, j + 4).map((t) => t.slice(0, 3))).toEqual(['i13', 'i14', 'i15']);
  });

  it('lists the reviewers in order, the acting line under the acting head, then the approver', () => {
    const blocks = text.filter(
      (t) => t.startsWith('ความเห็นของ') || t.startsWith('ความเห็น/คำสั่งของ'),
    );
    expect(blocks).toEqual([
      'ความเห็นของหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล',
      'ความเห็นของปลัดองค์การบริหารส่วนตำบลเมืองเก่า',
      'ความเห็น/คำสั่งของนายกองค์การบริหารส่วนตำบลเมืองเก่า',
    ]);
    const acting = text.indexOf('นักวิเคราะห์นโยบายและแผนชำนาญการ รักษาราชการแทน');
    expect(acting).toBeGreaterThan(0);
    expect(text[acting + 1]).toBe('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
  });

  it('makes one table row per measure under a pinned header row, bullets kept as lines', () => {
    const t = table(model);
    expect(t.rows).toHaveLength(1 + values(rt, 'มาตรการ').length - 1);
    expect(t.headerRows).toBe(1);
    const method = paragraphs(t.rows[3].cells[1].children);
    expect(method).toEqual([
      '- จัดทำประมวลจริยธรรมของข้าราชการการเมืองฝ่ายบริหาร',
      '- จัดทำประมวลจริยธรรมของข้าราชการการเมืองฝ่ายสภาท้องถิ่น',
      '- จัดทำประมวลจริยธรรมของพนักงานส่วนตำบลและพนักงานจ้าง',
    ]);
  });

  it('inserts the scores chart as an image', () => {
    const images = model.body.flatMap((b) =>
      'children' in b ? b.children.filter((c) => c.type === 'image') : [],
    );
    expect(images).toHaveLength(1);
    expect(images[0]).toMatchObject({
      mimeType: 'image/png',
      altTitle: expect.stringContaining('แผนภูมิ'),
    });
  });

  it('puts the PDF in the same Drive folder and logs the run', () => {
    const doc = rt.drive.fileInfo(idOf(result.links.docUrl));
    const pdf = rt.drive.fileInfo(idOf(result.links.pdfUrl));
    expect(pdf.mimeType).toBe('application/pdf');
    expect(pdf.parents).toEqual(doc.parents);
    expect(pdf.name).toBe(result.links.pdfName);
    expect(pdf.name).toMatch(
      /^บันทึกข้อความ ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า 3 ต\.ค\. 2568 เวลา 10\.00\.00\.pdf$/,
    );
    expect(Buffer.from(rt.drive.readContent(pdf.id).slice(0, 5)).toString()).toBe('%PDF-');
    const log = values(rt, 'ประวัติ');
    expect(log).toHaveLength(2);
    expect(log[1].slice(2, 6)).toEqual([
      'สร้างบันทึกข้อความ',
      result.links.docUrl,
      result.links.pdfUrl,
      'สำเร็จ',
    ]);
  });

  it('shares nothing publicly (the sheet says ไม่)', () => {
    const pdf = rt.drive.fileInfo(idOf(result.links.pdfUrl));
    expect(pdf.permissions.filter((p) => p.type === 'anyone')).toEqual([]);
  });
});

describe('generating again and failing', () => {
  it('makes two dated files and two log rows when run twice', async () => {
    let t = Date.parse('2025-10-03T03:00:00Z');
    const rt = await runtimeOn('ita-2568-corrected', { now: () => new Date((t += 60_000)) });
    const first = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const second = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(first.links.pdfUrl).not.toBe(second.links.pdfUrl);
    expect(first.links.pdfName).not.toBe(second.links.pdfName);
    const live = rt.drive.listAll().filter((f) => !f.trashed && f.mimeType === 'application/pdf');
    expect(live).toHaveLength(2);
    expect(
      values(rt, 'ประวัติ')
        .slice(1)
        .map((r) => r[5]),
    ).toEqual(['สำเร็จ', 'สำเร็จ']);
  });

  it('leaves no document behind when the PDF step fails, and logs the failure', async () => {
    const rt = await runtimeOn('ita-2568-corrected', {
      renderPdf: () => {
        throw new Error('ทดสอบ: แปลงเป็น PDF ไม่ได้');
      },
    });
    const before = values(rt, 'ข้อมูลทั่วไป');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result).toMatchObject({
      status: 'failed',
      message: expect.stringContaining('แปลงเป็น PDF ไม่ได้'),
    });
    const docs = rt.drive
      .listAll()
      .filter((f) => f.mimeType === 'application/vnd.google-apps.document');
    expect(docs.length).toBeGreaterThan(0);
    expect(docs.every((f) => f.trashed)).toBe(true);
    const log = values(rt, 'ประวัติ');
    expect(log[1][5]).toBe('ไม่สำเร็จ');
    expect(String(log[1][8])).toContain('แปลงเป็น PDF ไม่ได้');
    expect(values(rt, 'ข้อมูลทั่วไป')).toEqual(before);
  });

  it('refuses with the findings when the sheet has errors, making nothing', async () => {
    const rt = await runtimeOn('ita-2568-published');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('blocked');
    expect(
      rt.drive.listAll().filter((f) => f.mimeType !== 'application/vnd.google-apps.folder'),
    ).toEqual([]);
    expect(values(rt, 'ประวัติ')).toHaveLength(1);
  });

  it('asks once when there are only warnings', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { answers: ['NO'] });
    rt.spreadsheet
      .getSheetByName('มาตรการ')!
      .getRange('F2')
      .setValue('ผลการประเมินอยู่ในระดับ ผ่าน (พ.ศ.๒๕๖๘)');
    rt.run('generate');
    expect(rt.ui.dialogs).toHaveLength(1);
    // This warning, the seed's author signing twice and no Garuda uploaded.
    expect(rt.ui.dialogs[0].message).toContain('คำเตือน 3 รายการ');
    expect(rt.drive.listAll().filter((f) => f.mimeType === 'application/pdf')).toEqual([]);
  });
});

describe('cells the add-on writes', () => {
  it('stay text even when a value looks like a formula', async () => {
    const rt = await runtimeOn('ita-2568-corrected', {
      user: '=IMPORTXML("http://x.invalid","//a")',
    });
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('done');
    expect(rt.workbook.formulaWrites).toEqual([]);
    expect(values(rt, 'ประวัติ')[1][1]).toBe('=IMPORTXML("http://x.invalid","//a")');
  });
});
