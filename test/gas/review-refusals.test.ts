// The review steps refuse in Thai and change nothing when they cannot act; a failure half-way
// leaves the published PDF as it was. Every message the steps can say is here.
import type { DocModel } from '../../src/local/docmodel';
import type {
  GenerateResult,
  PublishResult,
  ReviewState,
  StepResult,
} from '../../src/shared/sidebar-api';
import { pdfFile, pdfText, squash } from '../render/pdf-reader';
import { cleanupTempDirs } from '../local/helpers';
import { values, idOf } from './harness';
import {
  general,
  office,
  setGeneral,
  snapshot,
  type Rt,
  STAFF,
  NAYOK,
  STALE_COUNTS,
  OTHER as B,
} from './review-helpers';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
type Published = Extract<PublishResult, { status: 'done' }>;

const failed = (message: string) => ({ status: 'failed', message });

/** Generated, sent and approved: ready to publish. Returns the Doc's ID. */
function approved(rt: Rt): string {
  const made = rt.run<GenerateResult>('sidebarGenerate', true) as Done;
  expect(made.status).toBe('done');
  expect(rt.run<StepResult>('sidebarSend').status).toBe('done');
  expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', false).status).toBe('done');
  return idOf(made.links.docUrl);
}

/** Every temporary copy made to publish only the report is in the trash. */
const copiesTrashed = (rt: Rt) =>
  rt.drive
    .listAll()
    .filter((f) => f.name.startsWith('(ชั่วคราว'))
    .every((f) => f.trashed);

function expectRefused(rt: Rt, run: () => unknown, message: string): void {
  const before = snapshot(rt);
  expect(run()).toEqual(failed(message));
  expect(snapshot(rt)).toEqual(before);
}

describe('before there is a memo to act on', () => {
  it('each step says to generate first', async () => {
    const rt = await office();
    const first = (step: string) =>
      `ยังไม่มีบันทึกข้อความที่สร้างสำเร็จในแท็บประวัติ กรุณาใช้เมนู “สร้างบันทึกข้อความ” ก่อน${step}`;
    expectRefused(rt, () => rt.run('sidebarSend'), first('ส่งขอความเห็น'));
    expectRefused(rt, () => rt.as(NAYOK).run('sidebarApprove', false), first('บันทึกการอนุมัติ'));
    expectRefused(rt, () => rt.run('sidebarPublish'), first('เผยแพร่'));
    expectRefused(
      rt,
      () => rt.fromPage<GenerateResult>('sidebarRegenerate', true),
      first('สร้างใหม่ในเอกสารเดิม'),
    );
    expect(rt.run<ReviewState>('sidebarReview')).toEqual({ memo: null, comments: [], resolved: 0 });
  });

  it('a memo whose last generation failed is not acted on as if the older one were current', async () => {
    const rt = await office();
    rt.fromPage<GenerateResult>('sidebarGenerate', true);
    rt.faults.disableApi('Docs');
    expect(rt.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('failed');
    rt.faults.clear();
    const reason = String(values(rt, 'ประวัติ')[2][8]);
    expectRefused(
      rt,
      () => rt.run('sidebarSend'),
      `การสร้างบันทึกข้อความครั้งล่าสุด (แถว 3 ของแท็บประวัติ) ไม่สำเร็จ: ${reason} ` +
        'กรุณาแก้แล้วสร้างบันทึกข้อความให้สำเร็จก่อนส่งขอความเห็น',
    );
  });
});

describe('sending for review', () => {
  it('needs reviewers’ e-mails, and a readable due date', async () => {
    const rt = await office();
    rt.fromPage('sidebarGenerate', true);
    setGeneral(rt, 'กำหนดส่งความเห็น', 'ปลายเดือนนี้');
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'กำหนดส่งความเห็น') + 1;
    expectRefused(
      rt,
      () => rt.run('sidebarSend'),
      'กำหนดส่งความเห็น “ปลายเดือนนี้” ไม่ใช่วันที่ที่อ่านได้ กรุณากรอกเป็นวันที่ เช่น 3 ตุลาคม 2568 หรือ 3/10/2568 ' +
        `(เซลล์ ข้อมูลทั่วไป!B${row}) กรุณาแก้ หรือเว้นว่างหากไม่กำหนดวัน`,
    );
    setGeneral(rt, 'กำหนดส่งความเห็น', '');
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G3:G5').clearContent();
    expectRefused(
      rt,
      () => rt.run('sidebarSend'),
      'ยังไม่มีอีเมลของผู้ให้ความเห็นหรือผู้สั่งการในแท็บผู้ลงนาม (คอลัมน์ “อีเมล”) กรุณากรอกอีเมลก่อนส่งขอความเห็น',
    );
  });

  it('when Drive refuses every address: not sent, said and logged', async () => {
    const rt = await office();
    rt.fromPage('sidebarGenerate', true);
    for (const e of ['head@muangkao.go.th', 'palad@muangkao.go.th', NAYOK])
      rt.faults.failSharing(e, 'sharingRateLimit');
    const result = rt.run<StepResult>('sidebarSend');
    expect(result.status).toBe('failed');
    expect(result.message).toMatch(/^ส่งขอความเห็นไม่สำเร็จ: แชร์ให้ผู้ตรวจไม่ครบ 3 ราย: /);
    expect(result.message).toContain('วันนี้แชร์ไฟล์ครบจำนวนที่ Google อนุญาตแล้ว');
    expect(values(rt, 'ประวัติ')[2].slice(2, 3)).toEqual(['ส่งขอความเห็น']);
    expect(values(rt, 'ประวัติ')[2][5]).toBe('ไม่สำเร็จ');
    expect(values(rt, 'ประวัติ')[1][9]).toBe('ร่าง');
  });
});

describe('a memo out of this user’s reach', () => {
  it('made by someone else: names who, and what to ask', async () => {
    const rt = await office();
    approved(rt);
    const as = (step: string) =>
      `บันทึกข้อความฉบับล่าสุดสร้างโดย ${STAFF} ส่วนเสริมที่คุณใช้จึงเข้าถึงเอกสารนั้นไม่ได้ ` +
      `(ส่วนเสริมเข้าถึงได้เฉพาะไฟล์ที่สร้างให้ผู้ใช้แต่ละคน) กรุณาให้ ${STAFF} ${step}`;
    expectRefused(rt, () => rt.as(B).run('sidebarPublish'), as('เผยแพร่ฉบับอนุมัติ'));
    expectRefused(rt, () => rt.as(B).run('sidebarSend'), as('ส่งขอความเห็น'));
    expect(rt.as(B).run<ReviewState>('sidebarReview').unreadable).toBe(
      `อ่านความเห็นของบันทึกข้อความฉบับนี้ไม่ได้ เพราะเป็นเอกสารที่ ${STAFF} สร้าง ` +
        '(ส่วนเสริมเข้าถึงได้เฉพาะเอกสารที่สร้างให้ผู้ใช้แต่ละคน) กรุณาเปิดเอกสารเพื่ออ่านความเห็นโดยตรง',
    );
  });

  it('in the trash, or deleted: says so', async () => {
    const rt = await office();
    const docId = approved(rt);
    rt.drive.patch(docId, { trashed: true });
    const name = rt.drive.fileInfo(docId).name;
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `บันทึกข้อความฉบับล่าสุด (“${name}”) อยู่ในถังขยะของ Google ไดรฟ์ ระบบจึงเผยแพร่ฉบับอนุมัติไม่ได้ ` +
        'กรุณากู้คืนเอกสารจากถังขยะ หรือสร้างบันทึกข้อความใหม่',
    );
    rt.drive.remove(docId);
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      'ส่วนเสริมเข้าถึงบันทึกข้อความฉบับล่าสุดใน Google ไดรฟ์ไม่ได้ (อาจถูกลบถาวร หรือคุณไม่มีสิทธิ์แล้ว) ' +
        'ระบบจึงเผยแพร่ฉบับอนุมัติไม่ได้ กรุณาสร้างบันทึกข้อความใหม่',
    );
  });
});

describe('approval', () => {
  it('needs the approver’s e-mail in ผู้ลงนาม, and the Doc shared with them', async () => {
    const rt = await office();
    rt.fromPage('sidebarGenerate', true);
    expectRefused(
      rt,
      () => rt.as(NAYOK).run('sidebarApprove', false),
      'คุณยังเปิดบันทึกข้อความฉบับล่าสุดไม่ได้ (ยังไม่ได้รับสิทธิ์ หรือเอกสารถูกลบแล้ว) ระบบจึงบันทึกการอนุมัติไม่ได้ ' +
        'กรุณาขอให้เจ้าหน้าที่ใช้เมนู “ส่งขอความเห็น” เพื่อแชร์เอกสารให้ก่อน',
    );
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G5').clearContent();
    expectRefused(
      rt,
      () => rt.as(NAYOK).run('sidebarApprove', false),
      'ยังไม่ได้กรอกอีเมลของผู้สั่งการ (นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า) ในแท็บผู้ลงนาม ' +
        'การอนุมัติต้องบันทึกโดยผู้สั่งการด้วยบัญชีของตนเอง กรุณากรอกอีเมลก่อน',
    );
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('B5').setValue('ผู้ให้ความเห็น');
    expectRefused(
      rt,
      () => rt.as(NAYOK).run('sidebarApprove', false),
      'ยังไม่มีผู้สั่งการในแท็บผู้ลงนาม (บทบาท “ผู้สั่งการ”) กรุณากรอกก่อนบันทึกการอนุมัติ',
    );
  });

  it('asks while comments are open (by the counts last recorded when the approver cannot read them)', async () => {
    const rt = await office();
    const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    rt.run('sidebarSend');
    rt.drive.addComment(idOf(made.links.docUrl), 'head@muangkao.go.th', 'แก้ด้วย');
    rt.run('sidebarReview'); // staff's sidebar records the count
    const asked = {
      status: 'confirm',
      message:
        'บันทึกข้อความยังมีความเห็นค้าง 1 รายการ (ตามสถานะที่บันทึกไว้ล่าสุดในแท็บประวัติ ' +
        'ซึ่งอาจยังไม่รวมความเห็นที่เพิ่งเพิ่ม เพราะส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้) ' +
        'ต้องการบันทึกการอนุมัติทั้งที่ยังมีความเห็นค้างหรือไม่',
    };
    const before = values(rt, 'ประวัติ');
    expect(rt.as(NAYOK).run('sidebarApprove', false)).toEqual(asked);
    expect(values(rt, 'ประวัติ')).toEqual(before);
    const done = rt.as(NAYOK).run<StepResult>('sidebarApprove', true);
    expect(done.status).toBe('done');
    expect(done.message).toContain('บันทึกการอนุมัติขณะยังมีความเห็นค้าง 1 รายการ (ยืนยันแล้ว)');
    expect(values(rt, 'ประวัติ')[1][9]).toBe('อนุมัติแล้ว');
  });

  it('an approver who may edit the Doc writes the date in at once', async () => {
    const rt = await office();
    const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    rt.run('sidebarSend');
    const docId = idOf(made.links.docUrl);
    rt.drive.addPermission(docId, { type: 'user', role: 'writer', emailAddress: NAYOK });
    const done = rt.as(NAYOK).run<StepResult>('sidebarApprove', false);
    expect(done.message).toBe(
      'บันทึกการอนุมัติแล้ว: อนุมัติโดย นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า วันที่ ๓ ตุลาคม ๒๕๖๘' +
        STALE_COUNTS,
    );
    expect(JSON.stringify(rt.drive.readModel(docId))).toContain('วันที่ ๓ ตุลาคม ๒๕๖๘');
  });
});

describe('publishing', () => {
  it('refuses a ลิงก์เผยแพร่ it cannot publish to, keeping the website’s link', async () => {
    const rt = await office();
    approved(rt);
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ลิงก์เผยแพร่') + 1;
    const at = `(เซลล์ ข้อมูลทั่วไป!B${row})`;
    setGeneral(rt, 'ลิงก์เผยแพร่', 'เว็บไซต์ของเรา');
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `รายการ “ลิงก์เผยแพร่” ${at} ไม่ใช่ลิงก์ของไฟล์ใน Google ไดรฟ์ ระบบจึงเผยแพร่ไม่ได้ ` +
        'กรุณาแก้เป็นลิงก์ของไฟล์ PDF ที่เผยแพร่ หรือลบออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
    // A file another person's add-on made (here: one a person put in Drive).
    const other = rt.drive.addUserFile({ name: 'x.pdf', mimeType: 'application/pdf' });
    setGeneral(rt, 'ลิงก์เผยแพร่', `https://drive.google.com/file/d/${other}/view`);
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `ส่วนเสริมที่คุณใช้เข้าถึงไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} ไม่ได้ (ไฟล์นั้นอาจสร้างโดยผู้ใช้อื่น หรือถูกลบถาวรแล้ว) ` +
        'ระบบจึงไม่เผยแพร่ เพื่อไม่ให้ลิงก์บนเว็บไซต์เปลี่ยน หรือหากต้องการไฟล์ใหม่ (ลิงก์ใหม่) ให้ลบลิงก์ในรายการนั้นออกก่อน',
    );
    setGeneral(rt, 'ลิงก์เผยแพร่', '');
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    rt.drive.patch(first.id, { trashed: true });
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} อยู่ในถังขยะของ Google ไดรฟ์ กรุณากู้คืนไฟล์นั้นแล้วเผยแพร่อีกครั้ง (ลิงก์เดิมจะใช้ได้ต่อ) ` +
        'หรือลบลิงก์ในรายการนั้นออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
    rt.drive.patch(first.id, { trashed: false });
    // Another person publishing next: the file is not theirs to update.
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G2').setValue(B);
    expectRefused(
      rt,
      () => rt.as(B).run('sidebarPublish'),
      `บันทึกข้อความฉบับล่าสุดสร้างโดย ${STAFF} ส่วนเสริมที่คุณใช้จึงเข้าถึงเอกสารนั้นไม่ได้ ` +
        `(ส่วนเสริมเข้าถึงได้เฉพาะไฟล์ที่สร้างให้ผู้ใช้แต่ละคน) กรุณาให้ ${STAFF} เผยแพร่ฉบับอนุมัติ`,
    );
    // A Doc is not a PDF to publish into.
    const doc = idOf(String(values(rt, 'ประวัติ').find((r) => r[2] === 'ส่งขอความเห็น')?.[3]));
    setGeneral(rt, 'ลิงก์เผยแพร่', `https://drive.google.com/file/d/${doc}/view`);
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” ${at} ไม่ใช่ไฟล์ PDF ระบบจึงเผยแพร่ลงไฟล์นั้นไม่ได้ ` +
        'กรุณาแก้เป็นลิงก์ของไฟล์ PDF ที่เผยแพร่ หรือลบออกเพื่อให้ระบบสร้างไฟล์ใหม่ (ลิงก์จะเปลี่ยน)',
    );
  });

  it('never publishes a new fiscal year’s report over last year’s file', async () => {
    const rt = await office();
    approved(rt);
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(rt.drive.fileInfo(first.id).appProperties).toEqual({ itamemoFiscalYear: '2568' });
    setGeneral(rt, 'ปีงบประมาณ', 2569);
    setGeneral(rt, 'วันที่หนังสือ', '1 ตุลาคม 2569');
    approved(rt);
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ลิงก์เผยแพร่') + 1;
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      `ไฟล์ตามรายการ “ลิงก์เผยแพร่” (เซลล์ ข้อมูลทั่วไป!B${row}) เป็นรายงานที่เผยแพร่ของปีงบประมาณ 2568 ` +
        'ระบบจึงไม่เผยแพร่รายงานปีงบประมาณ 2569 ลงไฟล์นั้น เพื่อให้ลิงก์ของปี 2568 บนเว็บไซต์ยังแสดงรายงานปี 2568 ' +
        'กรุณาลบลิงก์ในรายการนั้นออกเพื่อให้ระบบสร้างไฟล์ของปี 2569 (ลิงก์ของปี 2568 ยังอยู่ในแท็บประวัติ)',
    );
    setGeneral(rt, 'ลิงก์เผยแพร่', '');
    const next = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(next.id).not.toBe(first.id);
    expect(rt.drive.fileInfo(next.id).name).toBe(
      'รายงานผล ITA ปีงบประมาณ 2569 องค์การบริหารส่วนตำบลเมืองเก่า.pdf',
    );
  });

  it('names who published last when their file is out of this user’s reach', async () => {
    const rt = await office();
    const docId = approved(rt);
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    // B made a memo of their own, sent and approved; the published file is still A's.
    rt.as(B).fromPage<GenerateResult>('sidebarGenerate', true);
    rt.as(B).run('sidebarSend');
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', false).status).toBe('done');
    const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === 'ลิงก์เผยแพร่') + 1;
    expectRefused(
      rt,
      () => rt.as(B).run('sidebarPublish'),
      `ส่วนเสริมที่คุณใช้เข้าถึงไฟล์ตามรายการ “ลิงก์เผยแพร่” (เซลล์ ข้อมูลทั่วไป!B${row}) ไม่ได้ (ไฟล์นั้นอาจสร้างโดยผู้ใช้อื่น หรือถูกลบถาวรแล้ว) ` +
        `ระบบจึงไม่เผยแพร่ เพื่อไม่ให้ลิงก์บนเว็บไซต์เปลี่ยน กรุณาให้ ${STAFF} ซึ่งเผยแพร่ครั้งก่อนเป็นผู้เผยแพร่ ` +
        'หรือหากต้องการไฟล์ใหม่ (ลิงก์ใหม่) ให้ลบลิงก์ในรายการนั้นออกก่อน',
    );
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(first.url);
    expect(docId).not.toBe('');
  });

  it('only the report: cut from a temporary copy; the reviewed Doc is not touched', async () => {
    const rt = await office();
    const docId = approved(rt);
    setGeneral(rt, 'เผยแพร่เฉพาะรายงาน', 'ใช่');
    // The approval date goes in first; what follows must leave the Doc as it is then.
    rt.run('sidebarPublish');
    const doc = JSON.stringify(rt.drive.readModel(docId));
    rt.calls.reset();
    const again = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(again).toMatchObject({ status: 'done', revision: 2 });
    expect(again.message).toContain('ฉบับที่ 2 เฉพาะรายงานแนบท้าย');
    expect(JSON.stringify(rt.drive.readModel(docId))).toBe(doc);
    // The PDF starts at the report's cover: no memo page, no signatures or orders.
    const pdf = pdfText(pdfFile(rt.drive.readContent(again.id)));
    expect(squash(pdf.split('\f')[0])).toContain(squash('รายงานผลการดำเนินการ'));
    expect(squash(pdf)).not.toContain(squash('ความเห็น/คำสั่งของ'));
    expect(squash(pdf)).not.toContain(squash('นายอุทัย พวงลังกา'));
    expect(squash(pdf)).toContain(squash('มาตรการ/กิจกรรม'));
    // Numbered as a memo: none on the cover, "- ๒ -" at the top of the page after it.
    const pages = pdf.split('\f');
    expect(pages[0]).not.toMatch(/- [๐-๙]+ -/);
    expect(pages[1].trimStart().startsWith('- ๒ -')).toBe(true);
    const copies = rt.drive.listAll().filter((f) => f.name.startsWith('(ชั่วคราว ลบได้)'));
    expect(copies.length).toBe(2);
    expect(copies.every((f) => f.trashed)).toBe(true);
    expect(rt.calls.count('Drive', 'Files.copy')).toBe(1);
  });

  it('only the report, from a template without a page break: says where to put one', async () => {
    const rt = await office();
    const docId = approved(rt);
    setGeneral(rt, 'เผยแพร่เฉพาะรายงาน', 'ใช่');
    const model: DocModel = rt.drive.readModel(docId);
    // No page break and no section break (the built-in template's report starts after one).
    model.body = model.body
      .filter((b) => b.type !== 'sectionBreak')
      .map((b) =>
        'children' in b ? { ...b, children: b.children.filter((c) => c.type !== 'pageBreak') } : b,
      );
    rt.drive.writeModel(docId, model);
    const before = values(rt, 'ประวัติ');
    expect(rt.run('sidebarPublish')).toEqual(
      failed(
        'ไม่พบตัวแบ่งหน้าที่คั่นบันทึกข้อความกับรายงานแนบท้ายในเอกสาร ระบบจึงแยกเผยแพร่เฉพาะรายงานไม่ได้ ' +
          'กรุณาใส่ตัวแบ่งหน้า (แทรก › ตัวแบ่ง › ตัวแบ่งหน้า) หลังช่องคำสั่งของผู้สั่งการในแม่แบบ หรือตั้ง “เผยแพร่เฉพาะรายงาน” เป็น ไม่',
      ),
    );
    expect(values(rt, 'ประวัติ')).toEqual(before);
    expect(
      rt.drive
        .listAll()
        .filter((f) => f.mimeType === 'application/pdf' && !f.name.startsWith('บันทึก')),
    ).toEqual([]);
    expect(copiesTrashed(rt)).toBe(true);
  });

  it('a domain that forbids sharing by link: published, private, and told what to do', async () => {
    const rt = await office();
    approved(rt);
    setGeneral(rt, 'เผยแพร่ลิงก์สาธารณะ', 'ใช่');
    rt.faults.failSharing('anyone', 'domainPolicy');
    const result = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(result).toMatchObject({ status: 'done', revision: 1, public: false });
    expect(result.message).toContain('ฉบับที่ 1 ทั้งฉบับ เฉพาะผู้ที่ได้รับสิทธิ์ ลิงก์ของ PDF: ');
    // The sheet already asks for a public link: no advice to set it, only that it is not public yet.
    expect(result.message).toMatch(
      /ลิงก์นี้ยังไม่เปิดสาธารณะ ประชาชนทั่วไปยังเปิดไม่ได้ จึงยังไม่ควรนำไปลงเว็บไซต์$/,
    );
    expect(result.message).not.toContain('ลิงก์ถาวรสำหรับเว็บไซต์');
    expect(result.message).toContain(
      'ตั้งค่าการแชร์ของ PDF ไม่สำเร็จ (API call to drive.permissions.create failed with error: Bad Request. User message: "ACL change not allowed.") ' +
        'กรุณาตั้งค่าการแชร์ของไฟล์นั้นเองใน Google ไดรฟ์',
    );
    expect(rt.drive.fileInfo(result.id).permissions.filter((p) => p.type === 'anyone')).toEqual([]);
    expect(String(values(rt, 'ประวัติ').at(-1)?.[8])).toContain('ตั้งค่าการแชร์ของ PDF ไม่สำเร็จ');
  });

  it('the lock taken by someone else: a Thai message and nothing changed', async () => {
    const rt = await office();
    approved(rt);
    rt.faults.holdLock('document');
    // The menu's refresh says so; the sidebar shows the state without writing it.
    rt.ui.answers.push('OK');
    const before = values(rt, 'ประวัติ');
    rt.run('refreshComments');
    expect(rt.ui.dialogs.at(-1)?.message).toBe(
      'มีผู้อื่นกำลังใช้คำสั่งของส่วนเสริมกับชีตนี้อยู่ (เช่น สร้าง ส่งขอความเห็น อนุมัติ หรือเผยแพร่บันทึกข้อความ) กรุณารอสักครู่แล้วลองใหม่',
    );
    expect(rt.run<ReviewState>('sidebarReview').memo?.status).toBe('อนุมัติแล้ว');
    expect(values(rt, 'ประวัติ')).toEqual(before);
    expectRefused(
      rt,
      () => rt.run('sidebarPublish'),
      'มีผู้อื่นกำลังใช้คำสั่งของส่วนเสริมกับชีตนี้อยู่ (เช่น สร้าง ส่งขอความเห็น อนุมัติ หรือเผยแพร่บันทึกข้อความ) กรุณารอสักครู่แล้วลองใหม่',
    );
  });
});

describe('a failure half-way leaves the published revision current', () => {
  async function publishedOnce() {
    const rt = await office();
    approved(rt);
    const first = rt.run<PublishResult>('sidebarPublish') as Published;
    const before = {
      revisions: rt.drive.revisions(first.id),
      md5: rt.drive.fileInfo(first.id).md5Checksum,
      link: general(rt, 'ลิงก์เผยแพร่'),
      status: values(rt, 'ประวัติ')[1][9],
    };
    const after = () => ({
      revisions: rt.drive.revisions(first.id),
      md5: rt.drive.fileInfo(first.id).md5Checksum,
      link: general(rt, 'ลิงก์เผยแพร่'),
      status: values(rt, 'ประวัติ')[1][9],
    });
    return { rt, first, before, after };
  }

  it('the export fails (only the report, from a copy): the copy is trashed, the PDF as it was', async () => {
    const { rt, before, after } = await publishedOnce();
    setGeneral(rt, 'เผยแพร่เฉพาะรายงาน', 'ใช่');
    rt.faults.failPdfExport();
    const result = rt.run<PublishResult>('sidebarPublish');
    expect(result.status).toBe('failed');
    expect((result as { message: string }).message).toMatch(
      /^เผยแพร่ฉบับอนุมัติไม่สำเร็จ: เกิดข้อผิดพลาดจาก Google: /,
    );
    expect(after()).toEqual(before);
    const row = values(rt, 'ประวัติ').at(-1) as unknown[];
    expect([row[2], row[5]]).toEqual(['เผยแพร่ฉบับอนุมัติ', 'ไม่สำเร็จ']);
    expect(copiesTrashed(rt)).toBe(true);
  });

  it('the upload fails (Drive’s limit, retried): the previous revision stays the current one', async () => {
    const { rt, before, after } = await publishedOnce();
    rt.faults.rateLimit('Drive', 'Files.update', { status: 403, times: 3 });
    const result = rt.run<PublishResult>('sidebarPublish');
    expect(result).toEqual(
      failed(
        'เผยแพร่ฉบับอนุมัติไม่สำเร็จ: Google ปฏิเสธคำขอชั่วคราวเพราะมีคำขอมากเกินไป (ลองซ้ำแล้วยังไม่สำเร็จ) กรุณารอสักครู่แล้วลองใหม่',
      ),
    );
    expect(after()).toEqual(before);
    // Next time it goes through, as the next revision of the same file.
    const next = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(next.revision).toBe(2);
  });
});

describe('refilling a Doc whose structure was broken by hand', () => {
  it('says so in Thai and leaves the Doc as it was', async () => {
    const rt = await office();
    const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const docId = idOf(made.links.docUrl);
    const model = rt.drive.readModel(docId);
    // A Doc the API would never produce: the body ends with a table.
    while (model.body.at(-1)?.type !== 'table') model.body.pop();
    rt.drive.writeModel(docId, model);
    const before = JSON.stringify(rt.drive.readModel(docId));
    // Paragraphs deleted by hand: asked first (refill-edits.test.ts), then refused.
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('edited');
    const result = rt.fromPage<GenerateResult>('sidebarRegenerate', true, true);
    expect(result).toEqual(
      failed(
        'เอกสารเดิมถูกแก้โครงสร้างไปมาก (เช่น ลบตารางหรือย่อหน้าสุดท้าย) จนสร้างใหม่ในเอกสารเดิมไม่ได้ ' +
          'เอกสารเดิมยังอยู่เหมือนเดิม กรุณาใช้เมนู “สร้างบันทึกข้อความ” เพื่อสร้างฉบับใหม่',
      ),
    );
    expect(JSON.stringify(rt.drive.readModel(docId))).toBe(before);
    const row = values(rt, 'ประวัติ').at(-1) as unknown[];
    expect([row[2], row[5], row[10]]).toEqual(['สร้างใหม่ในเอกสารเดิม', 'ไม่สำเร็จ', docId]);
    // The scratch Doc went to the trash.
    const docs = rt.drive.listAll().filter((f) => f.mimeType.endsWith('.document'));
    expect(docs.filter((d) => !d.trashed).map((d) => d.id)).toEqual([docId]);
  });
});
