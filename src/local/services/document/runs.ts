import type { TextRun, TextStyle } from '../../docmodel';
import { anchorsBetween, runWith, sameAnchors } from '../../comment-anchors';
import type { Re2Pattern } from './re2';
import { allMatches, expandReplacement } from './re2';

/**
 * Operations on a Text element's styled runs. Offsets are UTF-16 code units, as in Apps Script.
 * Style patches use null for "clear" (an attribute set to null in DocumentApp reads as unset).
 */

export type StylePatch = { [K in keyof TextStyle]?: TextStyle[K] | null };

export const STYLE_KEYS: (keyof TextStyle)[] = [
  'fontFamily',
  'fontSize',
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'foregroundColor',
  'backgroundColor',
  'linkUrl',
];

export function runsText(runs: TextRun[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

export function sameStyle(a: TextStyle, b: TextStyle): boolean {
  return STYLE_KEYS.every((k) => a[k] === b[k]);
}

function cleanStyle(style: TextStyle): TextStyle {
  const out: TextStyle = {};
  for (const k of STYLE_KEYS)
    if (style[k] !== undefined) (out as Record<string, unknown>)[k] = style[k];
  return out;
}

/** Adjacent runs with one style (and the same comment anchors) become one; empty runs disappear. */
export function mergeRuns(runs: TextRun[]): TextRun[] {
  const out: TextRun[] = [];
  for (const r of runs) {
    if (r.text === '') continue;
    const last = out[out.length - 1];
    if (last && sameStyle(last.style, r.style) && sameAnchors(last.comments, r.comments))
      last.text += r.text;
    else out.push(runWith(r.text, cleanStyle(r.style), r.comments));
  }
  return out;
}

/** A copy of the runs whose styles may be changed. */
function copyRuns(runs: TextRun[]): TextRun[] {
  return runs.map((r) => runWith(r.text, { ...r.style }, r.comments));
}

/** The anchors of the character at `offset`, if any. */
function anchorsAt(runs: TextRun[], offset: number): string[] | undefined {
  let pos = 0;
  for (const r of runs) {
    if (offset < pos + r.text.length) return r.comments;
    pos += r.text.length;
  }
  return undefined;
}

/** Splits runs so that `offset` falls on a run boundary; returns the index of the run starting there. */
function splitAt(runs: TextRun[], offset: number): number {
  let pos = 0;
  for (let i = 0; i < runs.length; i++) {
    const r = runs[i];
    if (offset === pos) return i;
    if (offset < pos + r.text.length) {
      const cut = offset - pos;
      runs.splice(
        i,
        1,
        runWith(r.text.slice(0, cut), r.style, r.comments),
        runWith(r.text.slice(cut), { ...r.style }, r.comments),
      );
      return i + 1;
    }
    pos += r.text.length;
  }
  return runs.length;
}

/** The style of the character at `offset` (the last character if offset is the length). */
export function styleAt(runs: TextRun[], offset: number): TextStyle {
  let pos = 0;
  for (const r of runs) {
    if (offset < pos + r.text.length) return r.style;
    pos += r.text.length;
  }
  return runs.length ? runs[runs.length - 1].style : {};
}

/**
 * Inserted text takes the style of the character before it (at offset 0, of the character after
 * it), as typing in Docs does and as DocumentApp's insertText/appendText do.
 */
export function insertIntoRuns(
  runs: TextRun[],
  offset: number,
  text: string,
  style?: TextStyle,
): TextRun[] {
  const inherit = style ?? (offset > 0 ? styleAt(runs, offset - 1) : styleAt(runs, 0));
  // Typed inside a commented range, the text joins the range (comment-anchors.ts).
  const anchors =
    offset > 0 ? anchorsBetween(anchorsAt(runs, offset - 1), anchorsAt(runs, offset)) : undefined;
  const copy = copyRuns(runs);
  const i = splitAt(copy, offset);
  copy.splice(i, 0, runWith(text, { ...inherit }, anchors));
  return mergeRuns(copy);
}

/** Removes [start, end) . */
export function deleteFromRuns(runs: TextRun[], start: number, end: number): TextRun[] {
  const copy = copyRuns(runs);
  const a = splitAt(copy, start);
  const b = splitAt(copy, end);
  copy.splice(a, b - a);
  return mergeRuns(copy);
}

/** Applies a style patch to [start, end). */
export function styleRuns(
  runs: TextRun[],
  start: number,
  end: number,
  patch: StylePatch,
): TextRun[] {
  const copy = copyRuns(runs);
  const a = splitAt(copy, start);
  const b = splitAt(copy, end);
  for (let i = a; i < b; i++) {
    const st = copy[i].style as Record<string, unknown>;
    for (const [k, v] of Object.entries(patch)) {
      if (v === null) delete st[k];
      else if (v !== undefined) st[k] = v;
    }
  }
  return mergeRuns(copy);
}

/**
 * replaceText within one Text element: every RE2 match is replaced by the expanded replacement,
 * which takes the style of the first character it replaces.
 */
export function replaceInRuns(
  runs: TextRun[],
  re: Re2Pattern,
  replacement: string,
): { runs: TextRun[]; count: number } {
  const text = runsText(runs);
  const matches = allMatches(re, text);
  if (matches.length === 0) return { runs, count: 0 };
  let out: TextRun[] = [];
  let pos = 0;
  const piece = (from: number, to: number) => {
    let p = 0;
    for (const r of runs) {
      const a = Math.max(from, p);
      const b = Math.min(to, p + r.text.length);
      if (a < b) out.push(runWith(r.text.slice(a - p, b - p), { ...r.style }, r.comments));
      p += r.text.length;
    }
  };
  for (const m of matches) {
    piece(pos, m.index);
    const style = m[0] === '' && m.index > 0 ? styleAt(runs, m.index - 1) : styleAt(runs, m.index);
    out.push({ text: expandReplacement(replacement, m, re.groupCount), style: { ...style } });
    pos = m.index + m[0].length;
  }
  piece(pos, text.length);
  out = mergeRuns(out);
  return { runs: out, count: matches.length };
}
