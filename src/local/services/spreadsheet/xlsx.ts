import type ExcelJS from 'exceljs';
import { realpathSync, renameSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { basename, dirname, join } from 'node:path';

// The Workbook class alone: the package's index also loads its CSV and streaming code, which
// costs about 150 ms at start-up and is never used here.
const Workbook = createRequire(__filename)(
  'exceljs/lib/doc/workbook.js',
) as typeof ExcelJS.Workbook;
import type { CellValue, Style, Worksheet } from 'exceljs';
import { cellA1, parseRef, type GridRange } from './a1';
import { fromExcelColor, toArgb } from './colors';
import { fromSheetsDate, toSheetsDate } from './dates';
import { isGeneral } from './number-format';
import {
  DEFAULT_COLUMNS,
  DEFAULT_ROWS,
  GOOGLE_MAX_CELL_CHARACTERS,
  SheetData,
  WorkbookData,
  hasContent,
  type Cell,
  type ProtectionData,
  type Scalar,
} from './model';
import { newProtection } from './protection';
import { ruleFromExcel, ruleToExcel } from './validation-rule';

/**
 * xlsx ↔ model, with exceljs. Loading reads everything the emulation serves into memory; saving
 * writes the model back INTO the workbook it was loaded from, so what the model does not hold
 * (fonts, borders, row heights, merges, print setup, conditional formats, images) stays as staff
 * left it.
 */

/** Worksheet members exceljs has but does not type. */
interface WorksheetInternals {
  dataValidations: { model: Record<string, ExcelJS.DataValidation | undefined> };
  /** Merged ranges by their master cell. */
  _merges: Record<string, { range: string } | undefined>;
  /** The rows that exist (a sparse array): iterating it never creates rows. */
  _rows: (ExcelJS.Row | undefined)[];
  sheetProtection: ({ sheet?: boolean } & Record<string, unknown>) | null;
  orderNo: number;
}

const internals = (ws: Worksheet): WorksheetInternals => ws as unknown as WorksheetInternals;

/**
 * Every cell the worksheet holds (values, formats, notes), without creating any: exceljs's own
 * eachRow/eachCell either skip format-only cells or create every cell of the bounding box.
 */
function eachExistingCell(ws: Worksheet, visit: (x: ExcelJS.Cell, r: number, c: number) => void) {
  internals(ws)._rows.forEach((row) => {
    if (!row) return;
    (row as unknown as { _cells: (ExcelJS.Cell | undefined)[] })._cells.forEach((x, i) => {
      if (x) visit(x, row.number, i + 1);
    });
  });
}

/** exceljs's ValueType.Merge: a cell covered by a merge, whose value is its master's. */
const MERGE_SLAVE = 1;

/** Sheets sizes columns in pixels, xlsx in characters of the default font: px = chars × 7 + 5. */
const pxFromChars = (chars: number): number => Math.round(chars * 7 + 5);
const charsFromPx = (px: number): number => Math.round(((px - 5) / 7) * 100) / 100;

/** Protections by sheet name, as kept beside the workbook (xlsx cannot hold their details). */
export type ProtectionRecords = Record<string, ProtectionData[]>;

export interface OpenOptions {
  id: string;
  name: string;
  timeZone: string;
  locale: string;
  /** Details of protections saved earlier (descriptions, editors, ranges, warning-only). */
  protections?: ProtectionRecords;
}

/** A new spreadsheet as Sheets creates one: a single empty 'Sheet1'. */
export function newWorkbook(options: OpenOptions): WorkbookData {
  const book = new WorkbookData(options.id, options.name, options.timeZone, options.locale);
  book.sheets.push(new SheetData('Sheet1', 0));
  return book;
}

function plainText(value: unknown): string {
  if (value && typeof value === 'object' && 'richText' in value) {
    return (value as { richText: { text: string }[] }).richText.map((r) => r.text).join('');
  }
  return value === null || value === undefined ? '' : String(value);
}

/** What a formula without a cached result reads as (Sheets' marker for a value being fetched). */
export const UNCOMPUTED = '#GETTING_DATA';

/** A cell's value as Apps Script reports it; `source` keeps xlsx-only detail for the save. */
function readCell(
  raw: CellValue,
  formula: string | undefined,
  timeZone: string,
): Pick<Cell, 'value' | 'formula' | 'error' | 'source'> {
  if (raw === null || raw === undefined) return { value: null };
  if (raw instanceof Date) {
    // A date-formatted number no calendar holds (1e308): exceljs cannot keep the number, so the
    // cell reads as Sheets' error for a number out of range instead of rejecting the workbook.
    if (Number.isNaN(raw.getTime())) return { value: null, error: '#NUM!' };
    return { value: fromSheetsDate(raw, timeZone) };
  }
  if (typeof raw !== 'object') return { value: raw === '' ? null : (raw as Scalar) };
  if ('error' in raw) return { value: null, error: String(raw.error) };
  if ('richText' in raw) return { value: plainText(raw) || null, source: raw };
  if ('hyperlink' in raw) return { value: plainText(raw.text) || null, source: raw };
  if ('formula' in raw || 'sharedFormula' in raw) {
    const result = (raw as { result?: unknown }).result;
    const f = formula ?? String((raw as { formula?: string }).formula ?? '');
    // No cached result (a producer that does not calculate): the value is unknown here, where no
    // formula is calculated. It reads as "not yet available" rather than as a blank.
    const cached =
      result === undefined
        ? { value: null, error: UNCOMPUTED }
        : readCell((result ?? null) as CellValue, undefined, timeZone);
    // A shared formula's text only resolves against its master: keep the translated text instead.
    return {
      ...cached,
      formula: `=${f}`,
      source: { formula: f, result: result as never } as CellValue,
    };
  }
  return { value: String(raw) };
}

function noteText(note: unknown): string | undefined {
  if (note === undefined || note === null) return undefined;
  if (typeof note === 'string') return note;
  const texts = (note as { texts?: { text: string }[] }).texts;
  return texts ? texts.map((t) => t.text).join('') : undefined;
}

const MAX_VALIDATED_ROWS = 10_000;
const MAX_VALIDATED_COLUMNS = 200;

function readSheet(ws: Worksheet, sheet: SheetData, book: WorkbookData): void {
  eachExistingCell(ws, (x, r, c) => {
    const { protection: _locked, ...style } = structuredClone(x.style ?? {}) as Partial<Style>;
    const merged = x.type === MERGE_SLAVE;
    const content = merged
      ? { value: null }
      : readCell(x.value, x.formula || undefined, book.timeZone);
    const note = noteText(x.note);
    const cell: Cell = { ...content, style };
    if (note) cell.note = note;
    if (
      cell.value === null &&
      !cell.formula &&
      !cell.error &&
      !note &&
      Object.keys(style).length === 0
    )
      return;
    const target = sheet.ensureCell(r, c);
    Object.assign(target, cell);
  });
  for (const merge of Object.values(internals(ws)._merges)) {
    const g = merge && parseRef(merge.range, 1_048_576, 16_384);
    if (g) sheet.merges.push(g);
  }
  // Rules reaching far past the data (whole columns) are kept only within a sane grid.
  const maxRow = Math.max(MAX_VALIDATED_ROWS, ws.rowCount);
  const rules = internals(ws).dataValidations.model;
  for (const [address, dv] of Object.entries(rules)) {
    const g = dv && parseRef(address, 1_048_576, 16_384);
    const inGrid = g && g.row <= maxRow && g.col <= MAX_VALIDATED_COLUMNS;
    const rule = inGrid && dv && ruleFromExcel(dv, book.timeZone);
    if (g && rule) sheet.ensureCell(g.row, g.col).validation = rule;
  }
  const view = ws.views?.[0];
  if (view?.state === 'frozen') {
    sheet.frozenRows = view.ySplit ?? 0;
    sheet.frozenCols = view.xSplit ?? 0;
  }
  // Only columns that carry a width or visibility of their own (ws.columns creates none).
  const columns = Math.min(ws.columns?.length ?? 0, GOOGLE_MAX_COLUMNS);
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    if (col.width !== undefined) sheet.columnWidths[c - 1] = pxFromChars(col.width);
    if (col.hidden) sheet.hiddenColumns[c - 1] = true;
  }
  sheet.tabColor = fromExcelColor(ws.properties.tabColor);
  sheet.hidden = ws.state === 'hidden' || ws.state === 'veryHidden';
}

// Google Sheets' limits for a spreadsheet created in or converted to Sheets: 10 million cells
// in all, 18,278 columns (ZZZ) per sheet, 50,000 characters per cell ("Files you can store in
// Google Drive", https://support.google.com/drive/answer/37603). An .xlsx holds at most 16,384
// columns (XFD), so the column limit never binds here. What Sheets counts for a converted file
// is not documented: assumed here to be each sheet's data extent, its last row times its last
// column holding a value, formula, note or validation rule (formatting alone not counted).
export const GOOGLE_MAX_CELLS = 10_000_000;
export const GOOGLE_MAX_COLUMNS = 18_278;

/** A workbook Google Sheets would refuse to open; the message is Thai and says what to do. */
export class WorkbookRefused extends Error {}

const thousands = (n: number) => n.toLocaleString('en-US');

function checkGoogleLimits(book: WorkbookData): void {
  let total = 0;
  let largest: { sheet: SheetData; rows: number; columns: number; cells: number } | null = null;
  for (const sheet of book.sheets) {
    const { rows, columns } = sheet.extent(true);
    const cells = rows * columns;
    total += cells;
    if (!largest || cells > largest.cells) largest = { sheet, rows, columns, cells };
    for (const [r, c, cell] of sheet.cells()) {
      if (typeof cell.value === 'string' && cell.value.length > GOOGLE_MAX_CELL_CHARACTERS) {
        throw new WorkbookRefused(
          `เซลล์ ${sheet.name}!${cellA1(r, c)} มีข้อความ ${thousands(cell.value.length)} ตัวอักษร เกินกว่าที่ Google ชีตรับได้ (${thousands(GOOGLE_MAX_CELL_CHARACTERS)} ตัวอักษรต่อเซลล์) กรุณาย่อข้อความในเซลล์นั้นแล้วบันทึกใหม่`,
        );
      }
    }
  }
  if (total > GOOGLE_MAX_CELLS && largest) {
    const far = cellA1(largest.rows, largest.columns);
    throw new WorkbookRefused(
      `สมุดงานนี้ใหญ่เกินกว่าที่ Google ชีตรับได้ (รวม ${thousands(total)} เซลล์ เกินขีดจำกัด ${thousands(GOOGLE_MAX_CELLS)} เซลล์) ส่วนใหญ่มาจากแท็บ “${largest.sheet.name}” ที่มีข้อมูลไปจนถึงเซลล์ ${far} กรุณาลบข้อมูลในแถวและคอลัมน์ที่ไม่ใช้ของแท็บนั้น แล้วบันทึกใหม่`,
    );
  }
}

/** Opens an xlsx as a spreadsheet. Date cells become instants in `timeZone` (see dates.ts). */
export async function openWorkbook(path: string, options: OpenOptions): Promise<WorkbookData> {
  const wb = new Workbook();
  await wb.xlsx.readFile(path);
  // exceljs opens any zip (a .docx renamed) as a workbook without sheets; Excel has at least one.
  if (wb.worksheets.length === 0) throw new Error(`${path} holds no worksheet`);
  const book = new WorkbookData(options.id, options.name, options.timeZone, options.locale);
  book.source = wb;
  for (const ws of wb.worksheets) {
    const sheet = new SheetData(ws.name, book.sheets.length === 0 ? 0 : book.newGid());
    sheet.xlsxId = ws.id;
    book.sheets.push(sheet);
    readSheet(ws, sheet, book);
    const extent = sheet.extent();
    sheet.maxRows = Math.max(DEFAULT_ROWS, extent.rows);
    sheet.maxCols = Math.max(DEFAULT_COLUMNS, extent.columns);
    if (internals(ws).sheetProtection?.sheet) {
      const saved = options.protections?.[ws.name];
      sheet.protections = saved?.length
        ? structuredClone(saved)
        : [
            newProtection('SHEET', {
              row: 1,
              col: 1,
              numRows: sheet.maxRows,
              numCols: sheet.maxCols,
            }),
          ];
    }
  }
  if (book.sheets.length === 0) book.sheets.push(new SheetData('Sheet1', 0));
  checkGoogleLimits(book);
  const active = wb.views?.[0]?.activeTab;
  if (typeof active === 'number' && book.sheets[active]) book.activeSheet = book.sheets[active];
  return book;
}

/** The protections to keep beside the saved workbook. */
export function protectionRecords(book: WorkbookData): ProtectionRecords {
  const out: ProtectionRecords = {};
  for (const s of book.sheets)
    if (s.protections.length > 0) out[s.name] = structuredClone(s.protections);
  return out;
}

// ---- saving --------------------------------------------------------------------------------------

/** Date cells need a date format in xlsx, or Excel (and exceljs reading back) shows a serial number. */
function dateFormat(date: Date, timeZone: string): string {
  const d = toSheetsDate(date, timeZone);
  const midnight = d.getUTCHours() === 0 && d.getUTCMinutes() === 0 && d.getUTCSeconds() === 0;
  return midnight ? 'd/m/yyyy' : 'd/m/yyyy h:mm:ss';
}

function excelValue(cell: Cell, timeZone: string): CellValue {
  if (cell.source !== undefined) return cell.source;
  if (cell.formula)
    return { formula: cell.formula.slice(1), result: undefined } as unknown as CellValue;
  if (cell.error) return { error: cell.error } as CellValue;
  if (cell.value instanceof Date) return toSheetsDate(cell.value, timeZone);
  return cell.value;
}

function clearNote(x: ExcelJS.Cell): void {
  // exceljs has no API to remove a note; it writes one whenever this field is set.
  (x as unknown as { _comment?: unknown })._comment = undefined;
}

function inAny(ranges: GridRange[], r: number, c: number): boolean {
  return ranges.some(
    (g) => r >= g.row && r < g.row + g.numRows && c >= g.col && c < g.col + g.numCols,
  );
}

/** Never create more cells than this just to mark them locked or unlocked. */
const MAX_PROTECTION_CELLS = 200_000;

/**
 * xlsx protects whole sheets; single cells opt out by being unlocked. A Sheets SHEET protection
 * becomes a protected worksheet whose unprotected ranges are unlocked; RANGE protections become a
 * protected worksheet where only those ranges are locked (columns default to unlocked).
 */
function writeProtection(ws: Worksheet, sheet: SheetData): void {
  const x = internals(ws);
  if (sheet.protections.length === 0) {
    x.sheetProtection = null;
    return;
  }
  x.sheetProtection = { ...(x.sheetProtection ?? {}), sheet: true };
  const whole = sheet.protections.some((p) => p.type === 'SHEET');
  const locked = sheet.protections.filter((p) => p.type === 'RANGE').map((p) => p.range);
  const unlocked = sheet.protections.flatMap((p) => p.unprotected);
  if (!whole)
    for (let c = 1; c <= sheet.maxCols; c++) ws.getColumn(c).protection = { locked: false };
  const marked = whole ? unlocked : locked;
  let budget = MAX_PROTECTION_CELLS;
  for (const g of marked) {
    for (let r = g.row; r < g.row + g.numRows && budget > 0; r++) {
      for (let c = g.col; c < g.col + g.numCols && budget > 0; c++, budget--) {
        const x = ws.getCell(r, c);
        const lock = whole ? !inAny(unlocked, r, c) : true;
        x.style = { ...x.style, protection: { locked: lock } };
      }
    }
  }
  if (whole) return;
  // Cells of the data area outside every protected range stay editable.
  for (const [r, c] of [...sheet.cells()].map(([r, c]) => [r, c] as const)) {
    if (!inAny(locked, r, c)) {
      const x = ws.getCell(r, c);
      x.style = { ...x.style, protection: { locked: false } };
    }
  }
}

function writeSheet(ws: Worksheet, sheet: SheetData, book: WorkbookData): void {
  // Positions the model no longer holds (cleared, deleted, shifted away) are emptied first.
  eachExistingCell(ws, (x, r, c) => {
    if (sheet.cell(r, c) || x.type === MERGE_SLAVE) return;
    x.value = null;
    x.style = {};
    clearNote(x);
  });
  internals(ws).dataValidations.model = {};
  for (const [r, c, cell] of sheet.cells()) {
    const empty =
      !hasContent(cell) && !cell.note && !cell.validation && Object.keys(cell.style).length === 0;
    if (empty && !ws.findCell(r, c)) continue;
    const x = ws.getCell(r, c);
    if (x.type !== MERGE_SLAVE) x.value = excelValue(cell, book.timeZone);
    const style = structuredClone(cell.style);
    if (cell.value instanceof Date && !cell.formula && isGeneral(style.numFmt))
      style.numFmt = dateFormat(cell.value, book.timeZone);
    x.style = style;
    if (cell.note) x.note = cell.note;
    else clearNote(x);
    if (cell.validation) x.dataValidation = ruleToExcel(cell.validation, book.timeZone);
  }

  const frozen = sheet.frozenRows > 0 || sheet.frozenCols > 0;
  const {
    xSplit: _x,
    ySplit: _y,
    topLeftCell: _t,
    state: _s,
    ...view
  } = (ws.views?.[0] ?? {}) as Record<string, unknown>;
  ws.views = [
    (frozen
      ? {
          ...view,
          state: 'frozen',
          xSplit: sheet.frozenCols,
          ySplit: sheet.frozenRows,
          topLeftCell: cellA1(sheet.frozenRows + 1, sheet.frozenCols + 1),
        }
      : { ...view, state: 'normal' }) as ExcelJS.WorksheetView,
  ];

  const columns = Math.max(ws.columnCount, sheet.columnWidths.length, sheet.hiddenColumns.length);
  for (let c = 1; c <= columns; c++) {
    const col = ws.getColumn(c);
    const px = sheet.columnWidths[c - 1];
    // Leave widths the model did not change alone: px ↔ chars does not round-trip exactly.
    if (px === undefined) col.width = undefined as never;
    else if (col.width === undefined || pxFromChars(col.width) !== px) col.width = charsFromPx(px);
    col.hidden = sheet.hiddenColumns[c - 1] === true;
  }
  ws.properties.tabColor = sheet.tabColor
    ? ({ argb: toArgb(sheet.tabColor) } as never)
    : (undefined as never);
  ws.state = sheet.hidden ? 'hidden' : 'visible';
  writeProtection(ws, sheet);
}

/**
 * Writes the spreadsheet to `path`, updating the workbook it was loaded from in place: sheet
 * order, names, added and deleted sheets, and every modelled cell property.
 */
export async function saveWorkbook(book: WorkbookData, path: string): Promise<void> {
  const wb = book.source ?? new Workbook();
  book.source = wb;
  const kept = new Set(book.sheets.map((s) => s.xlsxId).filter((id) => id !== undefined));
  for (const ws of wb.worksheets) if (!kept.has(ws.id)) wb.removeWorksheet(ws.id);
  // Rename through temporary names so swapping two names never collides.
  book.sheets.forEach((s, i) => {
    const ws = s.xlsxId === undefined ? undefined : wb.getWorksheet(s.xlsxId);
    if (ws && ws.name !== s.name) ws.name = `__itamemo_${i}`;
  });
  book.sheets.forEach((s, i) => {
    let ws = s.xlsxId === undefined ? undefined : wb.getWorksheet(s.xlsxId);
    if (!ws) {
      ws = wb.addWorksheet(s.name);
      s.xlsxId = ws.id;
    } else if (ws.name !== s.name) ws.name = s.name;
    internals(ws).orderNo = i + 1;
    writeSheet(ws, s, book);
  });
  const active = Math.max(0, book.sheets.indexOf(book.activeSheet));
  const base = wb.views?.[0] ?? { x: 0, y: 0, width: 10000, height: 20000, visibility: 'visible' };
  wb.views = [{ ...base, firstSheet: 0, activeTab: active } as ExcelJS.WorkbookView];
  // Written beside the workbook, then renamed over it: a reader (another run, Excel) sees the
  // old file or the new one, never half of one.
  let target = path;
  try {
    target = realpathSync(path);
  } catch {
    // A new file.
  }
  const temporary = join(dirname(target), `.${basename(target)}.${process.pid}.saving`);
  try {
    await wb.xlsx.writeFile(temporary);
    renameSync(temporary, target);
  } finally {
    rmSync(temporary, { force: true });
  }
}
