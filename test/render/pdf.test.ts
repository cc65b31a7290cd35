import type { DocModel } from '../../src/local/docmodel';
import { renderPdf } from '../../src/local/render';
import { toThaiDigits } from '../../src/local/render/lists';
import { seedMemoModel } from '../fixtures/seed-memo';
import { para } from '../fixtures/seed-memo';
import {
  ACTION_THAI,
  HEADER_CELLS,
  baseModel,
  bodyTexts,
  listsModel,
  nestedTableModel,
  oddModels,
  pagesModel,
  sectionsModel,
  stylesModel,
  tableModel,
  tallRowModel,
} from './fixtures';
import {
  bodyText,
  lineBoxes,
  pdfFile,
  pdfFonts,
  pdfImageObjects,
  pdfImages,
  pdfInfo,
  pdfText,
  squash,
} from './pdf-reader';

const render = (model: DocModel) => pdfFile(renderPdf(model));
const pages = (file: string) => Number(pdfInfo(file).Pages);

describe('renderPdf', () => {
  it("restarts the numbers at a section break: the new section's first page has none", async () => {
    const file = render(sectionsModel());
    const numbers = lineBoxes(file)
      .filter((b) => /^- [๐-๙]+ -$/.test(b.text))
      .map((b) => [b.page, b.text]);
    expect(numbers).toEqual([
      [2, '- ๒ -'],
      [4, '- ๒ -'],
      [5, '- ๓ -'],
    ]);
  });

  it('returns a finished PDF synchronously', () => {
    const bytes = renderPdf(stylesModel());
    expect(bytes).toBeInstanceOf(Uint8Array);
    const text = Buffer.from(bytes).toString('latin1');
    expect(text.startsWith('%PDF-1.7')).toBe(true);
    expect(text.trimEnd().endsWith('%%EOF')).toBe(true);
  });

  describe('text and fonts', () => {
    const model = stylesModel();
    const file = render(model);
    const text = pdfText(file);

    it('extracts as the source text (ActualText), SARA AM and all', () => {
      for (const t of bodyTexts(model)) expect(squash(text)).toContain(squash(t));
      expect(text).toContain('ดำเนินการ');
      expect(text).not.toContain('ดำาเนินการ');
    });

    it('says in ActualText what its glyphs draw', () => {
      // Sarabun draws SARA AM as NIKHAHIT + SARA AA, which the font's map reads back as ำา.
      const boxes = lineBoxes(file);
      for (const b of boxes) expect(squash(b.glyphs.replace(/ำา/g, 'ำ'))).toBe(squash(b.text));
      expect(boxes.some((b) => b.glyphs.includes('ำา'))).toBe(true);
    });

    it('embeds Sarabun, regular, bold and italic, and no other font', () => {
      const fonts = pdfFonts(file);
      expect(fonts.map((f) => f.name.split('+')[1]).sort()).toEqual([
        'Sarabun-Bold',
        'Sarabun-Italic',
        'Sarabun-Regular',
      ]);
      for (const f of fonts) expect(f.embedded).toBe(true);
    });

    it('is titled from the model and marked as Thai', () => {
      expect(pdfInfo(file).Title).toBe(model.title);
      expect(Buffer.from(renderPdf(model)).toString('latin1')).toContain('/Lang (th)');
    });

    it('keeps every line within the margins, lines never overlapping', () => {
      const boxes = lineBoxes(file);
      expect(boxes.length).toBeGreaterThan(15);
      const right = model.pageWidth - model.marginRight;
      const bottom = model.pageHeight - model.marginBottom;
      for (const b of boxes) {
        expect(b.xMin).toBeGreaterThanOrEqual(model.marginLeft - 0.5);
        expect(b.xMax).toBeLessThanOrEqual(right + 0.5);
        expect(b.yMin).toBeGreaterThanOrEqual(model.marginTop - 0.5);
        expect(b.yMax).toBeLessThanOrEqual(bottom + 0.5);
      }
      const sorted = [...boxes].sort((a, b) => a.page - b.page || a.yMin - b.yMin);
      for (let i = 1; i < sorted.length; i++) {
        if (sorted[i].page !== sorted[i - 1].page) continue;
        expect(sorted[i].yMin).toBeGreaterThanOrEqual(sorted[i - 1].yMax - 0.5);
      }
    });

    it('draws TH Sarabun sizes 1.45 times smaller than Sarabun sizes', () => {
      const box = (needle: string) =>
        lineBoxes(
          render(
            baseModel([
              para(needle, {}, { fontFamily: 'TH SarabunPSK', fontSize: 16 }),
              para(needle, {}, { fontSize: 16 }),
            ]),
          ),
        );
      const [small, large] = box('ดำเนินการ');
      expect(large.xMax - large.xMin).toBeCloseTo((small.xMax - small.xMin) * 1.45, 0);
    });
  });

  describe('lists', () => {
    it('numbers per list across interruptions, in Thai digits when the document asks', () => {
      const text = pdfText(render(listsModel(true)));
      expect(text).toContain('๑. แบบวัดการรับรู้');
      expect(text).toContain('๒. แบบตรวจการเปิดเผย');
      // The second level of a bulleted list shows a hollow circle, as in Docs.
      expect(text).toContain('◦ ส่วนที่ ๑');
      expect(text).toContain('▪ หัวข้อย่อยแบบสี่เหลี่ยม');
      expect(text).toContain('i. first');
      expect(text).toContain('ii. second');
    });

    it('uses Arabic digits otherwise', () => {
      const text = pdfText(render(listsModel(false)));
      expect(text).toContain('1. แบบวัดการรับรู้');
      expect(text).toContain('2. แบบตรวจการเปิดเผย');
    });
  });

  describe('tables', () => {
    it('repeats the header row on the pages the table continues on', () => {
      const file = render(tableModel());
      const n = pages(file);
      expect(n).toBeGreaterThanOrEqual(2);
      for (let p = 1; p <= n; p++) {
        const text = pdfText(file, p);
        expect(text.split(HEADER_CELLS[0]).length - 1).toBe(1);
      }
      const all = squash(pdfText(file));
      for (let i = 1; i <= 14; i++) expect(all).toContain(squash(`มาตรการที่ ${i} การเปิดเผย`));
    });

    it('draws a table nested in a cell inside that cell', () => {
      const boxes = lineBoxes(render(nestedTableModel()));
      const box = (t: string) => boxes.find((b) => b.text === t)!;
      expect(box('ใน ก').xMin).toBeGreaterThan(box('นอก ซ้าย').xMax);
      expect(box('ใน ข').xMin).toBeGreaterThan(box('ใน ก').xMax);
      expect(box('ใน ก').yMin).toBeGreaterThan(box('ก่อนตารางใน').yMax);
      expect(box('หลังตารางใน').yMin).toBeGreaterThan(box('ใน ค').yMax);
    });

    it('splits a row taller than a page between its lines', () => {
      const file = render(tallRowModel());
      expect(pages(file)).toBeGreaterThanOrEqual(2);
      // The repeated header interrupts a paragraph that continues on the next page.
      const text = squash(
        lineBoxes(file)
          .map((b) => b.text)
          .filter((t) => !/^(หัวตาราง [กข]|สั้น)$/.test(t))
          .join(''),
      );
      let at = -1;
      for (let i = 1; i <= 60; i++) {
        const next = text.indexOf(squash(`บรรทัดที่ ${i} ${ACTION_THAI}`));
        expect(next).toBeGreaterThan(at);
        at = next;
      }
      expect(pdfText(file, 2)).toContain('หัวตาราง ก');
      for (const b of lineBoxes(file)) expect(b.yMax).toBeLessThanOrEqual(841.89 - 56.7 + 0.5);
    });
  });

  describe('pages', () => {
    const model = pagesModel();
    const file = render(model);

    it('breaks pages where the model says, numbering them in Thai digits in the footer', () => {
      expect(pages(file)).toBe(3);
      expect(pdfText(file, 1)).toContain('หน้า ๑');
      expect(pdfText(file, 2)).toContain('ก่อนตัวแบ่ง');
      expect(pdfText(file, 2)).toContain('หน้า ๒');
      expect(pdfText(file, 3)).toContain('หน้า ๓');
    });

    it('never draws a zero-width space (Sarabun has no glyph for it)', () => {
      const page3 = pdfText(file, 3);
      expect(page3).toContain('หลังตัวแบ่งหน้าสาม');
      expect(page3).not.toContain('\u200b');
    });

    it('stores an image once however often it is drawn, scaled down to the column', () => {
      const images = pdfImages(file);
      const emblem = images.filter((i) => i.width === 40);
      expect(emblem.map((i) => i.page)).toEqual([1, 2, 3]);
      expect(pdfImageObjects(file).filter((i) => i.width === 40)).toHaveLength(1);
      expect(images.some((i) => i.width === 2000)).toBe(true);
    });
  });

  it('keeps a paragraph with the next one', () => {
    // 45 one-line paragraphs fill all but one line of the page.
    const filler = Array.from({ length: 45 }, (_, i) => para(`บรรทัด ${i + 1}`));
    const build = (keep: boolean) =>
      baseModel([...filler, para('หัวข้อที่ต้องอยู่กับเนื้อหา', { keepWithNext: keep }), para(ACTION_THAI)]);
    expect(pdfText(render(build(false)), 1)).toContain('หัวข้อที่ต้องอยู่กับเนื้อหา');
    const kept = render(build(true));
    expect(pdfText(kept, 1)).not.toContain('หัวข้อที่ต้องอยู่กับเนื้อหา');
    expect(pdfText(kept, 2)).toContain('หัวข้อที่ต้องอยู่กับเนื้อหา');
  });

  it.each(oddModels())('renders %s without failing', (_, model) => {
    const file = render(model);
    expect(pages(file)).toBeGreaterThanOrEqual(1);
    for (const b of lineBoxes(file)) expect(b.xMax).toBeLessThanOrEqual(model.pageWidth || 595.28);
  });

  it('renders the seed-sized memo with its table header repeated', () => {
    const model = seedMemoModel();
    const file = render(model);
    const n = pages(file);
    expect(n).toBeGreaterThanOrEqual(6);
    const text = squash(bodyText(file, model.marginTop));
    for (const t of bodyTexts(model)) expect(text).toContain(squash(t));
    expect(pdfText(file, n)).toContain('มาตรการ/');
    const header = lineBoxes(file).filter((b) => b.yMax < model.marginTop);
    expect(header.map((b) => b.text)).toEqual(
      Array.from({ length: n }, (_, i) => `- ${toThaiDigits(String(i + 1))} -`),
    );
  });
});
