import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX } from './types';

/**
 * Most file systems allow 255 bytes per name and Thai takes 3 bytes a character in UTF-8; the
 * rest is room for `.gdoc.json` and a ` (12)` duplicate suffix.
 */
const MAX_NAME_BYTES = 235;

/**
 * A Drive name made safe as one path component. Drive allows '/', leading dots, control
 * characters and any length; a disk does not. '/' becomes the look-alike '∕' so names stay
 * readable. The index keeps the real name.
 */
export function safeComponent(name: string): string {
  let s = name
    .replace(/\//g, '\u2215')
    .replace(/\\/g, '\u29f5')
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u001f\u007f]/g, ' ')
    .trim();
  if (s === '' || s === '.' || s === '..') s = '_';
  if (s.startsWith('.')) s = '_' + s;
  // A long name is shortened before its extension, so the file still opens as what it is.
  const ext = /\.[A-Za-z0-9]{1,8}$/.exec(s)?.[0] ?? '';
  return (
    truncateBytes(s.slice(0, s.length - ext.length), MAX_NAME_BYTES - ext.length).trimEnd() + ext
  );
}

function truncateBytes(s: string, max: number): string {
  const enc = new TextEncoder();
  if (enc.encode(s).length <= max) return s;
  let out = '';
  for (const ch of s) {
    if (enc.encode(out + ch).length > max) break;
    out += ch;
  }
  return out;
}

/** The disk name for an entry: Google Docs are stored as their model, `<name>.gdoc.json`. */
export function diskName(name: string, mimeType: string): string {
  const base = safeComponent(name);
  if (mimeType === DOC_MIME) return `${base}.gdoc.json`;
  if (mimeType !== FOLDER_MIME && mimeType.startsWith(GOOGLE_MIME_PREFIX)) {
    return `${base}.${mimeType.slice(GOOGLE_MIME_PREFIX.length)}.json`;
  }
  return base;
}

/**
 * Drive allows duplicate names in one folder; a disk does not. The second "memo.pdf" becomes
 * "memo (2).pdf" on disk, keeping the extension so the file still opens.
 */
export function uniquePath(
  root: string,
  dirRel: string,
  name: string,
  taken: (rel: string) => boolean,
): string {
  const first = dirRel ? `${dirRel}/${name}` : name;
  if (!taken(first) && !existsSync(join(root, first))) return first;
  const m = /^(.*?)((?:\.gdoc)?\.[^.\s]{1,8})?$/u.exec(name);
  const stem = m?.[1] || name;
  const ext = m?.[2] ?? '';
  for (let n = 2; ; n++) {
    const candidate = `${stem} (${n})${ext}`;
    const rel = dirRel ? `${dirRel}/${candidate}` : candidate;
    if (!taken(rel) && !existsSync(join(root, rel))) return rel;
  }
}
