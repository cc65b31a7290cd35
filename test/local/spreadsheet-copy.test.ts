// Sheet.copyTo(spreadsheet), as Google documents it: a copy named "Copy of [original name]"
// with everything staff see, independent of the original, that survives an xlsx round trip.
import { join } from 'node:path';
import { saveWorkbook } from '../../src/local/services/spreadsheet/xlsx';
import { cleanupTempDirs, openSheets, sheetsOver, tempDir } from './helpers';

afterAll(cleanupTempDirs);

function withScores() {
  const s = sheetsOver();
  const sheet = s.ss.insertSheet('คะแนน');
  sheet.getRange('A1:C2').setValues([
    ['รหัส', 'รายการ', 'คะแนน'],
    ['ITA', 'คะแนนรวม ITA', 93.53],
  ]);
  sheet.getRange('C2').setNote('ตามประกาศ').setBackground('#d9ead3').setNumberFormat('0.00');
  sheet
    .getRange('C2:C3')
    .setDataValidation(s.app.newDataValidation().requireNumberBetween(0, 100).build());
  sheet.getRange('A1:C1').setFontWeight('bold');
  sheet.setColumnWidth(2, 260);
  sheet.setFrozenRows(1);
  sheet.getRange('A1').protect().setWarningOnly(true);
  return { ...s, sheet };
}

/** What withScores put on the cells besides values: note, fill, number format, validation, bold. */
function expectScoresCells(sheet: GoogleAppsScript.Spreadsheet.Sheet): void {
  const cell = sheet.getRange('C2');
  expect([cell.getNote(), cell.getBackground(), cell.getDisplayValue()]).toEqual([
    'ตามประกาศ',
    '#d9ead3',
    '93.53',
  ]);
  expect(sheet.getRange('C3').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
  expect(sheet.getRange('A1').getFontWeight()).toBe('bold');
}

describe('Sheet.copyTo', () => {
  it('copies values, notes, formats, validation, widths and frozen rows into "Copy of …", placed last', () => {
    const { ss, sheet } = withScores();
    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe('Copy of คะแนน');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'คะแนน', 'Copy of คะแนน']);
    expect(copy.getDataRange().getValues()).toEqual(sheet.getDataRange().getValues());
    expectScoresCells(copy);
    expect([copy.getColumnWidth(2), copy.getFrozenRows(), copy.isSheetHidden()]).toEqual([
      260,
      1,
      false,
    ]);
    // Assumed (the reference is silent): protections are not copied; the copy is not activated.
    expect(copy.getProtections('RANGE' as never)).toHaveLength(0);
    expect(ss.getActiveSheet().getName()).not.toBe('Copy of คะแนน');
  });

  it('is a copy: changing it leaves the original alone; a second copy gets another name', () => {
    const { ss, sheet } = withScores();
    const copy = sheet.copyTo(ss);
    copy.getRange('C2').setValue(1).setNote('').setBackground(null);
    expect(sheet.getRange('C2').getValue()).toBe(93.53);
    expect(sheet.getRange('C2').getNote()).toBe('ตามประกาศ');
    expect(sheet.getRange('C2').getBackground()).toBe('#d9ead3');
    expect(sheet.copyTo(ss).getName()).toBe('Copy of คะแนน 2');
  });

  it('takes only this spreadsheet (the only one emulated); anything else is an invalid argument', () => {
    const { sheet } = withScores();
    expect(() => sheet.copyTo(sheetsOver().ss)).toThrow('Invalid argument: spreadsheet');
    expect(() => sheet.copyTo(null as never)).toThrow('Invalid argument: spreadsheet');
  });

  it('renamed and hidden, survives saving to xlsx and opening again', async () => {
    const s = withScores();
    s.sheet.copyTo(s.ss).setName('คะแนน ปี 2568').hideSheet();
    const out = join(tempDir(), 'copy.xlsx');
    await saveWorkbook(s.book, out);
    const again = await openSheets(out);
    const copy = again.ss.getSheetByName('คะแนน ปี 2568');
    expect(copy?.isSheetHidden()).toBe(true);
    expect(copy?.getRange('C2').getNote()).toBe('ตามประกาศ');
    expect(copy?.getDataRange().getValues()).toEqual(s.sheet.getDataRange().getValues());
  });
});

// https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range)
describe('Range.copyTo', () => {
  it('pastes values, formats, notes and validation at the destination’s top-left cell', () => {
    const { ss, sheet } = withScores();
    const other = ss.insertSheet('อื่น');
    other.getRange('C2').setValue('เดิม').setNote('ของเดิม').setBackground('#ff0000');
    other.getRange('D2').setValue('นอกช่วง');
    // Only the top-left cell of the destination counts.
    sheet.getRange('A1:C3').copyTo(other.getRange('A1'));
    expect(other.getRange('A1:D2').getValues()).toEqual([
      ['รหัส', 'รายการ', 'คะแนน', ''],
      ['ITA', 'คะแนนรวม ITA', 93.53, 'นอกช่วง'],
    ]);
    expectScoresCells(other);
  });

  it('PASTE_VALUES (and {contentsOnly: true}) turn formulas into the values they show, formats kept', () => {
    const { app, book, sheet } = withScores();
    const cell = sheet.getRange('D2');
    cell.setFormula('=C2*2');
    // The emulation computes nothing: give the formula the value Sheets would show.
    book.sheetByName('คะแนน')!.cell(2, 4)!.value = 187.06;
    const range = sheet.getRange('A1:D2');
    range.copyTo(range, app.CopyPasteType.PASTE_VALUES, false);
    expect(cell.getFormula()).toBe('');
    expect(cell.getValue()).toBe(187.06);
    expect(sheet.getRange('C2').getNote()).toBe('ตามประกาศ');
    expect(sheet.getRange('C2').getBackground()).toBe('#d9ead3');
    cell.setFormula('=C2*3');
    sheet.getRange('D2').copyTo(sheet.getRange('D2'), { contentsOnly: true });
    expect(cell.getFormula()).toBe('');
  });

  it('fails loudly where the emulation would be kinder: a moved formula, other paste types, outside the grid', () => {
    const { ss, app, sheet } = withScores();
    sheet.getRange('D2').setFormula('=C2*2');
    expect(() => sheet.getRange('D2').copyTo(sheet.getRange('E2'))).toThrow('not emulated');
    expect(() =>
      sheet.getRange('A1').copyTo(sheet.getRange('B1'), app.CopyPasteType.PASTE_FORMULA, false),
    ).toThrow('not emulated');
    expect(() =>
      sheet.getRange('A1').copyTo(sheet.getRange('B1'), app.CopyPasteType.PASTE_NORMAL, true),
    ).toThrow('not emulated');
    const small = ss.insertSheet('เล็ก');
    small.deleteRows(2, small.getMaxRows() - 1);
    expect(() => sheet.getRange('A1:C3').copyTo(small.getRange('A1'))).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet.getRange('A1').copyTo('A2' as never)).toThrow('copyTo');
  });
});
