import { tracked } from '../calls';
import { Ui } from '../ui';
import { fail, type SheetsContext } from './context';
import { ProtectionType } from './protection';
import { Range } from './range';
import { RichTextValueBuilder } from './rich-text';
import { Sheet } from './sheet';
import { Spreadsheet } from './spreadsheet';
import { DataValidationBuilder, DataValidationCriteria } from './validation';

type App = GoogleAppsScript.Spreadsheet.SpreadsheetApp;

const WrapStrategy = { WRAP: 'WRAP', OVERFLOW: 'OVERFLOW', CLIP: 'CLIP' } as const;
const BorderStyle = {
  DOTTED: 'DOTTED',
  DASHED: 'DASHED',
  SOLID: 'SOLID',
  SOLID_MEDIUM: 'SOLID_MEDIUM',
  SOLID_THICK: 'SOLID_THICK',
  DOUBLE: 'DOUBLE',
} as const;
const Dimension = { COLUMNS: 'COLUMNS', ROWS: 'ROWS' } as const;
const SheetType = { GRID: 'GRID', OBJECT: 'OBJECT' } as const;
const Direction = { UP: 'UP', DOWN: 'DOWN', PREVIOUS: 'PREVIOUS', NEXT: 'NEXT' } as const;
/** https://developers.google.com/apps-script/reference/spreadsheet/copy-paste-type */
const CopyPasteType = {
  PASTE_NORMAL: 'PASTE_NORMAL',
  PASTE_NO_BORDERS: 'PASTE_NO_BORDERS',
  PASTE_FORMAT: 'PASTE_FORMAT',
  PASTE_FORMULA: 'PASTE_FORMULA',
  PASTE_DATA_VALIDATION: 'PASTE_DATA_VALIDATION',
  PASTE_VALUES: 'PASTE_VALUES',
  PASTE_CONDITIONAL_FORMATTING: 'PASTE_CONDITIONAL_FORMATTING',
  PASTE_COLUMN_WIDTHS: 'PASTE_COLUMN_WIDTHS',
} as const;

type Methods =
  | 'flush'
  | 'getActive'
  | 'getActiveRange'
  | 'getActiveSheet'
  | 'getActiveSpreadsheet'
  | 'getUi'
  | 'newDataValidation'
  | 'newRichTextValue'
  | 'openById'
  | 'openByUrl'
  | 'setActiveRange'
  | 'setActiveSheet';

/**
 * SpreadsheetApp for a script bound to one spreadsheet: the workbook the runtime loaded. Enum
 * values are their names (String(SpreadsheetApp.ProtectionType.SHEET) is 'SHEET' in Apps Script
 * too), so comparisons with == and === work as they do there.
 */
export class SpreadsheetApp implements Pick<App, Methods> {
  readonly DataValidationCriteria =
    DataValidationCriteria as unknown as App['DataValidationCriteria'];
  readonly ProtectionType = ProtectionType as unknown as App['ProtectionType'];
  readonly WrapStrategy = WrapStrategy as unknown as App['WrapStrategy'];
  readonly BorderStyle = BorderStyle as unknown as App['BorderStyle'];
  readonly Dimension = Dimension as unknown as App['Dimension'];
  readonly SheetType = SheetType as unknown as App['SheetType'];
  readonly Direction = Direction as unknown as App['Direction'];
  readonly CopyPasteType = CopyPasteType as unknown as App['CopyPasteType'];

  constructor(private readonly ctx: SheetsContext) {
    return tracked(this, ctx.log, 'SpreadsheetApp', 'SpreadsheetApp');
  }

  getActiveSpreadsheet(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(this.ctx) as never;
  }

  getActive(): GoogleAppsScript.Spreadsheet.Spreadsheet {
    return new Spreadsheet(this.ctx) as never;
  }

  getActiveSheet(): GoogleAppsScript.Spreadsheet.Sheet {
    return new Sheet(this.ctx, this.ctx.book.activeSheet) as never;
  }

  getActiveRange(): GoogleAppsScript.Spreadsheet.Range {
    const sheet = this.ctx.book.activeSheet;
    return new Range(this.ctx, sheet, { ...sheet.activeRange }) as never;
  }

  setActiveSheet(sheet: GoogleAppsScript.Spreadsheet.Sheet): GoogleAppsScript.Spreadsheet.Sheet {
    const data = (sheet as unknown as { _sheetData?: () => unknown })._sheetData?.();
    const found = this.ctx.book.sheets.find((s) => s === data);
    if (!found) fail(this.ctx, 'Invalid argument: sheet');
    this.ctx.book.activeSheet = found;
    return sheet;
  }

  setActiveRange(range: GoogleAppsScript.Spreadsheet.Range): GoogleAppsScript.Spreadsheet.Range {
    const r = range as unknown as Range;
    if (typeof r?._grid !== 'function') fail(this.ctx, 'Invalid argument: range');
    r._sheetData().activeRange = { ...r._grid() };
    this.ctx.book.activeSheet = r._sheetData();
    return range;
  }

  getUi(): GoogleAppsScript.Base.Ui {
    return new Ui(this.ctx.log, this.ctx.ui, this.ctx.realm) as never;
  }

  /** Nothing is pending locally: every change is applied at once. */
  flush(): void {}

  newDataValidation(): GoogleAppsScript.Spreadsheet.DataValidationBuilder {
    return new DataValidationBuilder(this.ctx) as never;
  }

  newRichTextValue(): GoogleAppsScript.Spreadsheet.RichTextValueBuilder {
    return new RichTextValueBuilder(this.ctx) as never;
  }

  /** Only the bound spreadsheet exists here. */
  openById(id: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    if (id !== this.ctx.book.id)
      fail(
        this.ctx,
        `Unexpected error while getting the method or property openById on object SpreadsheetApp. (no spreadsheet ${id} in the local runtime)`,
      );
    return new Spreadsheet(this.ctx) as never;
  }

  openByUrl(url: string): GoogleAppsScript.Spreadsheet.Spreadsheet {
    const id = /\/d\/([A-Za-z0-9_-]+)/.exec(String(url))?.[1] ?? '';
    return this.openById(id);
  }
}
