/**
 * Counts every call into the emulated Apps Script services, per service and member
 * (`SpreadsheetApp` / `Range.getValues`), so tests and benchmarks can check batching.
 */
export class CallLog {
  private readonly counts = new Map<string, number>();

  record(service: string, member: string): void {
    const key = `${service} ${member}`;
    this.counts.set(key, (this.counts.get(key) ?? 0) + 1);
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
    return Object.fromEntries([...this.counts].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  }

  reset(): void {
    this.counts.clear();
  }
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
