// zlib (RFC 1950) around deflate (RFC 1951): LZ77 with hash chains, coded with the fixed Huffman
// tables. That is enough for chart images, which are mostly flat colour: after PNG filtering a
// row is long runs of one byte, which become 258-byte matches of about 14 bits each. Data that
// does not compress (random bytes) falls back to stored blocks, so output never grows by more
// than a few bytes per 64 KB.

const WINDOW = 32768;
const MIN_MATCH = 3;
const MAX_MATCH = 258;
const HASH_BITS = 15;
const HASH_SIZE = 1 << HASH_BITS;
/** Candidates tried per position: bounds the time on repetitive data. */
const MAX_CHAIN = 48;
/** Longer matches are not indexed position by position. */
const MAX_INSERT = 32;

interface Tables {
  /** Per length symbol 257–285 (index 0–28): base length and extra bits (RFC 1951 3.2.5). */
  lengthBase: number[];
  lengthExtra: number[];
  /** Per distance code 0–29: base distance and extra bits. */
  distBase: number[];
  distExtra: number[];
  /** Fixed literal/length code per symbol 0–287, bit-reversed for LSB-first output. */
  litCode: Uint16Array;
  litLen: Uint8Array;
  /** Length 3–258 → length symbol index (0–28); distance 1–32768 → distance code. */
  lengthSymbol: Uint8Array;
  distCode: Uint8Array;
  /** Distance code 0–29 as 5 reversed bits. */
  distBits: Uint8Array;
}

let tables: Tables | undefined;

function reverseBits(code: number, len: number): number {
  let r = 0;
  for (let i = 0; i < len; i++) {
    r = (r << 1) | ((code >>> i) & 1);
  }
  return r;
}

function buildTables(): Tables {
  const lengthExtra: number[] = [];
  const lengthBase: number[] = [];
  for (let i = 0, base = 3; i < 28; i++) {
    lengthExtra.push(i < 8 ? 0 : (i >> 2) - 1);
    lengthBase.push(base);
    base += 1 << lengthExtra[i];
  }
  lengthExtra.push(0);
  lengthBase.push(MAX_MATCH);
  const distExtra: number[] = [];
  const distBase: number[] = [];
  for (let i = 0, base = 1; i < 30; i++) {
    distExtra.push(i < 4 ? 0 : (i >> 1) - 1);
    distBase.push(base);
    base += 1 << distExtra[i];
  }
  const litCode = new Uint16Array(288);
  const litLen = new Uint8Array(288);
  for (let s = 0; s < 288; s++) {
    let code: number;
    let len: number;
    if (s < 144) [code, len] = [0x30 + s, 8];
    else if (s < 256) [code, len] = [0x190 + s - 144, 9];
    else if (s < 280) [code, len] = [s - 256, 7];
    else [code, len] = [0xc0 + s - 280, 8];
    litCode[s] = reverseBits(code, len);
    litLen[s] = len;
  }
  const lengthSymbol = new Uint8Array(MAX_MATCH + 1);
  for (let i = 0; i < 29; i++) {
    const end = i < 28 ? lengthBase[i + 1] : MAX_MATCH + 1;
    for (let l = lengthBase[i]; l < end; l++) lengthSymbol[l] = i;
  }
  lengthSymbol[MAX_MATCH] = 28;
  const distCode = new Uint8Array(WINDOW + 1);
  for (let i = 0; i < 30; i++) {
    const end = i < 29 ? distBase[i + 1] : WINDOW + 1;
    for (let d = distBase[i]; d < end; d++) distCode[d] = i;
  }
  const distBits = new Uint8Array(30);
  for (let i = 0; i < 30; i++) distBits[i] = reverseBits(i, 5);
  return {
    lengthBase,
    lengthExtra,
    distBase,
    distExtra,
    litCode,
    litLen,
    lengthSymbol,
    distCode,
    distBits,
  };
}

/** LSB-first bit writer into a growing byte buffer. */
class BitWriter {
  private buf: Uint8Array;
  private pos = 0;
  private acc = 0;
  private nbits = 0;

  constructor(capacity: number) {
    this.buf = new Uint8Array(Math.max(64, capacity));
  }

  bits(value: number, count: number): void {
    this.acc |= value << this.nbits;
    this.nbits += count;
    while (this.nbits >= 8) {
      if (this.pos === this.buf.length) this.grow();
      this.buf[this.pos++] = this.acc & 0xff;
      this.acc >>>= 8;
      this.nbits -= 8;
    }
  }

  /** Pads to a byte boundary, then appends raw bytes. */
  bytes(data: Uint8Array): void {
    if (this.nbits > 0) this.bits(0, 8 - this.nbits);
    while (this.pos + data.length > this.buf.length) this.grow();
    this.buf.set(data, this.pos);
    this.pos += data.length;
  }

  finish(): Uint8Array {
    if (this.nbits > 0) this.bits(0, 8 - this.nbits);
    return this.buf.subarray(0, this.pos);
  }

  private grow(): void {
    const next = new Uint8Array(this.buf.length * 2);
    next.set(this.buf);
    this.buf = next;
  }
}

/** Compresses `data` into one final fixed-Huffman block. */
function fixedBlock(data: Uint8Array, out: BitWriter): void {
  const t = tables ?? (tables = buildTables());
  const { lengthBase, lengthExtra, distBase, distExtra } = t;
  const { litCode, litLen, lengthSymbol, distCode, distBits } = t;
  const n = data.length;
  const head = new Int32Array(HASH_SIZE).fill(-1);
  const prev = new Int32Array(WINDOW);
  const hashAt = (i: number): number =>
    (((data[i] << 10) ^ (data[i + 1] << 5) ^ data[i + 2]) * 0x9e5) & (HASH_SIZE - 1);
  const insert = (i: number): void => {
    if (i + MIN_MATCH > n) return;
    const h = hashAt(i);
    prev[i & (WINDOW - 1)] = head[h];
    head[h] = i;
  };

  out.bits(1, 1); // BFINAL
  out.bits(1, 2); // BTYPE 01: fixed Huffman
  let i = 0;
  while (i < n) {
    let bestLen = 0;
    let bestDist = 0;
    if (i + MIN_MATCH <= n) {
      const maxLen = Math.min(MAX_MATCH, n - i);
      let cand = head[hashAt(i)];
      let chain = MAX_CHAIN;
      while (cand >= 0 && i - cand <= WINDOW && chain-- > 0) {
        // Check the byte just past the best match first: most candidates fail there.
        if (data[cand + bestLen] === data[i + bestLen] && data[cand] === data[i]) {
          let len = 0;
          while (len < maxLen && data[cand + len] === data[i + len]) len++;
          if (len > bestLen) {
            bestLen = len;
            bestDist = i - cand;
            if (len === maxLen) break;
          }
        }
        cand = prev[cand & (WINDOW - 1)];
      }
    }
    if (bestLen >= MIN_MATCH) {
      const ls = lengthSymbol[bestLen];
      const sym = 257 + ls;
      out.bits(litCode[sym], litLen[sym]);
      if (lengthExtra[ls] > 0) out.bits(bestLen - lengthBase[ls], lengthExtra[ls]);
      const dc = distCode[bestDist];
      out.bits(distBits[dc], 5);
      if (distExtra[dc] > 0) out.bits(bestDist - distBase[dc], distExtra[dc]);
      // Index every position of a short match; of a long one (a flat run) only its end, as
      // zlib's fast mode does: runs are found again from any earlier copy.
      if (bestLen <= MAX_INSERT) {
        for (const end = i + bestLen; i < end; i++) insert(i);
      } else {
        i += bestLen;
        insert(i - 2);
        insert(i - 1);
      }
    } else {
      const b = data[i];
      out.bits(litCode[b], litLen[b]);
      insert(i);
      i++;
    }
  }
  out.bits(litCode[256], litLen[256]); // end of block
}

/** Stored (uncompressed) blocks of at most 65535 bytes each. */
function storedBlocks(data: Uint8Array, out: BitWriter): void {
  let i = 0;
  do {
    const len = Math.min(65535, data.length - i);
    const final = i + len >= data.length ? 1 : 0;
    out.bits(final, 1);
    out.bits(0, 2);
    const header = new Uint8Array([len & 0xff, len >>> 8, ~len & 0xff, (~len >>> 8) & 0xff]);
    out.bytes(header);
    out.bytes(data.subarray(i, i + len));
    i += len;
  } while (i < data.length);
}

export function adler32(data: Uint8Array): number {
  let a = 1;
  let b = 0;
  // 5552 is the largest run before b can overflow 2^32 (as in zlib).
  for (let i = 0; i < data.length;) {
    const end = Math.min(i + 5552, data.length);
    for (; i < end; i++) {
      a += data[i];
      b += a;
    }
    a %= 65521;
    b %= 65521;
  }
  return ((b << 16) | a) >>> 0;
}

/** Raw deflate stream (no zlib header). */
export function deflateRaw(data: Uint8Array): Uint8Array {
  const out = new BitWriter((data.length >>> 3) + 1024);
  fixedBlock(data, out);
  const compressed = out.finish();
  const storedSize = data.length + 5 * Math.max(1, Math.ceil(data.length / 65535));
  if (compressed.length <= storedSize) return compressed;
  const stored = new BitWriter(storedSize + 8);
  storedBlocks(data, stored);
  return stored.finish();
}

/** A zlib stream: header (deflate, 32 KB window, no dictionary), deflate data, Adler-32. */
export function zlibCompress(data: Uint8Array): Uint8Array {
  const body = deflateRaw(data);
  const out = new Uint8Array(body.length + 6);
  out[0] = 0x78; // CM 8 (deflate), CINFO 7 (32 KB window)
  out[1] = 0x01; // no dictionary, lowest level hint; (0x78 << 8 | 0x01) % 31 === 0
  out.set(body, 2);
  const sum = adler32(data);
  const end = out.length - 4;
  out[end] = sum >>> 24;
  out[end + 1] = (sum >>> 16) & 0xff;
  out[end + 2] = (sum >>> 8) & 0xff;
  out[end + 3] = sum & 0xff;
  return out;
}
