// The review loop as staff take it from the add-on menu: each item's dialogs, by their exact
// Thai text, for the answer YES and the answer NO (NO changes nothing: the Doc, ประวัติ, ข้อมูลทั่วไป
// and the published file stay as they were), the refusals, and the busy lock. The same steps from
// the sidebar and the command line are tested in review-*.test.ts and suggestions.test.ts.
import type { DialogRecord } from '../../src/local/services/ui';
import { cleanupTempDirs } from '../local/helpers';
import { values } from './harness';
import {
  editInDocs,
  general,
  generatedAndSent as sent,
  HEAD,
  NAYOK,
  office,
  snapshot,
  type Rt,
  STAFF,
  OTHER,
  STALE_COUNTS,
  HOW,
} from './review-helpers';

afterAll(cleanupTempDirs);

const TITLE = 'รายงาน ITA';
const BUSY =
  'มีผู้อื่นกำลังใช้คำสั่งของส่วนเสริมกับชีตนี้อยู่ (เช่น สร้าง ส่งขอความเห็น อนุมัติ หรือเผยแพร่บันทึกข้อความ) กรุณารอสักครู่แล้วลองใหม่';
/** The example's two warnings: asked about first by every generate from the menu. */
const WARNINGS = 'ข้อมูลมีคำเตือน 2 รายการ (ดูรายละเอียดในแถบด้านข้าง) ต้องการสร้างบันทึกข้อความต่อหรือไม่';
const STALE =
  ' (ตามสถานะที่บันทึกไว้ล่าสุดในแท็บประวัติ ซึ่งอาจยังไม่รวมความเห็นที่เพิ่งเพิ่ม เพราะส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้)';

type Shown = Pick<DialogRecord, 'message' | 'buttons' | 'answer'>;

/**
 * Picks `caption` in the add-on menu (as built by onOpen) as `who`, the scripted user pressing
 * `answers` in order; returns the dialogs it showed. Every answer must be used: a dialog the
 * test expected but the item did not show fails here, as does one more than expected (the queue
 * runs dry and the emulated Ui throws).
 */
function pick(rt: Rt, caption: string, answers: string[] = [], who?: string): Shown[] {
  if (!rt.ui.menus.length) rt.open();
  const item = rt.ui.menuItems().find((i) => i.path.at(-1) === caption);
  if (!item) throw new Error(`no menu item ${caption}`);
  const from = rt.ui.dialogs.length;
  rt.ui.answers.push(...answers);
  (who ? rt.as(who) : rt).run(item.functionName);
  expect(rt.ui.answers).toEqual([]);
  const shown = rt.ui.dialogs.slice(from);
  for (const d of shown) expect(d.title).toBe(TITLE);
  return shown.map(({ message, buttons, answer }) => ({ message, buttons, answer }));
}

const asked = (message: string, answer: 'YES' | 'NO'): Shown => ({
  message,
  buttons: 'YES_NO',
  answer,
});
const told = (message: string): Shown => ({ message, buttons: 'OK', answer: 'OK' });

/** Everything a NO must leave as it was, the Doc's text included. */
const state = (rt: Rt, docId: string) => ({
  ...snapshot(rt),
  doc: JSON.stringify(rt.drive.readModel(docId)),
});

const pdfs = (rt: Rt) =>
  rt.drive.listAll().filter((f) => f.name.startsWith('รายงานผล') && !f.trashed);

describe('the review items of the add-on menu', () => {
  it('are in the order of the loop', async () => {
    const rt = await office();
    rt.open();
    const captions = rt.ui.menuItems().map((i) => i.path.at(-1));
    expect(captions.slice(3, 9)).toEqual([
      'สร้างบันทึกข้อความ',
      'สร้างใหม่ในเอกสารเดิม',
      'ส่งขอความเห็น',
      'อัปเดตสถานะความเห็น',
      'อนุมัติ',
      'เผยแพร่ฉบับอนุมัติ',
    ]);
  });
});

describe('ส่งขอความเห็น', () => {
  it('says to whom it was sent; without reviewers’ e-mails, what to fill in', async () => {
    const rt = await office();
    rt.run('sidebarGenerate', true);
    expect(pick(rt, 'ส่งขอความเห็น', ['OK'])).toEqual([
      told(
        'ส่งขอความเห็นแล้ว 3 ราย (head@muangkao.go.th, palad@muangkao.go.th, nayok@muangkao.go.th) ' +
          'ผู้ตรวจจะได้รับอีเมลจาก Google พร้อมลิงก์เอกสาร',
      ),
    ]);
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G3:G5').clearContent();
    const before = snapshot(rt);
    expect(pick(rt, 'ส่งขอความเห็น', ['OK'])).toEqual([
      told('ยังไม่มีอีเมลของผู้ให้ความเห็นหรือผู้สั่งการในแท็บผู้ลงนาม (คอลัมน์ “อีเมล”) กรุณากรอกอีเมลก่อนส่งขอความเห็น'),
    ]);
    expect(snapshot(rt)).toEqual(before);
  });
});

describe('อนุมัติ while comments are open', () => {
  async function withOpenComment() {
    const rt = await office();
    const docId = sent(rt);
    rt.drive.addComment(docId, HEAD, 'แก้ด้วย', { quoted: 'กองคลัง' });
    expect(pick(rt, 'อัปเดตสถานะความเห็น', ['OK'])).toEqual([
      told('อัปเดตสถานะความเห็นของเอกสาร 1 ฉบับในแท็บประวัติแล้ว'),
    ]);
    return { rt, docId };
  }
  const QUESTION = `บันทึกข้อความยังมีความเห็นค้าง 1 รายการ${STALE} ต้องการบันทึกการอนุมัติทั้งที่ยังมีความเห็นค้างหรือไม่`;

  it('NO: asked once, nothing recorded, nothing said after', async () => {
    const { rt, docId } = await withOpenComment();
    const before = state(rt, docId);
    expect(pick(rt, 'อนุมัติ', ['NO'], NAYOK)).toEqual([asked(QUESTION, 'NO')]);
    expect(state(rt, docId)).toEqual(before);
  });

  it('YES: recorded as confirmed, and said so', async () => {
    const { rt, docId } = await withOpenComment();
    const rows = values(rt, 'ประวัติ').length;
    expect(pick(rt, 'อนุมัติ', ['YES', 'OK'], NAYOK)).toEqual([
      asked(QUESTION, 'YES'),
      told(
        'บันทึกการอนุมัติแล้ว: อนุมัติโดย นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า วันที่ ๓ ตุลาคม ๒๕๖๘ ' +
          'บันทึกการอนุมัติขณะยังมีความเห็นค้าง 1 รายการ (ยืนยันแล้ว) วันที่อนุมัติจะลงในเอกสารเมื่อเผยแพร่ฉบับอนุมัติ' +
          STALE_COUNTS,
      ),
    ]);
    expect(values(rt, 'ประวัติ')).toHaveLength(rows + 1);
    expect(values(rt, 'ประวัติ')[1][9]).toBe('อนุมัติแล้ว');
    // Approved and unchanged: the menu says so, and asks nothing.
    expect(pick(rt, 'อนุมัติ', ['OK'], NAYOK)).toEqual([
      told(`บันทึกข้อความฉบับนี้อนุมัติแล้ว (แถว ${rows + 1} ของแท็บประวัติ) ไม่ต้องอนุมัติซ้ำ`),
    ]);
    expect(docId).toBeTruthy();
  });

  it('by someone who is not the approver: told who must, asked nothing', async () => {
    const { rt, docId } = await withOpenComment();
    const before = state(rt, docId);
    expect(pick(rt, 'อนุมัติ', ['OK'])).toEqual([
      told(
        'การอนุมัติต้องบันทึกโดยผู้สั่งการ (นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า) ' +
          'ด้วยบัญชี nayok@muangkao.go.th แต่ขณะนี้ใช้บัญชี staff@example.go.th ' +
          'กรุณาให้ผู้สั่งการเปิดชีตนี้ด้วยบัญชีของตนแล้วใช้เมนู “อนุมัติ”',
      ),
    ]);
    expect(state(rt, docId)).toEqual(before);
  });
});

describe('เผยแพร่ฉบับอนุมัติ with comments the approval did not confirm', () => {
  /** Sent, approved with no comment recorded; then a reviewer comments. */
  async function approvedThenCommented() {
    const rt = await office();
    const docId = sent(rt);
    expect(pick(rt, 'อนุมัติ', ['OK'], NAYOK)).toHaveLength(1);
    const approvalRow = values(rt, 'ประวัติ').length;
    rt.drive.addComment(docId, HEAD, 'ยังไม่ถูกต้อง', { quoted: 'กองคลัง' });
    return { rt, docId, approvalRow };
  }
  const question = (row: number) =>
    `บันทึกข้อความมีความเห็นค้าง 1 รายการ ซึ่งผู้สั่งการไม่ได้ยืนยันไว้ตอนอนุมัติ (การอนุมัติแถว ${row} ของแท็บประวัติ) ` +
    'ควรตอบหรือปิดความเห็นก่อน และหากมีการแก้เอกสาร ต้องให้ผู้สั่งการอนุมัติอีกครั้ง ต้องการเผยแพร่ทั้งที่ยังมีความเห็นค้างหรือไม่';

  it('NO: asked once; no PDF, ลิงก์เผยแพร่ blank, ประวัติ and the Doc as they were', async () => {
    const { rt, docId, approvalRow } = await approvedThenCommented();
    const before = state(rt, docId);
    expect(pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['NO'])).toEqual([asked(question(approvalRow), 'NO')]);
    expect(state(rt, docId)).toEqual(before);
    expect(pdfs(rt)).toEqual([]);
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe('');
  });

  it('YES: published, the unconfirmed comments noted in ประวัติ, the link said', async () => {
    const { rt, approvalRow } = await approvedThenCommented();
    const shown = pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['YES', 'OK']);
    const url = String(general(rt, 'ลิงก์เผยแพร่'));
    expect(url).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    expect(shown).toEqual([
      asked(question(approvalRow), 'YES'),
      told(
        `เผยแพร่แล้ว ฉบับที่ 1 ทั้งฉบับ เฉพาะผู้ที่ได้รับสิทธิ์ ลิงก์ของ PDF: ${url} ลิงก์นี้ยังไม่เปิดสาธารณะ ประชาชนทั่วไปยังเปิดไม่ได้ จึงยังไม่ควรนำไปลงเว็บไซต์ หากต้องการให้ประชาชนเปิดได้ กรุณาตั้ง “เผยแพร่ลิงก์สาธารณะ” ในแท็บ “ข้อมูลทั่วไป” เป็น ใช่ แล้วเผยแพร่อีกครั้ง`,
      ),
    ]);
    const row = values(rt, 'ประวัติ').at(-1) as unknown[];
    expect(row[8]).toContain('เผยแพร่ขณะยังมีความเห็นค้าง 1 รายการ (ยืนยันแล้ว)');
    expect(pdfs(rt)).toHaveLength(1);
  });

  it('NO on a later publication: the published file keeps its one revision', async () => {
    const { rt, docId, approvalRow } = await approvedThenCommented();
    expect(pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['YES', 'OK'])).toHaveLength(2);
    const [published] = pdfs(rt);
    rt.drive.addComment(docId, HEAD, 'อีกเรื่อง', { quoted: 'การแก้ไขปัญหาการทุจริต' });
    const before = state(rt, docId);
    const again = question(approvalRow).replace('ความเห็นค้าง 1 รายการ', 'ความเห็นค้าง 2 รายการ');
    expect(pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['NO'])).toEqual([asked(again, 'NO')]);
    expect(state(rt, docId)).toEqual(before);
    expect(pdfs(rt)).toEqual([published]);
  });
});

describe('สร้างใหม่ในเอกสารเดิม over paragraphs edited in the Doc', () => {
  async function editedInDocs() {
    const rt = await office();
    const docId = sent(rt);
    editInDocs(rt, docId, 'กองคลัง', 'กองคลังและกองช่าง');
    return { rt, docId };
  }
  const QUESTION =
    /^บันทึกข้อความในเอกสารเดิมถูกแก้ไขโดยตรงใน Google เอกสารหลังระบบสร้างครั้งล่าสุด \(ย่อหน้าที่แก้หรือเพิ่ม “[^”]*กองคลังและกองช่าง[^”]*”\) การสร้างใหม่ในเอกสารเดิมจะเขียนทับส่วนนั้นด้วยข้อมูลจากชีต หากต้องการเก็บการแก้ไขไว้ กรุณายกเลิก แล้วแก้ข้อมูลในชีตให้ตรงกับที่แก้ในเอกสารก่อน ต้องการสร้างใหม่และเขียนทับหรือไม่$/;

  it('NO to the warnings: asked nothing more; nothing changed', async () => {
    const { rt, docId } = await editedInDocs();
    const before = state(rt, docId);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['NO'])).toEqual([asked(WARNINGS, 'NO')]);
    expect(state(rt, docId)).toEqual(before);
  });

  it('NO to writing over the edits: the Doc, ประวัติ and the files as they were', async () => {
    const { rt, docId } = await editedInDocs();
    const before = state(rt, docId);
    const sidebars = rt.ui.html.length;
    const shown = pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES', 'NO']);
    expect(shown).toHaveLength(2);
    expect(shown[0]).toEqual(asked(WARNINGS, 'YES'));
    expect(shown[1]).toMatchObject({ buttons: 'YES_NO', answer: 'NO' });
    expect(shown[1].message).toMatch(QUESTION);
    expect(state(rt, docId)).toEqual(before);
    expect(rt.ui.html).toHaveLength(sidebars);
  });

  it('YES: refilled with the sheet’s text, recorded, the sidebar opened; not asked again', async () => {
    const { rt, docId } = await editedInDocs();
    const rows = values(rt, 'ประวัติ').length;
    const shown = pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES', 'YES']);
    expect(shown).toHaveLength(2);
    expect(shown[1].message).toMatch(QUESTION);
    const doc = JSON.stringify(rt.drive.readModel(docId));
    expect(doc).not.toContain('กองคลังและกองช่าง');
    expect(doc).toContain('กองคลัง');
    expect(values(rt, 'ประวัติ')).toHaveLength(rows + 1);
    expect(values(rt, 'ประวัติ').at(-1)?.[2]).toBe('สร้างใหม่ในเอกสารเดิม');
    expect(rt.ui.sidebar?.title).toBe(TITLE);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES'])).toEqual([asked(WARNINGS, 'YES')]);
  });
});

describe('a reviewer’s pending suggestion, from the menu', () => {
  async function suggested() {
    const rt = await office();
    const docId = sent(rt);
    // An open comment too: the refusal comes first, with no question about the comments.
    rt.drive.addComment(docId, HEAD, 'แก้ด้วย', { quoted: 'กองคลัง' });
    rt.run('sidebarReview');
    rt.drive.addSuggestion(docId, HEAD, { at: 'กองคลัง', remove: true, insert: 'กองช่าง' });
    return { rt, docId };
  }
  const what =
    'บันทึกข้อความยังมีการแก้ไขที่แนะนำ (suggestion) ซึ่งยังไม่ได้ยอมรับหรือปฏิเสธ 1 รายการ (“กองคลัง” เป็น “กองช่าง”) ';
  const self = (step: string) =>
    `${what}ระบบจึง${step}ไม่ได้ เพื่อไม่ให้ข้อความที่ยังไม่ได้ตัดสินปะปนกับข้อความจริง ` +
    `กรุณาเปิดเอกสารใน Google เอกสาร แล้วยอมรับหรือปฏิเสธทุกรายการก่อน ${HOW} แล้วลองอีกครั้ง`;

  it('refuses the refill, approval and publication, each asking nothing and changing nothing', async () => {
    const { rt, docId } = await suggested();
    const before = state(rt, docId);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES', 'OK'])).toEqual([
      asked(WARNINGS, 'YES'),
      told(`สร้างบันทึกข้อความไม่สำเร็จ: ${self('สร้างใหม่ในเอกสารเดิม')}`),
    ]);
    expect(pick(rt, 'อนุมัติ', ['OK'], NAYOK)).toEqual([
      told(
        `${what}ระบบจึงบันทึกการอนุมัติไม่ได้ เพราะข้อความที่จะอนุมัติยังไม่แน่นอน ` +
          `กรุณาแจ้งเจ้าหน้าที่ผู้มีสิทธิ์แก้ไขเอกสารให้ยอมรับหรือปฏิเสธทุกรายการก่อน ${HOW} แล้วจึงอนุมัติ`,
      ),
    ]);
    expect(state(rt, docId)).toEqual(before);
    // Settled, the approver approves (asked about the open comment); a new suggestion then
    // keeps the memo from being published.
    rt.drive.settleSuggestions(docId, false);
    expect(pick(rt, 'อนุมัติ', ['YES', 'OK'], NAYOK)).toHaveLength(2);
    rt.drive.addSuggestion(docId, HEAD, { at: 'กองคลัง', remove: true, insert: 'กองช่าง' });
    const approved = state(rt, docId);
    expect(pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['OK'])).toEqual([told(self('เผยแพร่'))]);
    expect(state(rt, docId)).toEqual(approved);
    expect(pdfs(rt)).toEqual([]);
  });
});

describe('the lock held by someone else', () => {
  it('every review item says so in Thai, asks nothing and changes nothing', async () => {
    const rt = await office();
    const docId = sent(rt);
    rt.faults.holdLock('document');
    const before = state(rt, docId);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['OK'])).toEqual([
      told(`สร้างบันทึกข้อความไม่สำเร็จ: ${BUSY}`),
    ]);
    for (const [caption, who] of [
      ['ส่งขอความเห็น', undefined],
      ['อัปเดตสถานะความเห็น', undefined],
      ['อนุมัติ', NAYOK],
      ['เผยแพร่ฉบับอนุมัติ', undefined],
    ] as const)
      expect(pick(rt, caption, ['OK'], who)).toEqual([told(BUSY)]);
    expect(state(rt, docId)).toEqual(before);
  });
});

describe('สร้างใหม่ในเอกสารเดิม refused before it touches anything', () => {
  it('by someone whose add-on cannot reach the memo: said, nothing recorded, the loop goes on', async () => {
    const rt = await office();
    const docId = sent(rt);
    expect(pick(rt, 'อนุมัติ', ['OK'], NAYOK)).toHaveLength(1);
    const before = state(rt, docId);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES', 'OK'], OTHER)).toEqual([
      asked(WARNINGS, 'YES'),
      told(
        `สร้างบันทึกข้อความไม่สำเร็จ: บันทึกข้อความฉบับล่าสุดสร้างโดย ${STAFF} ส่วนเสริมที่คุณใช้จึงเข้าถึงเอกสารนั้นไม่ได้ ` +
          `(ส่วนเสริมเข้าถึงได้เฉพาะไฟล์ที่สร้างให้ผู้ใช้แต่ละคน) กรุณาให้ ${STAFF} สร้างใหม่ในเอกสารเดิม`,
      ),
    ]);
    expect(state(rt, docId)).toEqual(before);
    // The approved memo stands: its maker publishes it.
    const shown = pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['OK']);
    expect(shown[0].message).toMatch(/^เผยแพร่แล้ว /);
  });

  it('with no memo yet: says to generate first; nothing recorded', async () => {
    const rt = await office();
    const before = snapshot(rt);
    expect(pick(rt, 'สร้างใหม่ในเอกสารเดิม', ['YES', 'OK'])).toEqual([
      asked(WARNINGS, 'YES'),
      told(
        'สร้างบันทึกข้อความไม่สำเร็จ: ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อนสร้างใหม่ในเอกสารเดิม',
      ),
    ]);
    expect(snapshot(rt)).toEqual(before);
  });
});

describe('อัปเดตสถานะความเห็น with nothing to update', () => {
  it('says why, and what to do, rather than “0 ฉบับ”', async () => {
    const rt = await office();
    const nothing = told(
      'ไม่มีบันทึกข้อความของปีงบประมาณนี้ที่รอความเห็น (บันทึกข้อความที่เผยแพร่แล้วไม่ต้องอัปเดต) ' +
        'หากยังไม่ได้สร้าง กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อน',
    );
    expect(pick(rt, 'อัปเดตสถานะความเห็น', ['OK'])).toEqual([nothing]);
    sent(rt);
    expect(pick(rt, 'อนุมัติ', ['OK'], NAYOK)).toHaveLength(1);
    expect(pick(rt, 'เผยแพร่ฉบับอนุมัติ', ['OK'])).toHaveLength(1);
    const before = snapshot(rt);
    expect(pick(rt, 'อัปเดตสถานะความเห็น', ['OK'])).toEqual([nothing]);
    expect(snapshot(rt)).toEqual(before);
  });
});
