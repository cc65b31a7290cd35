/**
 * The DOCX's font: Sarabun drawn at TH Sarabun's scale, named "Sarabun TH".
 *
 * Thai government PCs have TH SarabunPSK, and the official sizes are TH Sarabun's (body 16 pt,
 * labels 20, the title 29). Sarabun, the Google font the memo is written in, is the same design
 * drawn about 1.45× larger per point, so the Doc says "Sarabun 11" where the form says 16. A DOCX
 * carrying Sarabun 11 looks right until an office selects everything and applies TH SarabunPSK:
 * then the text keeps 11 pt and looks like 7.6 pt. So the DOCX carries the official sizes (11 pt
 * Sarabun becomes 16 pt) in a copy of Sarabun whose em is 1.45 times larger (head.unitsPerEm
 * 1000 → 1450: every outline and metric is in font units, so everything shrinks alike), named
 * "Sarabun TH" and embedded: it prints like the PDF where no TH font is installed, and applying
 * TH SarabunPSK changes the typeface, not the size.
 *
 * OFL 1.1 allows modified versions; Sarabun declares no Reserved Font Name, and the copyright and
 * licence records of the name table are kept.
 */
import { type Face, fontBuffer, TH_SARABUN_SCALE } from './fonts';

export const DOCX_FAMILY = 'Sarabun TH';

const SUBFAMILY: Record<Face, string> = {
  regular: 'Regular',
  bold: 'Bold',
  italic: 'Italic',
  boldItalic: 'Bold Italic',
};

const scaled = new Map<Face, Uint8Array>();

/** The face as "Sarabun TH" at TH Sarabun's scale (cached per process). */
export function thScaleFont(face: Face): Uint8Array {
  let out = scaled.get(face);
  if (!out) {
    out = rebuild(fontBuffer(face), face);
    scaled.set(face, out);
  }
  return out;
}

interface Table {
  tag: string;
  data: Buffer;
}

function readTables(font: Buffer): Table[] {
  const count = font.readUInt16BE(4);
  const tables: Table[] = [];
  for (let i = 0; i < count; i++) {
    const at = 12 + i * 16;
    const offset = font.readUInt32BE(at + 8);
    const length = font.readUInt32BE(at + 12);
    tables.push({
      tag: font.toString('latin1', at, at + 4),
      data: Buffer.from(font.subarray(offset, offset + length)),
    });
  }
  return tables;
}

function checksum(data: Buffer): number {
  const padded = Buffer.alloc((data.length + 3) & ~3);
  data.copy(padded);
  let sum = 0;
  for (let i = 0; i < padded.length; i += 4) sum = (sum + padded.readUInt32BE(i)) >>> 0;
  return sum;
}

/** The name table with the family, full and PostScript names replaced (format 0). */
function renamed(name: Buffer, face: Face): Buffer {
  const count = name.readUInt16BE(2);
  const storage = name.readUInt16BE(4);
  const full = face === 'regular' ? DOCX_FAMILY : `${DOCX_FAMILY} ${SUBFAMILY[face]}`;
  const replace: Record<number, string> = {
    1: DOCX_FAMILY,
    3: `${full};ITA Memo`,
    4: full,
    6: `SarabunTH-${SUBFAMILY[face].replace(/ /g, '')}`,
    16: DOCX_FAMILY,
  };
  const records: { head: Buffer; text: Buffer }[] = [];
  for (let i = 0; i < count; i++) {
    const at = 6 + i * 12;
    const platform = name.readUInt16BE(at);
    const id = name.readUInt16BE(at + 6);
    const length = name.readUInt16BE(at + 8);
    const offset = name.readUInt16BE(at + 10);
    let text = Buffer.from(name.subarray(storage + offset, storage + offset + length));
    if (replace[id] !== undefined) {
      text =
        platform === 3 || platform === 0
          ? Buffer.from(replace[id], 'utf16le').swap16()
          : Buffer.from(replace[id], 'latin1');
    }
    records.push({ head: Buffer.from(name.subarray(at, at + 12)), text });
  }
  const head = Buffer.alloc(6 + records.length * 12);
  head.writeUInt16BE(0, 0);
  head.writeUInt16BE(records.length, 2);
  head.writeUInt16BE(head.length, 4);
  let offset = 0;
  records.forEach((r, i) => {
    r.head.writeUInt16BE(r.text.length, 8);
    r.head.writeUInt16BE(offset, 10);
    r.head.copy(head, 6 + i * 12);
    offset += r.text.length;
  });
  return Buffer.concat([head, ...records.map((r) => r.text)]);
}

function rebuild(font: Buffer, face: Face): Uint8Array {
  const tables = readTables(font).map((t) => {
    if (t.tag === 'head') {
      const data = Buffer.from(t.data);
      data.writeUInt16BE(Math.round(data.readUInt16BE(18) * TH_SARABUN_SCALE), 18);
      data.writeUInt32BE(0, 8); // checkSumAdjustment, set below
      return { tag: t.tag, data };
    }
    if (t.tag === 'name') return { tag: t.tag, data: renamed(t.data, face) };
    return t;
  });
  const count = tables.length;
  const header = Buffer.alloc(12 + count * 16);
  font.copy(header, 0, 0, 12);
  let offset = header.length;
  const bodies: Buffer[] = [];
  tables.forEach((t, i) => {
    const at = 12 + i * 16;
    header.write(t.tag, at, 'latin1');
    header.writeUInt32BE(checksum(t.data), at + 4);
    header.writeUInt32BE(offset, at + 8);
    header.writeUInt32BE(t.data.length, at + 12);
    const padded = Buffer.alloc((t.data.length + 3) & ~3);
    t.data.copy(padded);
    bodies.push(padded);
    offset += padded.length;
  });
  const out = Buffer.concat([header, ...bodies]);
  // head.checkSumAdjustment: 0xB1B0AFBA minus the sum of the whole font (OpenType spec, 'head').
  const headIndex = tables.findIndex((t) => t.tag === 'head');
  const headOffset = header.readUInt32BE(12 + headIndex * 16 + 8);
  out.writeUInt32BE((0xb1b0afba - checksum(out)) >>> 0, headOffset + 8);
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}
