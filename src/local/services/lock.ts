import {
  closeSync,
  mkdirSync,
  openSync,
  readFileSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import { tracked, type CallLog } from './calls';
import { realmError, type Realm } from '../load-bundle';
import type { Faults } from './faults';

/**
 * LockService over exclusive lock files (open with O_EXCL) in the runtime's state dir, so the
 * document lock really serialises two CLI processes working on one workbook, as
 * LockService.getDocumentLock() serialises concurrent executions on one spreadsheet.
 *
 * One runtime is one "execution": its locks are re-entrant (a helper that takes the lock its
 * caller already holds does not deadlock) and Runtime.run releases them when the call ends, as
 * Apps Script does when an execution finishes. Timeouts are real milliseconds (other processes
 * live in real time), not the runtime clock.
 */

/** Apps Script ends an execution after 6 minutes; a lock file older than that is abandoned. */
const STALE_AFTER_MS = 6 * 60_000 + 30_000;
const POLL_MS = 20;
const MAX_TIMEOUT_MS = 300_000;
export const LOCK_TIMEOUT_MESSAGE =
  'Lock timeout: another process was holding the lock for too long.';

interface LockRecord {
  pid: number;
  owner: string;
  since: number;
}

/** Lock files this process holds, removed if the process exits without releasing them. */
const heldByProcess = new Set<string>();
let exitHookInstalled = false;

function installExitHook(): void {
  if (exitHookInstalled) return;
  exitHookInstalled = true;
  process.on('exit', () => {
    for (const path of heldByProcess) {
      try {
        unlinkSync(path);
      } catch {
        // already gone
      }
    }
  });
}

function sleepSync(ms: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, ms);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

function readRecord(path: string): LockRecord | null {
  try {
    return JSON.parse(readFileSync(path, 'utf8')) as LockRecord;
  } catch {
    return null;
  }
}

function isStale(path: string): boolean {
  const rec = readRecord(path);
  if (!rec) {
    // Being written right now, or garbage: garbage once it is a few seconds old.
    try {
      return Date.now() - statSync(path).mtimeMs > 5_000;
    } catch {
      return false;
    }
  }
  if (rec.pid !== process.pid && !isAlive(rec.pid)) return true;
  return Date.now() - rec.since > STALE_AFTER_MS;
}

/** The holder of locks: one per runtime. Counts re-entrant acquisitions per lock file. */
export class LockOwner {
  readonly id = randomUUID();
  private readonly counts = new Map<string, number>();

  constructor(readonly dir: string) {}

  tryAcquire(path: string): boolean {
    const n = this.counts.get(path);
    if (n !== undefined) {
      this.counts.set(path, n + 1);
      return true;
    }
    for (let attempt = 0; attempt < 2; attempt++) {
      try {
        mkdirSync(this.dir, { recursive: true });
        const fd = openSync(path, 'wx');
        const rec: LockRecord = { pid: process.pid, owner: this.id, since: Date.now() };
        writeSync(fd, JSON.stringify(rec));
        closeSync(fd);
        installExitHook();
        heldByProcess.add(path);
        this.counts.set(path, 1);
        return true;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
        if (!isStale(path)) return false;
        try {
          unlinkSync(path);
        } catch {
          // another process removed it first; try again
        }
      }
    }
    return false;
  }

  release(path: string): void {
    const n = this.counts.get(path);
    if (n === undefined) return;
    if (n > 1) {
      this.counts.set(path, n - 1);
      return;
    }
    this.counts.delete(path);
    heldByProcess.delete(path);
    if (readRecord(path)?.owner === this.id) unlinkSync(path);
  }

  /** Ends the execution: drops every lock however often it was taken. */
  releaseAll(): void {
    for (const path of [...this.counts.keys()]) {
      this.counts.set(path, 1);
      this.release(path);
    }
  }

  holds(path: string): boolean {
    return this.counts.has(path);
  }
}

export class Lock implements Pick<
  GoogleAppsScript.Lock.Lock,
  'tryLock' | 'waitLock' | 'releaseLock' | 'hasLock'
> {
  private held = false;

  constructor(
    private readonly log: CallLog,
    private readonly owner: LockOwner,
    private readonly path: string,
    private readonly realm: Realm,
    /** 'document', 'script' or 'user', for faults a test asks for. */
    private readonly kind = 'document',
    private readonly faults?: Faults,
  ) {
    return tracked(this, log, 'LockService', 'Lock');
  }

  /** Waiting counts in the execution's time (the runtime charges it to the budget). */
  tryLock(timeoutInMillis: number): boolean {
    if (this.hasLock()) return true;
    const timeout = Math.min(Math.max(0, Number(timeoutInMillis) || 0), MAX_TIMEOUT_MS);
    if (this.faults?.lockBusy(this.kind)) {
      // Another execution holds it for longer than this one waits.
      this.log.spend(timeout);
      return false;
    }
    const start = Date.now();
    const deadline = start + timeout;
    for (;;) {
      if (this.owner.tryAcquire(this.path)) {
        this.held = true;
        this.log.spend(Date.now() - start);
        return true;
      }
      const left = deadline - Date.now();
      if (left <= 0) {
        this.log.spend(Date.now() - start);
        return false;
      }
      sleepSync(Math.min(POLL_MS, left));
    }
  }

  waitLock(timeoutInMillis: number): void {
    if (!this.tryLock(timeoutInMillis)) throw realmError(this.realm, LOCK_TIMEOUT_MESSAGE);
  }

  releaseLock(): void {
    if (!this.held) return;
    this.log.lockReleased();
    this.held = false;
    this.owner.release(this.path);
  }

  /** False again once the execution ended (Runtime.run released everything). */
  hasLock(): boolean {
    return this.held && this.owner.holds(this.path);
  }
}

export interface LockNames {
  /** Identifies the spreadsheet (its ID) for the document lock. */
  readonly document: string;
  /** The user of the current execution, for the user lock. */
  readonly user: string;
}

export class LockService implements Pick<
  GoogleAppsScript.Lock.LockService,
  'getDocumentLock' | 'getScriptLock' | 'getUserLock'
> {
  constructor(
    private readonly log: CallLog,
    private readonly owner: LockOwner,
    private readonly names: LockNames,
    private readonly realm: Realm,
    private readonly faults?: Faults,
  ) {
    return tracked(this, log, 'LockService', 'LockService');
  }

  getDocumentLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`document-${safe(this.names.document)}.lock`, 'document');
  }

  getScriptLock(): GoogleAppsScript.Lock.Lock {
    return this._lock('script.lock', 'script');
  }

  getUserLock(): GoogleAppsScript.Lock.Lock {
    return this._lock(`user-${safe(this.names.user)}.lock`, 'user');
  }

  _lock(file: string, kind: string): GoogleAppsScript.Lock.Lock {
    const path = join(this.owner.dir, file);
    return new Lock(this.log, this.owner, path, this.realm, kind, this.faults) as never;
  }
}

function safe(name: string): string {
  return name.replace(/[^A-Za-z0-9_.@-]/g, '_');
}
