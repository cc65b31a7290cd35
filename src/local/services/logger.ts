import { format as nodeFormat } from 'node:util';
import { tracked, type CallLog } from './calls';
import type { Clock } from './utilities/clock';
import { formatDate } from './utilities/format-date';
import { formatString } from './utilities/format-string';

export type LogLevel = 'log' | 'info' | 'warn' | 'error';

export interface LogEntry {
  source: 'Logger' | 'console';
  level: LogLevel;
  message: string;
  time: Date;
}

/** Everything the bundle logged through Logger or console, for tests to read. */
export class LogRecorder {
  readonly entries: LogEntry[] = [];

  constructor(
    private readonly clock: Clock,
    /** Also print to the real console (the CLI's --verbose). */
    private readonly verbose = false,
  ) {}

  add(source: LogEntry['source'], level: LogLevel, message: string): void {
    this.entries.push({ source, level, message, time: this.clock.now() });
    if (this.verbose) console[level](`[${source}] ${message}`);
  }

  messages(level?: LogLevel): string[] {
    return this.entries
      .filter((e) => level === undefined || e.level === level)
      .map((e) => e.message);
  }

  clear(): void {
    this.entries.length = 0;
  }
}

/** Logger: the Apps Script execution log. getLog() lines carry the timestamp Apps Script prints. */
export class Logger implements Pick<GoogleAppsScript.Base.Logger, 'log' | 'getLog' | 'clear'> {
  private lines: string[] = [];

  constructor(
    log: CallLog,
    private readonly recorder: LogRecorder,
    private readonly clock: Clock,
    private readonly timeZone: string,
  ) {
    return tracked(this, log, 'Logger', 'Logger');
  }

  log(data: unknown, ...values: unknown[]): GoogleAppsScript.Base.Logger {
    const message =
      values.length > 0 ? formatString(String(data), ...values) : formatString('%s', data);
    const stamp = formatDate(this.clock.now(), this.timeZone, 'yy-MM-dd HH:mm:ss:SSS z');
    this.lines.push(`[${stamp}] ${message}`);
    this.recorder.add('Logger', 'info', message);
    return this as never;
  }

  getLog(): string {
    return this.lines.map((l) => `${l}\n`).join('');
  }

  clear(): void {
    this.lines = [];
  }
}

/**
 * The `console` the bundle sees. gas-local's vm has a silent one; this records every message and
 * forwards to the real console only when the runtime is verbose.
 */
export type BundleConsole = Pick<Console, 'log' | 'info' | 'warn' | 'error' | 'time' | 'timeEnd'>;

export function createConsole(recorder: LogRecorder, clock: Clock): BundleConsole {
  const timers = new Map<string, number>();
  const write =
    (level: LogLevel) =>
    (...args: unknown[]): void =>
      recorder.add('console', level, nodeFormat(...args));
  return {
    log: write('log'),
    info: write('info'),
    warn: write('warn'),
    error: write('error'),
    time(label = 'default') {
      timers.set(label, clock.now().getTime());
    },
    timeEnd(label = 'default') {
      const start = timers.get(label);
      if (start === undefined) return;
      timers.delete(label);
      recorder.add('console', 'info', `${label}: ${clock.now().getTime() - start}ms`);
    },
  };
}
