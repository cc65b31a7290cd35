import { serialOf } from './dates';
import { wallTime } from '../utilities/timezone';

/**
 * Display text of numbers and dates under a Sheets/Excel number format, for getDisplayValues.
 *
 * Supported: General (Sheets' "Automatic"), digit placeholders 0 # ? with grouping ',', decimals,
 * percent, scaling commas, simple scientific (0.00E+00), literal text ("…", \x, _x, currency
 * [$฿-41E]), up to four sections (positive;negative;zero;text), and date/time tokens d dd ddd
 * dddd m mm mmm mmmm mmmmm yy yyyy bb bbbb (Buddhist year) h hh m mm s ss AM/PM A/P. Ignored:
 * colours, conditions, calendar/locale codes ([$-th-TH,107] prints Gregorian), fractions,
 * elapsed time, literals between digit placeholders.
 */

export interface FormatContext {
  timeZone: string;
  /** Sheets locale, e.g. 'th_TH', 'en_US': picks month names and the default date order. */
  locale: string;
}

type Tok =
  | { t: 'lit'; s: string }
  | { t: 'date'; c: string; n: number }
  | { t: 'ampm'; short: boolean }
  | { t: 'num'; s: string }
  | { t: 'general' }
  | { t: 'text' };

export function isGeneral(format: string | undefined): boolean {
  return !format || /^general$/i.test(format) || format === '0.###############';
}

function splitSections(format: string): string[] {
  const out: string[] = [];
  let cur = '';
  let quoted = false;
  let bracket = false;
  for (let i = 0; i < format.length; i++) {
    const ch = format[i];
    if (ch === '\\' && !quoted) {
      cur += ch + (format[i + 1] ?? '');
      i++;
      continue;
    }
    if (ch === '"') quoted = !quoted;
    else if (!quoted && ch === '[') bracket = true;
    else if (!quoted && ch === ']') bracket = false;
    if (ch === ';' && !quoted && !bracket) {
      out.push(cur);
      cur = '';
    } else cur += ch;
  }
  out.push(cur);
  return out;
}

function tokenize(section: string): Tok[] {
  const toks: Tok[] = [];
  let i = 0;
  while (i < section.length) {
    const ch = section[i];
    const rest = section.slice(i);
    if (ch === '"') {
      const end = section.indexOf('"', i + 1);
      const stop = end < 0 ? section.length : end;
      toks.push({ t: 'lit', s: section.slice(i + 1, stop) });
      i = stop + 1;
    } else if (ch === '\\') {
      toks.push({ t: 'lit', s: section[i + 1] ?? '' });
      i += 2;
    } else if (ch === '_') {
      toks.push({ t: 'lit', s: ' ' });
      i += 2;
    } else if (ch === '*') {
      i += 2;
    } else if (ch === '[') {
      const end = section.indexOf(']', i);
      const inner = section.slice(i + 1, end < 0 ? section.length : end);
      const currency = /^\$([^-]*)(?:-.*)?$/.exec(inner);
      if (currency && currency[1]) toks.push({ t: 'lit', s: currency[1] });
      else if (/^(h+|m+|s+)$/i.test(inner))
        toks.push({ t: 'date', c: inner[0].toLowerCase(), n: inner.length });
      i = end < 0 ? section.length : end + 1;
    } else if (/^am\/pm/i.test(rest)) {
      toks.push({ t: 'ampm', short: false });
      i += 5;
    } else if (/^a\/p/i.test(rest)) {
      toks.push({ t: 'ampm', short: true });
      i += 3;
    } else if (/^general/i.test(rest)) {
      toks.push({ t: 'general' });
      i += 7;
    } else if (/[ymdhsb]/i.test(ch)) {
      let n = 1;
      while (section[i + n]?.toLowerCase() === ch.toLowerCase()) n++;
      toks.push({ t: 'date', c: ch.toLowerCase(), n });
      i += n;
    } else if (/[0#?.,%]/.test(ch)) {
      toks.push({ t: 'num', s: ch });
      i++;
    } else if ((ch === 'E' || ch === 'e') && /^[eE][+-]/.test(rest)) {
      toks.push({ t: 'num', s: rest.slice(0, 2).toUpperCase() });
      i += 2;
    } else if (ch === '@') {
      toks.push({ t: 'text' });
      i++;
    } else {
      toks.push({ t: 'lit', s: ch });
      i++;
    }
  }
  return toks;
}

/** Rounds half away from zero on the decimal representation (1.005 → 1.01), as Sheets shows. */
function roundFixed(abs: number, digits: number): string {
  if (abs >= 1e15) return abs.toFixed(digits);
  const shifted = Math.round(Number(`${abs}e${digits}`));
  return Number(`${shifted}e-${digits}`).toFixed(digits);
}

export function generalNumber(n: number): string {
  if (!Number.isFinite(n)) return String(n);
  if (Number.isInteger(n) && Math.abs(n) < 1e15) return String(n);
  const text = String(Number(n.toPrecision(10)));
  if (!/e/.test(text)) return text;
  const [mant, exp] = n.toExponential(5).split('e');
  const e = Number(exp);
  return `${String(Number(mant))}E${e < 0 ? '-' : '+'}${String(Math.abs(e)).padStart(2, '0')}`;
}

function formatDigits(toks: Tok[], n: number, negativeSection: boolean): string {
  const nums = toks.map((t, i) => ({ t, i })).filter((x) => x.t.t === 'num');
  const sym = nums.map((x) => (x.t as { s: string }).s);
  const percents = sym.filter((s) => s === '%').length;
  const expAt = sym.findIndex((s) => s === 'E+' || s === 'E-');
  const mantissa = expAt >= 0 ? sym.slice(0, expAt) : sym;
  const dot = mantissa.indexOf('.');
  const intPart = dot >= 0 ? mantissa.slice(0, dot) : mantissa;
  const decPart = dot >= 0 ? mantissa.slice(dot + 1) : [];
  const isDigit = (s: string) => s === '0' || s === '#' || s === '?';
  const lastIntDigit = intPart.reduce((last, s, i) => (isDigit(s) ? i : last), -1);
  const grouping = intPart.some((s, i) => s === ',' && i < lastIntDigit);
  const scaling = intPart.slice(lastIntDigit + 1).filter((s) => s === ',').length;
  const minInt = intPart.filter((s) => s === '0').length;
  const minDec = decPart.filter((s) => s === '0').length;
  const maxDec = decPart.filter(isDigit).length;

  let value = (Math.abs(n) * 100 ** percents) / 1000 ** scaling;
  let exponent = '';
  if (expAt >= 0) {
    const e = value === 0 ? 0 : Math.floor(Math.log10(value));
    value /= 10 ** e;
    const expDigits = sym.slice(expAt + 1).filter(isDigit).length;
    exponent = `E${e < 0 ? '-' : sym[expAt] === 'E+' ? '+' : ''}${String(Math.abs(e)).padStart(expDigits, '0')}`;
  }
  let [int, frac = ''] = roundFixed(value, maxDec).split('.');
  while (frac.length > minDec && frac.endsWith('0')) frac = frac.slice(0, -1);
  if (int === '0' && minInt === 0) int = '';
  int = int.padStart(minInt, '0');
  if (grouping) int = int.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  const body = `${int}${dot >= 0 && (frac !== '' || decPart.length > 0) ? `.${frac}` : ''}${exponent}`;
  const isZero = !/[1-9]/.test(int + frac);
  const minus = n < 0 && !negativeSection && !isZero ? '-' : '';

  let out = '';
  let placed = false;
  for (const t of toks) {
    if (t.t === 'lit') out += t.s;
    else if (t.t === 'num') {
      if (t.s === '%') out += '%';
      else if (!placed) {
        out += body;
        placed = true;
      }
    }
  }
  return minus + out;
}

function monthNames(locale: string, style: 'long' | 'short'): string[] {
  const tag = locale.toLowerCase().startsWith('th') ? 'th-TH-u-ca-gregory' : 'en-US';
  const f = new Intl.DateTimeFormat(tag, { month: style, timeZone: 'UTC' });
  return Array.from({ length: 12 }, (_, m) => f.format(new Date(Date.UTC(2001, m, 1))));
}

function dayNames(locale: string, style: 'long' | 'short'): string[] {
  const tag = locale.toLowerCase().startsWith('th') ? 'th-TH-u-ca-gregory' : 'en-US';
  const f = new Intl.DateTimeFormat(tag, { weekday: style, timeZone: 'UTC' });
  // 7 Jan 2001 was a Sunday.
  return Array.from({ length: 7 }, (_, d) => f.format(new Date(Date.UTC(2001, 0, 7 + d))));
}

function formatDateTokens(toks: Tok[], serial: number, ctx: FormatContext): string {
  const d = new Date(Date.UTC(1899, 11, 30) + Math.round(serial * 86_400) * 1000);
  const hasAmPm = toks.some((t) => t.t === 'ampm');
  const dateToks = toks.filter((t): t is Extract<Tok, { t: 'date' }> => t.t === 'date');
  const isMinute = (tok: Extract<Tok, { t: 'date' }>): boolean => {
    const i = dateToks.indexOf(tok);
    return (i > 0 && dateToks[i - 1].c === 'h') || dateToks[i + 1]?.c === 's';
  };
  const pad = (v: number, n: number) => String(v).padStart(n, '0');
  const hours = d.getUTCHours();
  let out = '';
  for (const t of toks) {
    // Punctuation that means digits in number formats is plain text between date fields.
    if (t.t === 'lit' || t.t === 'num') out += t.s;
    else if (t.t === 'ampm') out += hours < 12 ? (t.short ? 'A' : 'AM') : t.short ? 'P' : 'PM';
    else if (t.t === 'date') {
      switch (t.c) {
        case 'y':
          out += t.n <= 2 ? pad(d.getUTCFullYear() % 100, 2) : String(d.getUTCFullYear());
          break;
        case 'b':
          out +=
            t.n <= 2 ? pad((d.getUTCFullYear() + 543) % 100, 2) : String(d.getUTCFullYear() + 543);
          break;
        case 'm':
          if (t.n <= 2 && isMinute(t)) out += pad(d.getUTCMinutes(), t.n);
          else if (t.n <= 2) out += pad(d.getUTCMonth() + 1, t.n);
          else if (t.n === 3) out += monthNames(ctx.locale, 'short')[d.getUTCMonth()];
          else if (t.n === 4) out += monthNames(ctx.locale, 'long')[d.getUTCMonth()];
          else out += monthNames(ctx.locale, 'long')[d.getUTCMonth()].charAt(0);
          break;
        case 'd':
          if (t.n <= 2) out += pad(d.getUTCDate(), t.n);
          else out += dayNames(ctx.locale, t.n === 3 ? 'short' : 'long')[d.getUTCDay()];
          break;
        case 'h': {
          const h = hasAmPm ? hours % 12 || 12 : hours;
          out += pad(h, Math.min(t.n, 2));
          break;
        }
        case 's':
          out += pad(d.getUTCSeconds(), Math.min(t.n, 2));
          break;
      }
    }
  }
  return out;
}

/** Sheets' default rendering of a date cell without a date format, in the spreadsheet's locale. */
export function defaultDateText(date: Date, ctx: FormatContext): string {
  const w = wallTime(date.getTime(), ctx.timeZone);
  const day =
    ctx.locale === 'en_US' ? `${w.month}/${w.day}/${w.year}` : `${w.day}/${w.month}/${w.year}`;
  if (w.hour === 0 && w.minute === 0 && w.second === 0) return day;
  return `${day} ${w.hour}:${String(w.minute).padStart(2, '0')}:${String(w.second).padStart(2, '0')}`;
}

/** The display text of a number or date cell under `format`. */
export function formatValue(
  value: number | Date,
  format: string | undefined,
  ctx: FormatContext,
): string {
  if (isGeneral(format))
    return value instanceof Date ? defaultDateText(value, ctx) : generalNumber(value);
  const sections = splitSections(format!);
  const serial = value instanceof Date ? serialOf(value, ctx.timeZone) : value;
  let index = 0;
  if (serial < 0 && sections.length >= 2) index = 1;
  else if (serial === 0 && sections.length >= 3) index = 2;
  const toks = tokenize(sections[index]);
  if (toks.some((t) => t.t === 'date' || t.t === 'ampm'))
    return formatDateTokens(toks, Math.abs(serial), ctx);
  if (toks.some((t) => t.t === 'general') || !toks.some((t) => t.t === 'num')) {
    const text = toks
      .map((t) =>
        t.t === 'lit'
          ? t.s
          : t.t === 'general' || t.t === 'text'
            ? generalNumber(Math.abs(serial))
            : '',
      )
      .join('');
    return (serial < 0 && index === 0 ? '-' : '') + text;
  }
  return formatDigits(toks, serial, index === 1);
}

/** The text section (4th) of a format applied to a string, e.g. '@" บาท"'; else the string itself. */
export function formatText(text: string, format: string | undefined): string {
  if (isGeneral(format)) return text;
  const sections = splitSections(format!);
  const section = sections.length >= 4 ? sections[3] : sections.find((s) => s.includes('@'));
  if (!section) return text;
  return tokenize(section)
    .map((t) => (t.t === 'lit' ? t.s : t.t === 'text' ? text : ''))
    .join('');
}
