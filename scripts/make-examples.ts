// Writes examples/ita-2568-published.xlsx and examples/ita-2568-corrected.xlsx: the seed memo's
// data as staff would keep it (test/fixtures/seed-workbook.ts), laid out by the add-on's own
// sheet set-up. Run with: node scripts/run-ts.mjs scripts/make-examples.ts
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../src/local/runtime';
import { seedTabs, type SeedVariant } from '../test/fixtures/seed-workbook';

async function make(variant: SeedVariant): Promise<string> {
  const drive = mkdtempSync(join(tmpdir(), 'itamemo-examples-'));
  try {
    const rt = await createRuntime({ driveDir: drive, defaultAnswers: true });
    for (const [name, values] of Object.entries(seedTabs(variant))) {
      const sheet = rt.spreadsheet.insertSheet(name);
      const width = Math.max(...values.map((r) => r.length));
      const grid = values.map((r) => [...r, ...new Array(width - r.length).fill('')]);
      sheet.getRange(1, 1, grid.length, width).setValues(grid);
    }
    rt.run('setupSheets');
    const path = join(__dirname, '..', 'examples', `ita-2568-${variant}.xlsx`);
    await rt.saveWorkbook(path);
    return path;
  } finally {
    rmSync(drive, { recursive: true, force: true });
  }
}

(async () => {
  for (const variant of ['published', 'corrected'] as const) console.log(await make(variant));
})().catch((err) => {
  console.error(err);
  process.exit(1);
});
