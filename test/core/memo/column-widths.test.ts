import { columnWidths } from '../../../src/core/memo/column-widths';
import { MEASURE_COLUMNS } from '../../../src/core/memo';

const OPTIONS = { size: 9.5, headerBold: true, padding: 0.3 };
const CM_PER_PT = 2.54 / 72;

describe('measures table column widths from the content', () => {
  const long = 'มีการประชุมและติดตามการดำเนินงานการประเมินคุณธรรมและความโปร่งใส '.repeat(6);
  const rows = [
    ['การยกระดับผลการประเมิน ITA', '- www.muangkhai.go.th', 'สำนักปลัด', 'ตุลาคม ๒๕๖๗', long, long],
    ['การเปิดเผยข้อมูล', '- เผยแพร่แผน', 'กองคลัง', 'ตุลาคม ๒๕๖๗', long, 'ผ่าน'],
  ];
  const widths = columnWidths(MEASURE_COLUMNS, rows, 16, OPTIONS);

  it('fills the text width and no more', () => {
    const sum = widths.reduce((a, b) => a + b, 0);
    expect(sum).toBeLessThanOrEqual(16);
    expect(sum).toBeGreaterThan(15.9);
  });

  it('keeps a one-word header on one line beside a column of short words', () => {
    // ผู้รับผิดชอบ in Sarabun Bold 9.5 pt is about 1.7 cm wide (47 pt), plus the padding.
    expect(widths[2]).toBeGreaterThanOrEqual(47 * CM_PER_PT + 0.3);
  });

  it('never cuts a URL: its column is at least as wide as it', () => {
    // www.muangkhai.go.th measures 90.6 pt in Sarabun 9.5.
    expect(widths[1]).toBeGreaterThanOrEqual(90.6 * CM_PER_PT + 0.3);
  });

  it('gives the long paragraphs the width, not the short columns', () => {
    expect(widths[4] + widths[5]).toBeGreaterThan(widths[2] + widths[3] + 2);
  });
});
