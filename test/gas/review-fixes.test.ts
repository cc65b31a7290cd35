// What review of issue 10 found, each pinned: the approval's stale comment counts are checked
// again at publication; the published PDF is never lost or doubled when its link is; a refill asks
// before writing over edits made in the Doc; a text changed after approval is not published as
// approved; a mistyped ลิงก์เผยแพร่ is named as such; the comment refresh reads the current memo only.
import type { GenerateResult, PublishResult, StepResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { values, idOf } from './harness';
import {
  editInDocs,
  general,
  HEAD,
  NAYOK,
  office,
  setGeneral,
  type Rt,
  STAFF,
} from './review-helpers';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
type Published = Extract<PublishResult, { status: 'done' }>;

/** Generated and sent; the Doc's ID. */
function sent(rt: Rt): string {
  const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
  expect(made.status).toBe('done');
  expect(rt.run<StepResult>('sidebarSend').status).toBe('done');
  return idOf(made.links.docUrl);
}

const docText = (rt: Rt, docId: string) => JSON.stringify(rt.drive.readModel(docId));

describe('approval by an approver who cannot read the comments', () => {
  it('says the counts may be old, and publication asks about comments the approval did not see', async () => {
    const rt = await office();
    const docId = sent(rt);
    // A reviewer comments; nobody's sidebar has refreshed the count in ประวัติ since.
    rt.drive.addComment(docId, HEAD, 'ยังไม่ถูกต้อง', { quoted: 'กองคลัง' });
    const approved = rt.as(NAYOK).run<StepResult>('sidebarApprove', false);
    expect(approved.status).toBe('done');
    expect(approved.message).toContain(
      'ส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้ จึงใช้จำนวนความเห็นค้างที่บันทึกไว้ล่าสุดในแท็บประวัติ ' +
        'ระบบจะตรวจความเห็นค้างอีกครั้งเมื่อเจ้าหน้าที่เผยแพร่',
    );
    const rows = values(rt, 'ประวัติ').length;
    expect(rt.run<PublishResult>('sidebarPublish')).toEqual({
      status: 'confirm',
      message:
        'บันทึกข้อความมีความเห็นค้าง 1 รายการ ซึ่งผู้สั่งการไม่ได้ยืนยันไว้ตอนอนุมัติ (การอนุมัติแถว 4 ของแท็บประวัติ) ' +
        'ควรตอบหรือปิดความเห็นก่อน และหากมีการแก้เอกสาร ต้องให้ผู้สั่งการอนุมัติอีกครั้ง ต้องการเผยแพร่ทั้งที่ยังมีความเห็นค้างหรือไม่',
    });
    expect(values(rt, 'ประวัติ')).toHaveLength(rows);
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe('');
    const published = rt.run<PublishResult>('sidebarPublish', true) as Published;
    expect(published.status).toBe('done');
    const row = values(rt, 'ประวัติ').at(-1) as unknown[];
    expect(row[8]).toContain('เผยแพร่ขณะยังมีความเห็นค้าง 1 รายการ (ยืนยันแล้ว)');
  });

  it('does not ask again about comments the approver confirmed', async () => {
    const rt = await office();
    const docId = sent(rt);
    rt.drive.addComment(docId, HEAD, 'ยังไม่ถูกต้อง', { quoted: 'กองคลัง' });
    rt.run('sidebarReview');
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    expect(rt.run<PublishResult>('sidebarPublish').status).toBe('done');
  });
});

describe('the published PDF’s link', () => {
  it('a failure after the PDF was made keeps its link in ประวัติ; the next publication reuses the file', async () => {
    const rt = await office();
    sent(rt);
    setGeneral(rt, 'เผยแพร่ลิงก์สาธารณะ', 'ใช่');
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    // Writing ลิงก์เผยแพร่ fails (a Sheets server error).
    rt.faults.failCall('SpreadsheetApp', 'Range.setValue');
    const result = rt.run<PublishResult>('sidebarPublish');
    expect(result.status).toBe('failed');
    const pdfs = rt.drive
      .listAll()
      .filter((f) => f.mimeType === 'application/pdf' && f.name.startsWith('รายงานผล'));
    expect(pdfs).toHaveLength(1);
    const url = `https://drive.google.com/file/d/${pdfs[0].id}/view?usp=drivesdk`;
    expect(result.message).toContain(`ไฟล์ PDF สร้างหรือปรับปรุงแล้วที่ ${url}`);
    const row = values(rt, 'ประวัติ').at(-1) as unknown[];
    expect([row[2], row[4], row[5]]).toEqual(['เผยแพร่ฉบับอนุมัติ', url, 'ไม่สำเร็จ']);
    // Not made public while no cell records its link.
    expect(rt.drive.fileInfo(pdfs[0].id).permissions.filter((p) => p.type === 'anyone')).toEqual(
      [],
    );
    rt.faults.clear();
    const again = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(again).toMatchObject({ status: 'done', id: pdfs[0].id, revision: 2, public: true });
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(url);
  });

  it('a ลิงก์เผยแพร่ cleared by hand: the same file again, not a second one', async () => {
    const rt = await office();
    sent(rt);
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    setGeneral(rt, 'ลิงก์เผยแพร่', '');
    const second = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(second).toMatchObject({ status: 'done', id: first.id, url: first.url, revision: 2 });
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(first.url);
    // Another fiscal year's file is never found for this one: a new file.
    setGeneral(rt, 'ลิงก์เผยแพร่', '');
    rt.drive.patch(first.id, { appProperties: { itamemoFiscalYear: '2567' } });
    const third = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(third).toMatchObject({ status: 'done', revision: 1 });
    expect(third.id).not.toBe(first.id);
  });

  it('a mistyped link is named as not the last publication’s; the current user is not asked to ask themselves', async () => {
    const rt = await office();
    sent(rt);
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    const typo = first.url.replace(first.id, `${first.id.slice(0, -2)}xx`);
    setGeneral(rt, 'ลิงก์เผยแพร่', typo);
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ลิงก์เผยแพร่') + 1;
    expect(rt.run<PublishResult>('sidebarPublish')).toEqual({
      status: 'failed',
      message:
        `ลิงก์ในรายการ “ลิงก์เผยแพร่” (เซลล์ ข้อมูลทั่วไป!B${row}) ไม่ตรงกับลิงก์ PDF ที่เผยแพร่ครั้งล่าสุดในแท็บประวัติ (${first.url}) ` +
        'อาจพิมพ์หรือวางผิด และส่วนเสริมที่คุณใช้เข้าถึงไฟล์ตามลิงก์นั้นไม่ได้ ระบบจึงไม่เผยแพร่ เพื่อไม่ให้ลิงก์บนเว็บไซต์เปลี่ยน ' +
        'กรุณาแก้เป็นลิงก์ที่เผยแพร่ครั้งล่าสุด หรือหากต้องการไฟล์ใหม่ (ลิงก์ใหม่) ให้ลบลิงก์ในรายการนั้นออกก่อน',
    });
    // The last publication's own file, gone for good: the publisher is the current user, not asked.
    setGeneral(rt, 'ลิงก์เผยแพร่', first.url);
    rt.drive.remove(first.id);
    const gone = rt.run<PublishResult>('sidebarPublish');
    expect(gone).toEqual({
      status: 'failed',
      message:
        `ส่วนเสริมที่คุณใช้เข้าถึงไฟล์ตามรายการ “ลิงก์เผยแพร่” (เซลล์ ข้อมูลทั่วไป!B${row}) ไม่ได้ ` +
        '(ไฟล์นั้นอาจสร้างโดยผู้ใช้อื่น หรือถูกลบถาวรแล้ว) ระบบจึงไม่เผยแพร่ เพื่อไม่ให้ลิงก์บนเว็บไซต์เปลี่ยน ' +
        'หรือหากต้องการไฟล์ใหม่ (ลิงก์ใหม่) ให้ลบลิงก์ในรายการนั้นออกก่อน',
    });
    expect(gone.status === 'failed' && gone.message).not.toContain(STAFF);
  });
});

describe('สร้างใหม่ในเอกสารเดิม after edits made in the Doc', () => {
  it('asks first, naming the edited paragraph; the Doc stays as it was until the user agrees', async () => {
    const rt = await office();
    const docId = sent(rt);
    editInDocs(rt, docId, 'กองคลัง', 'กองคลังและกองช่าง');
    const before = docText(rt, docId);
    const rows = values(rt, 'ประวัติ').length;
    const asked = rt.fromPage<GenerateResult>('sidebarRegenerate', true);
    expect(asked.status).toBe('edited');
    if (asked.status !== 'edited') return;
    expect(asked.message).toMatch(
      /^บันทึกข้อความในเอกสารเดิมถูกแก้ไขโดยตรงใน Google เอกสารหลังระบบสร้างครั้งล่าสุด \(ย่อหน้าที่แก้หรือเพิ่ม “[^”]*กองคลังและกองช่าง[^”]*”\) /,
    );
    expect(asked.message).toContain(
      'การสร้างใหม่ในเอกสารเดิมจะเขียนทับส่วนนั้นด้วยข้อมูลจากชีต หากต้องการเก็บการแก้ไขไว้ กรุณายกเลิก แล้วแก้ข้อมูลในชีตให้ตรงกับที่แก้ในเอกสารก่อน',
    );
    expect(asked.edited).toHaveLength(1);
    expect(docText(rt, docId)).toBe(before);
    expect(values(rt, 'ประวัติ')).toHaveLength(rows);
    // Agreed: the sheet's text again, and no question next time.
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true, true).status).toBe('done');
    expect(docText(rt, docId)).not.toContain('กองคลังและกองช่าง');
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
  });

  it('keeps the refill step’s calls: the memo is read once either way', async () => {
    const rt = await office();
    const docId = sent(rt);
    rt.calls.reset();
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
    const plain = rt.calls.count('Docs', 'Documents.get');
    editInDocs(rt, docId, 'กองคลัง', 'กองคลังและกองช่าง');
    rt.calls.reset();
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true, true).status).toBe('done');
    expect(rt.calls.count('Docs', 'Documents.get')).toBe(plain);
  });
});

describe('a text changed after approval', () => {
  it('is not published as approved; the approver approves it again, then it is', async () => {
    const rt = await office();
    const docId = sent(rt);
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    editInDocs(rt, docId, 'กองคลัง', 'กองคลังและกองช่าง');
    const rows = values(rt, 'ประวัติ').length;
    const refused = rt.run<PublishResult>('sidebarPublish');
    expect(refused.status).toBe('failed');
    expect(refused.status === 'failed' && refused.message).toMatch(
      /^บันทึกข้อความถูกแก้ไขหลังผู้สั่งการอนุมัติ \(แถว 4 ของแท็บประวัติ\): ย่อหน้าที่แก้หรือเพิ่ม “[^”]*กองคลังและกองช่าง[^”]*” ระบบเผยแพร่เฉพาะข้อความที่ผู้สั่งการอนุมัติ กรุณาให้ผู้สั่งการตรวจเอกสารและใช้เมนู “อนุมัติ” อีกครั้ง/,
    );
    expect(values(rt, 'ประวัติ')).toHaveLength(rows);
    expect(rt.drive.listAll().filter((f) => f.name.startsWith('รายงานผล'))).toEqual([]);
    const again = rt.as(NAYOK).run<StepResult>('sidebarApprove', true);
    expect(again.status).toBe('done');
    expect(again.message).toContain('อนุมัติฉบับที่แก้ไขหลังการอนุมัติครั้งก่อน (แถว 4 ของแท็บประวัติ)');
    expect(rt.run<PublishResult>('sidebarPublish').status).toBe('done');
    // Approved and unchanged: once is enough.
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true)).toEqual({
      status: 'done',
      message: 'บันทึกข้อความฉบับนี้อนุมัติแล้ว (แถว 5 ของแท็บประวัติ) ไม่ต้องอนุมัติซ้ำ',
    });
  });
});

describe('อัปเดตสถานะความเห็น', () => {
  it('reads this fiscal year’s memos only, not every memo ever generated', async () => {
    const rt = await office({ defaultAnswers: true });
    for (let i = 0; i < 2; i++)
      expect(rt.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    // The fiscal year starts (the row เริ่มปีงบประมาณใหม่ writes; new-year.test.ts runs the step).
    const log = rt.spreadsheet.getSheetByName('ประวัติ')!;
    const row = log.getLastRow() + 1;
    log.getRange(row, 1, 1, 6).setValues([[new Date(), STAFF, 'เริ่มปีงบประมาณใหม่', '', '', 'สำเร็จ']]);
    expect(rt.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    rt.calls.reset();
    rt.run('refreshComments');
    expect(rt.calls.count('Drive', 'Comments.list')).toBe(1);
    // Undone: the year before is this year again.
    log
      .getRange(log.getLastRow() + 1, 1, 1, 6)
      .setValues([[new Date(), STAFF, 'ยกเลิกการเริ่มปีงบประมาณใหม่', '', '', 'สำเร็จ']]);
    rt.calls.reset();
    rt.run('refreshComments');
    expect(rt.calls.count('Drive', 'Comments.list')).toBe(3);
  });
});
