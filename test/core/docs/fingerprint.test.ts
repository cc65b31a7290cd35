import fc from 'fast-check';
import {
  describeEdits,
  fingerprint,
  handEdits,
  replaced,
  restamp,
} from '../../../src/core/docs/fingerprint';

describe('the fingerprint of a memo’s paragraphs', () => {
  const texts = ['บันทึกข้อความ', 'ส่วนราชการ กองคลัง', '', 'วันที่ ..... เดือน', 'เรื่อง รายงาน'];

  it('sees no edit in the same text, and names a changed paragraph and a deleted one', () => {
    const fp = fingerprint(texts);
    expect(handEdits(fp, texts)).toBeNull();
    const edited = [...texts];
    edited[1] = 'ส่วนราชการ กองคลังและกองช่าง';
    expect(handEdits(fp, edited)).toEqual({ changed: ['ส่วนราชการ กองคลังและกองช่าง'], removed: 1 });
    expect(handEdits(fp, texts.slice(0, 4))).toEqual({ changed: [], removed: 1 });
    expect(describeEdits({ changed: [], removed: 1 })).toBe('ย่อหน้าที่ถูกลบ 1 ย่อหน้า');
  });

  it('follows the add-on’s own stamp', () => {
    const fp = fingerprint(texts);
    const stamped = replaced(texts, '.....', '๓');
    expect(handEdits(fp, stamped)).not.toBeNull();
    expect(handEdits(restamp(fp, texts, '.....', '๓'), stamped)).toBeNull();
  });

  it('stays within one property value (9 KB) however long the memo, and still sees an edit', () => {
    fc.assert(
      fc.property(
        fc.array(fc.string({ maxLength: 30 }), { minLength: 1, maxLength: 6000 }),
        (t) => {
          const fp = fingerprint(t);
          expect(fp.length).toBeLessThan(8000);
          expect(handEdits(fp, t)).toBeNull();
          const edited = [...t];
          edited[0] = `${t[0]}x`;
          expect(handEdits(fp, edited)).not.toBeNull();
        },
      ),
      { numRuns: 30 },
    );
  });
});
