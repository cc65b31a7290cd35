import { tracked } from '../calls';
import { realmArray } from '../../load-bundle';
import { parseColor } from './colors';
import { badArguments, fail, type SheetsContext } from './context';
import { rangeA1, type GridRange } from './a1';
import type { Cell, SheetData, WrapStrategyName } from './model';
import { GOOGLE_MAX_CELL_CHARACTERS, hasContent } from './model';
import { newProtection, Protection } from './protection';
import { isRichTextValue, RichTextValue } from './rich-text';
import { Sheet } from './sheet';
import * as S from './style';
import { DataValidation, isDataValidation } from './validation';
import { clearContent, displayValue, readValue, writeEntered, writeFormula } from './values';

type R = GoogleAppsScript.Spreadsheet.Range;

type Methods =
  | 'activate'
  | 'canEdit'
  | 'check'
  | 'clear'
  | 'clearContent'
  | 'clearDataValidations'
  | 'clearFormat'
  | 'clearNote'
  | 'copyTo'
  | 'getA1Notation'
  | 'getBackground'
  | 'getBackgrounds'
  | 'getCell'
  | 'getColumn'
  | 'getDataValidation'
  | 'getDataValidations'
  | 'getDisplayValue'
  | 'getDisplayValues'
  | 'getFontColor'
  | 'getFontFamily'
  | 'getFontSize'
  | 'getFontStyle'
  | 'getFontWeight'
  | 'getFontWeights'
  | 'getFormula'
  | 'getFormulas'
  | 'getGridId'
  | 'getHeight'
  | 'getHorizontalAlignment'
  | 'getHorizontalAlignments'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMergedRanges'
  | 'getNextDataCell'
  | 'getNote'
  | 'getNotes'
  | 'getNumColumns'
  | 'getNumRows'
  | 'getNumberFormat'
  | 'getNumberFormats'
  | 'getRichTextValue'
  | 'getRichTextValues'
  | 'getRow'
  | 'getRowIndex'
  | 'getSheet'
  | 'getValue'
  | 'getValues'
  | 'getVerticalAlignment'
  | 'getVerticalAlignments'
  | 'getWidth'
  | 'getWrap'
  | 'getWrapStrategies'
  | 'getWrapStrategy'
  | 'getWraps'
  | 'insertCheckboxes'
  | 'isBlank'
  | 'isChecked'
  | 'offset'
  | 'protect'
  | 'removeCheckboxes'
  | 'setBackground'
  | 'setBackgroundRGB'
  | 'setBackgrounds'
  | 'setBorder'
  | 'setDataValidation'
  | 'setDataValidations'
  | 'setFontColor'
  | 'setFontFamily'
  | 'setFontSize'
  | 'setFontStyle'
  | 'setFontWeight'
  | 'setFontWeights'
  | 'setFormula'
  | 'setFormulas'
  | 'setHorizontalAlignment'
  | 'setHorizontalAlignments'
  | 'setNote'
  | 'setNotes'
  | 'setNumberFormat'
  | 'setNumberFormats'
  | 'setRichTextValue'
  | 'setRichTextValues'
  | 'setValue'
  | 'setValues'
  | 'setVerticalAlignment'
  | 'setVerticalAlignments'
  | 'setWrap'
  | 'setWrapStrategies'
  | 'setWrapStrategy'
  | 'setWraps'
  | 'uncheck';

const OUTSIDE = 'The coordinates of the range are outside the dimensions of the sheet.';

/** Recognises our Range, also when it comes back from the bundle's realm. */
export function isRange(value: unknown): value is Range {
  return (
    typeof value === 'object' && value !== null && typeof (value as Range)._grid === 'function'
  );
}

/** Checks a rectangle against the sheet's grid, with Apps Script's messages. */
export function checkGrid(ctx: SheetsContext, sheet: SheetData, g: GridRange): GridRange {
  if (!Number.isInteger(g.row) || g.row < 1)
    fail(ctx, 'The starting row of the range is too small.');
  if (!Number.isInteger(g.col) || g.col < 1)
    fail(ctx, 'The starting column of the range is too small.');
  if (!Number.isInteger(g.numRows) || g.numRows < 1)
    fail(ctx, 'The number of rows in the range must be at least 1.');
  if (!Number.isInteger(g.numCols) || g.numCols < 1) {
    fail(ctx, 'The number of columns in the range must be at least 1.');
  }
  if (g.row + g.numRows - 1 > sheet.maxRows || g.col + g.numCols - 1 > sheet.maxCols)
    fail(ctx, OUTSIDE);
  return g;
}

/** A grid of values as getValues returns them (shared with Sheet.getSheetValues). */
export function valuesOf(ctx: SheetsContext, sheet: SheetData, g: GridRange): unknown[][] {
  const rows: unknown[][] = [];
  for (let r = g.row; r < g.row + g.numRows; r++) {
    const row: unknown[] = [];
    for (let c = g.col; c < g.col + g.numCols; c++)
      row.push(readValue(sheet.cell(r, c), ctx.realm));
    rows.push(realmArray(ctx.realm, row));
  }
  return realmArray(ctx.realm, rows);
}

export interface ClearOptions {
  commentsOnly?: boolean;
  contentsOnly?: boolean;
  formatOnly?: boolean;
  validationsOnly?: boolean;
  skipFilteredRows?: boolean;
}

/** Range.clear: contents and formats by default, or only what the options name. */
export function clearCells(sheet: SheetData, g: GridRange, o: ClearOptions = {}): void {
  const only = o.commentsOnly || o.contentsOnly || o.formatOnly || o.validationsOnly;
  for (let r = g.row; r < g.row + g.numRows; r++) {
    for (let c = g.col; c < g.col + g.numCols; c++) {
      const cell = sheet.cell(r, c);
      if (!cell) continue;
      if (!only || o.contentsOnly) clearContent(cell);
      if (!only || o.formatOnly) S.clearFormat(cell);
      if (o.validationsOnly) delete cell.validation;
      if (o.commentsOnly) delete cell.note;
    }
  }
}

/** What Range.copyTo pastes, from its second argument; null: a paste the emulation lacks. */
function pasteMode(option: unknown): 'all' | 'values' | 'format' | null {
  if (option === undefined || option === null) return 'all';
  if (typeof option === 'object') {
    const o = option as { contentsOnly?: boolean; formatOnly?: boolean };
    if (o.contentsOnly && !o.formatOnly) return 'values';
    if (o.formatOnly && !o.contentsOnly) return 'format';
    return o.contentsOnly || o.formatOnly ? null : 'all';
  }
  const type = String(option);
  if (type === 'PASTE_NORMAL') return 'all';
  if (type === 'PASTE_VALUES') return 'values';
  if (type === 'PASTE_FORMAT') return 'format';
  return null;
}

export class Range implements Pick<R, Methods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetData,
    private readonly g: GridRange,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'Range');
  }

  _grid(): GridRange {
    return this.g;
  }

  _sheetData(): SheetData {
    return this.sheet;
  }

  // ---- helpers -------------------------------------------------------------------------------

  /** A numRows × numCols array of the caller's realm. */
  private grid<T>(read: (cell: Cell | undefined, row: number, col: number) => T): T[][] {
    const rows: T[][] = [];
    for (let r = 0; r < this.g.numRows; r++) {
      const row: T[] = [];
      for (let c = 0; c < this.g.numCols; c++) {
        const rr = this.g.row + r;
        const cc = this.g.col + c;
        row.push(read(this.sheet.cell(rr, cc), rr, cc));
      }
      rows.push(realmArray(this.ctx.realm, row));
    }
    return realmArray(this.ctx.realm, rows);
  }

  private topLeft(): Cell | undefined {
    return this.sheet.cell(this.g.row, this.g.col);
  }

  private forEach(write: (cell: Cell, row: number, col: number) => void): R {
    for (let r = 0; r < this.g.numRows; r++) {
      for (let c = 0; c < this.g.numCols; c++) {
        const rr = this.g.row + r;
        const cc = this.g.col + c;
        write(this.sheet.ensureCell(rr, cc), rr, cc);
      }
    }
    return this as never;
  }

  /** Apps Script's dimension check for 2-D setters (setValues, setBackgrounds, …). */
  private check2d(data: unknown, member: string): unknown[][] {
    if (!Array.isArray(data) || !data.every((row) => Array.isArray(row))) {
      fail(
        this.ctx,
        `The parameters (${typeof data}) don't match the method signature for SpreadsheetApp.Range.${member}.`,
      );
    }
    const rows = data as unknown[][];
    if (rows.length !== this.g.numRows) {
      fail(
        this.ctx,
        `The number of rows in the data does not match the number of rows in the range. The data has ${rows.length} but the range has ${this.g.numRows}.`,
      );
    }
    for (const row of rows) {
      if (row.length !== this.g.numCols) {
        fail(
          this.ctx,
          `The number of columns in the data does not match the number of columns in the range. The data has ${row.length} but the range has ${this.g.numCols}.`,
        );
      }
    }
    return rows;
  }

  private forEach2d(
    data: unknown,
    member: string,
    write: (cell: Cell, value: unknown, row: number, col: number) => void,
  ): R {
    const rows = this.check2d(data, member);
    return this.forEach((cell, r, c) => write(cell, rows[r - this.g.row][c - this.g.col], r, c));
  }

  private color(input: string | null): string | null {
    const color = parseColor(input);
    if (color === undefined) fail(this.ctx, `Invalid color: ${String(input)}`);
    return color;
  }

  // ---- position --------------------------------------------------------------------------------

  getA1Notation(): string {
    return rangeA1(this.g);
  }

  getRow(): number {
    return this.g.row;
  }

  getRowIndex(): number {
    return this.g.row;
  }

  getColumn(): number {
    return this.g.col;
  }

  getLastRow(): number {
    return this.g.row + this.g.numRows - 1;
  }

  getLastColumn(): number {
    return this.g.col + this.g.numCols - 1;
  }

  getNumRows(): number {
    return this.g.numRows;
  }

  getNumColumns(): number {
    return this.g.numCols;
  }

  getHeight(): number {
    return this.g.numRows;
  }

  getWidth(): number {
    return this.g.numCols;
  }

  getGridId(): number {
    return this.sheet.gid;
  }

  getSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new Sheet(this.ctx, this.sheet) as never;
  }

  /**
   * The merged ranges that overlap this range, whole.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getMergedRanges()
   */
  getMergedRanges(): R[] {
    const g = this.g;
    const overlaps = (m: GridRange) =>
      m.row < g.row + g.numRows &&
      g.row < m.row + m.numRows &&
      m.col < g.col + g.numCols &&
      g.col < m.col + m.numCols;
    return realmArray(
      this.ctx.realm,
      this.sheet.merges.filter(overlaps).map((m) => new Range(this.ctx, this.sheet, { ...m })),
    ) as never;
  }

  /**
   * Ctrl+arrow from the range's first cell: the edge of the block of filled cells it is in, else
   * the next filled cell that way, else the sheet's edge.
   * https://developers.google.com/apps-script/reference/spreadsheet/range#getNextDataCell(Direction)
   */
  getNextDataCell(direction: GoogleAppsScript.Spreadsheet.Direction): R {
    const d = String(direction);
    if (!['UP', 'DOWN', 'PREVIOUS', 'NEXT'].includes(d)) fail(this.ctx, `Invalid argument: ${d}`);
    const vertical = d === 'UP' || d === 'DOWN';
    const step = d === 'DOWN' || d === 'NEXT' ? 1 : -1;
    const edge = step > 0 ? (vertical ? this.sheet.maxRows : this.sheet.maxCols) : 1;
    const filled = this.sheet.filled(
      vertical ? this.g.col : this.g.row,
      vertical ? 'column' : 'row',
    );
    const has = new Set(filled);
    let at = vertical ? this.g.row : this.g.col;
    if (has.has(at) && has.has(at + step)) {
      while (at !== edge && has.has(at + step)) at += step;
    } else {
      const beyond = step > 0 ? filled.find((p) => p > at) : filled.reverse().find((p) => p < at);
      at = beyond ?? edge;
    }
    const g = vertical
      ? { row: at, col: this.g.col, numRows: 1, numCols: 1 }
      : { row: this.g.row, col: at, numRows: 1, numCols: 1 };
    return new Range(this.ctx, this.sheet, g) as never;
  }

  getCell(row: number, column: number): R {
    if (row < 1 || column < 1 || row > this.g.numRows || column > this.g.numCols)
      fail(this.ctx, OUTSIDE);
    return new Range(this.ctx, this.sheet, {
      row: this.g.row + row - 1,
      col: this.g.col + column - 1,
      numRows: 1,
      numCols: 1,
    }) as never;
  }

  offset(rowOffset: number, columnOffset: number, numRows?: number, numColumns?: number): R {
    const g = {
      row: this.g.row + rowOffset,
      col: this.g.col + columnOffset,
      numRows: numRows ?? this.g.numRows,
      numCols: numColumns ?? this.g.numCols,
    };
    return new Range(this.ctx, this.sheet, checkGrid(this.ctx, this.sheet, g)) as never;
  }

  activate(): R {
    this.sheet.activeRange = { ...this.g };
    this.ctx.book.activeSheet = this.sheet;
    return this as never;
  }

  canEdit(): boolean {
    return true;
  }

  protect(): GoogleAppsScript.Spreadsheet.Protection {
    const data = newProtection('RANGE', { ...this.g });
    this.sheet.protections.push(data);
    return new Protection(this.ctx, this.sheet, data) as never;
  }

  // ---- values ------------------------------------------------------------------------------------

  getValues(): unknown[][] {
    return valuesOf(this.ctx, this.sheet, this.g);
  }

  getValue(): unknown {
    return readValue(this.topLeft(), this.ctx.realm);
  }

  setValues(values: unknown[][]): R {
    this.checkLengths(this.check2d(values, 'setValues').flat());
    return this.forEach2d(values, 'setValues', (_cell, v, r, c) =>
      writeEntered(this.sheet, r, c, v, this.ctx.book, true),
    );
  }

  /** On a multi-cell range every cell gets the value, as in Sheets. */
  setValue(value: unknown): R {
    this.checkLengths([value]);
    return this.forEach((_cell, r, c) =>
      writeEntered(this.sheet, r, c, value, this.ctx.book, true),
    );
  }

  /**
   * Google Sheets holds at most 50,000 characters in a cell ("Files you can store in Google
   * Drive", https://support.google.com/drive/answer/37603) and refuses the whole write before
   * changing anything. The wording is the one Sheets and Apps Script show, as users report it
   * (Google's reference gives only the limit). Assumed to apply to notes as well.
   */
  private checkLengths(values: readonly unknown[]): void {
    for (const v of values) {
      if (v !== null && v !== undefined && String(v).length > GOOGLE_MAX_CELL_CHARACTERS) {
        fail(
          this.ctx,
          `Your input contains more than the maximum of ${GOOGLE_MAX_CELL_CHARACTERS} characters in a single cell.`,
        );
      }
    }
  }

  getDisplayValues(): string[][] {
    const fmt = { timeZone: this.ctx.book.timeZone, locale: this.ctx.book.locale };
    return this.grid((cell) => displayValue(cell, fmt));
  }

  getDisplayValue(): string {
    return displayValue(this.topLeft(), {
      timeZone: this.ctx.book.timeZone,
      locale: this.ctx.book.locale,
    });
  }

  getFormulas(): string[][] {
    return this.grid((cell) => cell?.formula ?? '');
  }

  getFormula(): string {
    return this.topLeft()?.formula ?? '';
  }

  setFormula(formula: string): R {
    const f = String(formula);
    return this.forEach((_cell, r, c) => writeFormula(this.sheet, r, c, f, this.ctx.book));
  }

  setFormulas(formulas: string[][]): R {
    return this.forEach2d(formulas, 'setFormulas', (_cell, v, r, c) =>
      writeFormula(this.sheet, r, c, String(v ?? ''), this.ctx.book),
    );
  }

  isBlank(): boolean {
    for (let r = 0; r < this.g.numRows; r++) {
      for (let c = 0; c < this.g.numCols; c++) {
        if (hasContent(this.sheet.cell(this.g.row + r, this.g.col + c))) return false;
      }
    }
    return true;
  }

  getRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    return this.richText(this.topLeft());
  }

  getRichTextValues(): (GoogleAppsScript.Spreadsheet.RichTextValue | null)[][] {
    return this.grid((cell) => this.richText(cell));
  }

  setRichTextValue(value: GoogleAppsScript.Spreadsheet.RichTextValue): R {
    return this.forEach((cell) => this.writeRichText(cell, value));
  }

  setRichTextValues(values: GoogleAppsScript.Spreadsheet.RichTextValue[][]): R {
    return this.forEach2d(values, 'setRichTextValues', (cell, v) => this.writeRichText(cell, v));
  }

  /** Only text cells have a rich text value, as in Sheets; hyperlink cells carry their link. */
  private richText(cell: Cell | undefined): GoogleAppsScript.Spreadsheet.RichTextValue | null {
    if (!cell || typeof cell.value !== 'string') return null;
    const src = cell.source as { hyperlink?: string } | undefined;
    return new RichTextValue(this.ctx, cell.value, src?.hyperlink ?? null) as never;
  }

  private writeRichText(cell: Cell, value: unknown): void {
    if (!isRichTextValue(value))
      fail(this.ctx, 'Invalid argument: value (a RichTextValue is expected)');
    const { text, link } = value._parts();
    clearContent(cell);
    cell.value = text === '' ? null : text;
    if (link) cell.source = { text, hyperlink: link };
  }

  // ---- notes ---------------------------------------------------------------------------------------

  getNotes(): string[][] {
    return this.grid((cell) => cell?.note ?? '');
  }

  getNote(): string {
    return this.topLeft()?.note ?? '';
  }

  setNote(note: string | null): R {
    this.checkLengths([note]);
    return this.forEach((cell) => this.writeNote(cell, note));
  }

  setNotes(notes: (string | null)[][]): R {
    this.checkLengths(this.check2d(notes, 'setNotes').flat());
    return this.forEach2d(notes, 'setNotes', (cell, v) => this.writeNote(cell, v));
  }

  clearNote(): R {
    return this.forEach((cell) => delete cell.note);
  }

  private writeNote(cell: Cell, note: unknown): void {
    if (note === null || note === undefined || note === '') delete cell.note;
    else cell.note = String(note);
  }

  // ---- formatting ------------------------------------------------------------------------------------

  getBackgrounds(): string[][] {
    return this.grid((cell) => S.background(cell));
  }

  getBackground(): string {
    return S.background(this.topLeft());
  }

  setBackground(color: string | null): R {
    const c = this.color(color);
    return this.forEach((cell) => S.setBackground(cell, c));
  }

  setBackgroundRGB(red: number, green: number, blue: number): R {
    const hex = [red, green, blue].map((v) =>
      Math.max(0, Math.min(255, Math.round(v)))
        .toString(16)
        .padStart(2, '0'),
    );
    return this.setBackground(`#${hex.join('')}`);
  }

  setBackgrounds(color: (string | null)[][]): R {
    return this.forEach2d(color, 'setBackgrounds', (cell, v) =>
      S.setBackground(cell, this.color(v as string | null)),
    );
  }

  getFontWeights(): GoogleAppsScript.Spreadsheet.FontWeight[][] {
    return this.grid((cell) => S.fontWeight(cell));
  }

  getFontWeight(): GoogleAppsScript.Spreadsheet.FontWeight {
    return S.fontWeight(this.topLeft());
  }

  setFontWeight(fontWeight: GoogleAppsScript.Spreadsheet.FontWeight | null): R {
    return this.forEach((cell) =>
      S.setFont(cell, { bold: fontWeight === 'bold' ? true : undefined }),
    );
  }

  setFontWeights(fontWeights: (GoogleAppsScript.Spreadsheet.FontWeight | null)[][]): R {
    return this.forEach2d(fontWeights, 'setFontWeights', (cell, v) =>
      S.setFont(cell, { bold: v === 'bold' ? true : undefined }),
    );
  }

  getFontColor(): string {
    return S.fontColor(this.topLeft());
  }

  setFontColor(color: string | null): R {
    const c = this.color(color);
    return this.forEach((cell) =>
      S.setFont(cell, {
        color: c === null ? undefined : { argb: `FF${c.slice(1).toUpperCase()}` },
      }),
    );
  }

  getFontSize(): number {
    return S.fontSize(this.topLeft());
  }

  setFontSize(size: number): R {
    return this.forEach((cell) => S.setFont(cell, { size: Number(size) }));
  }

  getFontFamily(): string {
    return S.fontFamily(this.topLeft());
  }

  setFontFamily(fontFamily: string | null): R {
    return this.forEach((cell) =>
      S.setFont(cell, { name: fontFamily === null ? undefined : String(fontFamily) }),
    );
  }

  getFontStyle(): GoogleAppsScript.Spreadsheet.FontStyle {
    return S.fontStyle(this.topLeft());
  }

  setFontStyle(fontStyle: GoogleAppsScript.Spreadsheet.FontStyle | null): R {
    return this.forEach((cell) =>
      S.setFont(cell, { italic: fontStyle === 'italic' ? true : undefined }),
    );
  }

  getNumberFormats(): string[][] {
    return this.grid((cell) => S.numberFormat(cell));
  }

  getNumberFormat(): string {
    return S.numberFormat(this.topLeft());
  }

  setNumberFormat(numberFormat: string): R {
    return this.forEach((cell) => S.setNumberFormat(cell, String(numberFormat)));
  }

  setNumberFormats(numberFormats: string[][]): R {
    return this.forEach2d(numberFormats, 'setNumberFormats', (cell, v) =>
      S.setNumberFormat(cell, String(v)),
    );
  }

  getWrap(): boolean {
    return S.wrapStrategy(this.topLeft()) === 'WRAP';
  }

  getWraps(): boolean[][] {
    return this.grid((cell) => S.wrapStrategy(cell) === 'WRAP');
  }

  setWrap(isWrapEnabled: boolean): R {
    return this.forEach((cell) => S.setWrapStrategy(cell, isWrapEnabled ? 'WRAP' : 'OVERFLOW'));
  }

  setWraps(isWrapEnabled: boolean[][]): R {
    return this.forEach2d(isWrapEnabled, 'setWraps', (cell, v) =>
      S.setWrapStrategy(cell, v ? 'WRAP' : 'OVERFLOW'),
    );
  }

  getWrapStrategy(): GoogleAppsScript.Spreadsheet.WrapStrategy {
    return S.wrapStrategy(this.topLeft()) as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy;
  }

  getWrapStrategies(): GoogleAppsScript.Spreadsheet.WrapStrategy[][] {
    return this.grid(
      (cell) => S.wrapStrategy(cell) as unknown as GoogleAppsScript.Spreadsheet.WrapStrategy,
    );
  }

  setWrapStrategy(strategy: GoogleAppsScript.Spreadsheet.WrapStrategy): R {
    const s = this.strategy(strategy);
    return this.forEach((cell) => S.setWrapStrategy(cell, s));
  }

  setWrapStrategies(strategies: GoogleAppsScript.Spreadsheet.WrapStrategy[][]): R {
    return this.forEach2d(strategies, 'setWrapStrategies', (cell, v) =>
      S.setWrapStrategy(cell, this.strategy(v)),
    );
  }

  private strategy(value: unknown): WrapStrategyName {
    const s = String(value);
    if (s !== 'WRAP' && s !== 'OVERFLOW' && s !== 'CLIP')
      fail(this.ctx, `Invalid argument: strategy (${s})`);
    return s;
  }

  getHorizontalAlignment(): string {
    return S.horizontalAlignment(this.topLeft());
  }

  getHorizontalAlignments(): string[][] {
    return this.grid((cell) => S.horizontalAlignment(cell));
  }

  setHorizontalAlignment(alignment: 'left' | 'center' | 'normal' | 'right' | null): R {
    return this.forEach((cell) => S.setHorizontalAlignment(cell, alignment));
  }

  setHorizontalAlignments(alignments: ('left' | 'center' | 'normal' | 'right' | null)[][]): R {
    return this.forEach2d(alignments, 'setHorizontalAlignments', (cell, v) =>
      S.setHorizontalAlignment(cell, v as string | null),
    );
  }

  getVerticalAlignment(): string {
    return S.verticalAlignment(this.topLeft());
  }

  getVerticalAlignments(): string[][] {
    return this.grid((cell) => S.verticalAlignment(cell));
  }

  setVerticalAlignment(alignment: 'top' | 'middle' | 'bottom' | null): R {
    return this.forEach((cell) => S.setVerticalAlignment(cell, alignment));
  }

  setVerticalAlignments(alignments: ('top' | 'middle' | 'bottom' | null)[][]): R {
    return this.forEach2d(alignments, 'setVerticalAlignments', (cell, v) =>
      S.setVerticalAlignment(cell, v as string | null),
    );
  }

  /**
   * true sets a side, false removes it, null leaves it: top/left/bottom/right are the range's outer
   * edges, vertical/horizontal the lines between its cells.
   */
  setBorder(
    top: boolean | null,
    left: boolean | null,
    bottom: boolean | null,
    right: boolean | null,
    vertical: boolean | null,
    horizontal: boolean | null,
    color: string | null = null,
    style: GoogleAppsScript.Spreadsheet.BorderStyle | null = null,
  ): R {
    const line = S.borderOf(this.color(color), style === null ? null : String(style));
    const pick = (flag: boolean | null) => (flag === null ? undefined : flag ? line : null);
    const lastRow = this.getLastRow();
    const lastCol = this.getLastColumn();
    return this.forEach((cell, r, c) => {
      const sides: Partial<Record<S.Side, ReturnType<typeof pick>>> = {
        top: pick(r === this.g.row ? top : horizontal),
        bottom: pick(r === lastRow ? bottom : horizontal),
        left: pick(c === this.g.col ? left : vertical),
        right: pick(c === lastCol ? right : vertical),
      };
      const set = Object.fromEntries(Object.entries(sides).filter(([, v]) => v !== undefined));
      if (Object.keys(set).length > 0) S.setBorderSides(cell, set);
    });
  }

  // ---- copying -------------------------------------------------------------------------------

  /**
   * Range.copyTo (https://developers.google.com/apps-script/reference/spreadsheet/range#copyTo(Range)):
   * "Copies the data from a range of cells to another range of cells. Both the values and
   * formatting are copied"; the destination is "a destination range to copy to; only the top-left
   * cell position is relevant". With `{contentsOnly: true}` or CopyPasteType.PASTE_VALUES ("Paste
   * the values ONLY without formats, formulas or merges") a formula becomes the value it shows;
   * `{formatOnly: true}` / PASTE_FORMAT copy formats only. Both ranges are in this one
   * spreadsheet (Google refuses another spreadsheet's range).
   *
   * Emulated for what the add-on uses: a normal paste copies values, formulas, notes, formats and
   * validation (notes and validation as the Sheets UI's paste does: assumed, the reference names
   * only "values and formatting"); merges are not pasted (the model keeps merges read-only).
   * A formula pasted elsewhere than where it was would need its relative references moved, which
   * the emulation cannot do: it fails loudly then, as it does for the other paste types and
   * `transposed`.
   */
  copyTo(destination: R, second?: unknown, transposed?: boolean): void {
    if (!isRange(destination)) badArguments(this.ctx, 'Range.copyTo');
    const mode = pasteMode(second);
    if (mode === null || transposed === true) {
      fail(
        this.ctx,
        `Local runtime: Range.copyTo with ${JSON.stringify(second)}${transposed ? ', transposed' : ''} is not emulated.`,
      );
    }
    const to = destination._grid();
    const target = destination._sheetData();
    const g = checkGrid(this.ctx, target, {
      row: to.row,
      col: to.col,
      numRows: this.g.numRows,
      numCols: this.g.numCols,
    });
    const moved = g.row !== this.g.row || g.col !== this.g.col;
    // Read everything first: source and destination may overlap (a range pasted onto itself).
    const source = this.grid((cell) => (cell ? structuredClone(cell) : undefined));
    source.forEach((row, i) =>
      row.forEach((from, j) => {
        if (!from && mode === 'values') {
          const cell = target.cell(g.row + i, g.col + j);
          if (cell) clearContent(cell);
          return;
        }
        if (!from && !target.cell(g.row + i, g.col + j)) return;
        const cell = target.ensureCell(g.row + i, g.col + j);
        if (mode === 'values') {
          clearContent(cell);
          cell.value = from?.value ?? null;
          if (from?.error !== undefined) cell.error = from.error;
          return;
        }
        if (mode === 'format') {
          cell.style = structuredClone(from?.style ?? {});
          if (from?.wrapStrategy) cell.wrapStrategy = from.wrapStrategy;
          else delete cell.wrapStrategy;
          return;
        }
        if (from?.formula !== undefined && moved) {
          fail(
            this.ctx,
            'Local runtime: Range.copyTo of a formula to another position (its references would move) is not emulated.',
          );
        }
        for (const key of Object.keys(cell))
          delete (cell as unknown as Record<string, unknown>)[key];
        Object.assign(cell, from ? structuredClone(from) : { value: null, style: {} });
      }),
    );
  }

  clear(options?: ClearOptions): R {
    clearCells(this.sheet, this.g, options);
    return this as never;
  }

  clearContent(): R {
    return this.forEach((cell) => clearContent(cell));
  }

  clearFormat(): R {
    return this.forEach((cell) => S.clearFormat(cell));
  }

  // ---- data validation -----------------------------------------------------------------------

  getDataValidation(): GoogleAppsScript.Spreadsheet.DataValidation | null {
    const rule = this.topLeft()?.validation;
    return rule ? (new DataValidation(this.ctx, rule) as never) : null;
  }

  getDataValidations(): (GoogleAppsScript.Spreadsheet.DataValidation | null)[][] {
    return this.grid((cell) =>
      cell?.validation ? (new DataValidation(this.ctx, cell.validation) as never) : null,
    );
  }

  setDataValidation(rule: GoogleAppsScript.Spreadsheet.DataValidation | null): R {
    const r = this.ruleOf(rule);
    return this.forEach((cell) => {
      if (r) cell.validation = r;
      else delete cell.validation;
    });
  }

  setDataValidations(rules: (GoogleAppsScript.Spreadsheet.DataValidation | null)[][]): R {
    return this.forEach2d(rules, 'setDataValidations', (cell, v) => {
      const r = this.ruleOf(v);
      if (r) cell.validation = r;
      else delete cell.validation;
    });
  }

  clearDataValidations(): R {
    return this.forEach((cell) => delete cell.validation);
  }

  private ruleOf(rule: unknown) {
    if (rule === null || rule === undefined) return null;
    if (!isDataValidation(rule)) fail(this.ctx, 'Invalid argument: rule');
    return rule._rule();
  }

  // ---- checkboxes ------------------------------------------------------------------------------

  insertCheckboxes(checkedValue?: unknown, uncheckedValue?: unknown): R {
    const values = checkedValue === undefined ? [] : [checkedValue, uncheckedValue ?? ''];
    const rule = { criteria: 'CHECKBOX' as const, values, allowInvalid: false, helpText: null };
    const unchecked = values.length > 0 ? values[1] : false;
    return this.forEach((cell, r, c) => {
      cell.validation = rule;
      if (!hasContent(cell)) writeEntered(this.sheet, r, c, unchecked, this.ctx.book, true);
    });
  }

  removeCheckboxes(): R {
    return this.forEach((cell) => {
      if (cell.validation?.criteria !== 'CHECKBOX') return;
      delete cell.validation;
      clearContent(cell);
    });
  }

  /** true if all checkboxes are checked, false if none, null if mixed or no checkbox. */
  isChecked(): boolean | null {
    let seen: boolean | null = null;
    for (let r = 0; r < this.g.numRows; r++) {
      for (let c = 0; c < this.g.numCols; c++) {
        const cell = this.sheet.cell(this.g.row + r, this.g.col + c);
        if (cell?.validation?.criteria !== 'CHECKBOX') return null;
        const vals = cell.validation.values;
        const checked = vals.length > 0 ? cell.value === vals[0] : cell.value === true;
        if (seen !== null && seen !== checked) return null;
        seen = checked;
      }
    }
    return seen;
  }

  check(): R {
    return this.toggle(true);
  }

  uncheck(): R {
    return this.toggle(false);
  }

  private toggle(on: boolean): R {
    return this.forEach((cell, r, c) => {
      if (cell.validation?.criteria !== 'CHECKBOX') return;
      const vals = cell.validation.values;
      const value = vals.length > 0 ? vals[on ? 0 : 1] : on;
      writeEntered(this.sheet, r, c, value, this.ctx.book, true);
    });
  }
}
