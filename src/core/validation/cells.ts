// Checks that apply to every cell of the contract's columns, whatever the tab.
import { isErrorValue } from '../thai/cell-values';
import { isBlank } from '../workbook/cells';
import { cellAt, dataRows, valueAt, type LocatedTab } from '../workbook/tabs';
import { quote } from './describe';
import { makeFinding, type Finding } from './finding';

/** Error values that do not come from a formula gone wrong, said as what they are. */
const ERROR_MESSAGES: Readonly<Record<string, string>> = {
  '#NUM!':
    'เซลล์นี้แสดงข้อผิดพลาด “#NUM!” คือตัวเลขที่ใหญ่หรือเล็กเกินกว่าจะคำนวณหรือแสดงเป็นวันที่ได้ กรุณาพิมพ์ค่าที่ถูกต้องลงไปแทน',
  '#GETTING_DATA':
    'เซลล์นี้มีสูตรที่ยังไม่มีผลลัพธ์ (ไฟล์ไม่ได้เก็บผลของสูตรไว้ หรือสูตรยังดึงข้อมูลไม่เสร็จ) ระบบจึงไม่รู้ค่าของเซลล์ กรุณาเปิดไฟล์ใน Excel หรือ Google ชีตให้คำนวณสูตรแล้วบันทึกใหม่ หรือพิมพ์ค่าลงไปแทนสูตร',
};

/**
 * A required column whose blank cells are said once per run of consecutive rows, with its own
 * message: a row there cannot be deleted (คะแนน lists the year's codes), so "fill it in or
 * delete the row" would be wrong, and one line per row would bury everything else.
 */
export interface BlankRuns {
  readonly key: string;
  /** `range`: C2:C20, or C5 for one cell; `count`: how many cells. */
  readonly message: (range: string, count: number) => string;
}

/** Formula errors in any contract column; empty required cells in rows that have something. */
export function checkCells(tab: LocatedTab, checkRequired: boolean, runs?: BlankRuns): Finding[] {
  const findings: Finding[] = [];
  let run: { cells: string[]; lastRow: number } | null = null;
  const endRun = () => {
    if (!run || !runs) return;
    const { cells } = run;
    const range = cells.length > 1 ? `${cells[0]}:${cells[cells.length - 1]}` : cells[0];
    findings.push({
      ...makeFinding('required-cell-empty', tab.sheet, cells[0], runs.message(range, cells.length)),
      cells,
    });
    run = null;
  };
  for (const row of dataRows(tab)) {
    if (run && run.lastRow !== row.row - 1) endRun();
    for (const column of tab.spec.columns) {
      const cell = cellAt(tab, row.row, column.key);
      if (cell === null) continue;
      const raw = valueAt(tab, row, column.key);
      if (checkRequired && column.required && isBlank(raw) && column.key === runs?.key) {
        run ??= { cells: [], lastRow: row.row };
        run.cells.push(cell);
        run.lastRow = row.row;
        continue;
      }
      if (column.key === runs?.key) endRun();
      if (isErrorValue(raw)) {
        findings.push(
          makeFinding(
            'cell-error-value',
            tab.sheet,
            cell,
            ERROR_MESSAGES[raw.trim().toUpperCase()] ??
              `เซลล์นี้แสดงข้อผิดพลาด ${quote(raw)} ซึ่งมักเกิดจากสูตรที่อ้างถึงข้อมูลไม่ได้ กรุณาแก้สูตรหรือพิมพ์ค่าลงไปแทน`,
          ),
        );
      } else if (checkRequired && column.required && isBlank(raw)) {
        findings.push(
          makeFinding(
            'required-cell-empty',
            tab.sheet,
            cell,
            `แถวนี้ยังไม่ได้กรอก “${column.header}” กรุณากรอกให้ครบ หรือลบแถวนี้หากไม่ใช้`,
          ),
        );
      }
    }
  }
  endRun();
  return findings;
}
