import { fromA1 } from '../../../src/core/workbook/a1';
import type { TabValues } from '../../../src/core/workbook/cells';
import { validateWorkbook, type Finding } from '../../../src/core/validation';
import { seedTabs } from '../../fixtures/seed-workbook';

/** The corrected seed with some cells changed: { tab: { A1: value } }. */
export function corrected(changes: Record<string, Record<string, unknown>> = {}): TabValues {
  const tabs = seedTabs('corrected');
  for (const [tab, cells] of Object.entries(changes)) {
    for (const [a1, value] of Object.entries(cells)) {
      const { row, column } = fromA1(a1) as { row: number; column: number };
      const rows = tabs[tab];
      while (rows.length < row) rows.push([]);
      rows[row - 1][column - 1] = value;
    }
  }
  return tabs;
}

/**
 * The corrected seed keeps one warning on purpose: its author also comments on the memo as
 * acting head of สำนักปลัด (ผู้ลงนาม!D3, signatory-signs-twice), as in the seed. fixtures.test.ts
 * pins it; comparisons here leave it out so each test sees only what its change causes.
 */
export function isSeedSignsTwice(f: Finding): boolean {
  return f.rule === 'signatory-signs-twice' && f.sheet === 'ผู้ลงนาม' && f.cell === 'D3';
}

export function findingsOf(tabs: TabValues): Finding[] {
  return validateWorkbook(tabs).filter((f) => !isSeedSignsTwice(f));
}

/** "sheet!cell rule" for compact assertions. */
export const where = (f: Finding) => `${f.sheet}!${f.cell} ${f.rule}`;

export function only(findings: readonly Finding[], rule: string): Finding[] {
  return findings.filter((f) => f.rule === rule);
}
