import { join } from 'node:path';
import { createRuntime as create, type RuntimeOptions } from '../../src/local/runtime';
import { cleanupTempDirs, tempDir, writeBuild, writeXlsx } from './helpers';

afterAll(cleanupTempDirs);

const NOW = () => new Date('2025-10-03T03:00:00Z');

/** Every runtime gets its own Drive folder, removed after the tests. */
const createRuntime = (options: RuntimeOptions) =>
  create({ driveDir: tempDir('itamemo-drive-'), ...options });

describe('loading a bundle with gas-local', () => {
  test('a tiny Code.js sees the emulated SpreadsheetApp', async () => {
    const buildDir = writeBuild(
      "function hello(){ return SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); }",
    );
    const book = await writeXlsx(join(tempDir(), 'hello.xlsx'), (wb) => {
      wb.addWorksheet('คะแนน').getCell('A1').value = 'สวัสดี';
    });
    const rt = await createRuntime({ buildDir, workbook: book, now: NOW });
    expect(rt.run('hello')).toBe('สวัสดี');
    expect(rt.calls.count('SpreadsheetApp', 'Range.getValue')).toBe(1);
    expect(rt.calls.count('SpreadsheetApp', 'SpreadsheetApp.getActiveSpreadsheet')).toBe(1);
  });

  test('only Code.js is loaded from the build folder, into a fresh context each time', async () => {
    const buildDir = writeBuild(
      'var counter = (typeof counter === "number" ? counter : 0) + 1; function get(){ return counter; }',
      {
        'Other.js': 'throw new Error("must not load");',
      },
    );
    const a = await createRuntime({ buildDir });
    const b = await createRuntime({ buildDir });
    expect(a.run('get')).toBe(1);
    expect(b.run('get')).toBe(1);
  });

  test('an unknown entry point fails clearly', async () => {
    const rt = await createRuntime({ buildDir: writeBuild('function a(){}') });
    expect(() => rt.run('nope')).toThrow('no top-level function nope()');
  });

  test('a missing bundle fails clearly', async () => {
    await expect(createRuntime({ buildDir: tempDir() })).rejects.toThrow(
      'run `node scripts/build.mjs` first',
    );
  });
});

describe('values cross into the bundle realm as Apps Script values', () => {
  test('dates from getValues are Dates of the bundle; service errors are its Errors', async () => {
    const buildDir = writeBuild(`
      function probe() {
        var v = SpreadsheetApp.getActiveSheet().getRange('A1:B1').getValues();
        var caught = null;
        try { SpreadsheetApp.getActiveSheet().getRange('not a range'); } catch (e) { caught = e; }
        return {
          isDate: v[0][0] instanceof Date,
          isArray: v instanceof Array && v[0] instanceof Array,
          iso: v[0][0].toISOString(),
          errorIsError: caught instanceof Error,
          message: caught && caught.message,
        };
      }`);
    const book = await writeXlsx(join(tempDir(), 'd.xlsx'), (wb) => {
      const ws = wb.addWorksheet('Sheet1');
      ws.getCell('A1').value = new Date(Date.UTC(2025, 9, 3));
      ws.getCell('A1').numFmt = 'd/m/yyyy';
    });
    const rt = await createRuntime({ buildDir, workbook: book });
    expect(rt.run('probe')).toEqual({
      isDate: true,
      isArray: true,
      iso: '2025-10-02T17:00:00.000Z',
      errorIsError: true,
      message: 'Range not found',
    });
  });

  test('Dates made by the bundle are stored as dates', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(
        "function put(){ SpreadsheetApp.getActiveSheet().getRange('A1').setValue(new Date(Date.UTC(2025,0,1))); }",
      ),
    });
    rt.run('put');
    const v = rt.spreadsheet.getRange('A1').getValue() as Date;
    expect(v).toBeInstanceOf(Date);
    expect(v.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('triggers', () => {
  const code = `
    var events = [];
    function onEdit(e) {
      events.push({
        a1: e.range.getA1Notation(), sheet: e.range.getSheet().getName(), value: e.value, oldValue: e.oldValue,
        hasOld: 'oldValue' in e, authMode: String(e.authMode), user: e.user.getEmail(), source: e.source.getId(),
        hasTriggerUid: 'triggerUid' in e,
      });
    }
    function onOpen(e) { SpreadsheetApp.getUi().createAddonMenu().addItem('เปิด', 'showSidebar').addToUi(); return String(e.authMode); }
    function lastEvent() { return events[events.length - 1]; }`;

  test('edit() writes the value without counting it and fires onEdit with a simple-trigger event', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(code), user: 'somchai@example.go.th' });
    rt.spreadsheet.getRange('B2').setValue(5);
    rt.calls.reset();
    rt.edit('Sheet1', 'B2', '93.53');
    expect(rt.spreadsheet.getRange('B2').getValue()).toBe(93.53);
    expect(rt.calls.count('SpreadsheetApp', 'Range.setValue')).toBe(0);
    // https://developers.google.com/apps-script/guides/triggers/events: value and oldValue for a
    // single cell; triggerUid only for installable triggers; authMode LIMITED for simple triggers.
    expect(rt.run('lastEvent')).toEqual({
      a1: 'B2',
      sheet: 'Sheet1',
      value: '93.53',
      oldValue: '5',
      hasOld: true,
      authMode: 'LIMITED',
      user: 'somchai@example.go.th',
      source: rt.spreadsheet.getId(),
      hasTriggerUid: false,
    });
  });

  test('oldValue is absent for a previously empty cell; checkbox values are TRUE/FALSE', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(code) });
    rt.edit('Sheet1', 'C3', true);
    expect(rt.run('lastEvent')).toMatchObject({ value: 'TRUE', hasOld: false });
  });

  test('services needing authorisation fail inside a simple trigger', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(`
        var result;
        function onEdit(e) { try { DocumentApp.create('x'); result = 'created'; } catch (err) { result = err.message; } }
        function get() { return result; }`),
    });
    rt.edit('Sheet1', 'A1', 'x');
    expect(rt.run('get')).toBe(
      'You do not have permission to call DocumentApp.create. Required permissions: https://www.googleapis.com/auth/documents',
    );
  });

  test('open() fires onOpen as a simple trigger and records the menu', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(code) });
    expect(rt.open()).toBe('LIMITED');
    expect(rt.ui.menuItems()).toEqual([
      { path: ['รายงาน ITA', 'เปิด'], functionName: 'showSidebar' },
    ]);
  });
});

describe('executions', () => {
  test('run() releases the execution\u2019s locks when it ends', async () => {
    const stateDir = tempDir();
    const buildDir = writeBuild(
      'var lock; function take(){ lock = LockService.getDocumentLock(); return lock.tryLock(10); } function has(){ return lock.hasLock(); }',
    );
    const book = await writeXlsx(join(tempDir(), 'l.xlsx'), (wb) => wb.addWorksheet('A'));
    const a = await createRuntime({ buildDir, stateDir, workbook: book });
    const b = await createRuntime({ buildDir, stateDir, workbook: book });
    expect(a.run('take')).toBe(true);
    expect(a.run('has')).toBe(false);
    expect(b.run('take')).toBe(true);
  });

  test('Logger and console are recorded', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(
        "function log(){ Logger.log('score %s', 93.53); console.warn('careful', 1); }",
      ),
      now: NOW,
    });
    rt.run('log');
    expect(rt.logs.messages()).toEqual(['score 93.53', 'careful 1']);
    expect(rt.logs.messages('warn')).toEqual(['careful 1']);
    expect(rt.run<void>('log')).toBeUndefined();
  });

  test('a workbook saved by the runtime keeps protections and document properties for the next run', async () => {
    const stateDir = tempDir();
    const dir = tempDir();
    const buildDir = writeBuild(`
      function setup() {
        var sheet = SpreadsheetApp.getActive().getSheetByName('ประวัติ');
        sheet.protect().setDescription('ITA Memo: run log').setWarningOnly(true);
        PropertiesService.getDocumentProperties().setProperty('templateId', 'abc');
      }
      function inspect() {
        var p = SpreadsheetApp.getActive().getProtections(SpreadsheetApp.ProtectionType.SHEET)[0];
        return [p.getDescription(), p.isWarningOnly(), PropertiesService.getDocumentProperties().getProperty('templateId')];
      }`);
    const source = await writeXlsx(join(dir, 'in.xlsx'), (wb) => wb.addWorksheet('ประวัติ'));
    const first = await createRuntime({ buildDir, stateDir, workbook: source });
    first.run('setup');
    const saved = join(dir, 'out.xlsx');
    await first.saveWorkbook(saved);
    const second = await createRuntime({ buildDir, stateDir, workbook: saved });
    expect(second.run('inspect')).toEqual(['ITA Memo: run log', true, 'abc']);
  });
});
