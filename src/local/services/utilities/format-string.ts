/**
 * Utilities.formatString and Logger.log(format, ...values): sprintf-style `%` conversions
 * (`%s %d %i %f %e %x %X %o %c %%` with flags `-+ 0`, width and precision).
 */

const SPEC = /%([-+ 0#]*)(\d+)?(?:\.(\d+))?([sdifeExXoc%])/g;

function toText(value: unknown): string {
  if (value === null) return 'null';
  if (value === undefined) return 'undefined';
  if (Object.prototype.toString.call(value) === '[object Date]') return String(value);
  if (typeof value === 'object') {
    try {
      return JSON.stringify(value);
    } catch {
      return String(value);
    }
  }
  return String(value);
}

function applyWidth(
  body: string,
  flags: string,
  width: number | undefined,
  numeric: boolean,
): string {
  if (width === undefined || body.length >= width) return body;
  if (flags.includes('-')) return body.padEnd(width);
  if (numeric && flags.includes('0')) {
    const sign = /^[+\- ]/.test(body) ? body[0] : '';
    return sign + body.slice(sign.length).padStart(width - sign.length, '0');
  }
  return body.padStart(width);
}

function signed(n: number, text: string, flags: string): string {
  if (n < 0 || Object.is(n, -0)) return text.startsWith('-') ? text : `-${text}`;
  if (flags.includes('+')) return `+${text}`;
  if (flags.includes(' ')) return ` ${text}`;
  return text;
}

export function formatString(template: string, ...args: unknown[]): string {
  let next = 0;
  return String(template).replace(
    SPEC,
    (whole, flags: string, w?: string, p?: string, conv?: string) => {
      if (conv === '%') return '%';
      if (next >= args.length) return whole;
      const arg = args[next++];
      const width = w === undefined ? undefined : Number(w);
      const precision = p === undefined ? undefined : Number(p);
      switch (conv) {
        case 's': {
          const s = toText(arg);
          return applyWidth(
            precision === undefined ? s : s.slice(0, precision),
            flags,
            width,
            false,
          );
        }
        case 'c':
          return applyWidth(
            typeof arg === 'number' ? String.fromCharCode(arg) : toText(arg).charAt(0),
            flags,
            width,
            false,
          );
        case 'd':
        case 'i': {
          const n = Math.trunc(Number(arg));
          if (Number.isNaN(n)) return applyWidth('NaN', flags, width, false);
          return applyWidth(signed(n, String(Math.abs(n)), flags), flags, width, true);
        }
        case 'f':
        case 'e':
        case 'E': {
          const n = Number(arg);
          if (!Number.isFinite(n)) return applyWidth(String(n), flags, width, false);
          const digits = precision ?? 6;
          let body = conv === 'f' ? Math.abs(n).toFixed(digits) : Math.abs(n).toExponential(digits);
          if (conv !== 'f') body = body.replace(/e([+-])(\d)$/, 'e$10$2');
          if (conv === 'E') body = body.toUpperCase();
          return applyWidth(signed(n, body, flags), flags, width, true);
        }
        case 'x':
        case 'X':
        case 'o': {
          const n = Math.trunc(Number(arg));
          let body = (n >>> 0).toString(conv === 'o' ? 8 : 16);
          if (conv === 'X') body = body.toUpperCase();
          return applyWidth(body, flags, width, true);
        }
        default:
          return whole;
      }
    },
  );
}
