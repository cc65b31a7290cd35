// Counts words broken across lines in the example memos, as their PDFs read back with pdf.js.
// Usage: node scripts/run-ts.mjs scripts/broken-words.ts [--list]
//
// Generates the memo of examples/ita-2568-corrected.xlsx and ita-2568-with-history.xlsx in the
// local runtime (the add-on's own bundle, build/Code.js: run `npm run build` first), and renders
// the seed memo as published (test/fixtures/seed-memo.ts: the add-on refuses to generate from
// ita-2568-published.xlsx, whose seven errors it reports). Each PDF's lines are paired with the
// model's paragraphs and every line end inside a paragraph is judged (test/render/broken-words.ts).
// --list prints each broken place.
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';
import type { DocModel } from '../src/local/docmodel';
import { renderPdf } from '../src/local/render/pdf';
import { createRuntime } from '../src/local/runtime';
import type { GenerateResult } from '../src/shared/sidebar-api';
import { seedMemoModel } from '../test/fixtures/seed-memo';
import { judgeLines, paragraphTexts, type ReadLine } from '../test/render/broken-words';

const root = join(__dirname, '..');

/** Reads a PDF's lines (their ActualText) with pdf.js, in the tests' worker. */
function readLines(pdf: Uint8Array): ReadLine[] {
  const signal = new Int32Array(new SharedArrayBuffer(4));
  const worker = new Worker(join(root, 'test/render/pdf-worker.mjs'), { workerData: { signal } });
  const { port1, port2 } = new MessageChannel();
  worker.postMessage({ bytes: pdf, port: port2 }, [port2]);
  Atomics.wait(signal, 0, 0, 120_000);
  const reply = receiveMessageOnPort(port1)?.message as
    { ok: { pages: { lines: ReadLine[] }[] } } | { error: string } | undefined;
  void worker.terminate();
  if (!reply || 'error' in reply)
    throw new Error(`pdf.js: ${reply && 'error' in reply ? reply.error : 'no reply'}`);
  return reply.ok.pages.flatMap((p) => p.lines);
}

async function generated(example: string): Promise<{ model: DocModel; pdf: Uint8Array }> {
  const dir = mkdtempSync(join(tmpdir(), 'broken-words-'));
  try {
    const workbook = join(dir, 'workbook.xlsx');
    copyFileSync(join(root, 'examples', `${example}.xlsx`), workbook);
    const rt = await createRuntime({
      workbook,
      driveDir: join(dir, 'drive'),
      now: () => new Date('2025-10-03T03:00:00Z'),
    });
    const result = rt.run<GenerateResult>('sidebarGenerate', true);
    if (result.status !== 'done') throw new Error(`${example}: generate ended ${result.status}`);
    const id = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];
    return {
      model: rt.drive.readModel(id(result.links.docUrl)),
      pdf: rt.drive.readContent(id(result.links.pdfUrl)),
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const list = process.argv.includes('--list');
  const memos: [string, () => Promise<{ model: DocModel; pdf: Uint8Array }>][] = [
    [
      'published (seed memo)',
      async () => {
        const model = seedMemoModel();
        return { model, pdf: renderPdf(model) };
      },
    ],
    ['corrected', () => generated('ita-2568-corrected')],
    ['with-history', () => generated('ita-2568-with-history')],
  ];
  const rows: string[][] = [
    ['memo', 'line ends', 'words', 'tokens', 'glue', 'compounds', 'forced', 'lone last'],
  ];
  const total = [0, 0, 0, 0, 0, 0, 0];
  for (const [name, make] of memos) {
    const { model, pdf } = await make();
    const report = judgeLines(readLines(pdf), paragraphTexts(model));
    const chosen = report.broken.filter((b) => !b.forced);
    const count = (kind: string) => chosen.filter((b) => b.kind === kind).length;
    const figures = [
      report.junctions,
      count('word'),
      count('token'),
      count('glue'),
      chosen.filter((b) => b.compounds.length > 0).length,
      report.broken.length - chosen.length,
      report.loneLastWords.length,
    ];
    figures.forEach((f, i) => (total[i] += f));
    rows.push([name, ...figures.map(String)]);
    if (list) {
      for (const w of report.loneLastWords) console.log(`${name} lone last word: ${w}`);
      for (const b of report.broken) {
        console.log(
          `${name} p.${b.page} ${b.forced ? 'forced ' : ''}${b.kind}: ${b.where}${b.compounds.length ? `  [${b.compounds.join(', ')}]` : ''}`,
        );
      }
    }
  }
  rows.push(['all', ...total.map(String)]);
  const widths = rows[0].map((_, c) => Math.max(...rows.map((r) => r[c].length)));
  for (const r of rows)
    console.log(
      r.map((v, c) => (c === 0 ? v.padEnd(widths[c]) : v.padStart(widths[c]))).join('  '),
    );
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
