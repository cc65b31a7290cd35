// A1 notation. Rows and columns are 1-based, as in the spreadsheet.

/** 1 → A, 26 → Z, 27 → AA, 703 → AAA. */
export function columnLetters(column: number): string {
  let n = Math.floor(column);
  if (!(n >= 1)) throw new RangeError(`Column must be 1 or more, got ${column}`);
  let letters = '';
  while (n > 0) {
    const rem = (n - 1) % 26;
    letters = String.fromCharCode(65 + rem) + letters;
    n = Math.floor((n - 1) / 26);
  }
  return letters;
}

/** A → 1, AA → 27; null for anything that is not column letters. */
export function columnNumber(letters: string): number | null {
  if (!/^[A-Za-z]+$/.test(letters)) return null;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n;
}

export function toA1(row: number, column: number): string {
  if (!(Math.floor(row) >= 1)) throw new RangeError(`Row must be 1 or more, got ${row}`);
  return `${columnLetters(column)}${Math.floor(row)}`;
}

/** "C12" → { row: 12, column: 3 }; null for anything else (ranges, sheet prefixes, $). */
export function fromA1(a1: string): { row: number; column: number } | null {
  const match = /^([A-Za-z]+)([1-9]\d*)$/.exec(a1);
  if (!match) return null;
  const column = columnNumber(match[1]);
  return column === null ? null : { row: Number(match[2]), column };
}
