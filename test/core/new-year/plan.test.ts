// Planning "เริ่มปีงบประมาณใหม่" and its undo from values alone: never throws on any workbook,
// and the plan says exactly which cells and rows (the Apps Script side only carries it out).
import fc from 'fast-check';
import { planNewYear, planRestore } from '../../../src/core/new-year';
import { TABS } from '../../../src/core/workbook/contract';
import type { TabValues } from '../../../src/core/workbook/cells';
import { historyWith, seedWithHistory } from '../../fixtures/history';
import { seedTabs } from '../../fixtures/seed-workbook';

const NAMES = TABS.map((t) => t.name);

describe('planNewYear', () => {
  it('plans the corrected seed with ผลย้อนหลัง: a new column E, the three tabs’ data, ปีงบประมาณ B5', () => {
    const planned = planNewYear(seedWithHistory(), NAMES);
    if (!planned.ok) throw new Error(planned.message);
    const { plan } = planned;
    expect([plan.year, plan.next]).toEqual([2568, 2569]);
    expect(plan.copied.map((c) => `${c.code} ${c.value}`)).toEqual([
      'ITA 9353',
      'IIT 9133',
      'EIT 8961',
      'EIT1 8166',
      'EIT2 9756',
      'OIT 9813',
    ]);
    expect(plan.history).toMatchObject({ sheet: 'ผลย้อนหลัง', column: 5, newColumn: true });
    expect(plan.history.cells[0]).toEqual({ row: 1, value: 2568 });
    expect(plan.archives.map((a) => [a.archive, a.clear, a.rows])).toEqual([
      ['คะแนน ปี 2568', { row: 2, column: 3, numRows: 19, numColumns: 1 }, 19],
      ['ข้อเสนอแนะ ปี 2568', { row: 2, column: 1, numRows: 18, numColumns: 4 }, 18],
      ['มาตรการ ปี 2568', { row: 2, column: 1, numRows: 5, numColumns: 6 }, 5],
    ]);
    expect(plan.fiscalYear).toEqual({ sheet: 'ข้อมูลทั่วไป', cell: 'B5', value: 2569 });
  });

  it('writes the year back in the form it was typed', () => {
    const cases: [unknown, unknown][] = [
      [2568, 2569],
      ['2568', '2569'],
      ['๒๕๖๘', '๒๕๖๙'],
      ['พ.ศ. 2568', 'พ.ศ. 2569'],
    ];
    for (const [typed, written] of cases) {
      const planned = planNewYear(historyWith({}, { ข้อมูลทั่วไป: { B5: typed } }), NAMES);
      expect(planned.ok && planned.plan.fiscalYear.value).toBe(written);
    }
  });

  it('never throws and never plans over a refusal, on the seed with random cells replaced', () => {
    const cell = fc.oneof(
      fc.string(),
      fc.double(),
      fc.integer({ min: -5, max: 3000 }),
      fc.boolean(),
      fc.constantFrom('', null, '#N/A', '๒๕๖๗', 2567, 2568, 'ITA', 'EIT1', '93.53', 150),
    );
    const tabs = fc
      .array(fc.tuple(fc.constantFrom(...NAMES), fc.nat(25), fc.nat(7), cell), { maxLength: 10 })
      .map((changes) => {
        const t: TabValues = seedWithHistory();
        for (const [tab, r, c, v] of changes) {
          const rows = t[tab] ?? (t[tab] = [[]]);
          const row = rows[r % rows.length];
          if (row) row[c] = v;
        }
        return t;
      });
    fc.assert(
      fc.property(tabs, fc.array(fc.constantFrom(...NAMES, 'คะแนน ปี 2568', 'x')), (t, names) => {
        const planned = planNewYear(t, names);
        if (planned.ok) {
          expect(planned.plan.next).toBe(planned.plan.year + 1);
          expect(planned.plan.copied.length).toBeGreaterThan(0);
        } else {
          expect(planned.message).toMatch(/[ก-๙]/);
        }
        const copies: TabValues = t['คะแนน'] ? { 'คะแนน ปี 2568': t['คะแนน'] } : {};
        expect(() => planRestore(t, names, copies)).not.toThrow();
        expect(() => planNewYear(t, names, {}, copies)).not.toThrow();
      }),
      { numRuns: 150 },
    );
  });

  it('refuses an empty workbook and one without a year, in Thai', () => {
    for (const tabs of [{}, { ...seedTabs('corrected'), ข้อมูลทั่วไป: [['รายการ', 'ข้อมูล']] }]) {
      const planned = planNewYear(tabs, []);
      expect(planned.ok).toBe(false);
      if (!planned.ok) expect(planned.message).toContain('ยังไม่มีปีงบประมาณที่ถูกต้อง');
    }
  });
});
