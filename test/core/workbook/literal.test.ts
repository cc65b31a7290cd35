import fc from 'fast-check';
import { asLiteral } from '../../../src/core/workbook/literal';

describe('asLiteral', () => {
  it('marks text Sheets would read as a formula or a number, and nothing else', () => {
    expect(asLiteral('=SUM(A1)')).toBe("'=SUM(A1)");
    expect(asLiteral('+66 53 000 000')).toBe("'+66 53 000 000");
    expect(asLiteral('-5')).toBe("'-5");
    expect(asLiteral('@user')).toBe("'@user");
    expect(asLiteral('สำเร็จ')).toBe('สำเร็จ');
    expect(asLiteral(3)).toBe(3);
  });

  it('never lets a string start with a formula character', () => {
    fc.assert(
      fc.property(fc.string(), (s) => {
        const out = asLiteral(s) as string;
        expect(/^[=+\-@]/.test(out)).toBe(false);
        expect(out === s || out === `'${s}`).toBe(true);
      }),
    );
  });
});
