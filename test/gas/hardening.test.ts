// The add-on on hostile workbooks: far-away values, staff columns without a header, office names
// longer than a property holds, links staff typed. Each case failed before issue 11.
import type { CheckResult, GenerateResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

type Rt = Awaited<ReturnType<typeof runtimeOn>>;

const set = (rt: Rt, sheet: string, a1: string, v: unknown) =>
  rt.spreadsheet.getSheetByName(sheet)!.getRange(a1).setValue(v);

/** A value typed far out, growing the sheet as an .xlsx with such a cell would be. */
const setFar = (rt: Rt, sheet: string, row: number, column: number, v: string) => {
  rt.workbook.sheetByName(sheet)!.ensureCell(row, column).value = v;
};

describe('reading', () => {
  it('costs what the filled cells cost: a value far below the table is located, not read', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    setFar(rt, 'มาตรการ', 1_048_576, 1, 'x');
    rt.calls.reset();
    const check = rt.fromPage<CheckResult>('sidebarCheck');
    expect(rt.calls.count('SpreadsheetApp', 'Range.getValues')).toBe(6);
    expect(check.findings.filter((f) => f.severity === 'error')).toEqual([
      expect.objectContaining({ sheet: 'มาตรการ', cell: 'A1048576', rule: 'data-outside-table' }),
    ]);
    // Notes and fills are read over the area that was read, not down to row 1,048,576.
    expect(rt.calls.count('SpreadsheetApp', 'Range.getNotes')).toBe(5);
  });

  it('reads only the columns a contract tab can use, however far staff wrote', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    setFar(rt, 'ผู้ลงนาม', 3, 702, 'บันทึกของเจ้าหน้าที่');
    const check = rt.fromPage<CheckResult>('sidebarCheck');
    expect(check.errors).toBe(0);
  });
});

describe('writing never lands on staff data', () => {
  it('adds a missing ประวัติ header after the last used column, not over a column without a header', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const log = rt.spreadsheet.getSheetByName('ประวัติ')!;
    const headers = values(rt, 'ประวัติ')[0].filter((h) => h !== 'หมายเหตุ');
    log.getRange(1, 1, 1, 20).clearContent();
    log.getRange(1, 1, 1, headers.length).setValues([headers]);
    // A staff column right after the headers, its header cell left blank.
    log.getRange(2, headers.length + 1).setValue('บันทึกของเจ้าหน้าที่');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('done');
    const after = values(rt, 'ประวัติ');
    expect(after[0][headers.length]).toBe('');
    expect(after[1][headers.length]).toBe('บันทึกของเจ้าหน้าที่');
    expect(after[0][headers.length + 1]).toBe('หมายเหตุ');
    expect(after.length).toBe(3);
  });

  it('appends the run after the last used row of any column', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    set(rt, 'ประวัติ', 'M5', 'ของเจ้าหน้าที่');
    rt.fromPage<GenerateResult>('sidebarGenerate', true);
    const after = values(rt, 'ประวัติ');
    expect(after[4][12]).toBe('ของเจ้าหน้าที่');
    expect(after[5][2]).toBe('สร้างบันทึกข้อความ');
  });

  it('keeps a template link staff typed when making the standard template', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { answers: ['OK'] });
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'แม่แบบเอกสาร') + 1;
    const typed = 'https://docs.google.com/document/d/1OfficeOwnTemplateAbcdefghijklmnop/edit';
    set(rt, 'ข้อมูลทั่วไป', `B${row}`, typed);
    rt.run('createTemplate');
    expect(values(rt, 'ข้อมูลทั่วไป')[row - 1][1]).toBe(typed);
    expect(rt.ui.dialogs[0].message).toContain('ไม่เขียนทับ');
  });
});

describe('state', () => {
  it('never puts an unbounded cell into a property: a 5,000-character office name is a finding', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    set(rt, 'ข้อมูลทั่วไป', 'B2', `องค์การบริหารส่วนตำบล${'ก'.repeat(5000)}`);
    const check = rt.fromPage<CheckResult>('sidebarCheck');
    expect(check.findings).toContainEqual(
      expect.objectContaining({ sheet: 'ข้อมูลทั่วไป', cell: 'B2', rule: 'text-too-long' }),
    );
    // Live checks of other tabs still run on the cached context.
    expect(() => rt.edit('มาตรการ', 'A2', 'มาตรการใหม่')).not.toThrow();
  });
});
