/**
 * Styles between the document model (DocumentApp's view: points, '#rrggbb', line spacing as a
 * multiple) and the Docs API's JSON (Dimensions in PT, RgbColor in 0–1, line spacing in percent,
 * START/END alignment). Field semantics: https://developers.google.com/docs/api/reference/rest/v1/documents#textstyle
 * and #paragraphstyle.
 *
 * Masks: a field named in `fields` and left unset in the style is reset to its default; a field
 * set to something the model cannot hold (small caps, superscript, paragraph borders, …) is
 * refused as not emulated rather than dropped, so the local run never pretends.
 */
import type {
  Alignment,
  Border,
  GlyphType,
  Heading,
  ParagraphStyle,
  TableCellNode,
  TextStyle,
  VerticalAlignment,
} from '../../docmodel';
import type * as Api from '../../../core/docs/types';
import { PARAGRAPH_STYLE_FIELDS, TEXT_STYLE_FIELDS } from '../../../core/docs/styles';
import { notEmulatedRequest, RequestError } from './errors';

const NAMED: Record<Heading, string> = {
  NORMAL: 'NORMAL_TEXT',
  TITLE: 'TITLE',
  SUBTITLE: 'SUBTITLE',
  HEADING1: 'HEADING_1',
  HEADING2: 'HEADING_2',
  HEADING3: 'HEADING_3',
  HEADING4: 'HEADING_4',
  HEADING5: 'HEADING_5',
  HEADING6: 'HEADING_6',
};
const HEADING = Object.fromEntries(Object.entries(NAMED).map(([k, v]) => [v, k])) as Record<
  string,
  Heading
>;

const ALIGN: Record<Alignment, string> = {
  LEFT: 'START',
  CENTER: 'CENTER',
  RIGHT: 'END',
  JUSTIFY: 'JUSTIFIED',
};
const ALIGN_BACK = Object.fromEntries(Object.entries(ALIGN).map(([k, v]) => [v, k])) as Record<
  string,
  Alignment
>;

const CONTENT_ALIGN: Record<VerticalAlignment, string> = {
  TOP: 'TOP',
  CENTER: 'MIDDLE',
  BOTTOM: 'BOTTOM',
};
const CONTENT_ALIGN_BACK = Object.fromEntries(
  Object.entries(CONTENT_ALIGN).map(([k, v]) => [v, k]),
) as Record<string, VerticalAlignment>;

export const pt = (magnitude: number): Api.Dimension => ({ magnitude, unit: 'PT' });

/** Points of a Dimension; only PT exists in the API. */
export function points(d: Api.Dimension | undefined, what: string): number | undefined {
  if (!d || d.magnitude === undefined) return d && d.unit ? 0 : undefined;
  if (d.unit !== 'PT') throw new RequestError(`${what}: the unit must be PT.`);
  return d.magnitude;
}

export function colorJson(hex: string | undefined): Api.OptionalColor | undefined {
  if (!hex || !/^#[0-9a-f]{6}$/i.test(hex)) return undefined;
  const c = (i: number) => parseInt(hex.slice(i, i + 2), 16) / 255;
  const rgb: Api.RgbColor = {};
  if (c(1)) rgb.red = c(1);
  if (c(3)) rgb.green = c(3);
  if (c(5)) rgb.blue = c(5);
  return { color: { rgbColor: rgb } };
}

/** An OptionalColor as '#rrggbb'; no color is transparent (unset). */
export function colorHex(c: Api.OptionalColor | undefined): string | undefined {
  const rgb = c?.color?.rgbColor;
  if (!rgb) return undefined;
  const h = (v: number | undefined) =>
    Math.round(Math.min(1, Math.max(0, v ?? 0)) * 255)
      .toString(16)
      .padStart(2, '0');
  return `#${h(rgb.red)}${h(rgb.green)}${h(rgb.blue)}`;
}

export function textStyleJson(s: TextStyle): Api.TextStyle {
  const out: Api.TextStyle = {};
  if (s.bold !== undefined) out.bold = s.bold;
  if (s.italic !== undefined) out.italic = s.italic;
  if (s.underline !== undefined) out.underline = s.underline;
  if (s.strikethrough !== undefined) out.strikethrough = s.strikethrough;
  if (s.fontSize !== undefined) out.fontSize = pt(s.fontSize);
  if (s.fontFamily) out.weightedFontFamily = { fontFamily: s.fontFamily, weight: 400 };
  const fg = colorJson(s.foregroundColor);
  if (fg) out.foregroundColor = fg;
  const bg = colorJson(s.backgroundColor);
  if (bg) out.backgroundColor = bg;
  if (s.linkUrl) out.link = { url: s.linkUrl };
  return out;
}

/** The field names of a mask: `*` is every field of `all`; unknown names are refused. */
export function maskFields(
  fields: string | undefined,
  all: readonly string[],
  request: string,
): string[] {
  const names = String(fields ?? '')
    .split(',')
    .map((f) => f.trim())
    .filter((f) => f);
  if (!names.length)
    throw new RequestError(
      `At least one field must be listed in 'fields'. (Use '*' to indicate all fields.)`,
    );
  if (names.includes('*')) return [...all];
  for (const n of names)
    if (!all.includes(n))
      throw new RequestError(`Invalid field selection: ${n} is not a field of ${request}.`);
  return names;
}

/** Applies the masked fields of an API text style to a model style (in place). */
export function patchTextStyle(target: TextStyle, style: Api.TextStyle, fields: string[]): void {
  const set = <K extends keyof TextStyle>(k: K, v: TextStyle[K] | undefined) => {
    if (v === undefined) delete target[k];
    else target[k] = v;
  };
  for (const f of fields) {
    switch (f as (typeof TEXT_STYLE_FIELDS)[number]) {
      case 'bold':
      case 'italic':
      case 'underline':
      case 'strikethrough':
        set(f as 'bold', style[f as 'bold']);
        break;
      case 'fontSize':
        set('fontSize', points(style.fontSize, 'fontSize'));
        break;
      case 'weightedFontFamily':
        set('fontFamily', style.weightedFontFamily?.fontFamily || undefined);
        break;
      case 'foregroundColor':
        set('foregroundColor', colorHex(style.foregroundColor));
        break;
      case 'backgroundColor':
        set('backgroundColor', colorHex(style.backgroundColor));
        break;
      case 'link':
        if (style.link?.bookmarkId || style.link?.headingId)
          throw notEmulatedRequest('links to bookmarks or headings');
        set('linkUrl', style.link?.url || undefined);
        break;
      case 'smallCaps':
        if (style.smallCaps) throw notEmulatedRequest('small caps');
        break;
      case 'baselineOffset':
        if (
          style.baselineOffset &&
          style.baselineOffset !== 'NONE' &&
          style.baselineOffset !== 'BASELINE_OFFSET_UNSPECIFIED'
        )
          throw notEmulatedRequest(`baselineOffset ${style.baselineOffset}`);
        break;
    }
  }
}

export function paragraphStyleJson(s: ParagraphStyle): Api.ParagraphStyle {
  const out: Api.ParagraphStyle = {
    namedStyleType: NAMED[s.heading ?? 'NORMAL'],
    direction: 'LEFT_TO_RIGHT',
  };
  if (s.alignment) out.alignment = ALIGN[s.alignment];
  if (s.lineSpacing !== undefined) out.lineSpacing = Math.round(s.lineSpacing * 10000) / 100;
  if (s.spacingBefore !== undefined) out.spaceAbove = pt(s.spacingBefore);
  if (s.spacingAfter !== undefined) out.spaceBelow = pt(s.spacingAfter);
  if (s.indentFirstLine !== undefined) out.indentFirstLine = pt(s.indentFirstLine);
  if (s.indentStart !== undefined) out.indentStart = pt(s.indentStart);
  if (s.indentEnd !== undefined) out.indentEnd = pt(s.indentEnd);
  if (s.keepWithNext !== undefined) out.keepWithNext = s.keepWithNext;
  if (s.keepLinesTogether !== undefined) out.keepLinesTogether = s.keepLinesTogether;
  if (s.borderBottom) out.borderBottom = borderJson(s.borderBottom, true);
  return out;
}

const DASHES = ['SOLID', 'DOT', 'DASH'] as const;

/** A model border as the API's ParagraphBorder / TableCellBorder. */
export function borderJson(b: Border, paragraph = false): Api.ParagraphBorder {
  const out: Api.ParagraphBorder = {
    color: colorJson(b.color) ?? { color: { rgbColor: {} } },
    width: pt(b.width),
    dashStyle: b.dash ?? 'SOLID',
  };
  if (paragraph) out.padding = pt(b.padding ?? 0);
  return out;
}

/** An API border as the model's; a width of 0 (or none) is no border. */
function borderOf(b: Api.ParagraphBorder | undefined, what: string): Border | undefined {
  if (!b) return undefined;
  const dash = b.dashStyle ?? 'SOLID';
  if (!(DASHES as readonly string[]).includes(dash))
    throw new RequestError(`Invalid ${what}.dashStyle ${dash}.`);
  const width = points(b.width, `${what}.width`) ?? 0;
  if (width < 0) throw new RequestError(`${what}.width must not be negative.`);
  const out: Border = { width, dash: dash as Border['dash'] };
  const color = colorHex(b.color);
  if (color) out.color = color;
  const padding = points(b.padding, `${what}.padding`);
  if (padding) out.padding = padding;
  return out;
}

/** Applies the masked fields of an API paragraph style to a model style (in place). */
export function patchParagraphStyle(
  target: ParagraphStyle,
  style: Api.ParagraphStyle,
  fields: string[],
): void {
  const set = <K extends keyof ParagraphStyle>(k: K, v: ParagraphStyle[K] | undefined) => {
    if (v === undefined) delete target[k];
    else target[k] = v;
  };
  for (const f of fields) {
    switch (f as (typeof PARAGRAPH_STYLE_FIELDS)[number]) {
      case 'namedStyleType': {
        const named = style.namedStyleType;
        if (named && !HEADING[named]) throw new RequestError(`Invalid namedStyleType ${named}.`);
        set('heading', named && named !== 'NORMAL_TEXT' ? HEADING[named] : undefined);
        break;
      }
      case 'alignment': {
        const a = style.alignment;
        if (a && !ALIGN_BACK[a]) throw new RequestError(`Invalid alignment ${a}.`);
        set('alignment', a ? ALIGN_BACK[a] : undefined);
        break;
      }
      case 'lineSpacing':
        set('lineSpacing', style.lineSpacing === undefined ? undefined : style.lineSpacing / 100);
        break;
      case 'spaceAbove':
        set('spacingBefore', points(style.spaceAbove, 'spaceAbove'));
        break;
      case 'spaceBelow':
        set('spacingAfter', points(style.spaceBelow, 'spaceBelow'));
        break;
      case 'indentFirstLine':
        set('indentFirstLine', points(style.indentFirstLine, 'indentFirstLine'));
        break;
      case 'indentStart':
        set('indentStart', points(style.indentStart, 'indentStart'));
        break;
      case 'indentEnd':
        set('indentEnd', points(style.indentEnd, 'indentEnd'));
        break;
      case 'keepWithNext':
        set('keepWithNext', style.keepWithNext);
        break;
      case 'keepLinesTogether':
        set('keepLinesTogether', style.keepLinesTogether);
        break;
      case 'direction':
        if (style.direction === 'RIGHT_TO_LEFT')
          throw notEmulatedRequest('right-to-left paragraphs');
        break;
      case 'spacingMode':
        // How spacing collapses between list items: the renderers never collapse it.
        break;
      case 'borderBottom': {
        // "Paragraph borders cannot be partially updated. When changing a paragraph border the
        // new border must be specified in its entirety." (ParagraphStyle, API reference)
        const b = style.borderBottom;
        if (b && (b.width === undefined || b.dashStyle === undefined || b.padding === undefined))
          throw new RequestError(
            'Paragraph borders cannot be partially updated: give borderBottom its color, width, padding and dashStyle.',
          );
        set('borderBottom', borderOf(b, 'borderBottom'));
        break;
      }
      case 'avoidWidowAndOrphan':
      case 'pageBreakBefore':
        if (style[f as 'pageBreakBefore']) throw notEmulatedRequest(f);
        break;
      default:
        // Borders and shading: the model has none.
        if (style[f as 'shading'] !== undefined) throw notEmulatedRequest(`paragraph ${f}`);
    }
  }
}

export function cellStyleJson(
  cell: TableCellNode,
  border: { width: number; color: string },
): Api.TableCellStyle {
  const table = borderJson({ width: border.width, color: border.color });
  const side = (k: 'top' | 'bottom' | 'left' | 'right') => {
    const own = cell.borders?.[k];
    return own ? borderJson(own) : table;
  };
  const out: Api.TableCellStyle = {
    rowSpan: 1,
    columnSpan: 1,
    borderTop: side('top'),
    borderBottom: side('bottom'),
    borderLeft: side('left'),
    borderRight: side('right'),
  };
  const bg = colorJson(cell.backgroundColor);
  if (bg) out.backgroundColor = bg;
  if (cell.paddingTop !== undefined) out.paddingTop = pt(cell.paddingTop);
  if (cell.paddingBottom !== undefined) out.paddingBottom = pt(cell.paddingBottom);
  if (cell.paddingLeft !== undefined) out.paddingLeft = pt(cell.paddingLeft);
  if (cell.paddingRight !== undefined) out.paddingRight = pt(cell.paddingRight);
  if (cell.verticalAlignment) out.contentAlignment = CONTENT_ALIGN[cell.verticalAlignment];
  return out;
}

/**
 * Applies a masked cell style to a cell. A border the same solid line on all four sides becomes
 * the table's (the model's usual case: one grid); sides that differ, or dotted and dashed lines,
 * are kept on the cell.
 */
export function patchCellStyle(
  cell: TableCellNode,
  table: { borderWidth?: number; borderColor?: string },
  style: Api.TableCellStyle,
  fields: string[],
): void {
  const set = <K extends keyof TableCellNode>(k: K, v: TableCellNode[K] | undefined) => {
    if (v === undefined) delete cell[k];
    else cell[k] = v;
  };
  const borders = fields.filter((f) => f.startsWith('border'));
  if (borders.length) {
    const sides = ['borderTop', 'borderBottom', 'borderLeft', 'borderRight'] as const;
    const given = sides.map((s) => JSON.stringify(style[s] ?? null));
    const b = style.borderTop;
    const uniform =
      borders.length === 4 &&
      given.every((g) => g === given[0]) &&
      (!b?.dashStyle || b.dashStyle === 'SOLID');
    if (uniform && !cell.borders) {
      const width = points(b?.width, 'border width');
      if (width === undefined) delete table.borderWidth;
      else table.borderWidth = width;
      const color = colorHex(b?.color);
      if (color === undefined) delete table.borderColor;
      else table.borderColor = color;
    } else {
      const own = { ...cell.borders };
      const key = {
        borderTop: 'top',
        borderBottom: 'bottom',
        borderLeft: 'left',
        borderRight: 'right',
      } as const;
      for (const f of borders as (typeof sides)[number][]) {
        const side = borderOf(style[f], f);
        if (side) own[key[f]] = side;
        else delete own[key[f]];
      }
      set('borders', Object.keys(own).length ? own : undefined);
    }
  }
  for (const f of fields) {
    switch (f) {
      case 'backgroundColor':
        set('backgroundColor', colorHex(style.backgroundColor));
        break;
      case 'paddingTop':
      case 'paddingBottom':
      case 'paddingLeft':
      case 'paddingRight':
        set(f, points(style[f], f));
        break;
      case 'contentAlignment': {
        const a = style.contentAlignment;
        if (a && !CONTENT_ALIGN_BACK[a]) throw new RequestError(`Invalid contentAlignment ${a}.`);
        set('verticalAlignment', a ? CONTENT_ALIGN_BACK[a] : undefined);
        break;
      }
    }
  }
}

/** How list glyphs look in the API: numbered glyph types, or a bullet symbol. */
export function nestingLevelJson(glyph: GlyphType): Api.NestingLevel {
  switch (glyph) {
    case 'NUMBER':
      return { glyphType: 'DECIMAL', glyphFormat: '%0.' };
    case 'LATIN_UPPER':
      return { glyphType: 'UPPER_ALPHA', glyphFormat: '%0.' };
    case 'LATIN_LOWER':
      return { glyphType: 'ALPHA', glyphFormat: '%0.' };
    case 'ROMAN_UPPER':
      return { glyphType: 'UPPER_ROMAN', glyphFormat: '%0.' };
    case 'ROMAN_LOWER':
      return { glyphType: 'ROMAN', glyphFormat: '%0.' };
    case 'HOLLOW_BULLET':
      return { glyphSymbol: '○', glyphFormat: '%0' };
    case 'SQUARE_BULLET':
      return { glyphSymbol: '■', glyphFormat: '%0' };
    default:
      return { glyphSymbol: '●', glyphFormat: '%0' };
  }
}

/** The glyphs of a bullet preset, level by level (the three first levels repeat). */
export const PRESET_GLYPHS: Record<string, GlyphType[]> = {
  BULLET_DISC_CIRCLE_SQUARE: ['BULLET', 'HOLLOW_BULLET', 'SQUARE_BULLET'],
  NUMBERED_DECIMAL_ALPHA_ROMAN: ['NUMBER', 'LATIN_LOWER', 'ROMAN_LOWER'],
  NUMBERED_UPPERALPHA_ALPHA_ROMAN: ['LATIN_UPPER', 'LATIN_LOWER', 'ROMAN_LOWER'],
  NUMBERED_UPPERROMAN_UPPERALPHA_DECIMAL: ['ROMAN_UPPER', 'LATIN_UPPER', 'NUMBER'],
};
