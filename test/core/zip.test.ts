import fc from 'fast-check';
import { utf8, zip } from '../../src/core/zip';

describe('utf8', () => {
  it('gives the bytes Node gives for any well-formed string', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary' }), (s) => {
        expect(Buffer.from(utf8(s)).equals(Buffer.from(s, 'utf8'))).toBe(true);
      }),
    );
  });

  it('writes Thai as three bytes a character and a pair of surrogates as four', () => {
    expect([...utf8('ก๘')]).toEqual([0xe0, 0xb8, 0x81, 0xe0, 0xb9, 0x98]);
    expect([...utf8('a😀')]).toEqual([0x61, 0xf0, 0x9f, 0x98, 0x80]);
  });

  it('writes a lone surrogate as its own code point', () => {
    expect([...utf8('\ud800x')]).toEqual([0xed, 0xa0, 0x80, 0x78]);
    expect([...utf8('x\udc00')]).toEqual([0x78, 0xed, 0xb0, 0x80]);
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
