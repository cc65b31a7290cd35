// Golden texts of the report's level sentence for every level outcome, read as a Thai reader
// reads them: no clause after a tool below 85 may say that it passed (issue 9: "…น้อยกว่า ๘๕
// คะแนน ได้แก่ EIT ส่วนที่ ๑ ซึ่งผ่านค่าเป้าหมาย…" read as if EIT ส่วนที่ ๑ passed).
import { builtinTemplate, memoContent } from '../../../src/core/memo';
import { placeholderKey, type Scope } from '../../../src/core/template';
import { readWorkbook } from '../../../src/core/workbook';
import { seedTabs } from '../../fixtures/seed-workbook';
import { withDigits, type DigitStyle } from '../../../src/core/thai/digits';

/** The corrected seed with these published scores (the level uses the published figures). */
function valuesWith(scores: Record<string, number>, digits: DigitStyle = 'thai'): Scope {
  const tabs = seedTabs('corrected');
  const rows = tabs['คะแนน'].map((row) =>
    typeof row[0] === 'string' && row[0] in scores ? [row[0], row[1], scores[row[0]]] : row,
  );
  const general = tabs['ข้อมูลทั่วไป'].map((row) =>
    row[0] === 'ใช้เลขไทย' ? [row[0], digits === 'thai' ? 'ใช่' : 'ไม่'] : row,
  );
  return memoContent(readWorkbook({ ...tabs, คะแนน: rows, ข้อมูลทั่วไป: general }).data).values;
}

/**
 * The summary paragraph of the built-in template, filled with `values`; the template's own text
 * in `digits`, as `builtinTemplateRequests` writes it.
 */
function summary(values: Scope, digits: DigitStyle = 'thai'): string {
  const spec = builtinTemplate().find(
    (b) => b.type === 'p' && b.spans.some((s) => s.text.includes('{{เงื่อนไขระดับผลการประเมิน}}')),
  );
  if (!spec || spec.type !== 'p') throw new Error('no summary paragraph in the built-in template');
  return withDigits(spec.spans.map((s) => s.text).join(''), digits).replace(
    /\{\{([^{}]+)\}\}/g,
    (_, name: string) => String(values[placeholderKey(name)] ?? ''),
  );
}

const HEAD =
  'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ ขององค์การบริหารส่วนตำบลเมืองเก่า';
const TARGET_TAIL =
  'ค่าเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ ที่กำหนดให้หน่วยงานภาครัฐมีผลการประเมิน ITA ตั้งแต่ ๘๕ คะแนนขึ้นไป ผลการประเมินแยกตามรายเครื่องมือมีรายละเอียด ดังนี้';
const ALL_UNITS = '(IIT, EIT ส่วนที่ ๑, EIT ส่วนที่ ๒ และ OIT)';

describe('the level sentence, golden texts', () => {
  it('ผ่านดีเยี่ยม: overall and every tool 95 or more', () => {
    const v = valuesWith({ ITA: 97.2, IIT: 96, EIT: 97.5, EIT1: 96, EIT2: 99, OIT: 98 });
    expect(summary(v)).toBe(
      `${HEAD} ได้คะแนนในภาพรวม ๙๗.๒๐ คะแนน อยู่ในระดับผ่านดีเยี่ยม คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๙๕ คะแนนขึ้นไป และทุกเครื่องมือ ${ALL_UNITS} ได้คะแนนตั้งแต่ ๙๕ คะแนนขึ้นไป ทั้งนี้ คะแนน ITA ในภาพรวมผ่าน${TARGET_TAIL}`,
    );
  });

  it('ผ่านดี: overall and every tool 85 or more', () => {
    const v = valuesWith({ ITA: 90.4, IIT: 91.33, EIT: 89.5, EIT1: 86, EIT2: 93, OIT: 90.2 });
    expect(summary(v)).toBe(
      `${HEAD} ได้คะแนนในภาพรวม ๙๐.๔๐ คะแนน อยู่ในระดับผ่านดี คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๘๕ คะแนนขึ้นไป และทุกเครื่องมือ ${ALL_UNITS} ได้คะแนนตั้งแต่ ๘๕ คะแนนขึ้นไป ทั้งนี้ คะแนน ITA ในภาพรวมผ่าน${TARGET_TAIL}`,
    );
  });

  // ผ่าน with each tool below 85 in turn: the tool and its score come last in the clause.
  const one: [string, string, Record<string, number>][] = [
    ['IIT', 'IIT (๘๔.๙๙ คะแนน)', { IIT: 84.99, EIT1: 90 }],
    ['EIT ส่วนที่ ๑', 'EIT ส่วนที่ ๑ (๘๑.๖๖ คะแนน)', {}],
    ['EIT ส่วนที่ ๒', 'EIT ส่วนที่ ๒ (๘๐.๐๐ คะแนน)', { EIT1: 90, EIT2: 80 }],
    ['OIT', 'OIT (๗๐.๕๐ คะแนน)', { EIT1: 90, OIT: 70.5 }],
  ];
  it.each(one)('ผ่าน with %s alone below 85', (_, named, scores) => {
    expect(summary(valuesWith(scores))).toBe(
      `${HEAD} ได้คะแนนในภาพรวม ๙๓.๕๓ คะแนน อยู่ในระดับผ่าน คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๘๕ คะแนนขึ้นไป แต่มีเครื่องมือที่ยังได้คะแนนต่ำกว่า ๘๕ คะแนน ได้แก่ ${named} ทั้งนี้ คะแนน ITA ในภาพรวมผ่าน${TARGET_TAIL}`,
    );
  });

  it('ผ่าน with several tools below 85: counted, each with its score', () => {
    const v = valuesWith({ ITA: 86.1, IIT: 84.5, EIT1: 81.66, OIT: 83 });
    expect(summary(v)).toBe(
      `${HEAD} ได้คะแนนในภาพรวม ๘๖.๑๐ คะแนน อยู่ในระดับผ่าน คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๘๕ คะแนนขึ้นไป แต่มีเครื่องมือที่ยังได้คะแนนต่ำกว่า ๘๕ คะแนน ๓ เครื่องมือ ได้แก่ IIT (๘๔.๕๐ คะแนน), EIT ส่วนที่ ๑ (๘๑.๖๖ คะแนน) และ OIT (๘๓.๐๐ คะแนน) ทั้งนี้ คะแนน ITA ในภาพรวมผ่าน${TARGET_TAIL}`,
    );
  });

  it('ไม่ผ่าน: overall below 85, with the tools below 85 named', () => {
    const v = valuesWith({ ITA: 80.25, IIT: 79, EIT1: 75, OIT: 84 });
    expect(summary(v)).toBe(
      `${HEAD} ได้คะแนนในภาพรวม ๘๐.๒๕ คะแนน อยู่ในระดับไม่ผ่าน คือ มีผลการประเมิน ITA ในภาพรวมต่ำกว่า ๘๕ คะแนน และมีเครื่องมือที่ยังได้คะแนนต่ำกว่า ๘๕ คะแนน ๓ เครื่องมือ ได้แก่ IIT (๗๙.๐๐ คะแนน), EIT ส่วนที่ ๑ (๗๕.๐๐ คะแนน) และ OIT (๘๔.๐๐ คะแนน) ทั้งนี้ คะแนน ITA ในภาพรวมยังไม่ผ่าน${TARGET_TAIL}`,
    );
  });

  // An office that writes Arabic digits gets no Thai digit anywhere in the sentence: the unit
  // names of the rules (EIT ส่วนที่ ๑) are written in the office's digits too.
  it('in Arabic digits when the office does not use Thai digits', () => {
    const text = summary(
      valuesWith({ ITA: 86.1, IIT: 84.5, EIT1: 81.66, OIT: 83 }, 'arabic'),
      'arabic',
    );
    expect(text).toBe(
      'ผลการประเมินคุณธรรมและความโปร่งใสในการดำเนินงานของหน่วยงานภาครัฐ (Integrity and Transparency Assessment: ITA) ประจำปีงบประมาณ พ.ศ. 2568 ขององค์การบริหารส่วนตำบลเมืองเก่า ได้คะแนนในภาพรวม 86.10 คะแนน อยู่ในระดับผ่าน คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ 85 คะแนนขึ้นไป แต่มีเครื่องมือที่ยังได้คะแนนต่ำกว่า 85 คะแนน 3 เครื่องมือ ได้แก่ IIT (84.50 คะแนน), EIT ส่วนที่ 1 (81.66 คะแนน) และ OIT (83.00 คะแนน) ทั้งนี้ คะแนน ITA ในภาพรวมผ่านค่าเป้าหมายตามแผนแม่บทภายใต้ยุทธศาสตร์ชาติ ประเด็นการต่อต้านการทุจริตและประพฤติมิชอบ ที่กำหนดให้หน่วยงานภาครัฐมีผลการประเมิน ITA ตั้งแต่ 85 คะแนนขึ้นไป ผลการประเมินแยกตามรายเครื่องมือมีรายละเอียด ดังนี้',
    );
    const best = summary(
      valuesWith({ ITA: 97.2, IIT: 96, EIT: 97.5, EIT1: 96, EIT2: 99, OIT: 98 }, 'arabic'),
      'arabic',
    );
    expect(best).toContain('ทุกเครื่องมือ (IIT, EIT ส่วนที่ 1, EIT ส่วนที่ 2 และ OIT)');
    expect(best).not.toMatch(/[\u0e50-\u0e59]/);
  });

  it('never follows a tool below 85 with a clause that could be read as its verdict', () => {
    const cases: Record<string, number>[] = [{}, { ITA: 80, IIT: 70 }, { IIT: 84, OIT: 80 }];
    for (const scores of cases) {
      const text = summary(valuesWith(scores));
      // After "(xx.xx คะแนน)" of the last tool below 85 comes a new sentence, not ซึ่ง/ที่/โดย.
      expect(text).not.toMatch(/คะแนน\) (ซึ่ง|ที่|โดย|และผ่าน)/);
      // Nothing between "ต่ำกว่า" and the next sentence (ทั้งนี้) says ผ่าน.
      const below = text.indexOf('ต่ำกว่า');
      if (below >= 0) expect(text.slice(below, text.indexOf('ทั้งนี้', below))).not.toContain('ผ่าน');
    }
  });
});

describe('the maintain/improve sentence of a unit, golden texts', () => {
  const values = valuesWith({});
  it('names the indicators to maintain and those to improve, each with its own score clause', () => {
    expect(values[placeholderKey('สรุปตัวชี้วัด IIT')]).toBe(
      'ดำเนินการตามตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่ ตัวชี้วัดที่ ๒ การใช้งบประมาณ ตัวชี้วัดที่ ๓ การใช้อำนาจ และตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ ได้คะแนนตั้งแต่ ๘๕ คะแนนขึ้นไป ควรรักษามาตรฐานไว้ ส่วนตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต ได้คะแนนต่ำกว่า ๘๕ คะแนน ควรพัฒนาและปรับปรุงการดำเนินการให้ดีขึ้น',
    );
    expect(values[placeholderKey('สรุปตัวชี้วัด EIT ส่วนที่ ๑')]).toBe(
      'ดำเนินการตามตัวชี้วัดที่ ๖ คุณภาพการดำเนินงาน ได้คะแนนตั้งแต่ ๘๕ คะแนนขึ้นไป ควรรักษามาตรฐานไว้ ส่วนตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร และตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน ได้คะแนนต่ำกว่า ๘๕ คะแนน ควรพัฒนาและปรับปรุงการดำเนินการให้ดีขึ้น',
    );
    expect(values[placeholderKey('สรุปตัวชี้วัด OIT')]).toBe(
      'ดำเนินการตามตัวชี้วัดที่ ๙ การเปิดเผยข้อมูล และตัวชี้วัดที่ ๑๐ การป้องกันการทุจริต ได้คะแนนตั้งแต่ ๘๕ คะแนนขึ้นไปทุกตัวชี้วัด ควรรักษามาตรฐานไว้และพัฒนาประสิทธิภาพการดำเนินงานอย่างต่อเนื่อง',
    );
  });
});

describe('an office that writes Arabic digits', () => {
  // Text staff typed (the assessors' points, the measures) is kept as typed; everything the
  // add-on writes follows the office's choice.
  const TYPED = new Set(['ประเด็น', 'มาตรการ']);
  it('gets no Thai digit in any generated value (unit names of the rules included)', () => {
    const found: string[] = [];
    const walk = (v: unknown, path: string): void => {
      if (typeof v === 'string' && /[\u0e50-\u0e59]/.test(v)) found.push(`${path}: ${v}`);
      else if (Array.isArray(v)) v.forEach((x, i) => walk(x, `${path}[${i}]`));
      else if (v && typeof v === 'object' && !(v instanceof Uint8Array))
        for (const [k, x] of Object.entries(v)) if (!TYPED.has(k)) walk(x, `${path}.${k}`);
    };
    walk(valuesWith({}, 'arabic'), 'values');
    expect(found).toEqual([]);
  });
});
