/**
 * Sarabun inside a pdfkit document: embedding, measuring, and writing shaped glyphs.
 *
 * pdfkit's own text() lays out and justifies by itself; we need glyphs placed exactly where our
 * layout says, with extra space between Thai clusters that must not move marks off their base
 * (characterSpacing would). So text is written here as PDF text operators from the glyphs and
 * positions that pdfkit's embedded font (fontkit, with Sarabun's GSUB/GPOS) produces. This uses
 * pdfkit 0.20's EmbeddedFont (encode, id, ref) and page font resources, which its typings do not
 * declare: the shapes are checked at run time and the tests read the result back with pdf.js.
 */
import type { Face } from './fonts';
import { fontBuffer } from './fonts';
import type { Measurer } from './layout';
import { shapingSegments } from './thai-breaking';

interface GlyphPosition {
  xAdvance: number;
  yAdvance: number;
  xOffset: number;
  yOffset: number;
  advanceWidth: number;
}

interface FontkitFont {
  hasGlyphForCodePoint(codePoint: number): boolean;
}

/** pdfkit 0.20's EmbeddedFont, as far as we use it (units of 1/1000 em). */
interface EmbeddedFont {
  id: string;
  font: FontkitFont;
  encode(text: string): [string[], GlyphPosition[]];
  widthOfString(text: string, size: number): number;
  ref(): unknown;
}

interface DocInternals {
  _font: EmbeddedFont | null;
  page: { fonts: Record<string, unknown>; height: number };
  addContent(data: string): unknown;
}

/** Parsed fonts outlive documents: fontkit caches glyphs and shaping tables on them. */
const parsedFonts = new Map<Face, FontkitFont>();
const coverage = new Map<Face, Map<number, boolean>>();
/**
 * Advance widths of shaped segments (1/1000 em) by face, across documents: a process that
 * renders many memos (or warms up on the template's own text) shapes each word once.
 */
const widths = new Map<string, number>();
const MAX_WIDTHS = 100_000;
/**
 * pdfkit's per-font cache of shaped text (glyph runs scaled to 1/1000 em), shared by every
 * document of a face: the runs depend on the font alone, and the subset ids are assigned later
 * when a run is encoded, per document.
 */
const layoutCaches = new Map<Face, Record<string, unknown>>();

/** Stand-ins for symbols Sarabun lacks (it would draw the .notdef box). */
const FALLBACK: Record<string, string> = {
  '●': '•',
  '◉': '•',
  '‣': '•',
  '⁃': '-',
  '○': 'o',
  '◯': 'o',
  '◦': 'o',
  '▪': '■',
  '◾': '■',
  '◼': '■',
  '□': '[ ]',
  '◻': '[ ]',
  '☐': '[ ]',
  '▫': '[ ]',
  '☑': '[√]',
  '☒': '[×]',
  '✓': '√',
  '✔': '√',
  '✗': '×',
  '✘': '×',
  '▸': '›',
  '►': '›',
  '‑': '-',
  '‛': '‘',
  '‟': '“',
  '⋯': '…',
};

const ALWAYS_COVERED = /^[\u0020-\u007e\u00a0\u0e01-\u0e3a\u0e3f-\u0e5b]*$/;

export class PdfFonts implements Measurer {
  private readonly embedded = new Map<Face, EmbeddedFont>();

  constructor(private readonly doc: PDFKit.PDFDocument) {}

  font(face: Face): EmbeddedFont {
    let ef = this.embedded.get(face);
    if (ef) return ef;
    const src = parsedFonts.get(face) ?? fontBuffer(face);
    // pdfkit accepts a parsed fontkit font wherever it takes font bytes.
    this.doc.registerFont(face, src as Buffer);
    this.doc.font(face);
    const current = (this.doc as unknown as DocInternals)._font;
    if (!current || typeof current.encode !== 'function' || !current.font || !current.id) {
      throw new Error('Unsupported pdfkit version: its embedded font API has changed.');
    }
    ef = current;
    let shared = layoutCaches.get(face);
    if (!shared || Object.keys(shared).length > MAX_WIDTHS) {
      shared = Object.create(null) as Record<string, unknown>;
      layoutCaches.set(face, shared);
    }
    (ef as unknown as { layoutCache: Record<string, unknown> }).layoutCache = shared;
    parsedFonts.set(face, ef.font);
    this.embedded.set(face, ef);
    return ef;
  }

  width(text: string, face: Face, size: number): number {
    let units = 0;
    for (const segment of shapingSegments(text)) {
      const key = `${face}\u0000${segment}`;
      let w = widths.get(key);
      if (w === undefined) {
        w = this.font(face).widthOfString(segment, 1000);
        if (widths.size >= MAX_WIDTHS) widths.clear();
        widths.set(key, w);
      }
      units += w;
    }
    return (units * size) / 1000;
  }

  displayable(text: string, face: Face): string {
    if (ALWAYS_COVERED.test(text)) return text;
    const font = this.font(face).font;
    let known = coverage.get(face);
    if (!known) {
      known = new Map();
      coverage.set(face, known);
    }
    const covered = (cp: number) => {
      let yes = known.get(cp);
      if (yes === undefined) {
        yes = font.hasGlyphForCodePoint(cp);
        known.set(cp, yes);
      }
      return yes;
    };
    let out = '';
    for (const ch of text) {
      const cp = ch.codePointAt(0)!;
      if (covered(cp) || /\p{M}/u.test(ch)) {
        out += ch;
        continue;
      }
      const sub =
        FALLBACK[ch] ??
        [...ch.normalize('NFKD')].filter((c) => covered(c.codePointAt(0)!)).join('');
      out += sub || '?';
    }
    return out;
  }
}

const num = (v: number) => String(Math.round(v * 100) / 100);

/**
 * Writes text at a baseline. `segments` are drawn one after another; `extra[i]` (points) is
 * added after segment i, which is how justified lines spread their clusters. A segment is shaped
 * as a whole, so a grapheme cluster keeps its marks in place.
 *
 * Everything goes into one TJ array: kerning, GPOS mark offsets along the line and extra space
 * are all displacements between glyphs. pdfkit's page space is flipped (origin top left), so the
 * text matrix flips back (d = -1) instead of wrapping each string in a transform.
 */
export function drawGlyphs(
  doc: PDFKit.PDFDocument,
  font: EmbeddedFont,
  size: number,
  x: number,
  baseline: number,
  segments: string[],
  extra?: number[],
): void {
  const internals = doc as unknown as DocInternals;
  const page = internals.page;
  if (page.fonts[font.id] == null) page.fonts[font.id] = font.ref();
  const perUnit = 1000 / size;
  const scale = size / 1000;
  const out: string[] = [`BT /${font.id} ${num(size)} Tf 1 0 0 -1 ${num(x)} ${num(baseline)} Tm`];
  let array = '';
  let hex = '';
  /** Displacement (1/1000 em, positive: rightwards) owed before the next glyph. */
  let shift = 0;
  /** Pen position relative to x, in 1/1000 em, for glyphs that need their own text matrix. */
  let pen = 0;
  const flushHex = () => {
    if (hex) array += `<${hex}>`;
    hex = '';
  };
  const flushArray = () => {
    flushHex();
    if (array) out.push(`[${array}] TJ`);
    array = '';
  };
  const move = (units: number) => {
    if (Math.abs(units) < 0.005) return;
    flushHex();
    array += ` ${num(-units)} `;
  };
  for (let s = 0; s < segments.length; s++) {
    const [glyphs, positions] = font.encode(segments[s]);
    const last = glyphs.length - 1;
    for (let i = 0; i <= last; i++) {
      const pos = positions[i];
      const advance = pos.xAdvance + (i === last && extra ? (extra[s] ?? 0) * perUnit : 0);
      if (pos.yOffset) {
        // A mark raised or lowered by GPOS: give it its own text matrix, then return.
        flushArray();
        const gx = x + (pen + pos.xOffset) * scale;
        out.push(`1 0 0 -1 ${num(gx)} ${num(baseline - pos.yOffset * scale)} Tm <${glyphs[i]}> Tj`);
        pen += advance;
        out.push(`1 0 0 -1 ${num(x + pen * scale)} ${num(baseline)} Tm`);
        shift = 0;
        continue;
      }
      move(shift + pos.xOffset);
      hex += glyphs[i];
      shift = advance - pos.advanceWidth - pos.xOffset;
      pen += advance;
    }
  }
  flushArray();
  out.push('ET');
  internals.addContent(out.join('\n'));
}
