import { hasErrors, validateWorkbook } from '../../../src/core/validation';
import { seedTabs } from '../../fixtures/seed-workbook';
import { only, where } from './helpers';

describe('the seed as published', () => {
  const findings = validateWorkbook(seedTabs('published'));

  test('blocks memo generation', () => expect(hasErrors(findings)).toBe(true));

  test('EIT2 does not add up: flagged at the EIT2 row’s คะแนน cell, naming the cells', () => {
    const [f] = only(findings, 'score-arithmetic');
    expect(only(findings, 'score-arithmetic')).toHaveLength(1);
    expect(f).toMatchObject({ severity: 'error', sheet: 'คะแนน', cell: 'C14' });
    expect(f.message).toContain('97.56');
    expect(f.message).toContain('91.68');
    for (const cell of ['C15', 'C16', 'C17']) expect(f.message).toContain(cell);
  });

  test('codes that lost their letter, with suggestions', () => {
    const garbled = only(findings, 'recommendation-code-garbled');
    expect(garbled.map((f) => [f.cell, f.message.match(/แก้เป็น “([^”]+)”/)?.[1]])).toEqual([
      ['C3', 'i4'],
      ['C4', 'i10'],
      ['C5', 'i12'],
      ['C6', 'i13'],
      ['C7', 'i14'],
      ['C8', 'i15'],
    ]);
    expect(garbled[0].message).toContain('“๑๔”');
    const refs = only(findings, 'text-garbled-reference');
    expect(refs.find((f) => f.cell === 'D2')?.message).toContain('o8');
  });

  test('municipal staff in an อบต.', () => {
    const f = only(findings, 'text-other-kind-term');
    expect(f.map(where)).toEqual([
      'มาตรการ!B4 text-other-kind-term',
      'มาตรการ!F4 text-other-kind-term',
    ]);
    expect(f[0].message).toContain('“พนักงานส่วนตำบล”');
  });

  test('another office’s name', () => {
    const f = only(findings, 'text-foreign-organisation');
    expect(f.map(where)).toEqual(['มาตรการ!F5 text-foreign-organisation']);
    expect(f[0].message).toContain('“องค์การบริหารส่วนตำบลเมืองกาย”');
  });

  test('เรียน lost the ก of นายก', () => {
    const [f] = only(findings, 'addressee-unknown-post');
    expect(f).toMatchObject({ severity: 'warning', sheet: 'ข้อมูลทั่วไป', cell: 'B11' });
    expect(f.message).toContain('แก้เป็น “นายกองค์การบริหารส่วนตำบลเมืองเก่า”');
  });

  test('the author spelled two ways, พ.ศ.๒๕๖๘ without spaces', () => {
    expect(only(findings, 'signatory-name-variant').map(where)).toEqual([
      'ผู้ลงนาม!D3 signatory-name-variant',
    ]);
    expect(only(findings, 'text-be-spacing').map(where)).toEqual([
      'มาตรการ!A2 text-be-spacing',
      'มาตรการ!E2 text-be-spacing',
    ]);
  });

  test('exactly these findings', () => {
    const counts: Record<string, number> = {};
    for (const f of findings)
      counts[`${f.severity} ${f.rule}`] = (counts[`${f.severity} ${f.rule}`] ?? 0) + 1;
    expect(counts).toEqual({
      'error score-arithmetic': 1,
      'error recommendation-code-garbled': 6,
      'warning addressee-unknown-post': 1,
      'warning signatory-name-variant': 1,
      'warning text-garbled-reference': 15,
      'warning text-be-spacing': 2,
      'warning text-other-kind-term': 2,
      'warning text-foreign-organisation': 1,
      'info recommendation-code-thai-digits': 12,
    });
  });
});

describe('the seed corrected', () => {
  test('has one finding: its author also comments as acting head, as in the seed', () => {
    expect(validateWorkbook(seedTabs('corrected')).map((f) => [f.rule, f.sheet, f.cell])).toEqual([
      ['signatory-signs-twice', 'ผู้ลงนาม', 'D3'],
    ]);
  });
});
