import { randomBytes } from 'node:crypto';

/** List ids in Docs look like "kix.8x2k1m3q9z4a". */
export function newShortListId(): string {
  const alphabet = 'abcdefghijklmnopqrstuvwxyz0123456789';
  const bytes = randomBytes(12);
  let s = 'kix.';
  for (let i = 0; i < 12; i++) s += alphabet[bytes[i] % alphabet.length];
  return s;
}
