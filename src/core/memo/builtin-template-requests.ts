/**
 * The built-in template (builtin-template.ts) as documents.batchUpdate requests for a new, empty
 * Google Doc: page set-up, every paragraph with its styles, the measures table with its widths,
 * cell styles and pinned header row, and keep-with-next. One batchUpdate writes it all.
 *
 * Each kind of block has its own small function below; a new kind in the spec (an image, a header
 * with page numbers, …) is a new case in `freshBlock` and, if it needs document-level requests,
 * in `documentRequests`.
 */
import {
  RequestWriter,
  type FreshBlock,
  type FreshParagraph,
  type FreshTable,
} from '../docs/build';
import { bulletPresets } from '../docs/fill';
import { DEFAULT_LOOK } from '../docs/styles';
import type { Dimension, ParagraphStyle, Request, TableCellStyle, TextStyle } from '../docs/types';
import { withDigits, type DigitStyle } from '../thai/digits';
import {
  PAGE,
  SIZE,
  TEMPLATE_FONT,
  type BlockSpec,
  type ParagraphSpec,
  type TableSpec,
} from './builtin-template';

const PT_PER_CM = 72 / 2.54;

const pt = (magnitude: number): Dimension => ({ magnitude, unit: 'PT' });
const cm = (value: number): Dimension => pt(value * PT_PER_CM);

const ALIGNMENT: Record<NonNullable<ParagraphSpec['align']>, string> = {
  left: 'START',
  center: 'CENTER',
  right: 'END',
  justify: 'JUSTIFIED',
};

function textStyle(size: number, bold: boolean): TextStyle {
  return { weightedFontFamily: { fontFamily: TEMPLATE_FONT }, fontSize: pt(size), bold };
}

/** Page size and margins of the official form. */
function documentRequests(): Request[] {
  return [
    {
      updateDocumentStyle: {
        documentStyle: {
          pageSize: { width: cm(PAGE.width), height: cm(PAGE.height) },
          marginTop: cm(PAGE.top),
          marginBottom: cm(PAGE.bottom),
          marginLeft: cm(PAGE.left),
          marginRight: cm(PAGE.right),
        },
        fields: 'pageSize,marginTop,marginBottom,marginLeft,marginRight',
      },
    },
  ];
}

function paragraph(spec: ParagraphSpec, digits: DigitStyle): FreshParagraph {
  const runs = spec.spans
    .map((s) => ({
      text: withDigits(s.text, digits),
      style: textStyle(s.size ?? SIZE.body, !!s.bold),
    }))
    .filter((r) => r.text);
  const style: ParagraphStyle = {
    namedStyleType: 'NORMAL_TEXT',
    alignment: ALIGNMENT[spec.align ?? 'left'],
    indentStart: cm(spec.indent ?? 0),
    indentFirstLine: cm(spec.firstLine ?? spec.indent ?? 0),
    spaceAbove: pt(spec.before ?? 0),
    spaceBelow: pt(spec.after ?? 0),
    lineSpacing: 100,
  };
  if (spec.keepWithNext) style.keepWithNext = true;
  // The form's dotted line: a paragraph border runs from the start indent to the end indent,
  // so after a hanging label it starts where the value does. Docs draws a bottom border only
  // under the last of adjacent paragraphs with the same borders and indents
  // (ParagraphStyle.borderBottom, https://developers.google.com/docs/api/reference/rest/v1/documents#paragraphstyle):
  // the header lines all have different indents.
  if (spec.dotted) style.borderBottom = { ...DOTTED, padding: pt(1) };
  return {
    kind: 'paragraph',
    runs,
    newline: runs.length ? runs[runs.length - 1].style : textStyle(SIZE.body, false),
    look: { style },
  };
}

const BORDER = { color: { color: { rgbColor: {} } }, width: pt(0.75), dashStyle: 'SOLID' };
/** The dotted line of the form's header (the typing guide's จุดไข่ปลา). */
const DOTTED = { color: { color: { rgbColor: {} } }, width: pt(0.75), dashStyle: 'DOT' };
const NO_BORDER = { color: { color: { rgbColor: {} } }, width: pt(0), dashStyle: 'SOLID' };

/** Sarabun's descent, em (hhea: 232 per 1000). */
const SARABUN_DESCENT_EM = 0.232;

/**
 * A cell of a form line: no borders but a dotted line under a value, no padding at the sides.
 * The cells sit on the row's bottom, so a value at body size would sit lower than its label at
 * label size by the difference of their descents: the value cell is padded by that much.
 */
function formCellStyle(value: boolean): TableCellStyle {
  return {
    borderTop: NO_BORDER,
    borderLeft: NO_BORDER,
    borderRight: NO_BORDER,
    borderBottom: value ? DOTTED : NO_BORDER,
    paddingTop: pt(0),
    paddingBottom: pt(value ? (SIZE.label - SIZE.body) * SARABUN_DESCENT_EM : 0),
    paddingLeft: pt(0),
    paddingRight: pt(value ? 6 : 0),
    contentAlignment: 'BOTTOM',
  };
}

function cellStyle(header: boolean): TableCellStyle {
  const style: TableCellStyle = {
    borderTop: BORDER,
    borderBottom: BORDER,
    borderLeft: BORDER,
    borderRight: BORDER,
    paddingTop: pt(2),
    paddingBottom: pt(2),
    paddingLeft: pt(4),
    paddingRight: pt(4),
    contentAlignment: 'TOP',
  };
  // #e8eef7
  if (header)
    style.backgroundColor = {
      color: { rgbColor: { red: 232 / 255, green: 238 / 255, blue: 247 / 255 } },
    };
  return style;
}

/**
 * A table of the report: the first row is the header, pinned to the top of every page. A form
 * line (ที่ … วันที่ …) has no header, no borders but its dotted lines, and body-size text.
 */
function table(spec: TableSpec, digits: DigitStyle): FreshTable {
  const form = spec.form;
  return {
    kind: 'table',
    columns: spec.widths.length,
    columnProperties: spec.widths.map((w) => ({ widthType: 'FIXED_WIDTH', width: cm(w) })),
    pinnedHeaderRows: !form && spec.rows.length > 1 ? 1 : 0,
    rows: spec.rows.map((row, r) => ({
      cells: row.map((paras, c) => ({
        style: form ? formCellStyle(!form.labels.includes(c)) : cellStyle(r === 0),
        blocks: paras.map((text): FreshParagraph => {
          const label = !!form && form.labels.includes(c);
          const style = form
            ? textStyle(label ? SIZE.label : SIZE.body, label)
            : textStyle(SIZE.table, r === 0);
          const value = withDigits(text, digits);
          const look: ParagraphStyle = {
            namedStyleType: 'NORMAL_TEXT',
            spaceAbove: pt(0),
            spaceBelow: pt(0),
            lineSpacing: 100,
          };
          if (r === 0 && !form) look.alignment = 'CENTER';
          return {
            kind: 'paragraph',
            runs: value ? [{ text: value, style }] : [],
            newline: style,
            look: { style: look },
          };
        }),
      })),
    })),
  };
}

function freshBlock(block: BlockSpec, digits: DigitStyle): FreshBlock {
  switch (block.type) {
    case 'table':
      return table(block, digits);
    case 'sectionBreak':
      return {
        kind: 'sectionBreak',
        style: { pageNumberStart: 1, useFirstPageHeaderFooter: true },
      };
    case 'pageBreak':
      return {
        kind: 'paragraph',
        runs: [],
        newline: textStyle(SIZE.body, false),
        look: DEFAULT_LOOK,
        pageBreak: true,
      };
    default:
      return paragraph(block, digits);
  }
}

/** The requests that write `blocks` into a new Doc (one empty paragraph at index 1). */
export function builtinTemplateRequests(blocks: BlockSpec[], digits: DigitStyle): Request[] {
  const requests = documentRequests();
  const writer = new RequestWriter(requests, undefined, bulletPresets({}));
  // The new Doc's only paragraph stays last (after the table): it gets the body's text style.
  writer.textStyle(1, 2, textStyle(SIZE.body, false));
  writer.buildInto(
    1,
    blocks.map((b) => freshBlock(b, digits)),
    DEFAULT_LOOK,
  );
  return requests;
}
