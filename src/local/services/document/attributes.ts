import type { ParagraphStyle, TextStyle } from '../../docmodel';
import { HorizontalAlignment, ParagraphHeading, enumName } from './enums';
import type { StylePatch } from './runs';
import { STYLE_KEYS } from './runs';

/**
 * DocumentApp attribute names (DocumentApp.Attribute) and the DocModel fields they map to.
 * getAttributes() answers with every attribute an element has, null where unset, as Google does.
 */

export const TEXT_ATTRIBUTES: Record<string, keyof TextStyle> = {
  BACKGROUND_COLOR: 'backgroundColor',
  BOLD: 'bold',
  FONT_FAMILY: 'fontFamily',
  FONT_SIZE: 'fontSize',
  FOREGROUND_COLOR: 'foregroundColor',
  ITALIC: 'italic',
  LINK_URL: 'linkUrl',
  STRIKETHROUGH: 'strikethrough',
  UNDERLINE: 'underline',
};

export const PARAGRAPH_ATTRIBUTES: Record<string, keyof ParagraphStyle> = {
  HEADING: 'heading',
  HORIZONTAL_ALIGNMENT: 'alignment',
  INDENT_START: 'indentStart',
  INDENT_END: 'indentEnd',
  INDENT_FIRST_LINE: 'indentFirstLine',
  SPACING_BEFORE: 'spacingBefore',
  SPACING_AFTER: 'spacingAfter',
  LINE_SPACING: 'lineSpacing',
};

/** '#RGB' or '#RRGGBB' in, '#rrggbb' out; Apps Script rejects colour names. */
export function color(value: unknown, what = 'color'): string {
  const s = String(value);
  const short = /^#([0-9a-f])([0-9a-f])([0-9a-f])$/i.exec(s);
  if (short)
    return `#${short[1]}${short[1]}${short[2]}${short[2]}${short[3]}${short[3]}`.toLowerCase();
  if (/^#[0-9a-f]{6}$/i.test(s)) return s.toLowerCase();
  throw new Error(`Invalid argument: ${what}`);
}

export function num(value: unknown, what: string): number {
  if (typeof value !== 'number' || !Number.isFinite(value))
    throw new Error(`Invalid argument: ${what}`);
  return value;
}

function bool(value: unknown, what: string): boolean {
  if (typeof value !== 'boolean') throw new Error(`Invalid argument: ${what}`);
  return value;
}

/** A TextStyle value checked the way the matching DocumentApp setter checks it. */
export function textValue(key: keyof TextStyle, value: unknown): TextStyle[keyof TextStyle] {
  switch (key) {
    case 'bold':
    case 'italic':
    case 'underline':
    case 'strikethrough':
      return bool(value, key);
    case 'fontSize': {
      const n = num(value, 'size');
      if (n <= 0) throw new Error('Invalid argument: size');
      return n;
    }
    case 'foregroundColor':
    case 'backgroundColor':
      return color(value);
    case 'fontFamily':
    case 'linkUrl':
      if (typeof value !== 'string') throw new Error(`Invalid argument: ${key}`);
      return value;
  }
}

/** The text part of an attributes object as a style patch (null clears). */
export function textPatch(attrs: Record<string, unknown>): StylePatch {
  const patch: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) {
    if (!(name in attrs)) continue;
    const v = attrs[name];
    patch[key] = v === null || (key === 'linkUrl' && v === '') ? null : textValue(key, v);
  }
  return patch as StylePatch;
}

export function paragraphValue(
  key: keyof ParagraphStyle,
  value: unknown,
): ParagraphStyle[keyof ParagraphStyle] {
  switch (key) {
    case 'heading':
      return enumName(ParagraphHeading, value, 'heading');
    case 'alignment':
      return enumName(HorizontalAlignment, value, 'alignment');
    case 'keepWithNext':
      return bool(value, key);
    case 'lineSpacing': {
      const n = num(value, 'multiplier');
      if (n < 0) throw new Error('Invalid argument: multiplier');
      return n;
    }
    default:
      return num(value, key);
  }
}

export function paragraphPatch(
  attrs: Record<string, unknown>,
): Partial<Record<keyof ParagraphStyle, unknown>> {
  const patch: Partial<Record<keyof ParagraphStyle, unknown>> = {};
  for (const [name, key] of Object.entries(PARAGRAPH_ATTRIBUTES)) {
    if (!(name in attrs)) continue;
    const v = attrs[name];
    patch[key] = v === null ? null : paragraphValue(key, v);
  }
  return patch;
}

export function applyPatch<T extends object>(
  target: T,
  patch: Partial<Record<keyof T, unknown>>,
): void {
  const t = target as Record<string, unknown>;
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete t[k];
    else if (v !== undefined) t[k] = v;
  }
}

/** Text attributes of a (uniform or per-character) style, null where unset. */
export function textAttributes(style: TextStyle | null): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(TEXT_ATTRIBUTES)) out[name] = style?.[key] ?? null;
  return out;
}

export function paragraphAttributes(style: ParagraphStyle): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [name, key] of Object.entries(PARAGRAPH_ATTRIBUTES)) out[name] = style[key] ?? null;
  out.HEADING = style.heading ?? 'NORMAL';
  out.LEFT_TO_RIGHT = true;
  return out;
}

/** The value every character shares, or null when they differ (or there are none). */
export function uniform(styles: TextStyle[]): TextStyle {
  const out: TextStyle = {};
  if (styles.length === 0) return out;
  for (const key of STYLE_KEYS) {
    const first = styles[0][key];
    if (first !== undefined && styles.every((s) => s[key] === first)) {
      (out as Record<string, unknown>)[key] = first;
    }
  }
  return out;
}
