// The built-in template written by one documents.batchUpdate (core/memo/builtin-template-requests),
// applied by the local Docs service to a new, empty Doc.
import { readDocsTemplate } from '../../../src/core/docs/read';
import { builtinTemplate, memoContent } from '../../../src/core/memo';
import { PAGE, SIZE } from '../../../src/core/memo/builtin-template';
import { builtinTemplateRequests } from '../../../src/core/memo/builtin-template-requests';
import { checkTemplate, parseTemplate } from '../../../src/core/template';
import { withDigits } from '../../../src/core/thai/digits';
import { readWorkbook } from '../../../src/core/workbook';
import {
  emptyDocModel,
  inlineText,
  type BlockNode,
  type ParagraphNode,
  type TableNode,
} from '../../../src/local/docmodel';
import { applyRequests } from '../../../src/local/services/docs-api/apply';
import { documentJson } from '../../../src/local/services/docs-api/json';
import { seedTabs } from '../../fixtures/seed-workbook';

const CM = 72 / 2.54;

function written(digits: 'thai' | 'arabic' = 'thai') {
  const model = emptyDocModel('t', 't');
  const requests = builtinTemplateRequests(builtinTemplate(), digits);
  applyRequests(model, requests);
  return { model, requests };
}

const paragraphs = (blocks: BlockNode[]) =>
  blocks.filter((b): b is ParagraphNode => b.type === 'paragraph');

describe('the built-in template as Docs API requests', () => {
  const { model, requests } = written();
  const spec = builtinTemplate();

  it('sets A4 with the official margins', () => {
    expect(model.pageWidth).toBeCloseTo(PAGE.width * CM, 6);
    expect(model.pageHeight).toBeCloseTo(PAGE.height * CM, 6);
    expect([model.marginTop, model.marginBottom, model.marginLeft, model.marginRight]).toEqual(
      [PAGE.top, PAGE.bottom, PAGE.left, PAGE.right].map((v) => v * CM),
    );
  });

  it("writes every block of the spec in order, then the Doc's own last paragraph", () => {
    expect(model.body).toHaveLength(spec.length + 1);
    spec.forEach((block, i) => {
      const b = model.body[i];
      if (block.type === 'table') expect(b.type).toBe('table');
      else if (block.type === 'pageBreak')
        expect('children' in b && b.children.map((c) => c.type)).toEqual(['pageBreak']);
      else if (block.type === 'sectionBreak') expect(b.type).toBe('sectionBreak');
      else
        expect('children' in b && inlineText(b.children)).toBe(
          block.spans.map((s) => withDigits(s.text, 'thai')).join(''),
        );
    });
  });

  it('styles paragraphs as the spec says: alignment, indents, spacing, keep with next, spans', () => {
    spec.forEach((block, i) => {
      if (block.type !== 'p') return;
      const b = model.body[i] as ParagraphNode;
      expect(b.style).toMatchObject({
        alignment: { left: 'LEFT', center: 'CENTER', right: 'RIGHT', justify: 'JUSTIFY' }[
          block.align ?? 'left'
        ],
        spacingBefore: block.before ?? 0,
        spacingAfter: block.after ?? 0,
        lineSpacing: 1,
      });
      expect(b.style.indentStart).toBeCloseTo((block.indent ?? 0) * CM, 6);
      expect(b.style.indentFirstLine).toBeCloseTo((block.firstLine ?? block.indent ?? 0) * CM, 6);
      expect(b.style.keepWithNext ?? false).toBe(!!block.keepWithNext);
      const runs = b.children.flatMap((c) => (c.type === 'text' ? c.runs : []));
      const expected = block.spans
        .filter((s) => s.text)
        .map((s) => ({ fontFamily: 'Sarabun', fontSize: s.size ?? SIZE.body, bold: !!s.bold }));
      // Neighbouring spans of one style are one run.
      expect(runs.map((r) => r.style)).toEqual(
        expected.filter((s, k) => k === 0 || JSON.stringify(s) !== JSON.stringify(expected[k - 1])),
      );
    });
  });

  it('writes the measures table with its widths, borders, cell styles and a pinned header row', () => {
    const t = model.body.find(
      (b): b is TableNode => b.type === 'table' && b.rows.length > 1,
    ) as TableNode;
    const tableSpec = spec.find((b) => b.type === 'table' && !b.form);
    if (tableSpec?.type !== 'table') throw new Error('no table in the spec');
    expect(t.columnWidths.map((w) => (w ?? 0) / CM)).toEqual(
      tableSpec.widths.map((w) => expect.closeTo(w, 6)),
    );
    expect(t.headerRows).toBe(1);
    expect(t.borderWidth).toBe(0.75);
    expect(t.borderColor).toBe('#000000');
    t.rows[0].cells.forEach((cell, c) => {
      expect(cell).toMatchObject({
        backgroundColor: '#e8eef7',
        verticalAlignment: 'TOP',
        paddingTop: 2,
        paddingBottom: 2,
        paddingLeft: 4,
        paddingRight: 4,
      });
      const para = cell.children[0] as ParagraphNode;
      expect(inlineText(para.children)).toBe(tableSpec.rows[0][c][0]);
      expect(para.style.alignment).toBe('CENTER');
      expect(para.children[0]).toMatchObject({
        runs: [{ style: { bold: true, fontSize: SIZE.table } }],
      });
    });
    expect(
      t.rows[1].cells.map((c) => paragraphs(c.children).map((p) => inlineText(p.children))),
    ).toEqual(tableSpec.rows[1]);
    expect(t.rows[1].cells[0].backgroundColor).toBeUndefined();
  });

  it('is one batch that reads back as a valid template for the memo schema', () => {
    expect(requests.length).toBeGreaterThan(100);
    const parsed = parseTemplate(readDocsTemplate(documentJson(model, 't') as never));
    const content = memoContent(readWorkbook(seedTabs('corrected')).data);
    expect(parsed.problems).toEqual([]);
    expect(checkTemplate(parsed, content.schema)).toEqual([]);
  });

  it("writes digits the office's way", () => {
    const arabic = written('arabic').model;
    const texts = paragraphs(arabic.body)
      .map((p) => inlineText(p.children))
      .join('\n');
    expect(texts).toContain('พ.ศ. 2540');
    expect(texts).not.toMatch(/[๐-๙]/);
  });
});
