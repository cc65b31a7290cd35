/**
 * Block layout: turns the model's blocks into a vertical flow of items (lines, spacing, table
 * rows, page breaks) for a column of a given width. Pagination then only stacks items.
 */
import type {
  BlockNode,
  Border,
  DocModel,
  ImageNode,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  PositionedImageNode,
  TableCellNode,
  TableNode,
  TextStyle,
  VerticalAlignment,
  SectionStyle,
} from '../docmodel';
import type { Atom, Line, Measurer } from './layout';
import { layoutParagraph } from './layout';
import type { ListCounters } from './lists';
import { mergeTextStyles, normaliseColor, paragraphLook, paragraphTextStyle } from './styles';
import type { RunStyle, RunStyles } from './styles';

/** A paragraph's bottom rule, drawn under its last line from `left` to `right` (column points). */
export interface UnderRule {
  left: number;
  right: number;
  border: Border;
}

/** Images anchored to a paragraph, drawn with its first line; offsets from `left` and the line's top. */
export interface Anchored {
  left: number;
  images: PositionedImageNode[];
}

/** `keep`: no page break between this item and the next one. */
export type VItem =
  | { kind: 'space'; height: number; keep: boolean }
  | { kind: 'line'; line: Line; keep: boolean; rule?: UnderRule; anchored?: Anchored }
  | { kind: 'row'; table: TableLayout; row: number; keep: boolean }
  /** A page break; `section`: a section break, whose style sets the new page's numbering. */
  | { kind: 'pageBreak'; keep: false; section?: SectionStyle };

export interface CellLayout {
  /** From the table's left edge. */
  x: number;
  /** Sides drawn differently from the table's border (dotted, none). */
  borders?: TableCellNode['borders'];
  width: number;
  items: VItem[];
  contentHeight: number;
  padTop: number;
  padBottom: number;
  padLeft: number;
  padRight: number;
  background?: string;
  valign: VerticalAlignment;
}

export interface RowLayout {
  cells: CellLayout[];
  height: number;
}

export interface TableLayout {
  width: number;
  rows: RowLayout[];
  headerRows: number;
  borderWidth: number;
  borderColor: string;
}

export interface LayoutContext {
  model: DocModel;
  measurer: Measurer;
  styles: RunStyles;
  lists: ListCounters;
  /** The current page's number as printed. */
  pageNumber: () => string;
  /** Images are scaled down to fit this height (the page body's). */
  maxImageHeight: number;
}

/** Google Docs' default cell padding and border. */
export const DEFAULT_CELL_PADDING = 5;
export const DEFAULT_BORDER_WIDTH = 1;
export const DEFAULT_BORDER_COLOR = '#000000';
/** One CSS pixel in points, as DocumentApp sizes images. */
export const PX = 0.75;
const MIN_COLUMN = 12;

export function itemHeight(item: VItem): number {
  switch (item.kind) {
    case 'space':
      return item.height;
    case 'line':
      return item.line.height;
    case 'row':
      return item.table.rows[item.row].height;
    default:
      return 0;
  }
}

export function layoutBlocks(
  blocks: BlockNode[],
  width: number,
  ctx: LayoutContext,
  inCell = false,
): VItem[] {
  const out: VItem[] = [];
  for (const b of blocks) out.push(...layoutBlock(b, width, ctx, inCell));
  return out;
}

export function layoutBlock(
  block: BlockNode,
  width: number,
  ctx: LayoutContext,
  inCell = false,
): VItem[] {
  if (block.type === 'sectionBreak')
    return [{ kind: 'pageBreak', keep: false, section: block.style }];
  if (block.type === 'table') {
    const table = layoutTable(block, width, ctx);
    return Array.from({ length: table.rows.length }, (_, row) => ({
      kind: 'row' as const,
      table,
      row,
      keep: row < table.headerRows,
    }));
  }
  return paragraphItems(block, width, ctx, inCell);
}

function paragraphItems(
  block: ParagraphNode | ListItemNode,
  width: number,
  ctx: LayoutContext,
  inCell: boolean,
): VItem[] {
  const look = paragraphLook(block);
  const paraStyle = paragraphTextStyle(ctx.model, block);
  const strut = ctx.styles.resolve(paraStyle);
  const imageWidth = Math.max(
    width - Math.max(look.indentStart, look.indentFirstLine) - look.indentEnd,
    1,
  );
  const atoms = toAtoms(block.children, paraStyle, imageWidth, ctx);
  let label;
  let labelStyle: RunStyle | undefined;
  if (block.type === 'listItem') {
    label = ctx.lists.label(block);
    const firstText = atoms.find((a) => a.kind === 'text');
    labelStyle = firstText?.kind === 'text' ? firstText.style : strut;
  }
  const lines = layoutParagraph(atoms, { width, look, strut, label, labelStyle }, ctx.measurer);
  const keep = look.keepWithNext;
  const items: VItem[] = [];
  if (look.spacingBefore > 0) items.push({ kind: 'space', height: look.spacingBefore, keep: true });
  const border = block.style.borderBottom;
  const anchored = block.type === 'paragraph' ? block.positioned : undefined;
  lines.forEach((line, i) => {
    const item: VItem = { kind: 'line', line, keep };
    if (i === 0 && anchored?.length) item.anchored = { left: look.indentStart, images: anchored };
    // The paragraph's border runs from its start indent to its end indent, under the last line.
    // A dotted one is the form's ruled line (จุดไข่ปลา): under every line, as the printed form
    // has dots on each line a wrapped เรื่อง takes. Google Docs draws it under the last line only
    // (docs/memo-format.md): here the local renderers knowingly do better than the Doc.
    const ruled = border?.dash === 'DOT' || i === lines.length - 1;
    if (ruled && border && border.width > 0)
      item.rule = { left: look.indentStart, right: width - look.indentEnd, border };
    items.push(item);
    if (item.rule) {
      const room = (border?.padding ?? 0) + (border?.width ?? 0);
      items.push({ kind: 'space', height: room, keep });
    }
    if (line.pageBreakAfter && !inCell) items.push({ kind: 'pageBreak', keep: false });
  });
  const endsWithBreak = lines[lines.length - 1]?.pageBreakAfter;
  if (look.spacingAfter > 0 && !endsWithBreak) {
    items.push({ kind: 'space', height: look.spacingAfter, keep });
  }
  return items;
}

function toAtoms(
  children: InlineNode[],
  paraStyle: TextStyle,
  maxWidth: number,
  ctx: LayoutContext,
): Atom[] {
  const atoms: Atom[] = [];
  for (const node of children) {
    switch (node.type) {
      case 'text':
        for (const run of node.runs) {
          if (!run.text) continue;
          const style = ctx.styles.resolve(mergeTextStyles(paraStyle, run.style));
          atoms.push({ kind: 'text', text: run.text, style });
        }
        break;
      case 'pageNumber': {
        const style = ctx.styles.resolve(mergeTextStyles(paraStyle, node.style));
        atoms.push({ kind: 'text', text: ctx.pageNumber(), style });
        break;
      }
      case 'image':
        atoms.push(imageAtom(node, maxWidth, ctx.maxImageHeight));
        break;
      case 'pageBreak':
        atoms.push({ kind: 'pageBreak' });
        break;
      case 'horizontalRule':
        atoms.push({ kind: 'rule' });
        break;
    }
  }
  return atoms;
}

/** The image at its own size, scaled down (never up) to fit the column and the page. */
function imageAtom(image: ImageNode, maxWidth: number, maxHeight: number): Atom {
  let width = Math.max(image.width, 1) * PX;
  let height = Math.max(image.height, 1) * PX;
  const scale = Math.min(1, maxWidth / width, maxHeight / height);
  width *= scale;
  height *= scale;
  return { kind: 'image', image, width, height };
}

/**
 * Column widths: set widths as given, unset ones share what is left of the column (a cell's own
 * width stands in for an unset column width); a table wider than the column is scaled to fit,
 * as no text may leave the margins.
 */
export function columnWidths(table: TableNode, width: number): number[] {
  const count = Math.max(table.columnWidths.length, ...table.rows.map((r) => r.cells.length), 0);
  const widths: (number | null)[] = [];
  for (let i = 0; i < count; i++) {
    let w = table.columnWidths[i] ?? null;
    if (w === null) {
      for (const row of table.rows) {
        const cw = row.cells[i]?.width;
        if (cw !== undefined && cw > 0) {
          w = cw;
          break;
        }
      }
    }
    widths.push(w !== null && w > 0 ? w : null);
  }
  const fixed = widths.reduce<number>((s, w) => s + (w ?? 0), 0);
  const unset = widths.filter((w) => w === null).length;
  const share = unset > 0 ? Math.max((width - fixed) / unset, MIN_COLUMN) : 0;
  const resolved = widths.map((w) => w ?? share);
  const total = resolved.reduce((s, w) => s + w, 0);
  return total > width ? resolved.map((w) => (w * width) / total) : resolved;
}

/** The laid-out rows of each table layout, filled as the rows are reached. */
const laidOut = new WeakMap<TableLayout, (RowLayout | undefined)[]>();

/**
 * A drawn row is no longer needed: a long table then holds only the rows around the page being
 * drawn (a 1,000-row table laid out at once kept every line of every cell until the end).
 */
export function releaseRow(table: TableLayout, row: number): void {
  const rows = laidOut.get(table);
  if (rows && row >= table.headerRows) rows[row] = undefined;
}

/** Rows are laid out when first asked for, in the order pagination reaches them. */
function layoutTable(table: TableNode, width: number, ctx: LayoutContext): TableLayout {
  const columns = columnWidths(table, width);
  const borderWidth = table.borderWidth ?? DEFAULT_BORDER_WIDTH;
  const cache: (RowLayout | undefined)[] = new Array(table.rows.length);
  const rows = new Proxy(cache, {
    get(target, prop, receiver) {
      if (typeof prop !== 'string' || !/^\d+$/.test(prop))
        return Reflect.get(target, prop, receiver);
      const i = Number(prop);
      if (i >= target.length) return undefined;
      return (target[i] ??= layoutRow(table.rows[i], columns, ctx));
    },
  }) as RowLayout[];
  const layout: TableLayout = {
    width: columns.reduce((s, w) => s + w, 0),
    rows,
    headerRows: Math.max(0, Math.min(table.headerRows ?? 0, table.rows.length)),
    borderWidth: borderWidth > 0 ? borderWidth : 0,
    borderColor: normaliseColor(table.borderColor) ?? DEFAULT_BORDER_COLOR,
  };
  laidOut.set(layout, cache);
  return layout;
}

function layoutRow(
  row: TableNode['rows'][number],
  columns: number[],
  ctx: LayoutContext,
): RowLayout {
  let x = 0;
  const cells: CellLayout[] = row.cells.map((cell, i) => {
    const cellWidth = columns[i];
    const padLeft = pad(cell.paddingLeft);
    const padRight = pad(cell.paddingRight);
    const inner = Math.max(cellWidth - padLeft - padRight, 1);
    const blocks: BlockNode[] =
      cell.children.length > 0
        ? cell.children
        : [{ type: 'paragraph', style: {}, textStyle: {}, children: [] }];
    const items = layoutBlocks(blocks, inner, ctx, true).filter((it) => it.kind !== 'pageBreak');
    const layout: CellLayout = {
      x,
      borders: cell.borders,
      width: cellWidth,
      items,
      contentHeight: items.reduce((s, it) => s + itemHeight(it), 0),
      padTop: pad(cell.paddingTop),
      padBottom: pad(cell.paddingBottom),
      padLeft,
      padRight,
      background: normaliseColor(cell.backgroundColor),
      valign: cell.verticalAlignment ?? 'TOP',
    };
    x += cellWidth;
    return layout;
  });
  const content = Math.max(0, ...cells.map((c) => c.padTop + c.contentHeight + c.padBottom));
  return { cells, height: Math.max(content, row.minimumHeight ?? 0) };
}

function pad(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) && v >= 0 ? v : DEFAULT_CELL_PADDING;
}
