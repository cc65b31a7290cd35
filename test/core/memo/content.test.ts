import { memoContent } from '../../../src/core/memo';
import { placeholderKey, type Scope, type Value } from '../../../src/core/template';
import { readWorkbook } from '../../../src/core/workbook';
import { seedTabs } from '../../fixtures/seed-workbook';

const get = (scope: Scope, name: string): Value => scope[placeholderKey(name)];

describe('memo content from the corrected seed', () => {
  const { data } = readWorkbook(seedTabs('corrected'));
  const { values, schema } = memoContent(data);

  it('has a value for every placeholder of the schema and nothing else', () => {
    expect(Object.keys(values).sort()).toEqual(schema.map((f) => placeholderKey(f.name)).sort());
  });

  it('writes numbers in Thai digits with two decimals and the date in the Buddhist Era', () => {
    expect(get(values, 'คะแนนรวม')).toBe('๙๓.๕๓');
    expect(get(values, 'คะแนน EIT ส่วนที่ ๒')).toBe('๙๗.๕๖');
    expect(get(values, 'คะแนน EIT')).toBe('๘๙.๖๑');
    expect(get(values, 'วันที่หนังสือ')).toBe('๓ ตุลาคม ๒๕๖๘');
    expect(get(values, 'ปีงบประมาณ')).toBe('๒๕๖๘');
  });

  it('derives the level and the maintain/improve sentences from the scores', () => {
    expect(get(values, 'ระดับผลการประเมิน')).toBe('ผ่าน');
    expect(get(values, 'เงื่อนไขระดับผลการประเมิน')).toContain('ได้แก่ EIT ส่วนที่ ๑ (๘๑.๖๖ คะแนน)');
    expect(get(values, 'ตัวชี้วัดที่ควรพัฒนา IIT')).toBe('ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต');
    expect(get(values, 'ตัวชี้วัดที่ควรพัฒนา EIT ส่วนที่ ๑')).toBe(
      'ตัวชี้วัดที่ ๗ ประสิทธิภาพการสื่อสาร และตัวชี้วัดที่ ๘ การปรับปรุงการทำงาน',
    );
    expect(get(values, 'สรุปตัวชี้วัด OIT')).toContain('ทุกตัวชี้วัด');
  });

  it('groups recommendations under their indicators with their codes', () => {
    const groups = get(values, 'ข้อเสนอแนะ IIT') as Scope[];
    expect(groups.map((g) => get(g, 'ตัวชี้วัด'))).toEqual([
      'ตัวชี้วัดที่ ๑ การปฏิบัติหน้าที่',
      'ตัวชี้วัดที่ ๒ การใช้งบประมาณ',
      'ตัวชี้วัดที่ ๔ การใช้ทรัพย์สินของราชการ',
      'ตัวชี้วัดที่ ๕ การแก้ไขปัญหาการทุจริต',
    ]);
    expect((get(groups[3], 'รายการ') as Scope[]).map((r) => get(r, 'ข้อ'))).toEqual([
      'i13',
      'i14',
      'i15',
    ]);
  });

  it('lists signatories by role with the acting line', () => {
    const reviewers = get(values, 'ผู้ให้ความเห็น') as Scope[];
    expect(reviewers).toHaveLength(2);
    expect(get(reviewers[0], 'ตำแหน่งที่ให้ความเห็น')).toBe('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
    expect(get(reviewers[0], 'ตำแหน่งเต็ม')).toContain('รักษาราชการแทน หัวหน้าสำนักปลัด');
  });

  it('writes Arabic digits when the office asks for them', () => {
    const tabs = seedTabs('corrected');
    const general = tabs['ข้อมูลทั่วไป'].map((row) =>
      row[0] === 'ใช้เลขไทย' ? ['ใช้เลขไทย', 'ไม่'] : row,
    );
    const arabic = memoContent(readWorkbook({ ...tabs, ข้อมูลทั่วไป: general }).data).values;
    expect(get(arabic, 'คะแนนรวม')).toBe('93.53');
    expect(get(arabic, 'วันที่หนังสือ')).toBe('3 ตุลาคม 2568');
  });
});
