import { wallTime, offsetMinutes, zoneName, type WallTime } from './timezone';

/**
 * Utilities.formatDate: Java's SimpleDateFormat (en-US symbols, as Apps Script uses), which is what
 * Google documents for the pattern. Letters Java accepts but this emulation does not implement
 * (w, W, F) throw rather than print something plausible and wrong.
 * https://docs.oracle.com/javase/8/docs/api/java/text/SimpleDateFormat.html
 */

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

type Token = { letter: string; count: number } | { text: string };

const JAVA_LETTERS = /[GyYMLwWDdFEuaHkKhmsSzZX]/;

export function tokenizePattern(pattern: string): Token[] {
  const tokens: Token[] = [];
  let i = 0;
  while (i < pattern.length) {
    const c = pattern[i];
    if (c === "'") {
      if (pattern[i + 1] === "'") {
        tokens.push({ text: "'" });
        i += 2;
        continue;
      }
      let text = '';
      i++;
      while (i < pattern.length) {
        if (pattern[i] === "'") {
          if (pattern[i + 1] === "'") {
            text += "'";
            i += 2;
            continue;
          }
          break;
        }
        text += pattern[i++];
      }
      if (i >= pattern.length) throw new Error(`Unterminated quote in date pattern: ${pattern}`);
      i++;
      tokens.push({ text });
    } else if (/[a-zA-Z]/.test(c)) {
      if (!JAVA_LETTERS.test(c)) throw new Error(`Illegal pattern character '${c}'`);
      let count = 1;
      while (pattern[i + count] === c) count++;
      tokens.push({ letter: c, count });
      i += count;
    } else {
      tokens.push({ text: c });
      i++;
    }
  }
  return tokens;
}

function pad(n: number, width: number): string {
  const s = String(Math.abs(n)).padStart(width, '0');
  return n < 0 ? `-${s}` : s;
}

function dayOfYear(w: WallTime): number {
  return (Date.UTC(w.year, w.month - 1, w.day) - Date.UTC(w.year, 0, 1)) / 86_400_000 + 1;
}

/** Week-based year with java.util.Locale.US rules (weeks start on Sunday; the week holding 1 January is week 1). */
function weekYear(w: WallTime): number {
  return w.month === 12 && w.day + (6 - w.weekday) > 31 ? w.year + 1 : w.year;
}

function offsetText(minutes: number, colon: boolean, withMinutes: boolean): string {
  const abs = Math.abs(minutes);
  const hh = pad(Math.floor(abs / 60), 2);
  const mm = pad(abs % 60, 2);
  return `${minutes < 0 ? '-' : '+'}${hh}${withMinutes ? `${colon ? ':' : ''}${mm}` : ''}`;
}

function field(letter: string, count: number, w: WallTime, ms: number, tz: string): string {
  switch (letter) {
    case 'G':
      return w.year > 0 ? 'AD' : 'BC';
    case 'y':
    case 'Y': {
      const year = letter === 'y' ? w.year : weekYear(w);
      return count === 2 ? pad(year % 100, 2) : pad(year, count);
    }
    case 'M':
    case 'L':
      if (count >= 4) return MONTHS[w.month - 1];
      if (count === 3) return MONTHS[w.month - 1].slice(0, 3);
      return pad(w.month, count);
    case 'D':
      return pad(dayOfYear(w), count);
    case 'd':
      return pad(w.day, count);
    case 'E':
      return count >= 4 ? DAYS[w.weekday] : DAYS[w.weekday].slice(0, 3);
    case 'u':
      return pad(w.weekday === 0 ? 7 : w.weekday, count);
    case 'a':
      return w.hour < 12 ? 'AM' : 'PM';
    case 'H':
      return pad(w.hour, count);
    case 'k':
      return pad(w.hour === 0 ? 24 : w.hour, count);
    case 'K':
      return pad(w.hour % 12, count);
    case 'h':
      return pad(w.hour % 12 === 0 ? 12 : w.hour % 12, count);
    case 'm':
      return pad(w.minute, count);
    case 's':
      return pad(w.second, count);
    case 'S':
      return pad(w.millisecond, count);
    case 'z':
      return zoneName(ms, tz, count >= 4);
    case 'Z':
      return offsetText(offsetMinutes(ms, tz), false, true);
    case 'X': {
      if (count > 3) throw new Error('invalid ISO 8601 format: length=' + count);
      const off = offsetMinutes(ms, tz);
      if (off === 0) return 'Z';
      return offsetText(off, count === 3, count >= 2);
    }
    default:
      throw new Error(
        `Date pattern letter '${letter}' is not supported by the local runtime's Utilities.formatDate.`,
      );
  }
}

export function formatDate(date: Date, timeZone: string, pattern: string): string {
  const ms = date.getTime();
  if (Number.isNaN(ms)) throw new Error('Invalid argument: date');
  const w = wallTime(ms, timeZone);
  let out = '';
  for (const t of tokenizePattern(pattern))
    out += 'text' in t ? t.text : field(t.letter, t.count, w, ms, timeZone);
  return out;
}
