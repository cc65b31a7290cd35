import { buildSync } from 'esbuild';
import { join } from 'node:path';
import vm from 'node:vm';
import { validateWorkbook } from '../../../src/core/validation';
import { seedTabs } from '../../fixtures/seed-workbook';

// The core as Apps Script runs it: bundled for es2019, evaluated where only ECMAScript globals
// exist, handed cell values (Dates included) made in another realm.
describe('the core in another realm', () => {
  const bundle = buildSync({
    entryPoints: [join(__dirname, '../../../src/core/validation/index.ts')],
    bundle: true,
    format: 'iife',
    globalName: 'CORE',
    target: 'es2019',
    platform: 'neutral',
    write: false,
    logLevel: 'silent',
  }).outputFiles[0].text;
  const context = vm.createContext({});
  vm.runInContext(`${bundle};this.CORE = CORE;`, context);
  const core = context.CORE as { validateWorkbook: typeof validateWorkbook };

  test('gives the same findings as in Node', () => {
    for (const variant of ['published', 'corrected'] as const) {
      const tabs = seedTabs(variant);
      const there = JSON.parse(JSON.stringify(core.validateWorkbook(tabs)));
      expect(there).toEqual(validateWorkbook(tabs));
    }
  });

  test('reads a date cell from another realm', () => {
    const tabs = seedTabs('corrected');
    tabs['ข้อมูลทั่วไป'][8][1] = new Date(Date.UTC(2024, 8, 1)); // before FY 2568
    const rules = core.validateWorkbook(tabs).map((f) => f.rule);
    expect(rules).toEqual(['memo-date-before-fiscal-year', 'signatory-signs-twice']);
  });
});
