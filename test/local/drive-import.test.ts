// Drive's conversion of an uploaded .docx into a Google Doc, as the emulation does it.
import { templateFrameDocx } from '../../src/core/memo/template-frame';
import { zip } from '../../src/core/zip';
import { docModelFromDocx } from '../../src/local/services/drive/import-docx';

describe('a .docx uploaded as a Google Doc', () => {
  it('keeps the page, a first page without header, and "- PAGE -" from page 2', () => {
    const model = docModelFromDocx(templateFrameDocx('thai'), 'id', 'แม่แบบ');
    expect(model.pageWidth).toBeCloseTo(595.3, 0);
    expect(model.pageHeight).toBeCloseTo(841.9, 0);
    expect([model.marginTop, model.marginLeft, model.marginRight]).toEqual([
      expect.closeTo(56.7, 0),
      expect.closeTo(85.05, 0),
      expect.closeTo(56.7, 0),
    ]);
    expect(model.differentFirstPage).toBe(true);
    expect(model.firstPageHeader).toBeUndefined();
    expect(model.pageNumberDigits).toBe('thai');
    const [p] = model.header ?? [];
    expect(p).toMatchObject({
      type: 'paragraph',
      style: { alignment: 'CENTER' },
      children: [
        { type: 'text', runs: [{ text: '- ' }] },
        { type: 'pageNumber' },
        { type: 'text', runs: [{ text: ' -' }] },
      ],
    });
    expect(model.defaultTextStyle).toMatchObject({ fontFamily: 'Sarabun', fontSize: 11 });
    expect(docModelFromDocx(templateFrameDocx('arabic'), 'id', 'x').pageNumberDigits).toBe(
      undefined,
    );
  });

  it('refuses what the emulation cannot convert, rather than dropping it', () => {
    const docx = zip([
      {
        name: 'word/document.xml',
        data: '<w:document xmlns:w="w"><w:body><w:tbl><w:tr/></w:tbl></w:body></w:document>',
      },
    ]);
    expect(() => docModelFromDocx(docx, 'id', 'x')).toThrow(/not emulated/);
    expect(() => docModelFromDocx(new Uint8Array([1, 2, 3]), 'id', 'x')).toThrow(
      /not a Word document/,
    );
  });
});
