import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { safeFileName } from '../../file-name';
import { DOC_MIME, FOLDER_MIME, GOOGLE_MIME_PREFIX } from './types';

/** Room for `.gdoc.json` and a ` (12)` duplicate suffix after a Drive name made safe. */
const SUFFIX_BYTES = 20;

/**
 * A Drive name made safe as one path component. Drive allows '/', leading dots, control
 * characters and any length; a disk does not (see safeFileName). The index keeps the real name.
 */
export function safeComponent(name: string): string {
  return safeFileName(name, { reserveBytes: SUFFIX_BYTES });
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
