// The comparison with earlier years: the table's figures and the sentences derived from them,
// as golden texts for rising, falling, unchanged and mixed histories (read as a Thai reader
// would: every figure in a sentence is one the table prints).
import { memoContent } from '../../../src/core/memo';
import { compareYears, MAX_COMPARED_YEARS } from '../../../src/core/memo/year-over-year';
import { assessScores, itaRulesFor } from '../../../src/core/ita';
import type { Scope } from '../../../src/core/template/schema';
import type { TabValues } from '../../../src/core/workbook/cells';
import { readWorkbook, scoreValues } from '../../../src/core/workbook';
import { historyTab, RISING, seedWithHistory, withScores } from '../../fixtures/history';
import { seedTabs } from '../../fixtures/seed-workbook';

const SENTENCES = ['สรุปผลเทียบปีก่อน', 'สรุปการผ่านเกณฑ์รายเครื่องมือ', 'สรุปแนวโน้มรายเครื่องมือ'];

function valuesOf(tabs: TabValues): Scope {
  return memoContent(readWorkbook(tabs).data).values;
}

function sentences(tabs: TabValues): string[] {
  const values = valuesOf(tabs);
  return SENTENCES.map((k) => values[k] as string);
}

/** Rows of the comparison table as printed: name, then one cell per year. */
function table(tabs: TabValues): string[][] {
  const values = valuesOf(tabs);
  const rows = values['แถวเปรียบเทียบ'] as Scope[];
  const years = [1, 2, 3, 4, 5].map((n) => values[`ปีที่ ${n}`]).filter((y) => y);
  return [
    ['', ...(years as string[])],
    ...rows.map((r) => [
      r['ชื่อ'] as string,
      ...years.map((_, i) => r[`คะแนนปีที่ ${i + 1}`] as string),
    ]),
  ];
}

describe('rising: 2566, 2567 and the seed’s 2568', () => {
  const tabs = seedWithHistory();

  it('prints the table with years as columns and Thai digits, – where a year has no score', () => {
    expect(table(tabs)).toEqual([
      ['', '๒๕๖๖', '๒๕๖๗', '๒๕๖๘'],
      ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)', '๘๕.๔๐', '๘๘.๕๒', '๙๑.๓๓'],
      ['แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)', '๗๙.๓๕', '๘๔.๑๐', '๘๙.๖๑'],
      ['EIT ส่วนที่ ๑', '–', '๘๐.๒๐', '๘๑.๖๖'],
      ['EIT ส่วนที่ ๒', '–', '๘๘.๐๐', '๙๗.๕๖'],
      ['แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', '๘๒.๕๐', '๙๐.๐๑', '๙๘.๑๓'],
      ['คะแนนรวม ITA', '๘๒.๔๓', '๘๗.๗๙', '๙๓.๕๓'],
    ]);
    const values = valuesOf(tabs);
    expect(values['มีผลย้อนหลัง']).toBe(true);
    expect(values['ตารางเปรียบเทียบ 3 ปี']).toBe(true);
    expect(values['ตารางเปรียบเทียบ 2 ปี']).toBe(false);
    expect(values['ช่วงปีเปรียบเทียบ']).toBe('๒๕๖๖–๒๕๖๘');
    expect(values['ปีก่อน']).toBe('๒๕๖๗');
    expect(values['คะแนนรวมปีก่อน']).toBe('๘๗.๗๙');
    expect(values['ผลต่างคะแนนรวม']).toBe('เพิ่มขึ้น ๕.๗๔ คะแนน');
  });

  it('states the change of the ITA from 2567, the tools that crossed 85, the best and weakest tool', () => {
    expect(sentences(tabs)).toEqual([
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ที่ ๙๓.๕๓ คะแนน เพิ่มขึ้น ๕.๗๔ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ซึ่งได้ ๘๗.๗๙ คะแนน และเพิ่มขึ้นต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๖ เป็นต้นมา',
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ EIT มีคะแนนเพิ่มขึ้นจนผ่านเกณฑ์ ๘๕ คะแนน (จาก ๘๔.๑๐ เป็น ๘๙.๖๑ คะแนน) ส่วน IIT และ OIT มีคะแนนผ่านเกณฑ์ทั้งสองปี',
      'ในปีงบประมาณ พ.ศ. ๒๕๖๘ เครื่องมือที่ได้คะแนนสูงสุดคือ OIT (๙๘.๑๓ คะแนน) ซึ่งเพิ่มขึ้น ๘.๑๒ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ส่วนเครื่องมือที่ได้คะแนนต่ำสุดคือ EIT (๘๙.๖๑ คะแนน) ซึ่งเพิ่มขึ้น ๕.๕๑ คะแนน',
    ]);
  });

  it('writes Arabic digits when the office asks for them', () => {
    const arabic = {
      ...tabs,
      ข้อมูลทั่วไป: seedTabs('corrected')['ข้อมูลทั่วไป'].map((r) =>
        r[0] === 'ใช้เลขไทย' ? [r[0], 'ไม่'] : r,
      ),
    };
    expect(sentences(arabic)[0]).toBe(
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. 2568 อยู่ที่ 93.53 คะแนน เพิ่มขึ้น 5.74 คะแนนจากปีงบประมาณ พ.ศ. 2567 ซึ่งได้ 87.79 คะแนน และเพิ่มขึ้นต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. 2566 เป็นต้นมา',
    );
    expect(table(arabic)[6]).toEqual(['คะแนนรวม ITA', '82.43', '87.79', '93.53']);
  });
});

describe('falling: every tool lower than in 2567', () => {
  // 2568: IIT 84.50, EIT 80.00 (78.00, 82.00), OIT 86.00 → ITA 83.75; 2567 → ITA 88.06.
  const tabs = withScores(seedWithHistory([[2567, { ITA: 88.06, IIT: 90, EIT: 86.2, OIT: 88 }]]), {
    ITA: 83.75,
    IIT: 84.5,
    EIT: 80,
    EIT1: 78,
    EIT2: 82,
    OIT: 86,
  });

  it('says ลดลง, names the tools that fell below 85 with their figures', () => {
    expect(sentences(tabs)).toEqual([
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ที่ ๘๓.๗๕ คะแนน ลดลง ๔.๓๑ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ซึ่งได้ ๘๘.๐๖ คะแนน',
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ IIT และ EIT มีคะแนนลดลงต่ำกว่าเกณฑ์ ๘๕ คะแนน (IIT จาก ๙๐.๐๐ เป็น ๘๔.๕๐ คะแนน และ EIT จาก ๘๖.๒๐ เป็น ๘๐.๐๐ คะแนน) ส่วน OIT มีคะแนนผ่านเกณฑ์ทั้งสองปี',
      'ในปีงบประมาณ พ.ศ. ๒๕๖๘ เครื่องมือที่ได้คะแนนสูงสุดคือ OIT (๘๖.๐๐ คะแนน) ซึ่งลดลง ๒.๐๐ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ส่วนเครื่องมือที่ได้คะแนนต่ำสุดคือ EIT (๘๐.๐๐ คะแนน) ซึ่งลดลง ๖.๒๐ คะแนน',
    ]);
    expect(valuesOf(tabs)['ตารางเปรียบเทียบ 2 ปี']).toBe(true);
  });
});

describe('unchanged: 2567 scored exactly what 2568 did', () => {
  const tabs = seedWithHistory([['2567', { ITA: 93.53, IIT: 91.33, EIT: 89.61, OIT: 98.13 }]]);

  it('says เท่าเดิม and that every tool passed both years', () => {
    expect(sentences(tabs)).toEqual([
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ที่ ๙๓.๕๓ คะแนน เท่าเดิมเมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗',
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ ทุกเครื่องมือ (IIT, EIT และ OIT) มีคะแนนผ่านเกณฑ์ ๘๕ คะแนนทั้งสองปี',
      'ในปีงบประมาณ พ.ศ. ๒๕๖๘ เครื่องมือที่ได้คะแนนสูงสุดคือ OIT (๙๘.๑๓ คะแนน) ซึ่งได้คะแนนเท่าเดิมเมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ ส่วนเครื่องมือที่ได้คะแนนต่ำสุดคือ EIT (๘๙.๖๑ คะแนน) ซึ่งได้คะแนนเท่าเดิม',
    ]);
    expect(valuesOf(tabs)['ผลต่างคะแนนรวม']).toBe('เท่าเดิม');
  });
});

describe('mixed: the ITA rose while one tool fell below 85 and one stayed below', () => {
  // 2568: IIT 91.33, EIT 84.20 (80.00, 88.40), OIT 83.00 → ITA 85.86. 2567: 84.00, 86.00, 80.00
  // → 83.00. 2566 scored more than 2567, so there is no run of rises to report.
  const tabs = withScores(
    seedWithHistory([
      [2566, { ITA: 84.1 }],
      [2567, { ITA: 83, IIT: 84, EIT: 86, OIT: 80 }],
    ]),
    { ITA: 85.86, IIT: 91.33, EIT: 84.2, EIT1: 80, EIT2: 88.4, OIT: 83 },
  );

  it('names each group once, the pass mark in the first', () => {
    expect(sentences(tabs)).toEqual([
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ที่ ๘๕.๘๖ คะแนน เพิ่มขึ้น ๒.๘๖ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ซึ่งได้ ๘๓.๐๐ คะแนน',
      'เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ IIT มีคะแนนเพิ่มขึ้นจนผ่านเกณฑ์ ๘๕ คะแนน (จาก ๘๔.๐๐ เป็น ๙๑.๓๓ คะแนน) ส่วน EIT มีคะแนนลดลงต่ำกว่าเกณฑ์ (จาก ๘๖.๐๐ เป็น ๘๔.๒๐ คะแนน) และ OIT ยังมีคะแนนต่ำกว่าเกณฑ์เช่นเดียวกับปีก่อน (จาก ๘๐.๐๐ เป็น ๘๓.๐๐ คะแนน)',
      'ในปีงบประมาณ พ.ศ. ๒๕๖๘ เครื่องมือที่ได้คะแนนสูงสุดคือ IIT (๙๑.๓๓ คะแนน) ซึ่งเพิ่มขึ้น ๗.๓๓ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ส่วนเครื่องมือที่ได้คะแนนต่ำสุดคือ OIT (๘๓.๐๐ คะแนน) ซึ่งเพิ่มขึ้น ๓.๐๐ คะแนน',
    ]);
  });
});

describe('which years and figures are compared', () => {
  it('nothing to compare without ผลย้อนหลัง, or with only empty year columns', () => {
    for (const tabs of [
      seedTabs('corrected'),
      { ...seedTabs('corrected'), ผลย้อนหลัง: historyTab([[2567, {}]]) },
    ]) {
      const values = valuesOf(tabs);
      expect(values['มีผลย้อนหลัง']).toBe(false);
      expect(values['แถวเปรียบเทียบ']).toEqual([]);
      for (const k of SENTENCES) expect(values[k]).toBe('');
      expect(values['แผนภูมิผลย้อนหลัง']).toBeNull();
    }
  });

  it('compares with the latest earlier year that has an ITA score', () => {
    const values = valuesOf(
      seedWithHistory([
        [2566, { ITA: 90.1, IIT: 90 }],
        [2567, { IIT: 88 }],
      ]),
    );
    expect(values['ปีก่อน']).toBe('๒๕๖๖');
    expect(values['สรุปผลเทียบปีก่อน']).toContain('เพิ่มขึ้น ๓.๔๓ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๖');
  });

  it(`shows at most ${MAX_COMPARED_YEARS} years: the fiscal year and the latest four before it`, () => {
    const years = [2561, 2562, 2563, 2564, 2565, 2566, 2567].map(
      (y): [unknown, { ITA: number }] => [y, { ITA: 80 + (y - 2560) }],
    );
    const { data } = readWorkbook(seedWithHistory(years));
    const rules = itaRulesFor(2568);
    const c = compareYears(data, assessScores(rules, scoreValues(data.scores)));
    expect(c?.years).toEqual([2564, 2565, 2566, 2567, 2568]);
  });

  it('leaves out years that validation rejects: later than the fiscal year, repeated, not a year', () => {
    const { data } = readWorkbook(
      seedWithHistory([
        [2569, { ITA: 99 }],
        ['ปี 67', { ITA: 70 }],
        [2567, { ITA: 87.79 }],
        ['๒๕๖๗', { ITA: 10 }],
      ]),
    );
    const rules = itaRulesFor(2568);
    const c = compareYears(data, assessScores(rules, scoreValues(data.scores)));
    expect(c?.years).toEqual([2567, 2568]);
    expect(c?.rows.find((r) => r.code === 'ITA')?.values).toEqual([8779, 9353]);
  });
});

it('the history fixture adds up (illustrative figures, not the office’s)', () => {
  for (const [, s] of RISING) {
    const ita =
      Math.round(
        (0.3 * (s.IIT as number) + 0.3 * (s.EIT as number) + 0.4 * (s.OIT as number)) * 100 + 1e-6,
      ) / 100;
    expect(Math.abs(ita - (s.ITA as number))).toBeLessThanOrEqual(0.01);
  }
});
