/**
 * The office's Garuda as staff upload it: checked here (type, size, proportions) with a Thai
 * message that says what to do, and cut into pieces that fit document properties.
 *
 * Where it is kept: in the spreadsheet's document properties, which belong to the sheet and are
 * read by everyone's copy of the add-on (https://developers.google.com/apps-script/guides/properties).
 * A Drive file would not do: under drive.file another person's add-on cannot open a file that
 * this person's add-on created, even when it is shared with them, until they pick it in Google
 * Picker. A property value holds at most 9 KB and a property store 500 KB in all
 * (https://developers.google.com/apps-script/guides/services/quotas, "Properties value size" and
 * "Properties total storage"), so the image's Base64 goes in pieces of 8,000 characters, and an
 * upload may be at most 150 KB: a 1.5 cm emblem at 300 dpi is about 180 pixels high and 10–40 KB.
 */
import { imageHeader } from '../image';
import type { GarudaImage } from './fields';

/** Largest accepted upload, bytes. */
export const GARUDA_MAX_BYTES = 150 * 1024;
/** Characters of Base64 per property value (a value may hold 9 KB). */
export const GARUDA_PIECE = 8000;
/** Smallest height that still prints sharp at 1.5 cm (about 100 dpi). */
const MIN_HEIGHT_PX = 60;
const MAX_SIDE_PX = 4000;

export type GarudaCheck = { ok: true; image: GarudaImage } | { ok: false; message: string };

/** Checks an upload; `name` is only for the message. */
export function checkGarudaUpload(bytes: Uint8Array, name: string): GarudaCheck {
  const file = name ? `ไฟล์ “${name}”` : 'ไฟล์ที่เลือก';
  if (!bytes.length) return { ok: false, message: `${file} ว่างเปล่า กรุณาเลือกไฟล์รูปตราครุฑอีกครั้ง` };
  if (bytes.length > GARUDA_MAX_BYTES)
    return {
      ok: false,
      message: `${file} มีขนาด ${Math.ceil(bytes.length / 1024)} KB ใหญ่เกิน ${GARUDA_MAX_BYTES / 1024} KB กรุณาย่อรูปให้สูงประมาณ ๒๐๐ พิกเซล (ตราครุฑพิมพ์สูงเพียง ๑.๕ ซม.) แล้วอัปโหลดใหม่`,
    };
  const header = imageHeader(bytes);
  if (!header)
    return {
      ok: false,
      message: `${file} ไม่ใช่รูปแบบ PNG หรือ JPEG กรุณาบันทึกรูปตราครุฑเป็น .png หรือ .jpg แล้วอัปโหลดใหม่`,
    };
  const { width, height } = header;
  if (height < MIN_HEIGHT_PX || width > MAX_SIDE_PX || height > MAX_SIDE_PX)
    return {
      ok: false,
      message: `รูปตราครุฑใน${file} มีขนาด ${width}×${height} พิกเซล ${height < MIN_HEIGHT_PX ? `เล็กเกินไป (ต้องสูงอย่างน้อย ${MIN_HEIGHT_PX} พิกเซลจึงจะพิมพ์ได้คมชัด)` : `ใหญ่เกินไป (ไม่เกิน ${MAX_SIDE_PX} พิกเซล)`} กรุณาใช้รูปที่สูงประมาณ ๒๐๐ พิกเซล`,
    };
  const ratio = width / height;
  if (ratio < 0.5 || ratio > 1.5)
    return {
      ok: false,
      message: `รูปใน${file} กว้าง ${width} สูง ${height} พิกเซล ไม่ใช่สัดส่วนของตราครุฑ (กว้างใกล้เคียงกับสูง) กรุณาตัดรูปให้เหลือเฉพาะตราครุฑแล้วอัปโหลดใหม่`,
    };
  return { ok: true, image: { bytes, mimeType: header.mimeType, width, height } };
}

/** Base64 without padding ambiguity (RFC 4648), pure: Apps Script's Utilities is a service. */
const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

export function toBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += ALPHABET[(n >> 18) & 63] + ALPHABET[(n >> 12) & 63];
    out += i + 1 < bytes.length ? ALPHABET[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? ALPHABET[n & 63] : '=';
  }
  return out;
}

export function fromBase64(text: string): Uint8Array | null {
  const clean = text.replace(/[\s=]/g, '');
  if (/[^A-Za-z0-9+/]/.test(clean)) return null;
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let k = 0;
  for (const ch of clean) {
    value = (value << 6) | ALPHABET.indexOf(ch);
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[k++] = (value >> bits) & 0xff;
    }
  }
  return out.subarray(0, k);
}

/** Base64 in pieces of GARUDA_PIECE characters, each within a property value's 9 KB. */
export function pieces(base64: string): string[] {
  const out: string[] = [];
  for (let i = 0; i < base64.length; i += GARUDA_PIECE) out.push(base64.slice(i, i + GARUDA_PIECE));
  return out;
}
