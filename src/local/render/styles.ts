/**
 * Effective styles: what a paragraph or run looks like once the document default, the heading's
 * defaults, the paragraph's attributes and the run's attributes are merged, as Google Docs
 * resolves them. Shared by the PDF and DOCX renderers so both draw the same thing.
 */
import type {
  Alignment,
  DocModel,
  Heading,
  ListItemNode,
  ParagraphNode,
  TextStyle,
} from '../docmodel';
import { type Face, faceOf, sizeScale } from './fonts';

/** Google Docs' default for a document whose default style sets no size. */
export const DEFAULT_FONT_SIZE = 11;

/**
 * Heading defaults, used only where the paragraph and its runs set nothing. Sizes are Google Docs'
 * named-style sizes; headings are bold (an official memo has no grey headings).
 */
const HEADING_TEXT: Partial<Record<Heading, TextStyle>> = {
  TITLE: { fontSize: 26, bold: true },
  SUBTITLE: { fontSize: 15 },
  HEADING1: { fontSize: 20, bold: true },
  HEADING2: { fontSize: 16, bold: true },
  HEADING3: { fontSize: 14, bold: true },
  HEADING4: { fontSize: 12, bold: true },
  HEADING5: { fontSize: 11, bold: true },
  HEADING6: { fontSize: 11, bold: true, italic: true },
};

/** Google Docs' named-style paragraph spacing (points before, after). */
const HEADING_SPACING: Partial<Record<Heading, [number, number]>> = {
  TITLE: [0, 3],
  SUBTITLE: [0, 16],
  HEADING1: [20, 6],
  HEADING2: [18, 6],
  HEADING3: [16, 4],
  HEADING4: [14, 4],
  HEADING5: [12, 4],
  HEADING6: [12, 4],
};

/** Google Docs' list indents: the glyph at 18 pt + 36 pt per level, the text 18 pt further. */
export const LIST_INDENT_STEP = 36;
export const LIST_GLYPH_INDENT = 18;

export function mergeTextStyles(...layers: (TextStyle | undefined)[]): TextStyle {
  const out: TextStyle = {};
  for (const layer of layers) {
    if (!layer) continue;
    for (const [k, v] of Object.entries(layer) as [keyof TextStyle, unknown][]) {
      if (v !== undefined && v !== null) (out as Record<string, unknown>)[k] = v;
    }
  }
  return out;
}

/** The character style of a paragraph before its runs: default, heading, paragraph attributes. */
export function paragraphTextStyle(
  model: DocModel,
  block: ParagraphNode | ListItemNode,
): TextStyle {
  const heading = block.style.heading;
  return mergeTextStyles(
    model.defaultTextStyle,
    heading ? HEADING_TEXT[heading] : undefined,
    block.textStyle,
  );
}

/** A run's style, resolved to what is drawn. */
export interface RunStyle {
  face: Face;
  /** Sarabun points (the model's size after the family's scale). */
  size: number;
  underline: boolean;
  strike: boolean;
  /** '#rrggbb'. */
  color: string;
  background?: string;
  link?: string;
}

/**
 * Interns resolved run styles so that equal styles are the same object: the line layout merges
 * neighbouring fragments by identity.
 */
export class RunStyles {
  private readonly cache = new Map<string, RunStyle>();

  resolve(style: TextStyle): RunStyle {
    const size = (style.fontSize ?? DEFAULT_FONT_SIZE) * sizeScale(style.fontFamily);
    const run: RunStyle = {
      face: faceOf(!!style.bold, !!style.italic),
      size: size > 0 ? size : DEFAULT_FONT_SIZE,
      underline: !!style.underline || !!style.linkUrl,
      strike: !!style.strikethrough,
      color: normaliseColor(style.foregroundColor) ?? (style.linkUrl ? '#1155cc' : '#000000'),
      background: normaliseColor(style.backgroundColor),
      link: style.linkUrl || undefined,
    };
    const key = `${run.face}|${run.size}|${run.underline}|${run.strike}|${run.color}|${run.background}|${run.link}`;
    const hit = this.cache.get(key);
    if (hit) return hit;
    this.cache.set(key, run);
    return run;
  }
}

/** '#rgb' or '#rrggbb' (any case) to '#rrggbb'; anything else is treated as unset. */
export function normaliseColor(color: string | undefined | null): string | undefined {
  if (!color) return undefined;
  const c = color.trim().toLowerCase();
  if (/^#[0-9a-f]{6}$/.test(c)) return c;
  if (/^#[0-9a-f]{3}$/.test(c)) return `#${c[1]}${c[1]}${c[2]}${c[2]}${c[3]}${c[3]}`;
  return undefined;
}

/** Paragraph attributes with every default filled in. Lengths in points. */
export interface ParagraphLook {
  heading: Heading;
  alignment: Alignment;
  indentStart: number;
  indentEnd: number;
  /** Absolute left of the first line (DocumentApp's INDENT_FIRST_LINE). */
  indentFirstLine: number;
  spacingBefore: number;
  spacingAfter: number;
  /** Multiple of single spacing (1.4 em for Sarabun). */
  lineSpacing: number;
  keepWithNext: boolean;
}

/**
 * Unset indents inherit: the first line starts where the other lines do (a set INDENT_START with
 * no INDENT_FIRST_LINE is a plain left indent, as in the Docs editor); list items take Docs' list
 * indents for their nesting level. Headings keep with the next paragraph unless told otherwise.
 */
export function paragraphLook(block: ParagraphNode | ListItemNode): ParagraphLook {
  const s = block.style;
  const heading = s.heading ?? 'NORMAL';
  const spacing = HEADING_SPACING[heading];
  let indentStart = s.indentStart;
  let indentFirstLine = s.indentFirstLine;
  if (block.type === 'listItem') {
    const level = Math.max(0, Math.min(8, Math.floor(block.nestingLevel || 0)));
    indentStart ??= LIST_GLYPH_INDENT * 2 + LIST_INDENT_STEP * level;
    indentFirstLine ??= LIST_GLYPH_INDENT + LIST_INDENT_STEP * level;
  }
  indentStart = nonNegative(indentStart);
  return {
    heading,
    alignment: s.alignment ?? 'LEFT',
    indentStart,
    indentEnd: nonNegative(s.indentEnd),
    indentFirstLine: nonNegative(indentFirstLine ?? indentStart),
    spacingBefore: nonNegative(s.spacingBefore ?? spacing?.[0]),
    spacingAfter: nonNegative(s.spacingAfter ?? spacing?.[1]),
    lineSpacing: s.lineSpacing && s.lineSpacing > 0 ? s.lineSpacing : 1,
    keepWithNext: s.keepWithNext ?? (heading !== 'NORMAL' && heading !== 'SUBTITLE'),
  };
}

function nonNegative(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v > 0 ? v : 0;
}
