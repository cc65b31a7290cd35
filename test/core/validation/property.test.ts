import fc from 'fast-check';
import { RULES, validateWorkbook, type Finding } from '../../../src/core/validation';
import { fromA1 } from '../../../src/core/workbook/a1';
import type { TabValues } from '../../../src/core/workbook/cells';
import { GENERAL_LABELS, ROLES, scoreRows, TABS } from '../../../src/core/workbook/contract';
import { seedWithHistory } from '../../fixtures/history';

// Any value getValues() could return, and then some: strings (Thai, emoji, very long), numbers
// (NaN, ±Infinity, negatives), booleans, Dates (invalid too), '', null, undefined, error strings,
// and values that mean something to the reader (labels, roles, codes, Thai dates).
const meaningful = [
  ...GENERAL_LABELS.map((l) => l.label),
  ...ROLES.map((r) => r.label),
  ...scoreRows(2568).map((r) => r.code),
  'IIT',
  'EIT1',
  'OIT',
  'i4',
  '๑๔',
  '๐๘',
  'e๑',
  'ใช่',
  'ไม่',
  '๓ ตุลาคม ๒๕๖๘',
  '3 ต.ค. 2025',
  'มกราคม-พฤษภาคม ๒๕๖๘',
  'องค์การบริหารส่วนตำบลเมืองเก่า',
  'เทศบาลตำบลเมืองกาย',
  'พนักงานเทศบาล',
  'พ.ศ.๒๕๖๘',
  'อ้างอิงจาก ๐๘',
  '93.53',
  '๙๓.๕๓',
  '1,234.5',
];
const cellValue: fc.Arbitrary<unknown> = fc.oneof(
  { arbitrary: fc.string(), weight: 3 },
  fc.string({ unit: 'grapheme' }),
  fc.string({
    unit: fc.constantFrom(...'กขคงจฉ่้ำะาิีเแโไๆฯ๐๑๒๓๔๕ .-/0123456789 \u200b\u00a0'.split('')),
  }),
  { arbitrary: fc.string({ minLength: 1000, maxLength: 2000 }), weight: 1 },
  fc.double(),
  fc.integer({ min: -10, max: 3000 }),
  fc.boolean(),
  fc.date(),
  fc.constant(new Date(NaN)),
  fc.constantFrom('', null, undefined, '#N/A', '#REF!', '#VALUE!', '#DIV/0!', '😀🇹🇭', '\u200b'),
  fc.constantFrom(...meaningful),
);

function rowsFor(headers: readonly string[]) {
  return fc
    .tuple(
      fc.shuffledSubarray([...headers], { minLength: headers.length }),
      fc.boolean(),
      fc.array(
        fc.array(cellValue, { minLength: headers.length + 1, maxLength: headers.length + 1 }),
        {
          maxLength: 8,
        },
      ),
    )
    .map(([order, extra, rows]) => {
      const header = extra ? [...order, 'หมายเหตุของฉัน'] : order;
      return [header, ...rows.map((r) => r.slice(0, header.length))];
    });
}

// ผลย้อนหลัง's year columns are found by their headers too: give it some.
const headersOf = (t: (typeof TABS)[number]): string[] => [
  ...t.columns.map((c) => c.header),
  ...(t.key === 'history' ? ['2566', '๒๕๖๗', 'ปี 2568'] : []),
];

const randomTabs: fc.Arbitrary<TabValues> = fc
  .tuple(...TABS.map((t) => rowsFor(headersOf(t))))
  .map((all) => Object.fromEntries(TABS.map((t, i) => [t.name, all[i]])));

// The corrected seed (with ผลย้อนหลัง) with random cells replaced: reaches the deeper rules
// (arithmetic, codes).
const mutatedSeed: fc.Arbitrary<TabValues> = fc
  .array(fc.tuple(fc.constantFrom(...TABS.map((t) => t.name)), fc.nat(30), fc.nat(9), cellValue), {
    maxLength: 12,
  })
  .map((changes) => {
    const tabs = seedWithHistory();
    for (const [tab, r, c, v] of changes) {
      const rows = tabs[tab];
      const row = rows[1 + (r % Math.max(1, rows.length - 1))];
      if (row) row[c % Math.max(1, rows[0].length)] = v;
    }
    return tabs;
  });

function checkFindings(tabs: TabValues, findings: readonly Finding[]) {
  const seen = new Set<string>();
  for (const f of findings) {
    expect(Object.keys(tabs)).toContain(f.sheet);
    const at = fromA1(f.cell);
    expect(at).not.toBeNull();
    const rows = tabs[f.sheet];
    const width = Math.max(...rows.map((r) => r.length));
    expect(at!.row).toBeLessThanOrEqual(rows.length);
    expect(at!.column).toBeLessThanOrEqual(width);
    expect(f.severity).toBe(RULES[f.rule].severity);
    expect(typeof f.message).toBe('string');
    const key = `${f.sheet}|${f.cell}|${f.rule}`;
    expect(seen.has(key)).toBe(false);
    seen.add(key);
  }
}

describe('validateWorkbook on any cell values', () => {
  test('never throws; every finding names an existing sheet and a cell inside its data', () => {
    fc.assert(
      fc.property(randomTabs, (tabs) => {
        checkFindings(tabs, validateWorkbook(tabs));
      }),
      { numRuns: 200 },
    );
  });

  test('the same on the seed with random cells replaced', () => {
    fc.assert(
      fc.property(mutatedSeed, (tabs) => {
        checkFindings(tabs, validateWorkbook(tabs));
      }),
      { numRuns: 300 },
    );
  });

  test('live checking of any tab never throws either', () => {
    fc.assert(
      fc.property(randomTabs, fc.constantFrom(...TABS.map((t) => t.name)), (tabs, name) => {
        const one = { [name]: tabs[name] };
        checkFindings(one, validateWorkbook(one, { only: name }));
      }),
      { numRuns: 100 },
    );
  });

  test('ragged and odd shapes', () => {
    const odd = {
      ข้อมูลทั่วไป: [],
      ผู้ลงนาม: [['ลำดับ'], [], [1, 'ผู้เสนอ', 'x', 'y', 'z', 'w', 'v', 'extra']],
      คะแนน: 'not an array',
      ข้อเสนอแนะ: [null, ['ส่วน']],
      มาตรการ: [
        [undefined, 'มาตรการ/กิจกรรม'],
        ['ก', 'ข'],
      ],
    } as unknown as TabValues;
    expect(() => validateWorkbook(odd)).not.toThrow();
  });
});
