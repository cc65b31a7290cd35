/**
 * The rendering benchmark's measurements, bundled and run by scripts/bench-render.mjs. Each mode
 * runs in a process of its own and prints one JSON line, so cold starts and peak memory are
 * the process's own.
 *
 *   cold          first renderPdf in a fresh process (fonts, ICU dictionary, JIT all cold)
 *   warm          median renderPdf / renderDocx of the seed-sized memo after warm-up
 *   table <rows>  the measures table with <rows> rows: time, pages, peak RSS
 *   libreoffice   the DOCX converted to PDF by soffice, where installed
 *   chromium      the same content as HTML printed by headless Chromium (scripts/chromium.ts)
 *   write <dir>   writes the seed-sized memo as memo.pdf and memo.docx into <dir>
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { BlockNode, DocModel, InlineNode, TextStyle } from '../src/local/docmodel';
import { renderDocx, renderPdf } from '../src/local/render';
import { FACES, fontBuffer, sizeScale } from '../src/local/render/fonts';
import { ListCounters, bulletChar } from '../src/local/render/lists';
import { mergeTextStyles, paragraphLook, paragraphTextStyle } from '../src/local/render/styles';
import { longTableModel, seedMemoModel } from '../test/fixtures/seed-memo';
import { launchChromium } from './chromium';

/** The memo to render: the one `generate` just made (BENCH_MODEL, a .gdoc.json), else the fixture. */
function memoModel(): DocModel {
  const file = process.env.BENCH_MODEL;
  return file ? (JSON.parse(readFileSync(file, 'utf8')) as DocModel) : seedMemoModel();
}

function pageCount(pdf: Uint8Array): number {
  return (
    Buffer.from(pdf)
      .toString('latin1')
      .match(/\/Type\s*\/Page(?!s)/g) ?? []
  ).length;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s[s.length >> 1];
}

const mb = (bytes: number) => Math.round((bytes / 1048576) * 10) / 10;
const ms = (v: number) => Math.round(v * 10) / 10;

function cold() {
  const model = memoModel();
  const t0 = performance.now();
  const pdf = renderPdf(model);
  return { firstPdfMs: ms(performance.now() - t0), pages: pageCount(pdf), bytes: pdf.length };
}

async function warm(runs: number) {
  const model = memoModel();
  for (let i = 0; i < 5; i++) renderPdf(model);
  const pdfTimes: number[] = [];
  const pdfCpu: number[] = [];
  let pdf: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const c0 = process.cpuUsage();
    const t0 = performance.now();
    pdf = renderPdf(model);
    pdfTimes.push(performance.now() - t0);
    const c = process.cpuUsage(c0);
    pdfCpu.push((c.user + c.system) / 1000);
  }
  for (let i = 0; i < 5; i++) await renderDocx(model);
  const docxTimes: number[] = [];
  let docx: Uint8Array = new Uint8Array();
  for (let i = 0; i < runs; i++) {
    const t0 = performance.now();
    docx = await renderDocx(model);
    docxTimes.push(performance.now() - t0);
  }
  return {
    pdfMedianMs: ms(median(pdfTimes)),
    pdfMinMs: ms(Math.min(...pdfTimes)),
    pdfCpuMedianMs: ms(median(pdfCpu)),
    docxMedianMs: ms(median(docxTimes)),
    docxMinMs: ms(Math.min(...docxTimes)),
    pages: pageCount(pdf),
    pdfBytes: pdf.length,
    docxBytes: docx.length,
  };
}

function table(rows: number) {
  const model = longTableModel(rows);
  const rssBefore = process.memoryUsage().rss;
  const t0 = performance.now();
  const pdf = renderPdf(model);
  const firstMs = performance.now() - t0;
  const t1 = performance.now();
  renderPdf(model);
  const secondMs = performance.now() - t1;
  return {
    rows,
    firstPdfMs: ms(firstMs),
    secondPdfMs: ms(secondMs),
    pages: pageCount(pdf),
    bytes: pdf.length,
    rssBeforeMB: mb(rssBefore),
    peakRssMB: mb(process.resourceUsage().maxRSS * 1024),
  };
}

async function libreoffice() {
  const soffice = ['/usr/bin/soffice', '/usr/bin/libreoffice'].find(existsSync);
  if (!soffice)
    return { skipped: 'LibreOffice is not installed (apt-get install libreoffice-writer-nogui)' };
  const dir = mkdtempSync(join(tmpdir(), 'bench-lo-'));
  try {
    const docx = join(dir, 'memo.docx');
    writeFileSync(docx, await renderDocx(memoModel()));
    const profile = pathToFileURL(join(dir, 'profile')).href;
    const convert = () => {
      const t0 = performance.now();
      execFileSync(
        soffice,
        [
          `-env:UserInstallation=${profile}`,
          '--headless',
          '--convert-to',
          'pdf',
          '--outdir',
          dir,
          docx,
        ],
        { stdio: 'ignore' },
      );
      return performance.now() - t0;
    };
    const firstMs = convert();
    const secondMs = convert();
    const pdf = readFileSync(join(dir, 'memo.pdf'));
    return {
      firstMs: ms(firstMs),
      secondMs: ms(secondMs),
      pages: pageCount(pdf),
      bytes: pdf.length,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function chromium(runs: number) {
  // A page on disk with its fonts beside it, so Chromium caches the fonts between prints as
  // it would serve them in production, instead of decoding data: URLs every time.
  const dir = mkdtempSync(join(tmpdir(), 'bench-chromium-'));
  for (const face of FACES) writeFileSync(join(dir, `Sarabun-${face}.ttf`), fontBuffer(face));
  const html = join(dir, 'memo.html');
  writeFileSync(html, toHtml(memoModel()));
  const t0 = performance.now();
  const browser = await launchChromium();
  try {
    const launchMs = performance.now() - t0;
    const page = await browser.newPage();
    const print = async () => {
      const start = performance.now();
      await page.goto(pathToFileURL(html).href, { waitUntil: 'load' });
      const pdf = await page.pdf({
        preferCSSPageSize: true,
        printBackground: true,
        displayHeaderFooter: true,
        headerTemplate:
          '<div style="width:100%;text-align:center;font-size:10pt">- <span class="pageNumber"></span> -</div>',
        footerTemplate: '<div></div>',
      });
      return { pdf, time: performance.now() - start };
    };
    const first = await print();
    const times: number[] = [];
    let last = first.pdf;
    for (let i = 0; i < runs; i++) {
      const r = await print();
      times.push(r.time);
      last = r.pdf;
    }
    return {
      launchMs: ms(launchMs),
      firstMs: ms(first.time),
      warmMedianMs: ms(median(times)),
      pages: pageCount(last),
      bytes: last.length,
    };
  } finally {
    await browser.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

// ---- the same content as HTML, for Chromium (benchmark only) ----

const esc = (s: string) =>
  s.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]!);

function css(style: TextStyle): string {
  const size = (style.fontSize ?? 11) * sizeScale(style.fontFamily);
  return [
    `font-size:${size.toFixed(2)}pt`,
    style.bold ? 'font-weight:bold' : '',
    style.italic ? 'font-style:italic' : '',
    style.underline ? 'text-decoration:underline' : '',
    style.foregroundColor ? `color:${style.foregroundColor}` : '',
    style.backgroundColor ? `background:${style.backgroundColor}` : '',
  ]
    .filter(Boolean)
    .join(';');
}

function toHtml(model: DocModel): string {
  const lists = new ListCounters(model.pageNumberDigits === 'thai');
  const faces = FACES.map((face) => {
    const weight = face.startsWith('bold') ? 'bold' : 'normal';
    const styleName = face.toLowerCase().includes('italic') ? 'italic' : 'normal';
    return `@font-face{font-family:Sarabun;font-weight:${weight};font-style:${styleName};src:url(Sarabun-${face}.ttf)}`;
  }).join('\n');
  const inline = (nodes: InlineNode[], base: TextStyle): string =>
    nodes
      .map((n) => {
        if (n.type === 'text') {
          return n.runs
            .map(
              (r) =>
                `<span style="${css(mergeTextStyles(base, r.style))}">${esc(r.text).replace(/\n/g, '<br>')}</span>`,
            )
            .join('');
        }
        if (n.type === 'image') {
          return `<img src="data:${n.mimeType};base64,${n.data}" style="width:${n.width * 0.75}pt;height:${n.height * 0.75}pt;max-width:100%">`;
        }
        if (n.type === 'pageBreak') return '<span style="break-after:page;display:block"></span>';
        if (n.type === 'horizontalRule') return '<hr>';
        return '';
      })
      .join('');
  const blocks = (list: BlockNode[]): string =>
    list
      .map((b) => {
        if (b.type === 'sectionBreak') return '<div style="break-after:page"></div>';
        if (b.type === 'table') {
          const header = b.headerRows ?? 0;
          const cols = b.columnWidths
            .map((w) => `<col style="${w ? `width:${w}pt` : ''}">`)
            .join('');
          const row = (r: (typeof b.rows)[number], tag: string) =>
            `<tr style="${r.minimumHeight ? `height:${r.minimumHeight}pt` : ''}">${r.cells
              .map(
                (c) =>
                  `<${tag} style="padding:5pt;vertical-align:${(c.verticalAlignment ?? 'TOP').toLowerCase().replace('center', 'middle')};${c.backgroundColor ? `background:${c.backgroundColor}` : ''}">${blocks(c.children)}</${tag}>`,
              )
              .join('')}</tr>`;
          return `<table><colgroup>${cols}</colgroup><thead>${b.rows
            .slice(0, header)
            .map((r) => row(r, 'th'))
            .join('')}</thead><tbody>${b.rows
            .slice(header)
            .map((r) => row(r, 'td'))
            .join('')}</tbody></table>`;
        }
        const look = paragraphLook(b);
        const base = paragraphTextStyle(model, b);
        const label =
          b.type === 'listItem'
            ? (() => {
                const l = lists.label(b);
                const text = l.kind === 'text' ? l.text : bulletChar(l.shape);
                return `<span style="display:inline-block;width:${Math.max(look.indentStart - look.indentFirstLine, 12)}pt;${css(base)}">${text}</span>`;
              })()
            : '';
        const indent = look.indentFirstLine - look.indentStart;
        const style = [
          `margin:${look.spacingBefore}pt ${look.indentEnd}pt ${look.spacingAfter}pt ${look.indentStart}pt`,
          // A list label fills the hanging indent, so the text starts at INDENT_START.
          `text-indent:${indent}pt`,
          `text-align:${look.alignment === 'JUSTIFY' ? 'justify;text-justify:inter-character' : look.alignment.toLowerCase()}`,
          `line-height:${(1.4 * look.lineSpacing).toFixed(2)}`,
          look.keepWithNext ? 'break-after:avoid' : '',
          css(base),
        ].join(';');
        return `<p style="${style}">${label}${inline(b.children, base) || '&nbsp;'}</p>`;
      })
      .join('\n');
  return `<!doctype html><html lang="th"><head><meta charset="utf-8"><style>
${faces}
@page{size:${model.pageWidth}pt ${model.pageHeight}pt;margin:${model.marginTop}pt ${model.marginRight}pt ${model.marginBottom}pt ${model.marginLeft}pt}
body{margin:0;font-family:Sarabun}
p{margin:0}
table{border-collapse:collapse;width:100%;table-layout:fixed}
th,td{border:1pt solid #000;font-weight:normal;text-align:left}
tr{break-inside:avoid}
hr{border:0;border-top:0.75pt solid #888}
</style></head><body>${blocks(model.body)}</body></html>`;
}

async function main() {
  const [mode, arg] = process.argv.slice(2);
  let result: unknown;
  if (mode === 'cold') result = cold();
  else if (mode === 'warm') result = await warm(Number(arg) || 20);
  else if (mode === 'table') result = table(Number(arg) || 200);
  else if (mode === 'libreoffice') result = await libreoffice();
  else if (mode === 'chromium') result = await chromium(Number(arg) || 5);
  else if (mode === 'write') {
    const model = memoModel();
    writeFileSync(join(arg, 'memo.pdf'), renderPdf(model));
    writeFileSync(join(arg, 'memo.docx'), await renderDocx(model));
    result = { written: [join(arg, 'memo.pdf'), join(arg, 'memo.docx')] };
  } else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
