// Thai line breaking in the example memos, judged on their PDFs as pdf.js reads them back: no
// word of the memo's compound list (src/local/render/thai-words.ts), no dictionary word, URL,
// code or number with its unit is broken across lines, except a word wider than its line (a
// narrow table column), which must break somewhere. scripts/broken-words.ts prints the figures.
import type { DocModel } from '../../src/local/docmodel';
import { renderPdf } from '../../src/local/render/pdf';
import { FALLBACK, fallbackBreaks } from '../../src/local/render/thai-breaking';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { seedMemoModel } from '../fixtures/seed-memo';
import { cleanupTempDirs } from '../local/helpers';
import { judgeLines, paragraphTexts, type LineReport } from '../render/broken-words';
import { lineBoxes, pdfFile } from '../render/pdf-reader';
import { runtimeOn } from './harness';

afterAll(cleanupTempDirs);

const idOf = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];

async function generated(
  example: 'ita-2568-corrected' | 'ita-2568-with-history',
): Promise<{ model: DocModel; pdf: Uint8Array }> {
  const rt = await runtimeOn(example);
  const result = rt.run<GenerateResult>('sidebarGenerate', true);
  if (result.status !== 'done') throw new Error(JSON.stringify(result));
  return {
    model: rt.drive.readModel(idOf(result.links.docUrl)),
    pdf: rt.drive.readContent(idOf(result.links.pdfUrl)),
  };
}

const memos: [string, () => Promise<{ model: DocModel; pdf: Uint8Array }>][] = [
  ['the corrected example', () => generated('ita-2568-corrected')],
  ['the example with ผลย้อนหลัง', () => generated('ita-2568-with-history')],
  // generate refuses ita-2568-published.xlsx (its errors); the seed memo is its content as published.
  [
    'the seed memo as published',
    async () => {
      const model = seedMemoModel();
      return { model, pdf: renderPdf(model) };
    },
  ],
];

describe.each(memos)('line ends in %s', (_name, make) => {
  let report: LineReport;

  beforeAll(async () => {
    const { model, pdf } = await make();
    report = judgeLines(lineBoxes(pdfFile(pdf)), paragraphTexts(model));
  });

  it('reads back nearly every line as part of a paragraph of the model', () => {
    expect(report.junctions).toBeGreaterThan(250);
    // Only the page numbers (a field, not text of the model) are left over.
    expect(report.unmatched.filter((t) => !/^- [๐-๙]+ -$/.test(t))).toEqual([]);
  });

  it('breaks no word of the compound list across lines', () => {
    const broken = report.broken.filter((b) => b.compounds.length > 0 && !b.forced);
    expect(broken.map((b) => `p.${b.page} ${b.where}`)).toEqual([]);
  });

  it('breaks no dictionary word, URL, code or number and its unit where the line could take it', () => {
    const broken = report.broken.filter((b) => !b.forced);
    expect(broken.map((b) => `p.${b.page} ${b.kind} ${b.where}`)).toEqual([]);
  });

  it('breaks a word wider than its line only between words inside it, or a URL before a dot', () => {
    const forced = report.broken.filter((x) => x.forced && x.kind !== 'glue');
    for (const b of forced) {
      // องค์การบริหาร|ส่วนตำบล, ข้าราชการ|การเมือง, ผู้รับผิด|ชอบ, www.muangkhai|.go.th
      const unit = b.where.replace('|', '');
      const place = fallbackBreaks(unit)[b.where.indexOf('|')];
      expect([b.where, place > 0 && place <= FALLBACK.icu]).toEqual([b.where, true]);
    }
  });
});
