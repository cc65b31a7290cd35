// Thai digits ๐–๙ are U+0E50–U+0E59: the same order as 0–9, so conversion is an offset.
const THAI_ZERO = 0x0e50;
const ARABIC_ZERO = 0x30;

/** Replaces 0–9 with ๐–๙; every other character is kept. */
export function toThaiDigits(text: string | number): string {
  return String(text).replace(/[0-9]/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) - ARABIC_ZERO + THAI_ZERO),
  );
}

/** Replaces ๐–๙ with 0–9; every other character is kept. */
export function toArabicDigits(text: string): string {
  return text.replace(/[\u0e50-\u0e59]/g, (d) =>
    String.fromCharCode(d.charCodeAt(0) - THAI_ZERO + ARABIC_ZERO),
  );
}

export function hasThaiDigits(text: string): boolean {
  return /[\u0e50-\u0e59]/.test(text);
}

export function hasArabicDigits(text: string): boolean {
  return /[0-9]/.test(text);
}

export type DigitStyle = 'thai' | 'arabic';

/** Writes the digits of `text` in the given style. */
export function withDigits(text: string | number, digits: DigitStyle): string {
  return digits === 'thai' ? toThaiDigits(text) : toArabicDigits(String(text));
}
