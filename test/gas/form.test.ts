// The official form on the built bundle: the office's Garuda (uploaded once, kept for every
// editor, 1.5 cm high at the top left on the title's line), the page number "- n -" from page 2,
// the dotted header lines, in the Doc and in the PDF the add-on exports.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocModel, ParagraphNode } from '../../src/local/docmodel';
import type {
  CheckResult,
  GarudaUploadResult,
  GenerateResult,
  SidebarState,
} from '../../src/shared/sidebar-api';
import { toThaiDigits } from '../../src/core/thai/digits';
import { cleanupTempDirs } from '../local/helpers';
import { lineBoxes, pdfDashes, pdfFile, pdfImages, pdfStrokes } from '../render/pdf-reader';
import { EXAMPLES, runtimeOn } from './harness';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
const idOf = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];
const CM = 72 / 2.54;
const SAMPLE = readFileSync(join(EXAMPLES, 'garuda-sample.png'));

describe('the Garuda', () => {
  it('refuses what is not a sensible PNG or JPEG, in Thai, and keeps nothing', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const gif = Buffer.from('GIF89a\x01\x00\x01\x00', 'latin1').toString('base64');
    const refused = [
      rt.run<GarudaUploadResult>('sidebarSaveGaruda', gif, 'ครุฑ.gif'),
      rt.run<GarudaUploadResult>('sidebarSaveGaruda', 'ไม่ใช่ base64!', 'x.png'),
      rt.run<GarudaUploadResult>(
        'sidebarSaveGaruda',
        Buffer.alloc(200 * 1024, 1).toString('base64'),
        'ใหญ่.png',
      ),
    ];
    expect(refused.map((r) => r.ok)).toEqual([false, false, false]);
    expect((refused[0] as { message: string }).message).toContain('ไม่ใช่รูปแบบ PNG หรือ JPEG');
    expect((refused[2] as { message: string }).message).toContain('ใหญ่เกิน 150 KB');
    expect(rt.run<SidebarState>('sidebarState').garuda).toEqual({ present: false });
    const check = rt.run<CheckResult>('sidebarCheck');
    expect(check.findings.filter((f) => f.rule === 'garuda-missing')).toMatchObject([
      { severity: 'warning', sheet: 'ข้อมูลทั่วไป', message: expect.stringContaining('อัปโหลด') },
    ]);
  });

  it('is kept with the spreadsheet: another editor sees it and the warning goes', async () => {
    const rt = await runtimeOn('ita-2568-corrected', {
      editors: ['staff@example.go.th', 'b@example.go.th'],
    });
    const saved = rt.run<GarudaUploadResult>(
      'sidebarSaveGaruda',
      SAMPLE.toString('base64'),
      'garuda-sample.png',
    );
    expect(saved).toMatchObject({ ok: true, status: { present: true, width: 160, height: 180 } });
    const other = rt.as('b@example.go.th');
    expect(other.run<SidebarState>('sidebarState').garuda).toMatchObject({
      present: true,
      by: 'staff@example.go.th',
    });
    const check = other.run<CheckResult>('sidebarCheck');
    expect(check.findings.some((f) => f.rule === 'garuda-missing')).toBe(false);
    // Each piece of the image fits a property value (9 KB).
    const dir = join(rt.dir, 'drive', '.runtime', 'spreadsheets');
    const [sheetId] = readdirSync(dir);
    const stored = JSON.parse(
      readFileSync(join(dir, sheetId, 'document-properties.json'), 'utf8'),
    ) as Record<string, string>;
    const pieces = Object.keys(stored).filter((k) => k.startsWith('itamemo.garuda.'));
    expect(pieces.length).toBeGreaterThan(0);
    for (const value of Object.values(stored)) expect(value.length).toBeLessThanOrEqual(9 * 1024);
  });
});

describe('the memo on paper', () => {
  let model: DocModel;
  let pdf: string;

  beforeAll(async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.run('sidebarSaveGaruda', SAMPLE.toString('base64'), 'garuda-sample.png');
    const result = rt.run<GenerateResult>('sidebarGenerate', true) as Done;
    expect(result.status).toBe('done');
    model = rt.drive.readModel(idOf(result.links.docUrl));
    pdf = pdfFile(rt.drive.readContent(idOf(result.links.pdfUrl)));
  });

  it('anchors the Garuda to the title in the Doc: 1.5 cm high, in front of the text', () => {
    const title = model.body[0] as ParagraphNode;
    expect(title.style.alignment).toBe('CENTER');
    expect(title.positioned).toHaveLength(1);
    const [g] = title.positioned ?? [];
    expect(g.height * 0.75).toBeCloseTo(1.5 * CM, 0);
    expect(g.width / g.height).toBeCloseTo(160 / 180, 1);
    expect(g).toMatchObject({ layout: 'ABOVE_TEXT', leftOffset: 0 });
    expect(g.topOffset).toBeCloseTo((1.5 - 2) * CM, 1);
  });

  it('prints the Garuda at the top left, 1.5 cm high and 1.5 cm from the edge, beside the title', () => {
    const [g] = pdfImages(pdf).filter((i) => i.page === 1 && i.width === 160);
    expect(g.box.h).toBeCloseTo(1.5 * CM, 0);
    expect(g.box.x).toBeCloseTo(3 * CM, 0);
    expect(g.box.top).toBeCloseTo(1.5 * CM, 0);
    const title = lineBoxes(pdf).find((b) => b.page === 1 && b.text === 'บันทึกข้อความ');
    if (!title) throw new Error('no title line');
    // On the Garuda's line: the title's box lies within the emblem's height, centred on the page.
    expect(title.yMin).toBeGreaterThan(g.box.top);
    expect(title.yMax).toBeLessThanOrEqual(g.box.top + g.box.h + 1);
    expect((title.xMin + title.xMax) / 2).toBeCloseTo(3 * CM + (16 * CM) / 2, -1);
  });

  it('numbers every page from the second at the top centre, "- ๒ -", and not page 1', () => {
    const tops = lineBoxes(pdf).filter((b) => b.yMax < 2 * CM);
    const numbers = tops.filter((b) => /^- [๐-๙]+ -$/.test(b.text));
    const pages = Math.max(...lineBoxes(pdf).map((b) => b.page));
    // The attached report is numbered as a memo is: none on its cover, "- ๒ -" on the page after.
    const cover = (lineBoxes(pdf).find((b) => b.text === 'รายงานผลการดำเนินการ') as { page: number })
      .page;
    const expected = Array.from({ length: pages - 1 }, (_, i) => i + 2)
      .filter((page) => page !== cover)
      .map((page) => [page, `- ${toThaiDigits(page < cover ? page : page - cover + 1)} -`]);
    expect(numbers.map((b) => [b.page, b.text])).toEqual(expected);
    expect(cover).toBeGreaterThan(2);
    expect(numbers[0].text).toBe('- ๒ -');
    for (const n of numbers) expect((n.xMin + n.xMax) / 2).toBeCloseTo(3 * CM + 8 * CM, -1);
    expect(tops.filter((b) => b.page === 1 && /^- /.test(b.text))).toEqual([]);
  });

  it("sets the ที่/วันที่ values on the labels' baseline", () => {
    const boxes = lineBoxes(pdf).filter((b) => b.page === 1);
    const label = boxes.find((b) => b.text === 'วันที่') as { baseline: number };
    const value = boxes.find((b) => b.text.includes('ตุลาคม')) as { baseline: number };
    expect(Math.abs(value.baseline - label.baseline)).toBeLessThan(0.3);
  });

  it('draws the header lines dotted: after ส่วนราชการ, ที่, วันที่ and เรื่อง', () => {
    const dotted = pdfDashes(pdf).filter((d) => d.page === 1 && d.dash.length && d.dash[0] < 0.1);
    expect(dotted.length).toBeGreaterThanOrEqual(4);
    // Each dotted rule starts where its value does (after the label) and ends at the right
    // margin (3 cm + 16 cm); a wrapped เรื่อง has one under each of its lines, as the form has.
    const boxes = lineBoxes(pdf).filter((b) => b.page === 1);
    const salutation = boxes.find((b) => b.text.startsWith('เรียน')) as { yMin: number };
    const rules = pdfStrokes(pdf)
      .filter((r) => r.page === 1 && r.dash.length && r.dash[0] < 0.1 && r.y0 < salutation.yMin)
      .map((r) => ({ from: r.x0 / CM, to: r.x1 / CM, y: r.y0 }));
    const near = (a: number, b: number) => Math.abs(a - b) < 0.05;
    const spans = rules.map((r) => [r.from, r.to]);
    expect(spans.length).toBe(5);
    const expected = [
      [3 + 2.75, 19], // ส่วนราชการ
      [3 + 0.75, 11], // ที่
      [11 + 1.3, 19], // วันที่
      [3 + 1.25, 19], // เรื่อง, its first line
      [3 + 1.25, 19], // and its second
    ];
    for (const [k, [from, to]] of expected.entries()) {
      expect([k, near(spans[k][0], from), near(spans[k][1], to)]).toEqual([k, true, true]);
    }
    // Under each line of the subject: below the line's text, above the next line.
    const subject = boxes.filter((b) => b.yMin > rules[2].y && b.yMax < salutation.yMin);
    expect(subject.length).toBe(2);
    subject.forEach((line, k) => {
      const rule = rules[3 + k];
      expect(rule.y).toBeGreaterThan(line.yMax - 1);
      expect(rule.y).toBeLessThan(subject[k + 1]?.yMin ?? salutation.yMin);
    });
  });
});
