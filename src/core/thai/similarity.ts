/** Levenshtein distance on UTF-16 code units (Thai is in the BMP, one unit per character). */
export function editDistance(a: string, b: string): number {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1;
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
    }
    previous = current;
  }
  return previous[b.length];
}

// Slips of the keyboard happen in names and labels, not in paragraphs: longer texts are not
// compared (which also keeps the quadratic distance cheap on any cell).
const MAX_COMPARED_LENGTH = 120;

/**
 * Whether two different texts differ by a slip of the keyboard: at most `maxRatio` of the
 * longer one's length (and at least `minAllowed` characters).
 */
export function isNearMiss(a: string, b: string, maxRatio = 0.25, minAllowed = 1): boolean {
  if (a === b || a.length > MAX_COMPARED_LENGTH || b.length > MAX_COMPARED_LENGTH) return false;
  const allowed = Math.max(minAllowed, Math.floor(Math.max(a.length, b.length) * maxRatio));
  return Math.abs(a.length - b.length) <= allowed && editDistance(a, b) <= allowed;
}

/** The nearest candidate that `text` is a near miss of (see isNearMiss), or null. */
export function closestMatch(
  text: string,
  candidates: readonly string[],
  maxRatio = 0.25,
): string | null {
  let best: string | null = null;
  let bestDistance = Infinity;
  for (const candidate of candidates) {
    if (!isNearMiss(text, candidate, maxRatio)) continue;
    const d = editDistance(text, candidate);
    if (d < bestDistance) {
      best = candidate;
      bestDistance = d;
    }
  }
  return best;
}
