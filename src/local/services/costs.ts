/**
 * What one Apps Script call costs in an execution's time, for the runtime's time budget (30 s for
 * a simple trigger, 6 minutes otherwise) and for benchmarks that model a run's time in Google.
 *
 * Google does not publish per-call latencies; Apps Script's best-practices guide says only that
 * calls to other services are slow and should be batched
 * (https://developers.google.com/apps-script/guides/support/best-practices). These figures are
 * assumptions, rounded, from what Apps Script users commonly measure, erring on the slow side so a
 * run that fits here has room in Google:
 *
 * | calls                                                              | ms    |
 * | ------------------------------------------------------------------ | ----- |
 * | in-process: Utilities, Logger, Blob, HtmlOutput, enums, builders   | 1     |
 * | Session, ScriptApp, User                                           | 2     |
 * | Spreadsheet navigation (getSheetByName, getRange, getName, …)      | 5     |
 * | Spreadsheet reads (getValues, getNotes, getBackgrounds, …)         | 80    |
 * | Spreadsheet writes (setValues, setNotes, setBackgrounds, …)        | 120   |
 * | Spreadsheet structure (insertSheet, protect, validation, widths)   | 250   |
 * | PropertiesService, CacheService                                    | 30    |
 * | LockService (acquiring; waiting is charged as waited)              | 50    |
 * | DocumentApp element calls (append, set, get on a paragraph, …)     | 8     |
 * | DocumentApp.openById / create                                      | 1,000 |
 * | Document.saveAndClose                                              | 1,500 |
 * | Document.getAs (PDF conversion)                                    | 3,000 |
 * | Drive API calls                                                    | 300   |
 * | Drive Files.create with content, Permissions.create (sharing)      | 800   |
 * | Drive Files.export (PDF conversion)                                | 3,000 |
 * | Docs API documents.get                                             | 500   |
 * | Docs API documents.batchUpdate                                     | 1,000 |
 * | Ui.alert / Ui.prompt (the user reads and answers)                  | 3,000 |
 * | Ui.showSidebar / showModalDialog                                   | 200   |
 *
 * Utilities.sleep and the wait in Lock.tryLock/waitLock are charged by the milliseconds they take
 * (the runtime adds them to the execution), not here.
 */

const READS =
  /^Range\.(get(Values|DisplayValues|Notes|Backgrounds|Formulas|FontWeights|NumberFormats|RichTextValues|DataValidations|HorizontalAlignments|VerticalAlignments|Wraps|WrapStrategies)|getValue|getDisplayValue|getNote|getBackground|getFormula|getDataValidation|getRichTextValue|isBlank|isChecked)$/;
const STRUCTURE =
  /^(Spreadsheet\.(insertSheet|deleteSheet|rename|moveActiveSheet)|Sheet\.(insert|delete|protect|setFrozen|setColumnWidth|autoResize|hide|show|setName|setTabColor|clear)|Range\.(protect|setDataValidation|clearDataValidations|insertCheckboxes|removeCheckboxes|setBorder)|Protection\.)/;
const WRITES = /^(Range\.(set|clear)|Sheet\.appendRow|Spreadsheet\.appendRow)/;

function spreadsheetCost(member: string): number {
  if (member.startsWith('SpreadsheetApp.new') || member.startsWith('DataValidationBuilder.'))
    return 1;
  if (member.startsWith('RichTextValueBuilder.') || member.startsWith('DataValidation.')) return 1;
  if (READS.test(member)) return 80;
  if (STRUCTURE.test(member)) return 250;
  if (WRITES.test(member)) return 120;
  if (member === 'SpreadsheetApp.flush' || member === 'Spreadsheet.getEditors') return 80;
  return 5;
}

function documentCost(member: string): number {
  if (/^DocumentApp\.(openById|openByUrl|create)$/.test(member)) return 1000;
  if (member === 'Document.saveAndClose') return 1500;
  if (member === 'Document.getAs' || member === 'Document.getBlob') return 3000;
  return 8;
}

function driveCost(member: string): number {
  if (member.startsWith('Drive.')) return 1;
  if (member === 'Files.export') return 3000;
  if (member === 'Files.create' || member === 'Permissions.create') return 800;
  return 300;
}

export function modelledCostMs(service: string, member: string): number {
  switch (service) {
    case 'SpreadsheetApp':
      return spreadsheetCost(member);
    case 'DocumentApp':
      return documentCost(member);
    case 'Drive':
      return driveCost(member);
    case 'Docs':
      return member === 'Documents.batchUpdate' ? 1000 : 500;
    case 'Ui':
      if (member === 'Ui.alert' || member === 'Ui.prompt') return 3000;
      return member.startsWith('Ui.show') ? 200 : 1;
    case 'PropertiesService':
    case 'CacheService':
      return 30;
    case 'LockService':
      return 50;
    case 'Session':
    case 'ScriptApp':
      return 2;
    case 'HtmlService':
      return member.startsWith('HtmlService.create') || member === 'HtmlTemplate.evaluate' ? 10 : 1;
    default:
      return 1;
  }
}
