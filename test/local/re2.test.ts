/**
 * RE2 as DocumentApp's findText/replaceText read it. Syntax reference:
 * https://github.com/google/re2/wiki/Syntax ; replacement rules: RE2/J's
 * Matcher.appendReplacement (github.com/google/re2j, java/com/google/re2j/Matcher.java).
 */
import {
  compileRe2,
  expandReplacement,
  re2ReplaceAll,
} from '../../src/local/services/document/re2';

function test1(pattern: string, text: string): string | null {
  const m = new RegExp(compileRe2(pattern).regex.source, 'u').exec(text);
  return m ? m[0] : null;
}

describe('RE2 pattern translation', () => {
  it('matches literal placeholders, including braces that are not a repetition', () => {
    expect(test1('{{ชื่อ}}', 'เรียน {{ชื่อ}} ครับ')).toBe('{{ชื่อ}}');
    expect(test1('\\{\\{ชื่อ\\}\\}', 'เรียน {{ชื่อ}}')).toBe('{{ชื่อ}}');
    expect(test1('a{2}', 'caaat')).toBe('aa');
    expect(test1('a{,2}', 'a{,2}')).toBe('a{,2}');
  });

  it('supports \\Q…\\E quoting', () => {
    expect(test1('\\Q$1.00 (net)\\E', 'pay $1.00 (net) now')).toBe('$1.00 (net)');
    expect(test1('\\Qa.b', 'axb a.b')).toBe('a.b');
  });

  it('is case-sensitive unless (?i) says otherwise, also mid-pattern and scoped', () => {
    expect(test1('ita', 'ITA')).toBeNull();
    expect(test1('(?i)ita', 'ITA')).toBe('ITA');
    expect(test1('a(?i)b', 'aB')).toBe('aB');
    expect(test1('a(?i)b', 'AB')).toBeNull();
    expect(test1('(?i:x)y', 'XY')).toBeNull();
    expect(test1('(?i:x)y', 'Xy')).toBe('Xy');
    expect(test1('(?i)[a-c]+', 'xABCx')).toBe('ABC');
  });

  it('uses RE2 meanings of ., \\s, ^ and $', () => {
    expect(test1('a.b', 'a\nb')).toBeNull();
    expect(test1('(?s)a.b', 'a\nb')).toBe('a\nb');
    // RE2's \s is [\t\n\f\r ]: no non-breaking space, unlike JavaScript.
    expect(test1('a\\sb', 'a\u00a0b')).toBeNull();
    expect(test1('a\\sb', 'a b')).toBe('a b');
    expect(test1('^b', 'a\nb')).toBeNull();
    expect(test1('(?m)^b', 'a\nb')).toBe('b');
    expect(test1('a$', 'a\n')).toBeNull();
    expect(test1('\\Aa', 'ba')).toBeNull();
  });

  it('handles Thai, Unicode classes, POSIX classes and astral characters', () => {
    expect(test1('\\p{Thai}+', 'ITA ๒๕๖๘ ผ่าน')).toBe('๒๕๖๘');
    expect(test1('\\pN+', 'ปี 2568')).toBe('2568');
    expect(test1('[[:digit:]]+', 'i4 = 85')).toBe('4');
    expect(test1('[^[:alpha:] ]+', 'ab 12')).toBe('12');
    expect(test1('.', '😀x')).toBe('😀');
    expect(test1('\\x{0E01}', 'ก')).toBe('ก');
  });

  it('supports lazy and ungreedy repetition and Perl classes inside brackets', () => {
    expect(test1('a+?', 'aaa')).toBe('a');
    expect(test1('(?U)a+', 'aaa')).toBe('a');
    expect(test1('(?U)a+?', 'aaa')).toBe('aaa');
    expect(test1('[\\d.]+', 'คะแนน 95.82')).toBe('95.82');
    expect(test1('[^\\D]+', 'x42')).toBe('42');
    expect(test1('\\101\\x42', 'AB')).toBe('AB');
  });

  it('counts capturing groups, named ones included', () => {
    expect(compileRe2('(a)(?P<x>b)(?:c)(?<y>d)').groupCount).toBe(3);
  });

  it.each([
    ['(?=a)', 'invalid or unsupported Perl syntax'],
    ['(?!a)', 'invalid or unsupported Perl syntax'],
    ['(?<=a)b', 'invalid or unsupported Perl syntax'],
    ['(?<!a)b', 'invalid or unsupported Perl syntax'],
    ['(a)\\1', 'invalid escape sequence'],
    ['a**', 'invalid nested repetition operator'],
    ['a*+', 'invalid nested repetition operator'],
    ['*a', 'missing argument to repetition operator'],
    ['(a', 'missing closing )'],
    ['a)', 'unexpected )'],
    ['[a', 'missing closing ]'],
    ['[z-a]', 'invalid character class range'],
    ['a{1001}', 'invalid repeat count'],
    ['\\e', 'invalid escape sequence'],
    ['\\Z', 'invalid escape sequence'],
    ['\\p{Klingon}', 'invalid character class range'],
    ['a\\', 'trailing backslash at end of expression'],
  ])('rejects %s as RE2 does', (pattern, message) => {
    expect(() => compileRe2(pattern)).toThrow(message);
  });
});

describe('replacement strings (RE2/J appendReplacement rules)', () => {
  it('$n inserts a group and $0 the whole match', () => {
    expect(re2ReplaceAll('2568-10-03', '(\\d+)-(\\d+)-(\\d+)', '$3/$2/$1')).toBe('03/10/2568');
    expect(re2ReplaceAll('ab', 'b', '[$0]')).toBe('a[b]');
  });

  it('a dollar before a digit is a group reference, so money values break or throw', () => {
    // No groups: "$500" asks for group 5.
    expect(() => re2ReplaceAll('ราคา {{x}}', '\\{\\{x\\}\\}', '$500')).toThrow(
      'n > number of groups: 5',
    );
    // One group: "$12" is group 1 followed by "2".
    expect(re2ReplaceAll('x', '(x)', '$12')).toBe('x2');
  });

  it('a dollar not followed by a digit, or at the end, stays literal', () => {
    expect(re2ReplaceAll('x', 'x', 'US$ and $')).toBe('US$ and $');
  });

  it('a backslash escapes the next character and is itself dropped', () => {
    expect(re2ReplaceAll('x', 'x', 'C:\\temp')).toBe('C:temp');
    expect(re2ReplaceAll('x', 'x', '\\$5')).toBe('$5');
    expect(re2ReplaceAll('x', 'x', 'a\\\\b')).toBe('a\\b');
    expect(re2ReplaceAll('x', 'x', 'end\\')).toBe('end\\');
  });

  it('escaping $ and \\ with a backslash makes any value literal', () => {
    const literal = (s: string) => s.replace(/[\\$]/g, '\\$&');
    for (const value of ['$500', 'C:\\temp\\$1', '฿1,000', '\\', '$']) {
      expect(re2ReplaceAll('{{v}}', '\\{\\{v\\}\\}', literal(value))).toBe(value);
    }
  });

  it('a non-participating group inserts nothing', () => {
    const re = compileRe2('(a)|(b)');
    const m = new RegExp(re.regex.source, 'u').exec('b') as RegExpExecArray;
    expect(expandReplacement('[$1|$2]', m, re.groupCount)).toBe('[|b]');
  });

  it('empty matches are replaced at every position, as RE2 does', () => {
    expect(re2ReplaceAll('abc', 'x*', '-')).toBe('-a-b-c-');
  });
});
