// Service calls of "สร้างบันทึกข้อความ" on the built bundle, per service: in Apps Script a run's time
// is its service calls, so they must not grow with the measures table. Targets: at most 1,000
// calls for a normal memo, at most 2 more per extra measures row.
import type { GenerateResult } from '../../src/shared/sidebar-api';
import type { Runtime } from '../../src/local/runtime';
import { cleanupTempDirs } from '../local/helpers';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { EXAMPLES, repeatMeasures, runtimeOn, values } from './harness';
import { office, reviewStepCalls } from './review-helpers';

/** DocumentApp calls that place the Garuda (issue 9). */
const GARUDA_CALLS = 10;

afterAll(cleanupTempDirs);

function perService(rt: Runtime): Record<string, number> {
  return byService(rt.calls.snapshot());
}

function byService(members: Record<string, number>): Record<string, number> {
  const out: Record<string, number> = {};
  for (const [key, n] of Object.entries(members)) {
    const service = key.split(' ')[0];
    out[service] = (out[service] ?? 0) + n;
  }
  return out;
}

const total = (counts: Record<string, number>) => Object.values(counts).reduce((a, b) => a + b, 0);

/** The corrected example, its measures repeated to `rows` rows (null: as it is). */
async function generate(rows: number | null) {
  const rt = await runtimeOn('ita-2568-corrected');
  const before = values(rt, 'มาตรการ')
    .slice(1)
    .filter((r) => r.some((c) => c !== '')).length;
  if (rows !== null) repeatMeasures(rt, rows);
  rt.calls.reset();
  const result = rt.fromPage<GenerateResult>('sidebarGenerate', true);
  expect(result.status).toBe('done');
  return { rt, rows: rows ?? before, counts: perService(rt) };
}

describe('service calls of one generate', () => {
  let example: Awaited<ReturnType<typeof generate>>;
  let large: Awaited<ReturnType<typeof generate>>;

  beforeAll(async () => {
    example = await generate(null);
    large = await generate(200);
  });

  it('for the example memo, per service', () => {
    expect(example.counts).toEqual({
      Blob: 1,
      // +1: the filled Doc read back, to record what it says (a refill then asks before writing
      // over paragraphs edited by hand in Google Docs).
      Docs: 4,
      DocumentApp: 11,
      Drive: 3,
      LockService: 3,
      // Issue 9: +2 for whether the Garuda was uploaded (the check's warning), +2 to read it
      // (one getProperties, however many pieces it is kept in).
      PropertiesService: 16,
      Session: 3,
      // +1: SpreadsheetApp.flush() before the document lock is released (Lock reference).
      SpreadsheetApp: 58,
      // Issue 9: +1, the Word file Drive imports as the new Doc (the page frame).
      Utilities: 4,
    });
    expect(total(example.counts)).toBeLessThanOrEqual(1000);
  });

  it('reads the template once, writes the whole fill in one batchUpdate, reads the result once', () => {
    const docs = example.rt.calls.snapshot();
    expect(docs['Docs Documents.get']).toBe(2);
    // The built-in template, then the fill.
    expect(docs['Docs Documents.batchUpdate']).toBe(2);
  });

  it('for a 200-row measures table: the same calls, within 2 per extra row', () => {
    expect(large.rows).toBe(200);
    expect(large.counts).toEqual(example.counts);
    expect(total(large.counts) - total(example.counts)).toBeLessThanOrEqual(
      2 * (large.rows - example.rows),
    );
    const table = large.rt.drive
      .listAll()
      .filter((f) => f.mimeType === 'application/vnd.google-apps.document')
      .map((f) =>
        large.rt.drive.readModel(f.id).body.find((b) => b.type === 'table' && b.headerRows),
      )[0];
    expect(table && table.type === 'table' && table.rows.length).toBe(201);
  });
});

describe('service calls with the office’s Garuda', () => {
  it('add only the positioned image’s own DocumentApp calls', async () => {
    const rt = await runtimeOn('ita-2568-corrected');
    const garuda = readFileSync(join(EXAMPLES, 'garuda-sample.png')).toString('base64');
    rt.run('sidebarSaveGaruda', garuda, 'garuda-sample.png');
    rt.calls.reset();
    expect(rt.run<GenerateResult>('sidebarGenerate', true).status).toBe('done');
    const counts = perService(rt);
    // getBody, getChild, getType, asParagraph, addPositionedImage and its five setters.
    expect(counts.DocumentApp).toBe(11 + GARUDA_CALLS);
    expect(counts.PropertiesService).toBe(16);
  });
});

describe('service calls of สร้างแม่แบบมาตรฐาน', () => {
  it('write the template with one Docs call and no DocumentApp', async () => {
    const rt = await runtimeOn('ita-2568-corrected', { answers: ['OK'] });
    rt.calls.reset();
    rt.run('createTemplate');
    const counts = perService(rt);
    expect(counts.Docs).toBe(1);
    expect(counts.DocumentApp ?? 0).toBe(0);
  });
});

describe('service calls of the review steps', () => {
  /** Each step's calls per service, on the example or with its measures repeated to `rows`. */
  async function steps(rows: number | null) {
    const rt = await office();
    if (rows !== null) repeatMeasures(rt, rows);
    const calls = reviewStepCalls(rt);
    return Object.fromEntries(
      Object.entries(calls).map(([label, members]) => [label, byService(members)]),
    );
  }

  let example: Record<string, Record<string, number>>;
  let large: Record<string, Record<string, number>>;

  beforeAll(async () => {
    example = await steps(null);
    large = await steps(200);
  });

  it('are a handful per step, the comments one Drive call; the Docs API does the refill and the cut', () => {
    const drive = (label: string) => example[label].Drive ?? 0;
    const docs = (label: string) => example[label].Docs ?? 0;
    expect(Object.fromEntries(Object.keys(example).map((k) => [k, [drive(k), docs(k)]]))).toEqual({
      generate: [3, 4],
      // Files.get, three shares.
      send: [4, 0],
      // Comments.list; the memo read once to count pending suggestions (one call, whatever their
      // number: the sidebar says they must be settled before approval).
      sidebar: [1, 1],
      // Files.get, Comments.list, the scratch Doc made and trashed, the draft PDF; the scratch
      // written and filled, read; the memo read and changed in one batchUpdate.
      refill: [5, 6],
      // Comments.list (the approver's add-on cannot: 404), then Documents.get to see it may read.
      approve: [1, 1],
      // Files.get, Comments.list, Files.list (this year's PDF, as ลิงก์เผยแพร่ is blank),
      // Files.create, Permissions.list, Revisions.list; the memo read (to compare with what was
      // approved, and for pending suggestions), the date in.
      publish: [6, 2],
      // Files.get of the published file instead of Files.list, Files.copy, the copy trashed; the
      // copy read and cut.
      'publish the report': [8, 4],
    });
    // generate has its own exact counts above; each review step stays within 100 calls.
    for (const [label, counts] of Object.entries(example)) {
      if (label !== 'generate') expect(total(counts)).toBeLessThanOrEqual(100);
    }
  });

  it('do not grow with the measures table', () => {
    expect(large).toEqual(example);
  });
});
