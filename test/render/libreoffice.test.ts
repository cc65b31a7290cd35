// The DOCX for offices without Google, opened as they would open it: LibreOffice converts the
// memo's DOCX to PDF, and its pages are compared with the PDF the add-on exports (page count, and
// where each page begins). Run alone: `npx jest test/render/libreoffice`.
//
// Needs LibreOffice (`soffice`, or LIBREOFFICE_PATH): it is not an npm package, so on a machine
// with only Node and npm this test is skipped and says so. Debian: `apt-get install
// libreoffice-writer-nogui`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { renderDocx, renderPdf } from '../../src/local/render';
import { generateWithGaruda, runtimeOn } from '../gas/harness';
import { cleanupTempDirs, tempDir } from '../local/helpers';
import { lineBoxes, pdfFile, squash } from './pdf-reader';
import { toArabicDigits } from '../../src/core/thai/digits';

afterAll(cleanupTempDirs);

function findSoffice(): string | null {
  const candidates = [process.env.LIBREOFFICE_PATH, '/usr/bin/soffice', '/usr/bin/libreoffice'];
  for (const c of candidates) if (c && existsSync(c)) return c;
  const which = spawnSync('which', ['soffice'], { encoding: 'utf8' });
  return which.status === 0 ? which.stdout.trim() : null;
}

const soffice = findSoffice();
const CM = 72 / 2.54;

if (!soffice) {
  console.warn(
    'test/render/libreoffice.test.ts skipped: LibreOffice (soffice) is not installed. ' +
      'Install it (Debian: apt-get install libreoffice-writer-nogui) or set LIBREOFFICE_PATH to run it.',
  );
}

/** Where each page's body begins: its first line below the top margin, without spaces. */
function pageStarts(file: string): string[] {
  const starts: string[] = [];
  for (const box of lineBoxes(file)) {
    if (starts[box.page - 1] !== undefined || box.yMin < 2 * CM - 2) continue;
    if (!box.text.trim()) continue;
    // Consonants only: LibreOffice's PDF has no ActualText, so SARA AM and the marks read back
    // in another order (ด + ํ + า for ดำ).
    starts[box.page - 1] = squash(box.text)
      .replace(/[\u0e31-\u0e3a\u0e47-\u0e4e\u0e32\u0e33]/g, '')
      .slice(0, 10);
  }
  return starts;
}

(soffice ? describe : describe.skip)('the DOCX in LibreOffice', () => {
  let ours: string;
  let theirs: string;

  beforeAll(async () => {
    const { model } = generateWithGaruda(await runtimeOn('ita-2568-corrected'));
    const dir = tempDir('itamemo-lo-');
    mkdirSync(join(dir, 'profile'), { recursive: true });
    writeFileSync(join(dir, 'memo.docx'), await renderDocx(model));
    execFileSync(
      soffice as string,
      [
        '--headless',
        `-env:UserInstallation=file://${join(dir, 'profile')}`,
        '--convert-to',
        'pdf',
        '--outdir',
        dir,
        join(dir, 'memo.docx'),
      ],
      { stdio: 'ignore', timeout: 120_000 },
    );
    ours = pdfFile(renderPdf(model));
    theirs = pdfFile(readFileSync(join(dir, 'memo.pdf')));
  }, 180_000);

  it('has as many pages as our PDF', () => {
    expect(Math.max(...lineBoxes(theirs).map((b) => b.page))).toBe(
      Math.max(...lineBoxes(ours).map((b) => b.page)),
    );
  });

  it('breaks where our PDF does at the memo, the cover, the summary and the measures', () => {
    const a = pageStarts(ours);
    const b = pageStarts(theirs);
    // Pages that begin after a page break of the template, or at a table's repeated header.
    // pdf.js may cut LibreOffice's line at a mark it placed apart: one start is the other's prefix.
    const same = (x = '', y = '') =>
      Math.min(x.length, y.length) >= 5 && (x.startsWith(y) || y.startsWith(x));
    const fixed = [0, 1, 2, 3, a.length - 2, a.length - 1];
    expect(fixed.filter((i) => !same(a[i], b[i])).map((i) => [i + 1, a[i], b[i]])).toEqual([]);
  });

  it('breaks within a page of ours in the report’s running text', () => {
    // LibreOffice sets Sarabun's single line a little tighter than our 1.4 em, so in the long
    // recommendations a page may begin some lines later; never a page away.
    const a = pageStarts(ours);
    const b = pageStarts(theirs);
    const text = (file: string, page: number) =>
      squash(
        lineBoxes(file)
          .filter((x) => x.page === page)
          .map((x) => x.text)
          .join(''),
      ).replace(/[\u0e31-\u0e3a\u0e47-\u0e4e\u0e32\u0e33]/g, '');
    b.forEach((start, i) => {
      const near = [i, i + 1, i + 2].some((p) => text(ours, p).includes(start));
      expect({ page: i + 1, start, near }).toEqual({ page: i + 1, start, near: true });
    });
    expect(a.length).toBe(b.length);
  });

  it('keeps the form: the Garuda, the page numbers from page 2, Thai text', () => {
    const pages = Math.max(...lineBoxes(theirs).map((b) => b.page));
    const numbers = lineBoxes(theirs).filter((b) => /^-\s*\S+\s*-$/.test(b.text.trim()));
    // The attached report is a section of its own: its cover has no number, the page after
    // it starts again at 2.
    const cover = (
      lineBoxes(theirs).find((b) => b.page > 2 && squash(b.text).startsWith('รายงานผล')) as {
        page: number;
      }
    ).page;
    expect(cover).toBeGreaterThan(2);
    expect(numbers.map((n) => n.page)).toEqual(
      Array.from({ length: pages - 1 }, (_, i) => i + 2).filter((p) => p !== cover),
    );
    const digits = numbers.map((n) => toArabicDigits(n.text.replace(/[\s-]/g, '')));
    expect(digits[0]).toBe('2');
    expect(digits[numbers.findIndex((n) => n.page > cover)]).toBe('2');
    expect(lineBoxes(theirs).some((b) => b.page === 1 && b.text.includes('บันทึกข้อความ'))).toBe(true);
  });

  it('never splits a URL across lines (Latin tokens are runs in English)', () => {
    const url = 'www.muangkhai.go.th';
    const boxes = lineBoxes(theirs);
    // Every line that holds part of the URL holds all of it.
    const parts = boxes.filter((b) => /muang|khai|\.go\.th/.test(b.text));
    expect(parts.length).toBeGreaterThan(0);
    expect(parts.filter((b) => !squash(b.text).includes(url)).map((b) => b.text)).toEqual([]);
  });
});
