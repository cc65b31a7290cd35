/**
 * The commands `new-year BOOK.xlsx` and `restore-year BOOK.xlsx`: the add-on's own
 * "เริ่มปีงบประมาณใหม่" and its undo, run on an .xlsx. Each prints what it will do (the same Thai
 * confirmation as in Google Sheets), asks (or takes --yes), then writes the workbook in place or
 * to --out. A refusal or failure writes nothing. main.ts parses the command line and holds the
 * workbook's lock.
 */
import { createInterface } from 'node:readline/promises';
import type { YearStepAnswer } from '../shared/new-year-api';
import { withCommandLine } from './command-line-hint';
import type { Runtime } from './runtime';

export const YEAR_STEPS = {
  'new-year': {
    check: 'newYearCheck',
    run: 'newYearStart',
    summary:
      'start the next fiscal year: this year’s scores into ผลย้อนหลัง, คะแนน/ข้อเสนอแนะ/มาตรการ archived and cleared',
  },
  'restore-year': {
    check: 'newYearRestoreCheck',
    run: 'newYearRestore',
    summary: 'undo the last new-year while the new year is still empty',
  },
} as const;

export type YearStep = keyof typeof YEAR_STEPS;

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

/** Runs one step on `workbook` and saves the result to `target`; exit code 0 or 1. */
export async function runYearStep(
  step: YearStep,
  workbook: string,
  target: string,
  yes: boolean,
  open: (workbook: string) => Promise<Runtime>,
): Promise<number> {
  const rt = await open(workbook);
  const check = rt.run<YearStepAnswer>(YEAR_STEPS[step].check);
  if (check.status !== 'confirm') {
    console.error(withCommandLine(check.message));
    return 1;
  }
  // With --yes the answer is given already: the confirmation's closing question is not asked.
  const plan = yes ? check.message.replace(/\nต้องการ[^\n]*หรือไม่$/, '') : check.message;
  console.log(withCommandLine(plan));
  if (!(await confirmed(yes))) {
    console.error('ยังไม่ได้เปลี่ยนแปลงอะไร (ยืนยันด้วย --yes เมื่อไม่ได้พิมพ์ตอบในหน้าจอ)');
    return 1;
  }
  const result = rt.run<YearStepAnswer>(YEAR_STEPS[step].run, check.fiscalYear);
  if (result.status !== 'done') {
    console.error(withCommandLine(result.message));
    return 1;
  }
  await rt.saveWorkbook(target);
  console.log(withCommandLine(result.message));
  console.log(target);
  return 0;
}
