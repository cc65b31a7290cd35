/**
 * "เริ่มปีงบประมาณใหม่", planned from the workbook's values: this year's ITA, tool and part scores
 * go into a column of ผลย้อนหลัง; คะแนน, ข้อเสนอแนะ and มาตรการ are copied whole into hidden tabs
 * named with the year, then cleared; ปีงบประมาณ moves on by one. The plan says exactly what will
 * be written and cleared, or why nothing may be done, in Thai. It is pure: the Apps Script side
 * carries it out (src/gas/new-year.ts).
 */
import { MENU_LABEL } from '../../shared/menu';
import type { Hundredths } from '../ita/decimal';
import { formatHundredths } from '../ita/decimal';
import { isBuddhistEraYear } from '../thai/calendar';
import { listThai } from '../validation/describe';
import type { Finding } from '../validation/finding';
import { validateWorkbook } from '../validation';
import { cellText, type TabValues } from '../workbook/cells';
import {
  archiveTabName,
  ARCHIVED_TABS,
  GENERAL_TAB,
  HISTORY_TAB,
  historyRows,
  SCORES_TAB,
} from '../workbook/contract';
import { readHistory } from '../workbook/history-reader';
import { readGeneral, readScores, scoreValues, type ReadOptions } from '../workbook/reader';
import { findSheetName } from '../workbook/tabs';
import { toA1 } from '../workbook/a1';
import {
  clearedLinkLabel,
  dataRect,
  filledRows,
  fiscalYearWrite,
  hundredthsOf,
  isCopyOf,
  listFindings,
  publishedLinkCell,
  quotedList,
  refuse,
  startNoteHead,
  type FiscalYearWrite,
  type PublishedLinkCell,
  type GridRect,
  type Planned,
} from './common';
import { archiveValues, archivesOf, notCopiesMessage, planRestore } from './restore';

export interface ArchiveStep {
  /** The contract's name of the tab, and its name in the spreadsheet. */
  readonly tab: string;
  readonly sheet: string;
  /** The hidden copy: `คะแนน ปี 2568`. */
  readonly archive: string;
  /** What is cleared once the copy is made (null: nothing to clear). */
  readonly clear: GridRect | null;
  /** Rows with something in them among those cleared. */
  readonly rows: number;
}

export interface HistoryStep {
  /** ผลย้อนหลัง's name in the spreadsheet; null: the tab is created first, then planned again. */
  readonly sheet: string | null;
  /** The year's column (1-based); new: its header is written too. */
  readonly column: number;
  readonly newColumn: boolean;
  readonly codeColumn: number;
  readonly nameColumn: number;
  /** Rows added for codes the tab does not have yet. */
  readonly appended: readonly { row: number; code: string; name: string }[];
  /** Values for the year's column, by row (blank cells only, when the column exists). */
  readonly cells: readonly { row: number; value: number }[];
}

export interface NewYearPlan {
  /** The fiscal year that ends, and the one that starts. */
  readonly year: number;
  readonly next: number;
  /** The scores copied into ผลย้อนหลัง, in its row order. */
  readonly copied: readonly { code: string; value: Hundredths }[];
  readonly history: HistoryStep;
  readonly archives: readonly ArchiveStep[];
  readonly fiscalYear: FiscalYearWrite;
  /**
   * ลิงก์เผยแพร่, when it holds last year's published link: cleared, so that nothing shows last
   * year's report as this year's and this year's publication makes its own file. The link stays
   * in ประวัติ (the publication's row) and the undo puts it back.
   */
  readonly publishedLink: (PublishedLinkCell & { readonly value: string }) | null;
}

/** Errors that make copying or clearing unsafe: in คะแนน and ผลย้อนหลัง (but not this very year's
 * column of ผลย้อนหลัง, which the step itself settles). */
function blockingErrors(tabs: TabValues, options: ReadOptions, yearHeader: string | null) {
  const scores = findSheetName(tabs, SCORES_TAB);
  const history = findSheetName(tabs, HISTORY_TAB);
  return validateWorkbook(tabs, options).filter(
    (f: Finding) =>
      f.severity === 'error' &&
      (f.sheet === scores ||
        (f.sheet === history && !(f.rule === 'history-year-not-earlier' && f.cell === yearHeader))),
  );
}

/** The history step against the tab as it is: refused when the year's column disagrees. */
function historyStep(
  tabs: TabValues,
  options: ReadOptions,
  year: number,
  copied: NewYearPlan['copied'],
): Planned<HistoryStep> {
  const read = readHistory(tabs, options);
  if (!read.tab) {
    // Only described: the tab is created by the set-up's own code and the step planned again.
    const plan = { sheet: null, column: 3, newColumn: true, codeColumn: 1, nameColumn: 2 };
    return { ok: true, plan: { ...plan, appended: [], cells: [] } };
  }
  const tab = read.tab;
  const codeColumn = tab.columns.code as number;
  const nameColumn = tab.columns.name as number;
  const existing = read.data.years.find((y) => y.year.value === year);
  const width = Math.max(0, ...tab.rows.map((r) => r.length));
  const column = existing ? existing.column : width + 1;
  const filled = filledRows(tab.rows);
  let next = (filled.length ? filled[filled.length - 1] : 1) + 1;
  const rowOf = new Map<string, number>();
  for (const entry of read.data.entries) {
    const code = entry.code.value;
    if (code !== null && !rowOf.has(code)) rowOf.set(code, entry.row);
  }
  const names = new Map(historyRows(year).map((r) => [r.code, r.name]));
  const appended: HistoryStep['appended'][number][] = [];
  const cells: { row: number; value: number }[] = existing ? [] : [{ row: 1, value: year }];
  const conflicts: string[] = [];
  for (const c of copied) {
    let row = rowOf.get(c.code);
    if (row === undefined) {
      row = next++;
      appended.push({ row, code: c.code, name: names.get(c.code) ?? '' });
    }
    const raw = tab.rows[row - 1]?.[column - 1];
    if (!existing || cellText(raw) === null) {
      cells.push({ row, value: c.value / 100 });
    } else if (hundredthsOf(raw) !== c.value) {
      conflicts.push(
        `${toA1(row, column)} (${c.code}) มี “${cellText(raw)}” แต่แท็บคะแนนมี ${formatHundredths(c.value)}`,
      );
    }
  }
  if (conflicts.length) {
    return refuse(
      `แท็บ “${HISTORY_TAB.name}” มีคอลัมน์ปี ${year} อยู่แล้ว และคะแนนบางเซลล์ไม่ตรงกับแท็บ “${SCORES_TAB.name}”: ${listThai(conflicts)} ระบบจะไม่เขียนทับข้อมูลที่กรอกไว้ กรุณาแก้ให้ตรงกัน หรือลบคอลัมน์ปี ${year} ออก แล้วเริ่มปีงบประมาณใหม่อีกครั้ง`,
    );
  }
  return {
    ok: true,
    plan: {
      sheet: tab.sheet,
      column,
      newColumn: !existing,
      codeColumn,
      nameColumn,
      appended,
      cells,
    },
  };
}

/**
 * This year's copies' names are taken. Either by staff's own tabs (then say which name to
 * change), or by the add-on's copies: a start of the next year stopped midway, or ปีงบประมาณ set
 * back by hand after one. Then say so, and whether the undo can bring the year back or why not.
 */
function takenNames(
  tabs: TabValues,
  sheetNames: readonly string[],
  archives: Readonly<Record<string, unknown[][]>>,
  options: ReadOptions,
  year: number,
  taken: readonly string[],
): Planned<NewYearPlan> {
  const notCopies = ARCHIVED_TABS.filter((spec) => {
    const name = archiveTabName(spec.name, year);
    const sheet = findSheetName(tabs, spec);
    return (
      taken.includes(name) &&
      !isCopyOf(archiveValues(archives, name).values, sheet === null ? null : (tabs[sheet] ?? []))
    );
  }).map((spec) => archiveTabName(spec.name, year));
  if (notCopies.length) return refuse(notCopiesMessage(notCopies, year));
  const undo = planRestore(tabs, sheetNames, archives, options);
  const then = undo.ok
    ? `ให้ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” เพื่อนำข้อมูลปี ${year} จากแท็บเหล่านั้นกลับมาก่อน แล้วจึงเริ่มปีงบประมาณ ${year + 1} อีกครั้ง`
    : `ส่วนเมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” ก็ยังใช้ไม่ได้: ${undo.message}`;
  return refuse(
    `ปีงบประมาณ ${year} ถูกเก็บไว้แล้วในแท็บ ${quotedList(taken)} แสดงว่าเคยเริ่มปีงบประมาณ ${year + 1} จากปีนี้ไปแล้วแต่ไม่เสร็จ หรือมีการแก้ปีงบประมาณกลับเป็น ${year} เอง ระบบจึงไม่ทำซ้ำเพื่อไม่ให้ข้อมูลที่เก็บไว้ถูกเขียนทับ ${then}`,
  );
}

/** What "เริ่มปีงบประมาณใหม่" would do to this workbook, or why it may not. */
export function planNewYear(
  tabs: TabValues,
  sheetNames: readonly string[],
  options: ReadOptions = {},
  /** The values of tabs named like this year's hidden copies, by name (read only when there are). */
  copies: Readonly<Record<string, unknown[][]>> = {},
): Planned<NewYearPlan> {
  const general = readGeneral(tabs, options);
  const year = general.data.fiscalYear.value;
  if (!general.tab || year === null || !isBuddhistEraYear(year) || !general.data.fiscalYear.cell) {
    return refuse(
      `ยังเริ่มปีงบประมาณใหม่ไม่ได้ เพราะแท็บ “${GENERAL_TAB.name}” ยังไม่มีปีงบประมาณที่ถูกต้อง กรุณากรอกปีงบประมาณ พ.ศ. เช่น 2568 ก่อน`,
    );
  }
  const next = year + 1;
  const taken = archivesOf(sheetNames, year);
  if (taken.length) return takenNames(tabs, sheetNames, copies, options, year, taken);
  const scoresSheet = findSheetName(tabs, SCORES_TAB);
  if (scoresSheet === null) {
    return refuse(
      `ไม่พบแท็บ “${SCORES_TAB.name}” จึงไม่มีคะแนนปี ${year} ให้เก็บเป็นผลย้อนหลัง กรุณาใช้เมนู “${MENU_LABEL.setupSheets}” แล้วกรอกคะแนนก่อน`,
    );
  }
  const published = scoreValues(readScores(tabs, options).data);
  const copied = historyRows(year)
    .filter((r) => published[r.code] !== undefined)
    .map((r) => ({ code: r.code, value: published[r.code] as Hundredths }));
  if (Object.keys(published).length === 0) {
    const before = archivesOf(sheetNames, year - 1);
    return refuse(
      before.length
        ? `ปีงบประมาณ ${year} เพิ่งเริ่มไปแล้ว (ข้อมูลปี ${year - 1} เก็บไว้ในแท็บ ${quotedList(before)}) และแท็บ “${SCORES_TAB.name}” ยังไม่มีคะแนนของปี ${year} ระบบจึงไม่เริ่มปีใหม่ซ้ำ เมื่อกรอกคะแนนปี ${year} และส่งรายงานแล้ว จึงค่อยเริ่มปีงบประมาณ ${next}`
        : `แท็บ “${SCORES_TAB.name}” ยังไม่มีคะแนนของปีงบประมาณ ${year} จึงไม่มีอะไรให้เก็บเป็นผลย้อนหลัง กรุณากรอกคะแนนก่อนเริ่มปีงบประมาณใหม่`,
    );
  }
  const existing = readHistory(tabs, options).data.years.find((y) => y.year.value === year);
  const errors = blockingErrors(tabs, options, existing?.year.cell ?? null);
  if (errors.length) {
    return refuse(
      `ยังเริ่มปีงบประมาณใหม่ไม่ได้ เพราะคะแนนที่จะเก็บเป็นผลย้อนหลังยังมีข้อผิดพลาด ${errors.length} รายการ กรุณาแก้ก่อน:\n${listFindings(errors)}`,
    );
  }
  const history = historyStep(tabs, options, year, copied);
  if (!history.ok) return history;
  const archives = ARCHIVED_TABS.flatMap((spec): ArchiveStep[] => {
    const sheet = findSheetName(tabs, spec);
    if (sheet === null) return [];
    const rows = tabs[sheet] ?? [];
    let clear: GridRect | null;
    let count: number;
    if (spec.key === 'scores') {
      const column = (readScores(tabs, options).tab?.columns.score ?? 0) as number;
      const filled = column ? filledRows(rows, [column]) : [];
      count = filled.length;
      clear = filled.length
        ? { row: 2, column, numRows: filled[filled.length - 1] - 1, numColumns: 1 }
        : null;
    } else {
      clear = dataRect(rows);
      count = filledRows(rows).length;
    }
    return [
      { tab: spec.name, sheet, archive: archiveTabName(spec.name, year), clear, rows: count },
    ];
  });
  return {
    ok: true,
    plan: {
      year,
      next,
      copied,
      history: history.plan,
      archives,
      fiscalYear: fiscalYearWrite(general.data, year, next),
      publishedLink: lastYearsLink(publishedLinkCell(general.data)),
    },
  };
}

function lastYearsLink(cell: PublishedLinkCell | null): NewYearPlan['publishedLink'] {
  return cell && cell.value ? { ...cell, value: cell.value } : null;
}

const UNITS: Record<string, string> = {
  scores: 'คะแนน',
  recommendations: 'ข้อเสนอแนะ',
  measures: 'มาตรการ',
};

function clearedText(plan: NewYearPlan): string {
  const parts = plan.archives
    .filter((a) => a.rows > 0)
    .map((a) => {
      const key = ARCHIVED_TABS.find((t) => t.name === a.tab)?.key ?? '';
      const what = `${UNITS[key] ?? ''} ${a.rows} แถวในแท็บ “${a.tab}”`;
      return key === 'scores' ? `${what} (รหัสและรายการคงไว้)` : what;
    });
  return parts.length ? `ล้าง${listThai(parts, ' ')}` : 'ไม่มีข้อมูลที่ต้องล้าง';
}

/** The confirmation: exactly what will be copied, archived, cleared and changed. */
export function describeNewYear(plan: NewYearPlan): string {
  const { year, next, history } = plan;
  const codes = listThai(plan.copied.map((c) => c.code));
  const where =
    history.sheet === null
      ? `ของแท็บ “${HISTORY_TAB.name}” (ระบบสร้างแท็บให้)`
      : history.newColumn
        ? `ใหม่ของแท็บ “${HISTORY_TAB.name}”`
        : `ที่มีอยู่แล้วของแท็บ “${HISTORY_TAB.name}” (เติมเฉพาะเซลล์ที่ว่าง)`;
  const archived = plan.archives.map((a) => a.tab);
  const archives = plan.archives.map((a) => a.archive);
  return [
    `เริ่มปีงบประมาณ ${next} ต่อจากปีงบประมาณ ${year} ระบบจะดำเนินการดังนี้`,
    `1. คัดลอกคะแนนปี ${year} จำนวน ${plan.copied.length} รายการ (${codes}) ไปไว้ในคอลัมน์ “${year}” ${where}`,
    `2. เก็บสำเนาแท็บ ${quotedList(archived)} ของปี ${year} ไว้ครบทุกเซลล์ในแท็บที่ซ่อนไว้ชื่อ ${quotedList(archives)} (เซลล์ที่เป็นสูตรเก็บเป็นค่าที่คำนวณได้ในขณะนั้น เพื่อไม่ให้เปลี่ยนตามข้อมูลปีใหม่)`,
    `3. ${clearedText(plan)}`,
    `4. เปลี่ยนปีงบประมาณในแท็บ “${GENERAL_TAB.name}” จาก ${year} เป็น ${next}`,
    ...(plan.publishedLink
      ? [
          `5. ล้าง “ลิงก์เผยแพร่” ในแท็บ “${GENERAL_TAB.name}” (ลิงก์รายงานที่เผยแพร่ของปี ${year}) เพื่อให้การเผยแพร่ปี ${next} สร้างไฟล์ใหม่ ลิงก์ของปี ${year} ยังเปิดได้เหมือนเดิม และยังอยู่ในแท็บประวัติ`,
        ]
      : []),
    `หากเปลี่ยนใจภายหลัง ใช้เมนู “ยกเลิกการเริ่มปีงบประมาณใหม่” ได้ ตราบที่ยังไม่ได้กรอกข้อมูลของปี ${next}`,
    `ต้องการเริ่มปีงบประมาณ ${next} หรือไม่`,
  ].join('\n');
}

/** What ประวัติ records of a finished start (the undo reads the cleared link back from it). */
export function startLogNote(plan: NewYearPlan): string {
  return (
    `${startNoteHead(plan.year)}; เก็บข้อมูลปี ${plan.year} ไว้ในแท็บ ${plan.archives.map((a) => a.archive).join(', ')}` +
    (plan.publishedLink ? `; ${clearedLinkLabel(plan.year)}${plan.publishedLink.value}` : '')
  );
}

/** What was done, and where last year's data is. */
export function describeNewYearDone(plan: NewYearPlan): string {
  const archives = plan.archives.map((a) => a.archive);
  return [
    `เริ่มปีงบประมาณ ${plan.next} แล้ว คะแนนปี ${plan.year} อยู่ในคอลัมน์ “${plan.year}” ของแท็บ “${HISTORY_TAB.name}” และข้อมูลทั้งหมดของปี ${plan.year} เก็บไว้ในแท็บที่ซ่อนไว้ ${quotedList(archives)} (เปิดดูได้จากเมนู ดู › ชีตที่ซ่อนไว้ หรือรายการชีตทั้งหมด ☰ ที่มุมซ้ายล่าง)`,
    `ก่อนสร้างบันทึกข้อความของปี ${plan.next} กรุณาตรวจ “วันที่หนังสือ” “เลขที่หนังสือ” และ “เรื่อง” ในแท็บ “${GENERAL_TAB.name}”`,
  ].join('\n');
}
