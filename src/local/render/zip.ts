/**
 * The .docx container: the core's ZIP writer (src/core/zip.ts, which the add-on uses in Apps
 * Script) with Node's zlib, which compresses better and faster than the core's fixed-Huffman
 * deflate.
 */
import { deflateRawSync } from 'node:zlib';
import { zip as coreZip, type ZipEntry } from '../../core/zip';

export type { ZipEntry };

export function zip(entries: ZipEntry[]): Uint8Array {
  return coreZip(entries, (data) => deflateRawSync(data));
}
