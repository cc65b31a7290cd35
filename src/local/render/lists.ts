/**
 * List glyphs and numbering, as Google Docs shows them: items sharing a listId form one list
 * whose counters continue across other paragraphs; a deeper level restarts when a shallower
 * item appears.
 */
import type { GlyphType, ListItemNode } from '../docmodel';

export type BulletShape = 'disc' | 'circle' | 'square';

export type ListLabel = { kind: 'text'; text: string } | { kind: 'shape'; shape: BulletShape };

const THAI_DIGITS = '๐๑๒๓๔๕๖๗๘๙';

/** Arabic digits to Thai digits (other characters unchanged). */
export function toThaiDigits(s: string): string {
  return s.replace(/[0-9]/g, (d) => THAI_DIGITS[Number(d)]);
}

export function isBulletGlyph(glyph: GlyphType): boolean {
  return glyph === 'BULLET' || glyph === 'HOLLOW_BULLET' || glyph === 'SQUARE_BULLET';
}

/** Docs cycles filled disc, hollow circle, square down the levels of a bulleted list. */
export function bulletShape(glyph: GlyphType, level: number): BulletShape {
  if (glyph === 'HOLLOW_BULLET') return 'circle';
  if (glyph === 'SQUARE_BULLET') return 'square';
  return (['disc', 'circle', 'square'] as const)[level % 3];
}

/** The character a bulleted level shows in a DOCX. */
export function bulletChar(shape: BulletShape): string {
  return shape === 'disc' ? '•' : shape === 'circle' ? '◦' : '▪';
}

function latin(n: number, upper: boolean): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) {
    s = String.fromCharCode(97 + ((k - 1) % 26)) + s;
  }
  return upper ? s.toUpperCase() : s;
}

function roman(n: number, upper: boolean): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'm'],
    [900, 'cm'],
    [500, 'd'],
    [400, 'cd'],
    [100, 'c'],
    [90, 'xc'],
    [50, 'l'],
    [40, 'xl'],
    [10, 'x'],
    [9, 'ix'],
    [5, 'v'],
    [4, 'iv'],
    [1, 'i'],
  ];
  let s = '';
  let k = n;
  for (const [v, r] of table) {
    while (k >= v) {
      s += r;
      k -= v;
    }
  }
  return upper ? s.toUpperCase() : s;
}

/**
 * The label of the nth item (1-based). Numbers use Thai digits when the document asks for Thai
 * digits (`pageNumberDigits: 'thai'`): an office that wants ๑, ๒ in page numbers wants them in
 * list numbers too, and the model has no separate setting.
 */
export function numberLabel(glyph: GlyphType, n: number, thaiDigits: boolean): string {
  switch (glyph) {
    case 'LATIN_UPPER':
      return `${latin(n, true)}.`;
    case 'LATIN_LOWER':
      return `${latin(n, false)}.`;
    case 'ROMAN_UPPER':
      return `${roman(n, true)}.`;
    case 'ROMAN_LOWER':
      return `${roman(n, false)}.`;
    default:
      return thaiDigits ? `${toThaiDigits(String(n))}.` : `${n}.`;
  }
}

/** Counts items per list and level in document order. */
export class ListCounters {
  private readonly counters = new Map<string, number[]>();

  constructor(private readonly thaiDigits: boolean) {}

  label(item: ListItemNode): ListLabel {
    const level = listLevel(item);
    if (isBulletGlyph(item.glyphType)) {
      return { kind: 'shape', shape: bulletShape(item.glyphType, level) };
    }
    let counts = this.counters.get(item.listId);
    if (!counts) {
      counts = [];
      this.counters.set(item.listId, counts);
    }
    counts.length = level + 1;
    counts[level] = (counts[level] ?? 0) + 1;
    return { kind: 'text', text: numberLabel(item.glyphType, counts[level], this.thaiDigits) };
  }
}

export function listLevel(item: ListItemNode): number {
  return Math.max(0, Math.min(8, Math.floor(item.nestingLevel || 0)));
}
