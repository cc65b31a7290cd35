import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { saveWorkbook } from '../../src/local/services/spreadsheet/xlsx';
import { cleanupTempDirs, openSheets, readXlsx, sheetsOver, tempDir, writeXlsx } from './helpers';

/** The xlsx round trip: what the add-on writes survives a save and a reload, and staff formatting is untouched. */

afterAll(cleanupTempDirs);

async function roundTrip(path: string, edit: (s: Awaited<ReturnType<typeof openSheets>>) => void) {
  const s = await openSheets(path);
  edit(s);
  const out = join(tempDir(), 'out.xlsx');
  await saveWorkbook(s.book, out);
  return { reopened: await openSheets(out), out };
}

test('a new spreadsheet saves to a new file with one sheet named Sheet1', async () => {
  const { book } = sheetsOver();
  const out = join(tempDir(), 'new.xlsx');
  await saveWorkbook(book, out);
  expect(existsSync(out)).toBe(true);
  expect((await readXlsx(out)).worksheets.map((w) => w.name)).toEqual(['Sheet1']);
});

test('values, types, dates, notes and formats survive the round trip', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => wb.addWorksheet('คะแนน'));
  const { reopened } = await roundTrip(source, ({ ss }) => {
    const sh = ss.getSheetByName('คะแนน')!;
    const range = sh.getRange('A1:E2');
    range.setValues([
      ['รหัส', 'คะแนน', 'ผ่าน', 'วันที่', 'สูตร'],
      ['ITA', 93.53, true, new Date('2025-10-02T17:00:00Z'), '=B2*2'],
    ]);
    sh.getRange('A1:E1')
      .setFontWeight('bold')
      .setBackground('#d9ead3')
      .setWrap(true)
      .setHorizontalAlignment('center');
    sh.getRange('B2').setNumberFormat('0.00').setNote('คะแนนรวม');
    sh.getRange('D2').setNumberFormat('d/m/yyyy');
    sh.setColumnWidth(1, 180);
    sh.setFrozenRows(1);
    sh.setTabColor('#ff9900');
  });
  const sh = reopened.ss.getSheetByName('คะแนน')!;
  const [header, row] = sh.getRange('A1:E2').getValues();
  expect(header).toEqual(['รหัส', 'คะแนน', 'ผ่าน', 'วันที่', 'สูตร']);
  expect(row.slice(0, 3)).toEqual(['ITA', 93.53, true]);
  expect((row[3] as Date).toISOString()).toBe('2025-10-02T17:00:00.000Z');
  expect(sh.getRange('E2').getFormula()).toBe('=B2*2');
  expect(sh.getRange('A1:B1').getFontWeights()).toEqual([['bold', 'bold']]);
  expect(sh.getRange('A1').getBackground()).toBe('#d9ead3');
  expect(sh.getRange('A1').getWrap()).toBe(true);
  expect(sh.getRange('A1').getHorizontalAlignment()).toBe('center');
  expect(sh.getRange('B2').getNumberFormat()).toBe('0.00');
  expect(sh.getRange('B2').getNote()).toBe('คะแนนรวม');
  expect(sh.getRange('B2:D2').getDisplayValues()).toEqual([['93.53', 'TRUE', '3/10/2025']]);
  expect(sh.getColumnWidth(1)).toBe(180);
  expect(sh.getColumnWidth(2)).toBe(100);
  expect(sh.getFrozenRows()).toBe(1);
  expect(sh.getTabColor()).toBe('#ff9900');
});

test('a date written without a date format still reads back as a date', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => wb.addWorksheet('S'));
  const { reopened } = await roundTrip(source, ({ ss }) => {
    ss.getSheets()[0].getRange('A1').setValue(new Date('2025-10-03T07:30:00Z'));
  });
  expect((reopened.ss.getSheets()[0].getRange('A1').getValue() as Date).toISOString()).toBe(
    '2025-10-03T07:30:00.000Z',
  );
});

test('data validations survive: list, number between, checkbox, email, date, custom', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => wb.addWorksheet('ผู้ลงนาม'));
  const { reopened } = await roundTrip(source, ({ ss, app }) => {
    const sh = ss.getSheets()[0];
    const rule = () => app.newDataValidation();
    sh.getRange('A2:A10').setDataValidation(
      rule().requireValueInList(['ผู้เสนอ', 'ผู้ให้ความเห็น', 'ผู้สั่งการ']).setAllowInvalid(false).build(),
    );
    sh.getRange('B2').setDataValidation(
      rule().requireNumberBetween(0, 100).setHelpText('0–100').build(),
    );
    sh.getRange('C2').insertCheckboxes();
    sh.getRange('D2').setDataValidation(rule().requireTextIsEmail().build());
    sh.getRange('E2').setDataValidation(rule().requireDate().build());
    sh.getRange('F2').setDataValidation(rule().requireFormulaSatisfied('=LEN(F2)<10').build());
  });
  const sh = reopened.ss.getSheets()[0];
  const list = sh.getRange('A10').getDataValidation()!;
  expect(String(list.getCriteriaType())).toBe('VALUE_IN_LIST');
  expect(list.getCriteriaValues()).toEqual([['ผู้เสนอ', 'ผู้ให้ความเห็น', 'ผู้สั่งการ'], true]);
  expect(list.getAllowInvalid()).toBe(false);
  const between = sh.getRange('B2').getDataValidation()!;
  expect([
    String(between.getCriteriaType()),
    between.getCriteriaValues(),
    between.getHelpText(),
  ]).toEqual(['NUMBER_BETWEEN', [0, 100], '0–100']);
  expect(between.getAllowInvalid()).toBe(true);
  expect(String(sh.getRange('C2').getDataValidation()!.getCriteriaType())).toBe('CHECKBOX');
  expect(sh.getRange('C2').getValue()).toBe(false);
  expect(String(sh.getRange('D2').getDataValidation()!.getCriteriaType())).toBe(
    'TEXT_IS_VALID_EMAIL',
  );
  expect(String(sh.getRange('E2').getDataValidation()!.getCriteriaType())).toBe(
    'DATE_IS_VALID_DATE',
  );
  const custom = sh.getRange('F2').getDataValidation()!;
  expect([String(custom.getCriteriaType()), custom.getCriteriaValues()]).toEqual([
    'CUSTOM_FORMULA',
    ['=LEN(F2)<10'],
  ]);
  expect(sh.getRange('A11').getDataValidation()).toBeNull();
});

test('protections are written as sheet protection with unlocked cells', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => {
    wb.addWorksheet('ประวัติ').getCell('A1').value = 'เวลา';
    wb.addWorksheet('คะแนน').getCell('A1').value = 'รหัส';
  });
  const { reopened, out } = await roundTrip(source, ({ ss }) => {
    ss.getSheetByName('ประวัติ')!.protect().setDescription('log').setWarningOnly(true);
    const scores = ss.getSheetByName('คะแนน')!;
    scores.getRange('B1').setValue('คะแนน');
    scores.getRange('A1:A3').protect().setDescription('codes');
  });
  const wb = await readXlsx(out);
  const log = wb.getWorksheet('ประวัติ')!;
  const scores = wb.getWorksheet('คะแนน')!;
  const sp = (ws: typeof log) =>
    (ws as unknown as { sheetProtection: { sheet?: boolean } | null }).sheetProtection;
  expect(sp(log)?.sheet).toBe(true);
  expect(sp(scores)?.sheet).toBe(true);
  // xlsx cells are locked unless they say otherwise (exceljs omits the default when writing).
  const locked = (a1: string) => scores.getCell(a1).protection?.locked ?? true;
  expect([locked('A1'), locked('A3'), locked('B1')]).toEqual([true, true, false]);
  expect(scores.getColumn(5).protection?.locked).toBe(false);
  // Without the state kept beside the file, a protected worksheet reads back as a sheet protection.
  expect(reopened.ss.getProtections('SHEET' as never)).toHaveLength(2);
});

test('sheet order, renames, deletions and staff formatting are kept', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => {
    const a = wb.addWorksheet('ข้อมูลทั่วไป');
    a.getCell('A1').value = 'รายการ';
    a.getCell('A1').font = { name: 'TH Sarabun New', size: 16, bold: true };
    a.getCell('A1').border = { bottom: { style: 'double', color: { argb: 'FF0000FF' } } };
    a.getCell('B1').value = { richText: [{ text: 'ข้อ', font: { italic: true } }, { text: 'มูล' }] };
    a.getRow(1).height = 30;
    a.mergeCells('A3:B3');
    a.getCell('A3').value = 'merged';
    wb.addWorksheet('ลบ');
    wb.addWorksheet('คะแนน');
  });
  const { reopened, out } = await roundTrip(source, ({ ss }) => {
    ss.deleteSheet(ss.getSheetByName('ลบ')!);
    ss.getSheetByName('คะแนน')!.setName('คะแนนITA');
    ss.insertSheet('มาตรการ', 1);
    ss.getSheetByName('ข้อมูลทั่วไป')!.getRange('C1').setValue('added');
  });
  expect(reopened.ss.getSheets().map((s) => s.getName())).toEqual([
    'ข้อมูลทั่วไป',
    'มาตรการ',
    'คะแนนITA',
  ]);
  const ws = (await readXlsx(out)).getWorksheet('ข้อมูลทั่วไป')!;
  expect(ws.getCell('A1').font).toMatchObject({ name: 'TH Sarabun New', size: 16, bold: true });
  expect(ws.getCell('A1').border.bottom).toMatchObject({ style: 'double' });
  expect(ws.getCell('B1').value).toEqual({
    richText: [{ text: 'ข้อ', font: { italic: true } }, { text: 'มูล' }],
  });
  expect(ws.getRow(1).height).toBe(30);
  expect(ws.getCell('B3').isMerged).toBe(true);
  expect(ws.getCell('A3').value).toBe('merged');
  expect(ws.getCell('C1').value).toBe('added');
  const sheet = reopened.ss.getSheetByName('ข้อมูลทั่วไป')!;
  expect(sheet.getRange('A3:B3').getValues()).toEqual([['merged', '']]);
});

test('cleared cells and moved rows leave nothing behind', async () => {
  const source = await writeXlsx(join(tempDir(), 'in.xlsx'), (wb) => {
    const ws = wb.addWorksheet('S');
    ws.getCell('A1').value = 'keep';
    ws.getCell('A2').value = 'gone';
    ws.getCell('A2').fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFF0000' } };
    ws.getCell('A3').value = 'down';
  });
  const { reopened } = await roundTrip(source, ({ ss }) => {
    const sh = ss.getSheets()[0];
    sh.getRange('A2').clear();
    sh.insertRowsBefore(3, 1);
  });
  const sh = reopened.ss.getSheets()[0];
  expect(sh.getRange('A1:A4').getValues()).toEqual([['keep'], [''], [''], ['down']]);
  expect(sh.getRange('A2').getBackground()).toBe('#ffffff');
});

describe('Google Sheets’ limits and a sparse grid', () => {
  test('one value at XFD1048576 is refused as Google would, in Thai, naming the tab and cell', async () => {
    const source = await writeXlsx(join(tempDir(), 'far.xlsx'), (wb) => {
      wb.addWorksheet('มาตรการ').getCell('XFD1048576').value = 'x';
    });
    await expect(openSheets(source)).rejects.toThrow(
      /ใหญ่เกินกว่าที่ Google ชีตรับได้.*“มาตรการ”.*XFD1048576/,
    );
  });

  test('one value at A1048576 costs one cell, is read back, and saves without growing', async () => {
    const source = await writeXlsx(join(tempDir(), 'low.xlsx'), (wb) => {
      const ws = wb.addWorksheet('มาตรการ');
      ws.getCell('A1').value = 'มาตรการ/กิจกรรม';
      ws.getCell('A1048576').value = 'x';
    });
    const { ss, book } = await openSheets(source);
    expect([...book.sheets[0].cells()]).toHaveLength(2);
    expect(ss.getSheetByName('มาตรการ')!.getLastRow()).toBe(1_048_576);
    expect(ss.getSheetByName('มาตรการ')!.getRange('A1048576').getValue()).toBe('x');
    const out = join(tempDir(), 'out.xlsx');
    await saveWorkbook(book, out);
    const reread = await readXlsx(out);
    expect(reread.getWorksheet('มาตรการ')!.getCell('A1048576').value).toBe('x');
  });

  test('a cell longer than Google’s 50,000 characters is refused with its address', async () => {
    const source = await writeXlsx(join(tempDir(), 'long.xlsx'), (wb) => {
      wb.addWorksheet('มาตรการ').getCell('B3').value = 'ก'.repeat(50_001);
    });
    await expect(openSheets(source)).rejects.toThrow(/มาตรการ!B3.*50,000/);
  });
});
