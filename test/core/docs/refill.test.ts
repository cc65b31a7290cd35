// Refilling a Doc in place (core/docs/refill.ts), applied by the local Docs service: the Doc ends
// as the target says, and comments anchored to text that stays keep their text.
import fc from 'fast-check';
import { align } from '../../../src/core/docs/align';
import { RefillError, refillRequests } from '../../../src/core/docs/refill';
import { reportOnlyRequests } from '../../../src/core/docs/report-part';
import { anchoredText, markText } from '../../../src/local/comment-anchors';
import type { BlockNode, DocModel, ParagraphNode } from '../../../src/local/docmodel';
import { applyRequests } from '../../../src/local/services/docs-api/apply';
import { json, model, outline, p, table } from './helpers';

/** `current` refilled towards `target` by the requests the core computes. */
function refill(current: DocModel, target: DocModel): { result: DocModel; requests: number } {
  const requests = refillRequests(json(current), json(target));
  const result = structuredClone(current);
  applyRequests(result, requests);
  return { result, requests: requests.length };
}

const bold = { bold: true };

describe('align', () => {
  it('keeps a longest common subsequence and groups the rest into gaps', () => {
    const { pairs, gaps } = align([...'abcde'], [...'axcyde'], (x, y) => x === y);
    expect(pairs).toEqual([
      [0, 0],
      [2, 2],
      [3, 4],
      [4, 5],
    ]);
    expect(gaps).toEqual([
      { a: [], b: [] },
      { a: [1], b: [1] },
      { a: [], b: [3] },
      { a: [], b: [] },
      { a: [], b: [] },
    ]);
  });
});

describe('refilling a Doc in place', () => {
  it('changes nothing when the target is the same', () => {
    const doc = model([p('ก'), table([[['x'], ['y']]]), p('ข')]);
    expect(refill(doc, structuredClone(doc)).requests).toBe(0);
  });

  it('edits a changed value in place: the words around it keep their comment', () => {
    const current = model([p('มีคะแนนในภาพรวมอยู่ที่ ๙๓.๕๓ คะแนน แยกตามเครื่องมือ')]);
    markText(current, 'kix.a', 'แยกตามเครื่องมือ');
    markText(current, 'kix.b', '๙๓.๕๓');
    const target = model([p('มีคะแนนในภาพรวมอยู่ที่ ๙๕.๐๐ คะแนน แยกตามเครื่องมือ')]);
    const { result } = refill(current, target);
    expect(outline(result.body)).toEqual(['มีคะแนนในภาพรวมอยู่ที่ ๙๕.๐๐ คะแนน แยกตามเครื่องมือ']);
    expect(anchoredText(result, 'kix.a')).toBe('แยกตามเครื่องมือ');
    // The score itself changed digit by digit: its comment keeps what stayed of it and what was
    // typed strictly inside it (the last two digits were replaced at its end).
    expect(anchoredText(result, 'kix.b')).toBe('๙๕.');
  });

  it('inserts, deletes and keeps paragraphs; styles follow the target', () => {
    const current = model([p('หนึ่ง'), p('สอง'), p('สาม'), p('สี่')]);
    markText(current, 'kix.keep', 'สาม');
    markText(current, 'kix.gone', 'สอง');
    const styled: ParagraphNode = { ...p('ห้า', bold), style: { alignment: 'CENTER' } };
    const target = model([p('หนึ่ง'), styled, p('สาม'), p('สี่')]);
    const { result } = refill(current, target);
    expect(outline(result.body)).toEqual(['หนึ่ง', 'ห้า', 'สาม', 'สี่']);
    expect(result.body[1]).toMatchObject({
      style: { alignment: 'CENTER' },
      children: [{ runs: [{ text: 'ห้า', style: { bold: true } }] }],
    });
    expect(anchoredText(result, 'kix.keep')).toBe('สาม');
    expect(anchoredText(result, 'kix.gone')).toBeNull();
  });

  it('aligns table rows: a row edited in place, one inserted, one deleted', () => {
    const row = (a: string, b: string) => [[a], [b]];
    const current = model([
      p('ก่อน'),
      table([row('หัว', 'หัว'), row('ก', 'หนึ่ง'), row('ข', 'สอง'), row('ค', 'สาม')]),
      p('หลัง'),
    ]);
    markText(current, 'kix.row', 'หนึ่ง');
    const target = model([
      p('ก่อน'),
      table([row('หัว', 'หัว'), row('ก', 'หนึ่ง (แก้)'), row('ค', 'สาม'), row('ง', 'สี่')]),
      p('หลัง'),
    ]);
    const { result } = refill(current, target);
    expect(outline(result.body)).toEqual(outline(target.body));
    expect(anchoredText(result, 'kix.row')).toBe('หนึ่ง');
  });

  it('a new first row and a table whose rows all change', () => {
    const current = model([p(''), table([[['a']], [['b']]]), p('')]);
    const target = model([p(''), table([[['x']], [['a']], [['y']]]), p('')]);
    expect(outline(refill(current, target).result.body)).toEqual(outline(target.body));
    const replaced = model([p(''), table([[['1']], [['2']]]), p('')]);
    const single = model([p(''), table([[['9']]]), p('')]);
    expect(outline(refill(replaced, single).result.body)).toEqual(outline(single.body));
  });

  it('refuses a Doc the API would never produce (a body ending with a table)', () => {
    const broken = model([p('ก'), table([[['x']]])]);
    expect(() => refillRequests(json(broken), json(model([p('ก')])))).toThrow(RefillError);
  });
});

describe('the report part', () => {
  it('cuts everything up to the first page break', () => {
    const pb = (): ParagraphNode => ({ ...p(''), children: [{ type: 'pageBreak' }] });
    const doc = model([p('บันทึก'), p('ลงนาม'), pb(), p('รายงาน'), pb(), p('ตาราง')]);
    const requests = reportOnlyRequests(json(doc));
    expect(requests).not.toBeNull();
    applyRequests(doc, requests ?? []);
    expect(outline(doc.body)).toEqual(['รายงาน', '', 'ตาราง']);
    expect(reportOnlyRequests(json(model([p('ไม่มีตัวแบ่ง')])))).toBeNull();
  });
});

// ---- Property: whatever the two documents, the refill gives the target's text, and comments on
// paragraphs that stay keep their text ----------------------------------------------------------

const word = fc.constantFrom('คะแนน', '๙๓.๕๓', 'ITA', ' ', 'การ', 'ปรับปรุง', '2568', '-', 'ก');
const line = fc.array(word, { maxLength: 6 }).map((ws) => ws.join(''));
const block: fc.Arbitrary<BlockNode> = fc.oneof(
  { weight: 4, arbitrary: line.map((t) => p(t)) },
  {
    weight: 1,
    arbitrary: fc
      .array(fc.tuple(line, line), { minLength: 1, maxLength: 4 })
      .map((rows) => table(rows.map(([a, b]) => [[a], [b]]))),
  },
);
/**
 * A body as the Docs API makes it: a paragraph before every table (insertTable puts one there, so
 * no two tables side by side and none first) and a paragraph last.
 */
const body = fc.array(block, { maxLength: 8 }).map((blocks) => {
  const out: BlockNode[] = [];
  for (const b of blocks) {
    if (b.type === 'table' && out[out.length - 1]?.type !== 'paragraph') out.push(p(''));
    out.push(b);
  }
  out.push(p('จบ'));
  return out;
});

/** Paragraph texts with the emptiness Docs may leave around inserted tables removed. */
const shape = (blocks: BlockNode[]) => JSON.stringify(outline(blocks)).replace(/"",|,""/g, '');

describe('property: a refill gives the target’s text and keeps comments on what stays', () => {
  it('for any two bodies', () => {
    fc.assert(
      fc.property(body, body, (a, b) => {
        const current = model(a);
        // A comment on the last paragraph, which is the same on both sides.
        markText(current, 'kix.end', 'จบ');
        const { result } = refill(current, model(b));
        expect(shape(result.body)).toBe(shape(b));
        expect(anchoredText(result, 'kix.end')).toBe('จบ');
      }),
      { numRuns: Number(process.env.FC_RUNS ?? 150) },
    );
  });
});
