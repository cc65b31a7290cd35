/**
 * The command line of the local runtime: runs the add-on's own bundle (build/Code.js) on the
 * emulated services, with an .xlsx workbook as the spreadsheet and a folder as Drive.
 *
 *   npm run -s cli -- help
 *
 * Every command is one entry of COMMANDS (its arguments, options and what it does); arguments
 * are parsed strictly by Node's util.parseArgs, so an unknown option is a usage error.
 */
import {
  constants,
  copyFileSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, join, resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type {
  CheckResult,
  FindingView,
  GarudaUploadResult,
  GenerateResult,
  PublishResult,
  ReviewState,
  StepResult,
} from '../shared/sidebar-api';
import { commandLineHint, withCommandLine } from './command-line-hint';
import { countText } from './comment-anchors';
import { safeFileName } from './file-name';
import { linkLogToFiles } from './offline-links';
import { RenderWorkers } from './render-client';
import { runYearStep, YEAR_STEPS, type YearStep } from './new-year-command';
import type { Runtime } from './runtime';
import { memoryNote } from './memory-note';
import { unreadableWorkbookMessage } from './workbook-file';
import { WorkbookLockTimeout, withWorkbookLock } from './workbook-lock';

// Loaded on first use: `help` and usage errors answer without loading the spreadsheet, PDF and
// DOCX libraries.
const runtime = () => import('./runtime');

/** A mistake in how the command was typed (exit 2, English, with a pointer to help). */
class UsageError extends Error {}
/** A file the command cannot use (exit 2): the message is Thai and says what to do. */
class FileError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;
type Values = Record<string, string | boolean | undefined>;

interface Command {
  /** The positional arguments, in order, all required. */
  readonly args: readonly string[];
  /** Each option with its help text; booleans are flags, strings take a value. */
  readonly options: Readonly<Record<string, Options[string] & { help: string; value?: string }>>;
  readonly summary: string;
  run(args: string[], values: Values): Promise<number>;
}

/** The office's Garuda, given as the sidebar's upload gives it (the add-on checks and keeps it). */
const GARUDA_OPTION = {
  type: 'string',
  value: 'file.png',
  help: 'the office’s Garuda (PNG or JPEG, at most 150 KB), as the sidebar uploads it',
} as const;

/** The options of every review step: the memo's folder, and who acts. */
const STEP_OPTIONS = {
  out: {
    type: 'string',
    value: 'dir',
    help: 'the folder generate wrote the memo into (its local Drive is there) (required)',
  },
  as: { type: 'string', value: 'email', help: 'act as this person (default staff@example.go.th)' },
} as const;

const COMMANDS: Readonly<Record<string, Command>> = {
  init: {
    args: ['new.xlsx'],
    options: {},
    summary: 'a new workbook with every tab and header of the contract (never overwrites)',
    run: ([path]) => init(path),
  },
  validate: {
    args: ['workbook.xlsx'],
    options: {
      json: { type: 'boolean', help: 'print {"issues":[…],"errors":N,"warnings":N}' },
      garuda: GARUDA_OPTION,
    },
    summary: 'check the workbook; exit 1 when it has errors',
    run: ([path], values) => validate(path, values),
  },
  generate: {
    args: ['workbook.xlsx'],
    options: {
      out: {
        type: 'string',
        value: 'dir',
        help: 'the folder to write the memo (PDF and DOCX) into (required)',
      },
      'in-place': { type: 'boolean', help: 'record the run in the workbook’s own ประวัติ' },
      garuda: GARUDA_OPTION,
      'same-doc': {
        type: 'boolean',
        help: 'สร้างใหม่ในเอกสารเดิม: refill the current memo’s Doc (same link, comments kept)',
      },
      yes: { type: 'boolean', help: 'with --same-doc: write over paragraphs edited in the Doc' },
    },
    summary: 'write the memo as PDF and DOCX',
    run: ([path], values) => generate(path, values),
  },
  send: {
    args: ['workbook.xlsx'],
    options: { ...STEP_OPTIONS },
    summary: 'ส่งขอความเห็น: share the current memo with its reviewers and approver',
    run: ([path], values) => reviewStep('send', path, values, send),
  },
  comment: {
    args: ['workbook.xlsx'],
    options: {
      ...STEP_OPTIONS,
      on: { type: 'string', value: 'text', help: 'comment on this text of the memo (as --as)' },
      occurrence: { type: 'string', value: 'n', help: 'its n-th appearance (default 1)' },
      reply: { type: 'string', value: 'id', help: 'reply to this comment' },
      resolve: { type: 'string', value: 'id|all', help: 'resolve this comment, or every open one' },
      text: { type: 'string', value: 'message', help: 'what the comment or reply says' },
    },
    summary: 'act as a reviewer in the memo’s Doc (the local stand-in for the Docs editor)',
    run: ([path], values) => reviewStep('comment', path, values, commentAndRefresh),
  },
  approve: {
    args: ['workbook.xlsx'],
    options: {
      ...STEP_OPTIONS,
      yes: { type: 'boolean', help: 'approve even while comments are open' },
    },
    summary: 'อนุมัติ: record the approver’s approval (run it --as the ผู้สั่งการ)',
    run: ([path], values) => reviewStep('approve', path, values, approve),
  },
  publish: {
    args: ['workbook.xlsx'],
    options: {
      ...STEP_OPTIONS,
      json: { type: 'boolean', help: 'print {"id":…,"path":…,"url":…,"revision":N}' },
      yes: {
        type: 'boolean',
        help: 'publish even while comments the approval did not confirm are open',
      },
    },
    summary: 'เผยแพร่ฉบับอนุมัติ: the approved memo into the one published PDF (same file each time)',
    run: ([path], values) => reviewStep('publish', path, values, publish),
  },
  ...yearCommands(),
  help: {
    args: [],
    options: {},
    summary: 'this text',
    run: async () => {
      console.log(usage());
      return 0;
    },
  },
};

/** `new-year` and `restore-year`: the add-on's "เริ่มปีงบประมาณใหม่" and its undo on an .xlsx. */
function yearCommands(): Record<YearStep, Command> {
  const entry = (step: YearStep): Command => ({
    args: ['workbook.xlsx'],
    options: {
      yes: {
        type: 'boolean',
        help: 'go ahead without asking (needed when not typing at a terminal)',
      },
      out: {
        type: 'string',
        value: 'file.xlsx',
        help: 'write the changed workbook there instead of over the input',
      },
    },
    summary: YEAR_STEPS[step].summary,
    run: ([path], values) => yearStep(step, path, values),
  });
  return { 'new-year': entry('new-year'), 'restore-year': entry('restore-year') };
}

function usage(): string {
  const lines = [
    'ITA Memo: the add-on run locally on an .xlsx workbook',
    '',
    'usage: npm run -s cli -- <command> [arguments] [options]',
    '',
    'commands:',
  ];
  for (const [name, command] of Object.entries(COMMANDS)) {
    const head = [name, ...command.args.map((a) => `<${a}>`)].join(' ');
    lines.push(`  ${head.padEnd(32)} ${command.summary}`);
    for (const [option, spec] of Object.entries(command.options)) {
      const flag = `--${option}${spec.type === 'string' ? ` <${spec.value ?? option}>` : ''}`;
      lines.push(`    ${flag.padEnd(30)} ${spec.help}`);
    }
  }
  lines.push(
    '',
    'exit codes: 0 done, 1 the workbook has errors or generation failed (nothing is written),',
    '            2 a usage error or a file that cannot be used',
  );
  return lines.join('\n');
}

/**
 * ITAMEMO_TIMING=1 prints how long each phase took, to stderr (for the benchmark), with the
 * process's resident memory (all threads) and this thread's heap at that moment.
 */
const started = Date.now();
function phase(name: string): void {
  if (process.env.ITAMEMO_TIMING)
    console.error(`[${String(Date.now() - started).padStart(5)} ms] ${name}${memoryNote()}`);
}

/** ITAMEMO_NOW=<ISO time> stops the runtime's clock there (tests of runs within one second). */
function fixedClock(): (() => Date) | undefined {
  const at = process.env.ITAMEMO_NOW;
  return at ? () => new Date(at) : undefined;
}

const SEVERITY: Record<string, string> = { error: 'ข้อผิดพลาด', warning: 'คำเตือน', info: 'ข้อสังเกต' };

function requireXlsx(path: string): string {
  if (!/\.xlsx$/i.test(path)) throw new UsageError(`“${path}” ไม่ใช่ไฟล์ .xlsx`);
  return resolve(path);
}

function tempDir(): string {
  return mkdtempSync(join(tmpdir(), 'itamemo-'));
}

async function open(
  workbook: string,
  driveDir: string,
  renderer?: RenderWorkers,
  user?: string,
): Promise<Runtime> {
  const rt = await runtime();
  try {
    const renderPdf = renderer
      ? (model: Parameters<RenderWorkers['renderPdf']>[0]) => renderer.renderPdf(model)
      : undefined;
    return await rt.createRuntime({
      workbook,
      driveDir,
      defaultAnswers: true,
      renderPdf,
      now: fixedClock(),
      ...(user ? { user } : {}),
    });
  } catch (err) {
    if (err instanceof rt.WorkbookRefused) throw new FileError(err.message);
    throw new FileError(unreadableWorkbookMessage(workbook, err));
  }
}

function printFindings(findings: FindingView[], out: (s: string) => void): void {
  // One group per tab, in the order the tabs first appear (a finding added after validation,
  // such as the Garuda's, joins its tab's group).
  const byTab = new Map<string, FindingView[]>();
  for (const f of findings) byTab.set(f.sheet, [...(byTab.get(f.sheet) ?? []), f]);
  for (const [sheet, group] of byTab) {
    out(`\n[${sheet}]`);
    for (const f of group) {
      out(`  ${SEVERITY[f.severity] ?? f.severity}${f.cell ? ` ${f.cell}` : ''}: ${f.message}`);
      const hint = commandLineHint(f.message, f.rule);
      if (hint) out(`    ${hint}`);
    }
  }
}

function summary(check: CheckResult): string {
  const notes = check.findings.filter((f) => f.severity === 'info').length;
  return check.errors || check.warnings
    ? `พบข้อผิดพลาด ${check.errors} รายการ คำเตือน ${check.warnings} รายการ ข้อสังเกต ${notes} รายการ`
    : `ข้อมูลครบถ้วน ไม่พบข้อผิดพลาด${notes ? ` (ข้อสังเกต ${notes} รายการ)` : ''}`;
}

async function init(arg: string): Promise<number> {
  const path = requireXlsx(arg);
  if (existsSync(path))
    throw new UsageError(`init: มีไฟล์ ${path} อยู่แล้ว คำสั่งนี้ไม่เขียนทับไฟล์เดิม กรุณาระบุชื่อไฟล์ใหม่`);
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

/**
 * `--garuda FILE`: the add-on's own upload (sidebarSaveGaruda) with the file's bytes, so the same
 * checks apply and the image is kept where the sidebar keeps it. A refused file is exit 2.
 */
function uploadGaruda(rt: Runtime, values: Values): void {
  const file = values.garuda;
  if (typeof file !== 'string') return;
  let bytes: Buffer;
  try {
    bytes = readFileSync(resolve(file));
  } catch {
    throw new FileError(`อ่านไฟล์ตราครุฑ “${file}” ไม่ได้ กรุณาตรวจชื่อไฟล์และตำแหน่งของไฟล์`);
  }
  const result = rt.run<GarudaUploadResult>(
    'sidebarSaveGaruda',
    bytes.toString('base64'),
    basename(file),
  );
  if (!result.ok) throw new FileError(result.message);
}

async function validate(arg: string, values: Values): Promise<number> {
  const json = values.json === true;
  const path = requireXlsx(arg);
  const drive = tempDir();
  try {
    const rt = await open(path, drive);
    uploadGaruda(rt, values);
    const check = rt.run<CheckResult>('sidebarCheck');
    const issues = check.findings.map((f) => ({
      severity: f.severity,
      sheet: f.sheet,
      cell: f.cell,
      rule: f.rule,
      message: f.message,
    }));
    if (json) {
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

/** Room for the ` (999)` that keeps two memos of one second apart. */
const DUPLICATE_SUFFIX_BYTES = 8;

/**
 * Copies the PDF into `out` and reserves the DOCX's name beside it (an empty file, written when
 * the DOCX is rendered), under one new name: the memo's name, or the first `name (n)` that
 * neither file has. Both are created exclusively, so two runs in one second never overwrite each
 * other's memo.
 */
function placeMemoFiles(out: string, memoName: string, pdfSource: string) {
  const stem = safeFileName(memoName, { reserveBytes: DUPLICATE_SUFFIX_BYTES + '.docx'.length });
  mkdirSync(out, { recursive: true });
  for (let n = 1; ; n++) {
    const name = n === 1 ? stem : `${stem} (${n})`;
    const pdf = join(out, `${name}.pdf`);
    const docx = join(out, `${name}.docx`);
    try {
      copyFileSync(pdfSource, pdf, constants.COPYFILE_EXCL);
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    try {
      writeFileSync(docx, '', { flag: 'wx' });
    } catch (err) {
      rmSync(pdf, { force: true });
      if ((err as NodeJS.ErrnoException).code === 'EEXIST') continue;
      throw err;
    }
    return { pdf, docx };
  }
}

async function yearStep(step: YearStep, arg: string, values: Values): Promise<number> {
  const path = requireXlsx(arg);
  const out = typeof values.out === 'string' ? requireXlsx(values.out) : path;
  if (!existsSync(path)) throw new FileError(unreadableWorkbookMessage(path, { code: 'ENOENT' }));
  const drive = tempDir();
  try {
    // Read, change and write back under the workbook's lock, as generate does.
    return await withWorkbookLock(path, () =>
      runYearStep(step, path, out, values.yes === true, (p) => open(p, drive)),
    );
  } catch (err) {
    if (err instanceof WorkbookLockTimeout) {
      throw new FileError(
        `สมุดงาน “${basename(path)}” กำลังถูกใช้โดยอีกงานหนึ่งนานเกินไป กรุณารอให้งานนั้นเสร็จแล้วลองใหม่`,
      );
    }
    throw err;
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
}

async function generate(arg: string, values: Values): Promise<number> {
  const path = requireXlsx(arg);
  if (typeof values.out !== 'string')
    throw new UsageError('generate: กรุณาระบุ --out <dir> (โฟลเดอร์ที่จะเขียนไฟล์ PDF และ DOCX)');
  const out = resolve(values.out);
  const inPlace = values['in-place'] === true;
  const entry = values['same-doc'] === true ? 'sidebarRegenerate' : 'sidebarGenerate';
  if (!existsSync(path)) throw new FileError(unreadableWorkbookMessage(path, { code: 'ENOENT' }));
  if (!inPlace && sameFile(path, join(out, basename(path))))
    throw new FileError(
      `โฟลเดอร์ --out “${values.out}” เป็นโฟลเดอร์เดียวกับที่เก็บสมุดงาน “${basename(path)}” ` +
        'สำเนาสมุดงานที่บันทึกประวัติการสร้างจะทับไฟล์เดิม จึงยังไม่ได้สร้างบันทึกข้อความ ' +
        'กรุณาเลือกโฟลเดอร์อื่น หรือใช้ --in-place เพื่อบันทึกประวัติลงในสมุดงานนี้โดยตรง',
    );
  const renderer = new RenderWorkers(started);
  try {
    // Read, generate and write back under the workbook's lock: another run on this workbook
    // waits, then reads what this one wrote.
    return await withWorkbookLock(path, () =>
      generateLocked(path, out, inPlace, entry, renderer, values),
    );
  } catch (err) {
    if (err instanceof WorkbookLockTimeout) {
      throw new FileError(
        `สมุดงาน “${basename(path)}” กำลังถูกใช้สร้างบันทึกข้อความโดยอีกงานหนึ่งนานเกินไป กรุณารอให้งานนั้นเสร็จแล้วลองใหม่`,
      );
    }
    throw err;
  } finally {
    // Not awaited: the process exits right after and takes the threads with it.
    renderer.close();
  }
}

/** Whether two paths name one file (through a symbolic or hard link too); false if either is missing. */
function sameFile(a: string, b: string): boolean {
  try {
    const [x, y] = [statSync(a), statSync(b)];
    return x.dev === y.dev && x.ino === y.ino;
  } catch {
    return false;
  }
}

async function generateLocked(
  path: string,
  out: string,
  inPlace: boolean,
  entry: 'sidebarGenerate' | 'sidebarRegenerate',
  renderer: RenderWorkers,
  values: Values,
): Promise<number> {
  const existed = existsSync(out);
  const driveDir = join(out, '.drive');
  phase('start');
  const rt = await open(path, driveDir, renderer);
  phase('workbook read, bundle loaded');
  uploadGaruda(rt, values);
  // Confirmed at once: the sidebar asks before going on with warnings, the command line prints
  // them (below) and goes on, so the workbook is read and checked once.
  const result = rt.run<GenerateResult>(entry, true, values.yes === true);
  phase('memo generated (Doc filled, PDF rendered)');
  if (result.status === 'done' && result.check.warnings > 0) {
    console.log(summary(result.check));
    printFindings(result.check.findings, (s) => console.log(s));
  }
  if (result.status !== 'done') {
    if (result.status === 'blocked') {
      console.error(`${basename(path)}: ยังสร้างบันทึกข้อความไม่ได้: ${summary(result.check)}`);
      printFindings(result.check.findings, (s) => console.error(s));
    } else if (result.status === 'failed') {
      console.error(`สร้างบันทึกข้อความไม่สำเร็จ: ${withCommandLine(result.message)}`);
    } else if (result.status === 'edited') {
      console.error(`${withCommandLine(result.message)} (ใช้ --yes เพื่อเขียนทับ)`);
    }
    // Exit 1 writes nothing: neither workbook is saved, and a folder this run made goes.
    if (!existed) rmSync(out, { recursive: true, force: true });
    return 1;
  }
  const stored = rt.drive.contentPath(idOf(result.links.pdfUrl));
  if (!stored) throw new Error(`the PDF ${result.links.pdfUrl} is not in the local Drive`);
  const workbookOut = inPlace ? path : join(out, basename(path));
  const files = placeMemoFiles(out, result.links.pdfName.replace(/\.pdf$/i, ''), stored);
  linkLogToFiles(
    rt.workbook,
    workbookOut,
    new Map([
      [result.links.docUrl, files.docx],
      [result.links.pdfUrl, files.pdf],
    ]),
  );
  // The DOCX of the Doc just exported as PDF, rendered while the workbook is saved.
  const [docx] = await Promise.all([renderer.docxOfLastPdf(), rt.saveWorkbook(workbookOut)]);
  writeFileSync(files.docx, docx);
  phase('DOCX rendered, workbook saved');
  console.log(files.pdf);
  console.log(files.docx);
  console.log(workbookOut);
  return 0;
}

// ---- The review steps ---------------------------------------------------------------------

/** A review step on an opened workbook: returns the exit code. */
type StepWork = (rt: Runtime, values: Values, out: string, workbook: string) => number;

/**
 * Runs a review step as `--as` (default: the runtime's staff user) on the memo `generate` wrote
 * into `--out`, under the workbook's lock, and writes the workbook back in place when it succeeds
 * (the step is recorded in ประวัติ; exit 1 writes nothing).
 */
async function reviewStep(
  name: string,
  arg: string,
  values: Values,
  work: StepWork,
): Promise<number> {
  const path = requireXlsx(arg);
  if (typeof values.out !== 'string')
    throw new UsageError(`${name}: กรุณาระบุ --out <dir> (โฟลเดอร์ที่ generate เขียนบันทึกข้อความไว้)`);
  const out = resolve(values.out);
  const user = typeof values.as === 'string' ? values.as.trim() : undefined;
  if (user !== undefined && !/^[^\s@]+@[^\s@]+$/.test(user))
    throw new UsageError(`${name}: --as ต้องตามด้วยอีเมล เช่น --as nayok@example.go.th`);
  if (!existsSync(path)) throw new FileError(unreadableWorkbookMessage(path, { code: 'ENOENT' }));
  if (!existsSync(join(out, '.drive')))
    throw new FileError(
      `ไม่พบบันทึกข้อความในโฟลเดอร์ “${out}” กรุณาสร้างด้วย generate ${basename(path)} --out ${values.out} --in-place ก่อน`,
    );
  try {
    return await withWorkbookLock(path, async () => {
      const rt = await open(path, join(out, '.drive'), undefined, user);
      const code = work(rt, values, out, path);
      if (code === 0) await rt.saveWorkbook(path);
      return code;
    });
  } catch (err) {
    if (err instanceof WorkbookLockTimeout) {
      throw new FileError(
        `สมุดงาน “${basename(path)}” กำลังถูกใช้โดยอีกงานหนึ่งนานเกินไป กรุณารอให้งานนั้นเสร็จแล้วลองใหม่`,
      );
    }
    throw err;
  }
}

/** Prints a step's Thai answer: stdout when done, stderr otherwise (exit 1). */
function said(result: { status: string; message: string }, hint = ''): number {
  if (result.status === 'done') {
    console.log(withCommandLine(result.message));
    return 0;
  }
  console.error(`${withCommandLine(result.message)}${hint}`);
  return 1;
}

const send: StepWork = (rt) => said(rt.run<StepResult>('sidebarSend'));

const approve: StepWork = (rt, values) => {
  const result = rt.run<StepResult>('sidebarApprove', values.yes === true);
  return said(result, result.status === 'confirm' ? ' (ใช้ --yes เพื่อยืนยัน)' : '');
};

/** The reviewers' side of the Docs editor, on the current memo's Doc in the local Drive. */
const comment: StepWork = (rt, values) => {
  const who = rt.user;
  const text = typeof values.text === 'string' ? values.text : '';
  const modes = ['on', 'reply', 'resolve'].filter((k) => typeof values[k] === 'string');
  if (modes.length !== 1)
    throw new UsageError(
      'comment: กรุณาระบุอย่างใดอย่างหนึ่งเท่านั้น: --on <text>, --reply <id> หรือ --resolve <id|all>',
    );
  if (modes[0] !== 'resolve' && !text)
    throw new UsageError('comment: กรุณาระบุ --text <message> (ข้อความของความเห็น)');
  const memo = rt.run<ReviewState>('sidebarReview').memo;
  if (!memo) {
    console.error('ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้ generate --in-place ก่อน');
    return 1;
  }
  const docId = idOf(memo.docUrl);
  if (!rt.drive.can(docId, 'commenter')) {
    console.error(
      `${who} ยังไม่มีสิทธิ์แสดงความคิดเห็นในบันทึกข้อความนี้ กรุณาใช้ send ก่อน (ผู้ตรวจต้องมีอีเมลในแท็บผู้ลงนาม)`,
    );
    return 1;
  }
  if (typeof values.on === 'string') {
    const n = Number(values.occurrence ?? 1);
    if (!Number.isInteger(n) || n < 1)
      throw new UsageError('comment: --occurrence ต้องเป็นจำนวนเต็มตั้งแต่ 1 ขึ้นไป');
    try {
      console.log(rt.drive.addComment(docId, who, text, { quoted: values.on, occurrence: n }).id);
    } catch {
      const found = countText(rt.drive.readModel(docId), values.on);
      console.error(
        found === 0
          ? `ไม่พบข้อความ “${values.on}” ในบันทึกข้อความ (ความเห็นต้องอยู่บนข้อความในย่อหน้าเดียว)`
          : `พบ “${values.on}” ในบันทึกข้อความเพียง ${found} แห่ง จึงไม่มีแห่งที่ ${n} กรุณาระบุ --occurrence ตั้งแต่ 1 ถึง ${found}`,
      );
      return 1;
    }
    return 0;
  }
  const open = rt.drive.readComments(docId).filter((c) => !c.deleted && !c.resolved);
  const id = String(values.reply ?? values.resolve);
  const targets = values.resolve === 'all' ? open.map((c) => c.id) : [id];
  if (values.resolve !== 'all' && !rt.drive.readComments(docId).some((c) => c.id === id)) {
    console.error(`ไม่พบความเห็นรหัส ${id} ในบันทึกข้อความ`);
    return 1;
  }
  for (const t of targets)
    rt.drive.replyToComment(
      docId,
      t,
      who,
      text,
      typeof values.resolve === 'string' ? 'resolve' : undefined,
    );
  console.log(targets.join('\n'));
  return 0;
};

/**
 * After acting in the Doc, the memo's row in ประวัติ catches up as the sidebar of the person who
 * made the memo would (their add-on is the one that may read its comments).
 */
const commentAndRefresh: StepWork = (rt, values, out, workbook) => {
  const code = comment(rt, values, out, workbook);
  const maker = rt.run<ReviewState>('sidebarReview').memo?.by;
  if (code === 0 && maker) rt.as(maker).run('sidebarReview');
  return code;
};

/**
 * The published PDF, also as a file in `out` under its Drive name, written over at each
 * publication (the same file every time, like the Drive file); ประวัติ links to it offline.
 */
const publish: StepWork = (rt, values, out, workbook) => {
  const result = rt.run<PublishResult>('sidebarPublish', values.yes === true);
  if (result.status !== 'done')
    return said(result, result.status === 'confirm' ? ' (ใช้ --yes เพื่อยืนยัน)' : '');
  const stored = rt.drive.contentPath(result.id);
  if (!stored) throw new Error(`the published PDF ${result.url} is not in the local Drive`);
  const path = join(
    out,
    `${safeFileName(rt.drive.fileInfo(result.id).name.replace(/\.pdf$/i, ''), { reserveBytes: 4 })}.pdf`,
  );
  copyFileSync(stored, path);
  linkLogToFiles(rt.workbook, workbook, new Map([[result.url, path]]));
  if (values.json === true) {
    const { id, url, revision } = result;
    process.stdout.write(`${JSON.stringify({ id, path, url, revision })}\n`);
  } else {
    console.log(withCommandLine(result.message));
    console.log(path);
  }
  return 0;
};

/**
 * parseArgs's error in Thai, the option as typed. Its messages: "Unknown option '--x'. …",
 * "Option '--out <value>' argument missing", "Option '--json' does not take an argument".
 */
function optionProblem(err: unknown): string {
  const { code, message } = err as { code?: string; message: string };
  const option = /'([^']+)'/.exec(message)?.[1].replace(/ <value>$/, '') ?? '';
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return `ไม่รู้จักตัวเลือก ${option}`;
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      return / argument missing/.test(message)
        ? `ตัวเลือก ${option} ต้องตามด้วยค่า`
        : `ตัวเลือก ${option} ไม่รับค่า`;
    default:
      return `ตัวเลือกไม่ถูกต้อง (${message})`;
  }
}

/** Parses the command line strictly against the command's table entry. */
function parse(argv: string[]): { command: Command; args: string[]; values: Values } {
  const [name, ...rest] = argv;
  if (name === undefined) throw new UsageError('กรุณาระบุคำสั่ง');
  if (name === '--help' || name === '-h') return { command: COMMANDS.help, args: [], values: {} };
  const command = Object.prototype.hasOwnProperty.call(COMMANDS, name) ? COMMANDS[name] : null;
  if (!command) throw new UsageError(`ไม่รู้จักคำสั่ง “${name}”`);
  const options: Options = {};
  for (const [option, { help: _help, value: _value, ...spec }] of Object.entries(command.options)) {
    options[option] = spec;
  }
  let parsed: ReturnType<typeof parseArgs>;
  try {
    parsed = parseArgs({ args: rest, options, allowPositionals: true, strict: true });
  } catch (err) {
    throw new UsageError(`${name}: ${optionProblem(err)}`);
  }
  const args = parsed.positionals;
  if (args.length < command.args.length) {
    throw new UsageError(`${name}: กรุณาระบุ <${command.args[args.length]}>`);
  }
  if (args.length > command.args.length) {
    throw new UsageError(
      `${name}: คำสั่งนี้รับเพียง ${command.args.map((a) => `<${a}>`).join(' ')} แต่มี “${args[command.args.length]}” เกินมา`,
    );
  }
  return { command, args, values: parsed.values as Values };
}

async function main(argv: string[]): Promise<number> {
  const { command, args, values } = parse(argv);
  return command.run(args, values);
}

main(process.argv.slice(2)).then(
  (code) => {
    phase('exit');
    process.exit(code);
  },
  (err) => {
    if (err instanceof UsageError) {
      console.error(`itamemo: ${err.message} ดูวิธีใช้ด้วยคำสั่ง npm run -s cli -- help`);
    } else if (err instanceof FileError) {
      console.error(`itamemo: ${err.message}`);
    } else {
      console.error(err);
    }
    process.exit(2);
  },
);
