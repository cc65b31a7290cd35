/**
 * The local Drive v3 advanced service. Behaviour reproduced from Google's reference:
 * https://developers.google.com/drive/api/reference/rest/v3/files (fields, q, copy, update),
 * https://developers.google.com/drive/api/guides/search-files (query language),
 * https://developers.google.com/drive/api/guides/api-specific-auth#drive-file (drive.file scope).
 */
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { emptyDocModel } from '../../src/local/docmodel';
import { Blob } from '../../src/local/services/blob';
import { CallLog } from '../../src/local/services/calls';
import { createDriveService } from '../../src/local/services/drive/service';
import { DriveStore } from '../../src/local/services/drive/store';
import {
  fakePdfRenderer,
  removeTempStores,
  tempStore,
} from '../../src/local/services/drive/testing';

afterAll(removeTempStores);
import { DOC_MIME, FOLDER_MIME } from '../../src/local/services/drive/types';

type File = GoogleAppsScript.Drive_v3.Drive.V3.Schema.File;

function setup() {
  const { store, dir } = tempStore();
  const log = new CallLog();
  const drive = createDriveService(store, log);
  const blob = (text: string, type = 'application/pdf', name: string | null = null) =>
    new Blob(
      log,
      new TextEncoder().encode(text),
      type,
      name,
    ) as unknown as GoogleAppsScript.Base.Blob;
  return { store, dir, log, drive, blob };
}

function caught(fn: () => unknown): Error {
  try {
    fn();
  } catch (e) {
    return e as Error;
  }
  throw new Error('expected an error');
}

describe('Drive.Files.create and the folder layout', () => {
  it('stores files under readable names in real sub-directories, with the index as the truth', () => {
    const { drive, dir, blob, store } = setup();
    const folder = drive.Files.create({ name: 'รายงาน ITA', mimeType: FOLDER_MIME });
    const name = 'บันทึกข้อความ รายงานผล ITA ปี ๒๕๖๘.pdf';
    const pdf = drive.Files.create({ name, parents: [folder.id as string] }, blob('%PDF-1.4 x'));
    expect(pdf).toEqual({ kind: 'drive#file', id: pdf.id, name, mimeType: 'application/pdf' });
    expect(readFileSync(join(dir, 'รายงาน ITA', name), 'utf8')).toBe('%PDF-1.4 x');
    const info = store.fileInfo(pdf.id as string);
    expect(info).toMatchObject({
      name,
      parents: [folder.id],
      trashed: false,
      appCreated: true,
      size: 10,
    });
    expect(info.owners[0].emailAddress).toBe('staff@example.go.th');
    expect(store.contentPath(pdf.id as string)).toBe(join(dir, 'รายงาน ITA', name));
  });

  it("allows '/' and duplicate names; disk names get a look-alike and a suffix", () => {
    const { drive, dir, blob, store } = setup();
    const a = drive.Files.create({ name: 'ITA 2568/2569.pdf' }, blob('1'));
    const b = drive.Files.create({ name: 'ITA 2568/2569.pdf' }, blob('2'));
    expect(a.name).toBe('ITA 2568/2569.pdf');
    expect(b.name).toBe('ITA 2568/2569.pdf');
    expect(a.id).not.toBe(b.id);
    const files = readdirSync(dir).filter((f) => !f.startsWith('.'));
    expect(files.sort()).toEqual(['ITA 2568∕2569 (2).pdf', 'ITA 2568∕2569.pdf']);
    expect(readFileSync(store.contentPath(b.id as string) as string, 'utf8')).toBe('2');
  });

  it('creates an empty Google Doc from metadata, but not by converting an upload', () => {
    const { drive, store, blob } = setup();
    const doc = drive.Files.create({ name: 'แม่แบบ', mimeType: DOC_MIME });
    expect(store.readModel(doc.id as string).body).toHaveLength(1);
    expect((doc.id as string).length).toBe(44);
    expect(() =>
      drive.Files.create({ name: 'x', mimeType: DOC_MIME }, blob('PK..', 'application/zip')),
    ).toThrow(/not emulated/);
  });

  it('takes the name and type from the blob when the resource has none', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({}, blob('{}', 'application/json', 'data.json'), {
      fields: 'name,mimeType',
    });
    expect(f).toEqual({ name: 'data.json', mimeType: 'application/json' });
  });
});

describe('fields', () => {
  it('answers only the requested fields; webViewLink only when asked', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a.pdf' }, blob('x'));
    expect(Object.keys(drive.Files.get(f.id as string))).toEqual([
      'kind',
      'id',
      'name',
      'mimeType',
    ]);
    expect(drive.Files.get(f.id as string, { fields: 'id,webViewLink,parents' })).toEqual({
      id: f.id,
      webViewLink: `https://drive.google.com/file/d/${f.id}/view?usp=drivesdk`,
      parents: [expect.stringMatching(/^0A/)],
    });
    const all = drive.Files.get(f.id as string, { fields: '*' }) as File;
    expect(all).toMatchObject({
      id: f.id,
      size: '1',
      trashed: false,
      md5Checksum: expect.any(String),
    });
    expect(drive.Files.get(f.id as string, { fields: 'owners/emailAddress' })).toEqual({
      owners: [{ emailAddress: 'staff@example.go.th' }],
    });
  });

  it('gives Google-shaped links for Docs and folders', () => {
    const { drive } = setup();
    const doc = drive.Files.create({ name: 'd', mimeType: DOC_MIME }, undefined as never, {
      fields: 'id,webViewLink',
    });
    expect(doc.webViewLink).toBe(`https://docs.google.com/document/d/${doc.id}/edit?usp=drivesdk`);
    const folder = drive.Files.create({ name: 'f', mimeType: FOLDER_MIME }, undefined as never, {
      fields: 'id,webViewLink',
    });
    expect(folder.webViewLink).toBe(`https://drive.google.com/drive/folders/${folder.id}`);
  });

  it('rejects unknown fields as Drive does', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a' }, blob('x'));
    expect(
      caught(() => drive.Files.get(f.id as string, { fields: 'id,webviewlink' })).message,
    ).toBe('API call to drive.files.get failed with error: Invalid field selection webviewlink');
  });

  it('filters list responses with files(...) and nextPageToken', () => {
    const { drive, blob } = setup();
    drive.Files.create({ name: 'a' }, blob('x'));
    const res = drive.Files.list({ fields: 'files(id,name),nextPageToken' });
    expect(Object.keys(res)).toEqual(['files']);
    expect(Object.keys((res.files as File[])[0])).toEqual(['id', 'name']);
  });
});

describe('Drive.Files.list q', () => {
  function world() {
    const s = setup();
    const { drive, blob } = s;
    const folder = drive.Files.create({ name: 'ปี 2568', mimeType: FOLDER_MIME }).id as string;
    const memo = drive.Files.create({
      name: "บันทึกข้อความ ITA's report",
      mimeType: DOC_MIME,
      parents: [folder],
      appProperties: { kind: 'memo', year: '2568' },
    }).id as string;
    const pdf = drive.Files.create(
      { name: 'Hello World.pdf', parents: [folder], appProperties: { kind: 'pdf' } },
      blob('x'),
    ).id as string;
    const old = drive.Files.create({ name: 'old.pdf' }, blob('x')).id as string;
    drive.Files.update({ trashed: true }, old);
    const q = (query: string) =>
      ((drive.Files.list({ q: query, fields: 'files(id)' }).files ?? []) as File[])
        .map((f) => f.id)
        .sort();
    return { ...s, folder, memo, pdf, old, q };
  }

  it('supports the terms people use', () => {
    const { q, folder, memo, pdf, old } = world();
    expect(q(`'${folder}' in parents`)).toEqual([memo, pdf].sort());
    expect(q(`mimeType = '${DOC_MIME}'`)).toEqual([memo]);
    expect(q('trashed = true')).toEqual([old]);
    expect(q(`trashed = false and mimeType != '${FOLDER_MIME}'`)).toEqual([memo, pdf].sort());
    expect(q("appProperties has { key='kind' and value='memo' }")).toEqual([memo]);
    expect(q("name = 'บันทึกข้อความ ITA\\'s report'")).toEqual([memo]);
    expect(q("name contains 'World'")).toEqual([pdf]);
    expect(q("name contains 'orld'")).toEqual([]);
    expect(q("name contains 'hello'")).toEqual([pdf]);
    expect(q("name contains 'บันทึก'")).toEqual([memo]);
    expect(q(`'${folder}' in parents and (name contains 'Hello' or name contains 'บันทึก')`)).toEqual(
      [memo, pdf].sort(),
    );
    expect(q(`'${folder}' in parents and not name contains 'Hello'`)).toEqual([memo]);
    expect(q("'root' in parents and trashed = false")).toEqual([folder]);
    expect(q("'staff@example.go.th' in owners and name = 'old.pdf'")).toEqual([old]);
  });

  it('counts files inside a trashed folder as trashed, though not explicitly', () => {
    const { drive, q, folder, memo } = world();
    drive.Files.update({ trashed: true }, folder);
    expect(q(`trashed = false and '${folder}' in parents`)).toEqual([]);
    expect(drive.Files.get(memo, { fields: 'trashed,explicitlyTrashed' })).toEqual({
      trashed: true,
      explicitlyTrashed: false,
    });
  });

  it('answers a malformed query with Invalid Value', () => {
    const { drive } = world();
    expect(caught(() => drive.Files.list({ q: "name = 'x" })).message).toBe(
      'API call to drive.files.list failed with error: Invalid Value',
    );
    expect(() => drive.Files.list({ q: "title = 'x'" })).toThrow('Invalid Value');
  });

  it('pages with pageSize/pageToken and sorts with orderBy', () => {
    const { drive, blob } = setup();
    for (const n of ['c', 'a', 'b']) drive.Files.create({ name: n }, blob('x'));
    const p1 = drive.Files.list({
      pageSize: 2,
      orderBy: 'name',
      fields: 'files(name),nextPageToken',
    });
    expect((p1.files as File[]).map((f) => f.name)).toEqual(['a', 'b']);
    const p2 = drive.Files.list({
      pageSize: 2,
      orderBy: 'name',
      pageToken: p1.nextPageToken,
      fields: 'files(name),nextPageToken',
    });
    expect((p2.files as File[]).map((f) => f.name)).toEqual(['c']);
    expect(p2.nextPageToken).toBeUndefined();
  });
});

describe('copy and update keep links stable', () => {
  it('copies content under a new id, naming it "Copy of …" by default; a Doc copies its model', () => {
    const { drive, store, blob } = setup();
    const f = drive.Files.create({ name: 'a.pdf' }, blob('content'));
    const c = drive.Files.copy({}, f.id as string);
    expect(c.name).toBe('Copy of a.pdf');
    expect(c.id).not.toBe(f.id);
    expect(new TextDecoder().decode(store.readContent(c.id as string))).toBe('content');

    const model = emptyDocModel('', 'แม่แบบ');
    model.body = [
      {
        type: 'paragraph',
        style: {},
        textStyle: {},
        children: [{ type: 'text', runs: [{ text: 'เรียน {{ถึง}}', style: {} }] }],
      },
    ];
    const tpl = store.addUserDoc(model, 'แม่แบบ', undefined, true);
    const copy = drive.Files.copy({ name: 'บันทึก 2568' }, tpl, { fields: 'id,name,mimeType' });
    expect(copy).toEqual({ id: copy.id, name: 'บันทึก 2568', mimeType: DOC_MIME });
    const copied = store.readModel(copy.id as string);
    expect(copied.id).toBe(copy.id);
    expect(copied.title).toBe('บันทึก 2568');
    expect(copied.body).toEqual(model.body);
  });

  it('replaces content keeping the id, renames and moves on disk', () => {
    const { drive, store, blob, dir } = setup();
    const folder = drive.Files.create({ name: 'out', mimeType: FOLDER_MIME }).id as string;
    const f = drive.Files.create({ name: 'memo.pdf' }, blob('v1'));
    const u = drive.Files.update({ name: 'บันทึก.pdf' }, f.id as string, blob('v2'), {
      addParents: folder,
      removeParents: store.rootId,
      fields: 'id,name,parents,version',
    });
    expect(u).toMatchObject({ id: f.id, name: 'บันทึก.pdf', parents: [folder] });
    expect(readFileSync(join(dir, 'out', 'บันทึก.pdf'), 'utf8')).toBe('v2');
    expect(existsSync(join(dir, 'memo.pdf'))).toBe(false);
  });

  it('refuses to write parents directly in an update', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a' }, blob('x'));
    expect(() => drive.Files.update({ parents: ['x'] }, f.id as string)).toThrow(
      /addParents and removeParents/,
    );
  });

  it('trashes with trashed=true (content moves out of sight) and restores', () => {
    const { drive, store, blob, dir } = setup();
    const f = drive.Files.create({ name: 'a.pdf' }, blob('x'));
    drive.Files.update({ trashed: true }, f.id as string);
    expect(existsSync(join(dir, 'a.pdf'))).toBe(false);
    expect(store.fileInfo(f.id as string).trashed).toBe(true);
    expect(drive.Files.get(f.id as string, { fields: 'trashed' })).toEqual({ trashed: true });
    drive.Files.update({ trashed: false }, f.id as string);
    expect(existsSync(join(dir, 'a.pdf'))).toBe(true);
  });

  it('merges appProperties with patch semantics (null removes a key)', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a', appProperties: { a: '1', b: '2' } }, blob('x'));
    const u = drive.Files.update(
      { appProperties: { a: null, c: '3' } } as never,
      f.id as string,
      null as never,
      {
        fields: 'appProperties',
      },
    );
    expect(u.appProperties).toEqual({ b: '2', c: '3' });
  });

  it('removes files for good', () => {
    const { drive, store, blob } = setup();
    const f = drive.Files.create({ name: 'a.pdf' }, blob('x'));
    const path = store.contentPath(f.id as string) as string;
    drive.Files.remove(f.id as string);
    expect(existsSync(path)).toBe(false);
    expect(() => drive.Files.get(f.id as string)).toThrow('File not found');
  });
});

describe('the drive.file scope', () => {
  it("hides files a person put in Drive: 'File not found' until the user picks them", () => {
    const { drive, store } = setup();
    const tpl = store.addUserDoc(emptyDocModel('', 'แม่แบบของสำนักงาน'), 'แม่แบบของสำนักงาน');
    const err = caught(() => drive.Files.get(tpl));
    expect(err.name).toBe('GoogleJsonResponseException');
    expect(String(err)).toBe(
      `GoogleJsonResponseException: API call to drive.files.get failed with error: File not found: ${tpl}.`,
    );
    expect(() => drive.Files.copy({}, tpl)).toThrow(`File not found: ${tpl}.`);
    expect((drive.Files.list({ q: "name contains 'แม่แบบ'" }).files ?? []).length).toBe(0);

    store.grantAccess(tpl);
    expect(drive.Files.get(tpl).name).toBe('แม่แบบของสำนักงาน');
    expect(drive.Files.copy({}, tpl).name).toBe('Copy of แม่แบบของสำนักงาน');
  });

  it('cannot create into a folder it cannot see', () => {
    const { drive, store, blob } = setup();
    const folder = store.addUserFolder('ของคนอื่น');
    expect(() => drive.Files.create({ name: 'a', parents: [folder] }, blob('x'))).toThrow(
      `File not found: ${folder}.`,
    );
  });

  it('unknown ids are not found', () => {
    const { drive } = setup();
    expect(() => drive.Files.get('nope')).toThrow(
      'API call to drive.files.get failed with error: File not found: nope.',
    );
  });
});

describe('export and media', () => {
  it('exports a Google Doc to PDF through the renderer, and needs alt=media as live Apps Script does', () => {
    const { drive, store } = setup();
    const render = fakePdfRenderer();
    store.setPdfRenderer(render.pdf);
    const doc = drive.Files.create({ name: 'บันทึก', mimeType: DOC_MIME }).id as string;
    expect(() => drive.Files.export(doc, 'application/pdf')).toThrow('Export requires alt=media');
    // The typings declare export(fileId, mimeType): void; live Apps Script needs alt=media and returns the content.
    const files = drive.Files as unknown as {
      export(id: string, type: string, args: object): Blob;
    };
    const exportWithAlt = (id: string, type: string, args: object) => files.export(id, type, args);
    const pdf = exportWithAlt(doc, 'application/pdf', { alt: 'media' });
    expect(pdf.getContentType()).toBe('application/pdf');
    expect(pdf.getName()).toBe('บันทึก.pdf');
    expect(render.rendered[0].title).toBe('บันทึก');
    expect(() => exportWithAlt(doc, 'image/png', { alt: 'media' })).toThrow(
      'The requested conversion is not supported.',
    );
  });

  it('downloads binary files with alt=media and refuses Docs', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a.txt' }, blob('สวัสดี', 'text/plain'));
    expect(drive.Files.get(f.id as string, { alt: 'media' })).toBe('สวัสดี');
    const doc = drive.Files.create({ name: 'd', mimeType: DOC_MIME }).id as string;
    expect(() => drive.Files.get(doc, { alt: 'media' })).toThrow(
      'Use Export with Docs Editors files',
    );
  });
});

describe('Drive.Permissions', () => {
  it('records sharing on the file and lists and deletes it', () => {
    const { drive, store, blob } = setup();
    const f = drive.Files.create({ name: 'a' }, blob('x')).id as string;
    const p = drive.Permissions.create(
      { role: 'commenter', type: 'user', emailAddress: 'boss@example.go.th' },
      f,
      {
        sendNotificationEmail: false,
      },
    );
    expect(p).toEqual({ kind: 'drive#permission', id: p.id, type: 'user', role: 'commenter' });
    const info = store.fileInfo(f).permissions.find((x) => x.id === p.id);
    expect(info).toMatchObject({
      role: 'commenter',
      emailAddress: 'boss@example.go.th',
      notificationSent: false,
    });
    const anyone = drive.Permissions.create({ role: 'reader', type: 'anyone' }, f);
    expect(anyone.id).toBe('anyoneWithLink');
    const list = drive.Permissions.list(f, { fields: 'permissions(role,emailAddress)' });
    expect(list.permissions).toEqual([
      { role: 'owner', emailAddress: 'staff@example.go.th' },
      { role: 'commenter', emailAddress: 'boss@example.go.th' },
      { role: 'reader' },
    ]);
    expect(drive.Files.get(f, { fields: 'shared' })).toEqual({ shared: true });
    drive.Permissions.remove(f, p.id as string);
    expect(store.fileInfo(f).permissions).toHaveLength(2);
    expect(() => drive.Permissions.remove(f, 'missing')).toThrow('Permission not found: missing.');
  });

  it('validates the request like Drive', () => {
    const { drive, blob } = setup();
    const f = drive.Files.create({ name: 'a' }, blob('x')).id as string;
    expect(() => drive.Permissions.create({ role: 'writer', type: 'user' }, f)).toThrow(
      /emailAddress/,
    );
    expect(() =>
      drive.Permissions.create({ role: 'boss', type: 'user', emailAddress: 'x@y' }, f),
    ).toThrow(/role/);
    expect(() =>
      drive.Permissions.create({ role: 'owner', type: 'user', emailAddress: 'x@y' }, f),
    ).toThrow(/transferOwnership/);
  });
});

describe('Drive.Comments', () => {
  const comments = [
    {
      id: 'c1',
      content: 'เห็นควรอนุมัติ',
      resolved: true,
      author: { displayName: 'ปลัด อบต.', emailAddress: 'palad@example.go.th' },
      createdTime: '2025-10-04T03:00:00.000Z',
      replies: [
        {
          id: 'r1',
          content: 'รับทราบ',
          author: { displayName: 'เจ้าหน้าที่' },
          createdTime: '2025-10-04T04:00:00.000Z',
        },
      ],
    },
    {
      id: 'c2',
      content: 'แก้คะแนน',
      author: { displayName: 'นายก' },
      createdTime: '2025-10-05T03:00:00.000Z',
    },
    {
      id: 'c3',
      content: 'ลบแล้ว',
      deleted: true,
      author: { displayName: 'x' },
      createdTime: '2025-10-05T03:00:00.000Z',
    },
  ];

  it('requires fields, as Drive v3 does', () => {
    const { drive, store } = setup();
    const doc = drive.Files.create({ name: 'd', mimeType: DOC_MIME }).id as string;
    store.writeComments(doc, comments);
    expect(caught(() => drive.Comments.list(doc)).message).toBe(
      "API call to drive.comments.list failed with error: The 'fields' parameter is required for this method.",
    );
  });

  it('lists the sidecar comments with the requested fields, paging, without deleted ones', () => {
    const { drive, store } = setup();
    const doc = drive.Files.create({ name: 'd', mimeType: DOC_MIME }).id as string;
    store.writeComments(doc, comments);
    const fields =
      'comments(id,content,resolved,author(displayName,emailAddress),replies(content,author(displayName))),nextPageToken';
    const page1 = drive.Comments.list(doc, { fields, pageSize: 1 });
    expect(page1.comments).toEqual([
      {
        id: 'c1',
        content: 'เห็นควรอนุมัติ',
        resolved: true,
        author: { displayName: 'ปลัด อบต.', emailAddress: 'palad@example.go.th' },
        replies: [{ content: 'รับทราบ', author: { displayName: 'เจ้าหน้าที่' } }],
      },
    ]);
    const page2 = drive.Comments.list(doc, { fields, pageSize: 1, pageToken: page1.nextPageToken });
    expect(page2.comments?.map((c) => c.id)).toEqual(['c2']);
    expect(page2.nextPageToken).toBeUndefined();
    expect(page2.comments?.[0].resolved).toBe(false);
  });

  it('hides comments of files the add-on cannot see', () => {
    const { drive, store } = setup();
    const doc = store.addUserDoc(emptyDocModel('', 'x'), 'x');
    expect(() => drive.Comments.list(doc, { fields: 'comments(id)' })).toThrow('File not found');
  });
});

describe('persistence and call counting', () => {
  it('a second store on the same folder sees everything', () => {
    const { drive, dir, blob, store } = setup();
    const folder = drive.Files.create({ name: 'ปี 2568', mimeType: FOLDER_MIME }).id as string;
    const f = drive.Files.create(
      { name: 'a.pdf', parents: [folder], appProperties: { k: 'v' } },
      blob('x'),
    ).id as string;
    const again = new DriveStore(dir, { user: 'staff@example.go.th', now: () => new Date() });
    expect(again.rootId).toBe(store.rootId);
    expect(again.fileInfo(f)).toMatchObject({
      name: 'a.pdf',
      parents: [folder],
      appProperties: { k: 'v' },
      appCreated: true,
    });
    // Changes by one instance are seen by the other.
    again.patch(f, { name: 'b.pdf' });
    expect(drive.Files.get(f).name).toBe('b.pdf');
  });

  it('counts every call', () => {
    const { drive, log, blob } = setup();
    const f = drive.Files.create({ name: 'a' }, blob('x'));
    drive.Files.get(f.id as string);
    drive.Files.get(f.id as string);
    expect(log.count('Drive', 'Files.create')).toBe(1);
    expect(log.count('Drive', 'Files.get')).toBe(2);
  });
});
