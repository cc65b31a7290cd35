/**
 * Aligning two sequences: which items of `a` stay as items of `b` (a longest common subsequence),
 * with the rest grouped into gaps of items only in `a` and items only in `b`. Used to refill a
 * Doc with as few changes as possible (refill.ts): elements, table rows and words.
 */

export interface Gap {
  /** Indices of `a` with no partner (deleted), in order. */
  a: number[];
  /** Indices of `b` with no partner (inserted), in order. */
  b: number[];
}

export interface Alignment {
  /** Pairs [i, j] of equal items, increasing in both. */
  pairs: [number, number][];
  /** gaps[k] lies before pairs[k]; gaps[pairs.length] after the last pair. */
  gaps: Gap[];
}

/** The most cells of the dynamic-programming table before only the ends are matched. */
const MAX_TABLE = 4_000_000;

/**
 * A longest common subsequence of `a` and `b` under `same`: equal ends are matched first, then
 * the middle by dynamic programming when it is small enough (a memo's paragraphs, a table's
 * rows, a paragraph's words), else the middle is one gap.
 */
export function align<T>(
  a: readonly T[],
  b: readonly T[],
  same: (x: T, y: T) => boolean,
): Alignment {
  const pairs: [number, number][] = [];
  let lo = 0;
  while (lo < a.length && lo < b.length && same(a[lo], b[lo])) {
    pairs.push([lo, lo]);
    lo++;
  }
  let ha = a.length;
  let hb = b.length;
  const tail: [number, number][] = [];
  while (ha > lo && hb > lo && same(a[ha - 1], b[hb - 1])) {
    tail.unshift([--ha, --hb]);
  }
  const n = ha - lo;
  const m = hb - lo;
  if (n > 0 && m > 0 && (n + 1) * (m + 1) <= MAX_TABLE) {
    // lengths[i][j]: LCS of a[lo+i..ha) and b[lo+j..hb).
    const w = m + 1;
    const lengths = new Uint32Array((n + 1) * w);
    for (let i = n - 1; i >= 0; i--) {
      for (let j = m - 1; j >= 0; j--) {
        lengths[i * w + j] = same(a[lo + i], b[lo + j])
          ? lengths[(i + 1) * w + j + 1] + 1
          : Math.max(lengths[(i + 1) * w + j], lengths[i * w + j + 1]);
      }
    }
    let i = 0;
    let j = 0;
    while (i < n && j < m) {
      if (same(a[lo + i], b[lo + j])) {
        pairs.push([lo + i, lo + j]);
        i++;
        j++;
      } else if (lengths[(i + 1) * w + j] >= lengths[i * w + j + 1]) i++;
      else j++;
    }
  }
  pairs.push(...tail);
  return { pairs, gaps: gapsOf(pairs, a.length, b.length) };
}

function gapsOf(pairs: [number, number][], na: number, nb: number): Gap[] {
  const gaps: Gap[] = [];
  let pa = 0;
  let pb = 0;
  for (const [i, j] of [...pairs, [na, nb] as [number, number]]) {
    gaps.push({ a: range(pa, i), b: range(pb, j) });
    pa = i + 1;
    pb = j + 1;
  }
  return gaps;
}

function range(from: number, to: number): number[] {
  const out: number[] = [];
  for (let k = from; k < to; k++) out.push(k);
  return out;
}
