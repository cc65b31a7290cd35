/**
 * Reads rendered PDFs back with pdf.js (pdfjs-dist), a reader independent of ours that needs
 * nothing but npm. pdf.js runs in a worker thread (pdf-worker.mjs); these functions block on it,
 * so tests read a PDF as plainly as a file. Each PDF is read once, on first use.
 */
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MessageChannel, Worker, receiveMessageOnPort } from 'node:worker_threads';

export interface TextBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  /** The baseline of the line's first glyph run, points from the page's top. */
  baseline: number;
  /** What a reader copies: the line's ActualText. */
  text: string;
  /** The text pdf.js reads from the glyphs themselves (through the font's ToUnicode map). */
  glyphs: string;
}

interface PdfContent {
  pages: { lines: TextBox[] }[];
  info: { Title: string; Pages: string };
  fonts: { name: string; embedded: boolean }[];
  /** Every image drawn: its page, size in pixels, and where (points, from the page's top left). */
  images: {
    page: number;
    width: number;
    height: number;
    box: { x: number; top: number; w: number; h: number };
  }[];
  /** Every dash pattern set (dotted and dashed rules), by page. */
  dashes: { page: number; dash: number[]; phase: number }[];
  /** Straight rules (a moveTo and a lineTo), from the page's top left in points, with their dash. */
  strokes: { page: number; dash: number[]; x0: number; y0: number; x1: number; y1: number }[];
  /** The image objects the file stores (an image drawn on many pages is stored once). */
  imageObjects: { object: number; width: number }[];
}

const READ_TIMEOUT_MS = 60_000;
const dir = mkdtempSync(join(tmpdir(), 'render-test-'));
let count = 0;
let worker: Worker | undefined;
let signal: Int32Array | undefined;
const read = new Map<string, PdfContent>();

afterAll(async () => {
  rmSync(dir, { recursive: true, force: true });
  await worker?.terminate();
  worker = undefined;
});

/** Writes the PDF to a temporary file and returns its path. */
export function pdfFile(bytes: Uint8Array): string {
  const file = join(dir, `doc-${++count}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

function content(file: string): PdfContent {
  const known = read.get(file);
  if (known) return known;
  if (!worker || !signal) {
    signal = new Int32Array(new SharedArrayBuffer(4));
    worker = new Worker(join(__dirname, 'pdf-worker.mjs'), { workerData: { signal } });
    worker.unref();
  }
  const { port1, port2 } = new MessageChannel();
  Atomics.store(signal, 0, 0);
  const bytes = readFileSync(file);
  worker.postMessage({ bytes, port: port2 }, [port2]);
  if (Atomics.wait(signal, 0, 0, READ_TIMEOUT_MS) === 'timed-out') {
    throw new Error(`pdf.js did not read ${file} within ${READ_TIMEOUT_MS} ms`);
  }
  const reply = receiveMessageOnPort(port1)?.message as
    { ok: PdfContent; error?: undefined } | { error: string };
  port1.close();
  if (!reply || reply.error !== undefined) throw new Error(`pdf.js: ${reply?.error}`);
  read.set(file, reply.ok);
  return reply.ok;
}

/** The text of a page range (all pages by default), one drawn line per line. */
export function pdfText(file: string, first?: number, last?: number): string {
  const pages = content(file).pages;
  const from = first ?? 1;
  const to = first ? (last ?? first) : pages.length;
  return pages
    .slice(from - 1, to)
    .map((p) => `${p.lines.map((l) => l.text).join('\n')}\n`)
    .join('\f');
}

export function pdfInfo(file: string): PdfContent['info'] {
  return content(file).info;
}

export function pdfFonts(file: string): PdfContent['fonts'] {
  return content(file).fonts;
}

export function pdfImages(file: string): PdfContent['images'] {
  return content(file).images;
}

export function pdfDashes(file: string): PdfContent['dashes'] {
  return content(file).dashes;
}

export function pdfStrokes(file: string): PdfContent['strokes'] {
  return content(file).strokes;
}

export function pdfImageObjects(file: string): PdfContent['imageObjects'] {
  return content(file).imageObjects;
}

/** One box per text line as drawn (the renderer marks each line as one span). */
export function lineBoxes(file: string): TextBox[] {
  return content(file).pages.flatMap((p) => p.lines);
}

/** The body's text in drawing order, line by line, leaving out what lies in the top margin. */
export function bodyText(file: string, marginTop: number): string {
  return lineBoxes(file)
    .filter((b) => b.yMin >= marginTop - 1)
    .map((b) => b.text)
    .join('\n');
}

/** Text without any whitespace: line breaks may fall anywhere in Thai. */
export const squash = (s: string) => s.replace(/\s+/g, '');
