/**
 * Service calls of one generate, for scripts/bench-render.mjs. Each mode prints one JSON line.
 *
 *   calls <rows>           the corrected example with <rows> measures: calls per service and
 *                          member, and the modelled Apps Script time (src/local/services/costs.ts)
 *   steps                  the review loop on the corrected example with reviewers: per step,
 *                          calls per service and the modelled time
 *   workbook <rows> <path> writes that workbook (for timing the CLI on it)
 */
import { copyFileSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createRuntime } from '../src/local/runtime';
import { modelledCostMs } from '../src/local/services/costs';
import type { GenerateResult } from '../src/shared/sidebar-api';
import { repeatMeasures } from '../test/gas/harness';
import { reviewStepCalls, withReviewers } from '../test/gas/review-helpers';

async function runtimeWith(rows: number | null, dir: string, renderPdf?: () => Uint8Array) {
  const path = join(dir, 'workbook.xlsx');
  // The benchmark runs from the repository's root.
  copyFileSync(join(process.cwd(), 'examples', 'ita-2568-corrected.xlsx'), path);
  const rt = await createRuntime({
    workbook: path,
    driveDir: join(dir, 'drive'),
    now: () => new Date('2025-10-03T03:00:00Z'),
    renderPdf,
  });
  if (rows !== null) repeatMeasures(rt, rows);
  return { rt, path };
}

async function calls(rows: number) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-calls-'));
  try {
    // Calls are what is measured: the PDF is a stub, rendering is timed elsewhere.
    const { rt } = await runtimeWith(rows, dir, () => new TextEncoder().encode('%PDF-1.7 bench'));
    const batches = recordBatches(rt.globals);
    rt.calls.reset();
    const result = rt.run<GenerateResult>('sidebarGenerate', true);
    if (result.status !== 'done') throw new Error(`generate: ${JSON.stringify(result)}`);
    const members = rt.calls.snapshot();
    return { rows, ...summary(members), members, batches };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * Records the size of each Documents.batchUpdate the bundle sends (the template written, then the
 * fill): its number of requests and its JSON body in bytes, as it would go over the wire.
 */
function recordBatches(globals: Record<string, unknown>) {
  const documents = (globals.Docs as GoogleAppsScript.Docs).Documents;
  const batchUpdate = documents.batchUpdate.bind(documents);
  const batches: { requests: number; bytes: number }[] = [];
  documents.batchUpdate = (resource, documentId) => {
    batches.push({
      requests: resource.requests?.length ?? 0,
      bytes: Buffer.byteLength(JSON.stringify(resource)),
    });
    return batchUpdate(resource, documentId);
  };
  return batches;
}

/** Calls by "Service member" → calls per service and the modelled Apps Script time. */
function summary(members: Record<string, number>) {
  const services: Record<string, number> = {};
  let modelledMs = 0;
  for (const [key, n] of Object.entries(members)) {
    const [service, member] = key.split(' ');
    services[service] = (services[service] ?? 0) + n;
    modelledMs += n * modelledCostMs(service, member);
  }
  return { services, modelledMs };
}

/** The review steps after a generate, as test/gas/calls.test.ts runs them. */
async function steps() {
  const dir = mkdtempSync(join(tmpdir(), 'bench-steps-'));
  try {
    const { rt } = await runtimeWith(null, dir, () => new TextEncoder().encode('%PDF-1.7 bench'));
    const calls = reviewStepCalls(withReviewers(rt));
    return Object.fromEntries(Object.entries(calls).map(([label, m]) => [label, summary(m)]));
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function workbook(rows: number, path: string) {
  const dir = mkdtempSync(join(tmpdir(), 'bench-book-'));
  try {
    const { rt } = await runtimeWith(rows, dir);
    await rt.saveWorkbook(path);
    return { rows, path };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function main() {
  const [mode, a, b] = process.argv.slice(2);
  let result: unknown;
  if (mode === 'calls') result = await calls(Number(a) || 10);
  else if (mode === 'steps') result = await steps();
  else if (mode === 'workbook') result = await workbook(Number(a) || 1000, b);
  else throw new Error(`unknown mode ${mode}`);
  console.log(JSON.stringify(result));
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
