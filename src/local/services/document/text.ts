import type { TextNode, TextStyle } from '../../docmodel';
import { textAttributes, textPatch, textValue, uniform } from './attributes';
import { ElementBase, registerElement, wrap } from './element';
import { compileRe2 } from './re2';
import type { StylePatch } from './runs';
import {
  deleteFromRuns,
  insertIntoRuns,
  replaceInRuns,
  runsText,
  styleAt,
  styleRuns,
} from './runs';
import { RangeElement, firstMatch } from './search';
import type { DocSession } from './session';
import type { AnyNode, ParagraphLike } from './tree';
import { attach, childrenOf, isParagraphLike, parentOf, textNodesIn } from './tree';

type GText = GoogleAppsScript.Document.Text;

/**
 * One stretch of a Text's characters: a Text element (or, for an empty paragraph, the place where
 * one would be created) and the separator that follows it when a Text spans several paragraphs.
 */
interface Seg {
  owner: ParagraphLike | undefined;
  node: TextNode | null;
  after: string;
}

interface Flat {
  segs: Seg[];
  starts: number[];
  text: string;
}

function notEmulated(what: string): Error {
  return new Error(`Local DocumentApp: ${what} is not emulated.`);
}

function ownerOf(node: AnyNode): ParagraphLike | undefined {
  const p = parentOf(node);
  return p && isParagraphLike(p) ? p : undefined;
}

/** The style a new Text element in `owner` before child `index` inherits: the preceding character's. */
function inheritedStyle(owner: ParagraphLike, index: number): TextStyle {
  for (let i = index - 1; i >= 0; i--) {
    const c = owner.children[i];
    if (c.type === 'text' && runsText(c.runs) !== '')
      return { ...styleAt(c.runs, runsText(c.runs).length - 1) };
  }
  return {};
}

/** Creates an empty Text element in a paragraph at a child index (for appendText/insertText). */
export function newTextNode(owner: ParagraphLike, index: number, text: string): TextNode {
  const node: TextNode = {
    type: 'text',
    runs: text ? [{ text, style: inheritedStyle(owner, index) }] : [],
  };
  attach(owner, node, index);
  return node;
}

const RANGE_MESSAGE = (i: number, len: number) =>
  `Index (${i}) must be less than the content length (${len}).`;

/**
 * DocumentApp's Text: either one Text element, or (from editAsText) a view over every Text
 * element of a paragraph or container. Offsets are UTF-16 code units, as in Apps Script.
 */
export class Text
  extends ElementBase
  implements
    Pick<
      GText,
      | 'appendText'
      | 'deleteText'
      | 'editAsText'
      | 'findText'
      | 'getAttributes'
      | 'getBackgroundColor'
      | 'getFontFamily'
      | 'getFontSize'
      | 'getForegroundColor'
      | 'getLinkUrl'
      | 'getText'
      | 'getTextAttributeIndices'
      | 'insertText'
      | 'isBold'
      | 'isItalic'
      | 'isStrikethrough'
      | 'isUnderline'
      | 'replaceText'
      | 'setAttributes'
      | 'setBackgroundColor'
      | 'setBold'
      | 'setFontFamily'
      | 'setFontSize'
      | 'setForegroundColor'
      | 'setItalic'
      | 'setLinkUrl'
      | 'setStrikethrough'
      | 'setText'
      | 'setUnderline'
    >
{
  constructor(
    session: DocSession,
    node: AnyNode,
    private readonly _segments: () => Seg[],
    readonly _composite: boolean,
  ) {
    super(session, node, 'Text');
  }

  _flat(): Flat {
    const segs = this._segments();
    const starts: number[] = [];
    let text = '';
    for (const s of segs) {
      starts.push(text.length);
      text += (s.node ? runsText(s.node.runs) : '') + s.after;
    }
    return { segs, starts, text };
  }

  /** Effective style of each character (paragraph-level attributes under the run's own). */
  private _charStyles(flat: Flat, from = 0, to = flat.text.length): (TextStyle | null)[] {
    const out: (TextStyle | null)[] = [];
    flat.segs.forEach((s, i) => {
      const len = s.node ? runsText(s.node.runs).length : 0;
      for (let k = 0; k < len; k++) {
        const at = flat.starts[i] + k;
        if (at < from || at >= to) continue;
        out.push({ ...s.owner?.textStyle, ...styleAt((s.node as TextNode).runs, k) });
      }
      for (let k = 0; k < s.after.length; k++) {
        const at = flat.starts[i] + len + k;
        if (at >= from && at < to) out.push(null);
      }
    });
    return out;
  }

  private _checkRange(start: unknown, end: unknown, len: number): [number, number] {
    if (typeof start !== 'number' || !Number.isInteger(start) || start < 0 || start >= len) {
      throw new Error(RANGE_MESSAGE(Number(start), len));
    }
    if (typeof end !== 'number' || !Number.isInteger(end) || end < 0 || end >= len) {
      throw new Error(RANGE_MESSAGE(Number(end), len));
    }
    if (end < start)
      throw new Error(`Invalid range: start offset (${start}) is after end offset (${end}).`);
    return [start, end];
  }

  /** Applies fn to the part of each Text element inside [start, end). */
  private _eachPart(
    flat: Flat,
    start: number,
    end: number,
    fn: (seg: Seg, a: number, b: number) => void,
  ): void {
    flat.segs.forEach((s, i) => {
      const len = s.node ? runsText(s.node.runs).length : 0;
      const a = Math.max(start, flat.starts[i]) - flat.starts[i];
      const b = Math.min(end, flat.starts[i] + len) - flat.starts[i];
      if (s.node && a < b) fn(s, a, b);
    });
  }

  private _applyStyle(start: number, endExclusive: number, patch: StylePatch): void {
    const flat = this._flat();
    this._eachPart(flat, start, endExclusive, (s, a, b) => {
      (s.node as TextNode).runs = styleRuns((s.node as TextNode).runs, a, b, patch);
    });
  }

  /** setX(value) or setX(start, endInclusive, value). */
  private _set(args: unknown[], key: keyof TextStyle): never {
    this._edit();
    const flat = this._flat();
    let start = 0;
    let end = flat.text.length;
    let value: unknown;
    if (args.length >= 3) {
      const [a, b] = this._checkRange(args[0], args[1], flat.text.length);
      start = a;
      end = b + 1;
      value = args[2];
    } else {
      value = args[0];
    }
    const v = value === null || (key === 'linkUrl' && value === '') ? null : textValue(key, value);
    this._applyStyle(start, end, { [key]: v } as StylePatch);
    return this as never;
  }

  /** getX() (null unless all characters agree) or getX(offset). */
  private _get(args: unknown[], key: keyof TextStyle): never {
    const flat = this._flat();
    if (args.length >= 1 && args[0] !== undefined && args[0] !== null) {
      const [o] = this._checkRange(args[0], args[0], flat.text.length);
      return (this._charStyles(flat, o, o + 1)[0]?.[key] ?? null) as never;
    }
    const styles = this._charStyles(flat).filter((s): s is TextStyle => s !== null);
    return (uniform(styles)[key] ?? null) as never;
  }

  getText(): string {
    return this._flat().text;
  }

  setText(text: string): never {
    this._edit();
    const value = String(text);
    const segs = this._segments();
    if (!this._composite) {
      const node = segs[0].node as TextNode;
      const style = node.runs.length ? { ...node.runs[0].style } : {};
      node.runs = value ? [{ text: value, style }] : [];
      return this as never;
    }
    const owners = new Set(segs.map((s) => s.owner));
    if (owners.size !== 1 || !segs[0].owner)
      throw notEmulated('setText on text spanning several paragraphs');
    const owner = segs[0].owner;
    const firstText = owner.children.findIndex((c) => c.type === 'text');
    const first = firstText >= 0 ? (owner.children[firstText] as TextNode) : null;
    const style = first?.runs.length ? { ...first.runs[0].style } : inheritedStyle(owner, 0);
    owner.children = owner.children.filter((c) => c.type !== 'text');
    const node: TextNode = { type: 'text', runs: value ? [{ text: value, style }] : [] };
    attach(owner, node, Math.max(0, firstText));
    return this as never;
  }

  appendText(text: string): never {
    return this.insertText(this._flat().text.length, text);
  }

  insertText(offset: number, text: string): never {
    this._edit();
    const value = String(text);
    const flat = this._flat();
    if (
      typeof offset !== 'number' ||
      !Number.isInteger(offset) ||
      offset < 0 ||
      offset > flat.text.length
    ) {
      throw new Error(
        `Index (${String(offset)}) must be less than or equal to the content length (${flat.text.length}).`,
      );
    }
    for (let i = 0; i < flat.segs.length; i++) {
      const s = flat.segs[i];
      const len = s.node ? runsText(s.node.runs).length : 0;
      if (offset > flat.starts[i] + len) continue;
      const local = offset - flat.starts[i];
      if (!s.node) {
        if (!s.owner) throw notEmulated('inserting text here');
        newTextNode(s.owner, s.owner.children.length, value);
      } else if (len === 0 && s.owner) {
        // An empty Text element inherits from the text before it in the paragraph.
        const idx = s.owner.children.indexOf(s.node);
        s.node.runs = insertIntoRuns([], 0, value, inheritedStyle(s.owner, idx));
      } else {
        s.node.runs = insertIntoRuns(s.node.runs, local, value);
      }
      return this as never;
    }
    throw notEmulated('inserting text here');
  }

  deleteText(startOffset: number, endOffsetInclusive: number): never {
    this._edit();
    const flat = this._flat();
    const [a, b] = this._checkRange(startOffset, endOffsetInclusive, flat.text.length);
    if (this._charStyles(flat, a, b + 1).some((s) => s === null)) {
      throw notEmulated('deleting text across paragraphs');
    }
    this._eachPart(flat, a, b + 1, (s, x, y) => {
      (s.node as TextNode).runs = deleteFromRuns((s.node as TextNode).runs, x, y);
    });
    return this as never;
  }

  isBold(offset?: number | null): boolean {
    return this._get([offset], 'bold');
  }
  isItalic(offset?: number | null): boolean {
    return this._get([offset], 'italic');
  }
  isUnderline(offset?: number | null): boolean {
    return this._get([offset], 'underline');
  }
  isStrikethrough(offset?: number | null): boolean {
    return this._get([offset], 'strikethrough');
  }
  getFontSize(offset?: number | null): number {
    return this._get([offset], 'fontSize');
  }
  getFontFamily(offset?: number | null): string {
    return this._get([offset], 'fontFamily');
  }
  getForegroundColor(offset?: number | null): string {
    return this._get([offset], 'foregroundColor');
  }
  getBackgroundColor(offset?: number | null): string {
    return this._get([offset], 'backgroundColor');
  }
  getLinkUrl(offset?: number | null): string {
    return this._get([offset], 'linkUrl');
  }

  setBold(...args: [boolean] | [number, number, boolean]): never {
    return this._set(args, 'bold');
  }
  setItalic(...args: [boolean] | [number, number, boolean]): never {
    return this._set(args, 'italic');
  }
  setUnderline(...args: [boolean] | [number, number, boolean]): never {
    return this._set(args, 'underline');
  }
  setStrikethrough(...args: [boolean] | [number, number, boolean]): never {
    return this._set(args, 'strikethrough');
  }
  setFontSize(...args: [number] | [number, number, number]): never {
    return this._set(args, 'fontSize');
  }
  setFontFamily(...args: [string] | [number, number, string]): never {
    return this._set(args, 'fontFamily');
  }
  setForegroundColor(...args: [string] | [number, number, string]): never {
    return this._set(args, 'foregroundColor');
  }
  setBackgroundColor(...args: [string] | [number, number, string]): never {
    return this._set(args, 'backgroundColor');
  }
  setLinkUrl(...args: [string | null] | [number, number, string | null]): never {
    return this._set(args, 'linkUrl');
  }

  getAttributes(offset?: number | null): Record<string, unknown> {
    const flat = this._flat();
    if (offset !== undefined && offset !== null) {
      const [o] = this._checkRange(offset, offset, flat.text.length);
      return textAttributes(this._charStyles(flat, o, o + 1)[0]);
    }
    const styles = this._charStyles(flat).filter((s): s is TextStyle => s !== null);
    return textAttributes(uniform(styles));
  }

  setAttributes(
    ...args: [Record<string, unknown>] | [number, number, Record<string, unknown>]
  ): never {
    this._edit();
    const flat = this._flat();
    let start = 0;
    let end = flat.text.length;
    let attrs: Record<string, unknown>;
    if (args.length >= 3) {
      const [a, b] = this._checkRange(args[0], args[1], flat.text.length);
      start = a;
      end = b + 1;
      attrs = args[2] as Record<string, unknown>;
    } else {
      attrs = (args[0] ?? {}) as Record<string, unknown>;
    }
    this._applyStyle(start, end, textPatch(attrs));
    return this as never;
  }

  /** Where the formatting changes: offsets starting each differently styled stretch. */
  getTextAttributeIndices(): number[] {
    const flat = this._flat();
    const styles = this._charStyles(flat);
    const out: number[] = [];
    let prev: string | undefined;
    styles.forEach((s, i) => {
      const key = JSON.stringify(textAttributes(s));
      if (key !== prev) out.push(i);
      prev = key;
    });
    return out;
  }

  editAsText(): never {
    return this as never;
  }

  override asText(): GText {
    return this as never;
  }

  findText(searchPattern: string, from?: GoogleAppsScript.Document.RangeElement | null): never {
    const re = compileRe2(String(searchPattern));
    let offset = 0;
    if (from !== undefined && from !== null) {
      const prev = from as unknown as RangeElement;
      if (!prev._element || prev._element._n !== this._n) throw new Error('Invalid argument: from');
      offset = prev._endInclusive + 1;
    }
    const text = this._flat().text;
    const m = firstMatch(re, text, offset);
    if (!m) return null as never;
    const end = m.index + m[0].length - 1;
    return new RangeElement(
      this._s,
      this,
      m.index,
      end,
      m.index > 0 || end < text.length - 1,
    ) as never;
  }

  /** Matched within each Text element separately, never across them. */
  replaceText(searchPattern: string, replacement: string): never {
    this._edit();
    const re = compileRe2(String(searchPattern));
    for (const s of this._segments()) {
      if (!s.node) continue;
      const { runs, count } = replaceInRuns(s.node.runs, re, String(replacement));
      if (count) s.node.runs = runs;
    }
    return this as never;
  }

  /** Joins this Text element to the previous one in its paragraph. */
  merge(): never {
    this._edit();
    if (this._composite) throw notEmulated('merge on a Text from editAsText()');
    const owner = ownerOf(this._n);
    const node = this._n as TextNode;
    const i = owner ? owner.children.indexOf(node) : -1;
    const prev = owner && i > 0 ? owner.children[i - 1] : undefined;
    if (!owner || prev?.type !== 'text')
      throw new Error('Element does not have a previous sibling Text to merge with.');
    prev.runs = [...prev.runs, ...node.runs];
    owner.children.splice(i, 1);
    return wrap(this._s, prev) as never;
  }

  override removeFromParent(): never {
    if (this._composite) throw notEmulated('removeFromParent on a Text from editAsText()');
    return super.removeFromParent();
  }

  override copy(): never {
    if (this._composite) throw notEmulated('copy on a Text from editAsText()');
    return super.copy();
  }
}

/** The Text a paragraph's editAsText() returns: all its Text elements as one. */
export function paragraphText(session: DocSession, p: ParagraphLike): Text {
  return new Text(
    session,
    p,
    () => {
      const nodes = p.children.filter((c): c is TextNode => c.type === 'text');
      return nodes.length
        ? nodes.map((node) => ({ owner: p, node, after: '' }))
        : [{ owner: p, node: null, after: '' }];
    },
    true,
  );
}

/** editAsText() of a container: its paragraphs' text joined by newlines. */
export function containerText(session: DocSession, root: AnyNode): Text {
  return new Text(
    session,
    root,
    () => {
      const segs: Seg[] = [];
      const paragraphs: ParagraphLike[] = [];
      const walk = (n: AnyNode) => {
        for (const k of childrenOf(n) ?? []) {
          if (isParagraphLike(k)) paragraphs.push(k);
          else walk(k);
        }
      };
      walk(root);
      paragraphs.forEach((p, i) => {
        const nodes = textNodesIn(p);
        const sep = i < paragraphs.length - 1 ? '\n' : '';
        if (nodes.length === 0) segs.push({ owner: p, node: null, after: sep });
        nodes.forEach((node, k) =>
          segs.push({ owner: p, node, after: k === nodes.length - 1 ? sep : '' }),
        );
      });
      return segs;
    },
    true,
  );
}

registerElement(
  ['text'],
  (session, node) =>
    new Text(
      session,
      node,
      () => [{ owner: ownerOf(node), node: node as TextNode, after: '' }],
      false,
    ),
);
