/**
 * What a memo Doc said when the add-on last wrote it (a fill, a refill) or when the approver
 * approved it, kept compact enough for one document property (9 KB a value,
 * https://developers.google.com/apps-script/guides/services/quotas): a short hash per body
 * paragraph (table cells' paragraphs included, in reading order). Comparing it with the Doc as it
 * is now tells which paragraphs someone changed by hand in Google Docs since.
 *
 * Why hashes of the text and not Drive's `version` or `modifiedTime`: those change with every
 * change to the file "even those not visible to the user" (a comment, a share), so they cannot
 * tell an edit of the text from a reviewer's comment
 * (https://developers.google.com/workspace/drive/api/reference/rest/v3/files, `version`).
 */
import { bodyElements, paragraphChildren } from './read';
import type { Document, StructuralElement } from './types';

/** At most this many hashes are kept (4 characters each): a longer memo hashes runs of paragraphs. */
const MAX_ENTRIES = 1900;
const VERSION = 'p1';

/** The text of every paragraph of the body, table cells' paragraphs in order. */
export function bodyParagraphs(doc: Document): string[] {
  const out: string[] = [];
  const walk = (elements: StructuralElement[]) => {
    for (const e of elements) {
      if (e.paragraph)
        out.push(
          paragraphChildren(e.paragraph)
            .map((c) => (c.kind === 'text' ? c.text : ''))
            .join(''),
        );
      else if (e.table)
        for (const row of e.table.tableRows ?? [])
          for (const cell of row.tableCells ?? []) walk(cell.content ?? []);
    }
  };
  walk(bodyElements(doc));
  return out;
}

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

/** FNV-1a over the UTF-16 code units, 24 bits as 4 Base64url characters. */
function hash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  h = (h ^ (h >>> 24)) & 0xffffff;
  return [18, 12, 6, 0].map((s) => B64[(h >>> s) & 63]).join('');
}

function runs(texts: readonly string[], size: number): string[][] {
  const out: string[][] = [];
  for (let i = 0; i < texts.length; i += size) out.push(texts.slice(i, i + size));
  return out;
}

/** `p1:<paragraphs per hash>:<hashes>`: at most about 7,600 characters. */
export function fingerprint(texts: readonly string[]): string {
  const size = Math.max(1, Math.ceil(texts.length / MAX_ENTRIES));
  return `${VERSION}:${size}:${runs(texts, size)
    .map((r) => hash(r.join('\n')))
    .join('')}`;
}

export interface HandEdits {
  /** The paragraphs (their text now) that are not what was recorded. */
  changed: string[];
  /** How many recorded paragraphs are gone (deleted, or rewritten into the changed ones). */
  removed: number;
}

/**
 * The paragraphs that differ from the recorded fingerprint, or null when they are all as recorded
 * (or the record is not one this version reads: nothing can be said then).
 */
export function handEdits(recorded: string, texts: readonly string[]): HandEdits | null {
  const m = /^p1:(\d+):([A-Za-z0-9_-]*)$/.exec(recorded);
  if (!m || m[2].length % 4) return null;
  const size = Number(m[1]);
  const left = new Map<string, number>();
  for (let i = 0; i < m[2].length; i += 4) {
    const h = m[2].slice(i, i + 4);
    left.set(h, (left.get(h) ?? 0) + 1);
  }
  const changed: string[] = [];
  for (const run of runs(texts, size)) {
    const h = hash(run.join('\n'));
    const n = left.get(h) ?? 0;
    if (n > 0) left.set(h, n - 1);
    else changed.push(...run.filter((t) => t.trim()).slice(0, 1));
  }
  const removed = [...left.values()].reduce((a, b) => a + b, 0);
  return changed.length || removed ? { changed, removed } : null;
}

/**
 * The record once the add-on itself replaced `from` by `to` in the Doc (the approval date over its
 * dotted line): the hashes of the paragraphs that held `from` follow, so the add-on's own stamp
 * never looks like an edit by hand. `texts` is the body before the replacement.
 */
export function restamp(
  recorded: string,
  texts: readonly string[],
  from: string,
  to: string,
): string {
  const m = /^p1:1:([A-Za-z0-9_-]*)$/.exec(recorded);
  if (!m) return recorded;
  const hashes: string[] = m[1].match(/.{4}/g) ?? [];
  for (const t of texts) {
    if (!t.includes(from)) continue;
    const at = hashes.indexOf(hash(t));
    if (at >= 0) hashes[at] = hash(t.split(from).join(to));
  }
  return `${VERSION}:1:${hashes.join('')}`;
}

/** The body's paragraphs as they read once `from` is replaced by `to` (Docs' replaceAllText). */
export const replaced = (texts: readonly string[], from: string, to: string): string[] =>
  texts.map((t) => t.split(from).join(to));

/** Staff's short list of the changed paragraphs: “…”, “…” และอีก N ย่อหน้า. */
export function describeEdits(edits: HandEdits): string {
  const cut = (t: string) => (t.length > 40 ? `${t.slice(0, 40)}…` : t);
  const shown = edits.changed.slice(0, 3).map((t) => `“${cut(t.trim())}”`);
  const more = edits.changed.length - shown.length;
  const parts = [
    shown.length
      ? `ย่อหน้าที่แก้หรือเพิ่ม ${shown.join(', ')}${more > 0 ? ` และอีก ${more} ย่อหน้า` : ''}`
      : '',
    edits.removed > edits.changed.length
      ? `ย่อหน้าที่ถูกลบ ${edits.removed - edits.changed.length} ย่อหน้า`
      : '',
  ].filter((p) => p);
  return parts.join(' และ');
}
