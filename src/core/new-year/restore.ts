/**
 * "ยกเลิกการเริ่มปีงบประมาณใหม่": the undo of "เริ่มปีงบประมาณใหม่" while the new year is still
 * empty. Each hidden copy (`คะแนน ปี 2568` …) is put back into its working tab, whose cells, notes
 * and formats become the copy's again (the tab itself stays: formulas elsewhere that refer to it,
 * its id and links, protections, filter views and charts are untouched), then the copy goes; the
 * year's column of ผลย้อนหลัง is cleared (its scores are back in คะแนน) and ปีงบประมาณ moves back.
 *
 * It also undoes a start that stopped midway (Google ends a run at 6 minutes; a failure while
 * clearing whose own repair failed): the copies of this very year exist, ปีงบประมาณ has not
 * moved, and each working tab is either emptied or still the same as its copy.
 *
 * Refused whenever something would be lost: data already typed for the new year, a cell of that
 * column that differs from the copy, or a tab that has a copy's name but is staff's own.
 */
import { cellText, type TabValues } from '../workbook/cells';
import {
  archiveTabName,
  ARCHIVED_TABS,
  GENERAL_TAB,
  HISTORY_TAB,
  LOG_DONE,
  LOG_TAB,
  SCORES_TAB,
  YEAR_LOG_ACTIONS,
} from '../workbook/contract';
import { readHistory } from '../workbook/history-reader';
import { readGeneral, readScores, type ReadOptions } from '../workbook/reader';
import { dataRows, findSheetName, locateTab, valueAt } from '../workbook/tabs';
import { isBuddhistEraYear } from '../thai/calendar';
import { listThai } from '../validation/describe';
import { columnLetters } from '../workbook/a1';
import {
  beyond,
  clearedLinkLabel,
  filledRows,
  fiscalYearWrite,
  hasSheet,
  hundredthsOf,
  isCopyOf,
  publishedLinkCell,
  quotedList,
  refuse,
  sameCells,
  startNoteHead,
  type FiscalYearWrite,
  type GridRect,
  type Planned,
  type PublishedLinkCell,
} from './common';

export interface RestoreStep {
  /** The contract's name, the working tab's name in the spreadsheet (null: none), the copy's. */
  readonly tab: string;
  readonly sheet: string | null;
  readonly archive: string;
  /** The copy's cells, from A1: put back at the same place in the working tab. */
  readonly range: GridRect;
  /** The working tab already holds what the copy holds (a start stopped before emptying it). */
  readonly same: boolean;
  /** Cells of the working tab beyond the copy that hold something: cleared. */
  readonly beyond: readonly GridRect[];
}

export interface RestorePlan {
  /** The year brought back, and the one undone. */
  readonly year: number;
  readonly undone: number;
  /** A start that stopped midway: ปีงบประมาณ never moved, so it is not written. */
  readonly interrupted: boolean;
  readonly tabs: readonly RestoreStep[];
  /** The year's column of ผลย้อนหลัง, cleared (header included); null when there is none. */
  readonly historyColumn: { readonly sheet: string; readonly range: GridRect } | null;
  readonly fiscalYear: FiscalYearWrite | null;
  /** ลิงก์เผยแพร่ as it is now: the undo puts last year's link back into it when it is blank. */
  readonly publishedLink: PublishedLinkCell | null;
  /** The link the start cleared, as its ประวัติ row names it; null when it cleared none. */
  readonly clearedLink: string | null;
}

/**
 * The ลิงก์เผยแพร่ the last finished start from `year` cleared, read from its ประวัติ row (the
 * newest one; none when an undo of it came after). Null when it cleared none.
 */
export function clearedLinkOf(tabs: TabValues, year: number): string | null {
  const { tab } = locateTab(tabs, LOG_TAB);
  if (!tab) return null;
  const rows = dataRows(tab);
  const head = startNoteHead(year);
  const label = `; ${clearedLinkLabel(year)}`;
  for (let i = rows.length - 1; i >= 0; i--) {
    if (cellText(valueAt(tab, rows[i], 'status')) !== LOG_DONE) continue;
    const action = cellText(valueAt(tab, rows[i], 'action'));
    if (action === YEAR_LOG_ACTIONS.restore) return null;
    if (action !== YEAR_LOG_ACTIONS.start) continue;
    const note = cellText(valueAt(tab, rows[i], 'note')) ?? '';
    if (!note.startsWith(head)) return null;
    const at = note.indexOf(label);
    if (at < 0) return null;
    const link = note.slice(at + label.length).split(/\s|;/)[0];
    return link || null;
  }
  return null;
}

/** The names of the hidden copies of a year that exist. */
export function archivesOf(sheetNames: readonly string[], year: number): string[] {
  return ARCHIVED_TABS.map((t) => archiveTabName(t.name, year)).filter((n) =>
    hasSheet(sheetNames, n),
  );
}

/** A copy from `archives` by its name (as Sheets compares names): the sheet's own name, values. */
export function archiveValues(
  archives: Readonly<Record<string, unknown[][]>>,
  name: string,
): { name: string; values: unknown[][] } {
  const key = Object.keys(archives).find((k) => hasSheet([k], name));
  return key === undefined ? { name, values: [] } : { name: key, values: archives[key] };
}

/** Refused when a tab has a copy's name but not a copy's content: staff's own tab. */
export function notCopiesMessage(names: readonly string[], year: number): string {
  return `แท็บ ${quotedList(names)} มีชื่อตรงกับแท็บที่ส่วนเสริมใช้เก็บข้อมูลปีงบประมาณ ${year} แต่ไม่ใช่สำเนาที่ส่วนเสริมสร้าง (หัวตารางไม่ตรงกับแท็บต้นฉบับ) ส่วนเสริมจึงไม่แตะต้องแท็บนี้ กรุณาเปลี่ยนชื่อแท็บดังกล่าว เช่น เป็น ${quotedList(names.map((n) => `${n} (เดิม)`))} แล้วสั่งอีกครั้ง`;
}

/** What undoing the last "เริ่มปีงบประมาณใหม่" would do, or why it may not. */
export function planRestore(
  tabs: TabValues,
  sheetNames: readonly string[],
  /** The values of each hidden copy that exists (`คะแนน ปี 2568` …), by its name. */
  archives: Readonly<Record<string, unknown[][]>>,
  options: ReadOptions = {},
): Planned<RestorePlan> {
  const general = readGeneral(tabs, options);
  const current = general.data.fiscalYear.value;
  if (
    !general.tab ||
    current === null ||
    !isBuddhistEraYear(current) ||
    !general.data.fiscalYear.cell
  ) {
    return refuse(
      `ย้อนกลับไม่ได้ เพราะแท็บ “${GENERAL_TAB.name}” ไม่มีปีงบประมาณที่ถูกต้อง กรุณากรอกปีงบประมาณปัจจุบัน (ปีที่เริ่มไว้) ก่อน`,
    );
  }
  // Copies of this very year: a start of the next one that stopped midway. Else the copies of
  // the year before: a finished start of this one.
  const interrupted = archivesOf(sheetNames, current).length > 0;
  const year = interrupted ? current : current - 1;
  const undone = year + 1;
  const found = archivesOf(sheetNames, year);
  if (found.length === 0) {
    return refuse(
      `ไม่พบแท็บที่เก็บข้อมูลปีงบประมาณ ${year} (${quotedList(ARCHIVED_TABS.map((t) => archiveTabName(t.name, year)))}) จึงไม่มีอะไรให้ย้อนกลับ คำสั่งนี้ใช้หลังจากเริ่มปีงบประมาณ ${undone} ด้วยเมนู “เริ่มปีงบประมาณใหม่” เท่านั้น`,
    );
  }
  // The new year's tabs must still be empty (or untouched): restoring replaces them.
  const typed: string[] = [];
  const notCopies: string[] = [];
  const steps: RestoreStep[] = [];
  for (const spec of ARCHIVED_TABS) {
    const wanted = archiveTabName(spec.name, year);
    if (!hasSheet(sheetNames, wanted)) continue;
    const { name: archive, values: copy } = archiveValues(archives, wanted);
    const sheet = findSheetName(tabs, spec);
    const rows = sheet === null ? null : (tabs[sheet] ?? []);
    if (!isCopyOf(copy, rows)) notCopies.push(archive);
    const same = rows !== null && sameCells(rows, copy);
    const width = Math.max(1, ...copy.map((r) => r.length));
    steps.push({
      tab: spec.name,
      sheet,
      archive,
      range: { row: 1, column: 1, numRows: Math.max(1, copy.length), numColumns: width },
      same,
      beyond: rows === null || same ? [] : beyond(rows, copy),
    });
    if (rows === null || same) continue;
    const column = spec.key === 'scores' ? readScores(tabs, options).tab?.columns.score : undefined;
    const filled =
      spec.key === 'scores' ? (column ? filledRows(rows, [column]) : []) : filledRows(rows);
    if (filled.length) typed.push(`“${sheet}” ${filled.length} แถว`);
  }
  if (notCopies.length) return refuse(notCopiesMessage(notCopies, year));
  if (typed.length) {
    return refuse(
      `ย้อนกลับไปปีงบประมาณ ${year} ไม่ได้ เพราะได้กรอกข้อมูลของปี ${undone} ไว้แล้วในแท็บ ${listThai(typed)} การย้อนกลับจะนำข้อมูลปี ${year} มาแทนที่ข้อมูลเหล่านี้ หากต้องการย้อนกลับจริง กรุณาย้ายข้อมูลของปี ${undone} ไปเก็บไว้ที่อื่นแล้วล้างแท็บดังกล่าวก่อน`,
    );
  }
  const history = readHistory(tabs, options);
  const column = history.data.years.find((y) => y.year.value === year);
  let historyColumn: RestorePlan['historyColumn'] = null;
  if (history.tab && column) {
    // Every score in that column must be the year's own: clearing it then loses nothing. The
    // year's scores are in the copy of คะแนน, or back in คะแนน when an earlier undo got that far.
    const scoresCopy = archiveTabName(SCORES_TAB.name, year);
    const own = hasSheet(sheetNames, scoresCopy)
      ? readScores({ [SCORES_TAB.name]: archiveValues(archives, scoresCopy).values }, options).data
      : readScores(tabs, options).data;
    const copied = new Map<string, unknown>();
    for (const e of own)
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
        `ย้อนกลับไม่ได้ เพราะคอลัมน์ปี ${year} ของแท็บ “${HISTORY_TAB.name}” มีคะแนนที่ไม่ตรงกับคะแนนปี ${year} ที่เก็บไว้ในแท็บ “${scoresCopy}” ได้แก่ ${listThai(differ)} การย้อนกลับจะล้างคอลัมน์นี้ กรุณาแก้ให้ตรงกันหรือคัดลอกคะแนนเหล่านี้ไปเก็บไว้ก่อน`,
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
      interrupted,
      tabs: steps,
      historyColumn,
      fiscalYear: interrupted ? null : fiscalYearWrite(general.data, undone, year),
      publishedLink: publishedLinkCell(general.data),
      clearedLink: interrupted ? null : clearedLinkOf(tabs, year),
    },
  };
}

/** The confirmation of the undo, in the order it is carried out. */
export function describeRestore(plan: RestorePlan): string {
  const { year, undone } = plan;
  const lines = [
    plan.interrupted
      ? `การเริ่มปีงบประมาณ ${undone} ครั้งก่อนหยุดไปกลางคัน (ปีงบประมาณยังเป็น ${year}) ระบบจะนำข้อมูลปี ${year} กลับมาให้ครบ ดังนี้`
      : `ยกเลิกการเริ่มปีงบประมาณ ${undone} และกลับไปที่ปีงบประมาณ ${year} ระบบจะดำเนินการดังนี้`,
  ];
  const step = (text: string) => lines.push(`${lines.length}. ${text}`);
  if (plan.historyColumn) {
    step(
      `ล้างคอลัมน์ “${year}” (คอลัมน์ ${columnLetters(plan.historyColumn.range.column)}) ของแท็บ “${HISTORY_TAB.name}” เพราะคะแนนปี ${year} จะกลับไปอยู่ในแท็บ “${SCORES_TAB.name}”`,
    );
  }
  const put = plan.tabs.filter((t) => t.sheet !== null && !t.same);
  if (put.length) {
    step(
      `นำข้อมูลปี ${year} จากแท็บที่เก็บไว้ ${quotedList(put.map((t) => t.archive))} กลับมาใส่ในแท็บ ${quotedList(put.map((t) => t.tab))} ซึ่งว่างอยู่ (ค่า หมายเหตุ และรูปแบบของเซลล์) แล้วลบแท็บที่เก็บไว้`,
    );
  }
  const same = plan.tabs.filter((t) => t.same);
  if (same.length) {
    step(
      `แท็บ ${quotedList(same.map((t) => t.tab))} ยังมีข้อมูลปี ${year} ครบอยู่แล้ว จึงลบเพียงแท็บที่เก็บไว้ ${quotedList(same.map((t) => t.archive))}`,
    );
  }
  for (const t of plan.tabs.filter((t) => t.sheet === null)) {
    step(`ไม่พบแท็บ “${t.tab}” จึงเปลี่ยนแท็บที่เก็บไว้ “${t.archive}” กลับเป็นแท็บ “${t.tab}”`);
  }
  if (plan.fiscalYear) {
    step(`เปลี่ยนปีงบประมาณในแท็บ “${GENERAL_TAB.name}” จาก ${undone} กลับเป็น ${year}`);
  }
  const link = plan.publishedLink;
  if (plan.clearedLink && link) {
    step(
      link.value === null
        ? `ใส่ “ลิงก์เผยแพร่” ของปี ${year} (${plan.clearedLink}) กลับในแท็บ “${GENERAL_TAB.name}” ตามที่บันทึกไว้ในแท็บ “${LOG_TAB.name}”`
        : `“ลิงก์เผยแพร่” ในแท็บ “${GENERAL_TAB.name}” มีลิงก์ที่กรอกไว้ใหม่ จึงคงไว้ตามเดิม ลิงก์ของปี ${year} (${plan.clearedLink}) ยังอยู่ในแท็บ “${LOG_TAB.name}”`,
    );
  }
  lines.push('ต้องการดำเนินการหรือไม่');
  return lines.join('\n');
}

export function describeRestoreDone(plan: RestorePlan): string {
  const where = `แท็บ ${quotedList(plan.tabs.map((t) => t.tab))} มีข้อมูลของปี ${plan.year} เหมือนก่อนเริ่มปีงบประมาณ ${plan.undone} (เซลล์ที่เคยเป็นสูตรกลับมาเป็นค่าที่คำนวณไว้ในขณะนั้น)`;
  return plan.interrupted
    ? `นำข้อมูลปีงบประมาณ ${plan.year} กลับมาครบแล้ว ${where} เริ่มปีงบประมาณ ${plan.undone} ใหม่ได้เมื่อพร้อม`
    : `กลับไปที่ปีงบประมาณ ${plan.year} แล้ว ${where}`;
}
