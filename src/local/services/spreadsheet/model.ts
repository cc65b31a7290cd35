import type { CellValue, Style, Workbook as ExcelWorkbook } from 'exceljs';
import type { GridRange } from './a1';
import type { ValidationRule } from './validation-rule';

/**
 * The in-memory spreadsheet the emulated SpreadsheetApp serves synchronously. It is loaded from
 * and saved to xlsx (xlsx.ts); facades (range.ts, sheet.ts, …) read and change it.
 */

export type Scalar = string | number | boolean | Date;

export type WrapStrategyName = 'WRAP' | 'OVERFLOW' | 'CLIP';

export interface Cell {
  /** What getValue returns; null is a blank cell. For a formula: its cached result, null when unknown. */
  value: Scalar | null;
  /** With its leading '='. */
  formula?: string;
  /** An error cell's text ('#N/A'); value is then null. */
  error?: string;
  /**
   * The xlsx value as loaded (rich text runs, hyperlink, formula with result), written back
   * verbatim while the value is untouched so staff formatting inside the cell survives a save.
   */
  source?: CellValue;
  note?: string;
  /** The cell's xlsx style (font, fill, borders, number format, alignment), owned by this cell. */
  style: Partial<Style>;
  /** Kept only when CLIP, which xlsx cannot express (it wraps or overflows). */
  wrapStrategy?: WrapStrategyName;
  validation?: ValidationRule;
}

export type ProtectionTypeName = 'RANGE' | 'SHEET';

export interface ProtectionData {
  type: ProtectionTypeName;
  /** RANGE: the protected cells. SHEET: unused (the whole sheet). */
  range: GridRange;
  description: string;
  warningOnly: boolean;
  /** Editors added by the script; the owner (the local user) is always an editor too. */
  editors: string[];
  domainEdit: boolean;
  /** SHEET only: cells left editable. */
  unprotected: GridRange[];
}

/** A formula the script wrote (setValue('=…'), setFormula), so tests can catch formula injection. */
export interface FormulaWrite {
  sheet: string;
  a1: string;
  formula: string;
}

export function hasContent(cell: Cell | undefined): boolean {
  return (
    cell !== undefined &&
    (cell.value !== null || cell.formula !== undefined || cell.error !== undefined)
  );
}

/** Characters a cell holds at most in Google Sheets (https://support.google.com/drive/answer/37603). */
export const GOOGLE_MAX_CELL_CHARACTERS = 50_000;

/** Google Sheets' new-sheet size. */
export const DEFAULT_ROWS = 1000;
export const DEFAULT_COLUMNS = 26;

/** Moves the part of `g` at or after `start` by `delta` along one axis (insert: delta > 0). */
function shift(g: GridRange, axis: 'row' | 'col', start: number, delta: number): void {
  const size = axis === 'row' ? 'numRows' : 'numCols';
  const first = g[axis];
  const last = first + g[size] - 1;
  if (delta > 0) {
    if (start <= first) g[axis] += delta;
    else if (start <= last) g[size] += delta;
    return;
  }
  const count = -delta;
  const delLast = start + count - 1;
  const overlap = Math.max(0, Math.min(last, delLast) - Math.max(first, start) + 1);
  if (delLast < first) g[axis] -= count;
  else if (start < first) g[axis] = start;
  g[size] = Math.max(1, g[size] - overlap);
}

export class SheetData {
  /**
   * The cells that exist, by row then column (1-based): a sparse grid, so a sheet costs what
   * its cells cost, whatever its extent (one value at XFD1048576 is one cell, not 17 billion).
   */
  private readonly grid = new Map<number, Map<number, Cell>>();
  frozenRows = 0;
  frozenCols = 0;
  /** Pixels per column (index c - 1); unset: Sheets' default of 100. */
  columnWidths: (number | undefined)[] = [];
  hiddenColumns: boolean[] = [];
  tabColor: string | null = null;
  hidden = false;
  protections: ProtectionData[] = [];
  /** Merged ranges as loaded (read only: the xlsx keeps them as they are when saved). */
  merges: GridRange[] = [];
  activeRange: GridRange = { row: 1, col: 1, numRows: 1, numCols: 1 };
  /** The worksheet's id in the xlsx it came from: saving updates that worksheet in place. */
  xlsxId?: number;

  constructor(
    public name: string,
    public gid: number,
    public maxRows = DEFAULT_ROWS,
    public maxCols = DEFAULT_COLUMNS,
  ) {}

  cell(row: number, col: number): Cell | undefined {
    return this.grid.get(row)?.get(col);
  }

  /** The cell for writing, created (and the grid grown) if needed. */
  ensureCell(row: number, col: number): Cell {
    let r = this.grid.get(row);
    if (!r) {
      r = new Map();
      this.grid.set(row, r);
    }
    let c = r.get(col);
    if (!c) {
      c = { value: null, style: {} };
      r.set(col, c);
    }
    if (row > this.maxRows) this.maxRows = row;
    if (col > this.maxCols) this.maxCols = col;
    return c;
  }

  /** Last row holding a value or formula (0 for an empty sheet), as Sheet.getLastRow. */
  lastRow(): number {
    let last = 0;
    for (const [r, cells] of this.grid) {
      if (r <= last) continue;
      for (const cell of cells.values()) {
        if (hasContent(cell)) {
          last = r;
          break;
        }
      }
    }
    return last;
  }

  lastColumn(): number {
    let last = 0;
    for (const cells of this.grid.values()) {
      for (const [c, cell] of cells) if (c > last && hasContent(cell)) last = c;
    }
    return last;
  }

  /**
   * The last row and column of any cell that exists (content, note, format or validation), or
   * with `dataOnly` of cells holding content, a note or a validation rule.
   */
  extent(dataOnly = false): { rows: number; columns: number } {
    let rows = 0;
    let columns = 0;
    for (const [r, cells] of this.grid) {
      for (const [c, cell] of cells) {
        if (dataOnly && !hasContent(cell) && !cell.note && !cell.validation) continue;
        rows = Math.max(rows, r);
        columns = Math.max(columns, c);
      }
    }
    return { rows, columns };
  }

  /** The rows of column `line` (along 'column') or the columns of row `line` holding content. */
  filled(line: number, along: 'column' | 'row'): number[] {
    const out: number[] = [];
    if (along === 'column') {
      for (const [r, cells] of this.grid) if (hasContent(cells.get(line))) out.push(r);
    } else {
      for (const [c, cell] of this.grid.get(line) ?? []) if (hasContent(cell)) out.push(c);
    }
    return out.sort((a, b) => a - b);
  }

  /** Every cell that exists, with its position, row by row and left to right. */
  *cells(): Generator<[number, number, Cell]> {
    const byNumber = (a: number, b: number) => a - b;
    for (const r of [...this.grid.keys()].sort(byNumber)) {
      const cells = this.grid.get(r) as Map<number, Cell>;
      for (const c of [...cells.keys()].sort(byNumber)) yield [r, c, cells.get(c) as Cell];
    }
  }

  /** Moves every row at or after `start` by `delta` (rows a deletion covers are dropped first). */
  private shiftRows(start: number, delta: number): void {
    const moved = [...this.grid].filter(([r]) => r >= start);
    for (const [r] of moved) this.grid.delete(r);
    for (const [r, cells] of moved) {
      if (delta < 0 && r < start - delta) continue;
      this.grid.set(r + delta, cells);
    }
  }

  private shiftColumns(start: number, delta: number): void {
    for (const cells of this.grid.values()) {
      const moved = [...cells].filter(([c]) => c >= start);
      for (const [c] of moved) cells.delete(c);
      for (const [c, cell] of moved) {
        if (delta < 0 && c < start - delta) continue;
        cells.set(c + delta, cell);
      }
    }
  }

  insertRows(before: number, count: number): void {
    this.shiftRows(before, count);
    this.maxRows += count;
    this.shiftRanges('row', before, count);
  }

  deleteRows(start: number, count: number): void {
    this.shiftRows(start, -count);
    this.maxRows -= count;
    this.shiftRanges('row', start, -count);
  }

  insertColumns(before: number, count: number): void {
    this.shiftColumns(before, count);
    for (const list of [this.columnWidths, this.hiddenColumns] as unknown[][]) {
      if (list.length >= before) list.splice(before - 1, 0, ...new Array(count));
    }
    this.maxCols += count;
    this.shiftRanges('col', before, count);
  }

  deleteColumns(start: number, count: number): void {
    this.shiftColumns(start, -count);
    this.columnWidths.splice(start - 1, count);
    this.hiddenColumns.splice(start - 1, count);
    this.maxCols -= count;
    this.shiftRanges('col', start, -count);
  }

  /** Protected ranges move and grow with inserted rows and columns, as in Sheets. */
  private shiftRanges(axis: 'row' | 'col', start: number, delta: number): void {
    for (const p of this.protections) {
      if (p.type === 'RANGE') shift(p.range, axis, start, delta);
      for (const u of p.unprotected) shift(u, axis, start, delta);
    }
  }
}

export class WorkbookData {
  sheets: SheetData[] = [];
  private active?: SheetData;
  readonly formulaWrites: FormulaWrite[] = [];
  /** The exceljs workbook this was loaded from: saving writes into it so unmodelled parts survive. */
  source?: ExcelWorkbook;
  private gidSeed: number;

  constructor(
    public id: string,
    public name: string,
    public timeZone = 'Asia/Bangkok',
    public locale = 'th_TH',
  ) {
    this.gidSeed = [...id].reduce((h, ch) => (Math.imul(h, 31) + ch.charCodeAt(0)) | 0, 7);
  }

  get activeSheet(): SheetData {
    if (!this.active || !this.sheets.includes(this.active)) this.active = this.sheets[0];
    return this.active;
  }

  set activeSheet(sheet: SheetData) {
    this.active = sheet;
  }

  sheetByName(name: string): SheetData | undefined {
    return this.sheets.find((s) => s.name === name);
  }

  /** Sheet IDs look like Google's (large positive integers), but repeat run after run. */
  newGid(): number {
    for (;;) {
      this.gidSeed = (Math.imul(this.gidSeed, 1103515245) + 12345) | 0;
      const gid = (this.gidSeed >>> 1) % 2_000_000_000;
      if (gid > 0 && !this.sheets.some((s) => s.gid === gid)) return gid;
    }
  }
}
