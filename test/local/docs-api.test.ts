/**
 * The local Docs advanced service (src/local/services/docs-api/): Documents.get in the API's JSON
 * and batchUpdate with Google's rules, from the reference:
 * https://developers.google.com/docs/api/concepts/structure (indices),
 * https://developers.google.com/docs/api/concepts/rules-behavior (editing rules),
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request (each request).
 * Error texts marked "Google's" were seen from the live API; the others state the documented rule.
 */
import type { Document, Request } from '../../src/core/docs/types';
import {
  emptyDocModel,
  inlineText,
  type BlockNode,
  type DocModel,
  type ParagraphNode,
  type TableNode,
} from '../../src/local/docmodel';
import { CallLog } from '../../src/local/services/calls';
import { createDocsService } from '../../src/local/services/docs-api';
import { removeTempStores, tempStore } from '../../src/local/services/drive/testing';
import { p, table } from '../core/docs/helpers';

afterAll(removeTempStores);

function setup(body: BlockNode[], extra: Partial<DocModel> = {}) {
  const { store } = tempStore();
  const log = new CallLog();
  const docs = createDocsService(store, log);
  const model = { ...emptyDocModel('', 'doc'), body, ...extra };
  const id = store.addUserDoc(model, 'doc', undefined, true);
  const get = (fields?: string) =>
    docs.Documents.get(id, (fields ? { fields } : {}) as never) as unknown as Document;
  const update = (...requests: Request[]) => docs.Documents.batchUpdate({ requests } as never, id);
  const texts = () => outlineOf(store.readModel(id).body);
  return { store, log, docs, id, get, update, texts, model: () => store.readModel(id) };
}

function outlineOf(blocks: BlockNode[]): unknown[] {
  return blocks.map((b) =>
    b.type === 'table'
      ? b.rows.map((r) => r.cells.map((c) => outlineOf(c.children)))
      : b.type === 'sectionBreak'
        ? '(section break)'
        : inlineText(b.children),
  );
}

function error(fn: () => unknown): string {
  try {
    fn();
  } catch (err) {
    return String((err as Error).message);
  }
  throw new Error('expected an error');
}

const at = (index: number) => ({ index });
const range = (startIndex: number, endIndex: number) => ({ startIndex, endIndex });

describe('Documents.get', () => {
  it("gives body content with Google's indices: section break, paragraphs with newlines, table markers", () => {
    const { get } = setup([p('ab'), table([[['x'], ['yz']]]), p('')]);
    const content = get().body?.content ?? [];
    // proto3 JSON leaves a zero start index out.
    expect(content[0]).toMatchObject({ endIndex: 1, sectionBreak: {} });
    expect(content[0].startIndex).toBeUndefined();
    expect(content[1]).toMatchObject({ startIndex: 1, endIndex: 4 });
    expect(content[1].paragraph?.elements).toEqual([
      { startIndex: 1, endIndex: 4, textRun: { content: 'ab\n', textStyle: {} } },
    ]);
    // Table 4: row 5, cell 6 holds "x\n" at 7–9, cell 9 holds "yz\n" at 10–13; the table ends at 14.
    const t = content[2];
    expect(t).toMatchObject({ startIndex: 4, endIndex: 14, table: { rows: 1, columns: 2 } });
    const row = t.table?.tableRows?.[0];
    expect(row).toMatchObject({ startIndex: 5, endIndex: 13 });
    expect(
      row?.tableCells?.map((c) => [c.startIndex, c.endIndex, c.content?.[0].startIndex]),
    ).toEqual([
      [6, 9, 7],
      [9, 13, 10],
    ]);
    expect(content[3]).toMatchObject({ startIndex: 14, endIndex: 15 });
  });

  it('counts UTF-16 code units: an emoji takes two indices', () => {
    const { get } = setup([p('😀ก'), p('x')]);
    const content = get().body?.content ?? [];
    expect(content[1]).toMatchObject({ startIndex: 1, endIndex: 5 });
    expect(content[2]).toMatchObject({ startIndex: 5, endIndex: 7 });
  });

  it('reports styles, non-text elements, lists, the header and the document style', () => {
    const item: BlockNode = {
      type: 'listItem',
      style: { alignment: 'CENTER', indentStart: 36, keepWithNext: true },
      textStyle: {},
      listId: 'kix.list1',
      nestingLevel: 1,
      glyphType: 'NUMBER',
      children: [
        {
          type: 'text',
          runs: [
            {
              text: 'ก',
              style: {
                bold: true,
                fontSize: 14,
                fontFamily: 'Sarabun',
                foregroundColor: '#ff0000',
              },
            },
          ],
        },
        { type: 'pageBreak' },
      ],
    };
    const { get } = setup([item], { header: [p('หัว')] });
    const doc = get();
    const para = doc.body?.content?.[1].paragraph;
    expect(para?.paragraphStyle).toEqual({
      namedStyleType: 'NORMAL_TEXT',
      direction: 'LEFT_TO_RIGHT',
      alignment: 'CENTER',
      indentStart: { magnitude: 36, unit: 'PT' },
      keepWithNext: true,
    });
    expect(para?.bullet).toEqual({ listId: 'kix.list1', nestingLevel: 1 });
    expect(para?.elements?.[0].textRun?.textStyle).toEqual({
      bold: true,
      fontSize: { magnitude: 14, unit: 'PT' },
      weightedFontFamily: { fontFamily: 'Sarabun', weight: 400 },
      foregroundColor: { color: { rgbColor: { red: 1 } } },
    });
    expect(para?.elements?.map((e) => Object.keys(e).find((k) => !k.endsWith('Index')))).toEqual([
      'textRun',
      'pageBreak',
      'textRun',
    ]);
    expect(doc.lists?.['kix.list1'].listProperties?.nestingLevels?.[1]).toMatchObject({
      glyphType: 'DECIMAL',
    });
    const headerId = doc.documentStyle?.defaultHeaderId as string;
    expect(doc.headers?.[headerId].content?.[0]).toMatchObject({ endIndex: 4 });
    expect(doc.headers?.[headerId].content?.[0].startIndex).toBeUndefined();
    expect(doc.documentStyle?.pageSize).toEqual({
      width: { magnitude: 612, unit: 'PT' },
      height: { magnitude: 792, unit: 'PT' },
    });
  });

  it('answers only the fields asked for, and refuses unknown ones', () => {
    const { get, log } = setup([p('ab')]);
    expect(Object.keys(get('body(content(startIndex,endIndex))'))).toEqual(['body']);
    expect(get('body(content(startIndex,endIndex))').body?.content?.[1]).toEqual({
      startIndex: 1,
      endIndex: 4,
    });
    expect(error(() => get('bodies'))).toContain('Invalid field selection bodies');
    expect(log.count('Docs', 'Documents.get')).toBe(3);
  });
});

describe('Documents.batchUpdate', () => {
  it('inserts text inside a paragraph; a newline makes a paragraph with the same style', () => {
    const styled: ParagraphNode = { ...p('ac'), style: { alignment: 'CENTER' } };
    const { update, texts, model } = setup([styled]);
    update({ insertText: { location: at(2), text: 'b\nX' } });
    expect(texts()).toEqual(['ab', 'Xc']);
    expect(model().body.map((b) => (b as ParagraphNode).style.alignment)).toEqual([
      'CENTER',
      'CENTER',
    ]);
  });

  it('strips control and private-use characters from inserted text', () => {
    const { update, texts, get } = setup([p('')]);
    update({ insertText: { location: at(1), text: 'a\u0001b\uE000c\td' } });
    expect(texts()).toEqual(['abc\td']);
    expect(get().body?.content?.[1].endIndex).toBe(7);
  });

  it("refuses an index outside the segment (Google's message)", () => {
    const { update } = setup([p('ab')]);
    expect(error(() => update({ insertText: { location: at(9), text: 'x' } }))).toBe(
      'API call to docs.documents.batchUpdate failed with error: Invalid requests[0].insertText: Index 9 must be less than the end index of the referenced segment, 4.',
    );
  });

  it("refuses text at a table's start index (Google's message)", () => {
    const { update } = setup([p('a'), table([[['x']]]), p('')]);
    expect(error(() => update({ insertText: { location: at(3), text: 'x' } }))).toContain(
      'Invalid requests[0].insertText: The insertion index must be inside the bounds of an existing paragraph.',
    );
  });

  it('refuses to split a surrogate pair', () => {
    const { update } = setup([p('😀')]);
    expect(error(() => update({ insertText: { location: at(2), text: 'x' } }))).toContain(
      'cannot be within a grapheme cluster',
    );
  });

  it('deletes within a paragraph and across paragraphs', () => {
    const { update, texts } = setup([p('abc'), p('def'), p('ghi')]);
    update({ deleteContentRange: { range: range(2, 3) } });
    expect(texts()).toEqual(['ac', 'def', 'ghi']);
    update({ deleteContentRange: { range: range(2, 6) } });
    expect(texts()).toEqual(['af', 'ghi']);
  });

  it("keeps the first paragraph's style when joining mid-paragraph, and the next one's when a whole paragraph goes", () => {
    const a: ParagraphNode = { ...p('aa'), style: { alignment: 'CENTER' } };
    const b: ParagraphNode = { ...p('bb'), style: { alignment: 'RIGHT' } };
    const c: ParagraphNode = { ...p('cc'), style: { alignment: 'JUSTIFY' } };
    const { update, model } = setup([a, b, c]);
    update({ deleteContentRange: { range: range(1, 4) } });
    expect(model().body.map((x) => (x as ParagraphNode).style.alignment)).toEqual([
      'RIGHT',
      'JUSTIFY',
    ]);
    update({ deleteContentRange: { range: range(2, 5) } });
    expect(model().body.map((x) => (x as ParagraphNode).style.alignment)).toEqual(['RIGHT']);
  });

  it("refuses to delete the segment's last newline (Google's message) or an empty range", () => {
    const { update } = setup([p('ab')]);
    expect(error(() => update({ deleteContentRange: { range: range(1, 4) } }))).toContain(
      'Invalid requests[0].deleteContentRange: The range cannot include the newline character at the end of the segment.',
    );
    expect(error(() => update({ deleteContentRange: { range: range(2, 2) } }))).toContain(
      'Invalid requests[0].deleteContentRange: The range should not be empty.',
    );
  });

  it("refuses to delete a cell's last newline, part of a table, or the newline before a table", () => {
    // "a\n" 1–3, table 3: row 4, cell 5, "x\n" 6–8, table end 8; "b\n" 9–11.
    const { update, texts } = setup([p('a'), table([[['x']]]), p('b')]);
    expect(error(() => update({ deleteContentRange: { range: range(6, 8) } }))).toContain(
      'last newline character of a table cell',
    );
    expect(error(() => update({ deleteContentRange: { range: range(7, 10) } }))).toContain(
      'part of a table',
    );
    expect(error(() => update({ deleteContentRange: { range: range(2, 3) } }))).toContain(
      'newline character before a table',
    );
    // A whole table, or the content of a cell, may go.
    update({ deleteContentRange: { range: range(6, 7) } });
    expect(texts()).toEqual(['a', [[['']]], 'b']);
    update({ deleteContentRange: { range: range(3, 8) } });
    expect(texts()).toEqual(['a', 'b']);
  });

  it('applies a batch atomically: a bad request leaves the document as it was', () => {
    const { update, texts } = setup([p('ab')]);
    expect(
      error(() =>
        update(
          { insertText: { location: at(1), text: 'x' } },
          { deleteContentRange: { range: range(1, 9) } },
        ),
      ),
    ).toContain('Invalid requests[1].deleteContentRange');
    expect(texts()).toEqual(['ab']);
  });

  it('inserts a table after a newline it adds, and rows below a reference row', () => {
    const { update, texts, model } = setup([p('ab')]);
    update({ insertTable: { location: at(2), rows: 1, columns: 2 } });
    // "a\n" 1–3, table at 3, then "b\n".
    expect(texts()).toEqual(['a', [[[''], ['']]], 'b']);
    const t0 = model().body[1] as TableNode;
    expect(t0.columnWidths).toEqual([null, null]);
    update(
      { insertText: { location: at(6), text: 'x' } },
      {
        insertTableRow: {
          tableCellLocation: { tableStartLocation: at(3), rowIndex: 0, columnIndex: 0 },
          insertBelow: true,
        },
      },
      { insertText: { location: at(12), text: 'y' } },
    );
    expect(texts()).toEqual([
      'a',
      [
        [['x'], ['']],
        [['y'], ['']],
      ],
      'b',
    ]);
    expect(
      error(() =>
        update({
          insertTableRow: {
            tableCellLocation: { tableStartLocation: at(4), rowIndex: 0, columnIndex: 0 },
            insertBelow: true,
          },
        }),
      ),
    ).toContain('Invalid table start location');
  });

  it('styles text, paragraphs, cells, rows, columns, the header row and the page', () => {
    const { update, model } = setup([p('ab'), table([[['x']], [['y']]]), p('')]);
    const tableStartLocation = at(4);
    update(
      {
        updateTextStyle: {
          range: range(1, 2),
          textStyle: { bold: true, fontSize: { magnitude: 20, unit: 'PT' } },
          fields: 'bold,fontSize',
        },
      },
      {
        updateParagraphStyle: {
          range: range(2, 3),
          paragraphStyle: {
            alignment: 'JUSTIFIED',
            spaceBelow: { magnitude: 6, unit: 'PT' },
            lineSpacing: 115,
          },
          fields: 'alignment,spaceBelow,lineSpacing',
        },
      },
      {
        updateTableCellStyle: {
          tableRange: {
            tableCellLocation: { tableStartLocation, rowIndex: 0, columnIndex: 0 },
            rowSpan: 1,
            columnSpan: 1,
          },
          tableCellStyle: {
            backgroundColor: { color: { rgbColor: { red: 1, green: 1 } } },
            contentAlignment: 'MIDDLE',
          },
          fields: 'backgroundColor,contentAlignment',
        },
      },
      {
        updateTableRowStyle: {
          tableStartLocation,
          rowIndices: [1],
          tableRowStyle: { minRowHeight: { magnitude: 30, unit: 'PT' } },
          fields: 'minRowHeight',
        },
      },
      {
        updateTableColumnProperties: {
          tableStartLocation,
          columnIndices: [0],
          tableColumnProperties: {
            widthType: 'FIXED_WIDTH',
            width: { magnitude: 120, unit: 'PT' },
          },
          fields: 'width,widthType',
        },
      },
      { pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: 1 } },
      {
        updateDocumentStyle: {
          documentStyle: { marginLeft: { magnitude: 85, unit: 'PT' } },
          fields: 'marginLeft',
        },
      },
    );
    const m = model();
    const para = m.body[0] as ParagraphNode;
    expect(para.children[0]).toEqual({
      type: 'text',
      runs: [
        { text: 'a', style: { bold: true, fontSize: 20 } },
        { text: 'b', style: {} },
      ],
    });
    expect(para.style).toEqual({ alignment: 'JUSTIFY', spacingAfter: 6, lineSpacing: 1.15 });
    const t = m.body[1] as TableNode;
    expect(t.rows[0].cells[0]).toMatchObject({
      backgroundColor: '#ffff00',
      verticalAlignment: 'CENTER',
    });
    expect(t.rows[1].minimumHeight).toBe(30);
    expect(t.columnWidths).toEqual([120]);
    expect(t.headerRows).toBe(1);
    expect(m.marginLeft).toBe(85);
  });

  it('resets fields named in the mask and left unset; "*" names every field', () => {
    const { update, model } = setup([p('ab', { bold: true, italic: true })]);
    update({ updateTextStyle: { range: range(1, 3), textStyle: {}, fields: 'bold' } });
    expect((model().body[0] as ParagraphNode).children[0]).toMatchObject({
      runs: [{ style: { italic: true } }],
    });
    update({
      updateTextStyle: { range: range(1, 3), textStyle: { underline: true }, fields: '*' },
    });
    expect((model().body[0] as ParagraphNode).children[0]).toMatchObject({
      runs: [{ style: { underline: true } }],
    });
    expect(
      error(() => update({ updateTextStyle: { range: range(1, 3), textStyle: {}, fields: '' } })),
    ).toContain("At least one field must be listed in 'fields'");
  });

  it('refuses a column narrower than 5 points', () => {
    const { update } = setup([p('a'), table([[['x']]]), p('')]);
    expect(
      error(() =>
        update({
          updateTableColumnProperties: {
            tableStartLocation: at(3),
            columnIndices: [0],
            tableColumnProperties: {
              widthType: 'FIXED_WIDTH',
              width: { magnitude: 4, unit: 'PT' },
            },
            fields: 'width,widthType',
          },
        }),
      ),
    ).toContain('at least 5 points');
  });

  it('creates and deletes bullets; a page break brings its own newline', () => {
    const { update, model, texts } = setup([p('a'), p('b'), p('c')]);
    update(
      {
        createParagraphBullets: {
          range: range(1, 5),
          bulletPreset: 'NUMBERED_DECIMAL_ALPHA_ROMAN',
        },
      },
      { deleteParagraphBullets: { range: range(3, 4) } },
      { insertPageBreak: { location: at(5) } },
    );
    const m = model();
    expect(m.body.map((b) => b.type)).toEqual(['listItem', 'paragraph', 'paragraph', 'paragraph']);
    expect(m.body[0]).toMatchObject({ glyphType: 'NUMBER', nestingLevel: 0 });
    expect((m.body[2] as ParagraphNode).children).toEqual([{ type: 'pageBreak' }]);
    expect(texts()).toEqual(['a', 'b', '', 'c']);
  });

  it('refuses page breaks in headers and in tables, and unknown segments', () => {
    const { update } = setup([p('a'), table([[['x']]]), p('')], { header: [p('h')] });
    expect(error(() => update({ insertPageBreak: { location: at(6) } }))).toContain(
      'inside a table',
    );
    expect(
      error(() =>
        update({ insertPageBreak: { location: { index: 0, segmentId: 'kix.header0' } } }),
      ),
    ).toContain('header or footer');
    expect(
      error(() =>
        update({ insertText: { location: { index: 0, segmentId: 'kix.nope' }, text: 'x' } }),
      ),
    ).toContain('Segment with ID kix.nope was not found');
  });

  // InsertSectionBreakRequest / UpdateSectionStyleRequest and SectionStyle:
  // https://developers.google.com/docs/api/reference/rest/v1/documents/request#insertsectionbreakrequest,
  // https://developers.google.com/docs/api/reference/rest/v1/documents#sectionstyle.
  it('inserts a section break after a newline it adds, and styles the section after it', () => {
    const { update, get, model, texts } = setup([p('ab')]);
    update(
      { insertSectionBreak: { location: at(2), sectionType: 'NEXT_PAGE' } },
      {
        updateSectionStyle: {
          range: range(4, 5),
          sectionStyle: { pageNumberStart: 1, useFirstPageHeaderFooter: true },
          fields: 'pageNumberStart,useFirstPageHeaderFooter',
        },
      },
    );
    expect(texts()).toEqual(['a', '(section break)', 'b']);
    expect(model().body[1]).toEqual({
      type: 'sectionBreak',
      style: { pageNumberStart: 1, useFirstPageHeaderFooter: true },
    });
    const content = get().body?.content ?? [];
    expect(content.map((e) => [e.startIndex ?? 0, e.endIndex])).toEqual([
      [0, 1],
      [1, 3],
      [3, 4],
      [4, 6],
    ]);
    expect(content[2].sectionBreak?.sectionStyle).toMatchObject({
      sectionType: 'NEXT_PAGE',
      pageNumberStart: 1,
      useFirstPageHeaderFooter: true,
    });
    // The break goes with the newline before it; that newline alone may not go.
    expect(error(() => update({ deleteContentRange: { range: range(2, 3) } }))).toContain(
      'section break',
    );
    update({ deleteContentRange: { range: range(2, 4) } });
    expect(texts()).toEqual(['ab']);
  });

  it('refuses what Google refuses in section breaks and section styles', () => {
    const { update } = setup([p('a'), table([[['x']]]), p('b')], { header: [p('h')] });
    const brk = (index: number, sectionType = 'NEXT_PAGE', segmentId?: string) =>
      update({
        insertSectionBreak: { location: { index, segmentId }, sectionType },
      } as unknown as Request);
    expect(error(() => brk(6))).toContain('inside a table');
    expect(error(() => brk(0, 'NEXT_PAGE', 'kix.header0'))).toContain('header');
    expect(error(() => brk(1, 'SECTION_TYPE_UNSPECIFIED'))).toContain('sectionType');
    expect(error(() => brk(1, 'CONTINUOUS'))).toContain('not emulated');
    brk(1);
    // The second section now starts at index 2 (the break), its first paragraph "a" at 3.
    const style = (sectionStyle: object, fields: string, r = range(3, 4)) =>
      update({ updateSectionStyle: { range: r, sectionStyle, fields } } as unknown as Request);
    expect(error(() => style({}, 'pageNumberStart'))).toContain('concrete value');
    expect(error(() => style({ pageNumberStart: 1.5 }, 'pageNumberStart'))).toContain(
      'concrete value',
    );
    expect(error(() => style({}, 'useFirstPageHeaderFooter'))).toContain('concrete value');
    expect(error(() => style({ pageNumberStart: 1 }, ''))).toContain('At least one field');
    expect(error(() => style({ pageNumberStart: 1 }, 'pageStart'))).toContain('Invalid field');
    expect(error(() => style({}, 'defaultHeaderId'))).toContain('read-only');
    expect(error(() => style({ pageNumberStart: 1 }, 'pageNumberStart', range(1, 2)))).toContain(
      'first section',
    );
    style({ pageNumberStart: 1 }, 'pageNumberStart');
  });

  it('says plainly what it does not emulate', () => {
    const { update } = setup([p('a')]);
    expect(error(() => update({ createNamedRange: {} } as unknown as Request))).toContain(
      'Local Docs API: request createNamedRange is not emulated',
    );
  });

  it('counts one call per batch, however many requests it holds', () => {
    const { update, log } = setup([p('')]);
    update(
      ...Array.from({ length: 50 }, (): Request => ({
        insertText: { location: at(1), text: 'x' },
      })),
    );
    expect(log.count('Docs', 'Documents.batchUpdate')).toBe(1);
  });
});
