/**
 * RE2 for DocumentApp's findText/replaceText. Apps Script takes the search pattern as a string
 * in RE2 syntax (https://github.com/google/re2/wiki/Syntax), not a JavaScript RegExp: RE2 has no
 * lookaround and no backreferences, has `\Q…\E`, `(?P<name>…)`, `[[:alpha:]]`, `\pN`, and its
 * `\s`, `.`, `^`, `$` differ from JavaScript's. We translate RE2 into an equivalent JavaScript
 * RegExp (flag `u`, no other flags: every RE2 flag is compiled into the pattern itself) and
 * reject what RE2 rejects, with RE2's own messages (as RE2/J, Google's Java port, words them).
 */

export class Re2SyntaxError extends Error {
  constructor(code: string, fragment: string) {
    super(`error parsing regexp: ${code}: \`${fragment}\``);
    this.name = 'Re2SyntaxError';
  }
}

export interface Re2Pattern {
  /** The RE2 source as given. */
  source: string;
  /** Global, unicode JavaScript equivalent. */
  regex: RegExp;
  /** Number of capturing groups, for `$n` in replacements. */
  groupCount: number;
}

interface Flags {
  i: boolean;
  m: boolean;
  s: boolean;
  U: boolean;
}

type Range = [number, number];

interface CharClass {
  ranges: Range[];
  /** `\p{…}`/`\P{…}` in JavaScript syntax: they cannot be turned into ranges cheaply. */
  props: string[];
}

const MAX_CP = 0x10ffff;
const MAX_REPEAT = 1000;

const PERL: Record<string, Range[]> = {
  d: [[0x30, 0x39]],
  s: [
    [0x09, 0x0a],
    [0x0c, 0x0d],
    [0x20, 0x20],
  ],
  w: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x5f, 0x5f],
    [0x61, 0x7a],
  ],
};

const POSIX: Record<string, Range[]> = {
  alnum: [
    [0x30, 0x39],
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  alpha: [
    [0x41, 0x5a],
    [0x61, 0x7a],
  ],
  ascii: [[0x00, 0x7f]],
  blank: [
    [0x09, 0x09],
    [0x20, 0x20],
  ],
  cntrl: [
    [0x00, 0x1f],
    [0x7f, 0x7f],
  ],
  digit: [[0x30, 0x39]],
  graph: [[0x21, 0x7e]],
  lower: [[0x61, 0x7a]],
  print: [[0x20, 0x7e]],
  punct: [
    [0x21, 0x2f],
    [0x3a, 0x40],
    [0x5b, 0x60],
    [0x7b, 0x7e],
  ],
  space: [
    [0x09, 0x0d],
    [0x20, 0x20],
  ],
  upper: [[0x41, 0x5a]],
  word: PERL.w,
  xdigit: [
    [0x30, 0x39],
    [0x41, 0x46],
    [0x61, 0x66],
  ],
};

/** Case-folding orbits beyond toLowerCase/toUpperCase (RE2 folds these too). */
const ORBITS: number[][] = [
  [0x4b, 0x6b, 0x212a],
  [0x53, 0x73, 0x17f],
  [0xc5, 0xe5, 0x212b],
  [0x3a9, 0x3c9, 0x2126],
  [0xb5, 0x39c, 0x3bc],
];

function foldVariants(cp: number): number[] {
  const out = new Set<number>([cp]);
  const ch = String.fromCodePoint(cp);
  for (const v of [ch.toLowerCase(), ch.toUpperCase()]) {
    const cps = [...v];
    if (cps.length === 1) out.add(cps[0].codePointAt(0) as number);
  }
  for (const orbit of ORBITS) if (orbit.includes(cp)) for (const o of orbit) out.add(o);
  // One more round so that e.g. U+212A (Kelvin) also reaches k and K.
  for (const v of [...out]) {
    const c = String.fromCodePoint(v);
    for (const w of [c.toLowerCase(), c.toUpperCase()]) {
      const cps = [...w];
      if (cps.length === 1) out.add(cps[0].codePointAt(0) as number);
    }
  }
  return [...out];
}

function normalize(ranges: Range[]): Range[] {
  const sorted = ranges.map((r) => [r[0], r[1]] as Range).sort((a, b) => a[0] - b[0]);
  const out: Range[] = [];
  for (const r of sorted) {
    const last = out[out.length - 1];
    if (last && r[0] <= last[1] + 1) last[1] = Math.max(last[1], r[1]);
    else out.push(r);
  }
  return out;
}

function complement(ranges: Range[]): Range[] {
  const out: Range[] = [];
  let next = 0;
  for (const [lo, hi] of normalize(ranges)) {
    if (lo > next) out.push([next, lo - 1]);
    next = hi + 1;
  }
  if (next <= MAX_CP) out.push([next, MAX_CP]);
  return out;
}

/** Adds the other-case forms of every letter (cased letters all live below U+20000). */
function foldRanges(ranges: Range[]): Range[] {
  const extra: Range[] = [];
  for (const [lo, hi] of ranges) {
    for (let cp = lo; cp <= Math.min(hi, 0x1ffff); cp++) {
      for (const v of foldVariants(cp)) if (v !== cp) extra.push([v, v]);
    }
  }
  return normalize([...ranges, ...extra]);
}

function esc(cp: number): string {
  return `\\u{${cp.toString(16)}}`;
}

function classSource(cls: CharClass, negate: boolean): string {
  const body = normalize(cls.ranges)
    .map(([lo, hi]) => (lo === hi ? esc(lo) : `${esc(lo)}-${esc(hi)}`))
    .join('');
  return `[${negate ? '^' : ''}${body}${cls.props.join('')}]`;
}

const JS_SYNTAX = new Set('^$\\.*+?()[]{}|/'.split(''));

function literalSource(cp: number, flags: Flags): string {
  if (flags.i) {
    const variants = foldVariants(cp);
    if (variants.length > 1)
      return classSource({ ranges: variants.map((v) => [v, v]), props: [] }, false);
  }
  const ch = String.fromCodePoint(cp);
  if (JS_SYNTAX.has(ch)) return `\\${ch}`;
  if (cp < 0x20 || cp === 0x7f || (cp >= 0xd800 && cp <= 0xdfff)) return esc(cp);
  return ch;
}

/** `\p{Greek}` in RE2 is `\p{Script=Greek}` in JavaScript; categories keep their names. */
function unicodeProperty(name: string, negate: boolean, fragment: string): string | 'any' {
  let n = name;
  let neg = negate;
  if (n.startsWith('^')) {
    neg = !neg;
    n = n.slice(1);
  }
  if (n === 'Any') return neg ? '[^\\s\\S]' : 'any';
  const candidates = /^[A-Z][a-z&]?$/.test(n) ? [`\\p{${n}}`] : [`\\p{Script=${n}}`];
  for (const c of candidates) {
    try {
      new RegExp(c, 'u');
      return neg ? c.replace('\\p', '\\P') : c;
    } catch {
      // Unknown name: RE2 rejects it below.
    }
  }
  throw new Re2SyntaxError('invalid character class range', fragment);
}

/** Translates an RE2 pattern into a global, unicode JavaScript RegExp. */
export function compileRe2(pattern: string): Re2Pattern {
  const cps = [...pattern].map((c) => c.codePointAt(0) as number);
  const chars = [...pattern];
  let pos = 0;
  let groupCount = 0;
  const names = new Set<string>();

  const peek = (k = 0) => chars[pos + k];
  const rest = () => chars.slice(pos).join('');

  type Last = 'none' | 'atom' | 'repeat';

  function parseAlternation(flags: Flags, depth: number): string {
    let out = '';
    let last: Last = 'none';
    const f: Flags = { ...flags };
    while (pos < chars.length) {
      const c = peek();
      if (c === ')') {
        if (depth === 0) throw new Re2SyntaxError('unexpected )', pattern);
        return out;
      }
      if (c === '|') {
        pos++;
        out += '|';
        last = 'none';
        continue;
      }
      if (c === '*' || c === '+' || c === '?' || (c === '{' && repeatAhead())) {
        const start = pos;
        let q: string;
        if (c === '{') {
          q = parseBraces();
        } else {
          pos++;
          q = c;
        }
        let lazy = false;
        if (peek() === '?') {
          pos++;
          lazy = true;
        }
        const op = chars.slice(start, pos).join('');
        if (last === 'none')
          throw new Re2SyntaxError('missing argument to repetition operator', op);
        if (last === 'repeat') {
          throw new Re2SyntaxError(
            'invalid nested repetition operator',
            chars.slice(lastRepeatStart, pos).join(''),
          );
        }
        out += q + (lazy !== f.U ? '?' : '');
        last = 'repeat';
        lastRepeatStart = start;
        continue;
      }
      if (c === '(') {
        const groupStart = pos;
        pos++;
        if (peek() === '?') {
          const r = parseGroupPrefix(groupStart, f);
          if (r.kind === 'flags') {
            Object.assign(f, r.flags);
            continue;
          }
          const inner = parseAlternation(r.kind === 'scoped' ? r.flags : f, depth + 1);
          if (peek() !== ')') throw new Re2SyntaxError('missing closing )', pattern);
          pos++;
          out += r.kind === 'capture' ? `(${inner})` : `(?:${inner})`;
        } else {
          groupCount++;
          const inner = parseAlternation(f, depth + 1);
          if (peek() !== ')') throw new Re2SyntaxError('missing closing )', pattern);
          pos++;
          out += `(${inner})`;
        }
        last = 'atom';
        continue;
      }
      out += parseAtom(f);
      last = 'atom';
    }
    if (depth > 0) throw new Re2SyntaxError('missing closing )', pattern);
    return out;
  }

  let lastRepeatStart = 0;

  /** `{` starts a repetition only when it has the form {n}, {n,} or {n,m}; else it is literal. */
  function repeatAhead(): boolean {
    return /^\{\d+(,\d*)?\}/.test(rest());
  }

  function parseBraces(): string {
    const m = /^\{(\d+)(,(\d*))?\}/.exec(rest()) as RegExpExecArray;
    const text = m[0];
    pos += [...text].length;
    const min = Number(m[1]);
    const max = m[2] === undefined ? min : m[3] === '' ? -1 : Number(m[3]);
    if (min > MAX_REPEAT || max > MAX_REPEAT || (max >= 0 && max < min)) {
      throw new Re2SyntaxError('invalid repeat count', text);
    }
    return max === -1 ? `{${min},}` : max === min ? `{${min}}` : `{${min},${max}}`;
  }

  function parseGroupPrefix(
    groupStart: number,
    flags: Flags,
  ): { kind: 'capture' | 'noncapture' } | { kind: 'flags' | 'scoped'; flags: Flags } {
    // At "(?".
    const after = chars.slice(pos + 1).join('');
    const named = /^P?<([^>]*)>/.exec(after);
    if (named && !/^<[=!]/.test(after)) {
      const name = named[1];
      const fragment = chars.slice(groupStart, pos + 1).join('') + named[0];
      if (!/^[A-Za-z0-9_]+$/.test(name))
        throw new Re2SyntaxError('invalid named capture', fragment);
      if (names.has(name)) throw new Re2SyntaxError('duplicate capture group name', name);
      names.add(name);
      pos += 1 + [...named[0]].length;
      groupCount++;
      return { kind: 'capture' };
    }
    if (/^P=/.test(after) || /^P>/.test(after)) {
      throw new Re2SyntaxError('invalid named capture', chars.slice(groupStart, pos + 3).join(''));
    }
    // Flags: (?i) (?i-s) (?i:…) (?:…)
    const fm = /^([imsU]*)(?:-([imsU]*))?([:)])/.exec(after);
    if (!fm) {
      const frag = chars.slice(groupStart, pos + 2 + (after.startsWith('<') ? 1 : 0)).join('');
      throw new Re2SyntaxError('invalid or unsupported Perl syntax', frag);
    }
    const [all, on, off, end] = fm;
    const fragment = '(?' + all;
    if (off !== undefined && off === '')
      throw new Re2SyntaxError('invalid or unsupported Perl syntax', fragment);
    pos += 1 + [...all].length;
    const next: Flags = { ...flags };
    for (const ch of on) next[ch as keyof Flags] = true;
    for (const ch of off ?? '') next[ch as keyof Flags] = false;
    if (end === ')') return { kind: 'flags', flags: next };
    if (on === '' && off === undefined) return { kind: 'noncapture' };
    return { kind: 'scoped', flags: next };
  }

  function parseAtom(flags: Flags): string {
    const c = peek();
    const cp = cps[pos];
    if (c === '[') return parseClass(flags);
    if (c === '.') {
      pos++;
      return flags.s ? '[^]' : '[^\\n]';
    }
    if (c === '^') {
      pos++;
      return flags.m ? '(?:(?<![^\\n]))' : '(?:(?<![^]))';
    }
    if (c === '$') {
      pos++;
      return flags.m ? '(?:(?![^\\n]))' : '(?:(?![^]))';
    }
    if (c === '\\') return parseEscapeAtom(flags);
    pos++;
    return literalSource(cp, flags);
  }

  function parseEscapeAtom(flags: Flags): string {
    const next = peek(1);
    if (next === undefined) throw new Re2SyntaxError('trailing backslash at end of expression', '');
    switch (next) {
      case 'A':
        pos += 2;
        return '(?:(?<![^]))';
      case 'z':
        pos += 2;
        return '(?:(?![^]))';
      case 'b':
        pos += 2;
        return '(?:\\b)';
      case 'B':
        pos += 2;
        return '(?:\\B)';
      case 'Q': {
        pos += 2;
        let out = '';
        while (pos < chars.length && !(peek() === '\\' && peek(1) === 'E')) {
          out += literalSource(cps[pos], flags);
          pos++;
        }
        if (pos < chars.length) pos += 2;
        // Each quoted character is its own atom, so a following `*` binds to the last one, as in RE2.
        return out;
      }
      case 'E':
        // A stray \E is ignored by RE2.
        pos += 2;
        return '';
    }
    const cls = parseClassEscape();
    if (cls) return classSource(flags.i ? { ...cls, ranges: foldRanges(cls.ranges) } : cls, false);
    const lit = parseEscapeLiteral();
    return literalSource(lit, flags);
  }

  /** `\d \s \w \D \S \W \pN \p{…} \PN \P{…}` as a class, or null if the escape is something else. */
  function parseClassEscape(): CharClass | null {
    const next = peek(1);
    const lower = next?.toLowerCase();
    if (lower === 'd' || lower === 's' || lower === 'w') {
      pos += 2;
      const r = PERL[lower];
      return { ranges: next === lower ? r : complement(r), props: [] };
    }
    if (next === 'p' || next === 'P') {
      const start = pos;
      pos += 2;
      let name: string;
      if (peek() === '{') {
        const close = chars.indexOf('}', pos);
        if (close < 0)
          throw new Re2SyntaxError('invalid character class range', chars.slice(start).join(''));
        name = chars.slice(pos + 1, close).join('');
        pos = close + 1;
      } else {
        if (peek() === undefined)
          throw new Re2SyntaxError('invalid character class range', '\\' + next);
        name = peek();
        pos++;
      }
      const prop = unicodeProperty(name, next === 'P', chars.slice(start, pos).join(''));
      if (prop === 'any') return { ranges: [[0, MAX_CP]], props: [] };
      if (prop.startsWith('[^')) return { ranges: [], props: [] };
      return { ranges: [], props: [prop] };
    }
    return null;
  }

  /** A single escaped character: \n, \x41, \x{10FFFF}, \101 (octal), \. and other punctuation. */
  function parseEscapeLiteral(): number {
    const start = pos;
    const next = peek(1);
    pos += 2;
    switch (next) {
      case 'a':
        return 0x07;
      case 'f':
        return 0x0c;
      case 't':
        return 0x09;
      case 'n':
        return 0x0a;
      case 'r':
        return 0x0d;
      case 'v':
        return 0x0b;
      case 'x': {
        if (peek() === '{') {
          const close = chars.indexOf('}', pos);
          const hex = close < 0 ? '' : chars.slice(pos + 1, close).join('');
          if (close < 0 || !/^[0-9A-Fa-f]{1,8}$/.test(hex) || parseInt(hex, 16) > MAX_CP) {
            throw new Re2SyntaxError(
              'invalid escape sequence',
              chars.slice(start, close < 0 ? chars.length : close + 1).join(''),
            );
          }
          pos = close + 1;
          return parseInt(hex, 16);
        }
        const hex = chars.slice(pos, pos + 2).join('');
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) {
          throw new Re2SyntaxError('invalid escape sequence', chars.slice(start, pos + 2).join(''));
        }
        pos += 2;
        return parseInt(hex, 16);
      }
    }
    if (next >= '1' && next <= '7' && !(peek() >= '0' && peek() <= '7')) {
      // \1 alone is a backreference: RE2 has none.
      throw new Re2SyntaxError('invalid escape sequence', `\\${next}`);
    }
    if (next >= '0' && next <= '7') {
      let v = Number(next);
      for (let k = 0; k < 2 && peek() >= '0' && peek() <= '7'; k++) {
        v = v * 8 + Number(peek());
        pos++;
      }
      return v;
    }
    const cp = next.codePointAt(0) as number;
    if (cp < 0x80 && !/[0-9A-Za-z]/.test(next)) return cp;
    throw new Re2SyntaxError('invalid escape sequence', `\\${next}`);
  }

  function parseClass(flags: Flags): string {
    const start = pos;
    pos++;
    let negate = false;
    if (peek() === '^') {
      negate = true;
      pos++;
    }
    const cls: CharClass = { ranges: [], props: [] };
    let first = true;
    for (;;) {
      if (pos >= chars.length)
        throw new Re2SyntaxError('missing closing ]', chars.slice(start).join(''));
      const c = peek();
      if (c === ']' && !first) {
        pos++;
        break;
      }
      first = false;
      if (c === '[' && peek(1) === ':') {
        const m = /^\[:(\^?)([a-z]+):\]/.exec(rest());
        if (m) {
          const r = POSIX[m[2]];
          if (!r) throw new Re2SyntaxError('invalid character class range', m[0]);
          cls.ranges.push(...(m[1] ? complement(r) : r));
          pos += m[0].length;
          continue;
        }
      }
      if (c === '\\') {
        const sub = parseClassEscape();
        if (sub) {
          cls.ranges.push(...sub.ranges);
          cls.props.push(...sub.props);
          continue;
        }
      }
      const loStart = pos;
      const lo = classChar();
      if (peek() === '-' && peek(1) !== ']' && peek(1) !== undefined) {
        pos++;
        if (peek() === '\\' && /[dswDSWpP]/.test(peek(1) ?? '')) {
          throw new Re2SyntaxError(
            'invalid character class range',
            chars.slice(loStart, pos + 2).join(''),
          );
        }
        const hi = classChar();
        if (hi < lo)
          throw new Re2SyntaxError(
            'invalid character class range',
            chars.slice(loStart, pos).join(''),
          );
        cls.ranges.push([lo, hi]);
      } else {
        cls.ranges.push([lo, lo]);
      }
    }
    const folded = flags.i ? { ...cls, ranges: foldRanges(cls.ranges) } : cls;
    return classSource(folded, negate);
  }

  function classChar(): number {
    if (peek() === '\\') {
      if (peek(1) === undefined)
        throw new Re2SyntaxError('trailing backslash at end of expression', '');
      return parseEscapeLiteral();
    }
    const cp = cps[pos];
    pos++;
    return cp;
  }

  const source = parseAlternation({ i: false, m: false, s: false, U: false }, 0);
  let regex: RegExp;
  try {
    regex = new RegExp(source, 'gu');
  } catch (err) {
    // A translation gap, not an RE2 error: say so rather than blame the pattern.
    throw new Error(
      `Local DocumentApp: cannot translate RE2 pattern ${pattern}: ${(err as Error).message}`,
      {
        cause: err,
      },
    );
  }
  return { source: pattern, regex, groupCount };
}

/**
 * The replacement string of replaceText, read the way RE2/J's Matcher.appendReplacement reads it
 * (github.com/google/re2j, java/com/google/re2j/Matcher.java): `$n` inserts group n (taking
 * more digits while they still name a group; `$0` is the whole match), `\x` inserts x literally
 * (so `\$` is a dollar and `\\` a backslash), any other `$` is literal, and a group number
 * beyond the pattern's groups throws. A `$` or `\` as the very last character is literal.
 */
export function expandReplacement(
  replacement: string,
  match: RegExpExecArray,
  groupCount: number,
): string {
  let out = '';
  let last = 0;
  const m = replacement.length;
  for (let i = 0; i < m - 1; i++) {
    const c = replacement[i];
    if (c === '\\') {
      if (last < i) out += replacement.slice(last, i);
      i++;
      last = i;
      continue;
    }
    if (c === '$') {
      const d = replacement.charCodeAt(i + 1);
      if (d >= 0x30 && d <= 0x39) {
        let n = d - 0x30;
        if (last < i) out += replacement.slice(last, i);
        for (i += 2; i < m; i++) {
          const e = replacement.charCodeAt(i);
          if (e < 0x30 || e > 0x39 || n * 10 + e - 0x30 > groupCount) break;
          n = n * 10 + e - 0x30;
        }
        if (n > groupCount) throw new Error(`n > number of groups: ${n}`);
        out += match[n] ?? '';
        last = i;
        i--;
      }
    }
  }
  if (last < m) out += replacement.slice(last);
  return out;
}

/** Every non-empty-or-empty match of the pattern in a string, as RE2 finds them left to right. */
export function allMatches(re: Re2Pattern, text: string): RegExpExecArray[] {
  const out: RegExpExecArray[] = [];
  const rx = new RegExp(re.regex.source, 'gu');
  let m: RegExpExecArray | null;
  while ((m = rx.exec(text)) !== null) {
    out.push(m);
    if (m[0] === '') {
      // Step over a whole code point, as RE2 does after an empty match.
      const cp = text.codePointAt(rx.lastIndex);
      rx.lastIndex += cp !== undefined && cp > 0xffff ? 2 : 1;
    }
  }
  return out;
}

/** replaceAll with RE2 semantics on a plain string (what replaceText does within one Text). */
export function re2ReplaceAll(text: string, pattern: string, replacement: string): string {
  const re = compileRe2(pattern);
  let out = '';
  let pos = 0;
  for (const m of allMatches(re, text)) {
    out += text.slice(pos, m.index) + expandReplacement(replacement, m, re.groupCount);
    pos = m.index + m[0].length;
  }
  return out + text.slice(pos);
}
