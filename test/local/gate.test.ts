// The runtime's gate: every call is checked against the manifest's scopes, the authorisation
// mode and the time budget, and fails with Google's own words.
import { modelledCostMs } from '../../src/local/services/costs';
import { createRuntime as create, type RuntimeOptions } from '../../src/local/runtime';
import { cleanupTempDirs, tempDir, writeBuild } from './helpers';

afterAll(cleanupTempDirs);

const createRuntime = (options: RuntimeOptions) =>
  create({ driveDir: tempDir('itamemo-drive-'), ...options });

const EMAIL = 'https://www.googleapis.com/auth/userinfo.email';
const SHEETS = 'https://www.googleapis.com/auth/spreadsheets.currentonly';

/** Runs `body` in the bundle and returns what it threw (its message) or 'ok'. */
function probe(body: string): string {
  return `function probe() { try { ${body}; return 'ok'; } catch (e) { return e.name + ': ' + e.message; } }`;
}

describe('scopes: the manifest the runtime loaded', () => {
  test('a call whose scope the manifest does not list fails with Apps Script\u2019s message', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(probe('Session.getActiveUser().getEmail()')),
      manifest: { oauthScopes: [SHEETS] },
    });
    expect(rt.run('probe')).toBe(
      `Exception: Specified permissions are not sufficient to call Session.getActiveUser. Required permissions: ${EMAIL}`,
    );
  });

  test('several possible scopes are written as Apps Script writes them', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(probe('SpreadsheetApp.getActiveSpreadsheet()')),
      manifest: { oauthScopes: [EMAIL] },
    });
    expect(rt.run('probe')).toBe(
      'Exception: Specified permissions are not sufficient to call SpreadsheetApp.getActiveSpreadsheet. ' +
        `Required permissions: (${SHEETS} || https://www.googleapis.com/auth/spreadsheets)`,
    );
  });

  test('an advanced service without its scope is refused by the API', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(
        "function probe() { try { Drive.Files.list({}); return 'ok'; } catch (e) { return e.details.code + ' ' + e.details.errors[0].reason + ' ' + e.message; } }",
      ),
      manifest: { oauthScopes: [SHEETS] },
    });
    expect(rt.run('probe')).toBe(
      '403 insufficientPermissions API call to drive.files.list failed with error: Request had insufficient authentication scopes.',
    );
  });

  test('without oauthScopes Apps Script grants what the code uses', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(probe('Session.getActiveUser()')) });
    expect(rt.run('probe')).toBe('ok');
  });

  test('a member the scope table does not know fails loudly', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(probe("Drive.Files.reachable('x')")),
    });
    expect(rt.run('probe')).toContain('Drive Files.reachable has no entry in the scope table');
  });
});

describe('authorisation modes', () => {
  const code = `
    var seen = {};
    function attempt(name, fn) { try { fn(); seen[name] = 'ok'; } catch (e) { seen[name] = e.message; } }
    function onOpen(e) {
      seen = {};
      attempt('menu', function () { SpreadsheetApp.getUi().createAddonMenu().addItem('x', 'y').addToUi(); });
      attempt('properties', function () { PropertiesService.getDocumentProperties().getProperty('a'); });
      attempt('sheet', function () { SpreadsheetApp.getActiveSpreadsheet().getSheets()[0].getRange('A1').getValue(); });
      attempt('drive', function () { Drive.Files.list({}); });
      attempt('alert', function () { SpreadsheetApp.getUi().alert('x'); });
      attempt('email', function () { seen.emailValue = Session.getActiveUser().getEmail(); });
      attempt('locale', function () { Session.getActiveUserLocale(); });
    }
    function onEdit(e) { onOpen(e); }
    function result() { return seen; }`;

  test('NONE: the menu only; no properties, no spreadsheet (editor-auth-lifecycle)', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(code) });
    rt.open('NONE');
    const seen = rt.run<Record<string, string>>('result');
    expect(seen.menu).toBe('ok');
    expect(seen.locale).toBe('ok');
    expect(seen.properties).toBe(
      'You do not have permission to call PropertiesService.getDocumentProperties.',
    );
    expect(seen.sheet).toBe(
      `You do not have permission to call SpreadsheetApp.getActiveSpreadsheet. Required permissions: (${SHEETS} || https://www.googleapis.com/auth/spreadsheets)`,
    );
    expect(seen.email).toContain('You do not have permission to call Session.getActiveUser');
  });

  test('LIMITED (simple triggers): the bound spreadsheet and properties; not Drive, not dialogs', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(code) });
    rt.edit('Sheet1', 'A1', 'x');
    const seen = rt.run<Record<string, string>>('result');
    expect(seen).toMatchObject({ menu: 'ok', properties: 'ok', sheet: 'ok', email: 'ok' });
    expect(seen.drive).toBe(
      'You do not have permission to call Drive.Files.list. Required permissions: (https://www.googleapis.com/auth/drive || https://www.googleapis.com/auth/drive.appdata || https://www.googleapis.com/auth/drive.file || https://www.googleapis.com/auth/drive.metadata || https://www.googleapis.com/auth/drive.metadata.readonly || https://www.googleapis.com/auth/drive.readonly)',
    );
    expect(seen.alert).toBe(
      'You do not have permission to call Ui.alert. Required permissions: https://www.googleapis.com/auth/script.container.ui',
    );
  });

  test.each([
    ['a@muangkao.go.th', 'a@muangkao.go.th', 'a@muangkao.go.th'],
    ['clerk@gmail.com', 'dev@gmail.com', ''],
    ['helper@other.go.th', 'a@muangkao.go.th', ''],
  ])(
    'in a simple trigger %s sees their e-mail only in the script owner\u2019s Workspace domain (owner %s)',
    async (user, scriptOwner, seen) => {
      const rt = await createRuntime({ buildDir: writeBuild(code), user, scriptOwner });
      rt.edit('Sheet1', 'A1', 'x');
      expect(rt.run<Record<string, string>>('result').emailValue).toBe(seen);
      // In an authorised run the user's own e-mail is there.
      rt.run('onOpen', {});
      expect(rt.run<Record<string, string>>('result').emailValue).toBe(user);
    },
  );
});

describe('the time budget', () => {
  const loop = `
    var reads = 0, caught = '';
    function spin() { try { while (true) { SpreadsheetApp.getActiveSheet().getRange('A1').getValues(); reads++; } } catch (e) { caught = e.message; return 'survived'; } }
    function onEdit(e) { spin(); }
    function status() { return { reads: reads, caught: caught }; }`;

  test('a simple trigger stops at 30 s of modelled time', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(loop) });
    expect(() => rt.edit('Sheet1', 'B2', 1)).toThrow('Exceeded maximum execution time');
    const { reads } = rt.run<{ reads: number }>('status');
    // As many reads as the cost model fits in 30 s (costs.ts).
    const perRead = ['SpreadsheetApp.getActiveSheet', 'Sheet.getRange', 'Range.getValues']
      .map((m) => modelledCostMs('SpreadsheetApp', m))
      .reduce((a, b) => a + b, 0);
    expect(Math.abs(reads - 30_000 / perRead)).toBeLessThanOrEqual(2);
  });

  test('other executions stop at 6 minutes, even when the script catches the error', async () => {
    const rt = await createRuntime({ buildDir: writeBuild(loop) });
    expect(() => rt.run('spin')).toThrow('Exceeded maximum execution time');
    expect(rt.execution.elapsedMs).toBeGreaterThan(360_000);
    const { reads, caught } = rt.run<{ reads: number; caught: string }>('status');
    expect(caught).toBe('Exceeded maximum execution time');
    const perRead = ['SpreadsheetApp.getActiveSheet', 'Sheet.getRange', 'Range.getValues']
      .map((m) => modelledCostMs('SpreadsheetApp', m))
      .reduce((a, b) => a + b, 0);
    expect(Math.abs(reads - 360_000 / perRead)).toBeLessThanOrEqual(2);
  });

  test('Utilities.sleep counts', async () => {
    const rt = await createRuntime({
      buildDir: writeBuild(
        'function nap() { for (var i = 0; i < 7; i++) Utilities.sleep(60000); }',
      ),
    });
    expect(() => rt.run('nap')).toThrow('Exceeded maximum execution time');
  });
});
