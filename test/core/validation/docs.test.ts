import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { RULES, validateWorkbook } from '../../../src/core/validation';
import type { TabValues } from '../../../src/core/workbook/cells';
import { historyWith } from '../../fixtures/history';
import { seedTabs } from '../../fixtures/seed-workbook';
import { corrected } from './helpers';

// Workbooks that together raise every rule once: the docs' example messages come from them.
const SCENARIOS: TabValues[] = [
  seedTabs('published'),
  { คะแนน: [['x']] },
  {
    ...corrected(),
    ผู้ลงนาม: [
      ['ลำดับ', 'บทบาท', 'บทบาท', 'ยศ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'รักษาราชการแทน', 'อีเมล'],
      [1, 'ผู้เสนอ', '', '', 'ก', 'ข', '', ''],
    ],
  },
  corrected({ ผู้ลงนาม: { D2: 'นายชนภัช ปฐุมารรณ์' } }),
  corrected({
    ข้อมูลทั่วไป: {
      A3: 'อำเภ',
      B5: 2025,
      B6: '',
      B13: 'yes',
      B9: '3 ต.ค. 2025',
      A17: 'ชื่อหน่วยงาน',
      B17: 'x',
    },
  }),
  corrected({ ข้อมูลทั่วไป: { B5: 2570, B9: '3 ตุลาคม 2570' } }),
  corrected({ ข้อมูลทั่วไป: { B5: 'ปีนี้' } }),
  corrected({
    ข้อมูลทั่วไป: {
      A17: 'กำหนดส่งความเห็น',
      B17: 'ปลายเดือนนี้',
      A18: 'ลิงก์เผยแพร่',
      B18: 'https://drive.google.com/drive/folders/1AbCdEfGhIjKlMnOpQrStUvWxYz',
    },
  }),
  corrected({ ข้อมูลทั่วไป: { B9: '1 กันยายน 2567' } }),
  corrected({ ข้อมูลทั่วไป: { B9: '1 เมษายน 2569' } }),
  corrected({ ข้อมูลทั่วไป: { B2: 'ศูนย์พัฒนาเด็กเล็กบ้านใหม่' } }),
  corrected({ ผู้ลงนาม: { B5: 'ผู้อนุมัติ', B3: 'ผู้เสนอ', A4: 'สาม', G2: 'chonaphat@', A2: 3 } }),
  corrected({ ผู้ลงนาม: { A3: 3 } }),
  corrected({ ผู้ลงนาม: { A5: 0 } }),
  corrected({
    คะแนน: { C2: 90, C4: 'ดีมาก', C5: 150, C6: 93.535, A7: 'IIT1', A8: 'IIT.2', C20: '#N/A' },
  }),
  historyWith({
    E1: 'ปี 67/68',
    F1: 2568,
    G1: '๒๕๖๗',
    A3: 'IIT1',
    A8: 'OIT',
    C8: 80,
    C2: 'ดีมาก',
    D3: 150,
    C4: 79.355,
  }),
  historyWith(
    { E1: 2568, E2: 93.65, E3: 91.33, E4: 90, E5: 81.66, E6: 97.56, E7: 98.13 },
    { ข้อมูลทั่วไป: { B5: 2569 } },
  ),
  corrected({ ข้อเสนอแนะ: { A2: 'EIT', A3: 'EIT1', B3: 3, B4: 11, C5: 'i7', C6: 'abc', D7: '' } }),
  corrected({
    มาตรการ: {
      D3: 'ตุลาคม ๒๕๖๖ ถึง กันยายน ๒๕๖๗',
      D4: 'ตลอดปี',
      C2: ' สำนัก\u200bปลัด  ',
      E2: 'ประชุม 3 ครั้ง ปี ๒๕๖๘',
    },
  }),
  corrected({
    ข้อมูลทั่วไป: {
      B14: 'abc',
      B15: 'https://docs.google.com/document/d/1AbCdEfGhIjKlMnOpQrStUvWxYz0123456789/edit',
    },
    ผู้ลงนาม: { E2: new Date(Date.UTC(2025, 9, 2, 17)) },
    มาตรการ: { F2: 'ผล'.repeat(2600) },
  }),
];

describe('docs/validation.md', () => {
  const docs = readFileSync(join(__dirname, '../../../docs/validation.md'), 'utf8');
  const rows = [
    ...docs.matchAll(
      /^\| `([a-z0-9-]+)`\s*\|\s*(\w+)\s*\|.*\|\s*(\S+?)(?:!([A-Z]+\d+))?: (.*?)\s*\|$/gm,
    ),
  ];

  test('documents every rule with its severity, and no other', () => {
    expect(rows.map((r) => r[1]).sort()).toEqual(Object.keys(RULES).sort());
    for (const [, id, severity] of rows) {
      expect(severity).toBe(RULES[id as keyof typeof RULES].severity);
    }
  });

  test('every example message is what the validator says', () => {
    const outside = { outside: [{ sheet: 'มาตรการ', cell: 'A10001' }] };
    const said = new Set(
      [...SCENARIOS.map((tabs) => validateWorkbook(tabs)), validateWorkbook(corrected(), outside)]
        .flat()
        .map((f) => `${f.rule} ${f.sheet}${f.cell ? `!${f.cell}` : ''}: ${f.message}`),
    );
    for (const [, id, , sheet, cell, message] of rows) {
      // Checked by the add-on from what it keeps, not from the cells (src/gas/generate.ts).
      if (id === 'garuda-missing') continue;
      const at = cell ? `${sheet}!${cell}` : sheet;
      expect(said).toContain(`${id} ${at}: ${message.replace(/\\\|/g, '|')}`);
    }
  });
});
