import fc from 'fast-check';
import { utf8, zip } from '../../src/core/zip';

describe('utf8', () => {
  it('gives the bytes Node gives for any string', () => {
    // Any UTF-16 units, lone surrogates included.
    const units = fc.string({
      unit: fc.integer({ min: 0, max: 0xffff }).map((c) => String.fromCharCode(c)),
    });
    fc.assert(
      fc.property(fc.oneof(fc.string({ unit: 'binary' }), units), (s) => {
        expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
    );
  });

  it('writes Thai as three bytes a character and a pair of surrogates as four', () => {
    expect([...utf8('ก๘')]).toEqual([0xe0, 0xb8, 0x81, 0xe0, 0xb9, 0x98]);
    expect([...utf8('a😀')]).toEqual([0x61, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('writes a lone surrogate as U+FFFD, so the part stays UTF-8', () => {
    expect([...utf8('\ud800x')]).toEqual([0xef, 0xbf, 0xbd, 0x78]);
    expect([...utf8('x\udc00')]).toEqual([0x78, 0xef, 0xbf, 0xbd]);
    expect([...utf8('\ud83d\ud83d\ude00')]).toEqual([0xef, 0xbf, 0xbd, 0xf0, 0x9f, 0x98, 0x80]);
  });
});

describe('zip', () => {
  it('stores a large Thai part whole', () => {
    const text = 'หน่วยงาน ๘๕ คะแนน '.repeat(50_000);
    const out = zip([{ name: 'word/document.xml', data: text }], (d) => d);
    const view = new DataView(out.buffer, out.byteOffset);
    const size = view.getUint32(22, true);
    const nameLength = view.getUint16(26, true);
    expect(size).toBe(Buffer.byteLength(text));
    const stored = out.subarray(30 + nameLength, 30 + nameLength + size);
    expect(Buffer.from(stored).toString('utf8')).toBe(text);
  });
});
