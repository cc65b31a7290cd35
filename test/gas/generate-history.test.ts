// A workbook with ผลย้อนหลัง for 2566 and 2567: the memo's report states the ITA change from
// 2567 in Thai digits, with the comparison table and the trend chart.
import { inlineText, type BlockNode, type DocModel } from '../../src/local/docmodel';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { historyTab, RISING } from '../fixtures/history';
import { cleanupTempDirs } from '../local/helpers';
import { runtimeOn } from './harness';

afterAll(cleanupTempDirs);

const idOf = (url: string) => (/\/d\/([^/]+)/.exec(url) as RegExpExecArray)[1];

function paragraphs(blocks: BlockNode[]): string[] {
  return blocks.flatMap((b) => ('children' in b ? [inlineText(b.children)] : []));
}

describe('generating the memo from a workbook with ผลย้อนหลัง', () => {
  let model: DocModel;
  let text: string[];

  beforeAll(async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const rows = historyTab(RISING);
    const sheet = rt.spreadsheet.insertSheet('ผลย้อนหลัง');
    sheet.getRange(1, 1, rows.length, rows[0].length).setValues(rows);
    const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
    if (result.status !== 'done') throw new Error(JSON.stringify(result));
    model = rt.drive.readModel(idOf(result.links.docUrl));
    text = paragraphs(model.body);
  });

  it('states the change of the ITA from 2567 in Thai digits', () => {
    expect(text).toContain(
      'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. ๒๕๖๘ อยู่ที่ ๙๓.๕๓ คะแนน เพิ่มขึ้น ๕.๗๔ คะแนนจากปีงบประมาณ พ.ศ. ๒๕๖๗ ซึ่งได้ ๘๗.๗๙ คะแนน และเพิ่มขึ้นต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. ๒๕๖๖ เป็นต้นมา',
    );
    expect(text.some((t) => t.startsWith('เมื่อเทียบกับปีงบประมาณ พ.ศ. ๒๕๖๗ EIT มีคะแนนเพิ่มขึ้น'))).toBe(
      true,
    );
    expect(text.join('\n')).not.toContain('{{');
  });

  it('puts the comparison table before the measures, years as columns, its header row pinned', () => {
    // The form line (ที่ … วันที่ …), the comparison, the measures.
    const tables = model.body.filter((b) => b.type === 'table');
    expect(tables).toHaveLength(3);
    const t = tables[1];
    if (t.type !== 'table') throw new Error('not a table');
    const cells = t.rows.map((r) => r.cells.map((c) => paragraphs(c.children).join(' ')));
    expect(cells[0]).toEqual(['รายการ', 'ปี ๒๕๖๖', 'ปี ๒๕๖๗', 'ปี ๒๕๖๘']);
    expect(cells.at(-1)).toEqual(['คะแนนรวม ITA', '๘๒.๔๓', '๘๗.๗๙', '๙๓.๕๓']);
    expect(cells).toHaveLength(7);
    expect(t.headerRows).toBe(1);
  });

  it('inserts the trend chart after the scores chart', () => {
    const images = model.body.flatMap((b) =>
      'children' in b ? b.children.filter((c) => c.type === 'image') : [],
    );
    expect(images.map((i) => (i as { altTitle?: string }).altTitle)).toEqual([
      'แผนภูมิคะแนนผลการประเมิน ITA รายเครื่องมือเทียบกับเกณฑ์',
      'แผนภูมิคะแนนผลการประเมิน ITA และรายเครื่องมือย้อนหลังเทียบกับเกณฑ์',
    ]);
  });
});

it('fills the same part with Arabic digits when the office asks for them', async () => {
  const rt = await runtimeOn('ita-2568-corrected');
  const rows = historyTab(RISING);
  rt.spreadsheet
    .insertSheet('ผลย้อนหลัง')
    .getRange(1, 1, rows.length, rows[0].length)
    .setValues(rows);
  const general = rt.spreadsheet.getSheetByName('ข้อมูลทั่วไป')!;
  const row =
    general
      .getDataRange()
      .getValues()
      .findIndex((r) => r[0] === 'ใช้เลขไทย') + 1;
  general.getRange(row, 2).setValue('ไม่');
  const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
  if (result.status !== 'done') throw new Error(JSON.stringify(result));
  const text = paragraphs(rt.drive.readModel(idOf(result.links.docUrl)).body);
  expect(text).toContain(
    'คะแนนผลการประเมิน ITA ในภาพรวม ประจำปีงบประมาณ พ.ศ. 2568 อยู่ที่ 93.53 คะแนน เพิ่มขึ้น 5.74 คะแนนจากปีงบประมาณ พ.ศ. 2567 ซึ่งได้ 87.79 คะแนน และเพิ่มขึ้นต่อเนื่องตั้งแต่ปีงบประมาณ พ.ศ. 2566 เป็นต้นมา',
  );
});
