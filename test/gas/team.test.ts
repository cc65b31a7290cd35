// An office where several people use the sheet, under drive.file: A generates, B generates, a
// reviewer comments, B refreshes. Nothing flips between users and every memo stays reachable.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn, values } from './harness';

afterAll(cleanupTempDirs);

type Done = Extract<GenerateResult, { status: 'done' }>;
const A = 'somsri@muangkao.go.th';
const B = 'somchai@muangkao.go.th';
const idOf = (url: string) => (/\/(?:d|folders)\/([^/?]+)/.exec(url) as RegExpExecArray)[1];

async function office(answers: string[] = []) {
  return runtimeOn('ita-2568-corrected', { user: A, editors: [A, B], answers });
}

type Office = Awaited<ReturnType<typeof office>>;
const state = (rt: Office) => join(rt.dir, 'drive', '.runtime');

function setPicker(rt: Office) {
  // What the deployer types into Project Settings › Script properties.
  mkdirSync(state(rt), { recursive: true });
  writeFileSync(
    join(state(rt), 'script-properties.json'),
    JSON.stringify({
      ITAMEMO_PICKER_API_KEY: 'AIza-test-key',
      ITAMEMO_CLOUD_PROJECT_NUMBER: '123456789012',
    }),
  );
}

function properties(path: string): Record<string, string> {
  return JSON.parse(readFileSync(path, 'utf8')) as Record<string, string>;
}

function folderOf(rt: Awaited<ReturnType<typeof office>>, result: Done): string {
  return rt.drive.fileInfo(idOf(result.links.docUrl)).parents[0];
}

describe('two people generate from one sheet', () => {
  it('the office folder never flips; B\u2019s memo goes to B\u2019s own folder with a note; editors can open all', async () => {
    const rt = await office();
    const first = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const officeFolder = folderOf(rt, first);
    // The folder is shared with the sheet's editors, so B can open A's memo in Drive.
    expect(rt.drive.roleOf(idOf(first.links.docUrl), B)).toBe('writer');

    const second = rt.as(B).fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(second.status).toBe('done');
    const bFolder = folderOf(rt, second);
    expect(bFolder).not.toBe(officeFolder);
    expect(rt.drive.fileInfo(bFolder).name).toBe(`รายงาน ITA องค์การบริหารส่วนตำบลเมืองเก่า (${B})`);
    expect(rt.drive.roleOf(idOf(second.links.docUrl), A)).toBe('writer');
    const note = String(values(rt, 'ประวัติ')[2][8]);
    expect(note).toContain(`เพราะส่วนเสริมที่คุณใช้ยังเข้าถึงโฟลเดอร์ของสำนักงาน (สร้างโดย ${A}) ไม่ได้`);
    expect(note).toContain('ผู้ดูแลระบบต้องตั้งค่า Google Picker');
    expect(
      values(rt, 'ประวัติ')
        .slice(1)
        .map((r) => r[1]),
    ).toEqual([A, B]);

    // A's next memo still goes to the office's folder: nothing flipped.
    const third = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(folderOf(rt, third)).toBe(officeFolder);
    // And B's next one to B's folder again, not a third folder.
    const fourth = rt.as(B).fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(folderOf(rt, fourth)).toBe(bFolder);
  });

  it('B picks the office folder in Google Picker; from then on B\u2019s memos go there', async () => {
    const rt = await office();
    setPicker(rt);
    const first = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    const officeFolder = folderOf(rt, first);
    const b = rt.as(B);
    b.run('chooseFolder');
    expect(rt.ui.html.at(-1)).toMatchObject({ kind: 'modal', title: 'เลือกโฟลเดอร์ปลายทาง' });
    const answer = b.pick<string>(officeFolder);
    expect(answer).toContain('ใส่ลิงก์ไว้ในรายการ “โฟลเดอร์ปลายทาง”');
    const link = values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === 'โฟลเดอร์ปลายทาง')?.[1];
    expect(idOf(String(link))).toBe(officeFolder);
    const mine = b.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(folderOf(rt, mine)).toBe(officeFolder);
  });

  it('without Picker settings the menu item says in Thai what is missing, and only what is true', async () => {
    const rt = await office(['OK', 'OK', 'OK', 'OK']);
    rt.run('chooseTemplate');
    expect(rt.ui.html).toEqual([]);
    const blank = rt.ui.dialogs.at(-1)?.message ?? '';
    expect(blank).toContain('ผู้ดูแลระบบยังไม่ได้ตั้งค่า');
    expect(blank).toContain('ITAMEMO_PICKER_API_KEY');
    expect(blank).toContain('ระหว่างนี้ช่อง “แม่แบบเอกสาร” ว่างอยู่ ส่วนเสริมจะใช้แม่แบบในตัว');
    expect(blank).not.toContain('โฟลเดอร์ปลายทาง');
    // A template link that works for this person: nothing to blank, nothing to pick.
    rt.run('createTemplate');
    rt.run('chooseTemplate');
    const works = rt.ui.dialogs.at(-1)?.message ?? '';
    expect(works).toContain('ลิงก์ในช่อง “แม่แบบเอกสาร” ใช้ได้อยู่แล้วสำหรับคุณ จึงไม่ต้องเลือกใหม่');
    expect(works).not.toContain('เว้น');
    // The same link for B, whose add-on cannot open it: blanking it is a way out.
    rt.as(B).run('chooseTemplate');
    expect(rt.ui.dialogs.at(-1)?.message).toContain(
      'ส่วนเสริมที่คุณใช้ยังเปิดแม่แบบในช่อง “แม่แบบเอกสาร” ไม่ได้ หากเว้นช่องนี้ว่างไว้ ส่วนเสริมจะใช้แม่แบบในตัว',
    );
  });
});

describe('a folder a person chose', () => {
  it('is never shared with the sheet\u2019s editors; ประวัติ names who it is not shared with', async () => {
    const rt = await office();
    setPicker(rt);
    // A's own folder in My Drive, already holding other work.
    const chosen = rt.drive.addUserFolder('งานแผนและงบประมาณ');
    const other = rt.drive.addUserFile({
      name: 'เงินเดือน.xlsx',
      mimeType: 'text/plain',
      parents: [chosen],
    });
    rt.run('chooseFolder');
    expect(rt.pick<string>(chosen)).toContain('“โฟลเดอร์ปลายทาง”');
    const done = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    expect(done.status).toBe('done');
    expect(folderOf(rt, done)).toBe(chosen);
    for (const id of [chosen, other, idOf(done.links.docUrl)])
      expect(rt.drive.roleOf(id, B)).toBeNull();
    expect(String(values(rt, 'ประวัติ').at(-1)?.[8])).toContain(
      `โฟลเดอร์ปลายทางที่ระบุไว้ยังไม่ได้แชร์กับ ${B} ซึ่งแก้ไขชีตนี้ได้`,
    );
    // Once its owner shares it with B in Drive, the note goes.
    rt.drive.addPermission(chosen, { type: 'user', role: 'writer', emailAddress: B });
    rt.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(String(values(rt, 'ประวัติ').at(-1)?.[8])).not.toContain('ยังไม่ได้แชร์');
  });
});

describe('what Google Picker could have shown', () => {
  it('the pick is refused for what the dialog\u2019s views could not show', async () => {
    const rt = await office();
    setPicker(rt);
    const folder = rt.drive.addUserFolder('โฟลเดอร์');
    const pdf = rt.drive.addUserFile({ name: 'ประกาศ.pdf', mimeType: 'application/pdf' });
    const trashed = rt.drive.addUserFolder('เก่า');
    rt.drive.patch(trashed, { trashed: true });
    rt.run('chooseTemplate');
    expect(() => rt.pickInDialog(folder)).toThrow('the template Picker could not have shown');
    expect(() => rt.pickInDialog(pdf)).toThrow('only application/vnd.google-apps.document');
    rt.run('chooseFolder');
    expect(() => rt.pickInDialog(trashed)).toThrow('it is in the trash');
    // A folder in a shared drive B belongs to and A does not: A's Picker cannot list it.
    const theirs = rt.drive.addUserFolder('ของกองคลัง', [
      rt.drive.addSharedDrive('กองคลัง', { [B]: 'organizer' }),
    ]);
    expect(() => rt.pickInDialog(theirs)).toThrow(`${A} cannot see it in Drive`);
    const b = rt.as(B);
    b.run('chooseFolder');
    expect(b.pickInDialog(theirs)).toBe('folder');
  });
});

describe('a template made by someone else', () => {
  it('names who made it and what to do; after B picks it, B\u2019s memo uses it', async () => {
    const rt = await office(['OK']);
    setPicker(rt);
    rt.run('createTemplate');
    const b = rt.as(B);
    const refused = b.fromPage<GenerateResult>('sidebarGenerate', true);
    expect(refused).toEqual({
      status: 'failed',
      message: expect.stringContaining(`แม่แบบนี้สร้างโดยผู้ใช้อื่น (${A})`),
    });
    expect((refused as { message: string }).message).toContain('เลือกแม่แบบ');
    b.run('chooseTemplate');
    const template = idOf(String(values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === 'แม่แบบเอกสาร')?.[1]));
    expect(b.pick<string>(template)).toContain('แม่แบบเอกสาร');
    expect(b.fromPage<GenerateResult>('sidebarGenerate', true).status).toBe('done');
  });
});

describe('comments from reviewers, refreshed by another person', () => {
  it('B\u2019s refresh reads B\u2019s memos and says which it cannot read and why', async () => {
    const rt = await office(['OK', 'OK']);
    rt.spreadsheet.getSheetByName('ผู้ลงนาม')!.getRange('G4').setValue('palad@muangkao.go.th');
    // Each sends their own memo for review (a memo is sent by whoever made it).
    const a = rt.fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    rt.run('sidebarSend');
    const b = rt.as(B).fromPage<GenerateResult>('sidebarGenerate', true) as Done;
    rt.as(B).run('sidebarSend');
    rt.drive.addComment(idOf(a.links.docUrl), 'palad@muangkao.go.th', 'แก้ข้อ ๓');
    rt.drive.addComment(idOf(b.links.docUrl), 'palad@muangkao.go.th', 'เห็นชอบ', { resolved: true });
    rt.as(B).run('refreshComments');
    const message = rt.ui.dialogs.at(-1)?.message ?? '';
    expect(message).toContain('อัปเดตสถานะความเห็นของเอกสาร 1 ฉบับ');
    expect(message).toContain(`ยังอ่านความเห็นไม่ได้อีก 1 ฉบับ เพราะเป็นเอกสารที่ ${A} สร้าง`);
    // Rows: A's memo, A's sending, B's memo, B's sending; counts live on the memos' own rows.
    const log = values(rt, 'ประวัติ');
    expect(log[3].slice(6, 8)).toEqual([0, 1]);
    expect(log[3][9]).toBe('แก้ครบแล้ว');
    // A's refresh reads A's.
    rt.run('refreshComments');
    expect(values(rt, 'ประวัติ')[1].slice(6, 8)).toEqual([1, 0]);
    expect(values(rt, 'ประวัติ')[1][9]).toBe('มีความเห็นค้าง 1');
  });
});

describe('what each person keeps', () => {
  it('user properties are per person; the office\u2019s are shared and do not flip', async () => {
    const rt = await office();
    rt.fromPage('sidebarGenerate', true);
    rt.as(B).fromPage('sidebarGenerate', true);
    const doc = properties(
      join(state(rt), 'spreadsheets', rt.spreadsheet.getId(), 'document-properties.json'),
    );
    expect(JSON.parse(doc['itamemo.folder'])).toMatchObject({ by: A });
    const userB = properties(join(state(rt), 'users', B, 'properties.json'));
    expect(userB['itamemo.myFolder']).toBeTruthy();
    expect(() => properties(join(state(rt), 'users', A, 'properties.json'))).toThrow();
    rt.fromPage('sidebarGenerate', true);
    const again = properties(
      join(state(rt), 'spreadsheets', rt.spreadsheet.getId(), 'document-properties.json'),
    );
    expect(again['itamemo.folder']).toBe(doc['itamemo.folder']);
  });
});
