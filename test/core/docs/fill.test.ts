// The fill as Docs API requests (core/docs/fill.ts), applied by the local Docs service: the text
// comes out as the plan says, values stay literal, styles are those of the template elements.
import fc from 'fast-check';
import { insertable } from '../../../src/core/docs/build';
import { keyed, type Schema, type Scope } from '../../../src/core/template';
import type { BlockNode, ParagraphNode, TableNode } from '../../../src/local/docmodel';
import { applyNodes } from '../template/apply';
import { fillModel, json, model, outline, p, table, withoutEmpty } from './helpers';
import { readDocsTemplate } from '../../../src/core/docs/read';
import { fillRequests } from '../../../src/core/docs/fill';
import { expandTemplate, parseTemplate } from '../../../src/core/template';
import { applyRequests } from '../../../src/local/services/docs-api/apply';

const schema: Schema = [
  { name: 'ก', kind: 'text', description: '' },
  { name: 'ข', kind: 'text', description: '' },
  { name: 'มี', kind: 'flag', description: '' },
  { name: 'ภาพ', kind: 'image', description: '' },
  {
    name: 'รายการ',
    kind: 'list',
    description: '',
    item: [
      { name: 'ชื่อ', kind: 'text', description: '' },
      { name: 'หมายเหตุ', kind: 'text', description: '' },
    ],
  },
];

const bold = { bold: true, fontSize: 14, fontFamily: 'Sarabun' };

function texts(blocks: BlockNode[]): string[] {
  return outline(blocks).map((o) => (typeof o === 'string' ? o : '<table>'));
}

describe('filling through documents.batchUpdate', () => {
  it('inserts values literally: $, backslashes, braces and formulas arrive unchanged', () => {
    const value = 'อบต. $1 \\1 $& {{ข}} =SUM(A1) 😀';
    const { filled } = fillModel(model([p('ชื่อ {{ก}} จบ')]), schema, keyed({ ก: value, ข: 'X' }));
    expect(texts(filled.body)).toEqual([`ชื่อ ${value} จบ`]);
  });

  it('gives a value the style of its tag and keeps the template text around it', () => {
    const m = model([
      {
        type: 'paragraph',
        style: { alignment: 'CENTER' },
        textStyle: {},
        children: [
          {
            type: 'text',
            runs: [
              { text: 'เรื่อง ', style: {} },
              { text: '{{ก}}', style: bold },
            ],
          },
        ],
      },
    ]);
    const { filled } = fillModel(m, schema, keyed({ ก: 'รายงาน' }));
    const para = filled.body[0] as ParagraphNode;
    expect(para.style.alignment).toBe('CENTER');
    expect(para.children).toEqual([
      {
        type: 'text',
        runs: [
          { text: 'เรื่อง ', style: {} },
          { text: 'รายงาน', style: bold },
        ],
      },
    ]);
  });

  it('repeats paragraphs with their styles and removes the block tags', () => {
    const item: ParagraphNode = {
      ...p('{{ชื่อ}} ({{หมายเหตุ}})', bold),
      style: { alignment: 'RIGHT', indentStart: 36, keepWithNext: true },
    };
    const m = model([p('ก่อน'), p('{{#รายการ}}'), item, p('{{/รายการ}}'), p('หลัง')]);
    const data = keyed({
      รายการ: [
        { ชื่อ: 'หนึ่ง', หมายเหตุ: 'ก' },
        { ชื่อ: 'สอง', หมายเหตุ: 'ข' },
        { ชื่อ: 'สาม', หมายเหตุ: 'ค' },
      ],
    });
    const { filled } = fillModel(m, schema, data);
    expect(texts(filled.body)).toEqual(['ก่อน', 'หนึ่ง (ก)', 'สอง (ข)', 'สาม (ค)', 'หลัง']);
    for (const b of filled.body.slice(1, 4)) {
      const para = b as ParagraphNode;
      expect(para.style).toEqual(item.style);
      expect(para.children[0]).toMatchObject({ runs: [{ style: bold }] });
    }
  });

  it('repeats table rows under the header, cells and their paragraphs styled like the template row', () => {
    const t = table([
      [['หัว 1'], ['หัว 2']],
      [
        ['{{#รายการ}}', '{{ชื่อ}}'],
        ['{{หมายเหตุ}}', '{{/รายการ}}'],
      ],
    ]) as TableNode;
    t.headerRows = 1;
    t.columnWidths = [100, 200];
    t.rows[1].cells[1].backgroundColor = '#e8eef7';
    t.rows[1].cells[1].paddingTop = 2;
    (t.rows[1].cells[0].children[1] as ParagraphNode).style = { alignment: 'CENTER' };
    const data = keyed({
      รายการ: [
        { ชื่อ: 'ก', หมายเหตุ: 'บรรทัด 1\nบรรทัด 2' },
        { ชื่อ: 'ข', หมายเหตุ: '' },
      ],
    });
    const { filled } = fillModel(model([p('ตาราง'), t, p('')]), schema, data);
    const out = filled.body[1] as TableNode;
    expect(outline([out])).toEqual([
      {
        table: [
          [['หัว 1'], ['หัว 2']],
          [['ก'], ['บรรทัด 1', 'บรรทัด 2']],
          [['ข'], ['']],
        ],
      },
    ]);
    expect(out.headerRows).toBe(1);
    expect(out.columnWidths).toEqual([100, 200]);
    for (const row of out.rows.slice(1)) {
      expect(row.cells[1]).toMatchObject({ backgroundColor: '#e8eef7', paddingTop: 2 });
      expect((row.cells[0].children[0] as ParagraphNode).style.alignment).toBe('CENTER');
    }
  });

  it('drops an optional part and keeps the paragraph before a table', () => {
    const m = model([p('{{#มี}}'), p('ซ่อน'), p('{{/มี}}'), table([[['{{ก}}']]]), p('จบ')]);
    const { filled } = fillModel(m, schema, keyed({ มี: false, ก: 'ค่า' }));
    // The paragraph before the table cannot go (Docs keeps one there): it is left empty.
    expect(outline(filled.body)).toEqual(['', { table: [[['ค่า']]] }, 'จบ']);
  });

  it("repeats a whole table with Docs' paragraph between the copies", () => {
    const m = model([p('{{#รายการ}}'), table([[['{{ชื่อ}}']]]), p('{{/รายการ}}'), p('จบ')]);
    const data = keyed({ รายการ: [{ ชื่อ: 'หนึ่ง' }, { ชื่อ: 'สอง' }] });
    const { filled } = fillModel(m, schema, data);
    expect(withoutEmpty(outline(filled.body))).toEqual([
      { table: [[['หนึ่ง']]] },
      { table: [[['สอง']]] },
      'จบ',
    ]);
  });

  it('fills headers in their own index space', () => {
    const m = model([p('{{ก}}')], [p('หัวกระดาษ {{ข}}')]);
    const { filled } = fillModel(m, schema, keyed({ ก: 'เนื้อ', ข: 'หัว' }));
    expect(texts(filled.body)).toEqual(['เนื้อ']);
    expect(texts(filled.header ?? [])).toEqual(['หัวกระดาษ หัว']);
  });

  it('leaves the chart placeholder empty and says where the image goes', () => {
    const png = new Uint8Array([1, 2, 3]);
    const image = { kind: 'image' as const, png, width: 10, height: 5, altTitle: 'แผนภูมิ' };
    const m = model([p('ก่อน'), table([[['x'], ['{{ภาพ}}']]]), p('{{ภาพ}}')]);
    const { filled, fill } = fillModel(m, schema, keyed({ ภาพ: image }));
    expect(outline(filled.body)).toEqual(['ก่อน', { table: [[['x'], ['']]] }, '']);
    expect(fill.images.map((i) => i.path)).toEqual([[2], [1, 0, 1, 0]]);
  });

  it('reads the template the way DocumentApp does: styled runs form one Text child', () => {
    const m = model([
      {
        type: 'paragraph',
        style: {},
        textStyle: {},
        children: [
          {
            type: 'text',
            runs: [
              { text: '{{', style: {} },
              { text: 'ก}}', style: bold },
            ],
          },
          { type: 'pageBreak' },
          { type: 'text', runs: [{ text: 'ท้าย', style: {} }] },
        ],
      },
    ]);
    expect(readDocsTemplate(json(m)).body).toEqual([
      {
        kind: 'para',
        texts: [
          { child: 0, text: '{{ก}}' },
          { child: 2, text: 'ท้าย' },
        ],
        other: true,
      },
    ]);
  });
});

describe('reading what Google sends', () => {
  it('takes a missing startIndex as 0 (proto3 JSON leaves zeros out)', () => {
    const doc = {
      body: {
        content: [
          { endIndex: 1, sectionBreak: {} },
          {
            startIndex: 1,
            endIndex: 3,
            paragraph: { elements: [{ startIndex: 1, endIndex: 3, textRun: { content: 'x\n' } }] },
          },
        ],
      },
      documentStyle: { defaultHeaderId: 'kix.h' },
      headers: {
        'kix.h': {
          headerId: 'kix.h',
          content: [
            {
              endIndex: 6,
              paragraph: { elements: [{ endIndex: 6, textRun: { content: '{{ก}}\n' } }] },
            },
          ],
        },
      },
    };
    const tree = readDocsTemplate(doc);
    expect(tree.header).toEqual([
      { kind: 'para', texts: [{ child: 0, text: '{{ก}}' }], other: false },
    ]);
    const parsed = parseTemplate(tree);
    const { requests } = fillRequests(doc, expandTemplate(parsed, keyed({ ก: 'ค่า' })));
    expect(requests.slice(0, 2)).toEqual([
      { deleteContentRange: { range: { startIndex: 0, endIndex: 5, segmentId: 'kix.h' } } },
      { insertText: { location: { index: 0, segmentId: 'kix.h' }, text: 'ค่า' } },
    ]);
  });
});

// ---- Property: the requests give the text the plan says ------------------------------------

/** Values staff might type, including what Docs strips (control characters, private use). */
const value = fc
  .array(
    fc.constantFrom(
      'ก',
      'ข้อ',
      ' ',
      'a',
      '$1',
      '\\',
      '{{',
      '}}',
      '=SUM(',
      '😀',
      '\t',
      '\n',
      '\u0001',
      '\uE000',
      '๒๕๖๘',
    ),
    { maxLength: 6 },
  )
  .map((parts) => parts.join(''));

const inlineTemplate = fc
  .array(
    fc.constantFrom('ข้อความ ', 'x', '{{ก}}', '{{ข}}', '{{#มี}}มี{{/มี}}', '{{^ข}}ว่าง{{/ข}}', ' 😀 '),
    { maxLength: 4 },
  )
  .map((parts) => parts.join(''));

type Piece = BlockNode[];

const paragraphPiece: fc.Arbitrary<Piece> = inlineTemplate.map((t) => [p(t)]);
const standalonePiece: fc.Arbitrary<Piece> = fc.constantFrom([p('{{ก}}')], [p('{{ข}}')]);
const li = (text: string): BlockNode => ({
  ...p(text),
  type: 'listItem',
  listId: 'kix.list1',
  nestingLevel: 0,
  glyphType: 'NUMBER',
});
const pageBreak = (): BlockNode => ({ ...p(''), children: [{ type: 'pageBreak' }] });
const listPiece: fc.Arbitrary<Piece> = fc
  .array(
    fc.constantFrom<() => BlockNode>(
      () => p('{{ชื่อ}}'),
      () => p('- {{หมายเหตุ}}'),
      () => li('{{หมายเหตุ}}'),
      () => p('คงที่'),
      () => p('{{ชื่อ}} {{ก}}'),
      () => p(''),
      pageBreak,
    ),
    { minLength: 1, maxLength: 3 },
  )
  .map((inner) => [p('{{#รายการ}}'), ...inner.map((make) => make()), p('{{/รายการ}}')]);
const flagPiece: fc.Arbitrary<Piece> = inlineTemplate.map((t) => [p('{{#มี}}'), p(t), p('{{/มี}}')]);
const tablePiece: fc.Arbitrary<Piece> = fc.constantFrom(
  [
    table([
      [['หัว'], ['{{ก}}']],
      [
        ['{{#รายการ}}', '{{ชื่อ}}'],
        ['{{หมายเหตุ}}', '{{/รายการ}}'],
      ],
    ]),
  ],
  [table([[['{{#รายการ}}{{ชื่อ}}{{/รายการ}}']], [['{{ข}}']]])],
);

const templates = fc
  .array(fc.oneof(paragraphPiece, standalonePiece, listPiece, flagPiece, tablePiece), {
    minLength: 1,
    maxLength: 6,
  })
  .map((pieces) => {
    // constantFrom hands out the same objects: a document never holds one node twice.
    const body = JSON.parse(JSON.stringify(pieces.flat())) as BlockNode[];
    // A document ends with a paragraph.
    if (body[body.length - 1].type === 'table') body.push(p(''));
    return body;
  });

const data = fc.record({
  ก: value,
  ข: value,
  มี: fc.boolean(),
  รายการ: fc.array(fc.record({ ชื่อ: value, หมายเหตุ: value }), { maxLength: 4 }),
});

describe('property: filling through batchUpdate gives the text the plan says', () => {
  it('for any template and data', () => {
    fc.assert(
      fc.property(templates, data, (body, d) => {
        const m = model(body);
        const { tree, plan, fill, filled } = fillModel(m, schema, keyed(d as unknown as Scope));
        // What Docs stores: the reference applier's text without what the API strips.
        const expected = withoutEmpty(strip(applyNodes(tree.body, plan.body)));
        expect(withoutEmpty(outline(filled.body))).toEqual(expected);
        // Page breaks are re-created too.
        const breaks = (blocks: BlockNode[]) =>
          blocks.filter((b) => 'children' in b && b.children.some((c) => c.type === 'pageBreak'))
            .length;
        const planned = plan.body.filter((o) => {
          const src = body[o.src];
          return o.kind === 'para' && 'children' in src && src.children[0]?.type === 'pageBreak';
        }).length;
        expect(breaks(filled.body)).toBe(planned);
        // The service's index, patched request by request, agrees with one computed afresh.
        const stepwise = structuredClone(m);
        for (const request of fill.requests) applyRequests(stepwise, [request]);
        expect(sameLists(stepwise)).toEqual(sameLists(filled));
      }),
      { numRuns: 300 },
    );
  });
});

/** List ids renamed by first appearance (new lists get random ids). */
function sameLists(m: object): unknown {
  const ids = new Map<string, string>();
  return JSON.parse(
    JSON.stringify(m, (k, v) => {
      if (k !== 'listId') return v;
      if (!ids.has(v)) ids.set(v, `list${ids.size}`);
      return ids.get(v);
    }),
  );
}

function strip(out: ReturnType<typeof applyNodes>): ReturnType<typeof applyNodes> {
  return out.map((o) =>
    typeof o === 'string'
      ? insertable(o)
      : 'table' in o
        ? { table: o.table.map((r) => r.map((c) => strip(c))) }
        : o,
  );
}
