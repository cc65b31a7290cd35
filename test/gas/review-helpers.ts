// Helpers of the review-loop tests: the corrected example with reviewers, ข้อมูลทั่วไป by label.
import { idOf, runtimeOn, values } from './harness';
import type { GenerateResult, ReviewState, StepResult } from '../../src/shared/sidebar-api';
import type { DocModel, InlineNode } from '../../src/local/docmodel';
import type { Runtime } from '../../src/local/runtime';

export type Rt = Awaited<ReturnType<typeof runtimeOn>>;

export const HEAD = 'head@muangkao.go.th';
export const PALAD = 'palad@muangkao.go.th';
export const NAYOK = 'nayok@muangkao.go.th';
/** The staff member the runtime runs as, and a colleague who did not make the memo. */
export const STAFF = 'staff@example.go.th';
export const OTHER = 'b@muangkao.go.th';

/** What the approver is told when their add-on could not read the comments. */
export const STALE_COUNTS =
  ' ส่วนเสริมของคุณอ่านความเห็นในเอกสารที่ผู้อื่นสร้างไม่ได้ จึงใช้จำนวนความเห็นค้างที่บันทึกไว้ล่าสุดในแท็บประวัติ ' +
  'ระบบจะตรวจความเห็นค้างอีกครั้งเมื่อเจ้าหน้าที่เผยแพร่';

/** How staff settle pending suggestions, as the refusals say it. */
export const HOW =
  'โดยกด ✓ (ยอมรับ) หรือ ✗ (ปฏิเสธ) ที่การแก้ไขที่แนะนำแต่ละรายการ หรือใช้เมนู เครื่องมือ › ตรวจทานการแก้ไขที่แนะนำ';

/** What a refusal (or a question answered NO) must leave as it was. */
export function snapshot(rt: Runtime) {
  return {
    log: values(rt, 'ประวัติ'),
    general: values(rt, 'ข้อมูลทั่วไป'),
    // (A user's My Drive appears when they first act: not a change the step made.)
    files: rt.drive
      .listAll()
      .filter((f) => f.parents.length > 0)
      .map((f) => [f.id, f.trashed, f.version, f.permissions.length])
      .sort(),
  };
}

/** Sets a ข้อมูลทั่วไป value by its label. */
export function setGeneral(rt: Runtime, label: string, value: unknown): void {
  const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === label) + 1;
  if (row < 1) throw new Error(`no label ${label}`);
  rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!.getRange(row, 2).setValue(value);
}

export function general(rt: Rt, label: string): unknown {
  return values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === label)?.[1];
}

/** The corrected example with the reviewers' and the approver's e-mails. */
export async function office(options: Parameters<typeof runtimeOn>[1] = {}): Promise<Rt> {
  return withReviewers(await runtimeOn('ita-2568-corrected', { answers: [], ...options }));
}

/** Gives the corrected example's signatories (rows 3 to 5 of ผู้ลงนาม) their e-mails. */
export function withReviewers<R extends Runtime>(rt: R): R {
  rt.spreadsheet
    .getSheetByName('ผู้ลงนาม')!
    .getRange('G3:G5')
    .setValues([[HEAD], [PALAD], [NAYOK]]);
  return rt;
}

/**
 * The review loop on `office()`, step after step as staff take it: generate, send, the sidebar's
 * comments (one open), refill in place, approve, publish, publish only the report. Returns the
 * calls each step made, by "Service member" (test/gas/calls.test.ts asserts them; the benchmark
 * prints them with their modelled time). Throws when a step does not finish.
 */
export function reviewStepCalls(rt: Runtime): Record<string, Record<string, number>> {
  const calls: Record<string, Record<string, number>> = {};
  const step = (label: string, who: string | null, name: string, ...args: unknown[]) => {
    rt.calls.reset();
    const result = (who ? rt.as(who) : rt).run<{ status?: string }>(name, ...args);
    if ((result.status ?? 'done') !== 'done')
      throw new Error(`${label}: ${JSON.stringify(result)}`);
    calls[label] = rt.calls.snapshot();
  };
  step('generate', null, 'sidebarGenerate', true);
  step('send', null, 'sidebarSend');
  const docId = idOf(rt.run<ReviewState>('sidebarReview').memo?.docUrl ?? '');
  rt.drive.addComment(docId, HEAD, 'ตรวจ', { quoted: 'การแก้ไขปัญหาการทุจริต' });
  step('sidebar', null, 'sidebarReview');
  step('refill', null, 'sidebarRegenerate', true);
  step('approve', NAYOK, 'sidebarApprove', true);
  step('publish', null, 'sidebarPublish');
  setGeneral(rt, 'เผยแพร่เฉพาะรายงาน', 'ใช่');
  step('publish the report', null, 'sidebarPublish');
  return calls;
}

/** Generates the memo on `office()` and sends it for review; the Doc's ID. Throws otherwise. */
export function generatedAndSent(rt: Runtime): string {
  const made = rt.run<GenerateResult>('sidebarGenerate', true);
  if (made.status !== 'done') throw new Error(`generate: ${JSON.stringify(made)}`);
  const sent = rt.run<StepResult>('sidebarSend');
  if (sent.status !== 'done') throw new Error(`send: ${JSON.stringify(sent)}`);
  return idOf(made.links.docUrl);
}

/** A supervisor edits the Doc by hand: the first paragraph holding `from` gets `to` instead. */
export function editInDocs(rt: Runtime, docId: string, from: string, to: string): void {
  const model = rt.drive.readModel(docId);
  let done = false;
  const visit = (children: InlineNode[]) => {
    for (const c of children)
      if (!done && c.type === 'text')
        for (const r of c.runs)
          if (!done && r.text.includes(from)) {
            r.text = r.text.replace(from, to);
            done = true;
          }
  };
  const walk = (blocks: DocModel['body']) => {
    for (const b of blocks) {
      if (b.type === 'paragraph') visit(b.children);
      else if (b.type === 'table')
        for (const row of b.rows) for (const cell of row.cells) walk(cell.children);
    }
  };
  walk(model.body);
  if (!done) throw new Error(`no ${from} in the Doc`);
  rt.drive.writeModel(docId, model);
}
