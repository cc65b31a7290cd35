import { tracked } from '../calls';
import { realmArray } from '../../load-bundle';
import { parseRef, splitSheet, type GridRange } from './a1';
import { parseColor } from './colors';
import { fail, type SheetsContext } from './context';
import { SheetData } from './model';
import { newProtection, Protection } from './protection';
import { checkGrid, clearCells, isRange, Range, valuesOf } from './range';
import { Spreadsheet } from './spreadsheet';
import { writeEntered } from './values';

type Sh = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;

type Methods =
  | 'activate'
  | 'appendRow'
  | 'autoResizeColumns'
  | 'clear'
  | 'clearContents'
  | 'clearFormats'
  | 'copyTo'
  | 'deleteColumns'
  | 'deleteRow'
  | 'deleteRows'
  | 'getActiveRange'
  | 'getColumnWidth'
  | 'getDataRange'
  | 'getFrozenColumns'
  | 'getFrozenRows'
  | 'getIndex'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getMaxColumns'
  | 'getMaxRows'
  | 'getName'
  | 'getParent'
  | 'getProtections'
  | 'getRange'
  | 'getSheetId'
  | 'getSheetName'
  | 'getSheetValues'
  | 'getTabColor'
  | 'hideColumns'
  | 'hideSheet'
  | 'insertColumnAfter'
  | 'insertColumnBefore'
  | 'insertColumnsAfter'
  | 'insertColumnsBefore'
  | 'insertRowAfter'
  | 'insertRowBefore'
  | 'insertRowsAfter'
  | 'insertRowsBefore'
  | 'isColumnHiddenByUser'
  | 'isSheetHidden'
  | 'protect'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setColumnWidth'
  | 'setColumnWidths'
  | 'setFrozenColumns'
  | 'setFrozenRows'
  | 'setName'
  | 'setTabColor'
  | 'showColumns'
  | 'showSheet';

/** Sheets' width of a column nobody resized, in pixels. */
export const DEFAULT_COLUMN_WIDTH = 100;

export function sheetExistsMessage(name: string): string {
  return `A sheet with the name "${name}" already exists. Please enter another name.`;
}

/** The rectangle from A1 to the last row and column with content (at least A1). */
export function dataGrid(sheet: SheetData): GridRange {
  return {
    row: 1,
    col: 1,
    numRows: Math.max(1, sheet.lastRow()),
    numCols: Math.max(1, sheet.lastColumn()),
  };
}

/** Writes after the last row with content, growing the sheet if needed, as Sheets does. */
export function appendRowTo(ctx: SheetsContext, sheet: SheetData, rowContents: unknown[]): void {
  if (!Array.isArray(rowContents)) fail(ctx, 'Invalid argument: rowContents');
  const row = sheet.lastRow() + 1;
  rowContents.forEach((v, i) => writeEntered(sheet, row, i + 1, v, ctx.book, true));
  if (row > sheet.maxRows) sheet.maxRows = row;
}

export class Sheet implements Pick<Sh, Methods> {
  constructor(
    private readonly ctx: SheetsContext,
    private readonly sheet: SheetData,
  ) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'Sheet');
  }

  _sheetData(): SheetData {
    return this.sheet;
  }

  private range(g: GridRange): R {
    return new Range(this.ctx, this.sheet, checkGrid(this.ctx, this.sheet, g)) as never;
  }

  private checkPosition(n: number, what: 'row' | 'column'): void {
    if (!Number.isInteger(n) || n < 1) fail(this.ctx, `Those ${what}s are out of bounds.`);
  }

  // ---- identity --------------------------------------------------------------------------------

  getName(): string {
    return this.sheet.name;
  }

  getSheetName(): string {
    return this.sheet.name;
  }

  setName(name: string): Sh {
    const n = String(name);
    if (n === this.sheet.name) return this as never;
    if (n.trim() === '') fail(this.ctx, 'Sheet names cannot be empty.');
    const taken = this.ctx.book.sheets.some(
      (s) => s !== this.sheet && s.name.toLowerCase() === n.toLowerCase(),
    );
    if (taken) fail(this.ctx, sheetExistsMessage(n));
    this.sheet.name = n;
    return this as never;
  }

  /** 1-based position among the sheets. */
  getIndex(): number {
    return this.ctx.book.sheets.indexOf(this.sheet) + 1;
  }

  getSheetId(): number {
    return this.sheet.gid;
  }

  getParent(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(this.ctx) as never;
  }

  activate(): Sh {
    this.ctx.book.activeSheet = this.sheet;
    return this as never;
  }

  getTabColor(): string | null {
    return this.sheet.tabColor;
  }

  setTabColor(color: string | null): Sh {
    const c = parseColor(color);
    if (c === undefined) fail(this.ctx, `Invalid color: ${String(color)}`);
    this.sheet.tabColor = c;
    return this as never;
  }

  /**
   * Copies the sheet into a spreadsheet, "which can be the same spreadsheet as the source. The
   * copied sheet is named "Copy of [original name]"", and returns the new sheet:
   * https://developers.google.com/apps-script/reference/spreadsheet/sheet#copyTo(Spreadsheet)
   * Only the one spreadsheet exists here, so the target must be it. Copied: values, formulas,
   * notes, formats, validation, merges, column widths and hidden columns, frozen rows and columns, the
   * tab colour. Assumed where the reference is silent (as the Sheets UI's "Duplicate" does):
   * the copy goes last, visible and not activated; protections are not copied; a name already
   * taken gets " 2", " 3" … appended.
   */
  copyTo(spreadsheet: GoogleAppsScript.Spreadsheet.Spreadsheet): Sh {
    const target = (spreadsheet as unknown as Spreadsheet | null)?._bookData?.();
    if (target !== this.ctx.book) fail(this.ctx, 'Invalid argument: spreadsheet');
    const book = this.ctx.book;
    const taken = (n: string) => book.sheets.some((s) => s.name.toLowerCase() === n.toLowerCase());
    const base = `Copy of ${this.sheet.name}`;
    let name = base;
    for (let i = 2; taken(name); i++) name = `${base} ${i}`;
    const source = this.sheet;
    const copy = new SheetData(name, book.newGid(), source.maxRows, source.maxCols);
    for (const [r, c, cell] of source.cells())
      Object.assign(copy.ensureCell(r, c), structuredClone(cell));
    copy.merges = source.merges.map((m) => ({ ...m }));
    copy.frozenRows = source.frozenRows;
    copy.frozenCols = source.frozenCols;
    copy.columnWidths = [...source.columnWidths];
    copy.hiddenColumns = [...source.hiddenColumns];
    copy.tabColor = source.tabColor;
    book.sheets.push(copy);
    return new Sheet(this.ctx, copy) as never;
  }

  isSheetHidden(): boolean {
    return this.sheet.hidden;
  }

  hideSheet(): Sh {
    if (this.ctx.book.sheets.filter((s) => !s.hidden && s !== this.sheet).length === 0) {
      fail(this.ctx, "You can't hide all the sheets in a document.");
    }
    this.sheet.hidden = true;
    return this as never;
  }

  showSheet(): Sh {
    this.sheet.hidden = false;
    return this as never;
  }

  // ---- ranges ------------------------------------------------------------------------------------

  /** getRange(a1) or getRange(row, column[, numRows[, numColumns]]). */
  getRange(rowOrA1: number | string, column?: number, numRows?: number, numColumns?: number): R {
    if (typeof rowOrA1 === 'string') {
      const parts = splitSheet(rowOrA1);
      const g = parts && parseRef(parts.ref, this.sheet.maxRows, this.sheet.maxCols);
      if (!g || (parts.sheetName !== undefined && parts.sheetName !== this.sheet.name))
        fail(this.ctx, 'Range not found');
      return this.range(g);
    }
    if (typeof rowOrA1 !== 'number' || typeof column !== 'number') {
      fail(
        this.ctx,
        "The parameters don't match the method signature for SpreadsheetApp.Sheet.getRange.",
      );
    }
    return this.range({
      row: rowOrA1,
      col: column,
      numRows: numRows ?? 1,
      numCols: numColumns ?? 1,
    });
  }

  getDataRange(): R {
    return this.range(dataGrid(this.sheet));
  }

  getSheetValues(
    startRow: number,
    startColumn: number,
    numRows: number,
    numColumns: number,
  ): unknown[][] {
    const rows = numRows === -1 ? this.sheet.lastRow() - startRow + 1 : numRows;
    const cols = numColumns === -1 ? this.sheet.lastColumn() - startColumn + 1 : numColumns;
    const g = { row: startRow, col: startColumn, numRows: rows, numCols: cols };
    return valuesOf(this.ctx, this.sheet, checkGrid(this.ctx, this.sheet, g));
  }

  getLastRow(): number {
    return this.sheet.lastRow();
  }

  getLastColumn(): number {
    return this.sheet.lastColumn();
  }

  getMaxRows(): number {
    return this.sheet.maxRows;
  }

  getMaxColumns(): number {
    return this.sheet.maxCols;
  }

  getActiveRange(): R | null {
    return new Range(this.ctx, this.sheet, { ...this.sheet.activeRange }) as never;
  }

  setActiveRange(range: R): R {
    if (!isRange(range) || range._sheetData() !== this.sheet)
      fail(this.ctx, 'The range must be on this sheet.');
    this.sheet.activeRange = { ...range._grid() };
    this.ctx.book.activeSheet = this.sheet;
    return range;
  }

  setActiveSelection(range: R | string): R {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }

  appendRow(rowContents: unknown[]): Sh {
    appendRowTo(this.ctx, this.sheet, rowContents);
    return this as never;
  }

  // ---- structure -----------------------------------------------------------------------------------

  insertRowsAfter(afterPosition: number, howMany: number): Sh {
    this.checkPosition(afterPosition, 'row');
    this.sheet.insertRows(afterPosition + 1, howMany);
    return this as never;
  }

  insertRowsBefore(beforePosition: number, howMany: number): Sh {
    this.checkPosition(beforePosition, 'row');
    this.sheet.insertRows(beforePosition, howMany);
    return this as never;
  }

  insertRowAfter(afterPosition: number): Sh {
    return this.insertRowsAfter(afterPosition, 1);
  }

  insertRowBefore(beforePosition: number): Sh {
    return this.insertRowsBefore(beforePosition, 1);
  }

  insertColumnsAfter(afterPosition: number, howMany: number): Sh {
    this.checkPosition(afterPosition, 'column');
    this.sheet.insertColumns(afterPosition + 1, howMany);
    return this as never;
  }

  insertColumnsBefore(beforePosition: number, howMany: number): Sh {
    this.checkPosition(beforePosition, 'column');
    this.sheet.insertColumns(beforePosition, howMany);
    return this as never;
  }

  insertColumnAfter(afterPosition: number): Sh {
    return this.insertColumnsAfter(afterPosition, 1);
  }

  insertColumnBefore(beforePosition: number): Sh {
    return this.insertColumnsBefore(beforePosition, 1);
  }

  deleteRows(rowPosition: number, howMany: number): void {
    this.checkPosition(rowPosition, 'row');
    if (rowPosition + howMany - 1 > this.sheet.maxRows)
      fail(this.ctx, 'Those rows are out of bounds.');
    if (howMany >= this.sheet.maxRows)
      fail(this.ctx, "You can't delete all the rows on the sheet.");
    this.sheet.deleteRows(rowPosition, howMany);
  }

  deleteRow(rowPosition: number): Sh {
    this.deleteRows(rowPosition, 1);
    return this as never;
  }

  deleteColumns(columnPosition: number, howMany: number): void {
    this.checkPosition(columnPosition, 'column');
    if (columnPosition + howMany - 1 > this.sheet.maxCols)
      fail(this.ctx, 'Those columns are out of bounds.');
    if (howMany >= this.sheet.maxCols)
      fail(this.ctx, "You can't delete all the columns on the sheet.");
    this.sheet.deleteColumns(columnPosition, howMany);
  }

  clear(options?: { formatOnly?: boolean; contentsOnly?: boolean }): Sh {
    clearCells(
      this.sheet,
      { row: 1, col: 1, numRows: this.sheet.maxRows, numCols: this.sheet.maxCols },
      options,
    );
    return this as never;
  }

  clearContents(): Sh {
    return this.clear({ contentsOnly: true });
  }

  clearFormats(): Sh {
    return this.clear({ formatOnly: true });
  }

  getFrozenRows(): number {
    return this.sheet.frozenRows;
  }

  setFrozenRows(rows: number): void {
    if (!Number.isInteger(rows) || rows < 0 || rows > this.sheet.maxRows)
      fail(this.ctx, 'Invalid argument: rows');
    this.sheet.frozenRows = rows;
  }

  getFrozenColumns(): number {
    return this.sheet.frozenCols;
  }

  setFrozenColumns(columns: number): void {
    if (!Number.isInteger(columns) || columns < 0 || columns > this.sheet.maxCols) {
      fail(this.ctx, 'Invalid argument: columns');
    }
    this.sheet.frozenCols = columns;
  }

  getColumnWidth(columnPosition: number): number {
    return this.sheet.columnWidths[columnPosition - 1] ?? DEFAULT_COLUMN_WIDTH;
  }

  setColumnWidth(columnPosition: number, width: number): Sh {
    return this.setColumnWidths(columnPosition, 1, width);
  }

  setColumnWidths(startColumn: number, numColumns: number, width: number): Sh {
    this.checkPosition(startColumn, 'column');
    for (let c = startColumn; c < startColumn + numColumns; c++)
      this.sheet.columnWidths[c - 1] = Math.round(width);
    return this as never;
  }

  /** Approximates the width from the longest display text (7 px a character, as Arial 10 averages). */
  autoResizeColumns(startColumn: number, numColumns: number): Sh {
    for (let c = startColumn; c < startColumn + numColumns; c++) {
      let longest = 0;
      for (let r = 1; r <= this.sheet.lastRow(); r++) {
        const v = this.sheet.cell(r, c)?.value;
        if (v !== null && v !== undefined) {
          const lines = String(v instanceof Date ? '00/00/0000' : v).split('\n');
          longest = Math.max(longest, ...lines.map((l) => l.length));
        }
      }
      this.sheet.columnWidths[c - 1] = Math.max(DEFAULT_COLUMN_WIDTH, longest * 7 + 10);
    }
    return this as never;
  }

  hideColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.sheet.hiddenColumns[c - 1] = true;
  }

  showColumns(columnIndex: number, numColumns = 1): void {
    for (let c = columnIndex; c < columnIndex + numColumns; c++)
      this.sheet.hiddenColumns[c - 1] = false;
  }

  isColumnHiddenByUser(columnPosition: number): boolean {
    return this.sheet.hiddenColumns[columnPosition - 1] === true;
  }

  // ---- protection ----------------------------------------------------------------------------------

  /** Returns the sheet's existing protection if it has one, as Google documents. */
  protect(): GoogleAppsScript.Spreadsheet.Protection {
    let data = this.sheet.protections.find((p) => p.type === 'SHEET');
    if (!data) {
      data = newProtection('SHEET', {
        row: 1,
        col: 1,
        numRows: this.sheet.maxRows,
        numCols: this.sheet.maxCols,
      });
      this.sheet.protections.push(data);
    }
    return new Protection(this.ctx, this.sheet, data) as never;
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    const found = this.sheet.protections.filter((p) => p.type === t);
    return realmArray(
      this.ctx.realm,
      found.map(
        (p) =>
          new Protection(
            this.ctx,
            this.sheet,
            p,
          ) as unknown as GoogleAppsScript.Spreadsheet.Protection,
      ),
    );
  }
}
