/**
 * Structure rules of Google Docs that DocumentApp enforces, as documented in
 * https://developers.google.com/apps-script/reference/document/paragraph#removeFromParent()
 * (a section keeps a paragraph), .../element#copy() ("Returns a detached, deep copy"),
 * .../body#appendTable(String) and .../table#insertTableRow(Integer,TableRow).
 */
import { CallLog } from '../../src/local/services/calls';
import { createDocumentApp } from '../../src/local/services/document';
import {
  fakePdfRenderer,
  removeTempStores,
  tempStore,
} from '../../src/local/services/drive/testing';

afterAll(removeTempStores);

function newDoc() {
  const { store } = tempStore();
  const log = new CallLog();
  const app = createDocumentApp(store, log, fakePdfRenderer());
  const doc = app.create('t');
  return { app, doc, body: doc.getBody(), log, store };
}

describe('sections keep a paragraph', () => {
  it("can't remove the last paragraph in a document section", () => {
    const { body } = newDoc();
    const only = body.getChild(0).asParagraph();
    expect(() => only.removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    expect(() => body.removeChild(only)).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    const second = body.appendParagraph('x');
    second.removeFromParent();
    expect(body.getNumChildren()).toBe(1);
  });

  it('a table appended last is followed by an empty paragraph, which cannot be removed', () => {
    const { body } = newDoc();
    body.getChild(0).asParagraph().setText('ก่อนตาราง');
    body.appendTable([['a']]);
    expect(body.getNumChildren()).toBe(3);
    const last = body.getChild(2).asParagraph();
    expect(last.getText()).toBe('');
    expect(() => last.removeFromParent()).toThrow(
      "Can't remove the last paragraph in a document section.",
    );
    // A table inserted before other content adds nothing.
    body.insertTable(0, [['b']]);
    expect(body.getNumChildren()).toBe(4);
  });

  it('clear() and setText() leave exactly one paragraph', () => {
    const { body } = newDoc();
    body.appendParagraph('a');
    body.appendTable([['b']]);
    body.clear();
    expect(body.getNumChildren()).toBe(1);
    body.setText('ใหม่');
    expect(body.getNumChildren()).toBe(1);
    expect(body.getText()).toBe('ใหม่');
  });
});

describe('copy() and detached elements', () => {
  it('copy() is a detached deep copy that can be inserted elsewhere, even in another document', () => {
    const { body, app } = newDoc();
    const p = body.appendParagraph('ต้นฉบับ');
    p.editAsText().setBold(true);
    const c = p.copy();
    expect(c.getParent()).toBeNull();
    c.editAsText().setText('สำเนา');
    expect(p.getText()).toBe('ต้นฉบับ');
    body.insertParagraph(0, c);
    expect(body.getChild(0).asParagraph().getText()).toBe('สำเนา');
    expect(body.getChild(0).asParagraph().editAsText().isBold()).toBe(true);

    const other = app.create('อื่น').getBody();
    other.appendParagraph(p.copy());
    expect(other.getText()).toBe('\nต้นฉบับ');
  });

  it('inserting an attached element throws "Element must be detached."', () => {
    const { body } = newDoc();
    const p = body.appendParagraph('x');
    expect(() => body.appendParagraph(p)).toThrow('Element must be detached.');
    const table = body.appendTable([['a'], ['b']]);
    expect(() => table.appendTableRow(table.getRow(0))).toThrow('Element must be detached.');
    const c = p.copy();
    body.appendParagraph(c);
    expect(() => body.appendParagraph(c)).toThrow('Element must be detached.');
  });

  it('wrappers are made on demand: identity is not preserved', () => {
    const { body } = newDoc();
    expect(body.getChild(0)).not.toBe(body.getChild(0));
    expect(body.getChildIndex(body.getChild(0))).toBe(0);
  });
});

describe('tables', () => {
  it('repeats a template row with insertTableRow(i, row.copy()) and removeRow', () => {
    const { body } = newDoc();
    const t = body.appendTable([
      ['ลำดับ', 'มาตรการ'],
      ['{{n}}', '{{measure}}'],
    ]);
    const template = t.getRow(1);
    template.getCell(1).setBackgroundColor('#EEEEEE');
    for (let i = 0; i < 3; i++) {
      const row = t.insertTableRow(2 + i, template.copy());
      row.replaceText('\\{\\{n\\}\\}', String(i + 1));
      row.replaceText('\\{\\{measure\\}\\}', `มาตรการ ${i + 1}`);
    }
    const removed = t.removeRow(1);
    expect(removed.getParent()).toBeNull();
    expect(t.getNumRows()).toBe(4);
    expect(t.getCell(3, 1).getText()).toBe('มาตรการ 3');
    expect(t.getCell(3, 1).getBackgroundColor()).toBe('#eeeeee');
  });

  it("getText() puts each cell's text on its own line", () => {
    const { body } = newDoc();
    const t = body.appendTable([
      ['a', 'b'],
      ['c', 'd'],
    ]);
    expect(t.getText()).toBe('a\nb\nc\nd');
    expect(t.getRow(0).getText()).toBe('a\nb');
    expect(body.getText()).toBe('\na\nb\nc\nd\n');
  });

  it('navigates between cells, rows and tables', () => {
    const { body } = newDoc();
    const t = body.appendTable([['a', 'b']]);
    const cell = t.getCell(0, 1);
    expect(cell.getParentRow().getNumCells()).toBe(2);
    expect(cell.getParentTable().getNumRows()).toBe(1);
    expect(cell.getParent().getType()).toBe('TABLE_ROW');
    expect(cell.getPreviousSibling().asTableCell().getText()).toBe('a');
    expect(cell.getNextSibling()).toBeNull();
    expect([cell.getRowSpan(), cell.getColSpan()]).toEqual([1, 1]);
    expect(t.getParent().getType()).toBe('BODY_SECTION');
  });

  it('edits rows, cells and table properties', () => {
    const { body, app } = newDoc();
    const t = body.appendTable([['a']]);
    const row = t.getRow(0);
    row.appendTableCell('b');
    row.insertTableCell(0, 'z');
    expect(row.getText()).toBe('z\na\nb');
    row.removeCell(0);
    row.setMinimumHeight(20);
    expect(row.getMinimumHeight()).toBe(20);
    t.setColumnWidth(1, 100).setBorderWidth(0.5).setBorderColor('#000000');
    expect([
      t.getColumnWidth(0),
      t.getColumnWidth(1),
      t.getBorderWidth(),
      t.getBorderColor(),
    ]).toEqual([null, 100, 0.5, '#000000']);
    const cell = t.getCell(0, 0);
    expect(cell.getWidth()).toBeNull();
    cell
      .setWidth(50)
      .setVerticalAlignment(app.VerticalAlignment.CENTER)
      .setPaddingTop(2)
      .setPaddingLeft(4);
    expect([
      cell.getWidth(),
      cell.getVerticalAlignment(),
      cell.getPaddingTop(),
      cell.getPaddingLeft(),
    ]).toEqual([50, 'CENTER', 2, 4]);
    cell.appendParagraph('บรรทัดสอง');
    expect(cell.getNumChildren()).toBe(2);
    expect(t.getCell(0, 1).getWidth()).toBe(100);
  });

  it('page breaks cannot go in a table cell', () => {
    const { body } = newDoc();
    const cell = body.appendTable([['a']]).getCell(0, 0);
    expect(() => cell.getChild(0).asParagraph().appendPageBreak()).toThrow();
  });
});

describe('navigation and other element members', () => {
  it('getParent, siblings, isAtDocumentEnd, child index errors', () => {
    const { body } = newDoc();
    const a = body.appendParagraph('a');
    const b = body.appendParagraph('b');
    expect(a.getNextSibling().asParagraph().getText()).toBe('b');
    expect(b.getPreviousSibling().asParagraph().getText()).toBe('a');
    expect(b.isAtDocumentEnd()).toBe(true);
    expect(a.isAtDocumentEnd()).toBe(false);
    expect(body.getParent()).toBeNull();
    expect(() => body.getChild(9)).toThrow(
      'Child index (9) must be less than the number of child elements (3).',
    );
    expect(() => a.asTable()).toThrow();
  });

  it('getParagraphs includes list items and paragraphs inside tables', () => {
    const { body } = newDoc();
    body.appendListItem('รายการ');
    body.appendTable([['ใน']]);
    expect(body.getParagraphs().map((p) => p.getText())).toEqual(['', 'รายการ', 'ใน', '']);
    expect(body.getListItems()).toHaveLength(1);
    expect(body.getTables()).toHaveLength(1);
  });

  it('list items share a list when consecutive and can join another list', () => {
    const { body, app } = newDoc();
    const one = body.appendListItem('หนึ่ง');
    const two = body.appendListItem('สอง');
    body.appendParagraph('คั่น');
    const three = body.appendListItem('สาม');
    expect(two.getListId()).toBe(one.getListId());
    expect(three.getListId()).not.toBe(one.getListId());
    three.setListId(one);
    expect(three.getListId()).toBe(one.getListId());
    two.setNestingLevel(1).setGlyphType(app.GlyphType.LATIN_LOWER);
    expect([two.getNestingLevel(), two.getGlyphType()]).toEqual([1, 'LATIN_LOWER']);
    expect(two.getAttributes()).toMatchObject({
      NESTING_LEVEL: 1,
      GLYPH_TYPE: 'LATIN_LOWER',
      LIST_ID: one.getListId(),
    });
  });

  it('merge() joins a paragraph to the previous one', () => {
    const { body } = newDoc();
    body.appendParagraph('ต้น');
    const p = body.appendParagraph('ท้าย');
    body.appendParagraph('สุด');
    const merged = p.merge();
    expect(merged.getText()).toBe('ต้นท้าย');
    expect(body.getNumChildren()).toBe(3);
  });

  it('horizontal rules and page breaks live in paragraphs', () => {
    const { body } = newDoc();
    const rule = body.appendHorizontalRule();
    const pb = body.appendPageBreak();
    expect(rule.getType()).toBe('HORIZONTAL_RULE');
    expect(pb.getParent().getType()).toBe('PARAGRAPH');
    pb.removeFromParent();
    expect(body.getChild(2).asParagraph().getNumChildren()).toBe(0);
  });
});
