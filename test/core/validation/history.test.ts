// ผลย้อนหลัง: every rule with its cell. The fixture's layout: A รหัส, B รายการ, C 2566, D ๒๕๖๗;
// rows 2–7 ITA, IIT, EIT, EIT1, EIT2, OIT.
import { validateWorkbook } from '../../../src/core/validation';
import type { TabValues } from '../../../src/core/workbook/cells';
import { historyTab, historyWith, seedWithHistory } from '../../fixtures/history';
import { seedTabs } from '../../fixtures/seed-workbook';
import { isSeedSignsTwice, only, where } from './helpers';

const SHEET = 'ผลย้อนหลัง';

const history = historyWith;

const onHistory = (tabs: TabValues) =>
  validateWorkbook(tabs)
    .filter((f) => f.sheet === SHEET)
    .map(where);

describe('ผลย้อนหลัง', () => {
  test('the fixture is clean apart from the note that 2566 and 2567 have no rules', () => {
    const findings = validateWorkbook(seedWithHistory());
    expect(findings.filter((f) => f.severity !== 'info' && !isSeedSignsTwice(f))).toEqual([]);
    const [info] = only(findings, 'history-rules-unknown');
    expect(info).toMatchObject({ severity: 'info', sheet: SHEET, cell: 'C1' });
    expect(info.message).toContain('2566 และ 2567');
    expect(only(findings, 'history-rules-unknown')).toHaveLength(1);
  });

  test('a workbook without the tab is fine: the tab is optional', () => {
    expect(validateWorkbook(seedTabs('corrected')).filter((f) => f.sheet === SHEET)).toEqual([]);
  });

  test('year headers: 2567, ๒๕๖๗, ปี 2567 and พ.ศ. ๒๕๖๗ are years; a header without digits is staff’s own', () => {
    for (const header of [2567, '2567', '๒๕๖๗', 'ปี 2567', 'ปีงบประมาณ พ.ศ. ๒๕๖๗']) {
      expect(onHistory(history({ D1: header }))).toEqual(['ผลย้อนหลัง!C1 history-rules-unknown']);
    }
    expect(onHistory(history({ E1: 'หมายเหตุ', E2: 'ตามประกาศ' }))).toEqual([
      'ผลย้อนหลัง!C1 history-rules-unknown',
    ]);
  });

  test('a year header that is not a BE year', () => {
    const f = validateWorkbook(history({ E1: 'ปี 67/68', F1: 2024, G1: 67 }));
    expect(only(f, 'history-year-invalid').map(where)).toEqual([
      'ผลย้อนหลัง!E1 history-year-invalid',
      'ผลย้อนหลัง!F1 history-year-invalid',
      'ผลย้อนหลัง!G1 history-year-invalid',
    ]);
    const [text, ce, short] = only(f, 'history-year-invalid');
    expect(text.message).toContain('2567 หรือ ๒๕๖๗');
    expect(ce.message).toContain('ปี ค.ศ. กรุณาแก้เป็นปี พ.ศ. คือ 2567');
    expect(short.message).toContain('หากหมายถึง 2567');
  });

  test('a year that is not earlier than ปีงบประมาณ', () => {
    const f = only(validateWorkbook(history({ E1: 2568, F1: '๒๕๖๙' })), 'history-year-not-earlier');
    expect(f.map(where)).toEqual([
      'ผลย้อนหลัง!E1 history-year-not-earlier',
      'ผลย้อนหลัง!F1 history-year-not-earlier',
    ]);
    expect(f[0].message).toContain('ปีงบประมาณปัจจุบัน');
    expect(f[1].message).toContain('อยู่หลังปีงบประมาณ 2568');
  });

  test('a year twice', () => {
    const [f] = only(validateWorkbook(history({ E1: 2567 })), 'history-year-duplicate');
    expect(f).toMatchObject({ severity: 'error', cell: 'E1' });
    expect(f.message).toContain('D1');
  });

  test('codes: unknown (with a suggestion), repeated; a row with scores needs its code', () => {
    const f = validateWorkbook(history({ A3: 'IIT1', A8: 'OIT', C8: 80, A9: '', B9: 'x', C9: 70 }));
    expect(only(f, 'history-code-unknown').map(where)).toEqual([
      'ผลย้อนหลัง!A3 history-code-unknown',
    ]);
    expect(only(f, 'history-code-unknown')[0].message).toContain('แก้เป็น “IIT.1”');
    expect(only(f, 'history-code-duplicate').map(where)).toEqual([
      'ผลย้อนหลัง!A8 history-code-duplicate',
    ]);
    expect(only(f, 'required-cell-empty').map(where)).toEqual(['ผลย้อนหลัง!A9 required-cell-empty']);
  });

  test('scores: not a number, out of range, too many decimals, a formula error', () => {
    const f = validateWorkbook(history({ C2: 'ดีมาก', D3: 150, C4: 79.355, D7: '#REF!' }));
    expect(
      f
        .filter((x) => x.sheet === SHEET && x.severity === 'error')
        .map(where)
        .sort(),
    ).toEqual([
      'ผลย้อนหลัง!C2 history-score-not-number',
      'ผลย้อนหลัง!C4 history-score-too-many-decimals',
      'ผลย้อนหลัง!D3 history-score-out-of-range',
      'ผลย้อนหลัง!D7 cell-error-value',
    ]);
    expect(only(f, 'history-score-out-of-range')[0].message).toContain('คะแนนปี 2567 “150”');
  });

  test('a year whose rules are known gets the arithmetic of คะแนน, naming the cells', () => {
    // With ปีงบประมาณ 2569, a 2568 column is checked with the 2568 rules: ITA 93.65 matches its
    // tools, EIT 90.00 does not match its parts.
    const tabs = history(
      { E1: 2568, E2: 93.65, E3: 91.33, E4: 90, E5: 81.66, E6: 97.56, E7: 98.13 },
      { ข้อมูลทั่วไป: { B5: 2569 } },
    );
    const [f] = only(validateWorkbook(tabs), 'history-arithmetic');
    expect(f).toMatchObject({ severity: 'error', sheet: SHEET, cell: 'E4' });
    expect(f.message).toContain('คะแนน EIT ปี 2568 ที่กรอกไว้คือ 90.00');
    expect(f.message).toContain('EIT1 (E5) 81.66');
    expect(f.message).toContain('89.61');
    // The rules of 2566 and 2567 are unknown: said once, at the first of them.
    expect(only(validateWorkbook(tabs), 'history-rules-unknown').map(where)).toEqual([
      'ผลย้อนหลัง!C1 history-rules-unknown',
    ]);
  });

  test('only the edited tab: the same findings as a full check', () => {
    const tabs = history({ C2: 150, E1: 2567 });
    const full = validateWorkbook(tabs).filter((f) => f.sheet === SHEET);
    const live = validateWorkbook(
      { [SHEET]: tabs[SHEET] },
      { only: SHEET, context: { organisation: null, organisationKind: null, fiscalYear: 2568 } },
    );
    expect(live).toEqual(full);
  });

  test('an empty year column and a tab with headers only raise nothing', () => {
    expect(onHistory({ ...seedTabs('corrected'), [SHEET]: historyTab([[2567, {}]]) })).toEqual([]);
    expect(onHistory({ ...seedTabs('corrected'), [SHEET]: [['รหัส', 'รายการ']] })).toEqual([]);
  });
});
