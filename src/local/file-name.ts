/**
 * Every file name the local runtime makes on disk (the local Drive's files and folders, the
 * CLI's memo, DOCX and workbook copy) comes from `safeFileName`: a name Drive or a user would
 * accept can be anything, a disk cannot.
 */

/** Most file systems (ext4, NTFS, APFS, exFAT) allow 255 bytes (or UTF-16 units) per name. */
export const MAX_NAME_BYTES = 255;

/**
 * Characters a file system refuses, each replaced by a look-alike so the name stays readable:
 * '/' on every system, the rest on Windows and on the FAT/exFAT of a USB stick, where offices
 * copy their memos.
 */
const LOOK_ALIKES: Readonly<Record<string, string>> = {
  '/': '\u2215', // ∕ DIVISION SLASH
  '\\': '\u29f5', // ⧵ REVERSE SOLIDUS OPERATOR
  ':': '\uff1a', // ：
  '*': '\uff0a', // ＊
  '?': '\uff1f', // ？
  '"': '\uff02', // ＂
  '<': '\uff1c', // ＜
  '>': '\uff1e', // ＞
  '|': '\uff5c', // ｜
};
const REFUSED = /[/\\:*?"<>|]/g;
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/g;
/** Windows refuses these as names whatever their extension. */
const RESERVED = /^(?:con|prn|aux|nul|com[0-9]|lpt[0-9])(?:\.|$)/i;
/**
 * A trailing extension that a shortened name keeps, so the file still opens as what it is: up to
 * 8 letters and digits with at least one letter (".34" ending "เวลา 14.05.34" is no extension).
 */
const EXTENSION = /\.(?=[A-Za-z0-9]{0,7}[A-Za-z])[A-Za-z0-9]{1,8}$/;
/** Marks and SARA AM belong to the character before them: a cut never falls before one. */
const JOINS_PREVIOUS = /^[\p{M}\u0e33]/u;

const encoder = new TextEncoder();
const bytes = (s: string) => encoder.encode(s).length;

/** The longest start of `s` within `max` UTF-8 bytes that does not cut a character cluster. */
function truncateBytes(s: string, max: number): string {
  if (bytes(s) <= max) return s;
  const chars = Array.from(s);
  let used = 0;
  let end = 0;
  for (let i = 0; i < chars.length; i++) {
    used += bytes(chars[i]);
    if (used > max) break;
    end = i + 1;
  }
  while (end > 0 && end < chars.length && JOINS_PREVIOUS.test(chars[end])) end--;
  return chars.slice(0, end).join('');
}

export interface FileNameOptions {
  /**
   * Bytes to leave free for what a caller appends later (a ` (12)` for a duplicate, a
   * `.gdoc.json` for a Doc's model).
   */
  readonly reserveBytes?: number;
}

/**
 * `name` as one path component: refused characters replaced by look-alikes, control characters
 * by spaces, no leading dot (hidden) or trailing dot or space (Windows drops them), no reserved
 * device name, and at most 255 bytes less `reserveBytes`, shortened before its extension.
 */
export function safeFileName(name: string, options: FileNameOptions = {}): string {
  let s = name
    .replace(REFUSED, (ch) => LOOK_ALIKES[ch])
    .replace(CONTROL, ' ')
    .trim()
    .replace(/[. ]+$/, '');
  if (s === '') s = '_';
  if (s.startsWith('.')) s = `_${s}`;
  if (RESERVED.test(s)) s = `_${s}`;
  const extension = EXTENSION.exec(s)?.[0] ?? '';
  const stem = s.slice(0, s.length - extension.length);
  const room = MAX_NAME_BYTES - (options.reserveBytes ?? 0) - bytes(extension);
  return `${truncateBytes(stem, Math.max(room, 1)).trimEnd() || '_'}${extension}`;
}
