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

/** Marks and following vowels: they never start a word (nor a grapheme cluster). */
function isCombining(code: number): boolean {
  return (
    code === 0x0e31 ||
    (code >= 0x0e33 && code <= 0x0e3a) ||
    (code >= 0x0e47 && code <= 0x0e4e)
  );
}

/**
 * A trie over Thai code points: one map from (node, letter) to child node keeps the ~25,000
 * words in about 100,000 number-keyed entries, built in a few tens of milliseconds.
 */
class Trie {
  private readonly edges = new Map<number, number>();
  private readonly ends: Uint8Array[] = [new Uint8Array(1024)];
  private nodes = 1;

  add(word: string): void {
    let node = 0;
    for (let i = 0; i < word.length; i++) {
      const key = node * 128 + (word.charCodeAt(i) - 0x0e00);
      let next = this.edges.get(key);
      if (next === undefined) {
        next = this.nodes++;
        this.edges.set(key, next);
      }
      node = next;
    }
    this.setEnd(node);
  }

  /** The child of `node` for the code point, or -1. */
  step(node: number, code: number): number {
    return this.edges.get(node * 128 + (code - 0x0e00)) ?? -1;
  }

  isEnd(node: number): boolean {
    const page = this.ends[node >> 10];
    return page !== undefined && page[node & 1023] === 1;
  }

  private setEnd(node: number): void {
    const p = node >> 10;
    while (this.ends.length <= p) this.ends.push(new Uint8Array(1024));
    this.ends[p][node & 1023] = 1;
  }
}

let trie: Trie | undefined;
/** Letters before a full stop that may be an abbreviation (พ of พ.ศ., อบต of อบต.). */
const MAX_ABBREVIATION = 3;

/** The folder of the word lists wordcut ships (`data/tdict-*.txt`, one word per line). */
function wordcutDataDir(): string {
  return join(dirname(require.resolve('wordcut/package.json')), 'data');
}

/** Every word of the dictionary: wordcut's lists and the memo's own words. */
export function dictionaryWords(): string[] {
  const dir = wordcutDataDir();
  const words: string[] = [];
  for (const file of readdirSync(dir).sort()) {
    if (!/^tdict-.*\.txt$/.test(file)) continue;
    for (const line of readFileSync(join(dir, file), 'utf8').split(/\r?\n/)) {
      const word = line.trim();
      // Abbreviations with dots (พ.ศ.) are kept whole by the punctuation rules instead.
      if (word && isThaiWord(word)) words.push(word);
    }
  }
  words.push(...MEMO_WORDS, ...MEMO_COMPOUNDS);
  return words;
}

function isThaiWord(word: string): boolean {
  for (let i = 0; i < word.length; i++) if (!isThaiLetter(word.charCodeAt(i))) return false;
  return !isCombining(word.charCodeAt(0));
}

/** Loads the dictionary (once per process); fails clearly when the word lists are missing. */
export function requireThaiDictionary(): void {
  if (trie) return;
  let words: string[];
  try {
    words = dictionaryWords();
  } catch (err) {
    throw new Error(
      `Thai line breaking needs the word lists of the wordcut package (npm ci installs it): ${String(err)}`,
    );
  }
  const t = new Trie();
  for (const w of words) t.add(w);
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
 * `steps`, when given, counts those trie steps (the tests check linearity with it).
 */
export function segmentThai(
  text: string,
  from: number,
  to: number,
  abbreviated = false,
  steps?: { count: number },
): ThaiSegment[] {
  requireThaiDictionary();
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
      if (!t.isEnd(node) || (end < n && isCombining(text.charCodeAt(j + 1)))) continue;
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
  for (let i = 0; i < n; ) {
    let end = next[i];
    if (word[i] === 0) while (end < n && word[end] === 0) end = next[end];
    out.push({ end: from + end, known: word[i] === 1 });
    i = end;
  }
  return out;
}
