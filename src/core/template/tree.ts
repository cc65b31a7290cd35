/**
 * The template as the filler sees it, and the plan it hands back.
 *
 * The Apps Script side reads a document once into `TplNode`s (text only, no styles), the
 * core checks it and computes a `FillPlan`, and the Apps Script side carries the plan out
 * with DocumentApp. Elements the plan does not mention are removed; elements it lists more
 * than once are copies of the template element, so anything the core does not understand
 * (drawings, footnotes, an office's letterhead) survives as it was.
 */
import type { ImageValue } from './schema';

/** One Text element of a paragraph: `child` is its index among the paragraph's children. */
export interface TextChild {
  child: number;
  text: string;
}

export type TplNode =
  | { kind: 'para'; texts: TextChild[]; /** It also holds images, breaks, … */ other: boolean }
  | { kind: 'table'; rows: TplNode[][][] }
  | { kind: 'other' };

export type SectionName = 'body' | 'header' | 'footer';

export interface TplDocument {
  body: TplNode[];
  header?: TplNode[];
  footer?: TplNode[];
}

/** Text to insert, styled like the template's characters from `from` on (`uniform`: like `from` only). */
export interface Run {
  text: string;
  from: number;
  uniform: boolean;
}

/** Replace `[start, end)` of one Text element with `runs`. Edits of one element never overlap. */
export interface TextEdit {
  child: number;
  start: number;
  end: number;
  runs: Run[];
}

export type OutNode =
  | {
      kind: 'para';
      src: number;
      /** Sorted from the last offset to the first, so they can be applied in order. */
      edits: TextEdit[];
      /** Appended to the paragraph after the edits (a chart placeholder). */
      image?: ImageValue;
    }
  | { kind: 'table'; src: number; rows: { src: number; cells: OutNode[][] }[] }
  | { kind: 'other'; src: number };

export interface FillPlan {
  body: OutNode[];
  header?: OutNode[];
  footer?: OutNode[];
}

/** Where something is in the template, for messages: the section and the path of indices. */
export interface Where {
  section: SectionName;
  /** Index in the section, then for tables: row, cell, index in the cell, … */
  path: number[];
  /** The start of the element's text, to help staff find it. */
  snippet: string;
  /** The path ends at a table, not a paragraph. */
  table?: boolean;
}

export interface TemplateProblem {
  rule: string;
  /** Thai, for staff: what is wrong and what to do. */
  message: string;
  where: Where;
  /** The location in Thai, e.g. `เนื้อหา ย่อหน้าที่ 12 («ส่วนราชการ {{ส่วนราชการ}}…»)`. */
  location: string;
}
