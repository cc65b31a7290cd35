import { deriveContext, validateWorkbook, EMPTY_CONTEXT } from '../../../src/core/validation';
import { MEASURES_TAB, TABS } from '../../../src/core/workbook/contract';
import type { TabValues } from '../../../src/core/workbook/cells';
import { seedTabs } from '../../fixtures/seed-workbook';
import { historyWith } from '../../fixtures/history';
import { corrected } from './helpers';

function liveEqualsFull(tabs: TabValues) {
  const full = validateWorkbook(tabs);
  const context = deriveContext(tabs);
  for (const spec of TABS) {
    const sheet = Object.keys(tabs).find((n) => n.trim() === spec.name);
    if (sheet === undefined) continue; // an optional tab the workbook does not have
    const live = validateWorkbook({ [sheet]: tabs[sheet] }, { only: sheet, context });
    expect(live).toEqual(full.filter((f) => f.sheet === sheet));
  }
}

describe('live checking of one tab', () => {
  test('gives the full validation’s findings on that tab, given the context', () => {
    liveEqualsFull(seedTabs('published'));
    liveEqualsFull(seedTabs('corrected'));
    liveEqualsFull(
      corrected({
        ข้อมูลทั่วไป: { B5: 2025, B11: 'x' },
        คะแนน: { C2: 1, A4: 'zzz' },
        ข้อเสนอแนะ: { C2: '๑๔' },
        มาตรการ: { D2: 'มกราคม 2567' },
      }),
    );
    liveEqualsFull(historyWith({ C2: 150, E1: 2568, A3: 'IIT1', D4: '#N/A' }));
  });

  test('the context is plain data from ข้อมูลทั่วไป', () => {
    const context = deriveContext(seedTabs('corrected'));
    expect(context).toEqual({
      organisation: 'องค์การบริหารส่วนตำบลเมืองเก่า',
      organisationKind: 'sao',
      fiscalYear: 2568,
    });
    expect(JSON.parse(JSON.stringify(context))).toEqual(context);
    expect(deriveContext({})).toEqual(EMPTY_CONTEXT);
    expect(deriveContext(corrected({ ข้อมูลทั่วไป: { B5: 2025 } })).fiscalYear).toBeNull();
  });

  test('cross-tab rules use the context', () => {
    const measures = { มาตรการ: seedTabs('published')['มาตรการ'] };
    const withContext = validateWorkbook(measures, {
      only: 'มาตรการ',
      context: deriveContext(seedTabs('published')),
    });
    expect(withContext.map((f) => f.rule)).toContain('text-other-kind-term');
    // Without a context nothing is known about the office: no guess.
    const without = validateWorkbook(measures, { only: 'มาตรการ' });
    expect(without.map((f) => f.rule)).not.toContain('text-other-kind-term');
  });

  test('the tab may be named as in the sheet, with stray spaces; other tabs give nothing', () => {
    const tabs = { ' คะแนน ': seedTabs('published')['คะแนน'] };
    const f = validateWorkbook(tabs, { only: ' คะแนน ', context: EMPTY_CONTEXT });
    expect(f.map((x) => `${x.sheet}!${x.cell}`)).toEqual([' คะแนน !C14']);
    expect(validateWorkbook(tabs, { only: 'คะแนน' })).toEqual(f);
    expect(validateWorkbook(tabs, { only: 'ชีตของฉัน' })).toEqual([]);
  });

  test('a missing tab is reported when it is the one checked, at no cell, naming the menu item', () => {
    expect(validateWorkbook({}, { only: 'มาตรการ' })).toEqual([
      {
        severity: 'error',
        rule: 'tab-missing',
        sheet: 'มาตรการ',
        cell: '',
        message: 'ไม่พบแท็บ “มาตรการ” กรุณาเพิ่มแท็บชื่อนี้ หรือใช้เมนู “ตั้งค่าแผ่นงาน” ของส่วนเสริมเพื่อสร้างแท็บให้',
      },
    ]);
  });

  test('a missing tab whose headers another tab has: most likely renamed, and said so', () => {
    const headers = MEASURES_TAB.columns.map((c) => c.header);
    const otherHeaders = {
      // The add-on's hidden copy has them too, but is never the working tab renamed.
      'มาตรการ ปี 2567': headers,
      บันทึกของฉัน: ['หมายเหตุ'],
      Sheet3: ['', ...headers],
    };
    expect(validateWorkbook({}, { only: 'มาตรการ', otherHeaders })[0].message).toBe(
      'ไม่พบแท็บ “มาตรการ” แท็บ “Sheet3” มีหัวตารางของ “มาตรการ” อาจถูกเปลี่ยนชื่อ กรุณาเปลี่ยนชื่อกลับเป็น “มาตรการ”',
    );
    const { Sheet3: _renamed, ...rest } = otherHeaders;
    expect(validateWorkbook({}, { only: 'มาตรการ', otherHeaders: rest })[0].message).toContain(
      'กรุณาเพิ่มแท็บชื่อนี้',
    );
  });
});
