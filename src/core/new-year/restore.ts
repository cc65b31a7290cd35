/**
 * "ยกเลิกการเริ่มปีงบประมาณใหม่": the exact undo of "เริ่มปีงบประมาณใหม่" while the new year is
 * still empty. The hidden copies (`คะแนน ปี 2568` …) take the place of the emptied tabs, the
 * year's column of ผลย้อนหลัง is cleared (its scores are back in คะแนน) and ปีงบประมาณ moves back.
 * Refused whenever something would be lost: data already typed for the new year, or a cell of
 * that column that differs from the copy.
 */
import { cellText, type TabValues } from '../workbook/cells';
import {
  archiveTabName,
  ARCHIVED_TABS,
  GENERAL_TAB,
  HISTORY_TAB,
  SCORES_TAB,
} from '../workbook/contract';
import { readHistory } from '../workbook/history-reader';
import { readGeneral, readScores, type ReadOptions } from '../workbook/reader';
import { findSheetName } from '../workbook/tabs';
import { isBuddhistEraYear } from '../thai/calendar';
import { listThai } from '../validation/describe';
import { toA1 } from '../workbook/a1';
import {
  filledRows,
  fiscalYearWrite,
  hasSheet,
  hundredthsOf,
  quotedList,
  refuse,
  type FiscalYearWrite,
  type GridRect,
  type Planned,
} from './common';

export interface RestoreStep {
  /** The contract's name, the working tab's name in the spreadsheet (null: none), the copy. */
  readonly tab: string;
  readonly sheet: string | null;
  readonly archive: string;
}

export interface RestorePlan {
  /** The year brought back, and the one undone. */
  readonly year: number;
  readonly undone: number;
  readonly tabs: readonly RestoreStep[];
  /** The year's column of ผลย้อนหลัง, cleared (header included); null when there is none. */
  readonly historyColumn: { readonly sheet: string; readonly range: GridRect } | null;
  readonly fiscalYear: FiscalYearWrite;
}

/** The hidden copies of a year that exist, by the contract's tab name. */
export function archivesOf(sheetNames: readonly string[], year: number): string[] {
  return ARCHIVED_TABS.map((t) => archiveTabName(t.name, year)).filter((n) =>
    hasSheet(sheetNames, n),
  );
}

/** What undoing the last "เริ่มปีงบประมาณใหม่" would do, or why it may not. */
export function planRestore(
  tabs: TabValues,
  sheetNames: readonly string[],
  /** The values of the copy of คะแนน (`คะแนน ปี 2568`), when it exists. */
  archivedScores: unknown[][] | null,
  options: ReadOptions = {},
): Planned<RestorePlan> {
  const general = readGeneral(tabs, options);
  const undone = general.data.fiscalYear.value;
  if (
    !general.tab ||
    undone === null ||
    !isBuddhistEraYear(undone) ||
    !general.data.fiscalYear.cell
  ) {
    return refuse(
      `ย้อนกลับไม่ได้ เพราะแท็บ “${GENERAL_TAB.name}” ไม่มีปีงบประมาณที่ถูกต้อง กรุณากรอกปีงบประมาณปัจจุบัน (ปีที่เริ่มไว้) ก่อน`,
    );
  }
  const year = undone - 1;
  const found = archivesOf(sheetNames, year);
  if (found.length === 0) {
    return refuse(
      `ไม่พบแท็บที่เก็บข้อมูลปีงบประมาณ ${year} (${quotedList(ARCHIVED_TABS.map((t) => archiveTabName(t.name, year)))}) จึงไม่มีอะไรให้ย้อนกลับ คำสั่งนี้ใช้หลังจากเริ่มปีงบประมาณ ${undone} ด้วยเมนู “เริ่มปีงบประมาณใหม่” เท่านั้น`,
    );
  }
  // The new year's tabs must still be empty: restoring replaces them.
  const typed: string[] = [];
  const steps: RestoreStep[] = [];
  for (const spec of ARCHIVED_TABS) {
    const archive = archiveTabName(spec.name, year);
    if (!hasSheet(sheetNames, archive)) continue;
    const sheet = findSheetName(tabs, spec);
    steps.push({ tab: spec.name, sheet, archive });
    if (sheet === null) continue;
    const rows = tabs[sheet] ?? [];
    const column = spec.key === 'scores' ? readScores(tabs, options).tab?.columns.score : undefined;
    const filled =
      spec.key === 'scores' ? (column ? filledRows(rows, [column]) : []) : filledRows(rows);
    if (filled.length) typed.push(`“${sheet}” ${filled.length} แถว`);
  }
  if (typed.length) {
    return refuse(
      `ย้อนกลับไปปีงบประมาณ ${year} ไม่ได้ เพราะได้กรอกข้อมูลของปี ${undone} ไว้แล้วในแท็บ ${listThai(typed)} การย้อนกลับจะนำข้อมูลปี ${year} มาแทนที่ข้อมูลเหล่านี้ หากต้องการย้อนกลับจริง กรุณาย้ายข้อมูลของปี ${undone} ไปเก็บไว้ที่อื่นแล้วล้างแท็บดังกล่าวก่อน`,
    );
  }
  const history = readHistory(tabs, options);
  const column = history.data.years.find((y) => y.year.value === year);
  let historyColumn: RestorePlan['historyColumn'] = null;
  if (history.tab && column) {
    // Every score in that column must be the copy's: clearing it then loses nothing.
    const copy = archivedScores
      ? readScores({ [SCORES_TAB.name]: archivedScores }, options).data
      : [];
    const copied = new Map<string, unknown>();
    for (const e of copy)
      if (e.code.value && !copied.has(e.code.value)) copied.set(e.code.value, e.score.raw);
    const index = history.data.years.indexOf(column);
    const differ: string[] = [];
    for (const entry of history.data.entries) {
      const cell = entry.scores[index];
      if (cellText(cell.raw) === null) continue;
      const code = entry.code.value;
      const original = code === null ? undefined : copied.get(code);
      if (original === undefined || hundredthsOf(original) !== hundredthsOf(cell.raw)) {
        differ.push(`${cell.cell} (${code ?? 'ไม่มีรหัส'})`);
      }
    }
    if (differ.length) {
      return refuse(
        `ย้อนกลับไม่ได้ เพราะคอลัมน์ปี ${year} ของแท็บ “${HISTORY_TAB.name}” มีคะแนนที่ไม่ตรงกับแท็บ “${archiveTabName(SCORES_TAB.name, year)}” ที่เก็บไว้ ได้แก่ ${listThai(differ)} การย้อนกลับจะล้างคอลัมน์นี้ กรุณาแก้ให้ตรงกันหรือคัดลอกคะแนนเหล่านี้ไปเก็บไว้ก่อน`,
      );
    }
    const rows = Math.max(1, ...filledRows(history.tab.rows, [column.column]));
    historyColumn = {
      sheet: history.tab.sheet,
      range: { row: 1, column: column.column, numRows: rows, numColumns: 1 },
    };
  }
  return {
    ok: true,
    plan: {
      year,
      undone,
      tabs: steps,
      historyColumn,
      fiscalYear: fiscalYearWrite(general.data, undone, year),
    },
  };
}

/** The confirmation of the undo. */
export function describeRestore(plan: RestorePlan): string {
  const { year, undone } = plan;
  const lines = [
    `ยกเลิกการเริ่มปีงบประมาณ ${undone} และกลับไปที่ปีงบประมาณ ${year} ระบบจะดำเนินการดังนี้`,
    `1. นำแท็บที่เก็บไว้ ${quotedList(plan.tabs.map((t) => t.archive))} กลับมาแทนแท็บ ${quotedList(plan.tabs.map((t) => t.tab))} ซึ่งยังว่างอยู่`,
  ];
  if (plan.historyColumn) {
    lines.push(
      `${lines.length}. ล้างคอลัมน์ “${year}” (${toA1(1, plan.historyColumn.range.column)}) ของแท็บ “${HISTORY_TAB.name}” เพราะคะแนนปี ${year} กลับไปอยู่ในแท็บ “${SCORES_TAB.name}” แล้ว`,
    );
  }
  lines.push(
    `${lines.length}. เปลี่ยนปีงบประมาณในแท็บ “${GENERAL_TAB.name}” จาก ${undone} กลับเป็น ${year}`,
    'ต้องการดำเนินการหรือไม่',
  );
  return lines.join('\n');
}

export function describeRestoreDone(plan: RestorePlan): string {
  return `กลับไปที่ปีงบประมาณ ${plan.year} แล้ว แท็บ ${quotedList(plan.tabs.map((t) => t.tab))} มีข้อมูลของปี ${plan.year} ครบเหมือนก่อนเริ่มปีงบประมาณ ${plan.undone}`;
}
