import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DocModel } from '../../docmodel';
import { DriveStore } from './store';

/**
 * Fixtures for tests of the local Drive and DocumentApp: a store in a fresh temporary folder with
 * a controllable clock, and a fake PDF renderer that records what it was asked to render.
 */
const created: string[] = [];

/** Deletes the folders tempStore() made (call from afterAll). */
export function removeTempStores(): void {
  for (const dir of created.splice(0)) rmSync(dir, { recursive: true, force: true });
}

export function tempStore(user = 'staff@example.go.th'): {
  store: DriveStore;
  dir: string;
  clock: { now: Date };
} {
  const dir = mkdtempSync(join(tmpdir(), 'ita-memo-drive-'));
  created.push(dir);
  const clock = { now: new Date('2025-10-03T02:00:00.000Z') };
  const store = new DriveStore(dir, {
    user,
    now: () => {
      // Each call advances a second so modifiedTime orders are deterministic.
      clock.now = new Date(clock.now.getTime() + 1000);
      return clock.now;
    },
  });
  return { store, dir, clock };
}

export function fakePdfRenderer(): { pdf: (model: DocModel) => Uint8Array; rendered: DocModel[] } {
  const rendered: DocModel[] = [];
  return {
    rendered,
    pdf(model) {
      rendered.push(structuredClone(model));
      return new TextEncoder().encode(`%PDF-1.4 fake ${model.title}`);
    },
  };
}
