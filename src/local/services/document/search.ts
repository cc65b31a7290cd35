import type { TextNode } from '../../docmodel';
import { tracked } from '../calls';
import type { ElementBase } from './element';
import { typeName, wrap } from './element';
import { enumName, ElementType } from './enums';
import type { Re2Pattern } from './re2';
import { compileRe2 } from './re2';
import { replaceInRuns, runsText } from './runs';
import type { DocSession } from './session';
import type { AnyNode } from './tree';
import { descendants, textNodesIn } from './tree';

/** What findText and findElement return: an element and, for text, the matched offsets. */
export class RangeElement implements GoogleAppsScript.Document.RangeElement {
  constructor(
    session: DocSession,
    readonly _element: ElementBase,
    readonly _start: number,
    readonly _endInclusive: number,
    readonly _partial: boolean,
  ) {
    return tracked(this, session.log, 'DocumentApp', 'RangeElement');
  }

  getElement(): GoogleAppsScript.Document.Element {
    return this._element as never;
  }

  getStartOffset(): number {
    return this._start;
  }

  getEndOffsetInclusive(): number {
    return this._endInclusive;
  }

  isPartial(): boolean {
    return this._partial;
  }
}

function fromRange(from: unknown): RangeElement | null {
  if (from === undefined || from === null) return null;
  if (typeof from !== 'object' || !('_element' in from)) throw new Error('Invalid argument: from');
  return from as RangeElement;
}

/**
 * The first match of an RE2 pattern at or after `offset` in a string, skipping empty matches (a
 * range must cover at least one character).
 */
export function firstMatch(re: Re2Pattern, text: string, offset: number): RegExpExecArray | null {
  const rx = new RegExp(re.regex.source, 'gu');
  rx.lastIndex = offset;
  let m: RegExpExecArray | null;
  while ((m = rx.exec(text)) !== null) {
    if (m[0] !== '') return m;
    // Step over a whole code point, never into the middle of a surrogate pair.
    const cp = text.codePointAt(m.index);
    rx.lastIndex = m.index + (cp !== undefined && cp > 0xffff ? 2 : 1);
    if (rx.lastIndex > text.length) break;
  }
  return null;
}

/**
 * findText on a container: the pattern is matched within each Text element separately, in
 * document order, continuing after `from` when given (a previous result).
 */
export function findTextIn(
  session: DocSession,
  root: AnyNode,
  pattern: string,
  from: unknown,
): never {
  const re = compileRe2(String(pattern));
  const nodes = textNodesIn(root);
  const prev = fromRange(from);
  let i = 0;
  let offset = 0;
  if (prev) {
    i = nodes.indexOf(prev._element._n as TextNode);
    if (i < 0) throw new Error('Invalid argument: from');
    offset = prev._endInclusive + 1;
  }
  for (; i < nodes.length; i++, offset = 0) {
    const text = runsText(nodes[i].runs);
    const m = firstMatch(re, text, offset);
    if (m) {
      const end = m.index + m[0].length - 1;
      const partial = m.index > 0 || end < text.length - 1;
      return new RangeElement(session, wrap(session, nodes[i]), m.index, end, partial) as never;
    }
  }
  return null as never;
}

export function findElementIn(
  session: DocSession,
  root: AnyNode,
  type: unknown,
  from: unknown,
): never {
  const wanted = enumName(ElementType, type, 'elementType');
  const all = descendants(root);
  const prev = fromRange(from);
  let i = 0;
  if (prev) {
    i = all.indexOf(prev._element._n) + 1;
    if (i === 0) throw new Error('Invalid argument: from');
  }
  for (; i < all.length; i++) {
    if (typeName(all[i]) === wanted) {
      return new RangeElement(session, wrap(session, all[i]), -1, -1, false) as never;
    }
  }
  return null as never;
}

/** replaceText on a container: within each Text element separately. */
export function replaceTextIn(root: AnyNode, pattern: string, replacement: string): void {
  const re = compileRe2(String(pattern));
  const rep = String(replacement);
  for (const node of textNodesIn(root)) {
    const { runs, count } = replaceInRuns(node.runs, re, rep);
    if (count) node.runs = runs;
  }
}
