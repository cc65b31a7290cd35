import { randomBytes } from 'node:crypto';

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';

function randomChars(n: number): string {
  const bytes = randomBytes(n);
  let s = '';
  for (let i = 0; i < n; i++) s += ALPHABET[bytes[i] & 63];
  return s;
}

/**
 * A Drive-like id: Google Docs have 44 characters, uploaded files and folders 33, all starting
 * with "1". Random, so code cannot rely on ids being predictable or sortable.
 */
export function newFileId(googleDoc: boolean): string {
  return '1' + randomChars(googleDoc ? 43 : 32);
}

/** My Drive's root folder id looks like `0AB…Uk9PVA` ("ROOT" in base64 at the end). */
export function newRootId(): string {
  return '0A' + randomChars(17) + 'Uk9PVA';
}

/** Comment and permission ids are shorter opaque strings. */
export function newShortId(): string {
  return 'AAAA' + randomChars(12);
}

/** Numeric-looking permission ids, as Drive gives for users. */
export function newPermissionId(): string {
  let s = '';
  const bytes = randomBytes(20);
  for (let i = 0; i < 20; i++) s += String(bytes[i] % 10);
  return s.replace(/^0/, '1');
}

/** A blob revision's id: Drive's look like `0B…` followed by a long opaque string. */
export function newRevisionId(): string {
  return '0B' + randomChars(46);
}

/** The opaque anchor the Docs editor gives a comment on selected text (`kix.…`). */
export function newAnchorId(): string {
  return 'kix.' + randomChars(12).replace(/[-_]/g, 'x');
}

/** A suggestion's id, as the Docs API reports it (`suggest.vcti8ewm4mww`, the suggestions how-to). */
export function newSuggestionId(): string {
  return 'suggest.' + randomChars(12).replace(/[-_]/g, 'x').toLowerCase();
}
