/**
 * What one call into an Apps Script service costs on Google, in milliseconds: a model, for
 * `npm run bench` (the modelled time of a run) and the runtime's execution-time budget.
 *
 * Google publishes no per-call latencies; its guidance is only that calls to other services are
 * far slower than JavaScript ("Minimize calls to other services",
 * https://developers.google.com/apps-script/guides/support/best-practices). The figures below
 * are therefore assumptions, anchored where public measurements exist:
 * - PropertiesService: getProperty 30 ms, setProperty 62 ms on average; CacheService get 3 ms,
 *   put 93 ms (100 runs each, https://ziritione.org/post/apps_script_performance).
 * - SpreadsheetApp: one write of a 4,000-cell range under 50 ms, SpreadsheetApp.flush() about
 *   600 ms (a published experiment quoted on Stack Overflow, "What is faster: ScriptDb or
 *   SpreadsheetApp?"). Reads are taken as the same 50 ms, other sheet calls as 10 ms.
 * - Advanced services (Drive v3, Docs v1) are HTTPS requests to Google's APIs: assumed 300 ms
 *   each, 800 ms for a Drive copy and a PDF upload, 1,000 ms for a Docs batchUpdate (a whole fill:
 *   thousands of requests applied server-side in one call).
 * - DocumentApp: opening a Doc 300 ms, saving it 500 ms, exporting it as PDF 2,000 ms (Google
 *   renders the PDF), and 20 ms for any element call (getChild, setAttributes, insertText, …):
 *   each is a round trip to the document model ("tens of ms"; an assumption, not a measurement).
 * - In-process helpers (Utilities, Blob, Logger, Session getters) 1–5 ms.
 * - Changes to a sheet's structure (inserting sheets, protections, validation, widths) are taken
 *   as 250 ms, sharing a file (Drive permissions.create, which also sends e-mail) as 800 ms, and
 *   a dialog the user must answer (Ui.alert, Ui.prompt) as 3 s of the execution's time.
 * A member not listed costs its service's default. See docs/rendering.md ("Service calls").
 * Utilities.sleep and the wait in Lock.tryLock/waitLock are charged by the milliseconds they take
 * (the runtime adds them to the execution), not here.
 */
const SERVICE_DEFAULT: Record<string, number> = {
  SpreadsheetApp: 10,
  DocumentApp: 20,
  Docs: 300,
  Drive: 300,
  PropertiesService: 5,
  CacheService: 5,
  LockService: 20,
  Session: 5,
  Utilities: 1,
  Blob: 1,
  Logger: 1,
  HtmlService: 10,
  ScriptApp: 5,
  Ui: 10,
};

const MEMBER: Record<string, number> = {
  'SpreadsheetApp Range.getValues': 50,
  'SpreadsheetApp Range.getDisplayValues': 50,
  'SpreadsheetApp Range.setValues': 50,
  'SpreadsheetApp Range.getNotes': 50,
  'SpreadsheetApp Range.setNotes': 50,
  'SpreadsheetApp Range.getBackgrounds': 50,
  'SpreadsheetApp Range.setBackgrounds': 50,
  'SpreadsheetApp Range.copyTo': 50,
  'SpreadsheetApp SpreadsheetApp.flush': 600,
  'DocumentApp DocumentApp.openById': 300,
  'DocumentApp DocumentApp.openByUrl': 300,
  'DocumentApp DocumentApp.create': 500,
  'DocumentApp Document.saveAndClose': 500,
  'DocumentApp Document.getAs': 2000,
  'DocumentApp Document.getBlob': 2000,
  'Docs Documents.batchUpdate': 1000,
  'Drive Files.copy': 800,
  'Drive Files.create': 800,
  'Drive Files.export': 2000,
  'Drive Permissions.create': 800,
  'SpreadsheetApp Spreadsheet.getEditors': 50,
  'Ui Ui.alert': 3000,
  'Ui Ui.prompt': 3000,
  'Ui Ui.showSidebar': 200,
  'Ui Ui.showModalDialog': 200,
  'LockService Lock.tryLock': 50,
  'LockService Lock.waitLock': 50,
};

/** Store reads and writes, whichever store (document, user, script properties; caches). */
const STORE_METHOD: Record<string, Record<string, number>> = {
  PropertiesService: {
    getProperty: 30,
    getProperties: 30,
    getKeys: 30,
    setProperty: 62,
    setProperties: 62,
    deleteProperty: 62,
    deleteAllProperties: 62,
  },
  CacheService: { get: 3, getAll: 3, put: 93, putAll: 93, remove: 93, removeAll: 93 },
};

const SHEET_STRUCTURE =
  /^(Spreadsheet\.(insertSheet|deleteSheet)|Sheet\.(insert|delete|protect|setFrozen|setColumnWidth|autoResize|hide|show|copyTo)|Range\.(protect|setDataValidation|clearDataValidations|insertCheckboxes|removeCheckboxes)|Protection\.)/;

/** The modelled cost of one call of `member` (as the call log names it: `Class.method`) of `service`. */
export function modelledCostMs(service: string, member: string): number {
  const method = member.slice(member.lastIndexOf('.') + 1);
  if (service === 'SpreadsheetApp' && SHEET_STRUCTURE.test(member)) return 250;
  return (
    MEMBER[`${service} ${member}`] ??
    STORE_METHOD[service]?.[method] ??
    SERVICE_DEFAULT[service] ??
    10
  );
}
