/**
 * Where text may break between lines. Thai has no spaces between words, so a line may end only
 * between two words of the dictionary (thai-dictionary.ts: libthai's word lists and the memo's
 * compounds), at a space, or where punctuation allows; never inside a URL, an e-mail address, a
 * code or a number, nor between a number and its unit. docs/rendering.md lists the rules.
 */
import {
  compoundMarks,
  forEachThaiRun,
  isThaiLetter,
  requireThaiDictionary,
  segmentThai,
} from './thai-dictionary';

export { isThaiLetter } from './thai-dictionary';

/** Characters that must not start a line. */
const NO_BREAK_BEFORE = new Set([
  'ๆ',
  'ฯ',
  ')',
  ']',
  '}',
  '.',
  ',',
  ':',
  ';',
  '!',
  '?',
  '%',
  '/',
  '-',
  '–',
  '”',
  '’',
  '»',
  '…',
]);

/** Characters that must not end a line. */
const NO_BREAK_AFTER = new Set(['(', '[', '{', '“', '‘', '«']);
const CLOSING = new Set([')', ']', '}', '”', '’', '»']);

const MONTHS =
  'มกราคม|กุมภาพันธ์|มีนาคม|เมษายน|พฤษภาคม|มิถุนายน|กรกฎาคม|สิงหาคม|กันยายน|ตุลาคม|พฤศจิกายน|ธันวาคม';
/** A number keeps the word after it when that word is its unit: ๘๔ คน, ๙๓.๕๓ คะแนน, ๓ ตุลาคม. */
const UNIT_AFTER = new RegExp(
  `^(?:คน|คะแนน|ราย|บาท|ปี|เดือน|วัน|ครั้ง|แห่ง|ข้อ|เรื่อง|ฉบับ|ชั่วโมง|นาที|หน้า|ล้าน|${MONTHS})`,
);
/** …and the word before it when that word leads it: ร้อยละ ๙๕, ตัวชี้วัดที่ ๕, มาตรา ๙, ตุลาคม ๒๕๖๘. */
const BEFORE_NUMBER = new RegExp(`(?:ร้อยละ|ที่|มาตรา|ข้อ|ปี|หมู่|ฉบับ|${MONTHS})$`);
/** An era abbreviation stays on the line of its year: `พ.ศ. ๒๕๖๘` never breaks at its space. */
const ERA = /(?:พ\.\s?ศ\.|ค\.\s?ศ\.)$/;
const DIGIT = /[0-9\u0e50-\u0e59]/;
/** A list number written in the text (๒.การใช้งบประมาณ): not a number with a unit. */
const ENUMERATION = /^[0-9\u0e50-\u0e59]+\.(?![0-9\u0e50-\u0e59])/;
/** A dash or bullet starting the text keeps the word after it: "- www.example.go.th". */
const LEADING_MARK = /^[-–•*]$/;
const LATIN_LETTER = /[A-Za-z\u00c0-\u024f]/;

/**
 * Zero-width and soft characters: breaking decisions are ours, and Sarabun has no glyph for them
 * (fontkit would draw the .notdef box).
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

/**
 * Fails clearly when Thai cannot be broken: the dictionary's word lists are missing, or Node was
 * built without full ICU (grapheme clusters of other scripts come from Intl.Segmenter).
 */
export function requireThaiSegmenter(): void {
  if (typeof Intl.Segmenter !== 'function') {
    throw new Error('Thai line breaking needs Intl.Segmenter (a Node.js built with full ICU).');
  }
  requireThaiDictionary();
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\u3000';
}

/**
 * Boundaries between two dictionary words inside the text's Thai runs: `words[k]` is 1 where a
 * line may end before k.
 */
function wordBoundaries(text: string): Uint8Array {
  const words = new Uint8Array(text.length + 1);
  forEachThaiRun(text, (i, j) => {
    let known = false;
    let start = i;
    for (const piece of segmentThai(text, i, j, { abbreviated: text[j] === '.' })) {
      if (start > i && known && piece.known) words[start] = 1;
      known = piece.known;
      start = piece.end;
    }
  });
  return words;
}

/** Must the spaces text[s, k) keep what is before them and after them on one line? */
function glued(text: string, s: number, k: number): boolean {
  const left = text.slice(Math.max(0, s - 16), s);
  const right = text.slice(k, k + 16);
  if (s === 0) return false;
  if (s === 1 && LEADING_MARK.test(text[0])) return true;
  if (DIGIT.test(right[0])) {
    return ERA.test(left) || (BEFORE_NUMBER.test(left) && !ENUMERATION.test(right));
  }
  return DIGIT.test(left[left.length - 1]) && UNIT_AFTER.test(right);
}

/**
 * The text with no-break spaces (U+00A0) where the glue rules hold two pieces together across a
 * space (๘๕ คะแนน, พ.ศ. ๒๕๖๘, ร้อยละ ๙๕, "- www…"): the DOCX's hint to Word and LibreOffice, which
 * break lines themselves. Needs no dictionary.
 */
export function withNoBreakSpaces(text: string): string {
  let out = '';
  let from = 0;
  for (let k = 1; k < text.length; k++) {
    if (text[k - 1] !== ' ' || text[k] === ' ' || isSpace(text[k])) continue;
    let s = k - 1;
    while (s > 0 && text[s - 1] === ' ') s--;
    if (s === 0 || !glued(text, s, k)) continue;
    out += text.slice(from, s) + '\u00a0'.repeat(k - s);
    from = k;
  }
  return from === 0 ? text : out + text.slice(from);
}

/** May a line end before text[k]? `words` from wordBoundaries. */
function mayBreak(text: string, k: number, words: Uint8Array): boolean {
  const a = text[k - 1];
  const b = text[k];
  if (isSpace(b)) return false;
  if (isSpace(a)) {
    if (a === '\u00a0' || NO_BREAK_BEFORE.has(b)) return false;
    let s = k - 1;
    while (s > 0 && isSpace(text[s - 1])) s--;
    return !glued(text, s, k);
  }
  if (NO_BREAK_BEFORE.has(b) || NO_BREAK_AFTER.has(a)) return false;
  const ca = text.charCodeAt(k - 1);
  const cb = text.charCodeAt(k);
  if (isThaiLetter(ca) && isThaiLetter(cb)) return words[k] === 1;
  // มาตรการ/โครงการ, มกราคม-พฤษภาคม: between Thai words, not inside a URL or a code.
  if (a === '/' || a === '-' || a === '–') {
    return isThaiLetter(cb) && k >= 2 && isThaiLetter(text.charCodeAt(k - 2));
  }
  if (CLOSING.has(a)) return isThaiLetter(cb) || LATIN_LETTER.test(b);
  if (b === '(' || b === '“') return isThaiLetter(ca);
  // A change of script between letters (ระบบE-Service); never between a Thai word and a digit.
  return (isThaiLetter(ca) && LATIN_LETTER.test(b)) || (LATIN_LETTER.test(a) && isThaiLetter(cb));
}

/**
 * Splits text into the smallest pieces that must stay on one line; a line may break only
 * between two pieces. Spaces stay at the end of the piece before them.
 */
export function breakUnits(text: string): string[] {
  requireThaiDictionary();
  const words = wordBoundaries(text);
  const units: string[] = [];
  let start = 0;
  for (let k = 1; k < text.length; k++) {
    if (mayBreak(text, k, words)) {
      units.push(text.slice(start, k));
      start = k;
    }
  }
  if (start < text.length) units.push(text.slice(start));
  return units;
}

/**
 * How good a place inside an over-long unit is to break it, best first: at a space the glue
 * rules held together (๘๕ คะแนน, พ.ศ. ๒๕๖๘); where thai-words.ts marks a compound
 * (องค์การบริหาร|ส่วนตำบล); between two words of libthai's lists inside a compound, or in a URL
 * before . - _ @ and after /; between Thai and other characters; at a boundary of ICU's own Thai
 * dictionary (which splits ผู้รับผิดชอบ as ผู้รับ|ผิด|ชอบ) or at the edge of a name no dictionary
 * knows; between two Thai letters that are not a leading vowel and its consonant nor a consonant
 * and its vowel or mark.
 */
export const FALLBACK = { space: 1, mark: 2, word: 3, script: 4, icu: 5, cluster: 6 } as const;
type FallbackClass = (typeof FALLBACK)[keyof typeof FALLBACK];

const URL_BEFORE = new Set(['.', '-', '_', '@', '?', '#', '&', '=', '~']);
const LEADING_VOWEL = /[\u0e40-\u0e44]/;
const FOLLOWING_VOWEL = /[\u0e30\u0e32\u0e33\u0e45]/;

/**
 * Where a unit wider than a line may break after all: `at[k]` is the FALLBACK class of a break
 * before k, 0 where there is none (a grapheme cluster is then the last resort). Linear.
 */
export function fallbackBreaks(unit: string): Uint8Array {
  const n = unit.length;
  const at = new Uint8Array(n + 1);
  const set = (k: number, c: FallbackClass) => {
    if (k > 0 && k < n && (at[k] === 0 || at[k] > c)) at[k] = c;
  };
  for (let k = 1; k < n; k++) {
    const a = unit[k - 1];
    const b = unit[k];
    const ca = unit.charCodeAt(k - 1);
    const cb = unit.charCodeAt(k);
    if (isSpace(a) && !isSpace(b) && !NO_BREAK_BEFORE.has(b)) set(k, FALLBACK.space);
    else if (a === '/' && b !== '/') set(k, FALLBACK.word);
    else if (URL_BEFORE.has(b) && !isSpace(a) && k > 1) set(k, FALLBACK.word);
    else if (
      isThaiLetter(ca) !== isThaiLetter(cb) &&
      !isSpace(a) &&
      !isSpace(b) &&
      (isThaiLetter(ca) || isThaiLetter(cb))
    ) {
      if (!NO_BREAK_BEFORE.has(b) && !NO_BREAK_AFTER.has(a)) set(k, FALLBACK.script);
    }
  }
  forEachThaiRun(unit, (i, j) => {
    let start = i;
    for (const piece of segmentThai(unit, i, j, { abbreviated: unit[j] === '.' })) {
      for (const mark of compoundMarks(unit.slice(start, piece.end)) ?? []) {
        set(start + mark, FALLBACK.mark);
      }
      start = piece.end;
    }
    let known = false;
    start = i;
    for (const piece of segmentThai(unit, i, j, { libthaiOnly: true })) {
      if (start > i) set(start, known && piece.known ? FALLBACK.word : FALLBACK.icu);
      known = piece.known;
      start = piece.end;
    }
    icuSegmenter ??= new Intl.Segmenter('th', { granularity: 'word' });
    for (const { index } of icuSegmenter.segment(unit.slice(i, j))) set(i + index, FALLBACK.icu);
    for (let k = i + 1; k < j; k++) {
      const c = unit[k];
      if (
        !/[\u0e31\u0e34-\u0e3a\u0e47-\u0e4e]/.test(c) &&
        !FOLLOWING_VOWEL.test(c) &&
        !LEADING_VOWEL.test(unit[k - 1])
      ) {
        set(k, FALLBACK.cluster);
      }
    }
  });
  return at;
}

let graphemeSegmenter: Intl.Segmenter | undefined;
let icuSegmenter: Intl.Segmenter | undefined;

/** Scripts whose grapheme clusters are a base plus following marks (and SARA AM). */
const SIMPLE_SCRIPTS = /^[\u0020-\u036f\u0e00-\u0e7f\u2000-\u206f\u20a0-\u20bf\u2100-\u25ff]*$/;
const SIMPLE_CLUSTER = /[^\p{M}\u0e33][\p{M}\u0e33]*|[\p{M}\u0e33]+/gsu;

/**
 * User-perceived characters: the units justification spreads and an over-long word breaks at.
 * Thai and Latin take a fast path equal to Intl.Segmenter's result for them (Thai vowels and
 * tone marks extend their base, SARA AM is a spacing mark, leading vowels stand alone); other
 * scripts go through Intl.Segmenter.
 */
export function graphemes(text: string): string[] {
  if (SIMPLE_SCRIPTS.test(text)) return text.match(SIMPLE_CLUSTER) ?? [];
  graphemeSegmenter ??= new Intl.Segmenter('th', { granularity: 'grapheme' });
  return Array.from(graphemeSegmenter.segment(text), (s) => s.segment);
}

/** A Thai cluster (a base and its marks, SARA AM included) or a run of other characters. */
const SHAPING_SEGMENT =
  /[\u0e00-\u0e30\u0e32\u0e3f-\u0e46\u0e4f-\u0e7f][\u0e31\u0e33-\u0e3a\u0e47-\u0e4e]*|[^\u0e00-\u0e7f]+|[\u0e00-\u0e7f]/g;

/**
 * The pieces text is shaped in. Sarabun has no lookups that reach across Thai clusters (shaping
 * every word of the seed memo whole and cluster by cluster gives the same glyphs and positions),
 * so Thai is shaped cluster by cluster: a few hundred distinct clusters instead of thousands of
 * distinct words, shared by measuring, drawing and justification. Other text keeps its kerning.
 */
export function shapingSegments(text: string): string[] {
  return text.match(SHAPING_SEGMENT) ?? [];
}

export function isSpaceCluster(cluster: string): boolean {
  return cluster.length > 0 && isSpace(cluster[0]);
}

/** Thai letters and vowels (not digits or signs): the clusters distributed justification spreads. */
export function isThaiLetterCluster(cluster: string): boolean {
  const c = cluster.charCodeAt(0);
  return c >= 0x0e01 && c <= 0x0e4e && c !== 0x0e3f && c !== 0x0e46 && c !== 0x0e2f;
}
