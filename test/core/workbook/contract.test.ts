import {
  archiveTabName,
  ARCHIVED_TABS,
  CONTRACT_VERSION,
  historyRows,
  OPTIONAL_TABS,
  defaultSubject,
  GENERAL_LABELS,
  NO,
  ROLES,
  scoreRows,
  TABS,
  YES,
} from '../../../src/core/workbook/contract';

// The contract (docs/workbook.md), restated: a change here is a change of a user-facing
// contract and must be deliberate. Version 2 added the optional tab ผลย้อนหลัง.
describe('workbook contract v2', () => {
  test('version', () => expect(CONTRACT_VERSION).toBe(2));

  test('tabs and headers, exact texts, in order', () => {
    expect(TABS.map((t) => [t.name, t.columns.map((c) => c.header)])).toEqual([
      ['ข้อมูลทั่วไป', ['รายการ', 'ข้อมูล']],
      ['ผู้ลงนาม', ['ลำดับ', 'บทบาท', 'ยศ', 'ชื่อ-สกุล', 'ตำแหน่ง', 'รักษาราชการแทน', 'อีเมล']],
      ['คะแนน', ['รหัส', 'รายการ', 'คะแนน']],
      ['ผลย้อนหลัง', ['รหัส', 'รายการ']],
      ['ข้อเสนอแนะ', ['ส่วน', 'ตัวชี้วัด', 'ข้อ', 'ประเด็นและข้อเสนอแนะ']],
      [
        'มาตรการ',
        [
          'มาตรการ/กิจกรรม',
          'ขั้นตอน/วิธีการ',
          'ผู้รับผิดชอบ',
          'ระยะเวลาในการดำเนินการ',
          'สรุปผลการดำเนินการตามมาตรการ/กิจกรรม',
          'ผลลัพธ์/ความสำเร็จของการดำเนินการ',
        ],
      ],
      [
        'ประวัติ',
        [
          'เวลา',
          'ผู้ดำเนินการ',
          'การดำเนินการ',
          'เอกสาร',
          'PDF',
          'สถานะ',
          'ความเห็นค้าง',
          'ความเห็นแก้แล้ว',
          'หมายเหตุ',
          'สถานะบันทึกข้อความ',
          'รหัสเอกสาร',
        ],
      ],
    ]);
  });

  test('labels of ข้อมูลทั่วไป with required flags and defaults', () => {
    expect(GENERAL_LABELS.map((l) => [l.label, l.required])).toEqual([
      ['ชื่อหน่วยงาน', true],
      ['อำเภอ', true],
      ['จังหวัด', true],
      ['ปีงบประมาณ', true],
      ['ส่วนราชการ', true],
      ['โทรศัพท์', false],
      ['เลขที่หนังสือ', false],
      ['วันที่หนังสือ', true],
      ['เรื่อง', false],
      ['เรียน', true],
      ['เว็บไซต์', false],
      ['ใช้เลขไทย', false],
      ['แม่แบบเอกสาร', false],
      ['โฟลเดอร์ปลายทาง', false],
      ['เผยแพร่ลิงก์สาธารณะ', false],
      ['กำหนดส่งความเห็น', false],
      ['เผยแพร่เฉพาะรายงาน', false],
      ['ลิงก์เผยแพร่', false],
    ]);
    expect(GENERAL_LABELS.find((l) => l.label === 'ใช้เลขไทย')?.default).toBe(true);
    expect(GENERAL_LABELS.find((l) => l.label === 'เผยแพร่ลิงก์สาธารณะ')?.default).toBe(false);
    expect(GENERAL_LABELS.find((l) => l.label === 'เผยแพร่เฉพาะรายงาน')?.default).toBe(false);
  });

  test('roles and yes/no values', () => {
    expect(ROLES.map((r) => [r.label, r.min, r.max])).toEqual([
      ['ผู้เสนอ', 1, 1],
      ['ผู้ให้ความเห็น', 0, null],
      ['ผู้สั่งการ', 1, 1],
    ]);
    expect([YES, NO]).toEqual(['ใช่', 'ไม่']);
  });

  test('score codes and names for 2568, as the contract table lists them', () => {
    expect(scoreRows(2568).map((r) => [r.code, r.name])).toEqual([
      ['ITA', 'คะแนนรวม ITA'],
      ['IIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)'],
      ['IIT.1', 'การปฏิบัติหน้าที่'],
      ['IIT.2', 'การใช้งบประมาณ'],
      ['IIT.3', 'การใช้อำนาจ'],
      ['IIT.4', 'การใช้ทรัพย์สินของราชการ'],
      ['IIT.5', 'การแก้ไขปัญหาการทุจริต'],
      ['EIT', 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)'],
      ['EIT1', 'EIT ส่วนที่ ๑ (ผู้รับบริการตอบด้วยตนเอง)'],
      ['EIT1.6', 'คุณภาพการดำเนินงาน'],
      ['EIT1.7', 'ประสิทธิภาพการสื่อสาร'],
      ['EIT1.8', 'การปรับปรุงการทำงาน'],
      ['EIT2', 'EIT ส่วนที่ ๒ (ผู้ประเมินจัดเก็บข้อมูล)'],
      ['EIT2.6', 'คุณภาพการดำเนินงาน'],
      ['EIT2.7', 'ประสิทธิภาพการสื่อสาร'],
      ['EIT2.8', 'การปรับปรุงการทำงาน'],
      ['OIT', 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)'],
      ['OIT.9', 'การเปิดเผยข้อมูล'],
      ['OIT.10', 'การป้องกันการทุจริต'],
    ]);
  });

  test('ผลย้อนหลัง: optional; its rows are the overall score, the tools and the EIT parts', () => {
    expect(OPTIONAL_TABS).toEqual(['history']);
    expect(historyRows(2568).map((r) => r.code)).toEqual([
      'ITA',
      'IIT',
      'EIT',
      'EIT1',
      'EIT2',
      'OIT',
    ]);
  });

  test('เริ่มปีงบประมาณใหม่ archives คะแนน, ข้อเสนอแนะ and มาตรการ as “(tab) ปี (year)”', () => {
    expect(ARCHIVED_TABS.map((t) => archiveTabName(t.name, 2568))).toEqual([
      'คะแนน ปี 2568',
      'ข้อเสนอแนะ ปี 2568',
      'มาตรการ ปี 2568',
    ]);
  });

  test('the default subject', () => {
    expect(defaultSubject(2568)).toBe(
      'รายงานผลการดำเนินการเพื่อส่งเสริมคุณธรรมและความโปร่งใส ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
    );
    expect(defaultSubject(2568, 'arabic')).toMatch(/พ\.ศ\. 2568$/);
  });
});
