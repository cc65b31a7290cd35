/**
 * One writer per workbook file across processes. A command that writes a workbook back holds
 * its lock from reading it to writing it, so two `generate --in-place` at once run one after
 * the other and each adds its ประวัติ row to what the other wrote (read–modify–write), instead
 * of both saving the workbook as it was when they started.
 *
 * The lock is a file beside the workbook (`.<name>.itamemo-lock`), whatever folder the run
 * writes its memo to, made with O_EXCL by the runtime's LockOwner: a lock left by a process that
 * died is taken over. Readers need no lock: a workbook is saved by renaming a finished file over
 * it (see saveWorkbook), so a reader sees the old file or the new one, never half of one.
 */
import { basename, dirname, join, resolve } from 'node:path';
import { realpathSync } from 'node:fs';
import { LockOwner } from './services/lock';

const POLL_MS = 50;

/** The lock file of a workbook (of the real file, so two paths to one workbook share it). */
export function lockPathOf(workbook: string): string {
  let real = resolve(workbook);
  try {
    real = realpathSync(real);
  } catch {
    // Not there yet (a copy about to be written): its own path.
  }
  return join(dirname(real), `.${basename(real)}.itamemo-lock`);
}

/** The lock was not free in time: another process has been writing this workbook for long. */
export class WorkbookLockTimeout extends Error {}

/** A file system that refuses the lock file refuses the workbook too: nobody can write it here. */
function unwritable(err: unknown): boolean {
  const code = (err as NodeJS.ErrnoException).code;
  return code === 'EACCES' || code === 'EPERM' || code === 'EROFS';
}

/**
 * Runs `work` holding the workbook's lock; waits up to `timeoutMs` for it. (A copy written
 * elsewhere from this workbook is written under the same lock.)
 */
export async function withWorkbookLock<T>(
  workbook: string,
  work: () => Promise<T>,
  timeoutMs = 300_000,
): Promise<T> {
  const lock = lockPathOf(workbook);
  const owner = new LockOwner(dirname(lock));
  const deadline = Date.now() + timeoutMs;
  let held = false;
  for (;;) {
    try {
      held = owner.tryAcquire(lock);
    } catch (err) {
      if (!unwritable(err)) throw err;
      break;
    }
    if (held) break;
    if (Date.now() > deadline) throw new WorkbookLockTimeout(lock);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
  try {
    return await work();
  } finally {
    if (held) owner.release(lock);
  }
}
