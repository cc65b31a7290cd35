import type { Border, Style } from 'exceljs';
import { fromExcelColor, toArgb } from './colors';
import type { Cell, WrapStrategyName } from './model';

/**
 * Cell formatting as Sheets reports it, over the xlsx style the cell keeps. Every change replaces
 * the affected style part with a new object: exceljs shares style objects between cells.
 */

/** Sheets' defaults for a cell nobody formatted. */
export const DEFAULTS = {
  background: '#ffffff',
  fontColor: '#000000',
  fontFamily: 'Arial',
  fontSize: 10,
  numberFormat: 'General',
  horizontal: 'general',
  vertical: 'bottom',
} as const;

export function background(cell: Cell | undefined): string {
  const fill = cell?.style.fill;
  if (fill?.type === 'pattern' && fill.pattern === 'solid')
    return fromExcelColor(fill.fgColor) ?? DEFAULTS.background;
  return DEFAULTS.background;
}

export function setBackground(cell: Cell, color: string | null): void {
  if (color === null) delete cell.style.fill;
  else
    cell.style = {
      ...cell.style,
      fill: { type: 'pattern', pattern: 'solid', fgColor: { argb: toArgb(color) } },
    };
}

export function fontWeight(cell: Cell | undefined): 'bold' | 'normal' {
  return cell?.style.font?.bold ? 'bold' : 'normal';
}

export function fontColor(cell: Cell | undefined): string {
  return fromExcelColor(cell?.style.font?.color) ?? DEFAULTS.fontColor;
}

export function fontSize(cell: Cell | undefined): number {
  return cell?.style.font?.size ?? DEFAULTS.fontSize;
}

export function fontFamily(cell: Cell | undefined): string {
  return cell?.style.font?.name ?? DEFAULTS.fontFamily;
}

export function fontStyle(cell: Cell | undefined): 'italic' | 'normal' {
  return cell?.style.font?.italic ? 'italic' : 'normal';
}

export function setFont(cell: Cell, change: Partial<NonNullable<Style['font']>>): void {
  const font = { ...cell.style.font, ...change };
  for (const k of Object.keys(font) as (keyof typeof font)[])
    if (font[k] === undefined) delete font[k];
  cell.style = { ...cell.style, font };
}

export function numberFormat(cell: Cell | undefined): string {
  return cell?.style.numFmt ?? DEFAULTS.numberFormat;
}

export function setNumberFormat(cell: Cell, format: string): void {
  cell.style = { ...cell.style, numFmt: format };
}

function setAlignment(cell: Cell, change: Partial<NonNullable<Style['alignment']>>): void {
  const alignment = { ...cell.style.alignment, ...change };
  for (const k of Object.keys(alignment) as (keyof typeof alignment)[]) {
    if (alignment[k] === undefined) delete alignment[k];
  }
  cell.style = { ...cell.style, alignment };
}

export function wrapStrategy(cell: Cell | undefined): WrapStrategyName {
  if (cell?.wrapStrategy) return cell.wrapStrategy;
  return cell?.style.alignment?.wrapText ? 'WRAP' : 'OVERFLOW';
}

export function setWrapStrategy(cell: Cell, strategy: WrapStrategyName): void {
  if (strategy === 'CLIP') cell.wrapStrategy = 'CLIP';
  else delete cell.wrapStrategy;
  setAlignment(cell, { wrapText: strategy === 'WRAP' ? true : undefined });
}

const HORIZONTAL: Record<string, 'left' | 'center' | 'right' | undefined> = {
  left: 'left',
  center: 'center',
  right: 'right',
  normal: undefined,
};

export function horizontalAlignment(cell: Cell | undefined): string {
  const h = cell?.style.alignment?.horizontal;
  return h === 'left' || h === 'center' || h === 'right' ? h : DEFAULTS.horizontal;
}

/** Sheets accepts 'left', 'center', 'right', 'normal' or null (both reset). */
export function setHorizontalAlignment(cell: Cell, alignment: string | null): void {
  setAlignment(cell, {
    horizontal: alignment === null ? undefined : HORIZONTAL[alignment.toLowerCase()],
  });
}

export function verticalAlignment(cell: Cell | undefined): string {
  const v = cell?.style.alignment?.vertical;
  return v === 'top' || v === 'middle' ? v : DEFAULTS.vertical;
}

export function setVerticalAlignment(cell: Cell, alignment: string | null): void {
  const v = alignment?.toLowerCase();
  setAlignment(cell, { vertical: v === 'top' || v === 'middle' || v === 'bottom' ? v : undefined });
}

/** Range.setBorder's BorderStyle → xlsx border style. */
const BORDER_STYLES: Record<string, Border['style']> = {
  DOTTED: 'dotted',
  DASHED: 'dashed',
  SOLID: 'thin',
  SOLID_MEDIUM: 'medium',
  SOLID_THICK: 'thick',
  DOUBLE: 'double',
};

export type Side = 'top' | 'left' | 'bottom' | 'right';

/** Sets (a Border) or removes (null) some sides of a cell's border. */
export function setBorderSides(
  cell: Cell,
  sides: Partial<Record<Side, Partial<Border> | null>>,
): void {
  const border = { ...cell.style.border };
  for (const [side, value] of Object.entries(sides) as [Side, Partial<Border> | null][]) {
    if (value === null) delete border[side];
    else border[side] = value;
  }
  cell.style = { ...cell.style, border };
}

export function borderOf(color: string | null, style: string | null): Partial<Border> {
  return {
    style: BORDER_STYLES[String(style ?? 'SOLID')] ?? 'thin',
    color: { argb: toArgb(color ?? '#000000') },
  };
}

export function clearFormat(cell: Cell): void {
  cell.style = {};
  delete cell.wrapStrategy;
}
