// Writes examples/ita-2568-published.xlsx and examples/ita-2568-corrected.xlsx: the seed memo's
// data as staff would keep it (test/fixtures/seed-workbook.ts), laid out by the add-on's own
// sheet set-up; and examples/ita-2568-with-history.xlsx: the corrected one with ผลย้อนหลัง for
// 2566 and 2567, whose figures are illustrative (test/fixtures/history.ts), not the office's.
// Run with: node scripts/run-ts.mjs scripts/make-examples.ts [name …] (default: all three)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../src/local/runtime';
import type { TabValues } from '../src/core/workbook/cells';
import { seedWithHistory } from '../test/fixtures/history';
import { seedTabs } from '../test/fixtures/seed-workbook';

const EXAMPLES: Record<string, () => TabValues> = {
  'ita-2568-published': () => seedTabs('published'),
  'ita-2568-corrected': () => seedTabs('corrected'),
  'ita-2568-with-history': () => seedWithHistory(),
};

async function make(name: string): Promise<string> {
  const drive = mkdtempSync(join(tmpdir(), 'itamemo-examples-'));
  try {
    const rt = await createRuntime({ driveDir: drive, defaultAnswers: true });
    for (const [tab, values] of Object.entries(EXAMPLES[name]())) {
      const sheet = rt.spreadsheet.insertSheet(tab);
      const width = Math.max(...values.map((r) => r.length));
      const grid = values.map((r) => [...r, ...new Array(width - r.length).fill('')]);
      sheet.getRange(1, 1, grid.length, width).setValues(grid);
    }
    rt.run('setupSheets');
    const path = join(__dirname, '..', 'examples', `${name}.xlsx`);
    await rt.saveWorkbook(path);
    return path;
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
}

(async () => {
  const names = process.argv.slice(2);
  for (const name of names.length ? names : Object.keys(EXAMPLES)) {
    if (!EXAMPLES[name]) throw new Error(`no example ${name}: ${Object.keys(EXAMPLES).join(', ')}`);
    console.log(await make(name));
  }
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
