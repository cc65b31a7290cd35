/**
 * DocModel → PDF, synchronously (Document.getAs is a synchronous Apps Script call): our own
 * layout (layout.ts, flow.ts), paginated here and drawn with pdfkit.
 */
import PDFDocument from 'pdfkit';
import type { BlockNode, Border, DocModel } from '../docmodel';
import type { Line, Piece, TextPiece } from './layout';
import {
  type LayoutContext,
  type RowLayout,
  type TableLayout,
  type VItem,
  itemHeight,
  layoutBlock,
  PX,
  releaseRow,
} from './flow';
import { MIN_COLUMN, pageGeometry } from './geometry';
import { pdfImageBytesFromBase64 } from './images';
import { ListCounters, toThaiDigits } from './lists';
import { PdfFonts, drawGlyphs } from './pdf-fonts';
import { RunStyles } from './styles';
import { requireThaiSegmenter, shapingSegments } from './thai-breaking';

/** Distance of the header's top and the footer's bottom from the page edge (Docs: 0.5 in). */
const HEADER_FOOTER_OFFSET = 36;
const EPSILON = 0.01;
/** Longest run of kept-together items looked at before giving up on keeping them together. */
const MAX_KEEP_CHAIN = 200;

export function renderPdf(model: DocModel): Uint8Array {
  requireThaiSegmenter();
  return new PdfRenderer(model).render();
}

/** Blocks laid out on demand, so that lookahead (keep with next) and page numbers agree. */
class ItemStream {
  private readonly buffer: VItem[] = [];
  private next = 0;

  constructor(
    private readonly blocks: BlockNode[],
    private readonly layout: (block: BlockNode) => VItem[],
  ) {}

  peek(k: number): VItem | undefined {
    while (this.buffer.length <= k && this.next < this.blocks.length) {
      this.buffer.push(...this.layout(this.blocks[this.next++]));
    }
    return this.buffer[k];
  }

  shift(): VItem | undefined {
    this.peek(0);
    return this.buffer.shift();
  }
}

type Slice = [from: number, to: number];

/** pdfkit's opened image (drawn again without re-embedding). */
interface PdfImage {
  width: number;
  height: number;
}

class PdfRenderer {
  private readonly doc: PDFKit.PDFDocument;
  private readonly fonts: PdfFonts;
  private readonly styles = new RunStyles();
  private readonly images = new Map<string, PdfImage | null>();
  private readonly thaiDigits: boolean;
  private readonly width: number;
  private readonly height: number;
  private readonly left: number;
  private readonly column: number;
  private readonly marginTop: number;
  private readonly marginBottom: number;
  private page = 0;
  /**
   * The current section: its first page (counted from 1 in the file), the number that page
   * shows, and whether it shows the first-page header and footer. The first section is the
   * document's (Docs' DocumentStyle: numbered from 1, "different first page").
   */
  private section = { firstPage: 1, numberStart: 1, differentFirst: false };
  private y = 0;
  private bodyTop = 0;
  private bodyBottom = 0;
  /** Nothing drawn on the page yet. */
  private atTop = true;
  /** The page began at a manual page break (spacing before is kept there). */
  private manualTop = false;
  private fill = '';

  constructor(private readonly model: DocModel) {
    const page = pageGeometry(model);
    this.width = page.width;
    this.height = page.height;
    this.left = page.marginLeft;
    this.column = page.column;
    this.marginTop = page.marginTop;
    this.marginBottom = page.marginBottom;
    this.thaiDigits = model.pageNumberDigits === 'thai';
    this.section.differentFirst = !!model.differentFirstPage;
    this.doc = new PDFDocument({
      autoFirstPage: false,
      // No default font: pdfkit would parse Helvetica's metrics for nothing.
      font: null as unknown as string,
      lang: 'th',
      displayTitle: true,
      pdfVersion: '1.7',
      info: { Title: model.title || 'Untitled', Creator: 'ITA Memo' },
    });
    this.fonts = new PdfFonts(this.doc);
  }

  render(): Uint8Array {
    const ctx = this.context(new ListCounters(this.thaiDigits));
    const stream = new ItemStream(this.model.body, (b) => layoutBlock(b, this.column, ctx));
    // The first page keeps spacing before its first paragraph, as a page after a manual break does.
    this.newPage(true);
    let prev: VItem | undefined;
    for (let item = stream.shift(); item; item = stream.shift()) {
      this.place(item, prev, stream);
      prev = item;
    }
    this.doc.end();
    return this.drain();
  }

  private context(lists: ListCounters): LayoutContext {
    return {
      model: this.model,
      measurer: this.fonts,
      styles: this.styles,
      lists,
      pageNumber: () => this.pageNumberText(),
      maxImageHeight: Math.max(this.height - this.marginTop - this.marginBottom, MIN_COLUMN),
    };
  }

  private pageNumberText(): string {
    const { firstPage, numberStart } = this.section;
    const n = String(Math.max(numberStart + this.page - firstPage, 0));
    return this.thaiDigits ? toThaiDigits(n) : n;
  }

  /** pdfkit writes everything synchronously once images are plain: collect what it pushed. */
  private drain(): Uint8Array {
    const chunks: Buffer[] = [];
    for (let chunk = this.doc.read() as Buffer | null; chunk; chunk = this.doc.read()) {
      chunks.push(chunk);
    }
    const out = Buffer.concat(chunks);
    if (!out.subarray(-8).toString('latin1').includes('%%EOF')) {
      throw new Error('The PDF was not finished synchronously.');
    }
    return new Uint8Array(out.buffer, out.byteOffset, out.length);
  }

  // ---- pages ----

  private newPage(manual: boolean): void {
    this.doc.addPage({ size: [this.width, this.height], margin: 0 });
    this.page++;
    this.fill = '';
    let bodyTop = this.marginTop;
    let bodyBottom = this.height - this.marginBottom;
    // Docs' "different first page": a section's first page has its own header and footer (the
    // document's first-page ones: a later section inherits them), or none.
    const first = this.page === this.section.firstPage && this.section.differentFirst;
    const header = first ? this.model.firstPageHeader : this.model.header;
    const footer = first ? this.model.firstPageFooter : this.model.footer;
    if (header?.length) {
      const items = this.layoutFurniture(header);
      const top = Math.min(HEADER_FOOTER_OFFSET, this.marginTop / 2);
      this.drawItems(items, this.left, top);
      bodyTop = Math.max(bodyTop, top + sum(items));
    }
    if (footer?.length) {
      const items = this.layoutFurniture(footer);
      const top = this.height - Math.min(HEADER_FOOTER_OFFSET, this.marginBottom / 2) - sum(items);
      this.drawItems(items, this.left, Math.max(top, 0));
      bodyBottom = Math.min(bodyBottom, top);
    }
    this.bodyTop = bodyTop;
    this.bodyBottom = Math.max(bodyBottom, bodyTop + MIN_COLUMN / 2);
    this.y = bodyTop;
    this.atTop = true;
    this.manualTop = manual;
  }

  /** Header and footer are laid out per page: they may show its number. */
  private layoutFurniture(blocks: BlockNode[]): VItem[] {
    const ctx = this.context(new ListCounters(this.thaiDigits));
    const items: VItem[] = [];
    for (const b of blocks) items.push(...layoutBlock(b, this.column, ctx, true));
    return items.filter((it) => it.kind !== 'pageBreak');
  }

  private get capacity(): number {
    return this.bodyBottom - this.bodyTop;
  }

  // ---- pagination ----

  private place(item: VItem, prev: VItem | undefined, stream: ItemStream): void {
    if (item.kind === 'pageBreak') {
      if (item.section) {
        // SectionStyle: unset pageNumberStart continues the count; an unset
        // useFirstPageHeaderFooter "should be interpreted as false" after the first section.
        const next = this.page + 1;
        const continued = this.section.numberStart + next - this.section.firstPage;
        this.section = {
          firstPage: next,
          numberStart: item.section.pageNumberStart ?? continued,
          differentFirst: item.section.useFirstPageHeaderFooter === true,
        };
      }
      this.newPage(true);
      return;
    }
    // A body row decides for itself (placeRow): it may split rather than leave half a page blank.
    const bodyRow = item.kind === 'row' && !item.keep;
    if (!this.atTop && (!prev || !prev.keep) && !bodyRow) {
      const need = this.keptHeight(item, stream);
      if (this.y + need > this.bodyBottom + EPSILON && need <= this.capacity) {
        this.newPage(false);
        if (item.kind === 'row') this.repeatHeader(item.table, item.row);
      }
    }
    switch (item.kind) {
      case 'space':
        if (this.atTop && !this.manualTop) return;
        this.y = Math.min(this.y + item.height, this.bodyBottom);
        return;
      case 'line':
        if (!this.atTop && this.y + item.line.height > this.bodyBottom + EPSILON) {
          this.newPage(false);
        }
        this.drawItem(item, this.left, this.y);
        this.y += item.line.height;
        this.atTop = false;
        return;
      case 'row':
        this.placeRow(item.table, item.row);
        releaseRow(item.table, item.row);
        return;
    }
  }

  /** Height of the item and those kept with it. */
  private keptHeight(item: VItem, stream: ItemStream): number {
    let need = itemHeight(item);
    let current = item;
    for (let k = 0; current.keep && k < MAX_KEEP_CHAIN; k++) {
      const next = stream.peek(k);
      if (!next || next.kind === 'pageBreak') break;
      need += itemHeight(next);
      current = next;
    }
    return need;
  }

  private headerHeight(table: TableLayout, row: number): number {
    if (row < table.headerRows) return 0;
    let h = 0;
    for (let r = 0; r < table.headerRows; r++) h += table.rows[r].height;
    return h <= this.capacity / 2 ? h : 0;
  }

  /** Repeats the table's header rows at the top of a page the table continues on. */
  private repeatHeader(table: TableLayout, row: number): void {
    if (this.headerHeight(table, row) === 0) return;
    for (let r = 0; r < table.headerRows; r++) {
      const h = table.rows[r].height;
      this.drawRow(table, table.rows[r], this.left, this.y, h, null);
      this.y += h;
    }
    this.atTop = false;
  }

  /**
   * A row that fits is drawn whole; one that would fit on the next page moves there, unless that
   * would leave half the page or more blank: such a tall row is split between its cells' lines,
   * as is a row taller than a page.
   */
  private placeRow(table: TableLayout, r: number): void {
    const row = table.rows[r];
    if (this.y + row.height > this.bodyBottom + EPSILON) {
      const room = this.capacity - this.headerHeight(table, r);
      const blank = this.bodyBottom - this.y;
      if (!this.atTop && row.height <= room && blank < this.capacity / 2) {
        this.newPage(false);
        this.repeatHeader(table, r);
      } else {
        this.splitRow(table, r);
        return;
      }
    }
    this.drawRow(table, row, this.left, this.y, row.height, null);
    this.y += row.height;
    this.atTop = false;
  }

  private splitRow(table: TableLayout, r: number): void {
    const row = table.rows[r];
    const cursors = row.cells.map(() => 0);
    let fresh = this.atTop;
    for (;;) {
      const slices: Slice[] = [];
      let height = 0;
      let took = false;
      for (let c = 0; c < row.cells.length; c++) {
        const cell = row.cells[c];
        const room = this.bodyBottom - this.y - cell.padTop - cell.padBottom;
        let used = 0;
        let k = cursors[c];
        while (k < cell.items.length) {
          const h = itemHeight(cell.items[k]);
          if (used + h > room + EPSILON && !(fresh && used === 0)) break;
          used += h;
          k++;
        }
        if (k > cursors[c]) took = true;
        slices.push([cursors[c], k]);
        height = Math.max(height, cell.padTop + used + cell.padBottom);
        cursors[c] = k;
      }
      if (took) {
        this.drawRow(table, row, this.left, this.y, height, slices);
        this.y += height;
        this.atTop = false;
      }
      if (row.cells.every((cell, c) => cursors[c] >= cell.items.length)) return;
      this.newPage(false);
      this.repeatHeader(table, r);
      // Whatever does not fit on a fresh page is drawn anyway, so the loop always advances.
      fresh = true;
    }
  }

  // ---- drawing ----

  private drawItems(items: VItem[], x: number, y: number): void {
    let top = y;
    for (const item of items) {
      this.drawItem(item, x, top);
      top += itemHeight(item);
    }
  }

  private drawItem(item: VItem, x: number, y: number): void {
    if (item.kind === 'line') {
      this.drawLine(item.line, x, y);
      if (item.rule) {
        const { border } = item.rule;
        const at = y + item.line.height + (border.padding ?? 0) + border.width / 2;
        this.stroke(border, x + item.rule.left, at, x + item.rule.right, at);
      }
      // In front of the text, at the offsets from the paragraph's left edge and its first line's top.
      for (const img of item.anchored?.images ?? []) {
        this.drawImage(
          img,
          x + item.anchored!.left + img.leftOffset,
          y + img.topOffset,
          img.width * PX,
          img.height * PX,
        );
      }
    } else if (item.kind === 'row') {
      const row = item.table.rows[item.row];
      this.drawRow(item.table, row, x, y, row.height, null);
    }
  }

  /** `slices` null: the whole row, aligned vertically; otherwise part of a split row. */
  private drawRow(
    table: TableLayout,
    row: RowLayout,
    x: number,
    y: number,
    height: number,
    slices: Slice[] | null,
  ): void {
    const doc = this.doc;
    for (const cell of row.cells) {
      if (cell.background) {
        this.setFill(cell.background);
        doc.rect(x + cell.x, y, cell.width, height).fill();
      }
    }
    row.cells.forEach((cell, c) => {
      const [from, to] = slices ? slices[c] : [0, cell.items.length];
      let top = y + cell.padTop;
      if (!slices && cell.valign !== 'TOP') {
        const free = height - cell.padTop - cell.padBottom - cell.contentHeight;
        top += cell.valign === 'CENTER' ? free / 2 : free;
      }
      for (let k = from; k < to; k++) {
        const item = cell.items[k];
        this.drawItem(item, x + cell.x + cell.padLeft, top);
        top += itemHeight(item);
      }
    });
    const grid: Border = { width: table.borderWidth, color: table.borderColor };
    for (const cell of row.cells) {
      if (!cell.borders && table.borderWidth > 0) {
        doc.save();
        doc.lineWidth(table.borderWidth).strokeColor(table.borderColor);
        doc.rect(x + cell.x, y, cell.width, height).stroke();
        doc.restore();
        continue;
      }
      const left = x + cell.x;
      const right = left + cell.width;
      const side = (k: 'top' | 'bottom' | 'left' | 'right') => cell.borders?.[k] ?? grid;
      this.stroke(side('top'), left, y, right, y);
      this.stroke(side('bottom'), left, y + height, right, y + height);
      this.stroke(side('left'), left, y, left, y + height);
      this.stroke(side('right'), right, y, right, y + height);
    }
  }

  /** One rule: solid, dotted (round dots one width apart… as Docs draws DOT) or dashed. */
  private stroke(border: Border, x0: number, y0: number, x1: number, y1: number): void {
    if (!(border.width > 0)) return;
    const doc = this.doc;
    doc.save();
    doc.lineWidth(border.width).strokeColor(border.color ?? '#000000');
    if (border.dash === 'DOT') doc.lineCap('round').dash(0.01, { space: border.width * 2.5 });
    else if (border.dash === 'DASH') doc.dash(border.width * 4, { space: border.width * 3 });
    doc.moveTo(x0, y0).lineTo(x1, y1).stroke();
    doc.restore();
  }

  private drawLine(line: Line, x: number, top: number): void {
    const marked = line.text.trim().length > 0;
    // ActualText: what a reader copies or searches is the logical text, not the glyph order
    // (Sarabun draws SARA AM as two glyphs, so a plain extraction reads ดำเนินการ as ดำาเนินการ).
    if (marked) this.doc.markContent('Span', { actual: line.text });
    for (const piece of line.pieces) this.drawPiece(piece, line, x, top);
    if (marked) this.doc.endMarkedContent();
  }

  private drawPiece(piece: Piece, line: Line, x: number, top: number): void {
    const doc = this.doc;
    const baseline = top + line.baseline;
    switch (piece.kind) {
      case 'text':
        this.drawText(piece, line, x + piece.x, top);
        return;
      case 'image':
        this.drawImage(
          piece.image,
          x + piece.x,
          baseline - piece.height,
          piece.width,
          piece.height,
        );
        return;
      case 'rule':
        doc.save();
        doc
          .moveTo(x + piece.x, top + line.height / 2)
          .lineTo(x + piece.x + piece.width, top + line.height / 2)
          .lineWidth(0.75)
          .strokeColor('#888888')
          .stroke();
        doc.restore();
        return;
      case 'bullet': {
        const s = piece.style.size;
        const cx = x + piece.x + s * 0.2;
        const cy = baseline - s * 0.3;
        this.setFill(piece.style.color);
        if (piece.shape === 'disc') doc.circle(cx, cy, s * 0.14).fill();
        else if (piece.shape === 'square')
          doc.rect(cx - s * 0.12, cy - s * 0.12, s * 0.24, s * 0.24).fill();
        else {
          doc.save();
          doc
            .circle(cx, cy, s * 0.12)
            .lineWidth(s * 0.05)
            .strokeColor(piece.style.color)
            .stroke();
          doc.restore();
        }
        return;
      }
    }
  }

  private drawText(piece: TextPiece, line: Line, x: number, top: number): void {
    const doc = this.doc;
    const { style } = piece;
    const baseline = top + line.baseline;
    if (style.background) {
      this.setFill(style.background);
      doc.rect(x, top, piece.width, line.height).fill();
    }
    this.setFill(style.color);
    const font = this.fonts.font(style.face);
    if (piece.clusters && piece.gaps) {
      drawGlyphs(doc, font, style.size, x, baseline, piece.clusters, piece.gaps);
    } else {
      drawGlyphs(doc, font, style.size, x, baseline, shapingSegments(piece.text));
    }
    const thickness = Math.max(style.size * 0.05, 0.5);
    if (style.underline) doc.rect(x, baseline + style.size * 0.12, piece.width, thickness).fill();
    if (style.strike) doc.rect(x, baseline - style.size * 0.3, piece.width, thickness).fill();
    if (style.link) doc.link(x, top, piece.width, line.height, style.link);
  }

  private drawImage(image: { data: string }, x: number, y: number, w: number, h: number): void {
    let opened = this.images.get(image.data);
    if (opened === undefined) {
      opened = this.openImage(image.data);
      this.images.set(image.data, opened);
    }
    if (opened) {
      this.doc.image(opened as unknown as Buffer, x, y, { width: w, height: h });
      return;
    }
    // An unreadable image must not lose the document: show where it was.
    this.doc.save();
    this.doc.rect(x, y, w, h).lineWidth(0.5).fillAndStroke('#f2f2f2', '#999999');
    this.doc.restore();
  }

  /** Opened once per document, so an image on every page (a header's emblem) is stored once. */
  private openImage(base64: string): PdfImage | null {
    const bytes = pdfImageBytesFromBase64(base64);
    if (!bytes) return null;
    try {
      return (this.doc as unknown as { openImage(src: Buffer): PdfImage }).openImage(bytes);
    } catch {
      return null;
    }
  }

  private setFill(color: string): void {
    if (color !== this.fill) {
      this.doc.fillColor(color);
      this.fill = color;
    }
  }
}

function sum(items: VItem[]): number {
  return items.reduce((s, it) => s + itemHeight(it), 0);
}
