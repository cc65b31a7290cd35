/**
 * The commands `new-year BOOK.xlsx` and `restore-year BOOK.xlsx`: the add-on's own
 * "เริ่มปีงบประมาณใหม่" and its undo, run on an .xlsx. Each prints what it will do (the same Thai
 * confirmation as in Google Sheets), asks (or takes --yes), then writes the workbook in place or
 * to --out. A refusal or failure writes nothing.
 *
 * Kept apart from main.ts so the command table can take it as one entry.
 */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import type { YearStepAnswer } from '../shared/new-year-api';
import type { Runtime } from './runtime';

export interface YearCommandContext {
  /** Opens a workbook in the local runtime, as the other commands do. */
  open(workbook: string, driveDir: string): Promise<Runtime>;
  /** The CLI's usage error (exit 2). */
  usage(message: string): Error;
}

const STEPS = {
  'new-year': { check: 'newYearCheck', run: 'newYearStart' },
  'restore-year': { check: 'newYearRestoreCheck', run: 'newYearRestore' },
} as const;

type YearCommand = keyof typeof STEPS;

export const YEAR_USAGE = `  new-year <workbook.xlsx> [--yes] [--out <file.xlsx>]
                                           start the next fiscal year: this year's scores into
                                           ผลย้อนหลัง, คะแนน/ข้อเสนอแนะ/มาตรการ archived and cleared
  restore-year <workbook.xlsx> [--yes] [--out <file.xlsx>]
                                           undo the last new-year while the new year is empty`;

async function confirmed(yes: boolean): Promise<boolean> {
  if (yes) return true;
  if (!process.stdin.isTTY) return false;
  const rl = createInterface({ input: process.stdin, output: process.stdout });
  try {
    return /^(y|yes|ใช่)$/i.test((await rl.question('ดำเนินการต่อหรือไม่ (y/N) ')).trim());
  } finally {
    rl.close();
  }
}

async function runYearCommand(
  command: YearCommand,
  argv: string[],
  ctx: YearCommandContext,
): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: { yes: { type: 'boolean' }, out: { type: 'string' } },
    });
  } catch (err) {
    throw ctx.usage(`${command}: ${(err as Error).message}`);
  }
  const [path, ...extra] = parsed.positionals;
  if (!path || extra.length) throw ctx.usage(`${command}: one workbook path (.xlsx) is required`);
  if (!/\.xlsx$/i.test(path)) throw ctx.usage(`${command}: ${path} is not an .xlsx file`);
  const out = parsed.values.out;
  if (out !== undefined && !/\.xlsx$/i.test(out))
    throw ctx.usage(`${command}: --out ${out} is not an .xlsx file`);
  const workbook = resolve(path);
  if (!existsSync(workbook)) throw ctx.usage(`cannot read ${workbook}: no such file`);
  const drive = mkdtempSync(join(tmpdir(), 'itamemo-year-'));
  try {
    const rt = await ctx.open(workbook, drive);
    const check = rt.run<YearStepAnswer>(STEPS[command].check);
    if (check.status !== 'confirm') {
      console.error(check.message);
      return 1;
    }
    console.log(check.message);
    if (!(await confirmed(parsed.values.yes === true))) {
      console.error('ยังไม่ได้เปลี่ยนแปลงอะไร (ยืนยันด้วย --yes เมื่อไม่ได้พิมพ์ตอบในหน้าจอ)');
      return 1;
    }
    const result = rt.run<YearStepAnswer>(STEPS[command].run, check.fiscalYear);
    if (result.status !== 'done') {
      console.error(result.message);
      return 1;
    }
    const target = out === undefined ? workbook : resolve(out);
    await rt.saveWorkbook(target);
    console.log(result.message);
    console.log(target);
    return 0;
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
}

export const newYearCommand = (argv: string[], ctx: YearCommandContext) =>
  runYearCommand('new-year', argv, ctx);

export const restoreYearCommand = (argv: string[], ctx: YearCommandContext) =>
  runYearCommand('restore-year', argv, ctx);
