import { builtinTemplate, memoContent } from '../../../src/core/memo';
import {
  checkTemplate,
  expandTemplate,
  parseTemplate,
  type TplNode,
} from '../../../src/core/template';
import { readWorkbook } from '../../../src/core/workbook';
import { seedWithHistory } from '../../fixtures/history';
import { seedTabs } from '../../fixtures/seed-workbook';
import { applyPlan, para, type Out } from '../template/apply';

/** The built-in template as the filler reads it from a Google Doc. */
function asTemplate(): TplNode[] {
  return builtinTemplate().map((b): TplNode => {
    if (b.type === 'table')
      return { kind: 'table', rows: b.rows.map((r) => r.map((cell) => cell.map(para))) };
    if (b.type === 'pageBreak' || b.type === 'sectionBreak')
      return { kind: 'para', texts: [], other: true };
    return para(b.spans.map((s) => s.text).join(''));
  });
}

function flatten(out: Out[]): string[] {
  return out.flatMap((o) => {
    if (typeof o === 'string') return [o];
    if ('table' in o) return o.table.flatMap((row) => row.flatMap((cell) => flatten(cell)));
    if ('image' in o) return [`[${o.image}]`];
    return [];
  });
}

describe('the built-in template', () => {
  const body = asTemplate();
  const parsed = parseTemplate({ body });
  const { data } = readWorkbook(seedTabs('corrected'));
  const content = memoContent(data);

  it('is a valid template for the memo schema', () => {
    expect(parsed.problems).toEqual([]);
    expect(checkTemplate(parsed, content.schema)).toEqual([]);
  });

  it('fills completely from the corrected seed', () => {
    const lines = flatten(applyPlan({ body }, expandTemplate(parsed, content.values)));
    const text = lines.join('\n');
    expect(text).not.toContain('{{');
    // ที่ … วันที่ … is a form line: label and value in cells of their own.
    expect(lines).toEqual(expect.arrayContaining(['ที่', 'วันที่', '๓ ตุลาคม ๒๕๖๘']));
    expect(text).toContain('เรียน  นายกองค์การบริหารส่วนตำบลเมืองเก่า');
    expect(text).toContain('อยู่ในระดับผ่าน คือ มีผลการประเมิน ITA ในภาพรวมตั้งแต่ ๘๕ คะแนนขึ้นไป');
    expect(lines).toContain('ความเห็นของหัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
    expect(lines.filter((l) => l.startsWith('ความเห็นของ'))).toHaveLength(2);
    expect(lines).toContain('[แผนภูมิคะแนนผลการประเมิน ITA รายเครื่องมือเทียบกับเกณฑ์]');
    // Five measures, each row starting with its activity.
    expect(lines.filter((l) => l.startsWith('การยกระดับผลการประเมิน ITA'))).toHaveLength(1);
    expect(text).toContain('i4 ประเด็น หน่วยงานมีการใช้งบประมาณไม่เป็นไปตามวัตถุประสงค์');
  });
});

describe('the comparison with earlier years in the built-in template', () => {
  const body = asTemplate();
  const parsed = parseTemplate({ body });
  const fill = (tabs: ReturnType<typeof seedTabs>) =>
    applyPlan({ body }, expandTemplate(parsed, memoContent(readWorkbook(tabs).data).values));

  it('is left out when ผลย้อนหลัง has no scores', () => {
    const out = fill(seedTabs('corrected'));
    const text = flatten(out).join('\n');
    expect(text).not.toContain('ผลการประเมินเปรียบเทียบกับปีที่ผ่านมา');
    expect(text).not.toContain('แผนภูมิคะแนนผลการประเมิน ITA และรายเครื่องมือย้อนหลัง');
    // Only the form line (ที่ … วันที่ …) and the measures table are left.
    expect(out.filter((o) => typeof o === 'object' && 'table' in o)).toHaveLength(2);
  });

  it('shows the sentences, one table with a column per year, and the trend chart', () => {
    const out = fill(seedWithHistory());
    const lines = flatten(out);
    expect(lines).toContain('ผลการประเมินเปรียบเทียบกับปีที่ผ่านมา');
    expect(lines.join('\n')).toContain('เพิ่มขึ้น ๕.๗๔ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ซึ่งได้ ๘๗.๗๙ คะแนน');
    expect(lines).toContain('[แผนภูมิคะแนนผลการประเมิน ITA และรายเครื่องมือย้อนหลังเทียบกับเกณฑ์]');
    expect(lines).toContain(
      'แผนภูมิที่ ๒ คะแนน ITA ภาพรวมและรายเครื่องมือ พ.ศ. ๒๕๖๖–๒๕๖๘ เทียบกับเกณฑ์ ๘๕ คะแนน',
    );
    const tables = out.filter(
      (o): o is { table: Out[][][] } => typeof o === 'object' && 'table' in o,
    );
    expect(tables).toHaveLength(3);
    const rows = tables[1].table.map((r) => r.map((cell) => flatten(cell).join(' ')));
    expect(rows[0]).toEqual(['รายการ', 'ปี ๒๕๖๖', 'ปี ๒๕๖๗', 'ปี ๒๕๖๘']);
    expect(rows.at(-1)).toEqual(['คะแนนรวม ITA', '๘๒.๔๓', '๘๗.๗๙', '๙๓.๕๓']);
    expect(rows).toHaveLength(7);
  });

  it('a template without the placeholders still fills from a workbook with ผลย้อนหลัง', () => {
    const plain = [para('เรียน {{เรียน}}'), para('คะแนน {{คะแนนรวม}}')];
    const own = parseTemplate({ body: plain });
    const content = memoContent(readWorkbook(seedWithHistory()).data);
    expect(checkTemplate(own, content.schema)).toEqual([]);
    expect(flatten(applyPlan({ body: plain }, expandTemplate(own, content.values)))).toEqual([
      'เรียน นายกองค์การบริหารส่วนตำบลเมืองเก่า',
      'คะแนน ๙๓.๕๓',
    ]);
  });
});
