/**
 * Tags of the template language, found in the text of one run of document text.
 *
 *   {{ชื่อ}}    a value          {{#ชื่อ}} … {{/ชื่อ}}  a block: repeated for each item of a list,
 *   {{^ชื่อ}} … {{/ชื่อ}}  shown only when the value is empty (the inverse of a block)
 *
 * A block shown once when its value is present (the acting line, the phone number) is an
 * ordinary `{{#ชื่อ}}` block over a value that is text or a yes/no flag.
 */

import { toArabicDigits } from '../thai/digits';
import { normalizeText } from '../thai/normalize';

export type TagType = 'value' | 'open' | 'inverted' | 'close';

export interface Tag {
  type: TagType;
  /** The name as staff typed it, without braces and sigil. */
  raw: string;
  /** The name used for look-ups (see `placeholderKey`). */
  key: string;
  /** Offsets in the text: `text.slice(start, end)` is the whole tag with its braces. */
  start: number;
  end: number;
}

export interface TagScan {
  tags: Tag[];
  /** Offsets of `{{` that never close, or of `}}` that never opened. */
  strayBraces: number[];
}

const SIGILS: Record<string, TagType> = { '#': 'open', '^': 'inverted', '/': 'close' };
/**
 * Placeholder names match ignoring spacing, invisible characters and Thai versus Arabic
 * digits, so `{{คะแนน EIT ส่วนที่ 1}}` and `{{คะแนน EIT ส่วนที่ ๑}}` are the same name.
 */
export function placeholderKey(name: string): string {
  return normalizeText(toArabicDigits(name)).replace(/\s+/g, ' ');
}

/** Finds every tag in one run of text. A `{{` inside a tag is stray (tags do not nest). */
export function scanTags(text: string): TagScan {
  const tags: Tag[] = [];
  const strayBraces: number[] = [];
  let i = 0;
  for (;;) {
    const open = text.indexOf('{{', i);
    const close = text.indexOf('}}', i);
    if (close !== -1 && (open === -1 || close < open)) {
      strayBraces.push(close);
      i = close + 2;
      continue;
    }
    if (open === -1) break;
    const end = text.indexOf('}}', open + 2);
    const nextOpen = text.indexOf('{{', open + 2);
    if (end === -1 || (nextOpen !== -1 && nextOpen < end)) {
      strayBraces.push(open);
      i = open + 2;
      continue;
    }
    const inner = text.slice(open + 2, end).trim();
    const type = SIGILS[inner.charAt(0)] ?? 'value';
    const raw = (type === 'value' ? inner : inner.slice(1)).trim();
    tags.push({ type, raw, key: placeholderKey(raw), start: open, end: end + 2 });
    i = end + 2;
  }
  return { tags, strayBraces };
}
