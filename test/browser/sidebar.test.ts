// The built sidebar (build/Sidebar.html) in headless Chromium, its google.script.run wired to the
// add-on's own entry points running in the local runtime.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import type { Runtime } from '../../src/local/runtime';
import { EXAMPLES, runtimeOn } from '../gas/harness';
import type { SidebarState } from '../../src/shared/sidebar-api';
import { browserSession } from './session';
import { googleScriptRunStub, serverBridge, SIDEBAR_SERVER } from './stub';

const html = readFileSync(join(__dirname, '..', '..', 'build', 'Sidebar.html'), 'utf8');

/** Script errors of the sidebar page fail the test. */
const session = browserSession();

/** Opens the sidebar page with google.script.run calling the runtime's entry points. */
async function openSidebar(rt: Runtime): Promise<Page> {
  const page = await session.newPage({ width: 300, height: 800 });
  await page.exposeFunction('__callServer', serverBridge(rt));
  await page.setContent(html.replace('<head>', `<head>${googleScriptRunStub(SIDEBAR_SERVER)}`));
  return page;
}

describe('the sidebar', () => {
  it('shows the office and the findings grouped by tab, errors first; a click selects the cell', async () => {
    const rt = await runtimeOn('ita-2568-published');
    const page = await openSidebar(rt);
    await page.waitForSelector('.group');
    expect(await page.textContent('#office')).toBe('องค์การบริหารส่วนตำบลเมืองเก่า');
    expect(await page.textContent('.summary')).toBe('พบข้อผิดพลาด 7 รายการ คำเตือน 23 รายการ');
    const groups = await page.$$eval('.group h3', (hs) => hs.map((h) => h.textContent));
    expect(groups).toEqual(['ข้อมูลทั่วไป', 'ผู้ลงนาม', 'คะแนน', 'ข้อเสนอแนะ', 'มาตรการ']);
    const severities = await page.$$eval('.group:nth-of-type(4) li', (lis) =>
      lis.map((li) => li.className),
    );
    expect(severities.indexOf('finding warning')).toBeGreaterThan(
      severities.lastIndexOf('finding error'),
    );
    await page.click('.group:nth-of-type(3) .cell-link');
    await page.waitForFunction(() => true);
    expect(rt.spreadsheet.getActiveRange()?.getA1Notation()).toBe('C14');
    await page.close();
  });

  it('shows text typed by staff as text, never as markup', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const row =
      rt.spreadsheet
        .getSheetByName('ข้อมูลทั่วไป')!
        .getDataRange()
        .getValues()
        .findIndex((r) => r[0] === 'ชื่อหน่วยงาน') + 1;
    const evil = '<img src=x onerror="document.title=\'pwned\'">อบต.<b>ทดสอบ</b>';
    rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!.getRange(row, 2).setValue(evil);
    const page = await openSidebar(rt);
    await page.waitForSelector('.summary');
    expect(await page.textContent('#office')).toBe(evil);
    expect(await page.$$('img')).toHaveLength(0);
    expect(await page.$$('#office b')).toHaveLength(0);
    expect(await page.title()).not.toBe('pwned');
    await page.close();
  });

  it('asks inside its own page when there are warnings, never with a browser dialog', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.spreadsheet
      .getSheetByName('มาตรการ')!
      .getRange('F2')
      .setValue('ผลการประเมินอยู่ในระดับ ผ่าน (พ.ศ.๒๕๖๘)');
    const page = await openSidebar(rt);
    const dialogs: string[] = [];
    page.on('dialog', (d) => {
      dialogs.push(d.message());
      void d.dismiss();
    });
    await page.waitForSelector('.summary');
    await page.click('#generate');
    await page.waitForSelector('#confirm:not([hidden])');
    expect(await page.textContent('#confirm-text')).toContain('ข้อมูลมีคำเตือน 3 รายการ');
    expect(await page.isDisabled('#generate')).toBe(true);
    // "ยกเลิก" makes nothing.
    await page.click('#confirm-no');
    expect(await page.isHidden('#confirm')).toBe(true);
    expect(rt.drive.listAll().filter((f) => f.mimeType === 'application/pdf')).toEqual([]);
    // "สร้างต่อ" generates.
    await page.click('#generate');
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-yes');
    await page.waitForSelector('#result a', { timeout: 20000 });
    expect(await page.textContent('#status')).toBe('สร้างบันทึกข้อความเรียบร้อยแล้ว');
    expect(dialogs).toEqual([]);
    await page.close();
  });

  it('uploads the Garuda: refuses a file that is not PNG or JPEG, keeps a PNG for everyone', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const page = await openSidebar(rt);
    await page.waitForSelector('.summary');
    expect(await page.textContent('#garuda-state')).toContain('ยังไม่มีตราครุฑ');
    await page.setInputFiles('#garuda-file', {
      name: 'ครุฑ.gif',
      mimeType: 'image/gif',
      buffer: Buffer.from('GIF89a'),
    });
    await page.waitForSelector('#status.error');
    expect(await page.textContent('#status')).toContain('ไม่ใช่รูป PNG หรือ JPEG');
    await page.setInputFiles('#garuda-file', join(EXAMPLES, 'garuda-sample.png'));
    await page.waitForSelector('#status.ok');
    expect(await page.textContent('#garuda-state')).toContain('มีตราครุฑแล้ว (160×180 พิกเซล');
    expect(rt.fromPage<SidebarState>('sidebarState').garuda).toMatchObject({ present: true });
    await page.close();
  });

  it('generates the memo and shows its links', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const page = await openSidebar(rt);
    await page.waitForSelector('.summary');
    await page.click('#generate');
    // The seed's author signing twice and no Garuda yet: asked once.
    await page.waitForSelector('#confirm:not([hidden])');
    await page.click('#confirm-yes');
    await page.waitForSelector('#result a', { timeout: 20000 });
    const links = await page.$$eval('#result a', (as) =>
      as.map((a) => (a as HTMLAnchorElement).href),
    );
    expect(links[0]).toMatch(/^https:\/\/docs\.google\.com\/document\/d\//);
    expect(links[1]).toMatch(/^https:\/\/drive\.google\.com\/file\/d\//);
    expect(await page.textContent('#status')).toBe('สร้างบันทึกข้อความเรียบร้อยแล้ว');
    await page.close();
  });
});

describe('the sidebar’s review part', () => {
  it('lists the open comments of the current memo as text, with a link into the Doc and to the cell', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G3').setValue('head@muangkao.go.th');
    const made = rt.run<{ links: { docUrl: string } }>('sidebarGenerate', true);
    rt.run('sidebarSend');
    const docId = (/\/d\/([^/?]+)/.exec(made.links.docUrl) as RegExpExecArray)[1];
    const onScore = rt.drive.addComment(docId, 'head@muangkao.go.th', 'คะแนนนี้ตรงกับประกาศหรือไม่', {
      quoted: 'การแก้ไขปัญหาการทุจริต',
    });
    rt.drive.replyToComment(docId, onScore.id, 'staff@example.go.th', 'ตรวจแล้ว ตรง');
    // Whatever a reviewer types stays text.
    const evil = '<img src=x onerror="document.title=\'pwned\'"><b>ตัวหนา</b>';
    rt.drive.addComment(docId, 'head@muangkao.go.th', evil);
    const resolved = rt.drive.addComment(docId, 'head@muangkao.go.th', 'ตกลง');
    rt.drive.replyToComment(docId, resolved.id, 'head@muangkao.go.th', '', 'resolve');
    const page = await openSidebar(rt);
    await page.waitForSelector('#review li.comment');
    expect(await page.textContent('#review .memo-status')).toBe('สถานะ: มีความเห็นค้าง 2');
    expect(await page.textContent('#review .comment-count')).toBe(
      'ความเห็นค้าง 2 รายการ แก้แล้ว 1 รายการ',
    );
    const comments = await page.$$eval('#review li.comment', (lis) =>
      lis.map((li) => ({
        author: li.querySelector('.author')?.textContent,
        quoted: li.querySelector('.quoted')?.textContent ?? null,
        content: li.querySelector('.content')?.textContent,
        replies: [...li.querySelectorAll('.replies li')].map((r) => r.textContent),
        link: (li.querySelector('a') as HTMLAnchorElement).href,
        cell: li.querySelector('.cell-link')?.textContent ?? null,
      })),
    );
    expect(comments).toEqual([
      {
        author: 'head',
        quoted: 'การแก้ไขปัญหาการทุจริต',
        content: 'คะแนนนี้ตรงกับประกาศหรือไม่',
        replies: ['staff: ตรวจแล้ว ตรง'],
        link: `https://docs.google.com/document/d/${docId}/edit?disco=${onScore.id}`,
        cell: 'แก้ที่ คะแนน!B8',
      },
      {
        author: 'head',
        quoted: null,
        content: evil,
        replies: [],
        link: expect.stringContaining('edit?disco='),
        cell: null,
      },
    ]);
    expect(await page.$$('#review img')).toHaveLength(0);
    expect(await page.$$('#review .content b')).toHaveLength(0);
    expect(await page.title()).not.toBe('pwned');
    await page.click('#review .cell-link');
    await page.waitForFunction(() => true);
    expect(rt.spreadsheet.getActiveRange()?.getA1Notation()).toBe('B8');
    expect(rt.spreadsheet.getActiveSheet().getName()).toBe('คะแนน');
    // The menu's refresh: a comment resolved meanwhile leaves the list.
    rt.drive.replyToComment(docId, onScore.id, 'head@muangkao.go.th', '', 'resolve');
    await page.click('#review .refresh-review');
    await page.waitForFunction(() => document.querySelectorAll('#review li.comment').length === 1);
    expect(await page.textContent('#review .memo-status')).toBe('สถานะ: มีความเห็นค้าง 1');
    await page.close();
  });
});
