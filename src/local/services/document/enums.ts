/**
 * DocumentApp's enums. Apps Script's enum values print as their names; here they are those names
 * as strings, so `DocumentApp.ParagraphHeading.HEADING1 === p.getHeading()` holds as on Google.
 */
function names<T extends string>(...keys: T[]): { readonly [K in T]: K } {
  return Object.freeze(Object.fromEntries(keys.map((k) => [k, k]))) as { readonly [K in T]: K };
}

export const ElementType = names(
  'BODY_SECTION',
  'COMMENT_SECTION',
  'DATE',
  'DOCUMENT',
  'EQUATION',
  'EQUATION_FUNCTION',
  'EQUATION_FUNCTION_ARGUMENT_SEPARATOR',
  'EQUATION_SYMBOL',
  'FOOTER_SECTION',
  'FOOTNOTE',
  'FOOTNOTE_SECTION',
  'HEADER_SECTION',
  'HORIZONTAL_RULE',
  'INLINE_DRAWING',
  'INLINE_IMAGE',
  'LIST_ITEM',
  'PAGE_BREAK',
  'PARAGRAPH',
  'PERSON',
  'RICH_LINK',
  'TABLE',
  'TABLE_CELL',
  'TABLE_OF_CONTENTS',
  'TABLE_ROW',
  'TEXT',
  'UNSUPPORTED',
);
export type ElementTypeName = keyof typeof ElementType;

export const ParagraphHeading = names(
  'NORMAL',
  'HEADING1',
  'HEADING2',
  'HEADING3',
  'HEADING4',
  'HEADING5',
  'HEADING6',
  'TITLE',
  'SUBTITLE',
);

export const HorizontalAlignment = names('LEFT', 'CENTER', 'RIGHT', 'JUSTIFY');
export const VerticalAlignment = names('BOTTOM', 'CENTER', 'TOP');
export const TextAlignment = names('NORMAL', 'SUPERSCRIPT', 'SUBSCRIPT');
export const PositionedLayout = names(
  'ABOVE_TEXT',
  'BREAK_BOTH',
  'BREAK_LEFT',
  'BREAK_RIGHT',
  'WRAP_TEXT',
);

export const GlyphType = names(
  'BULLET',
  'HOLLOW_BULLET',
  'SQUARE_BULLET',
  'NUMBER',
  'LATIN_UPPER',
  'LATIN_LOWER',
  'ROMAN_UPPER',
  'ROMAN_LOWER',
);

export const Attribute = names(
  'BACKGROUND_COLOR',
  'BOLD',
  'BORDER_COLOR',
  'BORDER_WIDTH',
  'CODE',
  'FONT_FAMILY',
  'FONT_SIZE',
  'FOREGROUND_COLOR',
  'HEADING',
  'HEIGHT',
  'HORIZONTAL_ALIGNMENT',
  'INDENT_END',
  'INDENT_FIRST_LINE',
  'INDENT_START',
  'ITALIC',
  'GLYPH_TYPE',
  'LEFT_TO_RIGHT',
  'LINE_SPACING',
  'LINK_URL',
  'LIST_ID',
  'MARGIN_BOTTOM',
  'MARGIN_LEFT',
  'MARGIN_RIGHT',
  'MARGIN_TOP',
  'NESTING_LEVEL',
  'MINIMUM_HEIGHT',
  'PADDING_BOTTOM',
  'PADDING_LEFT',
  'PADDING_RIGHT',
  'PADDING_TOP',
  'PAGE_HEIGHT',
  'PAGE_WIDTH',
  'SPACING_AFTER',
  'SPACING_BEFORE',
  'STRIKETHROUGH',
  'UNDERLINE',
  'VERTICAL_ALIGNMENT',
  'WIDTH',
);

/** Deprecated in Apps Script (font names are plain strings now) but still present. */
export const FontFamily = names(
  'AMARANTH',
  'ARIAL',
  'ARIAL_BLACK',
  'ARIAL_NARROW',
  'ARVO',
  'CALIBRI',
  'CAMBRIA',
  'COMIC_SANS_MS',
  'CONSOLAS',
  'CORSIVA',
  'COURIER_NEW',
  'DANCING_SCRIPT',
  'DROID_SANS',
  'DROID_SERIF',
  'GARAMOND',
  'GEORGIA',
  'GLORIA_HALLELUJAH',
  'GREAT_VIBES',
  'LOBSTER',
  'MERRIWEATHER',
  'PACIFICO',
  'PHILOSOPHER',
  'POIRET_ONE',
  'QUATTROCENTO',
  'ROBOTO',
  'SHADOWS_INTO_LIGHT',
  'SYNCOPATE',
  'TAHOMA',
  'TIMES_NEW_ROMAN',
  'TREBUCHET_MS',
  'UBUNTU',
  'VERDANA',
);

/** An enum argument as a name, whether the caller passed our string or an Apps Script enum object. */
export function enumName<T extends Record<string, string>>(
  e: T,
  value: unknown,
  what: string,
): T[keyof T] {
  const name = String(value);
  if (!Object.prototype.hasOwnProperty.call(e, name)) throw new Error(`Invalid argument: ${what}`);
  return name as T[keyof T];
}
