/**
 * The emulated SpreadsheetApp over an xlsx workbook: load with openWorkbook/newWorkbook, serve the
 * bundle with a SpreadsheetApp over the model, save with saveWorkbook.
 */
export { SpreadsheetApp } from './app';
export { Spreadsheet } from './spreadsheet';
export { Sheet } from './sheet';
export { Range } from './range';
export {
  WorkbookData,
  SheetData,
  type Cell,
  type FormulaWrite,
  type ProtectionData,
} from './model';
export {
  openWorkbook,
  newWorkbook,
  saveWorkbook,
  protectionRecords,
  type ProtectionRecords,
} from './xlsx';
export { parseEntered, writeEntered, readValue, displayValue } from './values';
export type { SheetsContext } from './context';
