/**
 * Writing new content with documents.batchUpdate requests. The Docs API cannot copy an element,
 * so anything new (the built-in template, a repeated paragraph, a repeated table row) is written
 * as text and then given its template element's styles.
 *
 * Requests apply in order, each to the document as the previous ones left it
 * (https://developers.google.com/docs/api/how-tos/batch). Content is therefore written back to
 * front: each request works at or before everything already written, so an index computed from
 * the lengths of what is still to come stays right. Lengths are UTF-16 code units, as Google
 * counts them (https://developers.google.com/docs/api/concepts/structure#start_and_end_index).
 *
 * Rules this relies on (https://developers.google.com/docs/api/concepts/rules-behavior):
 * - text goes inside an existing paragraph; a "\n" in it starts a new paragraph whose style is
 *   copied from the paragraph at the insertion index, lists and bullets included;
 * - insertTable puts a newline before the table: the table starts at the location + 1, and the
 *   paragraph that held the location continues after the table;
 * - insertPageBreak inserts a page break followed by a newline;
 * - insertSectionBreak puts a newline before the break, inside a paragraph
 *   (https://developers.google.com/docs/api/reference/rest/v1/documents/request#insertsectionbreakrequest);
 * - control characters U+0000–U+0008, U+000C–U+001F and the private use area U+E000–U+F8FF are
 *   stripped from inserted text, so they are dropped here first to keep the lengths right.
 */
import type { ImageValue } from '../template/schema';
import {
  DEFAULT_LOOK,
  TEXT_STYLE_FIELDS,
  cellStyleFields,
  paragraphFieldsBetween,
  pick,
  rowStyleFields,
  sameBullet,
  sameJson,
  type Look,
} from './styles';
import type {
  Bullet,
  Location,
  Range,
  Request,
  SectionStyle,
  TableCellStyle,
  TableColumnProperties,
  TableRowStyle,
  TextStyle,
} from './types';

export interface FreshRun {
  text: string;
  style: TextStyle;
}

/** A paragraph to write: text runs, or nothing but a page break. */
export interface FreshParagraph {
  kind: 'paragraph';
  runs: FreshRun[];
  /** The style of its newline (the height of an empty line). */
  newline: TextStyle;
  look: Look;
  pageBreak?: boolean;
  /** An image to append once the text is in (see PlacedImage). */
  image?: ImageValue;
}

export interface FreshCell {
  blocks: FreshBlock[];
  style?: TableCellStyle;
}

export interface FreshRow {
  cells: FreshCell[];
  style?: TableRowStyle;
}

export interface FreshTable {
  kind: 'table';
  rows: FreshRow[];
  columns: number;
  /** Per column; missing columns keep Docs' even distribution. */
  columnProperties?: TableColumnProperties[];
  /** Rows repeated at the top of each page. */
  pinnedHeaderRows?: number;
}

/**
 * A "next page" section break with its own page numbering, between two paragraphs (the Docs API
 * inserts one only inside a paragraph, never before a table).
 */
export interface FreshSectionBreak {
  kind: 'sectionBreak';
  style: Required<Pick<SectionStyle, 'pageNumberStart' | 'useFirstPageHeaderFooter'>>;
}

export type FreshBlock = FreshParagraph | FreshTable | FreshSectionBreak;

/** Characters the Docs API drops from inserted text. */
// eslint-disable-next-line no-control-regex
const STRIPPED = /[\u0000-\u0008\u000C-\u001F\uE000-\uF8FF]/g;

/** Text as the Docs API will store it (never a newline: callers split paragraphs themselves). */
export function insertable(text: string): string {
  return text.replace(STRIPPED, '');
}

export function runsText(runs: FreshRun[]): string {
  let s = '';
  for (const r of runs) s += r.text;
  return s;
}

/** Where an image goes once the batch is applied: a paragraph's path among DocumentApp's children. */
export interface PlacedImage {
  section: 'body' | 'header' | 'footer';
  /** Child index in the section, then for tables: row, cell, child index in the cell, … */
  path: number[];
  image: ImageValue;
}

/**
 * Where written blocks end up among the container's children, and how many children they make:
 * a table always has a paragraph before it (the newline insertTable adds), and the empty
 * paragraph written into stays after a table that comes last.
 */
export function layout(blocks: FreshBlock[]): { positions: number[]; count: number } {
  const positions: number[] = [];
  let n = 0;
  blocks.forEach((b, i) => {
    if (b.kind === 'table' && (i === 0 || blocks[i - 1].kind === 'table')) n++;
    positions.push(n++);
  });
  if (blocks.length && blocks[blocks.length - 1].kind === 'table') n++;
  return { positions, count: n };
}

/**
 * How many indices `blocks` take once written into an empty paragraph (that paragraph included):
 * text and newlines, a page break and its newline, tables with their markers, and the empty
 * paragraphs tables keep around them.
 */
export function writtenLength(blocks: FreshBlock[]): number {
  if (!blocks.length) return 1;
  let n = layout(blocks).count - blocks.length;
  for (const b of blocks) {
    if (b.kind === 'table') {
      n += 2;
      for (const row of b.rows) {
        n += 1;
        for (let c = 0; c < b.columns; c++) n += 1 + writtenLength(row.cells[c]?.blocks ?? []);
      }
    } else if (b.kind === 'sectionBreak') n += 1;
    else n += b.pageBreak ? 2 : runsText(b.runs).length + 1;
  }
  return n;
}

/** Chooses the bullet preset that re-creates a bullet (its list's glyph). */
export type PresetFor = (bullet: Bullet) => string;

/** Collects the requests for one segment (the body, a header or a footer). */
export class RequestWriter {
  constructor(
    readonly requests: Request[],
    private readonly segmentId: string | undefined,
    private readonly presetFor: PresetFor,
    readonly images: PlacedImage[] = [],
    readonly section: PlacedImage['section'] = 'body',
  ) {}

  location(index: number): Location {
    return this.segmentId ? { index, segmentId: this.segmentId } : { index };
  }

  range(startIndex: number, endIndex: number): Range {
    return this.segmentId
      ? { startIndex, endIndex, segmentId: this.segmentId }
      : { startIndex, endIndex };
  }

  insertText(index: number, text: string): void {
    if (text) this.requests.push({ insertText: { location: this.location(index), text } });
  }

  deleteRange(from: number, to: number): void {
    if (to > from) this.requests.push({ deleteContentRange: { range: this.range(from, to) } });
  }

  textStyle(from: number, to: number, style: TextStyle): void {
    if (to <= from) return;
    this.requests.push({
      updateTextStyle: {
        range: this.range(from, to),
        textStyle: pick(style, TEXT_STYLE_FIELDS),
        // Every field: those the style leaves unset are reset, so nothing inherited stays.
        fields: '*',
      },
    });
  }

  /** Styles runs written from `at` on; the last run's style also covers the paragraph's newline when equal. */
  styleRuns(at: number, runs: FreshRun[], newline?: TextStyle): void {
    let pos = at;
    runs.forEach((r, i) => {
      const last = i === runs.length - 1;
      const withNewline = last && newline !== undefined && sameJson(r.style, newline) ? 1 : 0;
      this.textStyle(pos, pos + r.text.length + withNewline, r.style);
      pos += r.text.length;
    });
    if (
      newline !== undefined &&
      (runs.length === 0 || !sameJson(runs[runs.length - 1].style, newline))
    )
      this.textStyle(pos, pos + 1, newline);
  }

  /** Gives the paragraph over [from, to) the look `to`, knowing it has the look `from` now. */
  restyle(from: number, to: number, current: Look, target: Look): void {
    const fields = paragraphFieldsBetween(current.style, target.style);
    if (fields.length) {
      this.requests.push({
        updateParagraphStyle: {
          range: this.range(from, to),
          paragraphStyle: pick(target.style, fields),
          fields: fields.join(','),
        },
      });
    }
    if (sameBullet(current.bullet, target.bullet)) return;
    if (target.bullet) {
      this.requests.push({
        createParagraphBullets: {
          range: this.range(from, to),
          bulletPreset: this.presetFor(target.bullet),
        },
      });
    } else {
      this.requests.push({ deleteParagraphBullets: { range: this.range(from, to) } });
    }
  }

  /**
   * A section break before the paragraph at `at`, then its style: the range is the paragraph
   * after the break, which lies in the new section only.
   */
  private sectionBreak(
    at: number,
    b: FreshSectionBreak,
    before: FreshBlock | undefined,
    after: FreshBlock | undefined,
  ): void {
    if (before?.kind !== 'paragraph' || after?.kind !== 'paragraph')
      throw new Error('A section break goes between two paragraphs.');
    this.requests.push(
      { insertSectionBreak: { location: this.location(at), sectionType: 'NEXT_PAGE' } },
      {
        updateSectionStyle: {
          range: this.range(at + 2, at + 3),
          sectionStyle: { ...b.style },
          fields: 'pageNumberStart,useFirstPageHeaderFooter',
        },
      },
    );
  }

  /**
   * Writes `blocks` into the empty paragraph at `at` (its newline is the only thing there), back
   * to front. `look` is that paragraph's look. For images: `path` is the container's path and
   * `offset` the child index the empty paragraph has in it.
   */
  buildInto(
    at: number,
    blocks: FreshBlock[],
    look: Look = DEFAULT_LOOK,
    path: number[] = [],
    offset = 0,
  ): void {
    const { positions } = layout(blocks);
    let empty = true;
    let current = look;
    for (let i = blocks.length - 1; i >= 0; i--) {
      const b = blocks[i];
      if (b.kind === 'table') {
        this.table(at, b, [...path, offset + positions[i]]);
        // The newline insertTable put before the table is an empty paragraph with the old look.
        empty = true;
        continue;
      }
      if (b.kind === 'sectionBreak') {
        this.sectionBreak(at, b, blocks[i - 1], blocks[i + 1]);
        // The newline inserted before the break is an empty paragraph with the current look.
        empty = true;
        continue;
      }
      if (b.pageBreak) {
        this.requests.push({ insertPageBreak: { location: this.location(at) } });
        // A page break comes with its own newline: into an empty paragraph, drop that newline so
        // the break takes the empty paragraph's place instead of adding one.
        if (empty) this.deleteRange(at + 1, at + 2);
        this.restyle(at, at + 2, current, b.look);
        this.textStyle(at, at + 2, b.newline);
      } else {
        const text = runsText(b.runs);
        // createParagraphBullets turns a paragraph's leading tabs into its nesting level and
        // removes them (https://developers.google.com/docs/api/reference/rest/v1/documents/request#createparagraphbulletsrequest),
        // so tabs a value starts with go in after the bullet, as text.
        const lead =
          b.look.bullet && !sameBullet(current.bullet, b.look.bullet) ? leadingTabs(text) : '';
        const rest = text.slice(lead.length);
        this.insertText(at, empty ? rest : `${rest}\n`);
        this.restyle(at, at + rest.length + 1, current, b.look);
        this.insertText(at, lead);
        this.styleRuns(at, b.runs, b.newline);
      }
      if (b.image)
        this.images.push({
          section: this.section,
          path: [...path, offset + positions[i]],
          image: b.image,
        });
      current = b.look;
      empty = false;
    }
  }

  /** A new table at `at` (inside a paragraph), its styles, then its cells, last cell first. */
  private table(at: number, t: FreshTable, path: number[]): void {
    const rows = t.rows.length;
    const columns = t.columns;
    this.requests.push({ insertTable: { location: this.location(at), rows, columns } });
    const tableStart = at + 1;
    this.tableStyles(tableStart, t);
    for (let r = rows - 1; r >= 0; r--) {
      const rowStart = tableStart + 1 + r * (1 + 2 * columns);
      for (let c = columns - 1; c >= 0; c--) {
        const cell = t.rows[r].cells[c];
        if (cell) this.buildInto(rowStart + 2 + 2 * c, cell.blocks, DEFAULT_LOOK, [...path, r, c]);
      }
    }
  }

  private tableStyles(tableStart: number, t: FreshTable): void {
    const tableStartLocation = this.location(tableStart);
    const props = t.columnProperties ?? [];
    const groups = new Map<string, number[]>();
    props.forEach((p, c) => {
      if (!p || c >= t.columns) return;
      const key = JSON.stringify(p);
      groups.set(key, [...(groups.get(key) ?? []), c]);
    });
    for (const [key, columnIndices] of groups) {
      const tableColumnProperties = JSON.parse(key) as TableColumnProperties;
      this.requests.push({
        updateTableColumnProperties: {
          tableStartLocation,
          columnIndices,
          tableColumnProperties,
          fields: Object.keys(tableColumnProperties).join(','),
        },
      });
    }
    t.rows.forEach((row, r) => {
      this.rowStyle(tableStartLocation, r, row.style);
      this.cellStyles(tableStartLocation, r, row.cells);
    });
    if (t.pinnedHeaderRows) {
      this.requests.push({
        pinTableHeaderRows: { tableStartLocation, pinnedHeaderRowsCount: t.pinnedHeaderRows },
      });
    }
  }

  rowStyle(
    tableStartLocation: { index: number; segmentId?: string },
    rowIndex: number,
    style: TableRowStyle | undefined,
  ): void {
    const fields = rowStyleFields(style);
    if (!fields.length) return;
    this.requests.push({
      updateTableRowStyle: {
        tableStartLocation,
        rowIndices: [rowIndex],
        tableRowStyle: pick(style, fields),
        fields: fields.join(','),
      },
    });
  }

  /** One request for a run of neighbouring cells that share a style (the first at `firstColumn`). */
  cellStyles(
    tableStartLocation: { index: number; segmentId?: string },
    rowIndex: number,
    cells: { style?: TableCellStyle }[],
    firstColumn = 0,
  ): void {
    let c = 0;
    while (c < cells.length) {
      const style = cells[c].style;
      let span = 1;
      while (c + span < cells.length && sameJson(cells[c + span].style, style)) span++;
      const fields = cellStyleFields(style);
      if (fields.length) {
        this.requests.push({
          updateTableCellStyle: {
            tableRange: {
              tableCellLocation: { tableStartLocation, rowIndex, columnIndex: firstColumn + c },
              rowSpan: 1,
              columnSpan: span,
            },
            tableCellStyle: pick(style, fields),
            fields: fields.join(','),
          },
        });
      }
      c += span;
    }
  }
}

function leadingTabs(text: string): string {
  return /^\t*/.exec(text)?.[0] ?? '';
}
