/**
 * The office's Garuda, kept in the spreadsheet's document properties so that every editor's copy
 * of the add-on reads the same image (why not a Drive file: core/memo/garuda.ts). One
 * setProperties call writes the new pieces and the description that points to them, so a reader
 * sees the old image or the new one, never half of each; the old pieces go afterwards.
 */
import { checkGarudaUpload, fromBase64, pieces, toBase64 } from '../core/memo/garuda';
import type { GarudaImage } from '../core/memo';
import type { GarudaStatus, GarudaUploadResult } from '../shared/sidebar-api';

const META = 'itamemo.garuda';
const PIECE = (version: string, i: number) => `${META}.${version}.${i}`;

interface Meta {
  version: string;
  pieces: number;
  mimeType: 'image/png' | 'image/jpeg';
  width: number;
  height: number;
  bytes: number;
  by: string;
  /** ISO time of the upload. */
  at: string;
}

function props(): GoogleAppsScript.Properties.Properties {
  return PropertiesService.getDocumentProperties();
}

function readMeta(all: Record<string, string>): Meta | null {
  try {
    const meta = JSON.parse(all[META] ?? 'null') as Meta | null;
    return meta && typeof meta.version === 'string' && meta.pieces > 0 ? meta : null;
  } catch {
    return null;
  }
}

/** Checks and keeps an upload (`base64` of the file's bytes); a Thai message when refused. */
export function saveGaruda(base64: string, name: string, by: string): GarudaUploadResult {
  const bytes = fromBase64(String(base64 ?? ''));
  if (!bytes)
    return { ok: false, message: 'อ่านไฟล์ที่อัปโหลดไม่ได้ กรุณาเลือกไฟล์รูปตราครุฑ (PNG หรือ JPEG) อีกครั้ง' };
  const check = checkGarudaUpload(bytes, String(name ?? ''));
  if (!check.ok) return check;
  const store = props();
  const old = readMeta(store.getProperties());
  const version = String(Date.now());
  const parts = pieces(toBase64(bytes));
  const meta: Meta = {
    version,
    pieces: parts.length,
    mimeType: check.image.mimeType,
    width: check.image.width,
    height: check.image.height,
    bytes: bytes.length,
    by,
    at: new Date().toISOString(),
  };
  const values: Record<string, string> = { [META]: JSON.stringify(meta) };
  parts.forEach((p, i) => (values[PIECE(version, i)] = p));
  store.setProperties(values);
  if (old && old.version !== version)
    for (let i = 0; i < old.pieces; i++) store.deleteProperty(PIECE(old.version, i));
  return { ok: true, status: statusOf(meta) };
}

/** The image, or null when none was uploaded (or its pieces are incomplete). */
export function loadGaruda(): GarudaImage | null {
  const all = props().getProperties();
  const meta = readMeta(all);
  if (!meta) return null;
  let base64 = '';
  for (let i = 0; i < meta.pieces; i++) {
    const piece = all[PIECE(meta.version, i)];
    if (piece === undefined) return null;
    base64 += piece;
  }
  const bytes = fromBase64(base64);
  return bytes ? { bytes, mimeType: meta.mimeType, width: meta.width, height: meta.height } : null;
}

/** Whether the office has a Garuda, for the sidebar and the check (one property read). */
export function garudaStatus(): GarudaStatus {
  const meta = readMeta({ [META]: props().getProperty(META) ?? 'null' });
  return meta ? statusOf(meta) : { present: false };
}

function statusOf(meta: Meta): GarudaStatus {
  return {
    present: true,
    width: meta.width,
    height: meta.height,
    kilobytes: Math.ceil(meta.bytes / 1024),
    by: meta.by,
    at: meta.at,
  };
}
