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

/** Formula errors in any contract column; empty required cells in rows that have something. */
export function checkCells(tab: LocatedTab, checkRequired: boolean): Finding[] {
  const findings: Finding[] = [];
  for (const row of dataRows(tab)) {
    for (const column of tab.spec.columns) {
      const cell = cellAt(tab, row.row, column.key);
      if (cell === null) continue;
      const raw = valueAt(tab, row, column.key);
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
  return findings;
}
