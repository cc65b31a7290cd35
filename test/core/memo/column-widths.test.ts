import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { columnWidths, headerWords } from '../../../src/core/memo/column-widths';
import { MEASURE_COLUMNS } from '../../../src/core/memo';
import { MEASURE_KEYS } from '../../../src/core/memo/builtin-template';
import { readWorkbook } from '../../../src/core/workbook';
import { seedTabs } from '../../fixtures/seed-workbook';

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

// The example office's measures, measured with the font itself (fontkit), as the renderers do.
/** The part of fontkit (pdfkit's font engine, untyped) the test uses. */
interface Font {
  unitsPerEm: number;
  layout(text: string): { advanceWidth: number };
}
// eslint-disable-next-line @typescript-eslint/no-require-imports
const fontkit = require('fontkit') as { openSync(path: string): Font };

describe('the example measures table', () => {
  const fontDir = join(__dirname, '../../../node_modules/@expo-google-fonts/sarabun');
  const bold = fontkit.openSync(join(fontDir, '700Bold/Sarabun_700Bold.ttf'));
  const pt = (font: Font, text: string) =>
    (font.layout(text).advanceWidth / font.unitsPerEm) * OPTIONS.size;
  const data = readWorkbook(seedTabs('corrected')).data;
  const rows = data.measures.map((row) => MEASURE_KEYS.map((k) => row[k].value?.text ?? ''));
  const widths = columnWidths(MEASURE_COLUMNS, rows, 16, OPTIONS);
  const inner = (c: number) => (widths[c] - OPTIONS.padding) / CM_PER_PT;

  it('measures as the font does: the generated advances are in step with the TTFs', () => {
    execFileSync(process.execPath, [
      join(__dirname, '../../../scripts/make-text-advances.mjs'),
      '--check',
    ]);
  });

  it('leaves no short word alone on a header line (not ระยะเวลาใน / การ / ดำเนินการ)', () => {
    MEASURE_COLUMNS.forEach((header, c) => {
      // Filled greedily with the header's words, as the renderers fill a line.
      const lines: string[] = [''];
      for (const word of headerWords(header)) {
        const last = lines[lines.length - 1];
        if (last && pt(bold, last + word) > inner(c)) lines.push(word);
        else lines[lines.length - 1] = last + word;
      }
      const lone = lines.slice(1).filter((l) => pt(bold, l) < 2 * OPTIONS.size);
      expect({ header, lines, lone }).toEqual({ header, lines, lone: [] });
    });
  });
});

describe('a Thai word is never split to make room for a long token', () => {
  // A formula typed as text in one cell (the review's มาตรการ!C6) beside the example's measures:
  // ประชาสัมพันธ์ (5.9 em) had been squeezed below its width, and broke as ประชาสัมพั|นธ์.
  const formula = '=HYPERLINK("http://evil.example/x","คลิก")';
  const rows = [
    [
      'การยกระดับผลการประเมิน ITA ประจำปีงบประมาณ พ.ศ. ๒๕๖๘',
      '- จัดทำคู่มือแนวการปฏิบัติการใช้ทรัพย์สินของราชการ - www.muangkhai.go.th',
      formula,
      'ตุลาคม ๒๕๖๗ ถึง กันยายน ๒๕๖๘',
      '- ประชาสัมพันธ์คู่มือหรือการใช้ทรัพย์สินของราชการของหน่วยงาน เช่น เว็บไซต์ของหน่วยงาน',
      'องค์การบริหารส่วนตำบลมีแนวทางปฏิบัติการใช้ทรัพย์สินของราชการ Integrity and Transparency Assessment',
    ],
  ];
  // "- ประชาสัมพันธ์" in Sarabun 9.5, as the font measures it (the dash keeps its word).
  const fontDir = join(__dirname, '../../../node_modules/@expo-google-fonts/sarabun');
  const regular = fontkit.openSync(join(fontDir, '400Regular/Sarabun_400Regular.ttf'));
  const word = (regular.layout('- ประชาสัมพันธ์').advanceWidth / regular.unitsPerEm) * OPTIONS.size;
  // Widths are floored to 0.01 cm.
  const atLeast = word * CM_PER_PT + 0.3 - 0.01;

  it('keeps the column at least as wide as its widest Thai word', () => {
    const widths = columnWidths(MEASURE_COLUMNS, rows, 16, OPTIONS);
    expect(widths[4]).toBeGreaterThanOrEqual(atLeast);
  });

  it('when the words do not fit, breaks the long Latin tokens, not the Thai words', () => {
    const narrow = columnWidths(MEASURE_COLUMNS, rows, 15, OPTIONS);
    expect(narrow[4]).toBeGreaterThanOrEqual(atLeast);
    expect(narrow.reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(15);
  });
});
