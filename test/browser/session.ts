// One headless Chromium per test file, and a page per test whose script errors fail the test.
import type { Browser, Page } from 'playwright-core';
import { launchChromium } from '../../scripts/chromium';
import { cleanupTempDirs } from '../local/helpers';

/** Registers the file's hooks; `newPage` opens a page whose uncaught script errors fail the test. */
export function browserSession(): {
  newPage(viewport: { width: number; height: number }): Promise<Page>;
} {
  let browser: Browser;
  let pageErrors: string[] = [];
  beforeAll(async () => {
    browser = await launchChromium();
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    cleanupTempDirs();
  });
  afterEach(() => {
    expect(pageErrors).toEqual([]);
    pageErrors = [];
  });
  return {
    async newPage(viewport) {
      const page = await browser.newPage({ viewport });
      page.on('pageerror', (e) => pageErrors.push(e.message));
      return page;
    },
  };
}
