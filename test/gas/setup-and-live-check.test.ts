import { TABS } from '../../src/core/workbook/contract';
import { NOTE_MARK } from '../../src/gas/marks';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

const contractTabs = TABS.map((t) => t.name);

describe('ตั้งค่าแผ่นงาน', () => {
  it('creates every tab and header of the contract in a new spreadsheet', async () => {
    const rt = await runtimeOn(null, { defaultAnswers: true });
    rt.run('setupSheets');
    expect(rt.spreadsheet.getSheets().map((s) => s.getName())).toEqual(contractTabs);
    for (const tab of TABS) {
      expect(values(rt, tab.name)[0].slice(0, tab.columns.length)).toEqual(
        tab.columns.map((c) => c.header),
      );
      expect(rt.spreadsheet.getSheetByName(tab.name)?.getFrozenRows()).toBe(1);
    }
    const codes = values(rt, 'คะแนน')
      .slice(1)
      .map((r) => r[0]);
    expect(codes).toHaveLength(19);
    expect(codes[0]).toBe('ITA');
    expect(
      rt.spreadsheet.getSheetByName('คะแนน')?.getRange('C2').getDataValidation()?.getCriteriaType(),
    ).toBe('NUMBER_BETWEEN');
    expect(
      rt.spreadsheet
        .getSheetByName('ผู้ลงนาม')
        ?.getRange('B2')
        .getDataValidation()
        ?.getCriteriaValues()[0],
    ).toEqual(['ผู้เสนอ', 'ผู้ให้ความเห็น', 'ผู้สั่งการ']);
  });

  it('run twice on a filled workbook changes no staff data', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { defaultAnswers: true });
    // Staff's own column and note survive too.
    rt.spreadsheet.getSheetByName('มาตรการ')?.getRange('G1').setValue('หมายเหตุของงาน');
    rt.spreadsheet.getSheetByName('คะแนน')?.getRange('C2').setNote('ตรวจกับประกาศแล้ว');
    // The example has no ผลย้อนหลัง (optional): the first run adds it, and changes nothing else.
    const present = contractTabs.filter((t) => rt.spreadsheet.getSheetByName(t));
    const before = Object.fromEntries(present.map((t) => [t, values(rt, t)]));
    rt.run('setupSheets');
    rt.run('setupSheets');
    for (const t of present) expect(values(rt, t)).toEqual(before[t]);
    expect(rt.spreadsheet.getSheetByName('คะแนน')?.getRange('C2').getNote()).toBe(
      'ตรวจกับประกาศแล้ว',
    );
    expect(rt.ui.dialogs.at(-1)?.message).toBe('แผ่นงานครบตามรูปแบบแล้ว ไม่มีการเปลี่ยนแปลง');
  });

  it('adds ผลย้อนหลัง with the tool codes and an empty column for the year before, validated 0–100', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { defaultAnswers: true });
    rt.run('setupSheets');
    expect(rt.ui.dialogs.at(-1)?.message).toBe(
      'ตั้งค่าแผ่นงานเรียบร้อย: สร้างแท็บ ผลย้อนหลัง เพิ่มหัวคอลัมน์ 2 คอลัมน์ เพิ่มแถว 6 แถว',
    );
    expect(values(rt, 'ผลย้อนหลัง').map((r) => r.slice(0, 3))).toEqual([
      ['รหัส', 'รายการ', 2567],
      ['ITA', 'คะแนนรวม ITA', ''],
      ['IIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', ''],
      ['EIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', ''],
      ['EIT1', 'EIT ส่วนที่ ๑ (ผู้รับบริการตอบด้วยตนเอง)', ''],
      ['EIT2', 'EIT ส่วนที่ ๒ (ผู้ประเมินจัดเก็บข้อมูล)', ''],
      ['OIT', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', ''],
    ]);
    const history = rt.spreadsheet.getSheetByName('ผลย้อนหลัง')!;
    expect(history.getRange('C2').getDataValidation()?.getCriteriaType()).toBe('NUMBER_BETWEEN');
    expect(history.getFrozenRows()).toBe(1);
    // An empty year raises nothing; staff type the year's scores there.
    const check = rt.fromPage<{ findings: { sheet: string }[] }>('sidebarCheck');
    expect(check.findings.filter((f) => f.sheet === 'ผลย้อนหลัง')).toEqual([]);
  });

  it('adds only what is missing: a deleted label row and a deleted score row come back', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { defaultAnswers: true });
    const scores = rt.spreadsheet.getSheetByName('คะแนน');
    const row = values(rt, 'คะแนน').findIndex((r) => r[0] === 'OIT.10') + 1;
    scores?.deleteRow(row);
    rt.run('setupSheets');
    const after = values(rt, 'คะแนน');
    expect(after.filter((r) => r[0] === 'OIT.10')).toEqual([['OIT.10', 'การป้องกันการทุจริต', '']]);
    expect(after.filter((r) => r[0] === 'ITA')).toHaveLength(1);
  });
});

describe('checking as staff type', () => {
  it('puts a note and a highlight on a wrong score and clears them when fixed, keeping the staff note', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const scores = rt.spreadsheet.getSheetByName('คะแนน');
    const row = values(rt, 'คะแนน').findIndex((r) => r[0] === 'EIT2.8') + 1;
    const cell = scores!.getRange(row, 3);
    cell.setNote('คัดลอกจากระบบ ITAS');
    rt.calls.reset();
    rt.edit('คะแนน', `C${row}`, 'เก้าสิบ');
    // Only the edited tab was read.
    expect(rt.calls.count('SpreadsheetApp', 'Range.getValues')).toBe(1);
    expect(cell.getNote()).toContain('คัดลอกจากระบบ ITAS');
    expect(cell.getNote()).toContain(NOTE_MARK);
    expect(cell.getNote()).toContain('เก้าสิบ');
    expect(cell.getBackground()).toBe('#fce8e6');

    rt.edit('คะแนน', `C${row}`, 96.68);
    expect(cell.getNote()).toBe('คัดลอกจากระบบ ITAS');
    expect(cell.getBackground()).toBe('#ffffff');
  });

  it('marks each blank score of a run that one finding names', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const sheet = rt.spreadsheet.getSheetByName('คะแนน')!;
    const before = sheet.getRange('C6').getValue();
    rt.edit('คะแนน', 'C5', '');
    rt.edit('คะแนน', 'C6', '');
    for (const a1 of ['C5', 'C6']) {
      expect(sheet.getRange(a1).getNote()).toContain('2 รายการ ในเซลล์ C5:C6 กรุณากรอกคะแนน');
      expect(sheet.getRange(a1).getBackground()).toBe('#fce8e6');
    }
    rt.edit('คะแนน', 'C6', before);
    expect(sheet.getRange('C6').getNote()).toBe('');
    expect(sheet.getRange('C5').getNote()).toContain('ในเซลล์ C5 ');
  });

  it('marks the aggregate whose arithmetic an edit broke, with the expected value', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const rows = values(rt, 'คะแนน');
    const eit2 = rows.findIndex((r) => r[0] === 'EIT2') + 1;
    const eit28 = rows.findIndex((r) => r[0] === 'EIT2.8') + 1;
    rt.edit('คะแนน', `C${eit28}`, 79.03);
    const note = rt.spreadsheet.getSheetByName('คะแนน')!.getRange(eit2, 3).getNote();
    expect(note).toContain('91.68');
  });

  it('uses the office named in ข้อมูลทั่วไป when checking another tab alone', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.fromPage('sidebarCheck'); // caches the context as any full check does
    rt.edit('มาตรการ', 'F2', 'ไม่พบผู้ฝ่าฝืน พนักงานเทศบาล');
    expect(rt.spreadsheet.getSheetByName('มาตรการ')!.getRange('F2').getNote()).toContain(
      'พนักงานส่วนตำบล',
    );
  });

  it('checks ผลย้อนหลัง as it is typed: a score out of range and a year not before ปีงบประมาณ', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { defaultAnswers: true });
    rt.run('setupSheets'); // adds ผลย้อนหลัง, and caches ปีงบประมาณ for live checks
    rt.fromPage('sidebarCheck');
    const history = rt.spreadsheet.getSheetByName('ผลย้อนหลัง')!;
    rt.edit('ผลย้อนหลัง', 'C2', 150);
    expect(history.getRange('C2').getNote()).toContain('คะแนนปี 2567 “150” อยู่นอกช่วง 0–100');
    rt.edit('ผลย้อนหลัง', 'D1', '๒๕๖๘');
    expect(history.getRange('D1').getNote()).toContain('ปี 2568 เป็นปีงบประมาณปัจจุบันของชีตนี้');
    rt.edit('ผลย้อนหลัง', 'C2', 87.79);
    expect(history.getRange('C2').getNote()).toBe('');
  });

  it('leaves a cell with a fill of its own uncoloured', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const cell = rt.spreadsheet.getSheetByName('คะแนน')!.getRange('C3');
    cell.setBackground('#00ff00');
    rt.edit('คะแนน', 'C3', 150);
    expect(cell.getBackground()).toBe('#00ff00');
    expect(cell.getNote()).toContain(NOTE_MARK);
  });
});
