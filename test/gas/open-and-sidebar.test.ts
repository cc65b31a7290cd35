// The whole path on the built bundle: the example workbook opened, onOpen's menu, the sidebar
// shown and its first call reading the office from the sheet, all on emulated services.
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn } from './harness';

afterAll(cleanupTempDirs);

describe('opening the spreadsheet', () => {
  it('adds the Thai menu with every command, even before authorisation', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.open('NONE');
    expect(rt.ui.menus).toHaveLength(1);
    expect(rt.ui.menus[0].caption).toBe('รายงาน ITA');
    expect(rt.ui.menuItems().map((i) => [i.path[1], i.functionName])).toEqual([
      ['เปิดแถบด้านข้าง', 'showSidebar'],
      ['ตั้งค่าแผ่นงาน', 'setupSheets'],
      ['ตรวจสอบข้อมูล', 'checkData'],
      ['สร้างบันทึกข้อความ', 'generate'],
      ['สร้างใหม่ในเอกสารเดิม', 'regenerateInPlace'],
      ['ส่งขอความเห็น', 'sendForReview'],
      ['อัปเดตสถานะความเห็น', 'refreshComments'],
      ['อนุมัติ', 'approve'],
      ['เผยแพร่ฉบับอนุมัติ', 'publishApproved'],
      ['สร้างแม่แบบมาตรฐาน', 'createTemplate'],
      ['เลือกโฟลเดอร์ปลายทาง', 'chooseFolder'],
      ['เลือกแม่แบบ', 'chooseTemplate'],
      ['เริ่มปีงบประมาณใหม่', 'startNewFiscalYear'],
      ['ยกเลิกการเริ่มปีงบประมาณใหม่', 'undoNewFiscalYear'],
    ]);
    // In AuthMode.NONE onOpen may touch nothing but the menu.
    expect(rt.calls.count('SpreadsheetApp')).toBe(
      rt.calls.count('SpreadsheetApp', 'SpreadsheetApp.getUi'),
    );
    expect(rt.calls.count('PropertiesService')).toBe(0);
  });

  it('shows the sidebar, which reads the office from the sheet with one read of one tab', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.run('showSidebar');
    expect(rt.ui.sidebar?.title).toBe('รายงาน ITA');
    expect(rt.ui.sidebar?.html).toContain('สร้างบันทึกข้อความ');
    rt.calls.reset();
    const state = rt.fromPage<{ office: string; fiscalYear: string }>('sidebarState');
    expect(state).toMatchObject({ office: 'องค์การบริหารส่วนตำบลเมืองเก่า', fiscalYear: '2568' });
    expect(rt.calls.count('SpreadsheetApp', 'Range.getValues')).toBe(1);
  });

  it('checks the whole workbook with one getValues per tab', async () => {
    const rt = await runtimeOn('ita-2568-published');
    rt.calls.reset();
    const check = rt.fromPage<{ errors: number; warnings: number }>('sidebarCheck');
    expect(check.errors).toBe(7);
    // The sheet's 22, and no Garuda uploaded yet (issue 9).
    expect(check.warnings).toBe(23);
    expect(rt.calls.count('SpreadsheetApp', 'Range.getValues')).toBe(6);
  });

  it('selects the cell of a finding', async () => {
    const rt = await runtimeOn('ita-2568-published');
    rt.fromPage('sidebarSelect', 'คะแนน', 'C14');
    const range = rt.spreadsheet.getActiveRange();
    expect(range?.getSheet().getName()).toBe('คะแนน');
    expect(range?.getA1Notation()).toBe('C14');
  });
});
