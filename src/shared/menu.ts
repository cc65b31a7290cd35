/**
 * The add-on menu, in order: each item's label and the global function it calls. Messages that
 * tell staff to use a menu item take its label from here, so they name it exactly.
 */
export const MENU = [
  ['เปิดแถบด้านข้าง', 'showSidebar'],
  ['ตั้งค่าแผ่นงาน', 'setupSheets'],
  ['ตรวจสอบข้อมูล', 'checkData'],
  ['สร้างบันทึกข้อความ', 'generate'],
  ['สร้างใหม่ในเอกสารเดิม', 'regenerateInPlace'],
  ['ส่งขอความเห็น', 'sendForReview'],
  ['อัปเดตสถานะความเห็น', 'refreshComments'],
  ['อนุมัติ', 'approve'],
  ['เผยแพร่ฉบับอนุมัติ', 'publishApproved'],
  ['สร้างแม่แบบมาตรฐาน', 'createTemplate'],
  ['เลือกโฟลเดอร์ปลายทาง', 'chooseFolder'],
  ['เลือกแม่แบบ', 'chooseTemplate'],
  ['เริ่มปีงบประมาณใหม่', 'startNewFiscalYear'],
  ['ยกเลิกการเริ่มปีงบประมาณใหม่', 'undoNewFiscalYear'],
] as const;

export type MenuFunction = (typeof MENU)[number][1];

/** A menu item's label by the function it calls. */
export const MENU_LABEL = Object.fromEntries(MENU.map(([label, fn]) => [fn, label])) as Record<
  MenuFunction,
  string
>;
