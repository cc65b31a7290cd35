/**
 * The local DocumentApp: building a memo, saving, reopening, exporting. Reference:
 * https://developers.google.com/apps-script/reference/document (Document, Body, Table, …).
 */
import type { ParagraphNode, TableNode } from '../../src/local/docmodel';
import { Blob } from '../../src/local/services/blob';
import { CallLog } from '../../src/local/services/calls';
import { createDocumentApp } from '../../src/local/services/document';
import { createDriveService } from '../../src/local/services/drive/service';
import {
  fakePdfRenderer,
  removeTempStores,
  tempStore,
} from '../../src/local/services/drive/testing';

afterAll(removeTempStores);

/** A 1×1 PNG whose header claims 120×80 pixels (only the header is read). */
function png(width = 120, height = 80): Uint8Array {
  const bytes = new Uint8Array(
    Buffer.from(
      'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNkYPhfDwAChwGA60e6kgAAAABJRU5ErkJggg==',
      'base64',
    ),
  );
  const view = new DataView(bytes.buffer);
  view.setUint32(16, width);
  view.setUint32(20, height);
  return bytes;
}

function setup() {
  const { store, dir } = tempStore();
  const log = new CallLog();
  const render = fakePdfRenderer();
  const app = createDocumentApp(store, log, render);
  const drive = createDriveService(store, log);
  return { store, dir, log, render, app, drive };
}

describe('DocumentApp.create and open', () => {
  it("creates a Doc in the root with Google's defaults", () => {
    const { app, store } = setup();
    const doc = app.create('บันทึกข้อความ');
    const body = doc.getBody();
    expect(body.getPageWidth()).toBe(612);
    expect(body.getPageHeight()).toBe(792);
    expect(body.getMarginTop()).toBe(72);
    expect(body.getMarginLeft()).toBe(72);
    expect(body.getNumChildren()).toBe(1);
    expect(body.getChild(0).getType()).toBe(app.ElementType.PARAGRAPH);
    const info = store.fileInfo(doc.getId());
    expect(info).toMatchObject({ name: 'บันทึกข้อความ', parents: [store.rootId], appCreated: true });
    expect(store.readModel(doc.getId()).defaultTextStyle).toEqual({
      fontFamily: 'Arial',
      fontSize: 11,
    });
    expect(doc.getUrl()).toBe(`https://docs.google.com/open?id=${doc.getId()}`);
  });

  it('opens any Doc by id or URL (documents scope), even one Drive (drive.file) cannot see', () => {
    const { app, store, drive } = setup();
    const id = store.addUserDoc(
      {
        ...(JSON.parse(JSON.stringify(store.readModel(app.create('x').getId()))) as object),
        body: [],
      } as never,
      'แม่แบบของสำนักงาน',
    );
    expect(() => drive.Files.get(id)).toThrow(`File not found: ${id}.`);
    expect(app.openById(id).getName()).toBe('แม่แบบของสำนักงาน');
    expect(app.openByUrl(`https://docs.google.com/document/d/${id}/edit`).getId()).toBe(id);
    expect(() => app.openById('missing')).toThrow('Document is missing');
  });

  it('has no active document or UI outside a bound script', () => {
    const { app } = setup();
    expect(app.getActiveDocument()).toBeNull();
    expect(() => app.getUi()).toThrow('Cannot call DocumentApp.getUi() from this context.');
  });
});

describe('building a memo', () => {
  it('builds heading, styled runs, a list, a table from a template row, an image and a page break', () => {
    const { app, store, log } = setup();
    const doc = app.create('บันทึกข้อความ ITA 2568');
    const body = doc.getBody();
    body.setMarginLeft(85.05).setMarginRight(56.7).setPageWidth(595.28).setPageHeight(841.89);

    const title = body.getChild(0).asParagraph();
    title.setText('บันทึกข้อความ');
    title.setHeading(app.ParagraphHeading.HEADING1).setAlignment(app.HorizontalAlignment.CENTER);

    const unit = body.appendParagraph('ส่วนราชการ ');
    unit.editAsText().setBold(0, 9, true);
    unit.appendText('องค์การบริหารส่วนตำบลตัวอย่าง').setBold(false);

    body.appendListItem('ข้อเท็จจริง').setGlyphType(app.GlyphType.NUMBER);
    const second = body.appendListItem('ข้อพิจารณา');

    const table = body.appendTable([
      ['ตัวชี้วัด', 'คะแนน'],
      ['{{code}}', '{{score}}'],
    ]);
    const template = table.getRow(1);
    const rows = [
      ['i1', '๙๕.๐๐'],
      ['i2', '๘๗.๕๐'],
      ['o1', '๑๐๐.๐๐'],
    ];
    rows.forEach((r, i) => {
      const row = table.insertTableRow(2 + i, template.copy());
      row.getCell(0).editAsText().setText(r[0]);
      row.getCell(1).editAsText().setText(r[1]);
    });
    table.removeRow(1);

    const img = body.appendImage(new Blob(log, png(), 'image/png') as never);
    img.setWidth(60).setHeight(40);
    body.appendPageBreak();
    body.appendParagraph('ความเห็นของปลัด');
    doc.saveAndClose();

    const model = store.readModel(doc.getId());
    expect(model.pageWidth).toBe(595.28);
    expect(model.marginLeft).toBe(85.05);
    const [h, p1, li1, li2, tbl, afterTable, imgPara, breakPara, last] = model.body;
    expect(h).toMatchObject({
      type: 'paragraph',
      style: { heading: 'HEADING1', alignment: 'CENTER' },
    });
    expect(p1.type === 'paragraph' && p1.children).toEqual([
      {
        type: 'text',
        runs: [
          { text: 'ส่วนราชการ', style: { bold: true } },
          { text: ' ', style: {} },
          { text: 'องค์การบริหารส่วนตำบลตัวอย่าง', style: { bold: false } },
        ],
      },
    ]);
    expect(li1).toMatchObject({ type: 'listItem', glyphType: 'NUMBER' });
    expect(li2).toMatchObject({ type: 'listItem', listId: second.getListId() });
    expect(li1.type === 'listItem' && li1.listId).toBe(second.getListId());
    const t = tbl as TableNode;
    expect(
      t.rows.map((r) =>
        r.cells.map((c) =>
          (c.children[0] as ParagraphNode).children
            .map((x) => (x.type === 'text' ? x.runs[0].text : ''))
            .join(''),
        ),
      ),
    ).toEqual([
      ['ตัวชี้วัด', 'คะแนน'],
      ['i1', '๙๕.๐๐'],
      ['i2', '๘๗.๕๐'],
      ['o1', '๑๐๐.๐๐'],
    ]);
    // Docs keeps a paragraph after a table.
    expect(afterTable).toEqual({ type: 'paragraph', style: {}, textStyle: {}, children: [] });
    expect(imgPara.type === 'paragraph' && imgPara.children[0]).toMatchObject({
      type: 'image',
      mimeType: 'image/png',
      width: 60,
      height: 40,
    });
    expect(breakPara.type === 'paragraph' && breakPara.children).toEqual([{ type: 'pageBreak' }]);
    expect(last).toMatchObject({ type: 'paragraph' });

    expect(log.count('DocumentApp', 'Table.insertTableRow')).toBe(3);
    expect(log.count('DocumentApp', 'Body.appendParagraph')).toBe(2);
    expect(log.count('DocumentApp', 'Document.saveAndClose')).toBe(1);
  });

  it('reads image size from the blob and returns the image blob', () => {
    const { app, log } = setup();
    const img = app
      .create('x')
      .getBody()
      .appendImage(new Blob(log, png(300, 200), 'image/png') as never);
    expect([img.getWidth(), img.getHeight()]).toEqual([300, 200]);
    expect(img.getBlob().getContentType()).toBe('image/png');
    expect(img.getParent().getType()).toBe('PARAGRAPH');
    expect(img.getAttributes()).toEqual({ WIDTH: 300, HEIGHT: 200, LINK_URL: null });
  });
});

describe('saving', () => {
  it('edits reach Drive on saveAndClose; afterwards edits fail but getId/getAs work', () => {
    const { app, render } = setup();
    const doc = app.create('บันทึก');
    const body = doc.getBody();
    body.appendParagraph('ก่อนบันทึก');
    const again = app.openById(doc.getId());
    expect(again.getBody().getText()).toBe('');
    doc.saveAndClose();
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nก่อนบันทึก');
    expect(() => body.appendParagraph('หลังปิด')).toThrow(
      'Document is closed, its contents cannot be updated.',
    );
    expect(doc.getId()).toBeTruthy();
    const pdf = doc.getAs('application/pdf');
    expect(pdf.getName()).toBe('บันทึก.pdf');
    expect(render.rendered).toHaveLength(1);
    expect(render.rendered[0].body).toHaveLength(2);
  });

  it('getAs exports the saved document: unsaved edits are missing from the PDF (as on Google)', () => {
    const { app, render } = setup();
    const doc = app.create('x');
    doc.getBody().appendParagraph('ยังไม่บันทึก');
    doc.getBlob();
    expect(render.rendered[0].body).toHaveLength(1);
    expect(() => doc.getAs('text/plain')).toThrow('is not supported');
  });

  it('flushOpenDocuments saves what a run left open, as Google does when the script ends', () => {
    const { app, store } = setup();
    const doc = app.create('x');
    doc.getBody().appendParagraph('จบการทำงาน');
    store.flushOpenDocuments();
    expect(app.openById(doc.getId()).getBody().getText()).toBe('\nจบการทำงาน');
  });

  it("a second, unedited opening of the same Doc does not undo the first one's edits at the end", () => {
    const { app, store } = setup();
    const id = app.create('x').getId();
    store.flushOpenDocuments();
    app.openById(id).getBody().appendParagraph('แก้ไข');
    expect(app.openById(id).getBody().getText()).toBe('');
    store.flushOpenDocuments();
    expect(app.openById(id).getBody().getText()).toBe('\nแก้ไข');
  });

  it('normalizes on save: adjacent Text elements merge and a newline splits a paragraph', () => {
    const { app, store } = setup();
    const doc = app.create('x');
    const p = doc.getBody().appendParagraph('บรรทัด 1\nบรรทัด 2');
    p.appendText(' ต่อ');
    expect(p.getNumChildren()).toBe(2);
    doc.saveAndClose();
    const body = store.readModel(doc.getId()).body;
    expect(body).toHaveLength(3);
    expect((body[2] as ParagraphNode).children).toEqual([
      { type: 'text', runs: [{ text: 'บรรทัด 2 ต่อ', style: {} }] },
    ]);
  });

  it('setName renames the Drive file', () => {
    const { app, store } = setup();
    const doc = app.create('x');
    doc.setName('บันทึกข้อความ ITA');
    expect(store.fileInfo(doc.getId()).name).toBe('บันทึกข้อความ ITA');
    expect(doc.getName()).toBe('บันทึกข้อความ ITA');
  });
});

describe('headers and footers', () => {
  it('adds and edits a header and footer', () => {
    const { app, store } = setup();
    const doc = app.create('x');
    expect(doc.getHeader()).toBeNull();
    const header = doc.addHeader();
    header.appendParagraph('หน้า');
    doc.addFooter().getChild(0).asParagraph().setText('ท้าย');
    expect(doc.getHeader().getType()).toBe('HEADER_SECTION');
    expect(() => doc.addHeader()).toThrow();
    doc.saveAndClose();
    const model = store.readModel(doc.getId());
    expect(model.header).toHaveLength(2);
    expect((model.footer?.[0] as ParagraphNode).children).toEqual([
      { type: 'text', runs: [{ text: 'ท้าย', style: {} }] },
    ]);
  });
});
