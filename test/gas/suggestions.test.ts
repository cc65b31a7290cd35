// Reviewers with comment access in suggesting mode: their edits are suggestions, which documents.get
// returns inline by default. A refill would write over them, the approver would approve undecided
// text and the PDF would carry them: each step refuses until staff accept or reject them.
import type { GenerateResult, PublishResult, StepResult } from '../../src/shared/sidebar-api';
import type { ReviewState } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { values } from './harness';
import { generatedAndSent as sent, HEAD, NAYOK, office, HOW } from './review-helpers';

afterAll(cleanupTempDirs);

describe('a reviewer’s suggestion', () => {
  it('blocks the refill in place until settled; the Doc and ประวัติ stay as they were', async () => {
    const rt = await office();
    const docId = sent(rt);
    rt.drive.addSuggestion(docId, HEAD, { at: 'กองคลัง', remove: true, insert: 'กองช่าง' });
    const before = JSON.stringify(rt.drive.readModel(docId));
    const rows = values(rt, 'ประวัติ').length;
    expect(rt.fromPage<GenerateResult>('sidebarRegenerate', true, true)).toEqual({
      status: 'failed',
      message:
        'บันทึกข้อความยังมีการแก้ไขที่แนะนำ (suggestion) ซึ่งยังไม่ได้ยอมรับหรือปฏิเสธ 1 รายการ (“กองคลัง” เป็น “กองช่าง”) ' +
        'ระบบจึงสร้างใหม่ในเอกสารเดิมไม่ได้ เพื่อไม่ให้ข้อความที่ยังไม่ได้ตัดสินปะปนกับข้อความจริง ' +
        `กรุณาเปิดเอกสารใน Google เอกสาร แล้วยอมรับหรือปฏิเสธทุกรายการก่อน ${HOW} แล้วลองอีกครั้ง`,
    });
    expect(JSON.stringify(rt.drive.readModel(docId))).toBe(before);
    expect(values(rt, 'ประวัติ')).toHaveLength(rows);
    // Accepted, it is an edit made in the Doc: the refill asks before writing over it.
    rt.drive.settleSuggestions(docId, true);
    const asked = rt.fromPage<GenerateResult>('sidebarRegenerate', true);
    expect(asked.status).toBe('edited');
    expect(asked.status === 'edited' && asked.message).toContain('กองช่าง');
  });

  it('is counted in the sidebar, and the approver cannot approve until staff settle it', async () => {
    const rt = await office();
    const docId = sent(rt);
    rt.drive.addSuggestion(docId, HEAD, { at: 'กองคลัง', insert: ' และกองช่าง' });
    rt.drive.addSuggestion(docId, NAYOK, { at: 'การแก้ไขปัญหาการทุจริต', remove: true });
    expect(rt.run<ReviewState>('sidebarReview').suggestions).toBe(2);
    const refused = rt.as(NAYOK).run<StepResult>('sidebarApprove', true);
    expect(refused.status).toBe('failed');
    expect(refused.message).toMatch(
      /^บันทึกข้อความยังมีการแก้ไขที่แนะนำ \(suggestion\) ซึ่งยังไม่ได้ยอมรับหรือปฏิเสธ 2 รายการ \(ลบ “การแก้ไขปัญหาการทุจริต”, เพิ่ม “และกองช่าง”\) ระบบจึงบันทึกการอนุมัติไม่ได้ เพราะข้อความที่จะอนุมัติยังไม่แน่นอน /,
    );
    expect(refused.message).toContain(
      `กรุณาแจ้งเจ้าหน้าที่ผู้มีสิทธิ์แก้ไขเอกสารให้ยอมรับหรือปฏิเสธทุกรายการก่อน ${HOW} แล้วจึงอนุมัติ`,
    );
    rt.drive.settleSuggestions(docId, false);
    expect(rt.run<ReviewState>('sidebarReview').suggestions).toBe(0);
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
  });

  it('made after approval is never published', async () => {
    const rt = await office();
    const docId = sent(rt);
    expect(rt.as(NAYOK).run<StepResult>('sidebarApprove', true).status).toBe('done');
    rt.drive.addSuggestion(docId, HEAD, { at: 'กองคลัง', remove: true, insert: 'กองช่าง' });
    const pdfs = () => rt.drive.listAll().filter((f) => f.name.startsWith('รายงานผล')).length;
    const result = rt.run<PublishResult>('sidebarPublish', true);
    expect(result.status).toBe('failed');
    expect(result.status === 'failed' && result.message).toContain(
      'ระบบจึงเผยแพร่ไม่ได้ เพื่อไม่ให้ข้อความที่ยังไม่ได้ตัดสินปะปนกับข้อความจริง',
    );
    expect(pdfs()).toBe(0);
    // Rejected, the Doc is the approved text again: published.
    rt.drive.settleSuggestions(docId, false);
    expect(rt.run<PublishResult>('sidebarPublish', true).status).toBe('done');
    expect(pdfs()).toBe(1);
  });
});
