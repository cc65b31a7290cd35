/**
 * The page as both renderers use it: the model's size and margins, made drawable. A model from
 * a template can hold anything; a page without room for text would lose the document.
 */
import type { DocModel } from '../docmodel';
import { A4 } from '../docmodel';

/** The text column and body are never smaller than this, whatever the margins say. */
export const MIN_COLUMN = 72;

export interface PageGeometry {
  width: number;
  height: number;
  marginTop: number;
  marginBottom: number;
  marginLeft: number;
  marginRight: number;
  /** Width of the text column. */
  column: number;
}

export function pageGeometry(model: DocModel): PageGeometry {
  const width = positive(model.pageWidth, A4.width);
  const height = positive(model.pageHeight, A4.height);
  const [marginLeft, marginRight] = fit(width, model.marginLeft, model.marginRight);
  const [marginTop, marginBottom] = fit(height, model.marginTop, model.marginBottom);
  return {
    width,
    height,
    marginTop,
    marginBottom,
    marginLeft,
    marginRight,
    column: width - marginLeft - marginRight,
  };
}

/** Margins scaled down together until MIN_COLUMN is left between them. */
function fit(size: number, a: number, b: number): [number, number] {
  const first = nonNegative(a);
  const second = nonNegative(b);
  const room = Math.max(size - MIN_COLUMN, 0);
  if (first + second <= room) return [first, second];
  const k = room / (first + second);
  return [first * k, second * k];
}

function positive(v: number, fallback: number): number {
  return Number.isFinite(v) && v > 0 ? v : fallback;
}

function nonNegative(v: number): number {
  return Number.isFinite(v) && v > 0 ? v : 0;
}
