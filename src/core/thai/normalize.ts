// Text as staff type it (or paste it from Word and PDFs) carries invisible characters and stray
// spaces that make equal-looking strings differ. Normalisation makes comparisons and the printed
// memo clean; detectNormalization says what it changed, so the sheet can be fixed at the source.

export type NormalizationChange =
  'not-nfc' | 'zero-width' | 'unusual-space' | 'repeated-spaces' | 'surrounding-spaces';

// Zero-width space/joiners, word joiner, BOM, soft hyphen, Mongolian vowel separator.
const ZERO_WIDTH = /[\u200b-\u200d\u2060\ufeff\u00ad\u180e]/g;
// No-break and typographic spaces, and tabs: all become an ordinary space.
const UNUSUAL_SPACE = /[\u00a0\u2000-\u200a\u202f\u205f\u3000\t\v\f]/g;

function nfc(text: string): string {
  return typeof text.normalize === 'function' ? text.normalize('NFC') : text;
}

/**
 * NFC, zero-width characters removed, unusual spaces made ordinary, runs of spaces collapsed,
 * every line trimmed, blank lines at the start and end dropped. Line breaks inside are kept
 * (cells may hold several lines).
 */
export function normalizeText(text: string): string {
  const lines = nfc(text)
    .replace(ZERO_WIDTH, '')
    .replace(UNUSUAL_SPACE, ' ')
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((line) => line.replace(/ {2,}/g, ' ').trim());
  while (lines.length > 0 && lines[0] === '') lines.shift();
  while (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
  return lines.join('\n');
}

/** What normalizeText would change in `text`, in a fixed order; empty when nothing. */
export function detectNormalization(text: string): NormalizationChange[] {
  const changes: NormalizationChange[] = [];
  if (nfc(text) !== text) changes.push('not-nfc');
  if (new RegExp(ZERO_WIDTH.source).test(text)) changes.push('zero-width');
  if (new RegExp(UNUSUAL_SPACE.source).test(text)) changes.push('unusual-space');
  const plain = text.replace(ZERO_WIDTH, '').replace(UNUSUAL_SPACE, ' ').replace(/\r\n?/g, '\n');
  const lines = plain.split('\n');
  if (lines.some((line) => / {2,}/.test(line.trim()))) changes.push('repeated-spaces');
  if (/^\s|\s$/.test(plain) || lines.some((line) => line !== line.trim())) {
    changes.push('surrounding-spaces');
  }
  return changes;
}

/** Equality as the contract defines it for tab names, headers and labels. */
export function sameText(a: string, b: string): boolean {
  return normalizeText(a) === normalizeText(b);
}
