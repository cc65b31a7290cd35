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

describe('Sheet.copyTo', () => {
  it('copies values, notes, formats, validation, widths and frozen rows into "Copy of …", placed last', () => {
    const { ss, sheet } = withScores();
    const copy = sheet.copyTo(ss);
    expect(copy.getName()).toBe('Copy of คะแนน');
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1', 'คะแนน', 'Copy of คะแนน']);
    expect(copy.getDataRange().getValues()).toEqual(sheet.getDataRange().getValues());
    const cell = copy.getRange('C2');
    expect([cell.getNote(), cell.getBackground(), cell.getDisplayValue()]).toEqual([
      'ตามประกาศ',
      '#d9ead3',
      '93.53',
    ]);
    expect(copy.getRange('C3').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(copy.getRange('A1').getFontWeight()).toBe('bold');
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
