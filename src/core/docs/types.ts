/**
 * The little of the Google Docs API v1 JSON that the add-on reads and writes, as plain types for
 * the pure core (which sees no Apps Script typings). Field names and shapes are the REST
 * reference's: https://developers.google.com/docs/api/reference/rest/v1/documents and
 * https://developers.google.com/docs/api/reference/rest/v1/documents/request.
 *
 * Indices are zero-based UTF-16 code units; Google serialises proto3 JSON, so a zero index (the
 * body's first section break, a header's first paragraph) arrives without `startIndex`, and
 * false booleans and empty strings are left out too.
 */

export interface Dimension {
  magnitude?: number;
  unit?: string;
}

export interface RgbColor {
  red?: number;
  green?: number;
  blue?: number;
}

export interface OptionalColor {
  color?: { rgbColor?: RgbColor };
}

export interface Link {
  url?: string;
  bookmarkId?: string;
  headingId?: string;
}

export interface TextStyle {
  bold?: boolean;
  italic?: boolean;
  underline?: boolean;
  strikethrough?: boolean;
  smallCaps?: boolean;
  baselineOffset?: string;
  fontSize?: Dimension;
  weightedFontFamily?: { fontFamily?: string; weight?: number };
  foregroundColor?: OptionalColor;
  backgroundColor?: OptionalColor;
  link?: Link;
}

export interface ParagraphBorder {
  color?: OptionalColor;
  width?: Dimension;
  padding?: Dimension;
  dashStyle?: string;
}

export interface ParagraphStyle {
  headingId?: string;
  namedStyleType?: string;
  alignment?: string;
  lineSpacing?: number;
  direction?: string;
  spacingMode?: string;
  spaceAbove?: Dimension;
  spaceBelow?: Dimension;
  borderBetween?: ParagraphBorder;
  borderTop?: ParagraphBorder;
  borderBottom?: ParagraphBorder;
  borderLeft?: ParagraphBorder;
  borderRight?: ParagraphBorder;
  indentFirstLine?: Dimension;
  indentStart?: Dimension;
  indentEnd?: Dimension;
  tabStops?: unknown[];
  keepLinesTogether?: boolean;
  keepWithNext?: boolean;
  avoidWidowAndOrphan?: boolean;
  shading?: { backgroundColor?: OptionalColor };
  pageBreakBefore?: boolean;
}

export interface Bullet {
  listId?: string;
  nestingLevel?: number;
  textStyle?: TextStyle;
}

/**
 * A run of text of one style; with documents.get's SUGGESTIONS_INLINE view, the pending
 * suggestions that insert it or would delete it
 * (https://developers.google.com/docs/api/how-tos/suggestions).
 */
export interface TextRunJson {
  content?: string;
  textStyle?: TextStyle;
  suggestedInsertionIds?: string[];
  suggestedDeletionIds?: string[];
}

export interface ParagraphElement {
  startIndex?: number;
  endIndex?: number;
  textRun?: TextRunJson;
  inlineObjectElement?: { inlineObjectId?: string; textStyle?: TextStyle };
  pageBreak?: { textStyle?: TextStyle };
  horizontalRule?: { textStyle?: TextStyle };
  autoText?: { type?: string; textStyle?: TextStyle };
  columnBreak?: object;
  footnoteReference?: object;
  equation?: object;
  person?: object;
  richLink?: object;
}

export interface Paragraph {
  elements?: ParagraphElement[];
  paragraphStyle?: ParagraphStyle;
  bullet?: Bullet;
  /** Images anchored to the paragraph (their properties are in Document.positionedObjects). */
  positionedObjectIds?: string[];
}

export interface TableCellBorder {
  color?: OptionalColor;
  width?: Dimension;
  dashStyle?: string;
}

export interface TableCellStyle {
  rowSpan?: number;
  columnSpan?: number;
  backgroundColor?: OptionalColor;
  borderLeft?: TableCellBorder;
  borderRight?: TableCellBorder;
  borderTop?: TableCellBorder;
  borderBottom?: TableCellBorder;
  paddingLeft?: Dimension;
  paddingRight?: Dimension;
  paddingTop?: Dimension;
  paddingBottom?: Dimension;
  contentAlignment?: string;
}

export interface TableCell {
  startIndex?: number;
  endIndex?: number;
  content?: StructuralElement[];
  tableCellStyle?: TableCellStyle;
}

export interface TableRowStyle {
  minRowHeight?: Dimension;
  tableHeader?: boolean;
  preventOverflow?: boolean;
}

export interface TableRow {
  startIndex?: number;
  endIndex?: number;
  tableCells?: TableCell[];
  tableRowStyle?: TableRowStyle;
}

export interface TableColumnProperties {
  widthType?: string;
  width?: Dimension;
}

export interface Table {
  rows?: number;
  columns?: number;
  tableRows?: TableRow[];
  tableStyle?: { tableColumnProperties?: TableColumnProperties[] };
}

export interface StructuralElement {
  startIndex?: number;
  endIndex?: number;
  paragraph?: Paragraph;
  table?: Table;
  sectionBreak?: { sectionStyle?: SectionStyle };
  tableOfContents?: object;
}

export interface Segment {
  headerId?: string;
  footerId?: string;
  content?: StructuralElement[];
}

export interface NestingLevel {
  glyphType?: string;
  glyphSymbol?: string;
  glyphFormat?: string;
}

/**
 * The part of SectionStyle the add-on sets
 * (https://developers.google.com/docs/api/reference/rest/v1/documents#sectionstyle): unset, a
 * section after the first continues the previous one's page numbers and shows no first-page
 * header. "When updating this property, setting a concrete value is required. Unsetting this
 * property results in a 400 bad request error" (both fields).
 */
export interface SectionStyle {
  sectionType?: string;
  pageNumberStart?: number;
  useFirstPageHeaderFooter?: boolean;
  columnSeparatorStyle?: string;
  contentDirection?: string;
}

export interface DocumentStyle {
  defaultHeaderId?: string;
  defaultFooterId?: string;
  firstPageHeaderId?: string;
  firstPageFooterId?: string;
  useFirstPageHeaderFooter?: boolean;
  pageSize?: { width?: Dimension; height?: Dimension };
  marginTop?: Dimension;
  marginBottom?: Dimension;
  marginLeft?: Dimension;
  marginRight?: Dimension;
}

export interface Document {
  documentId?: string;
  title?: string;
  body?: { content?: StructuralElement[] };
  headers?: Record<string, Segment>;
  footers?: Record<string, Segment>;
  documentStyle?: DocumentStyle;
  lists?: Record<string, { listProperties?: { nestingLevels?: NestingLevel[] } }>;
  inlineObjects?: Record<string, unknown>;
  positionedObjects?: Record<string, unknown>;
  suggestionsViewMode?: string;
}

// ---- Requests (documents.batchUpdate) -----------------------------------------------------

export interface Location {
  index: number;
  segmentId?: string;
}

export interface Range {
  startIndex: number;
  endIndex: number;
  segmentId?: string;
}

export interface TableCellLocation {
  tableStartLocation: Location;
  rowIndex: number;
  columnIndex: number;
}

export interface Request {
  replaceAllText?: { containsText: { text: string; matchCase?: boolean }; replaceText: string };
  insertText?: { location: Location; text: string };
  deleteContentRange?: { range: Range };
  updateTextStyle?: { range: Range; textStyle: TextStyle; fields: string };
  updateParagraphStyle?: { range: Range; paragraphStyle: ParagraphStyle; fields: string };
  createParagraphBullets?: { range: Range; bulletPreset: string };
  deleteParagraphBullets?: { range: Range };
  insertPageBreak?: { location: Location };
  /** "Inserts a section break at the given location. A newline character will be inserted before the section break." */
  insertSectionBreak?: { location: Location; sectionType: 'NEXT_PAGE' | 'CONTINUOUS' };
  updateSectionStyle?: { range: Range; sectionStyle: SectionStyle; fields: string };
  insertTable?: { location: Location; rows: number; columns: number };
  insertTableRow?: { tableCellLocation: TableCellLocation; insertBelow: boolean };
  deleteTableRow?: { tableCellLocation: TableCellLocation };
  updateTableCellStyle?: {
    tableRange: { tableCellLocation: TableCellLocation; rowSpan: number; columnSpan: number };
    tableCellStyle: TableCellStyle;
    fields: string;
  };
  updateTableRowStyle?: {
    tableStartLocation: Location;
    rowIndices: number[];
    tableRowStyle: TableRowStyle;
    fields: string;
  };
  updateTableColumnProperties?: {
    tableStartLocation: Location;
    columnIndices: number[];
    tableColumnProperties: TableColumnProperties;
    fields: string;
  };
  pinTableHeaderRows?: { tableStartLocation: Location; pinnedHeaderRowsCount: number };
  updateDocumentStyle?: { documentStyle: DocumentStyle; fields: string };
}

/** What every request variant is called (the keys of `Request`). */
export type RequestType = keyof Request;
