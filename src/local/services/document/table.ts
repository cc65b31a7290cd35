import type { TableCellNode, TableNode, TableRowNode } from '../../docmodel';
import { color, num, textAttributes } from './attributes';
import { BlockContainer, blockText } from './container';
import { asEnum, checkIndex, detachedNodeOf, registerElement, wrap } from './element';
import { VerticalAlignment, enumName } from './enums';
import { SearchableElement } from './searchable';
import type { DocSession } from './session';
import { containerText } from './text';
import type { AnyNode } from './tree';
import { attach, detach, indexInParent, newCell, parentOf } from './tree';

type Search =
  | 'findElement'
  | 'findText'
  | 'replaceText'
  | 'getText'
  | 'getNumChildren'
  | 'getChild'
  | 'getChildIndex';

function notAChild(): Error {
  return new Error('Element is not a child of this element.');
}

export class Table
  extends SearchableElement
  implements
    Pick<
      GoogleAppsScript.Document.Table,
      | Search
      | 'appendTableRow'
      | 'clear'
      | 'editAsText'
      | 'getAttributes'
      | 'getBorderColor'
      | 'getBorderWidth'
      | 'getCell'
      | 'getColumnWidth'
      | 'getNumRows'
      | 'getRow'
      | 'insertTableRow'
      | 'removeChild'
      | 'removeRow'
      | 'setAttributes'
      | 'setBorderColor'
      | 'setBorderWidth'
      | 'setColumnWidth'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'Table');
  }

  get _t(): TableNode {
    return this._n as TableNode;
  }

  getNumRows(): number {
    return this._t.rows.length;
  }
  getNumChildren(): number {
    return this._t.rows.length;
  }

  getRow(rowIndex: number): never {
    checkIndex(rowIndex, this._t.rows.length, false);
    return wrap(this._s, this._t.rows[rowIndex]) as never;
  }
  getChild(childIndex: number): never {
    return this.getRow(childIndex);
  }
  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    return this._childIndex(child);
  }

  getCell(rowIndex: number, cellIndex: number): never {
    checkIndex(rowIndex, this._t.rows.length, false);
    const row = this._t.rows[rowIndex];
    checkIndex(cellIndex, row.cells.length, false);
    return wrap(this._s, row.cells[cellIndex]) as never;
  }

  appendTableRow(tableRow?: GoogleAppsScript.Document.TableRow): never {
    return this.insertTableRow(this._t.rows.length, tableRow);
  }

  /** Inserts a row (a detached one, e.g. `templateRow.copy()`), or a new empty row. */
  insertTableRow(childIndex: number, tableRow?: GoogleAppsScript.Document.TableRow | null): never {
    this._edit();
    checkIndex(childIndex, this._t.rows.length, true);
    const node: TableRowNode = tableRow
      ? (detachedNodeOf(tableRow, ['row'], 'tableRow') as TableRowNode)
      : { cells: [] };
    attach(this._t, node, childIndex);
    return wrap(this._s, node) as never;
  }

  /** Removes and returns a row. A table keeps at least one row (removing the last is refused here). */
  removeRow(rowIndex: number): never {
    this._edit();
    checkIndex(rowIndex, this._t.rows.length, false);
    if (this._t.rows.length === 1) {
      throw new Error(
        'Local DocumentApp: removing the last row of a table is refused; remove the table instead.',
      );
    }
    const row = this._t.rows[rowIndex];
    detach(row);
    return wrap(this._s, row) as never;
  }

  removeChild(child: GoogleAppsScript.Document.Element): never {
    const i = this._childIndex(child);
    if (i < 0) throw notAChild();
    this.removeRow(i);
    return this as never;
  }

  clear(): never {
    this._edit();
    for (const row of this._t.rows)
      for (const cell of row.cells) {
        for (const b of [...cell.children]) detach(b);
        attach(cell, { type: 'paragraph', style: {}, textStyle: {}, children: [] }, 0);
      }
    return this as never;
  }

  getText(): string {
    return blockText(this._n);
  }

  editAsText(): never {
    return containerText(this._s, this._n) as never;
  }

  /** Points, or null when the column shares the remaining width. */
  getColumnWidth(columnIndex: number): number {
    return (this._t.columnWidths[columnIndex] ?? null) as number;
  }

  setColumnWidth(columnIndex: number, width: number): never {
    this._edit();
    const cols = this._t.rows.reduce(
      (n, r) => Math.max(n, r.cells.length),
      this._t.columnWidths.length,
    );
    checkIndex(columnIndex, cols, false);
    while (this._t.columnWidths.length < cols) this._t.columnWidths.push(null);
    this._t.columnWidths[columnIndex] = num(width, 'width');
    return this as never;
  }

  getBorderWidth(): number {
    return (this._t.borderWidth ?? null) as number;
  }
  setBorderWidth(width: number): never {
    this._edit();
    this._t.borderWidth = num(width, 'width');
    return this as never;
  }
  getBorderColor(): string {
    return (this._t.borderColor ?? null) as string;
  }
  setBorderColor(c: string): never {
    this._edit();
    this._t.borderColor = color(c);
    return this as never;
  }

  getAttributes(): Record<string, unknown> {
    return {
      ...textAttributes(null),
      BORDER_WIDTH: this._t.borderWidth ?? null,
      BORDER_COLOR: this._t.borderColor ?? null,
    };
  }

  setAttributes(attributes: Record<string, unknown>): never {
    this._edit();
    const a = attributes ?? {};
    if (typeof a.BORDER_WIDTH === 'number') this.setBorderWidth(a.BORDER_WIDTH);
    if (typeof a.BORDER_COLOR === 'string') this.setBorderColor(a.BORDER_COLOR);
    return this as never;
  }
}

export class TableRow
  extends SearchableElement
  implements
    Pick<
      GoogleAppsScript.Document.TableRow,
      | Search
      | 'appendTableCell'
      | 'clear'
      | 'editAsText'
      | 'getAttributes'
      | 'getCell'
      | 'getMinimumHeight'
      | 'getNumCells'
      | 'getParentTable'
      | 'insertTableCell'
      | 'removeCell'
      | 'removeChild'
      | 'setAttributes'
      | 'setMinimumHeight'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'TableRow');
  }

  get _r(): TableRowNode {
    return this._n as TableRowNode;
  }

  getNumCells(): number {
    return this._r.cells.length;
  }
  getNumChildren(): number {
    return this._r.cells.length;
  }
  getCell(cellIndex: number): never {
    checkIndex(cellIndex, this._r.cells.length, false);
    return wrap(this._s, this._r.cells[cellIndex]) as never;
  }
  getChild(childIndex: number): never {
    return this.getCell(childIndex);
  }
  getChildIndex(child: GoogleAppsScript.Document.Element): number {
    return this._childIndex(child);
  }

  getParentTable(): never {
    const p = parentOf(this._n);
    return (p ? wrap(this._s, p) : null) as never;
  }

  appendTableCell(textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | null): never {
    return this.insertTableCell(this._r.cells.length, textContentsOrCell);
  }

  insertTableCell(
    childIndex: number,
    textContentsOrCell?: string | GoogleAppsScript.Document.TableCell | null,
  ): never {
    this._edit();
    checkIndex(childIndex, this._r.cells.length, true);
    const node =
      typeof textContentsOrCell === 'object' && textContentsOrCell !== null
        ? (detachedNodeOf(textContentsOrCell, ['cell'], 'cell') as TableCellNode)
        : newCell(textContentsOrCell == null ? '' : String(textContentsOrCell));
    attach(this._r, node, childIndex);
    return wrap(this._s, node) as never;
  }

  removeCell(cellIndex: number): never {
    this._edit();
    checkIndex(cellIndex, this._r.cells.length, false);
    const cell = this._r.cells[cellIndex];
    detach(cell);
    return wrap(this._s, cell) as never;
  }

  removeChild(child: GoogleAppsScript.Document.Element): never {
    const i = this._childIndex(child);
    if (i < 0) throw notAChild();
    this.removeCell(i);
    return this as never;
  }

  clear(): never {
    this._edit();
    for (const cell of this._r.cells) {
      for (const b of [...cell.children]) detach(b);
      attach(cell, { type: 'paragraph', style: {}, textStyle: {}, children: [] }, 0);
    }
    return this as never;
  }

  getMinimumHeight(): number {
    return (this._r.minimumHeight ?? null) as number;
  }
  setMinimumHeight(minHeight: number): never {
    this._edit();
    this._r.minimumHeight = num(minHeight, 'minHeight');
    return this as never;
  }

  getText(): string {
    return blockText(this._n);
  }
  editAsText(): never {
    return containerText(this._s, this._n) as never;
  }

  getAttributes(): Record<string, unknown> {
    return { ...textAttributes(null), MINIMUM_HEIGHT: this._r.minimumHeight ?? null };
  }
  setAttributes(attributes: Record<string, unknown>): never {
    this._edit();
    const a = attributes ?? {};
    if (typeof a.MINIMUM_HEIGHT === 'number') this.setMinimumHeight(a.MINIMUM_HEIGHT);
    return this as never;
  }
}

type Padding = 'paddingTop' | 'paddingBottom' | 'paddingLeft' | 'paddingRight';

export class TableCell
  extends BlockContainer
  implements
    Pick<
      GoogleAppsScript.Document.TableCell,
      | 'getBackgroundColor'
      | 'getColSpan'
      | 'getPaddingBottom'
      | 'getPaddingLeft'
      | 'getPaddingRight'
      | 'getPaddingTop'
      | 'getParentRow'
      | 'getParentTable'
      | 'getRowSpan'
      | 'getVerticalAlignment'
      | 'getWidth'
      | 'setBackgroundColor'
      | 'setPaddingBottom'
      | 'setPaddingLeft'
      | 'setPaddingRight'
      | 'setPaddingTop'
      | 'setVerticalAlignment'
      | 'setWidth'
    >
{
  constructor(session: DocSession, node: AnyNode) {
    super(session, node, 'TableCell');
  }

  get _c(): TableCellNode {
    return this._n as TableCellNode;
  }

  getParentRow(): never {
    const p = parentOf(this._n);
    return (p ? wrap(this._s, p) : null) as never;
  }

  getParentTable(): never {
    const row = parentOf(this._n);
    const table = row ? parentOf(row) : undefined;
    return (table ? wrap(this._s, table) : null) as never;
  }

  getRowSpan(): number {
    return 1;
  }
  getColSpan(): number {
    return 1;
  }

  getBackgroundColor(): string {
    return (this._c.backgroundColor ?? null) as string;
  }
  setBackgroundColor(c: string): never {
    this._edit();
    this._c.backgroundColor = color(c);
    return this as never;
  }

  /** Points: the cell's own width, else its column's, else null. */
  getWidth(): number {
    if (this._c.width !== undefined) return this._c.width;
    const row = parentOf(this._n);
    const table = row ? (parentOf(row) as TableNode | undefined) : undefined;
    return (table?.columnWidths[indexInParent(this._n)] ?? null) as number;
  }
  setWidth(width: number): never {
    this._edit();
    this._c.width = num(width, 'width');
    return this as never;
  }

  getVerticalAlignment(): GoogleAppsScript.Document.VerticalAlignment {
    return asEnum(this._c.verticalAlignment);
  }
  setVerticalAlignment(alignment: GoogleAppsScript.Document.VerticalAlignment): never {
    this._edit();
    this._c.verticalAlignment = enumName(VerticalAlignment, alignment, 'alignment');
    return this as never;
  }

  private _padding(key: Padding, value: unknown): never {
    this._edit();
    this._c[key] = num(value, key);
    return this as never;
  }
  getPaddingTop(): number {
    return (this._c.paddingTop ?? null) as number;
  }
  setPaddingTop(paddingTop: number): never {
    return this._padding('paddingTop', paddingTop);
  }
  getPaddingBottom(): number {
    return (this._c.paddingBottom ?? null) as number;
  }
  setPaddingBottom(paddingBottom: number): never {
    return this._padding('paddingBottom', paddingBottom);
  }
  getPaddingLeft(): number {
    return (this._c.paddingLeft ?? null) as number;
  }
  setPaddingLeft(paddingLeft: number): never {
    return this._padding('paddingLeft', paddingLeft);
  }
  getPaddingRight(): number {
    return (this._c.paddingRight ?? null) as number;
  }
  setPaddingRight(paddingRight: number): never {
    return this._padding('paddingRight', paddingRight);
  }

  protected override _ownAttributes(): Record<string, unknown> {
    return {
      BACKGROUND_COLOR: this._c.backgroundColor ?? null,
      WIDTH: this._c.width ?? null,
      VERTICAL_ALIGNMENT: this._c.verticalAlignment ?? null,
      PADDING_TOP: this._c.paddingTop ?? null,
      PADDING_BOTTOM: this._c.paddingBottom ?? null,
      PADDING_LEFT: this._c.paddingLeft ?? null,
      PADDING_RIGHT: this._c.paddingRight ?? null,
    };
  }

  protected override _setOwnAttributes(a: Record<string, unknown>): void {
    if (typeof a.BACKGROUND_COLOR === 'string') this._c.backgroundColor = color(a.BACKGROUND_COLOR);
    if (a.BACKGROUND_COLOR === null) delete this._c.backgroundColor;
    if (typeof a.WIDTH === 'number') this._c.width = a.WIDTH;
    if (a.VERTICAL_ALIGNMENT != null) {
      this._c.verticalAlignment = enumName(VerticalAlignment, a.VERTICAL_ALIGNMENT, 'alignment');
    }
    for (const [name, key] of [
      ['PADDING_TOP', 'paddingTop'],
      ['PADDING_BOTTOM', 'paddingBottom'],
      ['PADDING_LEFT', 'paddingLeft'],
      ['PADDING_RIGHT', 'paddingRight'],
    ] as const) {
      if (typeof a[name] === 'number') this._c[key] = a[name] as number;
    }
  }
}

registerElement(['table'], (s, n) => new Table(s, n));
registerElement(['row'], (s, n) => new TableRow(s, n));
registerElement(['cell'], (s, n) => new TableCell(s, n));
