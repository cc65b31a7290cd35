// The Google path on the strict runtime: what the first wave's generate would have hit in real
// Google, each case failing on the old code and passing now.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { NOTE_MARK } from '../../src/gas/marks';
import type { GenerateResult, StepResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
const idOf = (url: string) => (/\/(?:d|folders)\/([^/?]+)/.exec(url) as RegExpExecArray)[1];
const MANIFEST = JSON.parse(readFileSync(join(__dirname, '..', '..', 'appsscript.json'), 'utf8'));
const FIRST_WAVE_SCOPES = [
  'https://www.googleapis.com/auth/spreadsheets.currentonly',
  'https://www.googleapis.com/auth/documents',
  'https://www.googleapis.com/auth/drive.file',
  'https://www.googleapis.com/auth/script.container.ui',
];

/** The corrected example with reviewers' e-mails in ผู้ลงนาม!G3:G5. */
async function withReviewers(options: Parameters<typeof runtimeOn>[1] = {}) {
  const rt = await runtimeOn('ita-2568-corrected', options);
  const sign = rt.spreadsheet.getSheetByName('ผู้ลงนาม')!;
  sign
    .getRange('G3:G5')
    .setValues([['head@muangkao.go.th'], ['palad@muangkao.go.th'], ['nayok@muangkao.go.th']]);
  return rt;
}

function general(rt: Awaited<ReturnType<typeof runtimeOn>>, label: string, value: string) {
  const row = values(rt, 'ข้อมูลทั่วไป').findIndex((r) => r[0] === label) + 1;
  rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!.getRange(row, 2).setValue(value);
}

describe('the manifest', () => {
  it('of the first wave fails generate with Google\u2019s message; the new one generates', async () => {
    const old = await runtimeOn('ita-2568-corrected', {
      manifest: { oauthScopes: FIRST_WAVE_SCOPES },
    });
    const message =
      'Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: https://www.googleapis.com/auth/userinfo.email';
    expect(old.fromPage<GenerateResult>('sidebarGenerate', true)).toEqual({
      status: 'failed',
      message: expect.stringContaining(message),
    });
    // The failure is logged, with Google's words, and nothing is left behind.
    expect(values(old, 'ประวัติ')[1][5]).toBe('ไม่สำเร็จ');
    expect(String(values(old, 'ประวัติ')[1][8])).toContain(message);
    expect(old.drive.listAll().filter((f) => f.mimeType.endsWith('.document'))).toEqual([]);
    const now = await runtimeOn('ita-2568-corrected', { manifest: MANIFEST });
    expect(now.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    expect(values(now, 'ประวัติ')[1][1]).toBe('staff@example.go.th');
  });
});

// Generating shares with nobody: "ส่งขอความเห็น" does, best-effort (the review loop's own tests are
// in review-loop.test.ts).
describe('sending for review: sharing is best-effort', () => {
  it('a reviewer Drive refuses never undoes the sending; ประวัติ says who and why', async () => {
    const rt = await withReviewers();
    rt.faults.failSharing('palad@muangkao.go.th', 'domainPolicy');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(result.status).toBe('done');
    const sent = rt.run<StepResult>('sidebarSend');
    expect(sent.status).toBe('done');
    expect(sent.message).toContain(
      'ส่งขอความเห็นแล้ว 2 ราย (head@muangkao.go.th, nayok@muangkao.go.th)',
    );
    expect(sent.message).toContain('แชร์ให้ผู้ตรวจไม่ครบ 1 ราย: palad@muangkao.go.th');
    expect(sent.message).toContain('นโยบายของหน่วยงาน');
    const doc = rt.drive.fileInfo(idOf(result.links.docUrl));
    expect(doc.trashed).toBe(false);
    const row = values(rt, 'ประวัติ')[2];
    expect(row.slice(2, 3)).toEqual(['ส่งขอความเห็น']);
    expect(row[5]).toBe('สำเร็จ');
    expect(String(row[8])).toContain('แชร์ให้ผู้ตรวจไม่ครบ 1 ราย: palad@muangkao.go.th');
  });

  it('reviewers get Google\u2019s notification with a Thai message saying what to review', async () => {
    const rt = await withReviewers();
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    // A draft is shared with nobody.
    const reviewers = () =>
      rt.drive
        .fileInfo(idOf(result.links.docUrl))
        .permissions.filter((p) => p.role === 'commenter');
    expect(reviewers()).toEqual([]);
    rt.run('sidebarSend');
    const head = reviewers().find((p) => p.emailAddress === 'head@muangkao.go.th');
    expect(head).toMatchObject({ role: 'commenter', notificationSent: true });
    expect(head?.emailMessage).toContain('ประจำปีงบประมาณ พ.ศ. 2568 ขององค์การบริหารส่วนตำบลเมืองเก่า');
    expect(head?.emailMessage).toContain('ในฐานะผู้ให้ความเห็น กรุณาตรวจและให้ความเห็น');
    const nayok = reviewers().find((p) => p.emailAddress === 'nayok@muangkao.go.th');
    expect(nayok?.emailMessage).toContain('ในฐานะผู้สั่งการ กรุณาพิจารณาและสั่งการ');
  });

  it('an undelivered notification still counts as shared, with the reason noted', async () => {
    const rt = await withReviewers();
    rt.faults.failSharing('head@muangkao.go.th', 'undeliverable');
    rt.fromPage<GenerateResult>('sidebarGenerate', true);
    const sent = rt.run<StepResult>('sidebarSend');
    expect(sent.message).toContain('ส่งขอความเห็นแล้ว 3 ราย');
    expect(sent.message).toContain('ส่งอีเมลแจ้งไม่ได้');
  });
});

describe('Google failures', () => {
  // The fill itself goes through the Docs API (one batchUpdate), so without it there is no memo:
  // the run fails in Thai, leaves nothing behind and is logged.
  it('the Docs API not enabled: a Thai message for the administrator, nothing left, logged', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.faults.disableApi('Docs');
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringContaining('ยังไม่ได้เปิดในโปรเจกต์ Cloud ของส่วนเสริม'),
    });
    const docs = rt.drive.listAll().filter((f) => f.mimeType.endsWith('.document'));
    expect(docs.every((f) => f.trashed)).toBe(true);
    expect(values(rt, 'ประวัติ')[1][5]).toBe('ไม่สำเร็จ');
  });

  it('a Drive rate limit is retried with backoff; told apart by its reason', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.faults.rateLimit('Drive', 'Files.create', { status: 429, times: 2 });
    expect(rt.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
  });

  it('a rate limit that does not lift fails in Thai, trashes what was made and logs it', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.fromPage<GenerateResult>('sidebarGenerate', true);
    rt.faults.rateLimit('Drive', 'Files.create', { status: 403 });
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result).toEqual({
      status: 'failed',
      message: expect.stringContaining('Google ปฏิเสธคำขอชั่วคราวเพราะมีคำขอมากเกินไป'),
    });
    expect(values(rt, 'ประวัติ').at(-1)?.[5]).toBe('ไม่สำเร็จ');
  });

  it('PDF export failing: nothing left behind, the failure logged', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.faults.failPdfExport();
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(result.status).toBe('failed');
    const docs = rt.drive.listAll().filter((f) => f.mimeType.endsWith('.document'));
    expect(docs.every((f) => f.trashed)).toBe(true);
    expect(values(rt, 'ประวัติ')[1][5]).toBe('ไม่สำเร็จ');
  });

  it('the document lock not acquired in time: a Thai message and nothing made', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.faults.holdLock('document');
    expect(rt.fromPage<GenerateResult>('sidebarGenerate', true)).toEqual({
      status: 'failed',
      message:
        'มีผู้อื่นกำลังใช้คำสั่งของส่วนเสริมกับชีตนี้อยู่ (เช่น สร้าง ส่งขอความเห็น อนุมัติ หรือเผยแพร่บันทึกข้อความ) กรุณารอสักครู่แล้วลองใหม่',
    });
    // The wait counts in the execution's time.
    expect(rt.execution.elapsedMs).toBeGreaterThanOrEqual(15_000);
    expect(rt.drive.listAll().filter((f) => f.mimeType.endsWith('.document'))).toEqual([]);
  });
});

describe('a destination folder in a shared drive', () => {
  it('works: every Drive call passes supportsAllDrives', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const sd = rt.drive.addSharedDrive('งานนิติการ', { 'staff@example.go.th': 'fileOrganizer' });
    const folder = rt.drive.addUserFolder('บันทึกข้อความ ITA', [sd]);
    rt.drive.grantAccess(folder); // picked in Google Picker
    general(rt, 'โฟลเดอร์ปลายทาง', `https://drive.google.com/drive/folders/${folder}`);
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(result.status).toBe('done');
    expect(rt.drive.fileInfo(idOf(result.links.pdfUrl))).toMatchObject({
      driveId: sd,
      parents: [folder],
    });
  });
});

describe('cell marks', () => {
  it('write only the cells that change: no fill is forced on the rest, a colleague\u2019s note stays', async () => {
    const rt = await runtimeOn('ita-2568-published');
    rt.fromPage('sidebarCheck');
    const scores = rt.spreadsheet.getSheetByName('คะแนน')!;
    const model = rt.workbook.sheetByName('คะแนน')!;
    // A colleague adds a note while this person works.
    scores.getRange('D2').setNote('ตรวจแล้ว – สมศรี');
    rt.calls.reset();
    rt.edit('คะแนน', 'B3', 'การรับรู้ข้อมูล');
    expect(scores.getRange('D2').getNote()).toBe('ตรวจแล้ว – สมศรี');
    // Nothing changed on the tab's marks: nothing is written.
    expect(rt.calls.count('SpreadsheetApp', 'Range.setNotes')).toBe(0);
    expect(rt.calls.count('SpreadsheetApp', 'Range.setBackgrounds')).toBe(0);
    // A fix clears its own marks. Cells without a fill of their own keep none: an explicit white
    // would hide a table's alternating colours (the old code wrote the whole tab back).
    rt.edit('คะแนน', 'C14', 91.68);
    expect(scores.getRange('C14').getNote()).toBe('');
    const solid = (r: number, c: number) =>
      (model.cell(r, c)?.style.fill as { pattern?: string } | undefined)?.pattern === 'solid';
    expect([solid(14, 3), solid(20, 1), solid(2, 4), solid(5, 2)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
    expect(rt.calls.count('SpreadsheetApp', 'Range.setNotes')).toBeLessThanOrEqual(2);
  });

  it('stay within a simple trigger\u2019s 30 s however scattered: 600 signatories, an error every other row', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const sheet = rt.spreadsheet.getSheetByName('ผู้ลงนาม')!;
    const model = rt.workbook.sheetByName('ผู้ลงนาม')!;
    const post = 'ปลัดองค์การบริหารส่วนตำบลเมืองเก่า';
    const grid = Array.from({ length: 600 }, (_, i) => [
      i + 1,
      i % 2 ? 'ผู้ตรวจ' : 'ผู้ให้ความเห็น', // not a role: an error on every other row
      '',
      `นายทดสอบ ลำดับ${i + 1}`,
      post,
      '',
      '',
    ]);
    sheet.insertRowsAfter(sheet.getMaxRows(), 600);
    sheet.getRange(2, 1, 600, 7).setValues(grid);
    // Staff's own note and fill inside the area the marks cover, on cells without findings.
    sheet.getRange('B10').setNote('ย้ายไปกองคลังแล้ว');
    sheet.getRange('B12').setBackground('#d9ead3');
    rt.calls.reset();
    rt.edit('ผู้ลงนาม', 'D2', 'นายใหม่ ทดสอบ');
    expect(rt.execution.elapsedMs).toBeLessThan(5_000);
    const writes =
      rt.calls.count('SpreadsheetApp', 'Range.setNotes') +
      rt.calls.count('SpreadsheetApp', 'Range.setBackgrounds');
    expect(writes).toBeLessThanOrEqual(16);
    expect(rt.calls.count('SpreadsheetApp')).toBeLessThanOrEqual(40);
    // Every error is marked, nothing else is.
    const notes = sheet.getRange(2, 2, 600, 1).getNotes();
    expect(notes.filter((n, i) => (i % 2 === 1) === n[0].includes(NOTE_MARK))).toHaveLength(600);
    expect(sheet.getRange('B3').getBackground()).toBe('#fce8e6');
    expect(sheet.getRange('B10').getNote()).toBe('ย้ายไปกองคลังแล้ว');
    expect(sheet.getRange('B12').getBackground()).toBe('#d9ead3');
    // Cells without a fill of their own get none (no explicit white over alternating colours).
    const solid = (r: number, c: number) =>
      (model.cell(r, c)?.style.fill as { pattern?: string } | undefined)?.pattern === 'solid';
    expect([solid(2, 2), solid(4, 2), solid(5, 3)]).toEqual([false, false, false]);

    // Fixing them all clears every mark, again in a bounded number of calls.
    sheet.getRange(2, 2, 600, 1).setValue('ผู้ให้ความเห็น');
    rt.calls.reset();
    rt.edit('ผู้ลงนาม', 'D2', 'นายใหม่ ทดสอบ');
    expect(rt.calls.count('SpreadsheetApp', 'Range.setNotes')).toBeLessThanOrEqual(8);
    expect(
      sheet
        .getRange(2, 2, 600, 1)
        .getNotes()
        .some((n) => n[0].includes(NOTE_MARK)),
    ).toBe(false);
    expect(sheet.getRange('B3').getBackground()).toBe('#ffffff');
    expect(sheet.getRange('B10').getNote()).toBe('ย้ายไปกองคลังแล้ว');
  });
});
