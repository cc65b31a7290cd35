/**
 * Copying styles with the Docs API: which fields a request may name, and a paragraph's "look"
 * (its style and bullet) as a request sets it.
 *
 * Update requests take a field mask; a field named in the mask and left unset is reset to its
 * default ("To reset a property to its default value, include its field name in the field mask
 * but leave the field itself unset", UpdateTextStyleRequest and UpdateParagraphStyleRequest in
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request). Read-only fields
 * (a paragraph's headingId and tabStops, a cell's spans, a row's tableHeader) never go in a mask.
 */
import type { Bullet, ParagraphStyle, TableCellStyle, TableRowStyle, TextStyle } from './types';

export const TEXT_STYLE_FIELDS = [
  'bold',
  'italic',
  'underline',
  'strikethrough',
  'smallCaps',
  'baselineOffset',
  'fontSize',
  'weightedFontFamily',
  'foregroundColor',
  'backgroundColor',
  'link',
] as const;

export const PARAGRAPH_STYLE_FIELDS = [
  'namedStyleType',
  'alignment',
  'lineSpacing',
  'direction',
  'spacingMode',
  'spaceAbove',
  'spaceBelow',
  'borderBetween',
  'borderTop',
  'borderBottom',
  'borderLeft',
  'borderRight',
  'indentFirstLine',
  'indentStart',
  'indentEnd',
  'keepLinesTogether',
  'keepWithNext',
  'avoidWidowAndOrphan',
  'shading',
  'pageBreakBefore',
] as const;

export const TABLE_CELL_STYLE_FIELDS = [
  'backgroundColor',
  'borderLeft',
  'borderRight',
  'borderTop',
  'borderBottom',
  'paddingLeft',
  'paddingRight',
  'paddingTop',
  'paddingBottom',
  'contentAlignment',
] as const;

export const TABLE_ROW_STYLE_FIELDS = ['minRowHeight', 'preventOverflow'] as const;

/** A paragraph's style and bullet: what a re-created paragraph must get. */
export interface Look {
  style: ParagraphStyle;
  bullet?: Bullet;
}

/** A paragraph nobody styled: what new cells and new documents start with. */
export const DEFAULT_LOOK: Look = { style: { namedStyleType: 'NORMAL_TEXT' } };

/** Deep equality of JSON values (styles are small trees of numbers, strings and booleans). */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  let n = 0;
  for (const k in x) {
    if (x[k] === undefined) continue;
    if (!sameJson(x[k], y[k])) return false;
    n++;
  }
  for (const k in y) if (y[k] !== undefined) n--;
  return n === 0;
}

/** The settable fields of a style that are set, in the order of `fields`. */
export function setFields<T extends object>(
  style: T | undefined,
  fields: readonly string[],
): string[] {
  if (!style) return [];
  const s = style as Record<string, unknown>;
  return fields.filter((f) => s[f] !== undefined);
}

/** `style` restricted to `fields`. */
export function pick<T extends object>(style: T | undefined, fields: readonly string[]): T {
  const out: Record<string, unknown> = {};
  const s = (style ?? {}) as Record<string, unknown>;
  for (const f of fields) if (s[f] !== undefined) out[f] = s[f];
  return out as T;
}

/** The paragraph style fields to send to turn `from` into `to`: those that differ. */
export function paragraphFieldsBetween(from: ParagraphStyle, to: ParagraphStyle): string[] {
  return PARAGRAPH_STYLE_FIELDS.filter((f) => !sameJson(from[f], to[f]));
}

export function sameBullet(a: Bullet | undefined, b: Bullet | undefined): boolean {
  if (!a || !b) return !a && !b;
  return a.listId === b.listId && (a.nestingLevel ?? 0) === (b.nestingLevel ?? 0);
}

export const cellStyleFields = (s: TableCellStyle | undefined): string[] =>
  setFields(s, TABLE_CELL_STYLE_FIELDS);

export const rowStyleFields = (s: TableRowStyle | undefined): string[] =>
  setFields(s, TABLE_ROW_STYLE_FIELDS);

const settable = new WeakMap<TextStyle, TextStyle>();

/**
 * The settable part of a text style. One result per style object read from the document, so the
 * many runs of a long table compare equal at a glance (callers never change it).
 */
export function textStyleOf(s: TextStyle | undefined): TextStyle {
  if (!s) return {};
  let out = settable.get(s);
  if (!out) {
    out = pick(s, TEXT_STYLE_FIELDS);
    settable.set(s, out);
  }
  return out;
}
