/**
 * What every call passes before it runs: the runtime's execution checks it against the scope
 * table, the manifest, the authorisation mode and the user, and charges its time (execution.ts).
 */
export interface CallGate {
  /** Throws as Google would refuse the call; otherwise charges its modelled time. */
  enter(service: string, member: string): void;
  /** Time a call spent waiting (Utilities.sleep, a lock), charged to the execution. */
  spend(ms: number): void;
}

/**
 * Counts every call into the emulated Apps Script services, per service and member
 * (`SpreadsheetApp` / `Range.getValues`), so tests and benchmarks can check batching. With a
 * gate (the runtime sets one) every call is first checked and charged there: the one place where
 * the emulation is as strict as Google.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();
  /** Calls the gate refused (not counted above): a member without a scope entry shows up here. */
  private readonly refusedCounts = new Map<string, number>();
  gate?: CallGate;
  /**
   * Spreadsheet writes not yet flushed: Apps Script batches them, and the Lock reference asks to
   * "call SpreadsheetApp.flush() to commit all pending changes to the spreadsheet" before
   * releasing a lock, or another execution may read the sheet without them
   * (https://developers.google.com/apps-script/reference/lock/lock#releaseLock()).
   */
  private pendingSheetWrites = false;
  /** Locks released while spreadsheet writes were pending (the emulated Lock reports them here). */
  unflushedReleases = 0;

  record(service: string, member: string): void {
    const key = `${service} ${member}`;
    try {
      this.gate?.enter(service, member);
    } catch (err) {
      this.refusedCounts.set(key, (this.refusedCounts.get(key) ?? 0) + 1);
      throw err;
    }
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
    if (service === 'SpreadsheetApp') {
      if (member === 'SpreadsheetApp.flush') this.pendingSheetWrites = false;
      else if (SHEET_WRITE.test(member)) this.pendingSheetWrites = true;
    }
  }

  /** A lock is being released: counted when spreadsheet writes are still pending. */
  lockReleased(): void {
    if (this.pendingSheetWrites) this.unflushedReleases++;
  }

  /** The calls the gate refused, as `snapshot()` lists the ones it let through. */
  refused(): Record<string, number> {
    return sorted(this.refusedCounts);
  }

  /** Charges time a call spent waiting to the current execution (no-op without a gate). */
  spend(ms: number): void {
    this.gate?.spend(ms);
  }

  /** Calls of one member (`count('SpreadsheetApp', 'Range.getValues')`) or of a whole service. */
  count(service: string, member?: string): number {
    if (member !== undefined) return this.counts.get(`${service} ${member}`) ?? 0;
    let n = 0;
    for (const [key, v] of this.counts) if (key.startsWith(`${service} `)) n += v;
    return n;
  }

  /** `{ 'SpreadsheetApp Range.getValues': 3, ... }`, sorted by key. */
  snapshot(): Record<string, number> {
    return sorted(this.counts);
  }

  reset(): void {
    this.counts.clear();
    this.refusedCounts.clear();
  }
}

/** Spreadsheet members that change the spreadsheet (and so leave writes pending until a flush). */
const SHEET_WRITE =
  /\.(set|clear|insert|delete|append|merge|breakApart|sort|copyTo|moveTo|remove|add|hide|show|rename|protect|trim|autoResize|auto)/;

function sorted(counts: Map<string, number>): Record<string, number> {
  return Object.fromEntries([...counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/**
 * Wraps an emulated object so that each call of a public method is recorded as
 * `service` / `Class.method`. Members starting with `_` are internal and not counted.
 * Emulated classes call this in their constructor: `return tracked(this, log, 'SpreadsheetApp', 'Range')`.
 */
export function tracked<T extends object>(
  target: T,
  log: CallLog,
  service: string,
  className: string,
): T {
  return new Proxy(target, {
    get(obj, prop, receiver) {
      const value = Reflect.get(obj, prop, receiver);
      if (
        typeof value !== 'function' ||
        typeof prop !== 'string' ||
        prop.startsWith('_') ||
        prop === 'constructor'
      ) {
        return value;
      }
      return function (this: unknown, ...args: unknown[]) {
        log.record(service, `${className}.${prop}`);
        const result = (value as (...a: unknown[]) => unknown).apply(
          this === receiver ? obj : this,
          args,
        );
        // Chained setters return `this`: hand back the tracked object so the chain stays counted.
        return result === obj ? receiver : result;
      };
    },
  });
}
