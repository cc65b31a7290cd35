import { thScaleFont } from '../../src/local/render/th-scale-font';
import JSZip from 'jszip';
import type { DocModel } from '../../src/local/docmodel';
import { renderDocx } from '../../src/local/render';
import { latinSplit } from '../../src/local/render/docx';
import { seedMemoModel } from '../fixtures/seed-memo';
import { para } from '../fixtures/seed-memo';
import {
  HEADER_CELLS,
  baseModel,
  listsModel,
  nestedTableModel,
  oddModels,
  pagesModel,
  sectionsModel,
  stylesModel,
  tableModel,
} from './fixtures';

async function unzip(model: DocModel) {
  const zip = await JSZip.loadAsync(await renderDocx(model));
  const read = async (path: string) => (await zip.file(path)?.async('string')) ?? '';
  return { zip, read, document: await read('word/document.xml') };
}

const count = (xml: string, needle: string) => xml.split(needle).length - 1;

describe('renderDocx', () => {
  let styled: ReturnType<typeof unzip>;
  beforeAll(() => {
    styled = unzip(stylesModel());
  });

  it('sets Sarabun TH in all four font slots and complex-script size and weight on every run', async () => {
    const { document } = await styled;
    const runs = document.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? [];
    expect(runs.length).toBeGreaterThan(5);
    for (const run of runs.filter((r) => r.includes('<w:t'))) {
      expect(run).toContain('w:ascii="Sarabun TH"');
      expect(run).toContain('w:hAnsi="Sarabun TH"');
      expect(run).toContain('w:cs="Sarabun TH"');
      expect(run).toContain('w:eastAsia="Sarabun TH"');
      expect(run).toMatch(/<w:szCs w:val="\d+"\/>/);
    }
    // Bold text is bold as a complex script too, else Word draws Thai regular.
    expect(document).toMatch(
      /<w:b\/><w:bCs\/>|<w:bCs\/>[\s\S]*?<w:b\/>|<w:b\/>[\s\S]{0,40}<w:bCs\/>/,
    );
    expect(document).toMatch(/<w:i\/>[\s\S]{0,40}<w:iCs\/>/);
  });

  it('carries the official TH Sarabun sizes: TH Sarabun New 16 and Sarabun 11 are both 16 pt', async () => {
    // So that an office which selects all and applies TH SarabunPSK keeps 16 pt (th-scale-font.ts).
    const { document } = await styled;
    const run =
      /<w:r>(?:(?!<\/w:r>)[\s\S])*TH Sarabun New 16<\/w:t><\/w:r>/.exec(document)?.[0] ?? '';
    expect(run).toContain('<w:sz w:val="32"/>');
    expect(run).toContain('<w:szCs w:val="32"/>');
  });

  it('embeds Sarabun drawn at TH Sarabun’s scale, named Sarabun TH', () => {
    const font = Buffer.from(thScaleFont('regular'));
    const tables = new Map<string, number>();
    for (let i = 0; i < font.readUInt16BE(4); i++)
      tables.set(font.toString('latin1', 12 + i * 16, 16 + i * 16), font.readUInt32BE(20 + i * 16));
    expect(font.readUInt16BE((tables.get('head') as number) + 18)).toBe(1450);
    expect(font.includes(Buffer.from('Sarabun TH', 'utf16le').swap16())).toBe(true);
  });

  it('writes justified paragraphs as Thai distributed, with the first-line indent', async () => {
    const { document } = await styled;
    expect(document).toContain('<w:jc w:val="thaiDistribute"/>');
    expect(document).toContain('w:firstLine="1417"');
    // The hanging indent: text at 2 cm, the first line at 0.
    expect(document).toMatch(
      /w:left="1134"[^>]*w:hanging="1134"|w:hanging="1134"[^>]*w:left="1134"/,
    );
    expect(document).toContain('w:line="360"');
  });

  it('embeds the Sarabun faces the document uses', async () => {
    const { zip, read } = await styled;
    const fonts = Object.keys(zip.files).filter((f) => f.startsWith('word/fonts/'));
    expect(fonts.length).toBe(3);
    const table = await read('word/fontTable.xml');
    expect(table).toContain('w:name="Sarabun TH"');
    expect(table).toContain('<w:embedRegular');
    expect(table).toContain('<w:embedBold');
    expect(table).toContain('<w:embedItalic');
    expect(table).not.toContain('<w:embedBoldItalic');
    expect(await read('word/settings.xml')).toContain('<w:embedTrueTypeFonts/>');
  });

  it('repeats the header row of a table and keeps its widths, padding, shading and borders', async () => {
    const { document } = await unzip(tableModel(3));
    expect(count(document, '<w:tblHeader/>')).toBe(1);
    expect(document).toContain(HEADER_CELLS[0]);
    expect(document).toContain('<w:gridCol w:w="2400"/>');
    expect(document).toContain('<w:shd w:fill="d9e2f3"');
    expect(document).toContain('<w:vAlign w:val="center"/>');
    expect(document).toMatch(/<w:top w:val="single" w:color="333333" w:sz="8"/);
    expect(document).toMatch(/<w:trHeight w:val="800" w:hRule="atLeast"\/>/);
  });

  it('nests a table in a cell and ends the cell with a paragraph, as Word requires', async () => {
    const { document } = await unzip(nestedTableModel());
    expect(count(document, '<w:tbl>')).toBe(2);
    expect(document).toMatch(/<\/w:tbl><w:p>[\s\S]*?หลังตารางใน[\s\S]*?<\/w:p><\/w:tc>/);
  });

  it('numbers lists per listId, in Thai digits when the document asks', async () => {
    const { document, read } = await unzip(listsModel(true));
    const numbering = await read('word/numbering.xml');
    expect(numbering).toContain('<w:numFmt w:val="thaiNumbers"/>');
    expect(numbering).toContain('<w:numFmt w:val="lowerRoman"/>');
    expect(numbering).toContain('<w:lvlText w:val="◦"/>');
    // All items of list "n" share one numbering instance, so the count carries on.
    const ids = [...document.matchAll(/<w:numId w:val="(\d+)"\/>/g)].map((m) => m[1]);
    expect(ids.length).toBe(8);
    expect(new Set(ids.slice(0, 4)).size).toBe(1);
  });

  it('puts a page-number field in the footer, pages numbered in Thai digits, and page breaks', async () => {
    const { document, read, zip } = await unzip(pagesModel());
    const footer = await read('word/footer1.xml');
    expect(footer).toMatch(/<w:instrText[^>]*>PAGE<\/w:instrText>/);
    expect(document).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
    expect(count(document, '<w:br w:type="page"/>')).toBe(2);
    expect(
      Object.keys(zip.files).filter((f) => f.startsWith('word/media/')).length,
    ).toBeGreaterThan(0);
    expect(document).toContain('<wp:docPr id="1" name="รูปทดสอบ"');
    // 2000 px is wider than the 16 cm column: scaled to 605 px (16 cm at 96 dpi), in EMU.
    expect(document).toContain(`cx="${605 * 9525}"`);
    expect(document).toContain('<w:pBdr>');
    expect(await read('word/_rels/document.xml.rels')).toContain('https://www.muangkhai.go.th');
  });

  it('ends a section with its w:sectPr; the next restarts at 1 with a different first page', async () => {
    const { document } = await unzip(sectionsModel());
    const sects = [...document.matchAll(/<w:sectPr>[\s\S]*?<\/w:sectPr>/g)].map((m) => m[0]);
    expect(sects.length).toBe(2);
    // The first ends inside the memo's last paragraph (no empty paragraph added), numbered on.
    expect(document).toMatch(/หน้าบันทึกสอง[\s\S]*?<\/w:p><w:p>[\s\S]*?หน้าปกรายงาน/);
    expect(document).toMatch(
      /<w:p><w:pPr>(?:(?!<\/w:p>)[\s\S])*<w:sectPr>(?:(?!<\/w:p>)[\s\S])*หน้าบันทึกสอง/,
    );
    expect(sects[0]).toContain('<w:pgNumType w:fmt="thaiNumbers"/>');
    expect(sects[0]).toContain('<w:titlePg/>');
    // The report's section repeats the headers, restarts at 1, and has its own first page.
    expect(sects[1]).toContain('<w:pgNumType w:fmt="thaiNumbers" w:start="1"/>');
    expect(sects[1]).toContain('<w:titlePg/>');
    for (const s of sects) {
      expect(s).toContain('<w:headerReference w:type="default"');
      expect(s).toContain('<w:headerReference w:type="first"');
    }
    expect(document.endsWith(`${sects[1]}</w:body></w:document>`)).toBe(true);
  });

  it('writes Latin tokens (URLs, codes) as runs of their own in English', async () => {
    expect(latinSplit('เว็บไซต์ www.muangkhai.go.th ให้ E-Service (i13) ๘๔ คน')).toEqual([
      ['เว็บไซต์ ', false],
      ['www.muangkhai.go.th', true],
      [' ให้ ', false],
      ['E-Service (i13)', true],
      [' ๘๔ คน', false],
    ]);
    const { document } = await unzip(
      baseModel([para('เผยแพร่ผ่านเว็บไซต์ของหน่วยงาน www.muangkhai.go.th ให้ประชาชนทราบ')]),
    );
    const run = /<w:r>(?:(?!<\/w:r>)[\s\S])*www\.muangkhai\.go\.th<\/w:t><\/w:r>/.exec(
      document,
    )?.[0];
    expect(run).toContain('<w:lang w:val="en-US" w:bidi="th-TH"/></w:rPr>');
    expect(run).not.toContain('ให้');
  });

  it.each(oddModels())('writes %s without failing', async (_, model) => {
    const { document } = await unzip(model);
    expect(document).toContain('<w:body>');
  });

  it('writes the page size and margins in twips', async () => {
    const { document } = await unzip(seedMemoModel());
    expect(document).toMatch(/<w:pgSz w:w="11906" w:h="16838"/);
    expect(document).toMatch(/w:left="1701"/);
    expect(document).toMatch(/w:right="1134"/);
  });

  it('holds a number to its unit and พ.ศ. to its year with no-break spaces, and adds no invisible characters', async () => {
    const { document } = await unzip(seedMemoModel());
    const text = (document.match(/<w:t[^>]*>[^<]*<\/w:t>/g) ?? [])
      .map((t) => t.replace(/<[^>]+>/g, ''))
      .join('');
    expect(text).toContain('พ.ศ.\u00a0๒๕๖๘');
    expect(text).toMatch(/[๐-๙]\u00a0คะแนน/);
    expect(text).not.toContain('พ.ศ. ๒๕๖๘');
    // Word joiners or zero-width spaces would ride along into every copy of the text.
    expect(text).not.toMatch(/[\u200b-\u200d\u2060\ufeff]/);
  });
});
