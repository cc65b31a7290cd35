import { assessScores, itaRulesFor } from '../../../src/core/ita';
import {
  readGeneral,
  readMeasures,
  readRecommendations,
  readScores,
  readSignatories,
  readWorkbook,
  scoreValues,
} from '../../../src/core/workbook/reader';
import { cellText, toTextBlock } from '../../../src/core/workbook/cells';
import { seedTabs, SEED_MEMO_DATE } from '../../fixtures/seed-workbook';

describe('readWorkbook on the seed', () => {
  const { data, findings, tabs } = readWorkbook(seedTabs('corrected'));

  test('no structural findings, every tab located', () => {
    expect(findings).toEqual([]);
    expect(Object.keys(tabs).sort()).toEqual(
      ['general', 'measures', 'recommendations', 'scores', 'signatories'].sort(),
    );
  });

  test('general info, parsed, with cells', () => {
    const g = data.general;
    expect(g.organisation).toEqual({
      value: 'องค์การบริหารส่วนตำบลเมืองเก่า',
      raw: 'องค์การบริหารส่วนตำบลเมืองเก่า',
      sheet: 'ข้อมูลทั่วไป',
      cell: 'B2',
    });
    expect(g.fiscalYear.value).toBe(2568);
    expect(g.memoDate.value).toEqual({ yearBE: 2568, month: 10, day: 3 });
    expect(g.memoDate.raw).toEqual(SEED_MEMO_DATE);
    expect(g.useThaiDigits.value).toBe(true);
    expect(g.publishPublicly.value).toBe(false);
    expect(g.subject.value).toBeNull();
    expect(g.website.value).toBe('www.muangkhai.go.th');
    expect(g.addressee.cell).toBe('B11');
  });

  test('signatories sorted by ลำดับ with roles', () => {
    expect(data.signatories.map((s) => [s.order.value, s.role.value, s.name.value])).toEqual([
      [1, 'proposer', 'ชนภัช ปฐุมารรณ์'],
      [2, 'reviewer', 'ชนภัช ปฐุมารรณ์'],
      [3, 'reviewer', 'นายณัฐพล สุอินตะ'],
      [4, 'approver', 'นายอุทัย พวงลังกา'],
    ]);
    expect(data.signatories[1].actingFor.value).toBe('หัวหน้าสำนักปลัดองค์การบริหารส่วนตำบล');
    expect(data.signatories[0].rank.value).toBe('ว่าที่ร้อยตรี');
    expect(data.signatories[3].email).toMatchObject({ value: null, cell: 'G5' });
  });

  test('scores by code, Thai-digit text included', () => {
    const values = scoreValues(data.scores);
    expect(values['IIT.4']).toBe(8738);
    expect(data.scores.find((s) => s.code.value === 'IIT.4')?.score).toMatchObject({
      value: 87.38,
      raw: '๘๗.๓๘',
      cell: 'C7',
    });
    expect(assessScores(itaRulesFor(2568), values).level?.name).toBe('ผ่าน');
  });

  test('recommendations in sheet order, codes normalised', () => {
    expect(data.recommendations).toHaveLength(18);
    expect(data.recommendations[1]).toMatchObject({
      row: 3,
      part: { value: 'IIT' },
      indicator: { value: 2 },
      code: { value: 'i4', raw: 'i4', cell: 'C3' },
    });
  });

  test('measures: lines, bullets and the period', () => {
    expect(data.measures).toHaveLength(5);
    const first = data.measures[0];
    expect(first.periodRange).toEqual({
      from: { yearBE: 2568, month: 1 },
      to: { yearBE: 2568, month: 5 },
    });
    const third = data.measures[2];
    expect(third.method.value?.lines).toHaveLength(3);
    expect(third.method.value?.lines[2]).toEqual({
      text: 'จัดทำประมวลจริยธรรมของพนักงานส่วนตำบลและพนักงานจ้าง',
      bullet: true,
    });
    expect(first.activity.value?.lines).toEqual([
      { text: 'การยกระดับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘', bullet: false },
    ]);
  });
});

describe('the reader finds columns by header, not position', () => {
  test('reordered and extra columns, tab names and headers with stray spaces', () => {
    const tabs = {
      ' คะแนน\u200b': [
        ['หมายเหตุของฉัน', ' คะแนน ', 'รหัส', 'รายการ'],
        ['x', 93.53, 'ITA', ''],
        ['', '', '', ''],
        ['y', '', '', ''],
        ['', '๘๑.๖๖', 'eit1', ''],
      ],
    };
    const { data, findings, tab } = readScores(tabs);
    expect(findings).toEqual([]);
    expect(tab?.sheet).toBe(' คะแนน\u200b');
    expect(data.map((s) => [s.code.value, s.score.value, s.score.cell, s.row])).toEqual([
      ['ITA', 93.53, 'B2', 2],
      ['EIT1', 81.66, 'B5', 5],
    ]);
  });

  test('columns beyond Z', () => {
    const header = Array.from({ length: 30 }, (_, i) => `c${i}`);
    header[27] = 'รหัส';
    header[28] = 'คะแนน';
    header[29] = 'รายการ';
    const row: unknown[] = Array.from({ length: 30 }, () => '');
    row[27] = 'ITA';
    row[28] = 93.53;
    const { data } = readScores({ คะแนน: [header, row] });
    expect(data[0].score.cell).toBe('AC2');
  });
});

describe('structural findings', () => {
  test('missing tabs and headers', () => {
    const { findings } = readWorkbook({ คะแนน: [['รหัส', 'รายการ']] });
    const rules = findings.map((f) => `${f.sheet}!${f.cell} ${f.rule} ${f.severity}`);
    expect(rules).toContain('ข้อมูลทั่วไป! tab-missing error');
    expect(rules).toContain('คะแนน!A1 header-missing error');
    expect(rules).toContain('ประวัติ! log-tab-missing info');
    expect(findings.find((f) => f.rule === 'header-missing')?.message).toContain('“คะแนน”');
    expect(findings.filter((f) => f.rule === 'header-missing')).toHaveLength(1);
    const none = readWorkbook({ คะแนน: [['x']] }).findings.find((f) => f.rule === 'header-missing');
    expect(none?.message).toContain('“รหัส”, “รายการ” และ “คะแนน”');
  });

  test('labels: missing, unknown, duplicated; defaults apply', () => {
    const { data, findings } = readGeneral({
      ข้อมูลทั่วไป: [
        ['ข้อมูล', 'รายการ'],
        ['องค์การบริหารส่วนตำบลเมืองเก่า', 'ชื่อหน่วยงาน'],
        ['2568', 'ปีงบประมาน'],
        ['x', 'ชื่อหน่วยงาน'],
        ['ไม่แน่ใจ', 'ใช้เลขไทย'],
      ],
    });
    expect(data.organisation.cell).toBe('A2');
    expect(data.fiscalYear).toMatchObject({ value: null, cell: null });
    expect(data.useThaiDigits).toMatchObject({ value: true, problem: { reason: 'not-yes-no' } });
    expect(data.publishPublicly).toMatchObject({ value: false, cell: null });
    const byRule = (rule: string) => findings.filter((f) => f.rule === rule);
    expect(byRule('general-label-unknown')[0]).toMatchObject({ cell: 'B3' });
    expect(byRule('general-label-unknown')[0].message).toContain('“ปีงบประมาณ”');
    expect(byRule('general-label-duplicate')[0]).toMatchObject({ cell: 'B4' });
    const [missing] = byRule('general-label-missing');
    expect(byRule('general-label-missing')).toHaveLength(1);
    expect(missing.cell).toBe('B1');
    expect(missing.message.match(/“[^”]+”/g)).toEqual([
      '“อำเภอ”',
      '“จังหวัด”',
      '“ปีงบประมาณ”',
      '“ส่วนราชการ”',
      '“วันที่หนังสือ”',
      '“เรียน”',
      '“รายการ”',
    ]);
  });

  test('values that cannot be read carry a problem, never an exception', () => {
    const { data } = readGeneral({
      ข้อมูลทั่วไป: [
        ['รายการ', 'ข้อมูล'],
        ['ปีงบประมาณ', 'พ.ศ. ๒๕๖๘'],
        ['วันที่หนังสือ', '3 ต.ค. 2025'],
        ['เผยแพร่ลิงก์สาธารณะ', true],
      ],
    });
    expect(data.fiscalYear.value).toBe(2568);
    expect(data.memoDate).toMatchObject({
      value: null,
      problem: { reason: 'ce-year', suggestion: '๓ ตุลาคม ๒๕๖๘' },
    });
    expect(data.publishPublicly.value).toBe(true);
  });

  test('signatories: unknown role, order; recommendation indicator text; measure period', () => {
    const s = readSignatories({
      ผู้ลงนาม: [
        ['ลำดับ', 'บทบาท', 'ยศ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'รักษาราชการแทน', 'อีเมล'],
        ['', 'ผู้อนุมัติ', '', 'ก', 'ข', '', ''],
        ['๒', 'ผู้เสนอ', '', 'ค', 'ง', '', ''],
      ],
    }).data;
    expect(s.map((x) => [x.order.value, x.role.value])).toEqual([
      [2, 'proposer'],
      [null, null],
    ]);
    expect(s[1].role.problem?.reason).toBe('unknown-role');
    const r = readRecommendations({
      ข้อเสนอแนะ: [
        ['ส่วน', 'ตัวชี้วัด', 'ข้อ', 'ประเด็นและข้อเสนอแนะ'],
        ['eit 2', 'ตัวชี้วัดที่ ๘', ' e๘ ', 'ข้อความ'],
      ],
    }).data[0];
    expect([r.part.value, r.indicator.value, r.code.value, r.code.raw]).toEqual([
      'EIT2',
      8,
      'e8',
      ' e๘ ',
    ]);
    const m = readMeasures({
      มาตรการ: [
        [
          'มาตรการ/กิจกรรม',
          'ขั้นตอน/วิธีการ',
          'ผู้รับผิดชอบ',
          'ระยะเวลาในการดำเนินการ',
          'สรุปผลการดำเนินการตามมาตรการ/กิจกรรม',
          'ผลลัพธ์/ความสำเร็จของการดำเนินการ',
        ],
        ['ก', '', '', 'ตลอดปี', '', ''],
      ],
    }).data[0];
    expect(m.periodRange).toBeNull();
    expect(m.period.problem?.reason).toBe('not-a-period');
  });
});

describe('cell helpers', () => {
  test('cellText for every value type', () => {
    expect(cellText('  a  b ')).toBe('a b');
    expect(cellText('')).toBeNull();
    expect(cellText(93.5)).toBe('93.5');
    expect(cellText(true)).toBe('TRUE');
    expect(cellText(SEED_MEMO_DATE)).toBe('3 ตุลาคม 2568');
    expect(cellText(new Date(NaN))).toBeNull();
    expect(cellText(null)).toBeNull();
  });

  test('bullets with - or •', () => {
    expect(toTextBlock('หัวข้อ\n- ก\n•ข').lines).toEqual([
      { text: 'หัวข้อ', bullet: false },
      { text: 'ก', bullet: true },
      { text: 'ข', bullet: true },
    ]);
  });
});
