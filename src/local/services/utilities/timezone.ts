/**
 * Wall-clock time in a time zone, via Intl (the ICU data Node ships), so the emulation does not
 * depend on the machine's TZ. Shared by Utilities.formatDate and the spreadsheet's date cells.
 */

export interface WallTime {
  year: number;
  /** 1–12 */
  month: number;
  day: number;
  hour: number;
  minute: number;
  second: number;
  millisecond: number;
  /** 0 = Sunday … 6 = Saturday */
  weekday: number;
}

/** A zone is either an IANA name Intl knows or a fixed offset in minutes east of UTC. */
type Zone = { kind: 'iana'; id: string } | { kind: 'fixed'; minutes: number };

const FIXED = /^(?:GMT|UTC)?\s*([+-])(\d{1,2})(?::?(\d{2}))?$/i;
const zones = new Map<string, Zone>();
const formatters = new Map<string, Intl.DateTimeFormat>();

/**
 * Java's TimeZone.getTimeZone, which Apps Script uses, accepts IANA ids and "GMT+7"-style
 * offsets and falls back to GMT for anything it does not know; so do we.
 */
function zone(tz: string): Zone {
  let z = zones.get(tz);
  if (z) return z;
  const m = FIXED.exec(tz.trim());
  if (m) {
    z = {
      kind: 'fixed',
      minutes: (m[1] === '-' ? -1 : 1) * (Number(m[2]) * 60 + Number(m[3] ?? 0)),
    };
  } else if (isIanaZone(tz)) {
    z = { kind: 'iana', id: tz };
  } else {
    z = { kind: 'fixed', minutes: 0 };
  }
  zones.set(tz, z);
  return z;
}

function isIanaZone(tz: string): boolean {
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: tz });
    return true;
  } catch {
    return false;
  }
}

/** Whether `tz` names a zone (an IANA id or a GMT offset) rather than falling back to GMT. */
export function isKnownTimeZone(tz: string): boolean {
  return FIXED.test(tz.trim()) || isIanaZone(tz);
}

function formatter(id: string): Intl.DateTimeFormat {
  let f = formatters.get(id);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone: id,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
      weekday: 'short',
      era: 'short',
    });
    formatters.set(id, f);
  }
  return f;
}

const WEEKDAYS: Record<string, number> = { Sun: 0, Mon: 1, Tue: 2, Wed: 3, Thu: 4, Fri: 5, Sat: 6 };

/** The UTC fields of instant `ms` as a wall time. */
export function utcWallTime(ms: number): WallTime {
  const d = new Date(ms);
  return {
    year: d.getUTCFullYear(),
    month: d.getUTCMonth() + 1,
    day: d.getUTCDate(),
    hour: d.getUTCHours(),
    minute: d.getUTCMinutes(),
    second: d.getUTCSeconds(),
    millisecond: d.getUTCMilliseconds(),
    weekday: d.getUTCDay(),
  };
}

/** The wall-clock fields of instant `ms` in `tz`. */
export function wallTime(ms: number, tz: string): WallTime {
  const z = zone(tz);
  if (z.kind === 'fixed') return utcWallTime(ms + z.minutes * 60_000);
  const parts: Record<string, string> = {};
  for (const p of formatter(z.id).formatToParts(new Date(ms))) parts[p.type] = p.value;
  const year = Number(parts.year);
  return {
    year: parts.era === 'BC' ? 1 - year : year,
    month: Number(parts.month),
    day: Number(parts.day),
    hour: Number(parts.hour),
    minute: Number(parts.minute),
    second: Number(parts.second),
    millisecond: ((ms % 1000) + 1000) % 1000,
    weekday: WEEKDAYS[parts.weekday] ?? 0,
  };
}

function wallToUtcMs(w: Omit<WallTime, 'weekday'>): number {
  const d = new Date(0);
  d.setUTCFullYear(w.year, w.month - 1, w.day);
  d.setUTCHours(w.hour, w.minute, w.second, w.millisecond);
  return d.getTime();
}

/** Minutes east of UTC in `tz` at instant `ms` (Bangkok: 420). */
export function offsetMinutes(ms: number, tz: string): number {
  const z = zone(tz);
  if (z.kind === 'fixed') return z.minutes;
  const w = wallTime(ms, tz);
  return Math.round((wallToUtcMs(w) - ms) / 60_000);
}

/**
 * The instant at which the clocks in `tz` show `wall`. In a DST gap or overlap, the earlier
 * matching offset wins, as java.util.Calendar does.
 */
export function instantOf(wall: Omit<WallTime, 'weekday'>, tz: string): number {
  const asUtc = wallToUtcMs(wall);
  let guess = asUtc - offsetMinutes(asUtc, tz) * 60_000;
  guess = asUtc - offsetMinutes(guess, tz) * 60_000;
  return guess;
}

/** Short and long display names for `z`/`zzzz`; Intl's "GMT+7" is respelled as Java does. */
const JAVA_ZONE_NAMES: Record<string, [string, string]> = {
  'Asia/Bangkok': ['ICT', 'Indochina Time'],
  'Asia/Ho_Chi_Minh': ['ICT', 'Indochina Time'],
  'Asia/Vientiane': ['ICT', 'Indochina Time'],
  'Asia/Phnom_Penh': ['ICT', 'Indochina Time'],
  UTC: ['UTC', 'Coordinated Universal Time'],
  'Etc/UTC': ['UTC', 'Coordinated Universal Time'],
  GMT: ['GMT', 'Greenwich Mean Time'],
  'Etc/GMT': ['GMT', 'Greenwich Mean Time'],
};

export function zoneName(ms: number, tz: string, long: boolean): string {
  const z = zone(tz);
  const known = JAVA_ZONE_NAMES[tz];
  if (known) return known[long ? 1 : 0];
  if (z.kind === 'iana') {
    const part = new Intl.DateTimeFormat('en-US', {
      timeZone: z.id,
      timeZoneName: long ? 'long' : 'short',
    })
      .formatToParts(new Date(ms))
      .find((p) => p.type === 'timeZoneName')?.value;
    if (part && !/^GMT[+-]/.test(part)) return part;
  }
  const off = offsetMinutes(ms, tz);
  if (off === 0) return 'GMT';
  const abs = Math.abs(off);
  return `GMT${off < 0 ? '-' : '+'}${String(Math.floor(abs / 60)).padStart(2, '0')}:${String(abs % 60).padStart(2, '0')}`;
}
