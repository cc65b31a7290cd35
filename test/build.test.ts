// What clasp pushes: four files, one plain script that Apps Script can parse and that defines
// every entry point as a top-level function.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import vm from 'node:vm';

const build = join(__dirname, '..', 'build');
const code = readFileSync(join(build, 'Code.js'), 'utf8');
const ENTRY = [
  'onOpen',
  'onInstall',
  'onEdit',
  'showSidebar',
  'setupSheets',
  'checkData',
  'generate',
  'createTemplate',
  'refreshComments',
  'sidebarState',
  'sidebarCheck',
  'sidebarSelect',
  'sidebarGenerate',
  'chooseFolder',
  'chooseTemplate',
  'pickerConfig',
  'pickerChosen',
];

describe('build/', () => {
  it('parses as a script', () => {
    expect(() => execFileSync(process.execPath, ['--check', join(build, 'Code.js')])).not.toThrow();
  });

  it('declares every entry point as a top-level function', () => {
    for (const name of ENTRY) expect(code).toMatch(new RegExp(`^function ${name}\\(\\) \\{$`, 'm'));
  });

  it('loads in an empty context without touching any Apps Script service', () => {
    const ctx = vm.createContext({});
    vm.runInContext(code, ctx);
    for (const name of ENTRY) expect(typeof ctx[name]).toBe('function');
  });

  it('carries no Node-only code and keeps Thai text readable', () => {
    expect(code).not.toMatch(/require\(["'](fs|path|os|child_process|node:)/);
    expect(code).toContain('สร้างบันทึกข้อความ');
    // Apps Script parses the whole file on every call; the build keeps packages and the local
    // runtime out and strips whitespace (names stay for stack traces): ~328k characters now.
    expect(code.length).toBeLessThan(400_000);
  });

  it('ships the manifest with the least scopes, and the sidebar and the Picker dialog as one file each', () => {
    const manifest = JSON.parse(readFileSync(join(build, 'appsscript.json'), 'utf8'));
    expect(manifest.timeZone).toBe('Asia/Bangkok');
    expect(manifest.runtimeVersion).toBe('V8');
    expect(manifest.oauthScopes.sort()).toEqual([
      'https://www.googleapis.com/auth/documents',
      'https://www.googleapis.com/auth/drive.file',
      'https://www.googleapis.com/auth/script.container.ui',
      'https://www.googleapis.com/auth/spreadsheets.currentonly',
      // Session.getActiveUser needs it; without it generate fails in Google (issue 8).
      'https://www.googleapis.com/auth/userinfo.email',
    ]);
    for (const file of ['Sidebar.html', 'Picker.html']) {
      const html = readFileSync(join(build, file), 'utf8');
      expect(html).toMatch(/<style>[\s\S]+<\/style>/);
      expect(html).toMatch(/<script>[\s\S]+<\/script>/);
      expect(html).not.toMatch(/<script[^>]+src=|<link[^>]+stylesheet/);
    }
    // The Picker dialog is an HtmlService template: showPicker fills in its kind.
    expect(readFileSync(join(build, 'Picker.html'), 'utf8')).toContain(
      'data-picker-kind="<?= kind ?>"',
    );
  });
});

describe('a page with its script and style inlined (scripts/html-page.cjs)', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { assemblePage } = require('../scripts/html-page.cjs') as {
    assemblePage(p: { name: string; html: string; js: string; style: string }): string;
  };
  const html = '<head><!-- HEAD --></head><body data-x="<?= kind ?>"><!-- SCRIPT --></body>';

  it('refuses an inlined script or style that would open an HtmlService scriptlet', () => {
    expect(() => assemblePage({ name: 'P', html, js: 'a<?b', style: '' })).toThrow(
      /inlined script contains "<\?"/,
    );
    expect(() =>
      assemblePage({ name: 'P', html, js: '', style: 'x::after{content:"<?"}' }),
    ).toThrow(/inlined style contains "<\?"/);
  });

  it('keeps the page’s own scriptlets, and "?>" or "</script" in the script, harmlessly', () => {
    const out = assemblePage({ name: 'P', html, js: 'x=a?>1:0;y="</script>"', style: 'b{}' });
    expect(out.match(/<\?/g)).toHaveLength(1);
    expect(out).toContain('x=a?>1:0;y="<\\/script>"');
  });

  it('holds for every page built: no scriptlet but those of its source HTML', () => {
    for (const [file, source] of [
      ['Sidebar.html', 'src/sidebar/sidebar.html'],
      ['Picker.html', 'src/picker/picker.html'],
    ]) {
      const built = readFileSync(join(build, file), 'utf8');
      const own = readFileSync(join(__dirname, '..', source), 'utf8');
      expect(built.split('<?').length).toBe(own.split('<?').length);
    }
  });
});

describe('clasp', () => {
  it('would push exactly the four built files (clasp status works offline)', () => {
    const clasp = join(__dirname, '..', 'node_modules', '.bin', 'clasp');
    const out = execFileSync(clasp, ['status', '--json'], {
      cwd: join(__dirname, '..'),
      encoding: 'utf8',
    });
    const status = JSON.parse(out) as { filesToPush: string[] };
    expect(status.filesToPush.sort()).toEqual([
      'build/Code.js',
      'build/Picker.html',
      'build/Sidebar.html',
      'build/appsscript.json',
    ]);
  });
});
