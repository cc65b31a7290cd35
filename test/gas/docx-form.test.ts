// The memo's DOCX (offices without Google): the official form as Word reads it.
import { renderDocx } from '../../src/local/render';
import { unzip } from '../../src/local/services/drive/import-docx';
import { cleanupTempDirs } from '../local/helpers';
import { generateWithGaruda, runtimeOn } from './harness';

afterAll(cleanupTempDirs);

describe('the memo as DOCX', () => {
  let parts: Map<string, string>;
  let document: string;

  beforeAll(async () => {
    const { model } = generateWithGaruda(await runtimeOn('ita-2568-corrected'));
    const files = unzip(await renderDocx(model));
    parts = new Map([...files].map(([k, v]) => [k, Buffer.from(v).toString('utf8')]));
    document = parts.get('word/document.xml') as string;
  });

  it('never splits a table row that fits on a page (cantSplit on every row)', () => {
    const rows = document.match(/<w:tr>/g) ?? [];
    expect(rows.length).toBeGreaterThan(6);
    expect(
      (document.match(/<w:trPr>[^]*?<\/w:trPr>/g) ?? []).filter((p) =>
        p.includes('<w:cantSplit/>'),
      ),
    ).toHaveLength(rows.length);
  });

  it('draws the header lines dotted: after the label, on every line, to the margin', () => {
    // ที่ and วันที่: value cells with a dotted bottom border.
    const dotted = document.match(/<w:bottom w:val="dotted"[^>]*\/>/g) ?? [];
    expect(dotted.length).toBe(2);
    expect(document).toMatch(/<w:tcBorders>[^]*?<w:bottom w:val="dotted"/);
    // ส่วนราชการ and เรื่อง: a label cell, then a value cell whose text is underlined with dots
    // (every line it takes) up to a tab to the right margin (the cell is 16 cm less the label).
    // No paragraph border: Word and LibreOffice would draw it under the label and the last line.
    expect(document).not.toMatch(/<w:pBdr><w:bottom w:val="dotted"/);
    for (const label of ['ส่วนราชการ', 'เรื่อง']) {
      const row = new RegExp(
        `<w:tr>(?:(?!</w:tr>)[^])*>${label}</w:t>(?:(?!</w:tr>)[^])*</w:tr>`,
      ).exec(document)?.[0];
      expect(row).toBeDefined();
      const [first, second] = (row as string).split('</w:tc>');
      expect(first).toContain(`>${label}</w:t>`);
      expect(first).not.toContain('<w:u ');
      const runs = second.match(/<w:r>[^]*?<\/w:r>/g) ?? [];
      expect(runs.length).toBeGreaterThan(1);
      for (const run of runs) expect(run).toContain('<w:u w:val="dotted"/>');
      expect(runs[runs.length - 1]).toContain('<w:tab/>');
      const width = Math.round(((16 - (label === 'เรื่อง' ? 1.25 : 2.75)) * 72 * 20) / 2.54);
      expect(second).toContain(`<w:tab w:val="right" w:pos="${width}"/>`);
    }
  });

  it('puts the Garuda in front of the text at the top left, 1.5 cm high', () => {
    const anchor = /<wp:anchor[^]*?<\/wp:anchor>/.exec(document)?.[0] ?? '';
    expect(anchor).toContain('<wp:wrapNone/>');
    // 1.5 cm = 540,000 EMU (57 px at 9,525 EMU each: 542,925).
    const cy = Number(/<wp:extent cx="\d+" cy="(\d+)"/.exec(anchor)?.[1]);
    expect(Math.abs(cy - 540000)).toBeLessThan(6000);
    expect(anchor).toMatch(/<wp:positionH relativeFrom="column"><wp:posOffset>0</);
  });

  it('numbers pages from the second: a first-page header without the number, "- PAGE -" after', () => {
    const sect = /<w:sectPr>[^]*?<\/w:sectPr>/.exec(document)?.[0] ?? '';
    expect(sect).toContain('<w:titlePg/>');
    expect(sect).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
    const ref = (type: string) =>
      new RegExp(`headerReference w:type="${type}" r:id="(\\w+)"`).exec(sect)?.[1];
    const rels = parts.get('word/_rels/document.xml.rels') as string;
    const target = (id?: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1];
    const header = parts.get(`word/${target(ref('default'))}`) as string;
    expect(header).toContain('<w:jc w:val="center"/>');
    expect(header).toMatch(/>- <\/w:t>[^]*PAGE[^]*> -<\/w:t>/);
    expect(parts.get(`word/${target(ref('first'))}`)).not.toContain('PAGE');
  });

  it('carries the official sizes: body 16 pt, the title 29 pt, labels 20 pt', () => {
    expect(document).toMatch(/<w:sz w:val="58"\/>[^]*?บันทึกข้อความ/);
    expect(document).toMatch(/<w:sz w:val="40"\/>[^]{0,80}ส่วนราชการ/);
    expect(document).toContain('<w:sz w:val="32"/>');
    expect(document).not.toContain('<w:sz w:val="22"/>');
  });
});
