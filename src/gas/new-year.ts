/**
 * "เริ่มปีงบประมาณใหม่" and "ยกเลิกการเริ่มปีงบประมาณใหม่" on the spreadsheet: the core plans
 * (src/core/new-year), this carries the plan out with batched calls — one read per tab, one
 * copy per archived tab, one write per range — under the document lock, planning again inside
 * it so two people at once cannot both run it.
 *
 * Sheet.copyTo(spreadsheet) copies a tab with its values, formats, notes and validation within
 * the same spreadsheet ("Copy of …"):
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)
 */
import {
  describeNewYear,
  describeNewYearDone,
  describeRestore,
  describeRestoreDone,
  planNewYear,
  planRestore,
  type GridRect,
  type NewYearPlan,
  type Planned,
  type RestorePlan,
} from '../core/new-year';
import { deriveContext } from '../core/validation/context';
import { archiveTabName, SCORES_TAB } from '../core/workbook/contract';
import { asLiteral } from '../core/workbook/literal';
import type { YearStepAnswer } from '../shared/new-year-api';
import { underDocumentLock } from './lock';
import { appendLog } from './log';
import { clearMarks } from './marks';
import { ensureHistoryTab, formatYearColumn, protectHeader } from './setup';
import { readContractTabs, readSheet, utcOffsetMinutes } from './sheets';
import { activeUserEmail } from './team';

type Spreadsheet = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sheet = GoogleAppsScript.Spreadsheet.Sheet;

function rangeOf(sheet: Sheet, r: GridRect): GoogleAppsScript.Spreadsheet.Range {
  return sheet.getRange(r.row, r.column, r.numRows, r.numColumns);
}

function sheetNamed(ss: Spreadsheet, name: string): Sheet {
  const sheet = ss.getSheetByName(name);
  if (!sheet) throw new Error(`ไม่พบแท็บ “${name}”`);
  return sheet;
}

/**
 * The plan from one read of each tab. For the confirmed year, a missing ผลย้อนหลัง is created
 * (by the set-up's own code) and read, and the step planned again.
 */
function planStart(ss: Spreadsheet, createFor: number | null): Planned<NewYearPlan> {
  const { tabs, names } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  const planned = planNewYear(tabs, names, options);
  if (!planned.ok || planned.plan.year !== createFor || planned.plan.history.sheet !== null) {
    return planned;
  }
  const { sheet } = ensureHistoryTab(ss, null);
  tabs[sheet.getName()] = readSheet(sheet);
  return planNewYear(tabs, [...names, sheet.getName()], options);
}

/** What starting the new year would do (to confirm), or why it may not. Changes nothing. */
export function checkNewYear(ss: Spreadsheet): YearStepAnswer {
  return toConfirm(planStart(ss, null), describeNewYear);
}

/** A plan as the question to confirm (for its year), or the refusal. */
function toConfirm<P extends { year: number }>(
  planned: Planned<P>,
  describe: (plan: P) => string,
): YearStepAnswer {
  return planned.ok
    ? { status: 'confirm', fiscalYear: planned.plan.year, message: describe(planned.plan) }
    : { status: 'refused', message: planned.message };
}

/** The year's scores into ผลย้อนหลัง: appended code rows, then the year's column. */
function writeHistory(ss: Spreadsheet, plan: NewYearPlan, undo: (() => void)[]): void {
  const h = plan.history;
  const sheet = sheetNamed(ss, h.sheet as string);
  if (h.appended.length) {
    const first = h.appended[0].row;
    const rows = h.appended.length;
    const codes = sheet.getRange(first, h.codeColumn, rows, 1);
    const names = sheet.getRange(first, h.nameColumn, rows, 1);
    codes.setValues(h.appended.map((a) => [a.code]));
    names.setValues(h.appended.map((a) => [a.name]));
    undo.push(() => {
      codes.clearContent();
      names.clearContent();
    });
  }
  if (h.newColumn) {
    const last = Math.max(...h.cells.map((c) => c.row));
    const column = Array.from({ length: last }, (): unknown[] => ['']);
    for (const c of h.cells) column[c.row - 1] = [c.value];
    const range = sheet.getRange(1, h.column, last, 1);
    range.setValues(column);
    undo.push(() => range.clearContent());
    formatYearColumn(sheet, h.column);
  } else {
    // The column has staff data: only its blank cells are written, one by one (at most a row
    // per tool, so the count stays bounded).
    for (const c of h.cells) {
      const cell = sheet.getRange(c.row, h.column);
      cell.setValue(c.value);
      undo.push(() => cell.clearContent());
    }
  }
}

function carryOutStart(ss: Spreadsheet, plan: NewYearPlan): void {
  const undo: (() => void)[] = [];
  try {
    for (const a of plan.archives) {
      const copy = sheetNamed(ss, a.sheet).copyTo(ss);
      undo.push(() => ss.deleteSheet(copy));
      copy.setName(a.archive);
      copy.hideSheet();
    }
    writeHistory(ss, plan, undo);
  } catch (err) {
    // Nothing was cleared yet: take back what was made, and the sheet is as it was.
    for (const u of undo.reverse()) u();
    throw err;
  }
  // From here on the copies hold everything that is cleared.
  for (const a of plan.archives) {
    if (!a.clear) continue;
    const range = rangeOf(sheetNamed(ss, a.sheet), a.clear);
    range.clearContent();
    range.clearNote();
    clearMarks(range);
  }
  const fy = plan.fiscalYear;
  sheetNamed(ss, fy.sheet).getRange(fy.cell).setValue(asLiteral(fy.value));
}

function logged(ss: Spreadsheet, action: string, status: string, note: string): void {
  appendLog(ss, {
    time: new Date(),
    user: activeUserEmail(),
    action,
    status,
    note,
  });
}

/** A confirmed step: planned again under the lock, carried out, recorded in ประวัติ. */
interface Step<P> {
  /** As ประวัติ records it. */
  readonly action: string;
  readonly plan: () => Planned<P>;
  /** The year the confirmation was for. */
  readonly year: (plan: P) => number;
  readonly carryOut: (plan: P) => void;
  /** What the sheet holds after a failure with this reason. */
  readonly failed: (plan: P, reason: string) => string;
  readonly done: (plan: P) => { fiscalYear: number; message: string; note: string };
}

function confirmedStep<P>(ss: Spreadsheet, year: number, step: Step<P>): YearStepAnswer {
  return underDocumentLock<YearStepAnswer>(
    () => {
      const planned = step.plan();
      if (!planned.ok) return { status: 'refused', message: planned.message };
      const plan = planned.plan;
      if (step.year(plan) !== year) {
        return {
          status: 'refused',
          message: `ปีงบประมาณในชีตเปลี่ยนไประหว่างที่รอการยืนยัน (ตอนนี้คือ ${step.year(plan)}) ระบบจึงยังไม่ได้ทำอะไร กรุณาสั่งอีกครั้ง`,
        };
      }
      try {
        step.carryOut(plan);
      } catch (err) {
        const reason = (err as Error)?.message ?? String(err);
        logged(ss, step.action, 'ไม่สำเร็จ', reason);
        return { status: 'failed', message: step.failed(plan, reason) };
      }
      const done = step.done(plan);
      logged(ss, step.action, 'สำเร็จ', done.note);
      return { status: 'done', fiscalYear: done.fiscalYear, message: done.message };
    },
    (message) => ({ status: 'refused', message }),
  );
}

/**
 * Starts the new fiscal year confirmed for `year` (the year that ends). Refused when the sheet
 * changed meanwhile (another person ran it, the year was edited).
 */
export function startNewYear(ss: Spreadsheet, year: number): YearStepAnswer {
  return confirmedStep<NewYearPlan>(ss, year, {
    action: 'เริ่มปีงบประมาณใหม่',
    plan: () => planStart(ss, year),
    year: (plan) => plan.year,
    carryOut: (plan) => carryOutStart(ss, plan),
    failed: (plan, reason) =>
      `เริ่มปีงบประมาณใหม่ไม่สำเร็จ (${reason}) ข้อมูลปี ${plan.year} ยังอยู่ครบ: ${archivesNote(ss, plan)}`,
    done: (plan) => ({
      fiscalYear: plan.next,
      message: describeNewYearDone(plan),
      note: `ปีงบประมาณ ${plan.year} → ${plan.next}; เก็บข้อมูลปี ${plan.year} ไว้ในแท็บ ${plan.archives.map((a) => a.archive).join(', ')}`,
    }),
  });
}

/** Where the year's data is after a failure: in the working tabs, or in the copies if made. */
function archivesNote(ss: Spreadsheet, plan: NewYearPlan): string {
  const made = plan.archives.filter((a) => ss.getSheetByName(a.archive) !== null);
  return made.length
    ? `สำเนาอยู่ในแท็บ ${made.map((a) => `“${a.archive}”`).join(' ')} ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำกลับมาได้`
    : 'ชีตยังเหมือนเดิม';
}

// ---- The undo ---------------------------------------------------------------------------------

function planUndo(ss: Spreadsheet): Planned<RestorePlan> {
  const { tabs, names } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  // The copy of คะแนน of the year before the sheet's: ผลย้อนหลัง's column is checked against it.
  const undone = deriveContext(tabs, options).fiscalYear;
  const copy = undone ? ss.getSheetByName(archiveTabName(SCORES_TAB.name, undone - 1)) : null;
  return planRestore(tabs, names, copy ? readSheet(copy) : null, options);
}

/** What undoing the last start would do (to confirm), or why it may not. Changes nothing. */
export function checkRestore(ss: Spreadsheet): YearStepAnswer {
  return toConfirm(planUndo(ss), describeRestore);
}

function carryOutRestore(ss: Spreadsheet, plan: RestorePlan): void {
  for (const t of plan.tabs) {
    const copy = sheetNamed(ss, t.archive);
    const working = t.sheet === null ? null : ss.getSheetByName(t.sheet);
    const position = working ? working.getIndex() : ss.getSheets().length;
    if (working) ss.deleteSheet(working);
    copy.setName(t.sheet ?? t.tab);
    copy.showSheet();
    ss.setActiveSheet(copy);
    ss.moveActiveSheet(position);
    // A copy need not carry the header's warning: give it back.
    protectHeader(copy, copy.getLastColumn());
  }
  if (plan.historyColumn) {
    const range = rangeOf(sheetNamed(ss, plan.historyColumn.sheet), plan.historyColumn.range);
    range.clearContent();
    range.clearNote();
  }
  const fy = plan.fiscalYear;
  sheetNamed(ss, fy.sheet).getRange(fy.cell).setValue(asLiteral(fy.value));
}

/** Undoes the start of `year + 1`, bringing `year` back. */
export function restoreYear(ss: Spreadsheet, year: number): YearStepAnswer {
  return confirmedStep<RestorePlan>(ss, year, {
    action: 'ยกเลิกการเริ่มปีงบประมาณใหม่',
    plan: () => planUndo(ss),
    year: (plan) => plan.year,
    carryOut: (plan) => carryOutRestore(ss, plan),
    failed: (plan, reason) =>
      `ย้อนกลับได้ไม่ครบทุกขั้น (${reason}) ข้อมูลไม่สูญหาย: แท็บที่เก็บไว้ซึ่งยังไม่ได้นำกลับยังมีชื่อลงท้ายด้วย “ปี ${plan.year}” อยู่ กรุณาตรวจชีตแล้วสั่งอีกครั้ง`,
    done: (plan) => ({
      fiscalYear: plan.year,
      message: describeRestoreDone(plan),
      note: `ปีงบประมาณ ${plan.undone} → ${plan.year}`,
    }),
  });
}
