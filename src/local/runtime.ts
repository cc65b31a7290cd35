import { createHash, randomBytes } from 'node:crypto';
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  realpathSync,
  writeFileSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, extname, join, resolve } from 'node:path';
import { createBundleContext, loadBundle, nodeRealm, realmObject, type Realm } from './load-bundle';
import type { DocModel } from './docmodel';
import { CacheService } from './services/cache';
import { CallLog } from './services/calls';
import { createDocumentApp } from './services/document/index';
import { createDocsService } from './services/docs-api';
import { GoogleJsonResponseException } from './services/drive/errors';
import { createDriveService } from './services/drive/service';
import { atLeast } from './services/drive/access';
import { DriveStore } from './services/drive/store';
import { DOC_MIME, FOLDER_MIME } from './services/drive/types';
import {
  EXECUTION_BUDGET_MS,
  Execution,
  SIMPLE_TRIGGER_BUDGET_MS,
  type Manifest,
} from './services/execution';
import { Faults } from './services/faults';
import { HtmlService, transferProblem, transferred, type HtmlEnvironment } from './services/html';
import { LockOwner, LockService } from './services/lock';
import { createConsole, Logger, LogRecorder } from './services/logger';
import { JsonFileStore, PropertiesService } from './services/properties';
import { AuthMode, ScriptApp, type AuthModeName } from './services/script';
import { Session, User, visibleEmail } from './services/session';
import { parseRef, splitSheet } from './services/spreadsheet/a1';
import type { SheetsContext } from './services/spreadsheet/context';
import { serialOf } from './services/spreadsheet/dates';
import { SpreadsheetApp } from './services/spreadsheet/app';
import type { Cell, WorkbookData } from './services/spreadsheet/model';
import { Range } from './services/spreadsheet/range';
import { Spreadsheet } from './services/spreadsheet/spreadsheet';
import {
  newWorkbook,
  openWorkbook,
  protectionRecords,
  saveWorkbook,
  type ProtectionRecords,
} from './services/spreadsheet/xlsx';
import { writeEntered } from './services/spreadsheet/values';

export { WorkbookRefused } from './services/spreadsheet/xlsx';
import { UiRecorder } from './services/ui';
import { ADDON_NAME } from '../shared/product';
import { Clock } from './services/utilities/clock';
import { Utilities } from './services/utilities/index';
import { MimeType } from './services/utilities/mime-type';

/**
 * The local runtime: build/Code.js running on emulated Apps Script services backed by files.
 * See docs/local-runtime.md.
 */

export interface RuntimeOptions {
  /** .xlsx path; absent: a new spreadsheet with one empty 'Sheet1'. */
  workbook?: string;
  /** Folder backing Drive; default: a new temporary folder. */
  driveDir?: string;
  /** Properties, protections and locks; default `${driveDir}/.runtime`. */
  stateDir?: string;
  /** The user `run`, `open` and `edit` act as (default 'staff@example.go.th'); `as()` picks another. */
  user?: string;
  /** The spreadsheet's editors, its owner first (default: the user). Spreadsheet.getEditors answers them. */
  editors?: string[];
  /**
   * The account that owns the script (default: the user). In a simple trigger Google reveals the
   * active user's e-mail only to a script of the same Workspace domain (services/session.ts).
   */
  scriptOwner?: string;
  /** The manifest whose `oauthScopes` the runtime enforces (default: `<buildDir>/appsscript.json`). */
  manifest?: Manifest;
  /** The runtime clock (default: real time); Utilities.sleep advances it. */
  now?: () => Date;
  /** Default: <repo>/build. */
  buildDir?: string;
  /** Scripted answers to ui.alert/prompt, consumed in order (see UiRecorder). */
  answers?: string[];
  /** Replaces the PDF renderer (tests inject failures with it). */
  renderPdf?: (model: DocModel) => Uint8Array;
  /** The add-on's listed name, which titles its menu (default: ITA Memo's). */
  addonName?: string;
  /** When the answers run out, press the dialog's default button instead of failing. */
  defaultAnswers?: boolean;
  /** The spreadsheet's time zone (xlsx has none); default 'Asia/Bangkok'. */
  timeZone?: string;
  /** The spreadsheet's locale; default 'th_TH'. */
  locale?: string;
  /** Print what the bundle logs. */
  verbose?: boolean;
}

type EntryPoint = (...args: unknown[]) => unknown;

/** Entry points run as one user. */
export interface UserSession {
  /** Calls an entry point as one execution (FULL auth), then saves open documents and releases locks. */
  run<T>(name: string, ...args: unknown[]): T;
  /** Opens the spreadsheet as a user would: fires onOpen(e) as a simple trigger, if defined. */
  open(authMode?: AuthModeName): unknown;
  /**
   * A user's edit: writes the value (not counted as add-on calls), makes the cell the selection,
   * then fires onEdit(e) as a simple trigger if the bundle defines it.
   */
  edit(sheetName: string, a1: string, value: unknown): unknown;
  /**
   * A call from a sidebar or dialog through google.script.run: the arguments must be values
   * Google lets a page pass (services/html.ts, transferProblem) or the call fails as the page's
   * would; the function runs as one execution (FULL auth); the page receives a copy of what it
   * returned, which must pass the same rule (Google hands the page null otherwise: the runtime
   * fails the call instead, so a test cannot miss it).
   */
  fromPage<T>(name: string, ...args: unknown[]): T;
  /**
   * What Google does when the user picks `fileId` in the Google Picker dialog the add-on has
   * open: refuses what the dialog's views could not have shown (a folder in the template picker,
   * a file that is not a Google Doc, a file this user cannot see or that is in the trash), then
   * grants the app drive.file access to it for this user. Returns the dialog's kind.
   */
  pickInDialog(fileId: string): string;
  /** pickInDialog, then the dialog hands the id to the add-on's callback (fromPage): its answer. */
  pick<T>(fileId: string): T;
}

export interface Runtime extends UserSession {
  /** The default user. */
  user: string;
  /** Runs entry points as another user (office staff B, a reviewer). */
  as(user: string): UserSession;
  /** Failures on demand (services/faults.ts). */
  faults: Faults;
  /** The execution gate: the modelled time of the last run (`elapsedMs`), its user. */
  execution: Execution;
  calls: CallLog;
  ui: UiRecorder;
  /** The spreadsheet as Node code (tests) sees it: values and errors of Node's realm. */
  spreadsheet: Spreadsheet;
  /** The raw spreadsheet model (formula writes, cells), for assertions that must not count calls. */
  workbook: WorkbookData;
  drive: DriveStore;
  logs: LogRecorder;
  /** What the bundle sees: the vm context's global object. */
  globals: Record<string, unknown>;
  /** The loaded bundle's context: its top-level functions. */
  app: Record<string, EntryPoint>;
  /** Writes the workbook (default: the file it was opened from). */
  saveWorkbook(path?: string): Promise<void>;
}

/** The folder holding package.json and appsscript.json, from here (src/local) or dist/. */
function repoRoot(): string {
  let dir = __dirname;
  for (;;) {
    if (existsSync(join(dir, 'appsscript.json')) && existsSync(join(dir, 'package.json')))
      return dir;
    const up = dirname(dir);
    if (up === dir) return process.cwd();
    dir = up;
  }
}

/** The manifest clasp would push: `<buildDir>/appsscript.json`, else the repository's. */
function readManifest(buildDir: string, repo: string): Manifest & { timeZone?: string } {
  for (const path of [join(buildDir, 'appsscript.json'), join(repo, 'appsscript.json')]) {
    if (existsSync(path)) return JSON.parse(readFileSync(path, 'utf8')) as Manifest;
  }
  return {};
}

/** A stable, Google-looking ID for a workbook file (so its state is found again next run). */
export function spreadsheetIdFor(path: string): string {
  const real = existsSync(path) ? realpathSync(path) : resolve(path);
  return `1${createHash('sha256').update(real).digest('base64url').slice(0, 43)}`;
}

const SCRIPT_ID = `1${createHash('sha256').update('ita-memo').digest('base64url').slice(0, 56)}`;

function writeJson(path: string, data: unknown): void {
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, `${JSON.stringify(data, null, 2)}\n`);
}

function safeName(s: string): string {
  return s.replace(/[^A-Za-z0-9_.@-]/g, '_');
}

/** Where per-spreadsheet state lives. */
function spreadsheetState(stateDir: string, id: string) {
  const dir = join(stateDir, 'spreadsheets', id);
  return {
    properties: join(dir, 'document-properties.json'),
    protections: join(dir, 'protections.json'),
  };
}

/**
 * The Docs API answers for the document's readers and writers only: 404 "Requested entity was
 * not found." for a document the user cannot see, 403 "The caller does not have permission" for
 * a change by someone who may not edit (the Google APIs' standard NOT_FOUND / PERMISSION_DENIED
 * answers). Checked here so the emulation's Docs internals stay as they are.
 */
function docsForUser(docs: GoogleAppsScript.Docs, drive: DriveStore): GoogleAppsScript.Docs {
  const documents = docs.Documents as unknown as Record<string, (...a: unknown[]) => unknown>;
  const guarded = {
    get(documentId: string, ...rest: unknown[]) {
      if (!drive.can(String(documentId), 'reader'))
        throw new GoogleJsonResponseException(
          'docs.documents.get',
          404,
          'Requested entity was not found.',
          'notFound',
        );
      return documents.get(documentId, ...rest);
    },
    batchUpdate(resource: unknown, documentId: string, ...rest: unknown[]) {
      if (!drive.can(String(documentId), 'writer')) {
        const exists = drive.can(String(documentId), 'reader');
        throw new GoogleJsonResponseException(
          'docs.documents.batchUpdate',
          exists ? 403 : 404,
          exists ? 'The caller does not have permission' : 'Requested entity was not found.',
          exists ? 'forbidden' : 'notFound',
        );
      }
      return documents.batchUpdate(resource, documentId, ...rest);
    },
  };
  return { Documents: guarded } as unknown as GoogleAppsScript.Docs;
}

/** e.value / e.oldValue: the cell's value as a string ('TRUE' for a checkbox, a date's serial number). */
function eventText(cell: Cell | undefined, timeZone: string): string | undefined {
  if (!cell || cell.formula !== undefined || cell.value === null) return cell?.error;
  const v = cell.value;
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (v instanceof Date) return String(serialOf(v, timeZone));
  return String(v);
}

export async function createRuntime(options: RuntimeOptions = {}): Promise<Runtime> {
  const repo = repoRoot();
  const buildDir = resolve(options.buildDir ?? join(repo, 'build'));
  const driveDir = resolve(options.driveDir ?? mkdtempSync(join(tmpdir(), 'itamemo-drive-')));
  const stateDir = resolve(options.stateDir ?? join(driveDir, '.runtime'));
  const user = options.user ?? 'staff@example.go.th';
  const editors = options.editors ?? [user];
  const scriptOwner = options.scriptOwner ?? user;
  const clock = new Clock(options.now);
  const calls = new CallLog();
  const faults = new Faults();
  const ui = new UiRecorder(
    [...(options.answers ?? [])],
    options.defaultAnswers ?? false,
    options.addonName ?? ADDON_NAME,
  );
  const logs = new LogRecorder(clock, options.verbose ?? false);
  const manifest = readManifest(buildDir, repo);
  const scriptTimeZone = manifest.timeZone ?? 'Asia/Bangkok';

  const workbookPath = options.workbook === undefined ? undefined : resolve(options.workbook);
  const id = workbookPath
    ? spreadsheetIdFor(workbookPath)
    : `1${randomBytes(32).toString('base64url').slice(0, 43)}`;
  const state = spreadsheetState(stateDir, id);
  const openOptions = {
    id,
    name: workbookPath ? basename(workbookPath, extname(workbookPath)) : 'Untitled spreadsheet',
    timeZone: options.timeZone ?? 'Asia/Bangkok',
    locale: options.locale ?? 'th_TH',
    protections: existsSync(state.protections)
      ? (JSON.parse(readFileSync(state.protections, 'utf8')) as ProtectionRecords)
      : undefined,
  };
  const book = workbookPath
    ? await openWorkbook(workbookPath, openOptions)
    : newWorkbook(openOptions);

  const context = createBundleContext(options.now ? () => clock.now().getTime() : undefined);
  const realm = context.realm;
  // Every call passes this gate: scopes, auth mode, user, time budget, faults.
  const execution = new Execution(realm, options.manifest ?? manifest, faults);
  execution.user = user;
  calls.gate = execution;
  const current = () => execution.user;
  const drive = new DriveStore(driveDir, { user: current, now: () => clock.now() });
  const owner = new LockOwner(join(stateDir, 'locks'));
  const html: HtmlEnvironment = { log: calls, realm, buildDir };
  const sheetsFor = (r: Realm): SheetsContext => ({
    book,
    log: calls,
    realm: r,
    get user() {
      return execution.user;
    },
    editors: () => editors,
    ui,
  });
  const emailNow = () => visibleEmail(execution.user, execution.authMode, scriptOwner);
  const userProperties = () =>
    new JsonFileStore(join(stateDir, 'users', safeName(execution.user), 'properties.json'));

  // pdfkit and the fonts load only when this process renders itself (the CLI renders in a worker).
  // (require, not import(): jest runs this file as CommonJS without ES module support.)
  const pdf =
    options.renderPdf ??
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./render/pdf') as typeof import('./render/pdf')).renderPdf;
  const documentApp = createDocumentApp(drive, calls, { pdf });
  const services: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetApp(sheetsFor(realm)),
    DocumentApp: documentApp,
    Drive: createDriveService(drive, calls, faults),
    Docs: docsForUser(createDocsService(drive, calls), drive),
    HtmlService: new HtmlService(html),
    PropertiesService: new PropertiesService(
      calls,
      {
        document: new JsonFileStore(state.properties),
        // User properties are the current user's: nothing one person keeps reaches another.
        user: {
          read: () => userProperties().read(),
          write: (all) => userProperties().write(all),
        },
        script: new JsonFileStore(join(stateDir, 'script-properties.json')),
      },
      realm,
    ),
    CacheService: new CacheService(calls, clock, realm),
    LockService: new LockService(
      calls,
      owner,
      {
        document: id,
        get user() {
          return execution.user;
        },
      },
      realm,
      faults,
    ),
    Session: new Session(calls, {
      get user() {
        return execution.user;
      },
      get email() {
        return emailNow();
      },
      scriptTimeZone,
      locale: 'th',
      scriptId: SCRIPT_ID,
    }),
    Utilities: new Utilities(calls, clock, realm),
    ScriptApp: new ScriptApp(calls, SCRIPT_ID),
    Logger: new Logger(calls, logs, clock, scriptTimeZone),
    MimeType,
    console: createConsole(logs, clock),
  };
  Object.assign(context.globals, services);
  const app = loadBundle(buildDir, context) as Record<string, EntryPoint>;
  html.context = context.globals;

  /**
   * One execution as `who`: Apps Script saves open documents and drops the script's locks when
   * it ends. A run that spent its time budget ends with "Exceeded maximum execution time" even
   * if the script caught the error.
   */
  function execute<T>(
    name: string,
    authMode: AuthModeName,
    args: unknown[],
    who: string,
    budgetMs: number,
  ): T {
    const fn = app[name];
    if (typeof fn !== 'function')
      throw new Error(`build/Code.js has no top-level function ${name}().`);
    execution.begin({ user: who, authMode, budgetMs });
    try {
      return fn(...args) as T;
    } finally {
      const timedOut = execution.end();
      drive.flushOpenDocuments();
      owner.releaseAll();
      // eslint-disable-next-line no-unsafe-finally
      if (timedOut) throw timedOut;
    }
  }

  const bundleSheets = sheetsFor(realm);
  const triggerBase = (who: string, authMode: AuthModeName) => ({
    source: new Spreadsheet(bundleSheets),
    user: new User(calls, visibleEmail(who, authMode, scriptOwner)),
  });

  /** The Picker dialog open now: its kind, from the marker the dialog's HTML carries. */
  function openPicker(): string {
    const dialog = [...ui.html].reverse().find((h) => h.kind === 'modal');
    const kind = dialog && /data-picker-kind="([a-z]+)"/.exec(dialog.html)?.[1];
    if (!kind)
      throw new Error('pick(): no Google Picker dialog is open (the add-on did not show one).');
    return kind;
  }

  /**
   * Why the open Picker dialog (src/picker/picker.ts) could not show this file to `who`, or null:
   * its views show folders (folder picker) or Google Docs (template picker), in My Drive, shared
   * with the user or in a shared drive they belong to; never what they cannot see or trashed.
   */
  function notPickable(kind: string, fileId: string, who: string): string | null {
    const file = drive.entry(fileId);
    if (!file || !atLeast(drive.roleOf(fileId, who), 'reader'))
      return `${who} cannot see it in Drive`;
    if (drive.inTrash(fileId)) return 'it is in the trash';
    const wanted = kind === 'folder' ? FOLDER_MIME : DOC_MIME;
    if (file.mimeType !== wanted)
      return `the ${kind} picker shows only ${wanted}, not ${file.mimeType}`;
    return null;
  }

  function sessionFor(who: string): UserSession {
    const run = <T>(name: string, ...args: unknown[]) =>
      execute<T>(name, 'FULL', args, who, EXECUTION_BUDGET_MS);
    const fromPage = <T>(name: string, ...args: unknown[]): T => {
      // "Private functions" (names ending in _) cannot be called from a page:
      // https://developers.google.com/apps-script/guides/html/communication#private_functions
      if (name.endsWith('_'))
        throw new Error(`google.script.run cannot call the private function ${name}().`);
      args.forEach((arg, i) => {
        const problem = transferProblem(arg);
        // The page's own failure, as publicly reported (Google's reference gives no wording).
        if (problem) throw new Error(`Failed due to illegal value in property: ${i} (${problem})`);
      });
      const result = run<T>(name, ...transferred(args));
      const problem = transferProblem(result);
      if (problem) {
        throw new Error(
          `google.script.run: ${name}() returned ${problem}; Google does not pass that to the page (its success handler receives null).`,
        );
      }
      return transferred(result);
    };
    const pickInDialog = (fileId: string): string => {
      const kind = openPicker();
      const why = notPickable(kind, fileId, who);
      if (why)
        throw new Error(`pick(): the ${kind} Picker could not have shown ${fileId}: ${why}.`);
      drive.grantAccess(fileId, who);
      return kind;
    };
    return {
      run,
      fromPage,
      pickInDialog,
      open(authMode: AuthModeName = 'LIMITED') {
        if (typeof app.onOpen !== 'function') return undefined;
        const e = realmObject(realm, {
          authMode: AuthMode[authMode],
          ...triggerBase(who, authMode),
        });
        return execute('onOpen', authMode, [e], who, SIMPLE_TRIGGER_BUDGET_MS);
      },
      edit: (sheetName: string, a1: string, value: unknown) => edit(who, sheetName, a1, value),
      pick<T>(fileId: string): T {
        return fromPage<T>('pickerChosen', pickInDialog(fileId), fileId);
      },
    };
  }

  function edit(who: string, sheetName: string, a1: string, value: unknown): unknown {
    const sheet = book.sheetByName(sheetName);
    const parts = splitSheet(a1);
    const g = sheet && parts && parseRef(parts.ref, sheet.maxRows, sheet.maxCols);
    if (!sheet || !g) throw new Error(`No cell ${a1} on a sheet named "${sheetName}".`);
    const single = g.numRows === 1 && g.numCols === 1;
    const oldValue = single ? eventText(sheet.cell(g.row, g.col), book.timeZone) : undefined;
    for (let r = g.row; r < g.row + g.numRows; r++) {
      for (let c = g.col; c < g.col + g.numCols; c++) writeEntered(sheet, r, c, value, book, false);
    }
    book.activeSheet = sheet;
    sheet.activeRange = { ...g };
    if (typeof app.onEdit !== 'function') return undefined;
    const event: Record<string, unknown> = {
      authMode: AuthMode.LIMITED,
      range: new Range(bundleSheets, sheet, { ...g }),
      ...triggerBase(who, 'LIMITED'),
    };
    if (single) {
      const newValue = eventText(sheet.cell(g.row, g.col), book.timeZone);
      if (newValue !== undefined) event.value = newValue;
      if (oldValue !== undefined) event.oldValue = oldValue;
    }
    return execute('onEdit', 'LIMITED', [realmObject(realm, event)], who, SIMPLE_TRIGGER_BUDGET_MS);
  }

  const runtime: Runtime = {
    ...sessionFor(user),
    user,
    as: sessionFor,
    faults,
    execution,
    calls,
    ui,
    spreadsheet: new Spreadsheet(sheetsFor(nodeRealm)),
    workbook: book,
    drive,
    logs,
    globals: context.globals,
    app,
    async saveWorkbook(path?: string) {
      const target = path ?? workbookPath;
      if (!target)
        throw new Error('saveWorkbook needs a path: the runtime was started without a workbook.');
      await saveWorkbook(book, resolve(target));
      // Reopening the saved file (under its own ID) finds the protections' details and properties.
      const records = protectionRecords(book);
      for (const sid of new Set([id, spreadsheetIdFor(resolve(target))])) {
        const st = spreadsheetState(stateDir, sid);
        writeJson(st.protections, records);
        if (sid !== id)
          new JsonFileStore(st.properties).write(new JsonFileStore(state.properties).read());
      }
    },
  };
  return runtime;
}
