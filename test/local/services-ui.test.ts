import { nodeRealm } from '../../src/local/load-bundle';
import { CallLog } from '../../src/local/services/calls';
import { HtmlService, transferProblem } from '../../src/local/services/html';
import { createRuntime } from '../../src/local/runtime';
import { Ui, UiRecorder } from '../../src/local/services/ui';
import { cleanupTempDirs, tempDir, writeBuild } from './helpers';

/** Ui (https://developers.google.com/apps-script/reference/base/ui) and HtmlService, recorded for tests. */

afterAll(cleanupTempDirs);

function ui(answers: string[] = [], useDefaults = false) {
  const recorder = new UiRecorder(answers, useDefaults);
  const calls = new CallLog();
  return {
    recorder,
    calls,
    ui: new Ui(calls, recorder, nodeRealm) as unknown as GoogleAppsScript.Base.Ui,
  };
}

describe('menus', () => {
  test('menus, separators and submenus are recorded with their function names', () => {
    const { ui: u, recorder } = ui();
    u.createAddonMenu()
      .addItem('ตรวจข้อมูล', 'validateSheet')
      .addSeparator()
      .addSubMenu(u.createMenu('ตั้งค่า').addItem('สร้างแผ่นงาน', 'setupSheet'))
      .addToUi();
    expect(recorder.menus).toEqual([
      {
        caption: '',
        addon: true,
        entries: [
          { kind: 'item', caption: 'ตรวจข้อมูล', functionName: 'validateSheet' },
          { kind: 'separator' },
          {
            kind: 'submenu',
            menu: {
              caption: 'ตั้งค่า',
              addon: false,
              entries: [{ kind: 'item', caption: 'สร้างแผ่นงาน', functionName: 'setupSheet' }],
            },
          },
        ],
      },
    ]);
    expect(recorder.menuItems().map((i) => i.functionName)).toEqual([
      'validateSheet',
      'setupSheet',
    ]);
  });

  test('adding the same menu again replaces it', () => {
    const { ui: u, recorder } = ui();
    u.createMenu('ITA').addItem('a', 'a').addToUi();
    u.createMenu('ITA').addItem('b', 'b').addToUi();
    expect(recorder.menuItems()).toEqual([{ path: ['ITA', 'b'], functionName: 'b' }]);
  });
});

describe('alerts and prompts', () => {
  test('alert(title, prompt, buttons) returns the scripted answer and records the dialog', () => {
    const { ui: u, recorder } = ui(['NO']);
    const answer = u.alert('ยืนยัน', 'สร้างบันทึกข้อความ?', u.ButtonSet.YES_NO);
    expect(answer).toBe(u.Button.NO);
    expect(recorder.dialogs).toEqual([
      { kind: 'alert', title: 'ยืนยัน', message: 'สร้างบันทึกข้อความ?', buttons: 'YES_NO', answer: 'NO' },
    ]);
  });

  test('alert(prompt) has an OK button and no title', () => {
    const { ui: u, recorder } = ui(['OK']);
    expect(String(u.alert('เสร็จแล้ว'))).toBe('OK');
    expect(recorder.dialogs[0]).toMatchObject({ title: '', buttons: 'OK' });
  });

  test('an answer the dialog does not offer is a test error', () => {
    const { ui: u } = ui(['YES']);
    expect(() => u.alert('x', u.ButtonSet.OK_CANCEL)).toThrow(
      'the dialog shows only OK, CANCEL, CLOSE',
    );
  });

  test('with no answer left the dialog fails loudly and is recorded as unanswered', () => {
    const { ui: u, recorder } = ui();
    expect(() => u.alert('ลบ?', u.ButtonSet.YES_NO)).toThrow(
      "answer queue is empty: pass answers (e.g. ['YES'])",
    );
    expect(recorder.unanswered).toEqual(['ui.alert("ลบ?")']);
  });

  test('with defaults on, the default button is pressed', () => {
    const { ui: u } = ui([], true);
    expect(String(u.alert('x', u.ButtonSet.YES_NO_CANCEL))).toBe('YES');
    const r = u.prompt('ชื่อ?');
    expect([String(r.getSelectedButton()), r.getResponseText()]).toEqual(['OK', '']);
  });

  test('prompt answers: plain text, BUTTON:text and a bare button', () => {
    const { ui: u, recorder } = ui(['นายสมชาย ใจดี', 'CANCEL:', 'NO:ไม่', 'CLOSE']);
    const a = u.prompt('ชื่อผู้เสนอ');
    const b = u.prompt('t', 'm', u.ButtonSet.OK_CANCEL);
    const c = u.prompt('t', u.ButtonSet.YES_NO);
    const d = u.prompt('t');
    expect([a, b, c, d].map((r) => [String(r.getSelectedButton()), r.getResponseText()])).toEqual([
      ['OK', 'นายสมชาย ใจดี'],
      ['CANCEL', ''],
      ['NO', 'ไม่'],
      ['CLOSE', ''],
    ]);
    expect(recorder.dialogs[0]).toMatchObject({ kind: 'prompt', responseText: 'นายสมชาย ใจดี' });
  });
});

describe('sidebars and dialogs with HtmlService', () => {
  const buildDir = writeBuild('', {
    'Sidebar.html': '<!doctype html><p>แถบข้าง</p>',
    'Tpl.html': '<p><?= name ?></p><?!= raw ?><? for (var i = 0; i < n; i++) { ?>*<? } ?>',
  });

  function html() {
    const calls = new CallLog();
    return {
      calls,
      service: new HtmlService({
        log: calls,
        realm: nodeRealm,
        buildDir,
      }) as unknown as GoogleAppsScript.HTML.HtmlService,
    };
  }

  test('createHtmlOutputFromFile reads the build folder; showSidebar records content and title', () => {
    const { service } = html();
    const { ui: u, recorder } = ui();
    const out = service.createHtmlOutputFromFile('Sidebar').setTitle('ITA Memo').setWidth(500);
    u.showSidebar(out);
    expect(recorder.sidebar).toEqual({
      kind: 'sidebar',
      title: 'ITA Memo',
      html: '<!doctype html><p>แถบข้าง</p>',
      width: 300,
      height: 0,
    });
    expect(() => service.createHtmlOutputFromFile('Missing')).toThrow(
      'No HTML file named Missing was found.',
    );
  });

  test('modal dialogs keep their size and title', () => {
    const { service } = html();
    const { ui: u, recorder } = ui();
    u.showModalDialog(
      service.createHtmlOutput('<b>x</b>').setWidth(400).setHeight(200),
      'ผลการตรวจ',
    );
    expect(recorder.html[0]).toEqual({
      kind: 'modal',
      title: 'ผลการตรวจ',
      html: '<b>x</b>',
      width: 400,
      height: 200,
    });
  });

  test('templates: <?= ?> escapes, <?!= ?> prints raw, <? ?> runs code', () => {
    const { service } = html();
    const t = service.createTemplateFromFile('Tpl');
    t.name = '<ผู้ใช้ & "แขก">';
    t.raw = '<i>ok</i>';
    t.n = 3;
    expect(t.evaluate().getContent()).toBe('<p>&lt;ผู้ใช้ &amp; &quot;แขก&quot;&gt;</p><i>ok</i>***');
  });

  test('appendUntrusted escapes; enums are exposed', () => {
    const { service } = html();
    const out = service.createHtmlOutput('<p>').appendUntrusted('<script>').append('</p>');
    expect(out.getContent()).toBe('<p>&lt;script&gt;</p>');
    expect(String(service.XFrameOptionsMode.ALLOWALL)).toBe('ALLOWALL');
    expect(String(service.SandboxMode.IFRAME)).toBe('IFRAME');
    out
      .setXFrameOptionsMode(service.XFrameOptionsMode.ALLOWALL)
      .setSandboxMode(service.SandboxMode.IFRAME);
  });

  test('calls are counted per class', () => {
    const { service, calls } = html();
    service.createHtmlOutput('x').setTitle('t').getContent();
    expect(calls.snapshot()).toEqual({
      'HtmlService HtmlOutput.getContent': 1,
      'HtmlService HtmlOutput.setTitle': 1,
      'HtmlService HtmlService.createHtmlOutput': 1,
    });
  });
});

describe('google.script.run: what a page and the server may pass each other', () => {
  // https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)
  test('the rule: primitives, null, plain objects and arrays of them; not Dates, functions, class instances or cycles', () => {
    expect(transferProblem({ a: [1, 'x', null, true, { b: undefined }] })).toBeNull();
    expect(transferProblem(new Date())).toBe('a Date at the value');
    expect(transferProblem({ last: { at: new Date() } })).toBe('a Date at the value.last.at');
    expect(transferProblem([1, () => 1])).toBe('a function at the value[1]');
    expect(transferProblem(new Map())).toBe('a Map at the value');
    class Links {}
    expect(transferProblem({ links: new Links() })).toBe('a Links at the value.links');
    const loop: Record<string, unknown> = {};
    loop.self = loop;
    expect(transferProblem(loop)).toBe('a circular reference at the value.self');
    // The same object twice is not a cycle.
    const shared = { x: 1 };
    expect(transferProblem([shared, shared])).toBeNull();
  });

  test('a page call with a Date argument fails as the page\u2019s would; a Date returned fails the call', async () => {
    const rt = await createRuntime({
      driveDir: tempDir('itamemo-drive-'),
      buildDir: writeBuild(
        [
          'function echo(x) { return { got: x, at: "2025-10-03" }; }',
          'function when() { return { last: { at: new Date() } }; }',
          'function helper_() { return 1; }',
        ].join('\n'),
      ),
    });
    expect(rt.fromPage('echo', { n: 1, list: [1, undefined] })).toEqual({
      got: { n: 1, list: [1, null] },
      at: '2025-10-03',
    });
    expect(() => rt.fromPage('echo', new Date())).toThrow(
      'Failed due to illegal value in property: 0 (a Date at the value)',
    );
    expect(() => rt.fromPage('when')).toThrow(
      'google.script.run: when() returned a Date at the value.last.at',
    );
    expect(() => rt.fromPage('helper_')).toThrow('private function');
    // Called from Node directly (rt.run), nothing is checked: that is not a page.
    const at = rt.run<{ last: { at: unknown } }>('when').last.at;
    expect(Object.prototype.toString.call(at)).toBe('[object Date]');
  });
});
