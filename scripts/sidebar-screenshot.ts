// Writes docs/sidebar.png: the built sidebar in headless Chromium over the published example,
// its google.script.run wired to the add-on's entry points in the local runtime.
// Run with: node scripts/run-ts.mjs scripts/sidebar-screenshot.ts
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../src/local/runtime';
import { googleScriptRunStub, serverBridge, SIDEBAR_SERVER } from '../test/browser/stub';
import { launchChromium } from './chromium';

(async () => {
  const root = join(__dirname, '..');
  const rt = await createRuntime({
    workbook: join(root, 'examples', 'ita-2568-published.xlsx'),
    driveDir: mkdtempSync(join(tmpdir(), 'itamemo-shot-')),
  });
  const browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 300, height: 760 } });
  await page.exposeFunction('__callServer', serverBridge(rt));
  const html = readFileSync(join(root, 'build', 'Sidebar.html'), 'utf8');
  await page.setContent(html.replace('<head>', `<head>${googleScriptRunStub(SIDEBAR_SERVER)}`));
  await page.waitForSelector('.group');
  await page.screenshot({ path: join(root, 'docs', 'sidebar.png') });
  await browser.close();
})();
