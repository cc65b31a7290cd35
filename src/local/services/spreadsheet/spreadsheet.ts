import { tracked } from '../calls';
import { realmArray } from '../../load-bundle';
import { isKnownTimeZone } from '../utilities/timezone';
import { parseRef, splitSheet } from './a1';
import { fail, type SheetsContext } from './context';
import { instantOfSerial, serialOf } from './dates';
import { SheetData, type WorkbookData } from './model';
import { Protection } from './protection';
import { User } from '../session';
import { checkGrid, isRange, Range } from './range';
import { appendRowTo, dataGrid, Sheet, sheetExistsMessage } from './sheet';

type SS = GoogleAppsScript.Spreadsheet.Spreadsheet;
type Sh = GoogleAppsScript.Spreadsheet.Sheet;
type R = GoogleAppsScript.Spreadsheet.Range;

type Methods =
  | 'appendRow'
  | 'deleteSheet'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getDataRange'
  | 'getEditors'
  | 'getId'
  | 'getLastColumn'
  | 'getLastRow'
  | 'getName'
  | 'getNumSheets'
  | 'getProtections'
  | 'getRange'
  | 'getRangeByName'
  | 'getSheetById'
  | 'getSheetByName'
  | 'getSheets'
  | 'getSpreadsheetLocale'
  | 'getSpreadsheetTimeZone'
  | 'getUrl'
  | 'insertSheet'
  | 'moveActiveSheet'
  | 'rename'
  | 'setActiveRange'
  | 'setActiveSelection'
  | 'setActiveSheet'
  | 'setSpreadsheetLocale'
  | 'setSpreadsheetTimeZone'
  | 'toast';

export class Spreadsheet implements Pick<SS, Methods> {
  constructor(private readonly ctx: SheetsContext) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'Spreadsheet');
  }

  private get book() {
    return this.ctx.book;
  }

  /** The model behind this facade (not a Google member: not counted). */
  _bookData(): WorkbookData {
    return this.ctx.book;
  }

  private sheetOf(sheet: unknown): SheetData {
    const data = (sheet as Sheet | null)?._sheetData?.();
    if (!data || !this.book.sheets.includes(data)) fail(this.ctx, 'Invalid argument: sheet');
    return data;
  }

  private facade(sheet: SheetData): Sh {
    return new Sheet(this.ctx, sheet) as never;
  }

  getId(): string {
    return this.book.id;
  }

  getName(): string {
    return this.book.name;
  }

  rename(newName: string): void {
    this.book.name = String(newName);
  }

  getUrl(): string {
    return `https://docs.google.com/spreadsheets/d/${this.book.id}/edit`;
  }

  /** The spreadsheet's editors, its owner first (the runtime's `editors` option). */
  getEditors(): GoogleAppsScript.Base.User[] {
    const emails = this.ctx.editors?.() ?? [this.ctx.user];
    return realmArray(
      this.ctx.realm,
      emails.map((e) => new User(this.ctx.log, e) as unknown as GoogleAppsScript.Base.User),
    );
  }

  getSheets(): Sh[] {
    return realmArray(
      this.ctx.realm,
      this.book.sheets.map((s) => this.facade(s)),
    );
  }

  getNumSheets(): number {
    return this.book.sheets.length;
  }

  /** null, not an error, for a missing sheet: callers must check. */
  getSheetByName(name: string): Sh | null {
    const s = this.book.sheetByName(String(name));
    return s ? this.facade(s) : null;
  }

  getSheetById(id: number): Sh | null {
    const s = this.book.sheets.find((x) => x.gid === id);
    return s ? this.facade(s) : null;
  }

  /**
   * insertSheet(), (index), (name), (name, index); index is 0-based. The new sheet becomes the
   * active sheet. Templates are not emulated.
   */
  insertSheet(...args: unknown[]): Sh {
    let name: string | undefined;
    let index = this.book.sheets.length;
    for (const a of args) {
      if (typeof a === 'string') name = a;
      else if (typeof a === 'number') index = a;
      else if (a && typeof a === 'object' && 'template' in a)
        fail(this.ctx, 'insertSheet with a template is not emulated.');
    }
    if (name === undefined) {
      let n = this.book.sheets.length + 1;
      while (this.book.sheets.some((s) => s.name.toLowerCase() === `sheet${n}`)) n++;
      name = `Sheet${n}`;
    }
    if (this.book.sheets.some((s) => s.name.toLowerCase() === name!.toLowerCase()))
      fail(this.ctx, sheetExistsMessage(name));
    if (!Number.isInteger(index) || index < 0 || index > this.book.sheets.length)
      fail(this.ctx, 'Invalid argument: sheetIndex');
    const sheet = new SheetData(name, this.book.newGid());
    this.book.sheets.splice(index, 0, sheet);
    this.book.activeSheet = sheet;
    return this.facade(sheet);
  }

  deleteSheet(sheet: Sh): void {
    const data = this.sheetOf(sheet);
    if (this.book.sheets.length === 1)
      fail(this.ctx, "You can't remove all the sheets in a document.");
    this.book.sheets = this.book.sheets.filter((s) => s !== data);
  }

  getActiveSheet(): Sh {
    return this.facade(this.book.activeSheet);
  }

  setActiveSheet(sheet: Sh): Sh {
    this.book.activeSheet = this.sheetOf(sheet);
    return sheet;
  }

  /** 1-based, like Sheet.getIndex. */
  moveActiveSheet(pos: number): void {
    const sheet = this.book.activeSheet;
    if (!Number.isInteger(pos) || pos < 1 || pos > this.book.sheets.length)
      fail(this.ctx, 'Invalid argument: pos');
    this.book.sheets = this.book.sheets.filter((s) => s !== sheet);
    this.book.sheets.splice(pos - 1, 0, sheet);
  }

  getActiveRange(): R | null {
    const sheet = this.book.activeSheet;
    return new Range(this.ctx, sheet, { ...sheet.activeRange }) as never;
  }

  setActiveRange(range: R): R {
    if (!isRange(range)) fail(this.ctx, 'Invalid argument: range');
    const sheet = range._sheetData();
    sheet.activeRange = { ...range._grid() };
    this.book.activeSheet = sheet;
    return range;
  }

  setActiveSelection(range: R | string): R {
    return this.setActiveRange(typeof range === 'string' ? this.getRange(range) : range);
  }

  /** `'คะแนน'!C5` or, without a sheet name, a range of the active sheet. */
  getRange(a1Notation: string): R {
    const parts = splitSheet(String(a1Notation));
    const sheet =
      parts &&
      (parts.sheetName === undefined
        ? this.book.activeSheet
        : this.book.sheetByName(parts.sheetName));
    const g = sheet && parseRef(parts.ref, sheet.maxRows, sheet.maxCols);
    if (!sheet || !g) fail(this.ctx, 'Range not found');
    return new Range(this.ctx, sheet, checkGrid(this.ctx, sheet, g)) as never;
  }

  /** Named ranges are not emulated: none exist. */
  getRangeByName(_name: string): R | null {
    return null;
  }

  getDataRange(): R {
    return new Range(this.ctx, this.book.activeSheet, dataGrid(this.book.activeSheet)) as never;
  }

  getLastRow(): number {
    return this.book.activeSheet.lastRow();
  }

  getLastColumn(): number {
    return this.book.activeSheet.lastColumn();
  }

  appendRow(rowContents: unknown[]): Sh {
    appendRowTo(this.ctx, this.book.activeSheet, rowContents);
    return this.facade(this.book.activeSheet);
  }

  getSpreadsheetTimeZone(): string {
    return this.book.timeZone;
  }

  /** Date cells keep their wall-clock date and time, as in Sheets (they are serial numbers there). */
  setSpreadsheetTimeZone(timezone: string): void {
    const tz = String(timezone);
    if (!isKnownTimeZone(tz)) fail(this.ctx, `Invalid argument: timezone (${tz})`);
    for (const sheet of this.book.sheets) {
      for (const [, , cell] of sheet.cells()) {
        if (cell.value instanceof Date)
          cell.value = instantOfSerial(serialOf(cell.value, this.book.timeZone), tz);
      }
    }
    this.book.timeZone = tz;
  }

  getSpreadsheetLocale(): string {
    return this.book.locale;
  }

  setSpreadsheetLocale(locale: string): void {
    this.book.locale = String(locale);
  }

  toast(msg: string, title = '', timeoutSeconds: number | null = 5): void {
    this.ctx.ui.toasts.push({
      message: String(msg),
      title: String(title),
      timeoutSeconds: timeoutSeconds ?? 5,
    });
  }

  getProtections(
    type: GoogleAppsScript.Spreadsheet.ProtectionType,
  ): GoogleAppsScript.Spreadsheet.Protection[] {
    const t = String(type);
    const out: GoogleAppsScript.Spreadsheet.Protection[] = [];
    for (const sheet of this.book.sheets) {
      for (const p of sheet.protections) {
        if (p.type === t) out.push(new Protection(this.ctx, sheet, p) as never);
      }
    }
    return realmArray(this.ctx.realm, out);
  }
}
