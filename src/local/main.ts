/**
 * The command line of the local runtime: runs the add-on's own bundle (build/Code.js) on the
 * emulated services, with an .xlsx workbook as the spreadsheet and a folder as Drive.
 *
 *   npm run -s cli -- help
 */
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import type { CheckResult, FindingView, GenerateResult } from '../shared/sidebar-api';
import type { Runtime } from './runtime';
import { RenderWorkers } from './render-client';
import { newYearCommand, restoreYearCommand, YEAR_USAGE } from './new-year-command';

// Loaded on first use: `help` and usage errors answer without loading the spreadsheet, PDF and
// DOCX libraries.
const runtime = () => import('./runtime');

const USAGE = `ITA Memo: the add-on run locally on an .xlsx workbook

usage: npm run -s cli -- <command> [arguments]

commands:
  init <new.xlsx>                          a new workbook with every tab and header of the contract
  validate <workbook.xlsx> [--json]        check the workbook; exit 1 when it has errors
  generate <workbook.xlsx> --out <dir>     write the memo as PDF and DOCX into <dir>
           [--in-place]                    (and update the workbook's ประวัติ in place)
${YEAR_USAGE}
  help                                     this text

exit codes: 0 done, 1 the workbook has errors (or generation failed), 2 usage or unreadable file`;

class UsageError extends Error {}

/** ITAMEMO_TIMING=1 prints how long each phase took, to stderr (for the benchmark). */
const started = Date.now();
function phase(name: string): void {
  if (process.env.ITAMEMO_TIMING)
    console.error(`[${String(Date.now() - started).padStart(5)} ms] ${name}`);
}

const SEVERITY: Record<string, string> = { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' };

function requireXlsx(path: string | undefined, command: string): string {
  if (!path || path.startsWith('--'))
    throw new UsageError(`${command}: a workbook path (.xlsx) is required`);
  if (!/\.xlsx$/i.test(path)) throw new UsageError(`${command}: ${path} is not an .xlsx file`);
  return resolve(path);
}

function flag(args: string[], name: string): boolean {
  return args.includes(name);
}

function option(args: string[], name: string): string | undefined {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'itamemo-'));
}

async function open(
  workbook: string,
  driveDir: string,
  renderer?: RenderWorkers,
): Promise<Runtime> {
  if (!existsSync(workbook)) throw new UsageError(`cannot read ${workbook}: no such file`);
  try {
    const renderPdf = renderer
      ? (model: Parameters<RenderWorkers['renderPdf']>[0]) => renderer.renderPdf(model)
      : undefined;
    return await (
      await runtime()
    ).createRuntime({ workbook, driveDir, defaultAnswers: true, renderPdf });
  } catch (err) {
    throw new UsageError(`cannot read ${workbook}: ${(err as Error).message}`);
  }
}

function printFindings(findings: FindingView[], out: (s: string) => void): void {
  let sheet = '';
  for (const f of findings) {
    if (f.sheet !== sheet) {
      sheet = f.sheet;
      out(`\n[${sheet}]`);
    }
    out(`  ${SEVERITY[f.severity] ?? f.severity} ${f.cell}: ${f.message}`);
  }
}

function summary(check: CheckResult): string {
  return check.errors || check.warnings
    ? `พบข้อผิดพลาด ${check.errors} รายการ คำเตือน ${check.warnings} รายการ`
    : 'ข้อมูลครบถ้วน ไม่พบข้อผิดพลาด';
}

async function init(args: string[]): Promise<number> {
  const path = requireXlsx(args[0], 'init');
  if (existsSync(path))
    throw new UsageError(`init: ${path} already exists (it is never overwritten)`);
  const drive = tempDir();
  try {
    const rt = await (await runtime()).createRuntime({ driveDir: drive, defaultAnswers: true });
    rt.run('setupSheets');
    await rt.saveWorkbook(path);
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
  console.log(path);
  return 0;
}

async function validate(args: string[]): Promise<number> {
  const path = requireXlsx(args[0], 'validate');
  const drive = tempDir();
  try {
    const rt = await open(path, drive);
    const check = rt.run<CheckResult>('sidebarCheck');
    const issues = check.findings.map((f) => ({
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      message: f.message,
    }));
    if (flag(args, '--json')) {
      process.stdout.write(
        `${JSON.stringify({ issues, errors: check.errors, warnings: check.warnings }, null, 2)}\n`,
      );
    } else {
      console.log(`${basename(path)}: ${summary(check)}`);
      printFindings(check.findings, (s) => console.log(s));
    }
    return check.errors ? 1 : 0;
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
}

/** The Drive id at the end of a Google-shaped link. */
function idOf(url: string): string {
  const m = /\/d\/([^/]+)/.exec(url);
  if (!m) throw new Error(`not a Drive link: ${url}`);
  return m[1];
}

async function generate(args: string[]): Promise<number> {
  const path = requireXlsx(args[0], 'generate');
  const outArg = option(args, '--out');
  if (!outArg) throw new UsageError('generate: --out <dir> is required');
  const out = resolve(outArg);
  const existed = existsSync(out);
  const driveDir = join(out, '.drive');
  const renderer = new RenderWorkers(started);
  try {
    return await generateWith(path, out, existed, driveDir, renderer, args);
  } finally {
    // Not awaited: the process exits right after and takes the threads with it.
    renderer.close();
  }
}

async function generateWith(
  path: string,
  out: string,
  existed: boolean,
  driveDir: string,
  renderer: RenderWorkers,
  args: string[],
): Promise<number> {
  phase('start');
  const rt = await open(path, driveDir, renderer);
  phase('workbook read, bundle loaded');
  let result = rt.run<GenerateResult>('sidebarGenerate', false);
  phase('memo generated (Doc filled, PDF rendered)');
  if (result.status === 'confirm') {
    console.log(summary(result.check));
    printFindings(result.check.findings, (s) => console.log(s));
    result = rt.run<GenerateResult>('sidebarGenerate', true);
  }
  if (result.status !== 'done') {
    if (result.status === 'blocked') {
      console.error(`${basename(path)}: ยังสร้างบันทึกข้อความไม่ได้: ${summary(result.check)}`);
      printFindings(result.check.findings, (s) => console.error(s));
      // Nothing was made: leave no trace of this run.
      if (!existed) rmSync(out, { recursive: true, force: true });
      else if (existsSync(driveDir) && readdirSync(driveDir).every((f) => f === '.runtime'))
        rmSync(driveDir, { recursive: true, force: true });
    } else if (result.status === 'failed') {
      console.error(`สร้างบันทึกข้อความไม่สำเร็จ: ${result.message}`);
      await rt.saveWorkbook(flag(args, '--in-place') ? path : join(out, basename(path)));
    }
    return 1;
  }
  mkdirSync(out, { recursive: true });
  const pdfId = idOf(result.links.pdfUrl);
  const pdfPath = join(out, result.links.pdfName);
  const stored = rt.drive.contentPath(pdfId);
  if (!stored) throw new Error(`the PDF ${pdfId} is not in the local Drive`);
  copyFileSync(stored, pdfPath);
  const docxPath = pdfPath.replace(/\.pdf$/, '.docx');
  const workbookOut = flag(args, '--in-place') ? path : join(out, basename(path));
  // The DOCX of the Doc just exported as PDF, rendered alongside it.
  const [docxBytes] = await Promise.all([renderer.docxOfLastPdf(), rt.saveWorkbook(workbookOut)]);
  writeFileSync(docxPath, docxBytes);
  phase('DOCX rendered, workbook saved');
  console.log(pdfPath);
  console.log(docxPath);
  console.log(workbookOut);
  return 0;
}

async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  switch (command) {
    case 'init':
      return init(args);
    case 'validate':
      return validate(args);
    case 'generate':
      return generate(args);
    // Issue 12's commands: their own argument parsing, in new-year-command.ts.
    case 'new-year':
    case 'restore-year': {
      const ctx = { open, usage: (message: string) => new UsageError(message) };
      return (command === 'new-year' ? newYearCommand : restoreYearCommand)(args, ctx);
    }
    case 'help':
    case '--help':
    case '-h':
      console.log(USAGE);
      return 0;
    case undefined:
      throw new UsageError('a command is required (see: npm run -s cli -- help)');
    default:
      throw new UsageError(`unknown command "${command}" (see: npm run -s cli -- help)`);
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    phase('exit');
    process.exit(code);
  },
  (err) => {
    if (err instanceof UsageError) {
      console.error(`itamemo: ${err.message}`);
      process.exit(2);
    }
    console.error(err);
    process.exit(2);
  },
);
