/**
 * The local runtime's document model: a plain, serialisable tree that the emulated
 * DocumentApp reads and writes, and that the PDF and DOCX renderers consume.
 *
 * It mirrors what Google Docs stores and DocumentApp can express, in the same units:
 * lengths in points (page size, margins, indents, spacing, column widths, font sizes),
 * image sizes in pixels (as InlineImage.getWidth/getHeight report them; 1 px = 0.75 pt),
 * colours as '#rrggbb', line spacing as a multiple of single spacing (Google's 1.15 etc.).
 * An unset optional field means "inherit/default", exactly as a null attribute does in
 * DocumentApp.
 */

export type Alignment = 'LEFT' | 'CENTER' | 'RIGHT' | 'JUSTIFY';

export type Heading =
  | 'NORMAL'
  | 'HEADING1'
  | 'HEADING2'
  | 'HEADING3'
  | 'HEADING4'
  | 'HEADING5'
  | 'HEADING6'
  | 'TITLE'
  | 'SUBTITLE';

/** DocumentApp.GlyphType names. */
export type GlyphType =
  | 'BULLET'
  | 'HOLLOW_BULLET'
  | 'SQUARE_BULLET'
  | 'NUMBER'
  | 'LATIN_UPPER'
  | 'LATIN_LOWER'
  | 'ROMAN_UPPER'
  | 'ROMAN_LOWER';

export type VerticalAlignment = 'TOP' | 'CENTER' | 'BOTTOM';

/** Character attributes; unset means inherited from the paragraph, then the document default. */
export interface TextStyle {
  fontFamily?: string;
  fontSize?: number;
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  foregroundColor?: string;
  backgroundColor?: string;
  linkUrl?: string;
}

/** A stretch of characters sharing one style (and the same comment anchors). */
export interface TextRun {
  text: string;
  style: TextStyle;
  /**
   * The anchors (`kix.…`) of the comments made on these characters in the Docs editor: a
   * comment's anchored range is the characters that carry its anchor, so it moves with every
   * edit (see comment-anchors.ts); and those (`suggest.…`) of pending suggestions
   * (suggestions.ts), which the Docs API reports. Absent: none.
   */
  comments?: string[];
}

export interface TextNode {
  type: 'text';
  runs: TextRun[];
}

export interface ImageNode {
  type: 'image';
  /** Base64 of the image bytes (PNG or JPEG), so the model stays JSON. */
  data: string;
  mimeType: string;
  /** Pixels, as DocumentApp reports them. */
  width: number;
  height: number;
  altTitle?: string;
  altDescription?: string;
  linkUrl?: string;
}

export interface PageBreakNode {
  type: 'pageBreak';
}

export interface HorizontalRuleNode {
  type: 'horizontalRule';
}

/**
 * The current page number, as Google Docs shows an inserted page number in a header or
 * footer. DocumentApp cannot create one; a template made in the Docs editor can hold one.
 * Rendered in Thai digits when the document's `pageNumberDigits` says so.
 */
export interface PageNumberNode {
  type: 'pageNumber';
  style: TextStyle;
}

export type InlineNode = TextNode | ImageNode | PageBreakNode | HorizontalRuleNode | PageNumberNode;

/** A rule along one side of a paragraph or a table cell (Docs' ParagraphBorder, TableCellBorder). */
export interface Border {
  /** Points; 0 draws nothing. */
  width: number;
  color?: string;
  dash?: 'SOLID' | 'DOT' | 'DASH';
  /** Points between the text and the rule (paragraph borders). */
  padding?: number;
}

/** DocumentApp.PositionedLayout names. */
export type PositionedLayout =
  'ABOVE_TEXT' | 'BREAK_BOTH' | 'BREAK_LEFT' | 'BREAK_RIGHT' | 'WRAP_TEXT';

/**
 * An image anchored to a paragraph at offsets from it (DocumentApp's PositionedImage): it takes
 * no room in the text. Offsets are points from the paragraph's left edge and top.
 */
export interface PositionedImageNode {
  id: string;
  /** Base64 of the PNG or JPEG bytes. */
  data: string;
  mimeType: string;
  /** Pixels, as DocumentApp reports them. */
  width: number;
  height: number;
  leftOffset: number;
  topOffset: number;
  layout: PositionedLayout;
}

export interface ParagraphStyle {
  heading?: Heading;
  alignment?: Alignment;
  /** Left indent of every line, points. */
  indentStart?: number;
  /** Right indent, points. */
  indentEnd?: number;
  /** Left indent of the first line, points (absolute, as DocumentApp's INDENT_FIRST_LINE). */
  indentFirstLine?: number;
  spacingBefore?: number;
  spacingAfter?: number;
  /** Multiple of single line spacing. */
  lineSpacing?: number;
  /** Keep this paragraph on the same page as the next one. */
  keepWithNext?: boolean;
  /** Never split this paragraph's lines across a page break. */
  keepLinesTogether?: boolean;
  /** A rule under the paragraph, from its start indent to its end indent. */
  borderBottom?: Border;
}

export interface ParagraphNode {
  type: 'paragraph';
  style: ParagraphStyle;
  /** Paragraph-level character attributes (what Paragraph.setAttributes sets). */
  textStyle: TextStyle;
  children: InlineNode[];
  /** Images anchored to this paragraph (PositionedImage); drawn at their offsets. */
  positioned?: PositionedImageNode[];
}

export interface ListItemNode {
  type: 'listItem';
  style: ParagraphStyle;
  textStyle: TextStyle;
  children: InlineNode[];
  /** Items sharing a listId form one list (numbering continues across them). */
  listId: string;
  nestingLevel: number;
  glyphType: GlyphType;
}

export interface TableCellNode {
  children: BlockNode[];
  /** Points; unset: the table's column width. */
  width?: number;
  backgroundColor?: string;
  verticalAlignment?: VerticalAlignment;
  paddingTop?: number;
  paddingBottom?: number;
  paddingLeft?: number;
  paddingRight?: number;
  /** Sides that differ from the table's border (Docs keeps a border per cell side). */
  borders?: Partial<Record<'top' | 'bottom' | 'left' | 'right', Border>>;
}

export interface TableRowNode {
  cells: TableCellNode[];
  /** Points. */
  minimumHeight?: number;
}

export interface TableNode {
  type: 'table';
  rows: TableRowNode[];
  /** Points per column; null: share the remaining width equally. */
  columnWidths: (number | null)[];
  borderWidth?: number;
  borderColor?: string;
  /** Rows at the top repeated after every page break (Docs' "pin header rows"). */
  headerRows?: number;
}

/**
 * What a section sets for itself (the Docs API's SectionStyle, the part the add-on uses): unset
 * fields follow the document (the first section) or continue the previous section.
 */
export interface SectionStyle {
  /** The number of the section's first page; unset: numbering goes on from the section before. */
  pageNumberStart?: number;
  /** The section's first page shows the first-page header/footer (none, when there is none). */
  useFirstPageHeaderFooter?: boolean;
}

/**
 * A "next page" section break in the body (the Docs API's SectionBreak between two paragraphs):
 * what follows starts on a new page with the break's own page numbering. Only the body holds
 * them. It takes one index in the Docs API; DocumentApp does not list it among the body's
 * children (it has no element type for it; assumed, see docs/memo-format.md).
 */
export interface SectionBreakNode {
  type: 'sectionBreak';
  style: SectionStyle;
}

export type BlockNode = ParagraphNode | ListItemNode | TableNode | SectionBreakNode;

export interface DocModel {
  id: string;
  title: string;
  /** Points; A4 is 595.28 × 841.89. */
  pageWidth: number;
  pageHeight: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Document default character style (Google: the "Normal text" style). */
  defaultTextStyle: TextStyle;
  body: BlockNode[];
  header?: BlockNode[];
  footer?: BlockNode[];
  /**
   * Docs' "different first page" (DocumentStyle.useFirstPageHeaderFooter): page 1 shows
   * `firstPageHeader` / `firstPageFooter`, which may be absent (nothing there), instead of
   * `header` / `footer`.
   */
  differentFirstPage?: boolean;
  firstPageHeader?: BlockNode[];
  firstPageFooter?: BlockNode[];
  /** Digits used for page numbers. */
  pageNumberDigits?: 'thai' | 'arabic';
  /**
   * Pending suggestions (suggesting mode), by the anchor their characters carry in
   * TextRun.comments (suggestions.ts). Absent: none.
   */
  suggestions?: Record<string, SuggestionMark>;
}

/** What a suggestion anchor marks: its text inserted, or its text to delete, and by whom. */
export interface SuggestionMark {
  /** The suggestion's id as the Docs API reports it (`suggest.…`). */
  id: string;
  kind: 'insertion' | 'deletion';
  /** Who suggested it (an e-mail); the Docs API v1 does not report it. */
  author: string;
}

/** Sizes of an A4 page in points. */
export const A4 = { width: 595.28, height: 841.89 } as const;

/** Google Docs' defaults for a new document. */
export function emptyDocModel(id: string, title: string): DocModel {
  return {
    id,
    title,
    pageWidth: 612,
    pageHeight: 792,
    marginTop: 72,
    marginBottom: 72,
    marginLeft: 72,
    marginRight: 72,
    defaultTextStyle: { fontFamily: 'Arial', fontSize: 11 },
    body: [{ type: 'paragraph', style: {}, textStyle: {}, children: [] }],
  };
}

/** The text of a block, as DocumentApp's getText would give it. */
export function inlineText(children: InlineNode[]): string {
  let s = '';
  for (const c of children) if (c.type === 'text') for (const r of c.runs) s += r.text;
  return s;
}
