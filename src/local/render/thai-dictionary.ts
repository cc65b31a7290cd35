/**
 * The Thai word list line breaking is judged by: the dictionary the `wordcut` package ships
 * (libthai's word lists, LGPL; only its data files are read, never its code) plus the memo's own
 * words (thai-words.ts: official compounds that must stay whole, and words the list lacks).
 *
 * `segmentThai` splits a run of Thai letters into dictionary words by maximal matching: the
 * fewest characters outside any word first, then the fewest words, so a compound of the list
 * (งบประมาณ, ดำเนินการ) wins over its parts. Loaded once per process, in the local runtime only.
 */
import { readFileSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { MEMO_COMPOUNDS, MEMO_WORDS } from './thai-words';

/** Thai letters, vowels and marks (not digits, ฯ or ๆ): what dictionary words are made of. */
export function isThaiLetter(code: number): boolean {
  return code >= 0x0e01 && code <= 0x0e4e && code !== 0x0e2f && code !== 0x0e3f && code !== 0x0e46;
}

/** Calls `each(from, to)` for every maximal run of Thai letters in `text`. */
export function forEachThaiRun(text: string, each: (from: number, to: number) => void): void {
  for (let i = 0; i < text.length;) {
    if (!isThaiLetter(text.charCodeAt(i))) {
      i++;
      continue;
    }
    let j = i + 1;
    while (j < text.length && isThaiLetter(text.charCodeAt(j))) j++;
    each(i, j);
    i = j;
  }
}

/** Marks and following vowels: they never start a word (nor a grapheme cluster). */
function isCombining(code: number): boolean {
  return (
    code === 0x0e31 || (code >= 0x0e33 && code <= 0x0e3a) || (code >= 0x0e47 && code <= 0x0e4e)
  );
}

/**
 * A trie over Thai code points in typed arrays: each node's children are a list of siblings in
 * code-point order, the root's a direct table. The word lists are read straight into it, one
 * character at a time, with no string made per word: ~70,000 nodes for ~24,000 words.
 */
class Trie {
  private readonly root = new Int32Array(128).fill(-1);
  private readonly firstChild: Int32Array;
  private readonly nextSibling: Int32Array;
  private readonly letter: Uint8Array;
  private readonly ends: Uint8Array;
  private nodes = 1;

  /** `capacity`: at least one more than the characters of all words to be added. */
  constructor(capacity: number) {
    this.firstChild = new Int32Array(capacity).fill(-1);
    this.nextSibling = new Int32Array(capacity).fill(-1);
    this.letter = new Uint8Array(capacity);
    this.ends = new Uint8Array(capacity);
  }

  /**
   * Adds every line of `text` that is a Thai word (Thai letters only, not starting with a mark)
   * as a word of the list `flag`. Lines with other characters (ก.พ.) leave only unmarked nodes.
   */
  addLines(text: string, flag: number): void {
    let node = 0;
    let ok = true;
    for (let i = 0; i <= text.length; i++) {
      const c = i < text.length ? text.charCodeAt(i) : 10;
      if (c === 10 || c === 13) {
        if (node > 0 && ok) this.ends[node] |= flag;
        node = 0;
        ok = true;
      } else if (!ok || c === 32 || c === 9) {
        continue;
      } else if (!isThaiLetter(c) || (node === 0 && isCombining(c))) {
        ok = false;
      } else {
        node = this.child(node, c - 0x0e00);
      }
    }
  }

  /** The child of `node` for the letter, made (in its place among its siblings) if missing. */
  private child(node: number, letter: number): number {
    if (node === 0 && this.root[letter] >= 0) return this.root[letter];
    let prev = -1;
    let c = this.firstChild[node];
    while (c >= 0 && this.letter[c] < letter) {
      prev = c;
      c = this.nextSibling[c];
    }
    if (c >= 0 && this.letter[c] === letter) return c;
    const made = this.nodes++;
    this.letter[made] = letter;
    this.nextSibling[made] = c;
    if (prev >= 0) this.nextSibling[prev] = made;
    else this.firstChild[node] = made;
    if (node === 0) this.root[letter] = made;
    return made;
  }

  /** The child of `node` for the code point (a Thai letter), or -1. */
  step(node: number, code: number): number {
    const letter = code - 0x0e00;
    if (node === 0) return this.root[letter];
    for (let c = this.firstChild[node]; c >= 0; c = this.nextSibling[c]) {
      const l = this.letter[c];
      if (l === letter) return c;
      if (l > letter) return -1;
    }
    return -1;
  }

  /** Which lists end a word at `node`: LIBTHAI, MEMO, both (bits) or none (0). */
  lists(node: number): number {
    return this.ends[node];
  }
}

let trie: Trie | undefined;
const LIBTHAI = 1;
const MEMO = 2;
/** Letters before a full stop that may be an abbreviation (พ of พ.ศ., อบต of อบต.). */
const MAX_ABBREVIATION = 3;

/** The folder of the word lists wordcut ships (`data/tdict-*.txt`, one word per line). */
function wordcutDataDir(): string {
  return join(dirname(require.resolve('wordcut/package.json')), 'data');
}

/**
 * libthai's word lists as wordcut ships them, one word per line. Abbreviations with dots (ก.พ.)
 * are left out: the punctuation rules keep them whole.
 */
function libthaiLists(): string[] {
  const dir = wordcutDataDir();
  return readdirSync(dir)
    .filter((file) => /^tdict-.*\.txt$/.test(file))
    .sort()
    .map((file) => readFileSync(join(dir, file), 'utf8'));
}

/** The compounds of thai-words.ts as words (without their | marks). */
export function memoCompounds(): string[] {
  return MEMO_COMPOUNDS.map((w) => w.replace(/\|/g, ''));
}

let marks: Map<string, number[]> | undefined;

/** Where a compound wider than a line breaks best (offsets of its | marks), if it has marks. */
export function compoundMarks(word: string): number[] | undefined {
  if (!marks) {
    marks = new Map();
    for (const w of MEMO_COMPOUNDS) {
      const at: number[] = [];
      w.split('|').reduce((offset, part, i) => {
        if (i > 0) at.push(offset);
        return offset + part.length;
      }, 0);
      if (at.length) marks.set(w.replace(/\|/g, ''), at);
    }
  }
  return marks.get(word);
}

/** Loads the dictionary (once per process); fails clearly when the word lists are missing. */
export function requireThaiDictionary(): void {
  if (trie) return;
  let lists: string[];
  try {
    lists = libthaiLists();
  } catch (err) {
    throw new Error(
      `Thai line breaking needs the word lists of the wordcut package (npm ci installs it): ${String(err)}`,
      { cause: err },
    );
  }
  const memo = [...MEMO_WORDS, ...memoCompounds()].join('\n');
  const t = new Trie(lists.reduce((n, l) => n + l.length, memo.length + 1));
  for (const list of lists) t.addLines(list, LIBTHAI);
  t.addLines(memo, MEMO);
  trie = t;
}

/** A piece of a segmented Thai run: its end offset and whether it is a dictionary word. */
export interface ThaiSegment {
  end: number;
  known: boolean;
}

/** The end of the grapheme cluster starting at `i` (a base and its marks) within [i, to). */
function clusterEnd(text: string, i: number, to: number): number {
  let j = i + 1;
  while (j < to && isCombining(text.charCodeAt(j))) j++;
  return j;
}

/**
 * Splits text[from, to), a run of Thai letters, into dictionary words by maximal matching: the
 * fewest characters outside any word, then the fewest pieces, then the longest first word (so
 * ประจำปี reads ประจำ|ปี, not ประ|จำปี). A stretch no word covers (a name, a typo) comes out as
 * one unknown piece. `abbreviated`: the run ends just before a full stop, so its last letters
 * may be an abbreviation (the พ of งบประมาณพ.ศ.) rather than part of a word.
 *
 * Linear in the run's length: each position walks the trie at most as deep as the longest word.
 * `libthaiOnly` leaves the memo's compounds out (where a compound wider than a line may break).
 * `steps`, when given, counts those trie steps (the tests check linearity with it).
 */
export function segmentThai(
  text: string,
  from: number,
  to: number,
  options: { abbreviated?: boolean; libthaiOnly?: boolean; steps?: { count: number } } = {},
): ThaiSegment[] {
  requireThaiDictionary();
  const { abbreviated = false, libthaiOnly = false, steps } = options;
  const n = to - from;
  // A memo repeats its phrases (หน่วยงาน 300 times): runs between spaces are remembered.
  const key = n <= MAX_CACHED_RUN ? `${+abbreviated}${+libthaiOnly}${text.slice(from, to)}` : '';
  const known = key ? segmented.get(key) : undefined;
  if (known) return known.map((p) => ({ end: from + p.end, known: p.known }));
  const out = segmentRun(
    text,
    from,
    to,
    abbreviated,
    libthaiOnly ? LIBTHAI : LIBTHAI | MEMO,
    steps,
  );
  if (key) {
    if (segmented.size >= MAX_CACHED_RUNS) segmented.clear();
    segmented.set(
      key,
      out.map((p) => ({ end: p.end - from, known: p.known })),
    );
  }
  return out;
}

/** Segmentations of runs seen before, by flags and run (offsets from the run's start). */
const segmented = new Map<string, ThaiSegment[]>();
const MAX_CACHED_RUN = 200;
const MAX_CACHED_RUNS = 20_000;

function segmentRun(
  text: string,
  from: number,
  to: number,
  abbreviated: boolean,
  lists: number,
  steps: { count: number } | undefined,
): ThaiSegment[] {
  const t = trie!;
  const n = to - from;
  // Best cost of segmenting [i, n): characters left unknown, then pieces; `next` is where the
  // first piece ends and `word` whether it is a dictionary word (else unknown).
  const unknown = new Int32Array(n + 1);
  const pieces = new Int32Array(n + 1);
  const next = new Int32Array(n + 1);
  const word = new Uint8Array(n + 1).fill(1);
  let walked = 0;
  for (let i = n - 1; i >= 0; i--) {
    // An unknown cluster; a run of them is one piece.
    const c = clusterEnd(text, from + i, to) - from;
    let bestU = unknown[c] + (c - i);
    let bestP = pieces[c] + (c < n && word[c] === 0 ? 0 : 1);
    let bestNext = c;
    let bestWord = 0;
    if (abbreviated && n - i <= MAX_ABBREVIATION && !isCombining(text.charCodeAt(from + i))) {
      bestU = 0;
      bestP = 1;
      bestNext = n;
      bestWord = 1;
    }
    let node = 0;
    for (let j = from + i; j < to; j++) {
      walked++;
      node = t.step(node, text.charCodeAt(j));
      if (node < 0) break;
      const end = j + 1 - from;
      if ((t.lists(node) & lists) === 0 || (end < n && isCombining(text.charCodeAt(j + 1))))
        continue;
      const u = unknown[end];
      const p = pieces[end] + 1;
      // Ties go to the longer word: later ends replace earlier ones.
      if (u < bestU || (u === bestU && p <= bestP)) {
        bestU = u;
        bestP = p;
        bestNext = end;
        bestWord = 1;
      }
    }
    unknown[i] = bestU;
    pieces[i] = bestP;
    next[i] = bestNext;
    word[i] = bestWord;
  }
  if (steps) steps.count += walked;
  const out: ThaiSegment[] = [];
  for (let i = 0; i < n;) {
    let end = next[i];
    if (word[i] === 0) while (end < n && word[end] === 0) end = next[end];
    out.push({ end: from + end, known: word[i] === 1 });
    i = end;
  }
  return out;
}
