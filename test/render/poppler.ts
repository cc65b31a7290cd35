/** Reads rendered PDFs back with poppler (Debian poppler-utils), a reader independent of ours. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const dir = mkdtempSync(join(tmpdir(), 'render-test-'));
let count = 0;
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Writes the PDF to a temporary file and returns its path. */
export function pdfFile(bytes: Uint8Array): string {
  const file = join(dir, `doc-${++count}.pdf`);
  writeFileSync(file, bytes);
  return file;
}

function run(tool: string, args: string[]): string {
  try {
    return execFileSync(tool, args, { encoding: 'utf8' });
  } catch (err) {
    const e = err as NodeJS.ErrnoException;
    if (e.code === 'ENOENT') {
      throw new Error(`${tool} is missing: apt-get install poppler-utils`, { cause: err });
    }
    throw err;
  }
}

export function pdfText(file: string, first?: number, last?: number): string {
  const range = first ? ['-f', String(first), '-l', String(last ?? first)] : [];
  return run('pdftotext', [...range, file, '-']);
}

export function pdfInfo(file: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const line of run('pdfinfo', [file]).split('\n')) {
    const m = /^([^:]+):\s*(.*)$/.exec(line);
    if (m) out[m[1].trim()] = m[2].trim();
  }
  return out;
}

export function pdfFonts(file: string): { name: string; embedded: boolean }[] {
  return run('pdffonts', [file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      // name type... encoding emb sub uni object ID
      return { name: cols[0], embedded: cols[cols.length - 5] === 'yes' };
    });
}

/** Every image drawn: its page and the PDF object that holds it. */
export function pdfImages(file: string): { page: number; object: number; width: number }[] {
  return run('pdfimages', ['-list', file])
    .split('\n')
    .slice(2)
    .filter((l) => l.trim())
    .map((l) => {
      const cols = l.trim().split(/\s+/);
      return { page: +cols[0], width: +cols[3], object: +cols[10] };
    });
}

export interface TextBox {
  page: number;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
  text: string;
}

/** One box per text line as drawn (our ActualText spans make each line one word for poppler). */
export function lineBoxes(file: string): TextBox[] {
  const html = run('pdftotext', ['-bbox-layout', file, '-']);
  const boxes: TextBox[] = [];
  let page = 0;
  const re =
    /<page |<line xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([\s\S]*?)<\/line>/g;
  for (let m = re.exec(html); m; m = re.exec(html)) {
    if (m[0].startsWith('<page')) {
      page++;
      continue;
    }
    const text = [...m[5].matchAll(/<word[^>]*>([\s\S]*?)<\/word>/g)]
      .map((w) => unescapeXml(w[1]))
      .join(' ');
    boxes.push({ page, xMin: +m[1], yMin: +m[2], xMax: +m[3], yMax: +m[4], text });
  }
  return boxes;
}

function unescapeXml(s: string): string {
  return s.replace(
    /&(amp|lt|gt|quot|apos|#39);/g,
    (_, e: string) => ({ amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", '#39': "'" })[e] ?? '',
  );
}

/**
 * The body's text in reading order, line by line, leaving out what lies in the top margin (the
 * header) and not joining hyphenated line ends as plain pdftotext does.
 */
export function bodyText(file: string, marginTop: number): string {
  return lineBoxes(file)
    .filter((b) => b.yMin >= marginTop - 1)
    .map((b) => b.text)
    .join('\n');
}

/** Text without any whitespace: line breaks may fall anywhere in Thai. */
export const squash = (s: string) => s.replace(/\s+/g, '');
