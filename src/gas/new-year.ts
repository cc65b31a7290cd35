/**
 * "เริ่มปีงบประมาณใหม่" and "ยกเลิกการเริ่มปีงบประมาณใหม่" on the spreadsheet: the core plans
 * (src/core/new-year), this carries the plan out with batched calls — one read per tab, one
 * copy per archived tab, one write per range — under the document lock, planning again inside
 * it so two people at once cannot both run it.
 *
 * Sheet.copyTo(spreadsheet) copies a tab with its values, formats, notes and validation within
 * the same spreadsheet ("Copy of …"):
 * https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet).
 * The copy is then frozen to the values Sheets shows (Range.copyTo onto itself with
 * CopyPasteType.PASTE_VALUES, "Paste the values ONLY without formats, formulas or merges",
 * https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range,CopyPasteType,Boolean)):
 * a copied formula that reads a tab this step empties would otherwise change its value.
 *
 * The undo puts each copy's cells back into the working tab (Range.copyTo: "Both the values and
 * formatting are copied") and deletes the copy. The working tab is never deleted: deleting a
 * sheet turns formulas elsewhere that refer to it into #REF!, changes its id (links to it break)
 * and drops its protections, filter views and charts.
 */
import {
  archivesOf,
  describeNewYear,
  describeNewYearDone,
  describeRestore,
  describeRestoreDone,
  hasSheet,
  planNewYear,
  planRestore,
  startLogNote,
  type GridRect,
  type NewYearPlan,
  type Planned,
  type RestorePlan,
} from '../core/new-year';
import { deriveContext } from '../core/validation/context';
import { YEAR_LOG_ACTIONS } from '../core/workbook/contract';
import { asLiteral } from '../core/workbook/literal';
import type { TabValues } from '../core/workbook/cells';
import type { YearStepAnswer } from '../shared/new-year-api';
import { underDocumentLock } from './lock';
import { appendLog } from './log';
import { clearMarks } from './marks';
import { ensureHistoryTab, formatYearColumn, protectHeader } from './setup';
import { readContractTabs, readSheet, utcOffsetMinutes } from './sheets';
import { forgetPublishedLink, keepPublishedLink, keptPublishedLink } from './state';
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
 * The tabs named like the hidden copies of these years (as Sheets compares names), read once
 * each: what the planners need to tell the add-on's copies from staff's tabs. None: no call.
 */
function readCopies(ss: Spreadsheet, names: readonly string[], years: number[]): TabValues {
  const copies: TabValues = {};
  for (const year of years) {
    for (const wanted of archivesOf(names, year)) {
      const name = names.find((n) => hasSheet([n], wanted));
      if (name !== undefined) copies[name] = readSheet(sheetNamed(ss, name));
    }
  }
  return copies;
}

/** The sheet's ปีงบประมาณ, for which copies to read; null when it has none. */
function fiscalYearOf(tabs: TabValues, options: { utcOffsetMinutes: number }): number | null {
  return deriveContext(tabs, options).fiscalYear ?? null;
}

/**
 * The plan from one read of each tab. For the confirmed year, a missing ผลย้อนหลัง is created
 * (by the set-up's own code) and read, and the step planned again; `created` is that tab, which a
 * failure takes back with the rest.
 */
function planStart(
  ss: Spreadsheet,
  createFor: number | null,
): { planned: Planned<NewYearPlan>; created: Sheet | null } {
  const { tabs, names } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  const year = fiscalYearOf(tabs, options);
  const copies = year === null ? {} : readCopies(ss, names, [year]);
  const planned = planNewYear(tabs, names, options, copies);
  if (!planned.ok || planned.plan.year !== createFor || planned.plan.history.sheet !== null) {
    return { planned, created: null };
  }
  const { sheet } = ensureHistoryTab(ss, null);
  tabs[sheet.getName()] = readSheet(sheet);
  const again = planNewYear(tabs, [...names, sheet.getName()], options, copies);
  if (again.ok) return { planned: again, created: sheet };
  ss.deleteSheet(sheet);
  return { planned: again, created: null };
}

/** What starting the new year would do (to confirm), or why it may not. Changes nothing. */
export function checkNewYear(ss: Spreadsheet): YearStepAnswer {
  return toConfirm(planStart(ss, null).planned, describeNewYear);
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

/**
 * The copy's formulas become the values they show (one read, and one write only when there is a
 * formula). Returns whether any formula stood in `clear`, the part of the tab that is emptied.
 */
function freeze(copy: Sheet, clear: GridRect | null): boolean {
  const range = copy.getDataRange();
  const formulas = range.getFormulas();
  if (!formulas.some((row) => row.some((f) => f !== ''))) return false;
  range.copyTo(range, SpreadsheetApp.CopyPasteType.PASTE_VALUES, false);
  if (!clear) return false;
  return formulas
    .slice(clear.row - 1, clear.row - 1 + clear.numRows)
    .some((row) => row.slice(clear.column - 1, clear.column - 1 + clear.numColumns).some((f) => f));
}

const reasonOf = (err: unknown) => (err as Error)?.message ?? String(err);

/** Where a failed start left the sheet. */
type Left =
  /** As it was (what was made was taken back). */
  | 'unchanged'
  /** The tabs as they were, but copies (or the year's column) could not all be taken back. */
  | 'extra'
  /** What was emptied was put back from the copies, and the copies taken back. */
  | 'restored'
  /** Some tabs were emptied and could not be put back: the copies hold everything. */
  | 'copies';

class StartFailed extends Error {
  constructor(
    readonly error: unknown,
    readonly left: Left,
    /** Cleared cells that held formulas: put back as their values. */
    readonly formulas: boolean,
  ) {
    super(reasonOf(error));
  }
}

/** Runs the undo steps, newest first. */
function takeBack(undo: (() => void)[]): void {
  for (const u of [...undo].reverse()) u();
}

function carryOutStart(ss: Spreadsheet, plan: NewYearPlan, created: Sheet | null): void {
  const undo: (() => void)[] = [];
  if (created) undo.push(() => ss.deleteSheet(created));
  const copies: Sheet[] = [];
  /** Per archived tab: whether a formula stood in the part that is emptied. */
  const formulas: boolean[] = [];
  try {
    for (const a of plan.archives) {
      const copy = sheetNamed(ss, a.sheet).copyTo(ss);
      undo.push(() => ss.deleteSheet(copy));
      copy.setName(a.archive);
      copy.hideSheet();
      formulas.push(freeze(copy, a.clear));
      copies.push(copy);
    }
    writeHistory(ss, plan, undo);
  } catch (err) {
    // Nothing was emptied yet: take back what was made, and the sheet is as it was.
    try {
      takeBack(undo);
    } catch {
      throw new StartFailed(err, 'extra', false);
    }
    throw new StartFailed(err, 'unchanged', false);
  }
  // From here on the copies hold everything that is emptied, and the property the link.
  const emptied: number[] = [];
  const link = plan.publishedLink;
  let linkCleared = false;
  try {
    plan.archives.forEach((a, i) => {
      if (!a.clear) return;
      emptied.push(i);
      const range = rangeOf(sheetNamed(ss, a.sheet), a.clear);
      range.clearContent();
      range.clearNote();
      clearMarks(range);
    });
    if (link) {
      keepPublishedLink(plan.year, link.value);
      linkCleared = true;
      sheetNamed(ss, link.sheet).getRange(link.cell).clearContent();
    }
    const fy = plan.fiscalYear;
    sheetNamed(ss, fy.sheet).getRange(fy.cell).setValue(asLiteral(fy.value));
  } catch (err) {
    // Put back what was (or was being) emptied, the tabs not reached staying as they are, then
    // take back the copies and the year's column.
    const lost = emptied.some((i) => formulas[i]);
    try {
      if (link && linkCleared) {
        sheetNamed(ss, link.sheet).getRange(link.cell).setValue(asLiteral(link.value));
        forgetPublishedLink(plan.year);
      }
      for (const i of emptied) {
        const clear = plan.archives[i].clear as GridRect;
        rangeOf(copies[i], clear).copyTo(rangeOf(sheetNamed(ss, plan.archives[i].sheet), clear));
      }
    } catch {
      throw new StartFailed(err, 'copies', lost);
    }
    try {
      takeBack(undo);
    } catch {
      throw new StartFailed(err, 'extra', lost);
    }
    throw new StartFailed(err, 'restored', lost);
  }
}

/** What a failed start left, in Thai, so the message says only what is true. */
function startFailedNote(ss: Spreadsheet, plan: NewYearPlan, err: unknown): string {
  const left = err instanceof StartFailed ? err.left : 'copies';
  const formulas =
    err instanceof StartFailed && err.formulas
      ? ' (เซลล์ที่เคยเป็นสูตรในส่วนที่ล้างไปกลับมาเป็นค่าที่คำนวณไว้)'
      : '';
  const made = plan.archives.filter((a) => ss.getSheetByName(a.archive) !== null);
  const undo = 'ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อจัดการให้เรียบร้อย';
  switch (left) {
    case 'unchanged':
      return 'ชีตยังเหมือนเดิม';
    case 'restored':
      return `ระบบนำข้อมูลที่ล้างไปแล้วกลับมาจากสำเนาและลบสำเนาออกแล้ว ชีตกลับเป็นเหมือนก่อนสั่ง${formulas}`;
    case 'extra':
      return `ข้อมูลในแท็บเดิมยังอยู่ครบ${formulas} แต่ระบบยังลบสิ่งที่สร้างไว้ออกไม่หมด${made.length ? ` (แท็บ ${made.map((a) => `“${a.archive}”`).join(' ')})` : ''} ${undo}`;
    case 'copies':
      return `บางแท็บถูกล้างไปแล้ว แต่ข้อมูลทั้งหมดของปี ${plan.year} อยู่ในแท็บที่เก็บไว้ ${made.map((a) => `“${a.archive}”`).join(' ')} ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำกลับมา`;
  }
}

function logged(ss: Spreadsheet, action: string, status: string, note: string): void {
  appendLog(ss, { time: new Date(), user: activeUserEmail(), action, status, note });
}

/** A confirmed step: planned again under the lock, carried out, recorded in ประวัติ. */
interface Step<P> {
  /** As ประวัติ records it. */
  readonly action: string;
  readonly plan: () => Planned<P>;
  /** The year the confirmation was for. */
  readonly year: (plan: P) => number;
  readonly carryOut: (plan: P) => void;
  /** What the sheet holds after a failure with this error. */
  readonly failed: (plan: P, err: unknown) => string;
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
        const message = step.failed(plan, err);
        logged(ss, step.action, 'ไม่สำเร็จ', message);
        return { status: 'failed', message };
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
  let created: Sheet | null = null;
  return confirmedStep<NewYearPlan>(ss, year, {
    action: YEAR_LOG_ACTIONS.start,
    plan: () => {
      const start = planStart(ss, year);
      created = start.created;
      return start.planned;
    },
    year: (plan) => plan.year,
    carryOut: (plan) => carryOutStart(ss, plan, created),
    failed: (plan, err) =>
      `เริ่มปีงบประมาณใหม่ไม่สำเร็จ (${reasonOf(err)}) ${startFailedNote(ss, plan, err)}`,
    done: (plan) => ({
      fiscalYear: plan.next,
      message: describeNewYearDone(plan),
      note: startLogNote(plan),
    }),
  });
}

// ---- The undo ---------------------------------------------------------------------------------

function planUndo(ss: Spreadsheet): Planned<RestorePlan> {
  const { tabs, names } = readContractTabs(ss);
  const options = { utcOffsetMinutes: utcOffsetMinutes(ss) };
  // The copies of this year (a start that stopped midway) and of the year before (a finished one).
  const year = fiscalYearOf(tabs, options);
  const copies = year === null ? {} : readCopies(ss, names, [year, year - 1]);
  return planRestore(tabs, names, copies, options);
}

/** What undoing the last start would do (to confirm), or why it may not. Changes nothing. */
export function checkRestore(ss: Spreadsheet): YearStepAnswer {
  return toConfirm(planUndo(ss), describeRestore);
}

/**
 * The column first (its scores are in the copy of คะแนน), then each tab from its copy, the copy
 * deleted only once its cells are back, and ปีงบประมาณ last: a failure anywhere leaves a sheet
 * the undo can be run on again to finish.
 */
function carryOutRestore(ss: Spreadsheet, plan: RestorePlan): void {
  if (plan.historyColumn) {
    const range = rangeOf(sheetNamed(ss, plan.historyColumn.sheet), plan.historyColumn.range);
    range.clearContent();
    range.clearNote();
  }
  for (const t of plan.tabs) {
    const copy = sheetNamed(ss, t.archive);
    if (t.sheet === null) {
      // The working tab is gone: nothing can refer to it, so the copy takes its name.
      copy.setName(t.tab);
      copy.showSheet();
      protectHeader(copy, copy.getLastColumn());
      continue;
    }
    const working = sheetNamed(ss, t.sheet);
    if (!t.same) rangeOf(copy, t.range).copyTo(rangeOf(working, t.range));
    for (const b of t.beyond) {
      const range = rangeOf(working, b);
      range.clearContent();
      range.clearNote();
    }
    ss.deleteSheet(copy);
  }
  const fy = plan.fiscalYear;
  if (fy) sheetNamed(ss, fy.sheet).getRange(fy.cell).setValue(asLiteral(fy.value));
  restorePublishedLink(ss, plan);
}

/**
 * Puts back the ลิงก์เผยแพร่ the start cleared, when the cell is still blank (a link typed since
 * is staff's and stays; last year's is then in ประวัติ). Returns the link put back, or null.
 */
function restorePublishedLink(ss: Spreadsheet, plan: RestorePlan): string | null {
  // ประวัติ's note first (it travels with the workbook); the property for a start that stopped
  // after clearing the cell but before it could write its ประวัติ row.
  const kept = plan.clearedLink ?? keptPublishedLink(plan.year);
  forgetPublishedLink(plan.year);
  if (!kept) return null;
  const cell = plan.publishedLink;
  const put = cell !== null && cell.value === null;
  if (put) sheetNamed(ss, cell.sheet).getRange(cell.cell).setValue(asLiteral(kept));
  return put ? kept : null;
}

/** Undoes the start of `year + 1` (finished or stopped midway), bringing `year` back. */
export function restoreYear(ss: Spreadsheet, year: number): YearStepAnswer {
  return confirmedStep<RestorePlan>(ss, year, {
    action: YEAR_LOG_ACTIONS.restore,
    plan: () => planUndo(ss),
    year: (plan) => plan.year,
    carryOut: (plan) => carryOutRestore(ss, plan),
    failed: (plan, err) =>
      `ย้อนกลับได้ไม่ครบทุกขั้น (${reasonOf(err)}) ข้อมูลไม่สูญหาย: ข้อมูลปี ${plan.year} ที่ยังไม่ได้นำกลับยังอยู่ในแท็บที่ชื่อลงท้ายด้วย “ปี ${plan.year}” กรุณาสั่ง “ยกเลิกการเริ่มปีงบประมาณใหม่” อีกครั้ง ระบบจะทำขั้นที่เหลือต่อ`,
    done: (plan) => ({
      fiscalYear: plan.year,
      message: describeRestoreDone(plan),
      note: plan.interrupted
        ? `นำข้อมูลปีงบประมาณ ${plan.year} กลับจากการเริ่มปี ${plan.undone} ที่ไม่เสร็จ`
        : `ปีงบประมาณ ${plan.undone} → ${plan.year}`,
    }),
  });
}
