/**
 * Text, findText and replaceText as Google documents them:
 * https://developers.google.com/apps-script/reference/document/body#replaceText(String,String)
 * ("The search pattern is passed as a string, not a JavaScript regular expression object …
 * This methods uses Google's RE2 regular expression library … The provided regular expression
 * pattern is independently matched against each text block contained in the current element.")
 * https://developers.google.com/apps-script/reference/document/body#findText(String,RangeElement)
 * https://developers.google.com/apps-script/reference/document/text
 */
import { CallLog } from '../../src/local/services/calls';
import { createDocumentApp } from '../../src/local/services/document';
import {
  fakePdfRenderer,
  removeTempStores,
  tempStore,
} from '../../src/local/services/drive/testing';

afterAll(removeTempStores);

function newBody() {
  const { store } = tempStore();
  const log = new CallLog();
  const app = createDocumentApp(store, log, fakePdfRenderer());
  const doc = app.create('t');
  return { app, doc, body: doc.getBody(), log, store };
}

describe('replaceText', () => {
  it('takes an RE2 pattern, is case-sensitive and replaces every match', () => {
    const { body } = newBody();
    body.appendParagraph('คะแนน ITA: {{score}} / ita {{score}}');
    body.replaceText('\\{\\{score\\}\\}', '๙๕.๘๒');
    body.replaceText('ITA', 'ไอทีเอ');
    expect(body.getText()).toBe('\nคะแนน ไอทีเอ: ๙๕.๘๒ / ita ๙๕.๘๒');
    body.replaceText('(?i)ita', 'X');
    expect(body.getText()).toBe('\nคะแนน ไอทีเอ: ๙๕.๘๒ / X ๙๕.๘๒');
  });

  it('never matches across paragraphs', () => {
    const { body } = newBody();
    body.appendParagraph('{{na');
    body.appendParagraph('me}}');
    body.replaceText('\\{\\{name\\}\\}', 'X');
    body.replaceText('na\\s*me', 'X');
    expect(body.getText()).toBe('\n{{na\nme}}');
  });

  it("never matches across a paragraph's separate Text elements", () => {
    const { body } = newBody();
    const p = body.appendParagraph('{{na');
    p.appendText('me}}');
    expect(p.getNumChildren()).toBe(2);
    body.replaceText('\\{\\{name\\}\\}', 'X');
    expect(p.getText()).toBe('{{name}}');
    // Within one Text element it matches, whatever the formatting of its characters.
    const q = body.appendParagraph('{{name}}');
    q.editAsText().setBold(2, 4, true);
    body.replaceText('\\{\\{name\\}\\}', 'X');
    expect(q.getText()).toBe('X');
  });

  it('gives the replacement the formatting of the first replaced character', () => {
    const { body } = newBody();
    const p = body.appendParagraph('เรียน {{to}} ครับ');
    p.editAsText().setBold(6, 11, true);
    p.replaceText('\\{\\{to\\}\\}', 'นายก อบต.');
    const text = p.editAsText();
    expect(text.getText()).toBe('เรียน นายก อบต. ครับ');
    expect(text.isBold(6)).toBe(true);
    expect(text.isBold(14)).toBe(true);
    expect(text.isBold(15)).toBeNull();
  });

  it('reads $ and \\ in the replacement: why the add-on must not pass user values to replaceText', () => {
    const { body } = newBody();
    body.appendParagraph('ราคา {{x}}');
    expect(() => body.replaceText('\\{\\{x\\}\\}', '$500')).toThrow('n > number of groups: 5');
    body.replaceText('\\{\\{x\\}\\}', 'C:\\งาน');
    expect(body.getText()).toBe('\nราคา C:งาน');
  });

  it('findText plus Text editing inserts any value literally (the safe way)', () => {
    const { body } = newBody();
    const p = body.appendParagraph('งบ {{x}} บาท');
    p.editAsText().setBold(3, 7, true);
    const value = '$500 \\ $1';
    let found = body.findText('\\{\\{x\\}\\}');
    while (found) {
      const t = found.getElement().asText();
      const start = found.getStartOffset();
      t.deleteText(start, found.getEndOffsetInclusive());
      t.insertText(start, value);
      found = body.findText('\\{\\{x\\}\\}', found);
    }
    expect(p.getText()).toBe('งบ $500 \\ $1 บาท');
    // Inserted text takes the formatting of the character before it (here the unbolded space).
    expect(p.editAsText().isBold(3)).toBeNull();
  });

  it('rejects what RE2 rejects', () => {
    const { body } = newBody();
    expect(() => body.replaceText('(?<=a)b', 'x')).toThrow('invalid or unsupported Perl syntax');
    expect(() => body.findText('(a)\\1')).toThrow('invalid escape sequence');
  });

  it('returns the element it was called on', () => {
    const { body } = newBody();
    expect(body.replaceText('x', 'y').getType()).toBe('BODY_SECTION');
  });
});

describe('findText and findElement', () => {
  it('finds in document order and continues from a previous result', () => {
    const { body } = newBody();
    body.appendParagraph('ก {{a}} ข {{b}}');
    const table = body.appendTable([['{{c}}']]);
    const hits: string[] = [];
    for (let r = body.findText('\\{\\{\\w+\\}\\}'); r; r = body.findText('\\{\\{\\w+\\}\\}', r)) {
      const text = r.getElement().asText().getText();
      hits.push(text.slice(r.getStartOffset(), r.getEndOffsetInclusive() + 1));
      expect(r.isPartial()).toBe(text !== '{{c}}');
    }
    expect(hits).toEqual(['{{a}}', '{{b}}', '{{c}}']);
    const inTable = table.findText('\\{\\{c\\}\\}');
    expect(inTable.getElement().getParent().getParent().getType()).toBe('TABLE_CELL');
    expect(body.findText('ไม่มี')).toBeNull();
  });

  it('findElement walks descendants of a type', () => {
    const { body, app } = newBody();
    body.appendTable([['a', 'b']]);
    body.appendTable([['c']]);
    const first = body.findElement(app.ElementType.TABLE);
    const second = body.findElement(app.ElementType.TABLE, first);
    expect(second.getElement().asTable().getText()).toBe('c');
    expect(body.findElement(app.ElementType.TABLE, second)).toBeNull();
    expect(first.getStartOffset()).toBe(-1);
  });
});

describe('Text', () => {
  it('styles ranges and whole texts; mixed or unset attributes read as null', () => {
    const { body } = newBody();
    const t = body.appendParagraph('สวัสดี ITA').editAsText();
    expect(t.isBold()).toBeNull();
    t.setBold(0, 5, true).setFontSize(7, 9, 16).setForegroundColor('#FF0000');
    expect(t.isBold(0)).toBe(true);
    expect(t.isBold(6)).toBeNull();
    expect(t.isBold()).toBeNull();
    expect(t.getFontSize(8)).toBe(16);
    expect(t.getForegroundColor()).toBe('#ff0000');
    expect(t.getTextAttributeIndices()).toEqual([0, 6, 7]);
    const attrs = t.getAttributes(0);
    expect(attrs).toEqual({
      BACKGROUND_COLOR: null,
      BOLD: true,
      FONT_FAMILY: null,
      FONT_SIZE: null,
      FOREGROUND_COLOR: '#ff0000',
      ITALIC: null,
      LINK_URL: null,
      STRIKETHROUGH: null,
      UNDERLINE: null,
    });
    expect(() => t.setForegroundColor('red')).toThrow('Invalid argument');
  });

  it('setAttributes with Attribute names, offsets inclusive', () => {
    const { body, app } = newBody();
    const t = body.appendParagraph('abcdef').editAsText();
    const style: Record<string, unknown> = {};
    style[app.Attribute.ITALIC] = true;
    style[app.Attribute.FONT_FAMILY] = 'Sarabun';
    t.setAttributes(1, 2, style);
    expect([t.isItalic(0), t.isItalic(1), t.isItalic(2), t.isItalic(3)]).toEqual([
      null,
      true,
      true,
      null,
    ]);
    expect(t.getFontFamily(2)).toBe('Sarabun');
    t.setLinkUrl(0, 0, 'https://itas.nacc.go.th');
    expect(t.getLinkUrl(0)).toBe('https://itas.nacc.go.th');
    // Apps Script accepts null to remove a link (the typings say string).
    t.setLinkUrl(0, 0, null as unknown as string);
    expect(t.getLinkUrl(0)).toBeNull();
  });

  it('inserted text inherits the style of the character before it (of the first, at offset 0)', () => {
    const { body } = newBody();
    const t = body.appendParagraph('ab').editAsText();
    t.setBold(1, 1, true);
    t.insertText(2, 'C');
    t.insertText(1, 'X');
    t.insertText(0, 'Y');
    expect(t.getText()).toBe('YaXbC');
    expect([0, 1, 2, 3, 4].map((i) => t.isBold(i))).toEqual([null, null, null, true, true]);
  });

  it("appendText on a paragraph makes a new Text element that inherits the previous text's style", () => {
    const { body } = newBody();
    const p = body.appendParagraph('หัวข้อ');
    p.editAsText().setBold(true);
    const more = p.appendText(' ต่อ');
    expect(more.isBold()).toBe(true);
    expect(p.getNumChildren()).toBe(2);
    expect(more.getParent().getType()).toBe('PARAGRAPH');
  });

  it('uses UTF-16 offsets like Apps Script', () => {
    const { body } = newBody();
    const t = body.appendParagraph('😀ก').editAsText();
    expect(t.getText().length).toBe(3);
    t.setBold(2, 2, true);
    expect(t.isBold(2)).toBe(true);
    t.deleteText(0, 1);
    expect(t.getText()).toBe('ก');
  });

  it('deleteText removes an inclusive range; bad offsets throw', () => {
    const { body } = newBody();
    const t = body.appendParagraph('0123456789').editAsText();
    t.deleteText(2, 4);
    expect(t.getText()).toBe('0156789');
    expect(() => t.deleteText(5, 20)).toThrow(
      'Index (20) must be less than the content length (7).',
    );
    expect(() => t.insertText(8, 'x')).toThrow();
  });

  it("a Paragraph's attributes combine paragraph and text attributes", () => {
    const { body, app } = newBody();
    const p = body.appendParagraph('x');
    expect(p.getAttributes()).toMatchObject({
      HEADING: 'NORMAL',
      HORIZONTAL_ALIGNMENT: null,
      INDENT_FIRST_LINE: null,
      BOLD: null,
      FONT_SIZE: null,
      LINE_SPACING: null,
    });
    expect(p.getAlignment()).toBeNull();
    expect(p.getIndentStart()).toBeNull();
    const attrs: Record<string, unknown> = {};
    attrs[app.Attribute.BOLD] = true;
    attrs[app.Attribute.INDENT_FIRST_LINE] = 70.9;
    attrs[app.Attribute.HORIZONTAL_ALIGNMENT] = app.HorizontalAlignment.JUSTIFY;
    p.setAttributes(attrs);
    expect(p.getIndentFirstLine()).toBe(70.9);
    expect(p.getAlignment()).toBe(app.HorizontalAlignment.JUSTIFY);
    expect(p.editAsText().isBold()).toBe(true);
    expect(p.getAttributes()[app.Attribute.BOLD]).toBe(true);
  });
});
