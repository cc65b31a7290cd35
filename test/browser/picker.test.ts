// The built Picker dialog (build/Picker.html, as showPicker evaluates it) in headless Chromium:
// google.script.run wired to the add-on in the local runtime, and Google's Picker API replaced by
// a recorder served at its address, so the test pins the views and builder calls the page makes
// and what the pick hands back to the server. Google's own window is not emulated.
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { emptyDocModel } from '../../src/local/docmodel';
import { runtimeOn, values } from '../gas/harness';
import { browserSession } from './session';
import { googleScriptRunStub, PICKER_SERVER, serverBridge } from './stub';

type Rt = Awaited<ReturnType<typeof runtimeOn>>;

const A = 'somsri@muangkao.go.th';
const B = 'somchai@muangkao.go.th';
const ORIGIN = 'https://docs.google.com';
const FOLDER = 'application/vnd.google-apps.folder';

/** google.picker and gapi as a recorder: every call on a view or the builder is logged. */
const FAKE_PICKER_API = `
(function () {
  var log = (window.__picker = { views: [], builder: [], visible: false, callback: null });
  function recorder(entry) {
    var proxy = new Proxy({}, {
      get: function (_, method) {
        if (method === '__entry') return entry;
        return function () {
          var args = Array.prototype.slice.call(arguments);
          if (method === 'setCallback') log.callback = args[0];
          entry.calls.push([method].concat(args.map(function (a) {
            if (typeof a === 'function') return 'function';
            return a && a.__entry ? { view: a.__entry.index } : a;
          })));
          if (method === 'build') return { setVisible: function (v) { log.visible = v; } };
          return proxy;
        };
      },
    });
    return proxy;
  }
  window.gapi = { load: function (name, callback) { if (name === 'picker') callback(); } };
  window.google.picker = {
    ViewId: { FOLDERS: 'folders', DOCUMENTS: 'documents' },
    Action: { PICKED: 'picked', CANCEL: 'cancel' },
    Feature: { SUPPORT_DRIVES: 'supportDrives' },
    DocsView: function (viewId) {
      var entry = { index: log.views.length, viewId: viewId, calls: [] };
      log.views.push(entry);
      return recorder(entry);
    },
    PickerBuilder: function () {
      return recorder({ calls: log.builder });
    },
  };
})();`;

interface PickerLog {
  views: { index: number; viewId: string; calls: unknown[][] }[];
  builder: unknown[][];
  visible: boolean;
}

/** Script errors of the dialog's page fail the test. */
const session = browserSession();

async function office(): Promise<Rt> {
  const rt = await runtimeOn('ita-2568-corrected', { user: A, editors: [A, B] });
  const state = join(rt.dir, 'drive', '.runtime');
  mkdirSync(state, { recursive: true });
  writeFileSync(
    join(state, 'script-properties.json'),
    JSON.stringify({
      ITAMEMO_PICKER_API_KEY: 'AIza-test-key',
      ITAMEMO_CLOUD_PROJECT_NUMBER: '123456789012',
    }),
  );
  return rt;
}

/** Runs the menu item, then opens the dialog it showed, with the Picker API recorded. */
async function openDialog(rt: Rt, item: 'chooseFolder' | 'chooseTemplate'): Promise<Page> {
  rt.run(item);
  const dialog = rt.ui.html.at(-1);
  expect(dialog).toMatchObject({ kind: 'modal', width: 800, height: 560 });
  const page = await session.newPage({ width: 800, height: 560 });
  await page.exposeFunction('__callServer', serverBridge(rt));
  await page.route('https://apis.google.com/js/api.js', (route) =>
    route.fulfill({ contentType: 'text/javascript', body: FAKE_PICKER_API }),
  );
  const html = dialog!.html.replace(
    '<head>',
    `<head>${googleScriptRunStub(PICKER_SERVER, { origin: ORIGIN })}`,
  );
  await page.setContent(html);
  await page.waitForFunction(
    () => (window as unknown as { __picker?: PickerLog }).__picker?.visible,
  );
  return page;
}

const pickerLog = (page: Page) =>
  page.evaluate(() => (window as unknown as { __picker: PickerLog }).__picker);

/** The user's choice: Google's grant (pickInDialog), then the Picker's callback in the page. */
async function choose(page: Page, rt: Rt, id: string, name: string): Promise<string> {
  rt.pickInDialog(id);
  await page.evaluate(
    ([id, name]) =>
      (window as unknown as { __picker: { callback: (d: unknown) => void } }).__picker.callback({
        action: 'picked',
        docs: [{ id, name }],
      }),
    [id, name],
  );
  await page.waitForSelector('#status.ok', { timeout: 10_000 });
  return (await page.textContent('#status')) ?? '';
}

const BUILDER_CALLS = [
  ['addView', { view: 0 }],
  ['addView', { view: 1 }],
  ['setOAuthToken', expect.any(String)],
  ['setDeveloperKey', 'AIza-test-key'],
  ['setAppId', '123456789012'],
  ['setOrigin', ORIGIN],
  ['setLocale', 'th'],
  // The dialog is 800 × 560: the Picker fills it, less its borders.
  ['setSize', 798, 558],
  ['setCallback', 'function'],
  ['build'],
  // (no enableFeature: SUPPORT_DRIVES is deprecated)
];

describe('the Picker dialog', () => {
  it('เลือกโฟลเดอร์ปลายทาง: My Drive and shared drives in two folder views; the pick fills the cell, shares nothing', async () => {
    const rt = await office();
    const page = await openDialog(rt, 'chooseFolder');
    const log = await pickerLog(page);
    const folderView = [
      ['setIncludeFolders', true],
      ['setSelectFolderEnabled', true],
      ['setMimeTypes', FOLDER],
    ];
    expect(log.views).toEqual([
      { index: 0, viewId: 'folders', calls: folderView },
      { index: 1, viewId: 'folders', calls: [...folderView, ['setEnableDrives', true]] },
    ]);
    expect(log.builder).toEqual(BUILDER_CALLS);

    // A folder of A's own in My Drive, not made by the add-on.
    const mine = rt.drive.addUserFolder('งานแผน ITA');
    const answer = await choose(page, rt, mine, 'งานแผน ITA');
    expect(answer).toBe('เลือก “งานแผน ITA” แล้ว และใส่ลิงก์ไว้ในรายการ “โฟลเดอร์ปลายทาง” ของแท็บข้อมูลทั่วไป');
    const link = values(rt, 'ข้อมูลทั่วไป').find((r) => r[0] === 'โฟลเดอร์ปลายทาง')?.[1];
    expect(String(link)).toContain(mine);
    // The person's own folder is not shared with the sheet's editors.
    expect(rt.drive.roleOf(mine, B)).toBeNull();
    await page.close();
  });

  it('เลือกแม่แบบ: Google Docs in two views (folders only to open); cancel closes the dialog', async () => {
    const rt = await office();
    const page = await openDialog(rt, 'chooseTemplate');
    const log = await pickerLog(page);
    expect(log.views).toEqual([
      { index: 0, viewId: 'documents', calls: [['setIncludeFolders', true]] },
      {
        index: 1,
        viewId: 'documents',
        calls: [
          ['setIncludeFolders', true],
          ['setEnableDrives', true],
        ],
      },
    ]);
    expect(log.builder).toEqual(BUILDER_CALLS);
    await page.evaluate(() =>
      (window as unknown as { __picker: { callback: (d: unknown) => void } }).__picker.callback({
        action: 'cancel',
      }),
    );
    expect(await page.evaluate(() => (window as unknown as { __closed?: boolean }).__closed)).toBe(
      true,
    );
    await page.close();
  });

  it('a Doc in a shared drive A belongs to can be picked as the template', async () => {
    const rt = await office();
    const drive = rt.drive.addSharedDrive('งานนิติการ', { [A]: 'writer' });
    const doc = rt.drive.addUserDoc(emptyDocModel('', 'แม่แบบของกอง'), 'แม่แบบของกอง', [drive]);
    const page = await openDialog(rt, 'chooseTemplate');
    expect(await choose(page, rt, doc, 'แม่แบบของกอง')).toContain('“แม่แบบเอกสาร”');
    await page.close();
  });
});
