import type { ItaRules } from './types';

const IIT = 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายใน (IIT)';

/**
 * ITA 2568 (fiscal year 1 Oct 2567 – 30 Sep 2568), from the NACC's published structure and the
 * arithmetic that reproduces the seed memo's figures.
 *
 * OIT items run o1–o27 in 2568. Which items belong to indicator 9 and which to 10 could not be
 * verified from a public source, so the indicators carry no question range and only the unit's
 * whole range is enforced.
 */
export const ITA_2568: ItaRules = {
  year: 2568,
  overall: { code: 'ITA', name: 'คะแนนรวม ITA' },
  tools: [
    { id: 'IIT', name: IIT, weightPercent: 30, parts: null },
    {
      id: 'EIT',
      name: 'แบบวัดการรับรู้ของผู้มีส่วนได้ส่วนเสียภายนอก (EIT)',
      weightPercent: 30,
      parts: ['EIT1', 'EIT2'],
    },
    { id: 'OIT', name: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)', weightPercent: 40, parts: null },
  ],
  units: [
    {
      id: 'IIT',
      toolId: 'IIT',
      name: IIT,
      shortName: 'IIT',
      indicators: [1, 2, 3, 4, 5],
      questions: { prefix: 'i', from: 1, to: 15 },
    },
    {
      id: 'EIT1',
      toolId: 'EIT',
      name: 'EIT ส่วนที่ ๑ (ผู้รับบริการตอบด้วยตนเอง)',
      shortName: 'EIT ส่วนที่ ๑',
      indicators: [6, 7, 8],
      questions: { prefix: 'e', from: 1, to: 9 },
    },
    {
      id: 'EIT2',
      toolId: 'EIT',
      name: 'EIT ส่วนที่ ๒ (ผู้ประเมินจัดเก็บข้อมูล)',
      shortName: 'EIT ส่วนที่ ๒',
      indicators: [6, 7, 8],
      questions: { prefix: 'e', from: 1, to: 9 },
    },
    {
      id: 'OIT',
      toolId: 'OIT',
      name: 'แบบตรวจการเปิดเผยข้อมูลสาธารณะ (OIT)',
      shortName: 'OIT',
      indicators: [9, 10],
      questions: { prefix: 'o', from: 1, to: 27 },
    },
  ],
  indicators: [
    { number: 1, name: 'การปฏิบัติหน้าที่', questions: { prefix: 'i', from: 1, to: 3 } },
    { number: 2, name: 'การใช้งบประมาณ', questions: { prefix: 'i', from: 4, to: 6 } },
    { number: 3, name: 'การใช้อำนาจ', questions: { prefix: 'i', from: 7, to: 9 } },
    { number: 4, name: 'การใช้ทรัพย์สินของราชการ', questions: { prefix: 'i', from: 10, to: 12 } },
    { number: 5, name: 'การแก้ไขปัญหาการทุจริต', questions: { prefix: 'i', from: 13, to: 15 } },
    { number: 6, name: 'คุณภาพการดำเนินงาน', questions: { prefix: 'e', from: 1, to: 3 } },
    { number: 7, name: 'ประสิทธิภาพการสื่อสาร', questions: { prefix: 'e', from: 4, to: 6 } },
    { number: 8, name: 'การปรับปรุงการทำงาน', questions: { prefix: 'e', from: 7, to: 9 } },
    { number: 9, name: 'การเปิดเผยข้อมูล', questions: null },
    { number: 10, name: 'การป้องกันการทุจริต', questions: null },
  ],
  // Best reading of public sources for 2567–2568; "every unit" is IIT, EIT1, EIT2 and OIT.
  levels: [
    { name: 'ผ่านดีเยี่ยม', minOverall: 95, minEveryUnit: 95 },
    { name: 'ผ่านดี', minOverall: 85, minEveryUnit: 85 },
    { name: 'ผ่าน', minOverall: 85, minEveryUnit: null },
    { name: 'ไม่ผ่าน', minOverall: null, minEveryUnit: null },
  ],
  passMark: 85,
};
