import fc from 'fast-check';
import {
  checkTemplate,
  expandTemplate,
  keyed,
  parseTemplate,
  placeholderKey,
  type Schema,
  type Scope,
  type TplNode,
} from '../../../src/core/template';
import { applyPlan, para, table } from './apply';

const schema: Schema = [
  { name: 'ชื่อหน่วยงาน', kind: 'text', description: '' },
  { name: 'โทรศัพท์', kind: 'text', description: '' },
  { name: 'เลขที่หนังสือ', kind: 'text', description: '' },
  { name: 'คะแนน EIT ส่วนที่ ๑', kind: 'text', description: '' },
  { name: 'แผนภูมิคะแนน', kind: 'image', description: '' },
  { name: 'รักษาราชการ', kind: 'flag', description: '' },
  {
    name: 'มาตรการ',
    kind: 'list',
    description: '',
    item: [
      { name: 'มาตรการ/กิจกรรม', kind: 'text', description: '' },
      { name: 'ขั้นตอน/วิธีการ', kind: 'text', description: '' },
    ],
  },
  {
    name: 'ตัวชี้วัด',
    kind: 'list',
    description: '',
    item: [
      { name: 'ชื่อ', kind: 'text', description: '' },
      {
        name: 'ข้อเสนอแนะ',
        kind: 'list',
        description: '',
        item: [{ name: 'ข้อ', kind: 'text', description: '' }],
      },
    ],
  },
];

function fill(body: TplNode[], data: Scope) {
  const parsed = parseTemplate({ body });
  expect(parsed.problems).toEqual([]);
  expect(checkTemplate(parsed, schema)).toEqual([]);
  return applyPlan({ body }, expandTemplate(parsed, keyed(data)));
}

function problems(body: TplNode[]) {
  const parsed = parseTemplate({ body });
  return [...parsed.problems, ...checkTemplate(parsed, schema)];
}

describe('template values', () => {
  it('inserts values literally: $, backslashes, braces and formulas arrive unchanged', () => {
    const value = 'อบต. $1 \\1 $& {{โทรศัพท์}} =SUM(A1)';
    expect(fill([para('ชื่อ {{ชื่อหน่วยงาน}} จบ')], { ชื่อหน่วยงาน: value, โทรศัพท์: 'X' })).toEqual([
      `ชื่อ ${value} จบ`,
    ]);
  });

  it('matches names ignoring spaces and Thai versus Arabic digits', () => {
    expect(placeholderKey(' คะแนน  EIT ส่วนที่ 1 ')).toBe(placeholderKey('คะแนน EIT ส่วนที่ ๑'));
    expect(fill([para('{{ คะแนน EIT ส่วนที่ 1 }}')], { 'คะแนน EIT ส่วนที่ ๑': '๘๑.๖๖' })).toEqual([
      '๘๑.๖๖',
    ]);
  });

  it('joins the lines of a value in running text and splits them in a paragraph of its own', () => {
    const data = { ชื่อหน่วยงาน: 'บรรทัดหนึ่ง\n- บรรทัดสอง\n' };
    expect(fill([para('ก {{ชื่อหน่วยงาน}}')], data)).toEqual(['ก บรรทัดหนึ่ง - บรรทัดสอง']);
    expect(fill([para('{{ชื่อหน่วยงาน}}')], data)).toEqual(['บรรทัดหนึ่ง', '- บรรทัดสอง']);
  });

  it('replaces a chart placeholder by an image', () => {
    const png = new Uint8Array([1]);
    const out = fill([para('{{แผนภูมิคะแนน}}')], {
      แผนภูมิคะแนน: { kind: 'image', png, width: 1, height: 1, altTitle: 'chart' },
    });
    expect(out).toEqual([{ image: 'chart', text: '' }]);
  });
});

describe('template blocks', () => {
  it('shows an inline block only when its value is present, and an inverted block otherwise', () => {
    const body = [
      para('ส่วนราชการ ก{{#โทรศัพท์}} โทร. {{โทรศัพท์}}{{/โทรศัพท์}}'),
      para('ที่ {{เลขที่หนังสือ}}{{^เลขที่หนังสือ}}........{{/เลขที่หนังสือ}}'),
    ];
    expect(fill(body, { โทรศัพท์: '053 000 000', เลขที่หนังสือ: 'ชม 123/2568' })).toEqual([
      'ส่วนราชการ ก โทร. 053 000 000',
      'ที่ ชม 123/2568',
    ]);
    expect(fill(body, { โทรศัพท์: '', เลขที่หนังสือ: ' ' })).toEqual(['ส่วนราชการ ก', 'ที่ ........']);
  });

  it('repeats paragraphs between standalone tags for each item, nested lists included', () => {
    const body = [
      para('ก่อน'),
      para('{{#ตัวชี้วัด}}'),
      para('ตัวชี้วัด {{ชื่อ}} ({{ชื่อหน่วยงาน}})'),
      para('{{#ข้อเสนอแนะ}}'),
      para('- {{ข้อ}}'),
      para('{{/ข้อเสนอแนะ}}'),
      para('{{/ตัวชี้วัด}}'),
      para('หลัง'),
    ];
    const data = {
      ชื่อหน่วยงาน: 'อบต.',
      ตัวชี้วัด: [
        { ชื่อ: 'หนึ่ง', ข้อเสนอแนะ: [{ ข้อ: 'i1' }, { ข้อ: 'i2' }] },
        { ชื่อ: 'สอง', ข้อเสนอแนะ: [] },
      ],
    };
    expect(fill(body, data)).toEqual([
      'ก่อน',
      'ตัวชี้วัด หนึ่ง (อบต.)',
      '- i1',
      '- i2',
      'ตัวชี้วัด สอง (อบต.)',
      'หลัง',
    ]);
    expect(fill(body, { ตัวชี้วัด: [] })).toEqual(['ก่อน', 'หลัง']);
  });

  it('repeats a table row whose cells hold the block tags, keeping the header row', () => {
    const body = [
      table([
        [['มาตรการ'], ['วิธีการ']],
        [['{{#มาตรการ}}{{มาตรการ/กิจกรรม}}'], ['{{ขั้นตอน/วิธีการ}}{{/มาตรการ}}']],
      ]),
    ];
    const out = fill(body, {
      มาตรการ: [
        { 'มาตรการ/กิจกรรม': 'ก', 'ขั้นตอน/วิธีการ': '- หนึ่ง\n- สอง' },
        { 'มาตรการ/กิจกรรม': 'ข', 'ขั้นตอน/วิธีการ': 'สาม' },
      ],
    });
    expect(out).toEqual([
      {
        table: [
          [['มาตรการ'], ['วิธีการ']],
          [['ก'], ['- หนึ่ง - สอง']],
          [['ข'], ['สาม']],
        ],
      },
    ]);
  });

  it('drops a table whose rows are all inside an empty block', () => {
    const body = [para('ก'), table([[['{{#มาตรการ}}{{มาตรการ/กิจกรรม}}'], ['{{/มาตรการ}}']]])];
    expect(fill(body, { มาตรการ: [] })).toEqual(['ก']);
  });
});

describe('template problems', () => {
  const rules = (body: TplNode[]) => problems(body).map((p) => p.rule);

  it('names an unknown placeholder with a suggestion and its location', () => {
    const [p] = problems([para('x'), para('ส่วนราชการ {{ชื่อหน่วยงน}}')]);
    expect(p.rule).toBe('template-unknown-placeholder');
    expect(p.message).toContain('{{ชื่อหน่วยงาน}}');
    expect(p.location).toContain('ย่อหน้าที่ 2');
  });

  it('finds names only inside their list', () => {
    expect(rules([para('{{ชื่อ}}')])).toEqual(['template-outside-block']);
    expect(rules([para('{{ไม่มีชื่อนี้เลย}}')])).toEqual(['template-unknown-placeholder']);
    expect(rules([para('{{#ตัวชี้วัด}}'), para('{{ชื่อ}}'), para('{{/ตัวชี้วัด}}')])).toEqual([]);
  });

  it('reports unclosed, stray, crossed and misplaced blocks', () => {
    expect(rules([para('{{#มาตรการ}}'), para('a')])).toEqual(['template-unclosed']);
    expect(rules([para('a'), para('{{/มาตรการ}}')])).toEqual(['template-stray-close']);
    expect(
      rules([para('{{#มาตรการ}}'), para('{{#ตัวชี้วัด}}'), para('{{/มาตรการ}}'), para('{{/ตัวชี้วัด}}')]),
    ).toContain('template-crossed');
    expect(rules([para('{{#มาตรการ}} ข้อความ'), para('{{/มาตรการ}}')])).toEqual([
      'template-block-not-alone',
    ]);
    expect(rules([para('{{มาตรการ}}')])).toEqual(['template-list-as-value']);
    expect(rules([para('ดู {{แผนภูมิคะแนน}}')])).toEqual(['template-image-not-alone']);
    expect(rules([para('{{ชื่อหน่วยงาน}')])).toEqual(['template-stray-braces']);
    expect(rules([para('{{#โทรศัพท์}}{{#รักษาราชการ}}{{/โทรศัพท์}}{{/รักษาราชการ}}')])).toContain(
      'template-crossed',
    );
  });

  it('reports a block left open in a table', () => {
    const p = problems([table([[['{{#มาตรการ}}{{มาตรการ/กิจกรรม}}']], [['x']]])]);
    expect(p.map((x) => x.rule)).toEqual(['template-unclosed', 'template-outside-block']);
    expect(p[0].location).toContain('ตาราง');
    expect(p[1].message).toContain('{{#มาตรการ}}');
  });

  it('never throws on arbitrary text', () => {
    const text = fc.stringMatching(/^[{}#^/ กขa-c\n]{0,30}$/);
    fc.assert(
      fc.property(
        fc.array(fc.array(text, { minLength: 1, maxLength: 2 }), { maxLength: 6 }),
        (paras) => {
          const body: TplNode[] = paras.map((texts) => ({
            kind: 'para',
            texts: texts.map((t, i) => ({ child: i, text: t })),
            other: false,
          }));
          const parsed = parseTemplate({ body });
          checkTemplate(parsed, schema);
          expandTemplate(parsed, {});
        },
      ),
    );
  });
});

describe('row blocks with their tags in paragraphs of their own', () => {
  it('drops the marker paragraphs and keeps multi-line values as paragraphs', () => {
    const body = [
      table([
        [['หัว'], ['ผล']],
        [
          ['{{#มาตรการ}}', '{{มาตรการ/กิจกรรม}}'],
          ['{{ขั้นตอน/วิธีการ}}', '{{/มาตรการ}}'],
        ],
      ]),
    ];
    const out = fill(body, { มาตรการ: [{ 'มาตรการ/กิจกรรม': 'ก', 'ขั้นตอน/วิธีการ': '- หนึ่ง\n- สอง' }] });
    expect(out).toEqual([
      {
        table: [
          [['หัว'], ['ผล']],
          [['ก'], ['- หนึ่ง', '- สอง']],
        ],
      },
    ]);
  });
});
