/**
 * What the review loop needs from the local Drive and Docs: comments anchored to text that moves
 * with edits (through the Docs API and DocumentApp), replies and resolving, and the revisions of
 * a file with binary content. References: comments
 * https://developers.google.com/workspace/drive/api/reference/rest/v3/comments, revisions
 * https://developers.google.com/workspace/drive/api/guides/manage-revisions, files.update
 * (keepRevisionForever) https://developers.google.com/workspace/drive/api/reference/rest/v3/files/update.
 */
import type { Request } from '../../src/core/docs/types';
import { emptyDocModel, type BlockNode, type ParagraphNode } from '../../src/local/docmodel';
import { Blob } from '../../src/local/services/blob';
import { CallLog } from '../../src/local/services/calls';
import { createDocsService } from '../../src/local/services/docs-api';
import { createDocumentApp } from '../../src/local/services/document/index';
import { createDriveService } from '../../src/local/services/drive/service';
import {
  fakePdfRenderer,
  removeTempStores,
  tempStore,
} from '../../src/local/services/drive/testing';

afterAll(removeTempStores);

const A = 'staff@example.go.th';
const R = 'head@muangkao.go.th';

function p(text: string): ParagraphNode {
  return {
    type: 'paragraph',
    style: {},
    textStyle: {},
    children: text ? [{ type: 'text', runs: [{ text, style: {} }] }] : [],
  };
}

/** A Doc the app made for A, shared with the reviewer R for comments. */
function doc(body: BlockNode[] = [p('คะแนนรวม ๙๓.๕๓ คะแนน'), p('ผ่านเกณฑ์')]) {
  const { store, clock } = tempStore(A);
  const log = new CallLog();
  const drive = createDriveService(store, log);
  const docs = createDocsService(store, log);
  const id = store.addUserDoc({ ...emptyDocModel('', 'memo'), body }, 'memo', undefined, true);
  store.addPermission(id, { type: 'user', role: 'commenter', emailAddress: R });
  const update = (...requests: Request[]) => docs.Documents.batchUpdate({ requests } as never, id);
  const listed = () =>
    (
      drive.Comments.list(id, {
        fields: 'comments(id,anchor,quotedFileContent,resolved,replies(content,action,author))',
      }) as {
        comments: {
          id: string;
          anchor?: string;
          quotedFileContent?: { value: string };
          resolved: boolean;
          replies: { content: string; action?: string }[];
        }[];
      }
    ).comments;
  return { store, clock, log, drive, docs, id, update, listed };
}

describe('a comment anchored to text in the Doc', () => {
  it('is anchored as in the Docs editor: a kix anchor and the quoted text', () => {
    const { store, id, listed } = doc();
    const c = store.addComment(id, R, 'ตรวจคะแนน', { quoted: '๙๓.๕๓' });
    expect(c.anchor).toMatch(/^kix\.[A-Za-z0-9]{12}$/);
    expect(listed()).toEqual([
      {
        id: c.id,
        anchor: c.anchor,
        quotedFileContent: { mimeType: 'text/html', value: '๙๓.๕๓' },
        resolved: false,
        replies: [],
      },
    ]);
    expect(() => store.addComment(id, R, 'x', { quoted: 'ไม่มีในเอกสาร' })).toThrow(
      'is not in the document',
    );
    expect(() => store.addComment(id, 'nobody@example.com', 'x')).toThrow('commenter role');
  });

  it('moves with Docs API edits: shifted by text before it, grown by text inside, shrunk, orphaned', () => {
    const { store, id, update, listed } = doc();
    const c = store.addComment(id, R, 'ตรวจ', { quoted: 'รวม ๙๓.๕๓' });
    // "คะแนนรวม ๙๓.๕๓ คะแนน": the quote is at [6, 15) (index 1 + 5 characters).
    update({ insertText: { location: { index: 1 }, text: 'ยอด' } });
    expect(store.commentAnchorText(id, c.id)).toBe('รวม ๙๓.๕๓');
    // Now at [9, 18). Typed strictly inside the range: part of it.
    update({ insertText: { location: { index: 13 }, text: '!' } });
    expect(store.commentAnchorText(id, c.id)).toBe('รวม !๙๓.๕๓');
    // Typed at its end: not.
    update({ insertText: { location: { index: 19 }, text: '?' } });
    expect(store.commentAnchorText(id, c.id)).toBe('รวม !๙๓.๕๓');
    update({ deleteContentRange: { range: { startIndex: 13, endIndex: 14 } } });
    expect(listed()[0].quotedFileContent?.value).toBe('รวม ๙๓.๕๓');
    update({ deleteContentRange: { range: { startIndex: 9, endIndex: 18 } } });
    expect(store.commentAnchorText(id, c.id)).toBeNull();
    // Orphaned, it keeps the text it quoted when it was made.
    expect(listed()[0].quotedFileContent?.value).toBe('รวม ๙๓.๕๓');
  });

  it('moves with replaceAllText, which answers how many it replaced', () => {
    const { store, id, update } = doc([p('วันที่ ..... และ ..... อีกครั้ง')]);
    const c = store.addComment(id, R, 'ลงวันที่', { quoted: 'วันที่ ..... และ' });
    const reply = update({
      replaceAllText: {
        containsText: { text: '.....', matchCase: true },
        replaceText: '๓ ตุลาคม',
      },
    }) as { replies: unknown[] };
    expect(reply.replies).toEqual([{ replaceAllText: { occurrencesChanged: 2 } }]);
    expect(store.commentAnchorText(id, c.id)).toBe('วันที่ ๓ ตุลาคม และ');
  });

  it('moves with DocumentApp edits too, and is gone with setText', () => {
    const { store, id, log } = doc();
    const c = store.addComment(id, R, 'ตรวจ', { quoted: '๙๓.๕๓' });
    const app = createDocumentApp(store, log, fakePdfRenderer());
    const d = app.openById(id);
    const text = d.getBody().getParagraphs()[0].editAsText();
    text.insertText(0, 'ผล ');
    text.insertText(16, '0');
    d.saveAndClose();
    expect(store.commentAnchorText(id, c.id)).toBe('๙๓.๕0๓');
    const again = app.openById(id);
    again.getBody().getParagraphs()[0].setText('ใหม่ทั้งย่อหน้า');
    again.saveAndClose();
    expect(store.commentAnchorText(id, c.id)).toBeNull();
  });

  it('is not copied with the Doc, nor is its anchor', () => {
    const { store, drive, id } = doc();
    store.addComment(id, R, 'ตรวจ', { quoted: '๙๓.๕๓' });
    const copy = drive.Files.copy({ name: 'สำเนา' }, id, {}).id as string;
    expect(store.readComments(copy)).toEqual([]);
    expect(JSON.stringify(store.readModel(copy))).not.toContain('kix.');
  });

  it('takes replies, and is resolved by a reply that resolves it', () => {
    const { store, id, listed } = doc();
    const c = store.addComment(id, R, 'ตรวจ', { quoted: 'ผ่านเกณฑ์' });
    store.replyToComment(id, c.id, A, 'แก้แล้ว');
    expect(listed()[0]).toMatchObject({ resolved: false, replies: [{ content: 'แก้แล้ว' }] });
    store.replyToComment(id, c.id, R, 'เรียบร้อย', 'resolve');
    expect(listed()[0]).toMatchObject({
      resolved: true,
      replies: [{ content: 'แก้แล้ว' }, { content: 'เรียบร้อย', action: 'resolve' }],
    });
    store.replyToComment(id, c.id, R, 'ยังไม่ครบ', 'reopen');
    expect(listed()[0].resolved).toBe(false);
  });
});

describe('revisions of a PDF', () => {
  function pdfFile() {
    const t = doc();
    const blob = (text: string) =>
      new Blob(
        t.log,
        new TextEncoder().encode(text),
        'application/pdf',
        'r.pdf',
      ) as unknown as GoogleAppsScript.Base.Blob;
    const id = t.drive.Files.create({ name: 'r.pdf' }, blob('%PDF 1'), {
      keepRevisionForever: true,
    }).id as string;
    const list = (fields?: string) =>
      (
        t.drive.Revisions.list(id, fields ? { fields } : {}) as {
          revisions: Record<string, unknown>[];
          nextPageToken?: string;
        }
      ).revisions;
    return { ...t, blob, pdf: id, list };
  }

  it('Files.update with media makes a new head revision under the same ID; older ones are kept', () => {
    const { drive, store, blob, pdf, list } = pdfFile();
    const updated = drive.Files.update({}, pdf, blob('%PDF 2'), {
      keepRevisionForever: true,
      fields: 'id,headRevisionId',
    });
    expect(updated.id).toBe(pdf);
    // revisions.list "only returns the id, mimeType, kind, and modifiedTime fields" by default.
    const revisions = list();
    expect(revisions).toHaveLength(2);
    expect(Object.keys(revisions[0]).sort()).toEqual(['id', 'kind', 'mimeType', 'modifiedTime']);
    expect(updated.headRevisionId).toBe(revisions[1].id);
    expect(list('revisions(id,keepForever,size)').map((r) => r.keepForever)).toEqual([true, true]);
    const first = drive.Revisions.get(pdf, revisions[0].id as string, { alt: 'media' });
    expect(first).toBe('%PDF 1');
    expect(new TextDecoder().decode(store.readContent(pdf))).toBe('%PDF 2');
    expect(drive.Revisions.get(pdf, 'head', { fields: 'id' })).toEqual({ id: revisions[1].id });
  });

  it('purges as Drive does: past 100 purgeable, or after 30 days; kept ones and the head stay', () => {
    const { drive, blob, pdf, list, clock } = pdfFile();
    for (let i = 0; i < 105; i++) drive.Files.update({}, pdf, blob(`%PDF ${i}`), {});
    const all = list('revisions(id,keepForever)');
    expect(all[0].keepForever).toBe(true);
    // 100 purgeable besides the head, the kept first one.
    expect(all).toHaveLength(102);
    clock.now = new Date(clock.now.getTime() + 31 * 24 * 3600 * 1000);
    expect(list('revisions(id,keepForever)').map((r) => r.keepForever)).toEqual([true, false]);
  });

  it('refuses a 201st revision kept forever, and the file stays as it was', () => {
    const { drive, store, blob, pdf } = pdfFile();
    for (let i = 0; i < 199; i++)
      drive.Files.update({}, pdf, blob(`%PDF ${i}`), { keepRevisionForever: true });
    expect(() =>
      drive.Files.update({}, pdf, blob('%PDF x'), { keepRevisionForever: true }),
    ).toThrow('Only 200 revisions for the file can be kept forever.');
    expect(store.revisions(pdf)).toHaveLength(200);
    expect(new TextDecoder().decode(store.readContent(pdf))).toBe('%PDF 198');
  });

  it('needs the writer role; a Doc’s own history is not emulated; pages and unknown revisions', () => {
    const { drive, store, blob, pdf, id } = pdfFile();
    drive.Files.update({}, pdf, blob('%PDF 2'), {});
    store.addPermission(pdf, { type: 'user', role: 'reader', emailAddress: R });
    const page = drive.Revisions.list(pdf, { pageSize: 1 }) as { nextPageToken?: string };
    expect(page.nextPageToken).toBeDefined();
    expect(() => drive.Revisions.get(pdf, 'nope', {})).toThrow('Revision not found: nope.');
    expect(() => drive.Revisions.list(id, {})).toThrow('is not emulated');
    const asReader = tempStoreAs(store.dir, R);
    asReader.grantAccess(pdf, R);
    expect(() => createDriveService(asReader, new CallLog()).Revisions.list(pdf, {})).toThrow(
      'does not have sufficient permissions',
    );
  });
});

function tempStoreAs(dir: string, user: string) {
  // A second store on the same folder, acting for another user (as another process would).
  const { DriveStore } = jest.requireActual('../../src/local/services/drive/store') as {
    DriveStore: new (
      d: string,
      o: { user: string; now: () => Date },
    ) => import('../../src/local/services/drive/store').DriveStore;
  };
  return new DriveStore(dir, { user, now: () => new Date('2025-10-03T03:00:00Z') });
}
