/**
 * Where Thai text may break between lines. Thai has no spaces between words, so break
 * opportunities come from ICU's dictionary word segmenter (Intl.Segmenter 'th'), corrected by
 * glue rules for punctuation that must not start or end a line.
 */

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

/**
 * Zero-width and soft characters: breaking decisions are ours, and Sarabun has no glyph for them
 * (fontkit would draw the .notdef box).
 */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/g;

export function stripInvisible(text: string): string {
  return text.replace(INVISIBLE, '');
}

let wordSegmenter: Intl.Segmenter | undefined;
let graphemeSegmenter: Intl.Segmenter | undefined;

/** Fails clearly on a Node built without full ICU, where Thai would not break at all. */
export function requireThaiSegmenter(): void {
  if (wordSegmenter) return;
  if (
    typeof Intl.Segmenter !== 'function' ||
    Intl.Segmenter.supportedLocalesOf(['th']).length === 0
  ) {
    throw new Error(
      'Thai line breaking needs Intl.Segmenter with Thai support (a Node.js built with full ICU).',
    );
  }
  wordSegmenter = new Intl.Segmenter('th', { granularity: 'word' });
}

function isSpace(ch: string): boolean {
  return ch === ' ' || ch === '\u00a0' || ch === '\t' || ch === '\u3000';
}

/** May a line end between `before` (ending with `a`) and `after` (starting with `b`)? */
function canBreak(a: string, b: string): boolean {
  if (isSpace(b)) return false;
  if (a === '/') return !NO_BREAK_BEFORE.has(b);
  if (NO_BREAK_BEFORE.has(b) || NO_BREAK_AFTER.has(a)) return false;
  // Abbreviations, decimals, codes and addresses: พ.ศ.๒๕๖๘, ๙๓.๕๓, ๓.๒, www.example.go.th.
  if (a === '.' || a === ',') return isSpace(b);
  if (a === '\u00a0') return false;
  return true;
}

/**
 * Splits text into the smallest pieces that must stay on one line; a line may break only
 * between two pieces. Spaces stay at the end of the piece before them.
 */
/** An era abbreviation stays on the line of its year: `พ.ศ. ๒๕๖๘` never breaks at its space. */
const BINDS_TO_NUMBER = /(?:พ\.\s?ศ\.|ค\.\s?ศ\.)\s+$/;
const STARTS_WITH_DIGIT = /^[0-9\u0e50-\u0e59]/;

export function breakUnits(text: string): string[] {
  requireThaiSegmenter();
  const units: string[] = [];
  let current = '';
  let last = '';
  for (const { segment } of wordSegmenter!.segment(text)) {
    const bound = STARTS_WITH_DIGIT.test(segment) && BINDS_TO_NUMBER.test(current);
    if (current && !bound && canBreak(last, segment[0])) {
      units.push(current);
      current = '';
    }
    current += segment;
    last = segment[segment.length - 1];
  }
  if (current) units.push(current);
  return units;
}

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
