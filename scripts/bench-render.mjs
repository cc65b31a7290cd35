// Benchmark: node scripts/bench-render.mjs [--runs 20] [--rows 200] [--images] [--calls]
//            node scripts/bench-render.mjs --images-only
// Bundles scripts/bench-render-main.ts and scripts/bench-calls-main.ts with esbuild, then runs
// each measurement in a fresh process (see those files for the modes) and prints tables of
// figures: the service calls of one generate for 10 and 1,000 measures rows with the modelled
// Apps Script time, the service calls of each review step, the CLI on 1,000 rows (time and peak
// memory), then rendering. --calls stops after the first two. --images also writes the pages of
// the PDF `generate` wrote for the corrected example with the stand-in Garuda (what `npm start`
// writes) as docs/memo-page-N.png (scripts/pdf-to-png.ts, 60 dpi); --images-only does just that.
import { build } from 'esbuild';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, renameSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { performance } from 'node:perf_hooks';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const bundle = join(root, 'dist/bench-render.cjs');
const callsBundle = join(root, 'dist/bench-calls.cjs');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
};
const runs = arg('--runs', 20);
const rows = arg('--rows', 200);

for (const [entry, outfile] of [
  ['scripts/bench-render-main.ts', bundle],
  ['scripts/bench-calls-main.ts', callsBundle],
]) {
  await build({
    entryPoints: [join(root, entry)],
    outfile,
    bundle: true,
    platform: 'node',
    format: 'cjs',
    target: 'node20',
    packages: 'external',
    charset: 'utf8',
    logLevel: 'warning',
  });
}

// The memo the add-on generates from the corrected example: the benchmark renders that document,
// and times whole `generate` processes of the CLI (workbook in, PDF and DOCX out).
execFileSync(process.execPath, [join(root, 'scripts/build.mjs'), '--quiet', '--if-stale']);
const cli = join(root, 'dist/local.cjs');
const example = join(root, 'examples/ita-2568-corrected.xlsx');

const garuda = join(root, 'examples', 'garuda-sample.png');

/** `npm start`'s generate into `out`: the corrected example with the stand-in Garuda. */
function generateExample(out) {
  execFileSync(process.execPath, [cli, 'generate', example, '--out', out, '--garuda', garuda]);
  return join(
    out,
    readdirSync(out).find((f) => f.endsWith('.pdf')),
  );
}

/** The pages of `pdf` as docs/memo-page-N.png, replacing the old ones. */
function writePageImages(pdf) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-pages-'));
  for (const f of readdirSync(join(root, 'docs'))) {
    if (/^memo-page-\d+\.png$/.test(f)) rmSync(join(root, 'docs', f));
  }
  execFileSync(process.execPath, [
    join(root, 'scripts/run-ts.mjs'),
    join(root, 'scripts/pdf-to-png.ts'),
    pdf,
    '60',
    join(dir, 'page'),
  ]);
  for (const f of readdirSync(dir).filter((f) => f.endsWith('.png'))) {
    renameSync(
      join(dir, f),
      join(root, 'docs', `memo-page-${Number(/(\d+)\.png$/.exec(f)[1])}.png`),
    );
  }
  rmSync(dir, { recursive: true, force: true });
  console.log(`docs/memo-page-*.png written from ${pdf}`);
}

if (process.argv.includes('--images-only')) {
  const out = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  writePageImages(generateExample(out));
  rmSync(out, { recursive: true, force: true });
  process.exit(0);
}

/** Runs one mode of a bundle in a new node process: its JSON result and the process's wall time. */
function run(file, ...args) {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [file, ...args], { cwd: root, encoding: 'utf8' });
  const wallMs = Math.round(performance.now() - t0);
  if (out.status !== 0) throw new Error(`${args.join(' ')} failed:\n${out.stderr}`);
  return { ...JSON.parse(out.stdout.trim().split('\n').pop()), processMs: wallMs };
}

const print = (lines) => {
  const width = Math.max(...lines.map((l) => l[0].length));
  for (const [k, ...v] of lines) console.log(`${k.padEnd(width)}  ${v.join('  ')}`);
  console.log('');
};

// Service calls of one generate (they must not grow with the measures table) and of each review
// step after it: the table README's "Speed" section holds.
const small = run(callsBundle, 'calls', '10');
const large = run(callsBundle, 'calls', '1000');
const steps = run(callsBundle, 'steps');
const STEP_NAMES = {
  send: 'ส่งขอความเห็น (3 reviewers)',
  sidebar: 'the sidebar’s comments',
  refill: 'สร้างใหม่ในเอกสารเดิม',
  approve: 'อนุมัติ (as the approver)',
  publish: 'เผยแพร่ฉบับอนุมัติ (the whole memo)',
  'publish the report': 'เผยแพร่ฉบับอนุมัติ (only the report, a copy)',
};
const COLUMNS = ['SpreadsheetApp', 'DocumentApp', 'Docs', 'Drive', 'PropertiesService'];
const callRow = (label, r) => {
  const all = Object.values(r.services).reduce((a, b) => a + b, 0);
  const listed = COLUMNS.map((c) => r.services[c] ?? 0);
  const other = all - listed.reduce((a, b) => a + b, 0);
  return [label, ...[...listed, other, all].map(String), `${(r.modelledMs / 1000).toFixed(1)} s`];
};
const callTable = [
  [
    'service calls',
    'Sheets',
    'DocumentApp',
    'Docs',
    'Drive',
    'Properties',
    'other',
    'all',
    'modelled',
  ],
  callRow('สร้างบันทึกข้อความ, 10 measures rows', small),
  callRow('สร้างบันทึกข้อความ, 1,000 measures rows', large),
  ...Object.entries(STEP_NAMES).map(([k, label]) => callRow(label, steps[k])),
];
// A Markdown table, as README pastes it.
const widths = callTable[0].map((_, i) => Math.max(...callTable.map((r) => r[i].length)));
const md = (r) =>
  `| ${r.map((c, i) => (i ? c.padStart(widths[i]) : c.padEnd(widths[i]))).join(' | ')} |`;
console.log(md(callTable[0]));
console.log(
  `| ${widths.map((w, i) => (i ? `${'-'.repeat(w - 1)}:` : '-'.repeat(w))).join(' | ')} |`,
);
for (const r of callTable.slice(1)) console.log(md(r));
console.log('');
// The Docs API batches of one generate: the built-in template written, then the whole fill.
const batch = (b) =>
  `${b.requests.toLocaleString('en')} requests, ${(b.bytes / 1e6).toFixed(2)} MB`;
print([
  ['Documents.batchUpdate of one generate', 'the template', 'the fill'],
  ...[small, large].map((r) => [
    `${r.rows.toLocaleString('en')} measures rows`,
    ...r.batches.map(batch),
  ]),
]);

// The CLI on 1,000 measures rows: whole process, peak memory of all its threads.
const bookDir = mkdtempSync(join(tmpdir(), 'bench-large-'));
const largeBook = join(bookDir, 'measures-1000.xlsx');
run(callsBundle, 'workbook', '1000', largeBook);
const largeRuns = [];
for (let i = 0; i < 3; i++) {
  const out = join(bookDir, `out${i}`);
  const t0 = performance.now();
  const r = spawnSync(
    process.execPath,
    ['-r', join(root, 'scripts/bench-maxrss.cjs'), cli, 'generate', largeBook, '--out', out],
    { cwd: root, encoding: 'utf8' },
  );
  if (r.status !== 0) throw new Error(`generate on 1,000 rows failed:\n${r.stderr}`);
  const ms = Math.round(performance.now() - t0);
  const kb = Number(/maxrss (\d+)/.exec(r.stderr)?.[1] ?? 0);
  largeRuns.push({ ms, mb: Math.round(kb / 1024) });
}
rmSync(bookDir, { recursive: true, force: true });
const byTime = [...largeRuns].sort((a, b) => a.ms - b.ms);
print([
  ['`generate` on 1,000 measures rows (CLI)', 'figure'],
  ['wall time, median of 3', `${byTime[1].ms} ms (${byTime[0].ms}–${byTime[2].ms})`],
  ['peak resident memory, all threads', `${Math.max(...largeRuns.map((r) => r.mb))} MB`],
]);
if (process.argv.includes('--calls')) process.exit(0);
const generateRuns = [];
let memoModelFile = null;
let memoPdf = null;
for (let i = 0; i < 7; i++) {
  const out = mkdtempSync(join(tmpdir(), 'bench-generate-'));
  const t0 = performance.now();
  // With the stand-in Garuda, so the measured memo is the whole form (and docs/ shows it).
  const pdf = generateExample(out);
  generateRuns.push(Math.round(performance.now() - t0));
  if (!memoModelFile) {
    memoPdf = pdf;
    const folder = join(
      out,
      '.drive',
      readdirSync(join(out, '.drive')).find((f) => !f.startsWith('.')),
    );
    memoModelFile = join(out, 'memo.gdoc.json');
    renameSync(
      join(
        folder,
        readdirSync(folder).find((f) => f.endsWith('.gdoc.json')),
      ),
      memoModelFile,
    );
  } else rmSync(out, { recursive: true, force: true });
}
process.env.BENCH_MODEL = memoModelFile;

/** Runs one mode in a new node process: its JSON result and the process's wall time. */
function measure(...args) {
  const t0 = performance.now();
  const out = spawnSync(process.execPath, [bundle, ...args], { cwd: root, encoding: 'utf8' });
  const wallMs = Math.round(performance.now() - t0);
  if (out.status !== 0) throw new Error(`${args.join(' ')} failed:\n${out.stderr}`);
  return { ...JSON.parse(out.stdout.trim().split('\n').pop()), processMs: wallMs };
}

if (process.argv.includes('--images')) writePageImages(memoPdf);

const median = (xs) => [...xs].sort((a, b) => a - b)[xs.length >> 1];

const colds = [1, 2, 3].map(() => measure('cold'));
const warm = measure('warm', String(runs));
const table = measure('table', String(rows));
const lo = measure('libreoffice');
const chrome = measure('chromium', '5');
const load = existsSync('/proc/loadavg')
  ? readFileSync('/proc/loadavg', 'utf8').split(' ').slice(0, 3).join(' ')
  : 'n/a';

const lines = [
  ['what', 'figure'],
  [
    '`generate` process (CLI, corrected example)',
    `${median(generateRuns)} ms median of ${generateRuns.length} (min ${Math.min(...generateRuns)}, max ${Math.max(...generateRuns)}): workbook → validated → memo Doc → PDF + DOCX`,
  ],
  [
    'the generated memo',
    `${warm.pages} pages, PDF ${(warm.pdfBytes / 1024).toFixed(0)} KiB, DOCX ${(warm.docxBytes / 1024).toFixed(0)} KiB`,
  ],
  [
    'PDF warm (median of ' + runs + ')',
    `${warm.pdfMedianMs} ms (min ${warm.pdfMinMs} ms, CPU ${warm.pdfCpuMedianMs} ms)`,
  ],
  [
    'PDF cold, first call in a new process',
    `${median(colds.map((c) => c.firstPdfMs))} ms (median of 3)`,
  ],
  [
    'PDF cold, whole node process',
    `${median(colds.map((c) => c.processMs))} ms (median of 3: start, load, render, exit)`,
  ],
  ['DOCX warm (median of ' + runs + ')', `${warm.docxMedianMs} ms (min ${warm.docxMinMs} ms)`],
  [
    'DOCX → PDF by LibreOffice',
    lo.skipped ??
      `${lo.firstMs} ms first (new profile), ${lo.secondMs} ms second; ${lo.pages} pages`,
  ],
  [
    'HTML → PDF by Chromium',
    chrome.skipped ??
      `launch ${chrome.launchMs} ms, first ${chrome.firstMs} ms, warm ${chrome.warmMedianMs} ms; ${chrome.pages} pages`,
  ],
  [
    `${rows}-row measures table`,
    `${table.pages} pages, first ${table.firstPdfMs} ms, again ${table.secondPdfMs} ms, peak RSS ${table.peakRssMB} MB (before render ${table.rssBeforeMB} MB)`,
  ],
  ['machine', `node ${process.version}, load average ${load}`],
];
const width = Math.max(...lines.map((l) => l[0].length));
for (const [k, v] of lines) console.log(`${k.padEnd(width)}  ${v}`);
