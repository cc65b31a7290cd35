// The review loop on the built bundle, end to end: generate (a draft shared with nobody), send for
// review, two reviewers comment as themselves, staff fix the sheet and refill the same Doc, the
// comments are resolved, the approver approves, and the approved memo is published twice into
// the same PDF. Each step's status, link, revision and sharing is checked, and its Thai words.
import { inlineText, type BlockNode, type DocModel } from '../../src/local/docmodel';
import type {
  GenerateResult,
  PublishResult,
  ReviewState,
  StepResult,
} from '../../src/shared/sidebar-api';
import { pdfFile, pdfText, squash } from '../render/pdf-reader';
import { cleanupTempDirs } from '../local/helpers';
import { values, idOf } from './harness';
import { general, office, setGeneral, type Rt, HEAD, NAYOK, PALAD, STAFF } from './review-helpers';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
type Published = Extract<PublishResult, { status: 'done' }>;

/** ประวัติ's columns by header. */
const LOG = {
  user: 1,
  action: 2,
  document: 3,
  pdf: 4,
  status: 5,
  open: 6,
  resolved: 7,
  note: 8,
  memoStatus: 9,
  docId: 10,
};

function paragraphs(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) =>
    b.type === 'table'
      ? b.rows.flatMap((r) => r.cells.flatMap((c) => paragraphs(c.children)))
      : b.type === 'sectionBreak'
        ? []
        : [inlineText(b.children)],
  );
}

const text = (model: DocModel) => paragraphs(model.body).join('\n');

const memoRow = (rt: Rt) => values(rt, 'ประวัติ')[1];

describe('the review loop, end to end', () => {
  let rt: Rt;
  let generated: Done;
  let docId: string;
  let headComment: string;
  let paladComment: string;
  let first: Published;

  beforeAll(async () => {
    rt = await office();
    setGeneral(rt, 'กำหนดส่งความเห็น', '10 ต.ค. 2568');
  });

  it('generates a draft shared with nobody; its row is the memo’s, ร่าง, with the Doc’s ID', () => {
    generated = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(generated.status).toBe('done');
    docId = idOf(generated.links.docUrl);
    const doc = rt.drive.fileInfo(docId);
    expect(doc.permissions.map((p) => p.role)).toEqual(['owner']);
    const row = memoRow(rt);
    expect(row[LOG.action]).toBe('สร้างบันทึกข้อความ');
    expect(row[LOG.memoStatus]).toBe('ร่าง');
    expect(row[LOG.docId]).toBe(docId);
    // The approver's date line is dotted until approval.
    expect(text(rt.drive.readModel(docId))).toContain(
      'วันที่ ........ เดือน .................... พ.ศ. ........',
    );
  });

  it('sends it for review: comment access and Google’s e-mail in Thai, with the due date', () => {
    const sent = rt.run<StepResult>('sidebarSend');
    expect(sent).toEqual({
      status: 'done',
      message: `ส่งขอความเห็นแล้ว 3 ราย (${HEAD}, ${PALAD}, ${NAYOK}) กำหนดส่งความเห็นภายในวันที่ ๑๐ ตุลาคม ๒๕๖๘ ผู้ตรวจจะได้รับอีเมลจาก Google พร้อมลิงก์เอกสาร`,
    });
    const perms = rt.drive.fileInfo(docId).permissions;
    for (const email of [HEAD, PALAD, NAYOK])
      expect(perms.find((p) => p.emailAddress === email)).toMatchObject({
        role: 'commenter',
        notificationSent: true,
      });
    const head = perms.find((p) => p.emailAddress === HEAD);
    expect(head?.emailMessage).toBe(
      'เรียน ว่าที่ร้อยตรีชนภัช ปฐุมารรณ์\n' +
        'มีบันทึกข้อความรายงานผลการประเมินคุณธรรมและความโปร่งใส (ITA) ประจำปีงบประมาณ พ.ศ. 2568 ขององค์การบริหารส่วนตำบลเมืองเก่า ' +
        'รอท่านในฐานะผู้ให้ความเห็น กรุณาตรวจและให้ความเห็น ภายในวันที่ 10 ตุลาคม 2568 โดยเปิดเอกสารจากลิงก์ในอีเมลนี้ ' +
        'เลือกข้อความที่ต้องการ แล้วแสดงความคิดเห็น (แทรก › ความคิดเห็น) ความเห็นทั้งหมดจะกลับไปแสดงในแท็บประวัติและแถบด้านข้างของชีตรายงาน ITA',
    );
    expect(memoRow(rt)[LOG.memoStatus]).toBe('ส่งขอความเห็นแล้ว');
    const row = values(rt, 'ประวัติ')[2];
    expect(row[LOG.action]).toBe('ส่งขอความเห็น');
    expect(row[LOG.note]).toBe(
      `ส่งให้ ${HEAD}, ${PALAD}, ${NAYOK} กำหนดส่งความเห็นภายในวันที่ ๑๐ ตุลาคม ๒๕๖๘`,
    );
    expect(row[LOG.docId]).toBe(docId);
  });

  it('two reviewers comment as themselves; the sidebar lists each with its text, reply, link and cell', () => {
    headComment = rt.drive.addComment(docId, HEAD, 'ควรระบุว่าทำร่วมกับกองใด', {
      quoted: 'การยกระดับผลการประเมิน ITA',
    }).id;
    paladComment = rt.drive.addComment(docId, PALAD, 'ผลลัพธ์ควรระบุคะแนน', {
      quoted: 'ผลการประเมินอยู่ในระดับ ผ่าน',
    }).id;
    rt.drive.replyToComment(docId, paladComment, STAFF, 'จะเพิ่มคะแนนในชีต');
    rt.calls.reset();
    const state = rt.run<ReviewState>('sidebarReview');
    // One Drive call for the memo's comments, whatever their number.
    expect(rt.calls.count('Drive')).toBe(1);
    expect(rt.calls.count('Drive', 'Comments.list')).toBe(1);
    expect(state.memo).toEqual({
      docUrl: `https://docs.google.com/document/d/${docId}/edit?usp=drivesdk`,
      by: STAFF,
      status: 'มีความเห็นค้าง 2',
    });
    expect(state.comments).toEqual([
      {
        id: headComment,
        author: 'head',
        quoted: 'การยกระดับผลการประเมิน ITA',
        content: 'ควรระบุว่าทำร่วมกับกองใด',
        replies: [],
        link: `https://docs.google.com/document/d/${docId}/edit?disco=${headComment}`,
        cell: { sheet: 'มาตรการ', cell: 'A2' },
      },
      {
        id: paladComment,
        author: 'palad',
        quoted: 'ผลการประเมินอยู่ในระดับ ผ่าน',
        content: 'ผลลัพธ์ควรระบุคะแนน',
        replies: [{ author: 'staff', content: 'จะเพิ่มคะแนนในชีต' }],
        link: `https://docs.google.com/document/d/${docId}/edit?disco=${paladComment}`,
        cell: { sheet: 'มาตรการ', cell: 'F2' },
      },
    ]);
    expect(memoRow(rt).slice(LOG.open, LOG.resolved + 1)).toEqual([2, 0]);
    expect(memoRow(rt)[LOG.memoStatus]).toBe('มีความเห็นค้าง 2');
  });

  it('staff fix the sheet and refill the same Doc: same link, comments where their text is', () => {
    const measures = rt.spreadsheet.getSheetByName('มาตรการ')!;
    measures
      .getRange('A2')
      .setValue('การยกระดับผลการประเมิน ITA ร่วมกับกองคลัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    measures.getRange('F2').setValue('ผลการประเมินอยู่ในระดับ ผ่าน (๙๓.๕๓ คะแนน)');
    const before = rt.drive.fileInfo(docId);
    const again = rt.fromPage<GenerateResult>('sidebarRegenerate', true) as Done;
    expect(again.status).toBe('done');
    expect(again.links.docUrl).toBe(generated.links.docUrl);
    expect(rt.drive.fileInfo(docId).createdTime).toBe(before.createdTime);
    const now = text(rt.drive.readModel(docId));
    expect(now).toContain('การยกระดับผลการประเมิน ITA ร่วมกับกองคลัง ประจำปีงบประมาณ พ.ศ. ๒๕๖๘');
    expect(now).toContain('ผลการประเมินอยู่ในระดับ ผ่าน (๙๓.๕๓ คะแนน)');
    // The reviewers' comments keep their text, and their place.
    expect(rt.drive.commentAnchorText(docId, headComment)).toBe('การยกระดับผลการประเมิน ITA');
    expect(rt.drive.commentAnchorText(docId, paladComment)).toBe('ผลการประเมินอยู่ในระดับ ผ่าน');
    // The scratch Doc the template was filled in is in the trash; a new draft PDF beside the Doc.
    const docs = rt.drive.listAll().filter((f) => f.mimeType.endsWith('.document'));
    expect(docs.filter((d) => !d.trashed).map((d) => d.id)).toEqual([docId]);
    expect(rt.drive.fileInfo(idOf(again.links.pdfUrl)).parents).toEqual(before.parents);
    const row = values(rt, 'ประวัติ')[3];
    expect([row[LOG.action], row[LOG.status], row[LOG.docId]]).toEqual([
      'สร้างใหม่ในเอกสารเดิม',
      'สำเร็จ',
      docId,
    ]);
    expect(row[LOG.memoStatus]).toBe('');
    expect(memoRow(rt)[LOG.memoStatus]).toBe('มีความเห็นค้าง 2');
  });

  it('comments resolved: แก้ครบแล้ว', () => {
    rt.drive.replyToComment(docId, headComment, STAFF, 'แก้แล้ว', 'resolve');
    rt.drive.replyToComment(docId, paladComment, PALAD, 'เรียบร้อย', 'resolve');
    const state = rt.run<ReviewState>('sidebarReview');
    expect(state.comments).toEqual([]);
    expect(state.resolved).toBe(2);
    expect(state.memo?.status).toBe('แก้ครบแล้ว');
    expect(memoRow(rt).slice(LOG.open, LOG.resolved + 1)).toEqual([0, 2]);
    expect(memoRow(rt)[LOG.memoStatus]).toBe('แก้ครบแล้ว');
  });

  it('approval is the approver’s own: others are told so; the approver’s is recorded with the date', () => {
    const rows = values(rt, 'ประวัติ').length;
    expect(rt.run<StepResult>('sidebarApprove', false)).toEqual({
      status: 'failed',
      message:
        `การอนุมัติต้องบันทึกโดยผู้สั่งการ (นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า) ด้วยบัญชี ${NAYOK} ` +
        `แต่ขณะนี้ใช้บัญชี ${STAFF} กรุณาให้ผู้สั่งการเปิดชีตนี้ด้วยบัญชีของตนแล้วใช้เมนู “อนุมัติ”`,
    });
    expect(values(rt, 'ประวัติ')).toHaveLength(rows);
    const approved = rt.as(NAYOK).run<StepResult>('sidebarApprove', false);
    expect(approved).toEqual({
      status: 'done',
      message:
        'บันทึกการอนุมัติแล้ว: อนุมัติโดย นายอุทัย พวงลังกา นายกองค์การบริหารส่วนตำบลเมืองเก่า วันที่ ๓ ตุลาคม ๒๕๖๘ ' +
        'วันที่อนุมัติจะลงในเอกสารเมื่อเผยแพร่ฉบับอนุมัติ ' +
        // The approver's add-on cannot read the comments of a Doc staff made (drive.file): said.
        'ส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้ จึงใช้จำนวนความเห็นค้างที่บันทึกไว้ล่าสุดในแท็บประวัติ ' +
        'ระบบจะตรวจความเห็นค้างอีกครั้งเมื่อเจ้าหน้าที่เผยแพร่',
    });
    const row = values(rt, 'ประวัติ')[4];
    expect([row[LOG.user], row[LOG.action], row[LOG.status], row[LOG.docId]]).toEqual([
      NAYOK,
      'อนุมัติ',
      'สำเร็จ',
      docId,
    ]);
    expect(memoRow(rt)[LOG.memoStatus]).toBe('อนุมัติแล้ว');
    // Once is enough.
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', false)).toEqual({
      status: 'done',
      message: 'บันทึกข้อความฉบับนี้อนุมัติแล้ว (แถว 5 ของแท็บประวัติ) ไม่ต้องอนุมัติซ้ำ',
    });
    expect(values(rt, 'ประวัติ')).toHaveLength(rows + 1);
  });

  it('publishes the approved memo as one private PDF, its link in ข้อมูลทั่วไป and ประวัติ', () => {
    first = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(first).toEqual({
      status: 'done',
      message: `เผยแพร่แล้ว ฉบับที่ 1 ทั้งฉบับ เฉพาะผู้ที่ได้รับสิทธิ์ ลิงก์ของ PDF: ${first.url} ลิงก์นี้ยังไม่เปิดสาธารณะ ประชาชนทั่วไปยังเปิดไม่ได้ จึงยังไม่ควรนำไปลงเว็บไซต์ หากต้องการให้ประชาชนเปิดได้ กรุณาตั้ง “เผยแพร่ลิงก์สาธารณะ” ในแท็บ “ข้อมูลทั่วไป” เป็น ใช่ แล้วเผยแพร่อีกครั้ง`,
      id: first.id,
      url: `https://drive.google.com/file/d/${first.id}/view?usp=drivesdk`,
      revision: 1,
      public: false,
    });
    const pdf = rt.drive.fileInfo(first.id);
    expect(pdf.name).toBe('รายงานผล ITA ปีงบประมาณ 2568 องค์การบริหารส่วนตำบลเมืองเก่า.pdf');
    expect(pdf.parents).toEqual(rt.drive.fileInfo(docId).parents);
    expect(pdf.permissions.filter((p) => p.type === 'anyone')).toEqual([]);
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(first.url);
    const row = values(rt, 'ประวัติ')[5];
    expect([row[LOG.action], row[LOG.pdf], row[LOG.note], row[LOG.docId]]).toEqual([
      'เผยแพร่ฉบับอนุมัติ',
      first.url,
      'ฉบับที่ 1 ทั้งฉบับ เฉพาะผู้ที่ได้รับสิทธิ์',
      docId,
    ]);
    expect(memoRow(rt)[LOG.memoStatus]).toBe('เผยแพร่แล้ว');
    // The approval date went into the คำสั่ง block (the approver could only comment).
    const doc = text(rt.drive.readModel(docId));
    expect(doc).toContain('วันที่ ๓ ตุลาคม ๒๕๖๘');
    expect(doc).not.toContain('พ.ศ. ........');
    const published = squash(pdfText(pdfFile(rt.drive.readContent(first.id))));
    expect(published).toContain(squash('บันทึกข้อความ'));
    expect(published).toContain(squash('วันที่ ๓ ตุลาคม ๒๕๖๘'));
    expect(rt.run<ReviewState>('sidebarReview').memo).toMatchObject({
      status: 'เผยแพร่แล้ว',
      publishedUrl: first.url,
    });
  });

  it('publishes again, public now, into the same file: a second revision, the first kept', () => {
    setGeneral(rt, 'เผยแพร่ลิงก์สาธารณะ', 'ใช่');
    const second = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(second).toMatchObject({ status: 'done', id: first.id, url: first.url, revision: 2 });
    expect(second.message).toBe(
      `เผยแพร่แล้ว ฉบับที่ 2 ทั้งฉบับ ทุกคนที่มีลิงก์ดูได้ ลิงก์ถาวรสำหรับเว็บไซต์: ${first.url}`,
    );
    const revisions = rt.drive.revisions(first.id);
    expect(revisions.map((r) => r.keepForever)).toEqual([true, true]);
    expect(rt.drive.readRevision(first.id, revisions[0].id).length).toBeGreaterThan(10_000);
    expect(rt.drive.fileInfo(first.id).permissions).toContainEqual(
      expect.objectContaining({ type: 'anyone', role: 'reader', allowFileDiscovery: false }),
    );
    expect(general(rt, 'ลิงก์เผยแพร่')).toBe(first.url);
    // Private again on the next publication when the sheet says so.
    setGeneral(rt, 'เผยแพร่ลิงก์สาธารณะ', 'ไม่');
    const third = rt.run<PublishResult>('sidebarPublish') as Published;
    expect(third.message).toContain('ยกเลิกการให้ทุกคนที่มีลิงก์ดูแล้ว');
    expect(rt.drive.fileInfo(first.id).permissions.filter((p) => p.type === 'anyone')).toEqual([]);
    expect(third.revision).toBe(3);
  });

  it('ประวัติ: one row for the memo, whose status moved, and one row per step', () => {
    const log = values(rt, 'ประวัติ').slice(1);
    expect(log.map((r) => [r[LOG.action], r[LOG.status], r[LOG.memoStatus], r[LOG.docId]])).toEqual(
      [
        ['สร้างบันทึกข้อความ', 'สำเร็จ', 'เผยแพร่แล้ว', docId],
        ['ส่งขอความเห็น', 'สำเร็จ', '', docId],
        ['สร้างใหม่ในเอกสารเดิม', 'สำเร็จ', '', docId],
        ['อนุมัติ', 'สำเร็จ', '', docId],
        ['เผยแพร่ฉบับอนุมัติ', 'สำเร็จ', '', docId],
        ['เผยแพร่ฉบับอนุมัติ', 'สำเร็จ', '', docId],
        ['เผยแพร่ฉบับอนุมัติ', 'สำเร็จ', '', docId],
      ],
    );
    expect(log[0].slice(LOG.open, LOG.resolved + 1)).toEqual([0, 2]);
    // Refilling again voids the approval: the memo must be approved again before publishing.
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
    expect(memoRow(rt)[LOG.memoStatus]).toBe('แก้ครบแล้ว');
    expect(rt.run<PublishResult>('sidebarPublish')).toEqual({
      status: 'failed',
      message:
        'บันทึกข้อความฉบับล่าสุดยังไม่ได้รับอนุมัติ (สถานะ: แก้ครบแล้ว) ระบบเผยแพร่เฉพาะฉบับที่ผู้สั่งการบันทึกการอนุมัติแล้ว ' +
        'กรุณาให้ผู้สั่งการใช้เมนู “อนุมัติ” ก่อน',
    });
    expect(text(rt.drive.readModel(docId))).toContain('พ.ศ. ........');
  });
});

describe('a refill in the same Doc', () => {
  it('gives the text a fresh generate gives, and changes only what differs', async () => {
    const rt = await office();
    const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const docId = idOf(made.links.docUrl);
    const measures = rt.spreadsheet.getSheetByName('มาตรการ')!;
    const rows = values(rt, 'มาตรการ');
    // A measure rewritten, one edited, one added.
    measures.getRange('A2').setValue('มาตรการใหม่ทั้งหมด');
    measures.getRange('A3').setValue(`${rows[2][0]} (ปรับปรุง)`);
    measures
      .getRange(rows.length + 1, 1, 1, 6)
      .setValues([['มาตรการเพิ่ม', 'วิธี', 'กองคลัง', 'ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘', 'สรุป', 'ผล']]);
    rt.calls.reset();
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
    const fresh = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(paragraphs(rt.drive.readModel(docId).body)).toEqual(
      paragraphs(rt.drive.readModel(idOf(fresh.links.docUrl)).body),
    );
  });

  it('keeps a comment whose text stays, and orphans one whose text went', async () => {
    const rt = await office();
    const made = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const docId = idOf(made.links.docUrl);
    rt.run('sidebarSend');
    const kept = rt.drive.addComment(docId, HEAD, 'ชื่อถูกต้อง', { quoted: 'กองคลัง' }).id;
    const gone = rt.drive.addComment(docId, PALAD, 'ตัดออก', {
      quoted: 'การยกระดับผลการประเมิน ITA',
    }).id;
    rt.spreadsheet.getSheetByName('มาตรการ')!.getRange('A2').setValue('มาตรการใหม่ทั้งหมด');
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true).status).toBe('done');
    expect(rt.drive.commentAnchorText(docId, kept)).toBe('กองคลัง');
    expect(rt.drive.commentAnchorText(docId, gone)).toBeNull();
    // Drive still lists the orphaned comment, with the text it quoted.
    const state = rt.run<ReviewState>('sidebarReview');
    expect(state.comments.map((c) => c.quoted)).toEqual(['กองคลัง', 'การยกระดับผลการประเมิน ITA']);
  });
});
