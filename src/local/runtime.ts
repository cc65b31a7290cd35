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
import {
  createBundleContext,
  loadBundle,
  nodeRealm,
  realmError,
  realmObject,
  type Realm,
} from './load-bundle';
import type { DocModel } from './docmodel';
import { CacheService } from './services/cache';
import { CallLog } from './services/calls';
import { createDocumentApp } from './services/document/index';
import { createDocsService } from './services/docs-api';
import { createDriveService } from './services/drive/service';
import { DriveStore } from './services/drive/store';
import { HtmlService, type HtmlEnvironment } from './services/html';
import { LockOwner, LockService } from './services/lock';
import { createConsole, Logger, LogRecorder } from './services/logger';
import { JsonFileStore, PropertiesService } from './services/properties';
import { AuthMode, ScriptApp, type AuthModeName } from './services/script';
import { Session, User } from './services/session';
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
  /** Default 'staff@example.go.th'. */
  user?: string;
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

export interface Runtime {
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
  /** Calls an entry point as one execution (FULL auth), then saves open documents and releases locks. */
  run<T>(name: string, ...args: unknown[]): T;
  /** Opens the spreadsheet as a user would: fires onOpen(e) as a simple trigger, if defined. */
  open(authMode?: AuthModeName): unknown;
  /**
   * A user's edit: writes the value (not counted as add-on calls), makes the cell the selection,
   * then fires onEdit(e) as a simple trigger if the bundle defines it.
   */
  edit(sheetName: string, a1: string, value: unknown): unknown;
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

function manifestTimeZone(buildDir: string, repo: string): string {
  for (const path of [join(buildDir, 'appsscript.json'), join(repo, 'appsscript.json')]) {
    if (existsSync(path)) {
      const tz = (JSON.parse(readFileSync(path, 'utf8')) as { timeZone?: string }).timeZone;
      if (tz) return tz;
    }
  }
  return 'Asia/Bangkok';
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
 * Services that need authorisation fail inside simple triggers (AuthMode.LIMITED/NONE), as in
 * Apps Script, so an onEdit that reaches for Drive is caught locally too.
 */
function requireFullAuth<T extends object>(
  target: T,
  path: string,
  scope: string,
  state: { authMode: AuthModeName },
  realm: Realm,
): T {
  return new Proxy(target, {
    get(obj, prop) {
      const v = Reflect.get(obj, prop) as unknown;
      const own = Object.getOwnPropertyDescriptor(obj, prop);
      // A proxy must hand back frozen properties unchanged (enum tables are frozen).
      if (typeof prop !== 'string' || (own && !own.configurable && !own.writable)) return v;
      if (typeof v === 'function') {
        return (...args: unknown[]) => {
          if (state.authMode !== 'FULL') {
            throw realmError(
              realm,
              `You do not have permission to call ${path}.${prop}. Required permissions: ${scope}`,
            );
          }
          return Reflect.apply(v as EntryPoint, obj, args);
        };
      }
      if (v && typeof v === 'object')
        return requireFullAuth(v, `${path}.${prop}`, scope, state, realm);
      return v;
    },
  });
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
  const clock = new Clock(options.now);
  const calls = new CallLog();
  const ui = new UiRecorder(
    [...(options.answers ?? [])],
    options.defaultAnswers ?? false,
    options.addonName ?? ADDON_NAME,
  );
  const logs = new LogRecorder(clock, options.verbose ?? false);
  const scriptTimeZone = manifestTimeZone(buildDir, repo);

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

  const drive = new DriveStore(driveDir, { user, now: () => clock.now() });
  const context = createBundleContext(options.now ? () => clock.now().getTime() : undefined);
  const realm = context.realm;
  const auth: { authMode: AuthModeName } = { authMode: 'FULL' };
  const owner = new LockOwner(join(stateDir, 'locks'));
  const html: HtmlEnvironment = { log: calls, realm, buildDir };
  const sheetsFor = (r: Realm): SheetsContext => ({ book, log: calls, realm: r, user, ui });

  // pdfkit and the fonts load only when this process renders itself (the CLI renders in a worker).
  // (require, not import(): jest runs this file as CommonJS without ES module support.)
  const pdf =
    options.renderPdf ??
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    (require('./render/pdf') as typeof import('./render/pdf')).renderPdf;
  const documentApp = createDocumentApp(drive, calls, { pdf });
  const services: Record<string, unknown> = {
    SpreadsheetApp: new SpreadsheetApp(sheetsFor(realm)),
    DocumentApp: requireFullAuth(
      documentApp,
      'DocumentApp',
      'https://www.googleapis.com/auth/documents',
      auth,
      realm,
    ),
    Drive: requireFullAuth(
      createDriveService(drive, calls),
      'Drive',
      'https://www.googleapis.com/auth/drive.file',
      auth,
      realm,
    ),
    Docs: requireFullAuth(
      createDocsService(drive, calls),
      'Docs',
      'https://www.googleapis.com/auth/documents',
      auth,
      realm,
    ),
    HtmlService: new HtmlService(html),
    PropertiesService: new PropertiesService(
      calls,
      {
        document: new JsonFileStore(state.properties),
        user: new JsonFileStore(join(stateDir, 'users', safeName(user), 'properties.json')),
        script: new JsonFileStore(join(stateDir, 'script-properties.json')),
      },
      realm,
    ),
    CacheService: new CacheService(calls, clock, realm),
    LockService: new LockService(calls, owner, { document: id, user }, realm),
    Session: new Session(calls, { user, scriptTimeZone, locale: 'th', scriptId: SCRIPT_ID }),
    Utilities: new Utilities(calls, clock, realm),
    ScriptApp: new ScriptApp(calls, SCRIPT_ID),
    Logger: new Logger(calls, logs, clock, scriptTimeZone),
    MimeType,
    console: createConsole(logs, clock),
  };
  Object.assign(context.globals, services);
  const app = loadBundle(buildDir, context) as Record<string, EntryPoint>;
  html.context = context.globals;

  /** One execution: Apps Script saves open documents and drops the script's locks when it ends. */
  function execute<T>(name: string, authMode: AuthModeName, args: unknown[]): T {
    const fn = app[name];
    if (typeof fn !== 'function')
      throw new Error(`build/Code.js has no top-level function ${name}().`);
    const previous = auth.authMode;
    auth.authMode = authMode;
    try {
      return fn(...args) as T;
    } finally {
      auth.authMode = previous;
      drive.flushOpenDocuments();
      owner.releaseAll();
    }
  }

  const bundleSheets = sheetsFor(realm);
  const triggerBase = () => ({
    source: new Spreadsheet(bundleSheets),
    user: new User(calls, user),
  });

  const runtime: Runtime = {
    calls,
    ui,
    spreadsheet: new Spreadsheet(sheetsFor(nodeRealm)),
    workbook: book,
    drive,
    logs,
    globals: context.globals,
    app,
    run: <T>(name: string, ...args: unknown[]) => execute<T>(name, 'FULL', args),
    open(authMode: AuthModeName = 'LIMITED') {
      if (typeof app.onOpen !== 'function') return undefined;
      const e = realmObject(realm, { authMode: AuthMode[authMode], ...triggerBase() });
      return execute('onOpen', authMode, [e]);
    },
    edit(sheetName: string, a1: string, value: unknown) {
      const sheet = book.sheetByName(sheetName);
      const parts = splitSheet(a1);
      const g = sheet && parts && parseRef(parts.ref, sheet.maxRows, sheet.maxCols);
      if (!sheet || !g) throw new Error(`No cell ${a1} on a sheet named "${sheetName}".`);
      const single = g.numRows === 1 && g.numCols === 1;
      const oldValue = single ? eventText(sheet.cell(g.row, g.col), book.timeZone) : undefined;
      for (let r = g.row; r < g.row + g.numRows; r++) {
        for (let c = g.col; c < g.col + g.numCols; c++)
          writeEntered(sheet, r, c, value, book, false);
      }
      book.activeSheet = sheet;
      sheet.activeRange = { ...g };
      if (typeof app.onEdit !== 'function') return undefined;
      const event: Record<string, unknown> = {
        authMode: AuthMode.LIMITED,
        range: new Range(bundleSheets, sheet, { ...g }),
        ...triggerBase(),
      };
      if (single) {
        const newValue = eventText(sheet.cell(g.row, g.col), book.timeZone);
        if (newValue !== undefined) event.value = newValue;
        if (oldValue !== undefined) event.oldValue = oldValue;
      }
      return execute('onEdit', 'LIMITED', [realmObject(realm, event)]);
    },
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
