// Loads the freshly built build/Code.js into the local runtime on a copy of an example workbook.
import { copyFileSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { DocModel } from '../../src/local/docmodel';
import { createRuntime, type Runtime, type RuntimeOptions } from '../../src/local/runtime';
import type { GenerateResult } from '../../src/shared/sidebar-api';
import { tempDir } from '../local/helpers';

export const EXAMPLES = join(__dirname, '..', '..', 'examples');

export async function runtimeOn(
  example: 'ita-2568-published' | 'ita-2568-corrected' | 'ita-2568-with-history' | null,
  options: RuntimeOptions = {},
): Promise<Runtime & { dir: string; workbookPath: string }> {
  const dir = tempDir('itamemo-gas-');
  const workbookPath = join(dir, 'workbook.xlsx');
  if (example) copyFileSync(join(EXAMPLES, `${example}.xlsx`), workbookPath);
  const rt = await createRuntime({
    workbook: example ? workbookPath : undefined,
    driveDir: join(dir, 'drive'),
    now: () => new Date('2025-10-03T03:00:00Z'),
    ...options,
  });
  return Object.assign(rt, { dir, workbookPath });
}

/** A tab's values as the Node side sees them. */
export function values(rt: Runtime, sheet: string): unknown[][] {
  const s = rt.spreadsheet.getSheetByName(sheet);
  if (!s) throw new Error(`no sheet ${sheet}`);
  return s.getDataRange().getValues();
}

/**
 * The measures tab filled to `rows` rows by repeating the example's measures (for call counts
 * and the benchmark); returns how many measures the tab had before.
 */
export function repeatMeasures(rt: Runtime, rows: number): number {
  const sheet = rt.spreadsheet.getSheetByName('มาตรการ');
  if (!sheet) throw new Error('no มาตรการ tab');
  const measures = sheet
    .getDataRange()
    .getValues()
    .slice(1)
    .filter((r) => r.some((c) => c !== ''));
  if (sheet.getMaxRows() < rows + 1)
    sheet.insertRowsAfter(sheet.getMaxRows(), rows + 1 - sheet.getMaxRows());
  const grid = Array.from({ length: rows }, (_, i) => measures[i % measures.length]);
  sheet.getRange(2, 1, rows, grid[0].length).setValues(grid);
  return measures.length;
}

/** The Drive id at the end of a Google-shaped link. */
export const idOf = (url: string) => (/\/d\/([^/?]+)/.exec(url) as RegExpExecArray)[1];

/** Uploads the stand-in Garuda as the sidebar does, generates, and returns the memo's Doc. */
export function generateWithGaruda(rt: Runtime): { model: DocModel; pdfId: string } {
  const garuda = readFileSync(join(EXAMPLES, 'garuda-sample.png')).toString('base64');
  rt.run('sidebarSaveGaruda', garuda, 'garuda-sample.png');
  const result = rt.run<GenerateResult>('sidebarGenerate', true);
  if (result.status !== 'done') throw new Error(`generate: ${result.status}`);
  return { model: rt.drive.readModel(idOf(result.links.docUrl)), pdfId: idOf(result.links.pdfUrl) };
}
