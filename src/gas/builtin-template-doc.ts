/**
 * Writes the built-in template (core/memo/builtin-template) into a Google Doc with DocumentApp.
 */
import {
  PAGE,
  TEMPLATE_FONT,
  SIZE,
  type BlockSpec,
  type ParagraphSpec,
} from '../core/memo/builtin-template';
import { withDigits, type DigitStyle } from '../core/thai/digits';

const PT_PER_CM = 72 / 2.54;

function alignment(a: ParagraphSpec['align']): GoogleAppsScript.Document.HorizontalAlignment {
  switch (a) {
    case 'center':
      return DocumentApp.HorizontalAlignment.CENTER;
    case 'right':
      return DocumentApp.HorizontalAlignment.RIGHT;
    case 'justify':
      return DocumentApp.HorizontalAlignment.JUSTIFY;
    default:
      return DocumentApp.HorizontalAlignment.LEFT;
  }
}

function styleParagraph(par: GoogleAppsScript.Document.Paragraph, spec: ParagraphSpec): void {
  par.setAlignment(alignment(spec.align));
  par.setIndentStart((spec.indent ?? 0) * PT_PER_CM);
  par.setIndentFirstLine((spec.firstLine ?? spec.indent ?? 0) * PT_PER_CM);
  par.setSpacingBefore(0);
  par.setSpacingAfter(spec.after ?? 0);
  par.setLineSpacing(1);
}

/** Fills an (empty) paragraph with the spans of a spec, digits written the office's way. */
function writeSpans(
  par: GoogleAppsScript.Document.Paragraph,
  spec: ParagraphSpec,
  digits: DigitStyle,
): void {
  const text = spec.spans.map((s) => withDigits(s.text, digits)).join('');
  par.setText(text);
  const t = par.editAsText();
  if (!text) return;
  t.setFontFamily(TEMPLATE_FONT).setFontSize(SIZE.body).setBold(false);
  let at = 0;
  for (const span of spec.spans) {
    const len = withDigits(span.text, digits).length;
    if (len > 0) {
      if (span.bold) t.setBold(at, at + len - 1, true);
      if (span.size) t.setFontSize(at, at + len - 1, span.size);
    }
    at += len;
  }
}

function writeTable(
  body: GoogleAppsScript.Document.Body,
  index: number,
  rows: string[][][],
  widths: number[],
  digits: DigitStyle,
): void {
  const cells = rows.map((row) => row.map((paras) => withDigits(paras[0] ?? '', digits)));
  const table = body.insertTable(index, cells);
  table.setBorderWidth(0.75);
  table.setBorderColor('#000000');
  widths.forEach((w, c) => table.setColumnWidth(c, w * PT_PER_CM));
  rows.forEach((row, r) => {
    const tr = table.getRow(r);
    row.forEach((paras, c) => {
      const cell = tr.getCell(c);
      cell.setPaddingTop(2).setPaddingBottom(2).setPaddingLeft(4).setPaddingRight(4);
      cell.setVerticalAlignment(DocumentApp.VerticalAlignment.TOP);
      for (let k = 1; k < paras.length; k++) cell.appendParagraph(withDigits(paras[k], digits));
      for (let k = 0; k < cell.getNumChildren(); k++) {
        const par = cell.getChild(k).asParagraph();
        par.setSpacingAfter(0).setSpacingBefore(0).setLineSpacing(1);
        const t = par.editAsText();
        if (par.getText())
          t.setFontFamily(TEMPLATE_FONT)
            .setFontSize(SIZE.table)
            .setBold(r === 0);
        if (r === 0) par.setAlignment(DocumentApp.HorizontalAlignment.CENTER);
      }
      if (r === 0) cell.setBackgroundColor('#e8eef7');
    });
  });
}

/**
 * Replaces the content of `doc` with the built-in template. Returns the body indices of the
 * paragraphs to keep with the next one (DocumentApp cannot set that; see doc-layout).
 */
export function writeBuiltinTemplate(
  doc: GoogleAppsScript.Document.Document,
  blocks: BlockSpec[],
  digits: DigitStyle,
): number[] {
  const keep: number[] = [];
  const body = doc.getBody();
  body.clear();
  body.setPageWidth(PAGE.width * PT_PER_CM);
  body.setPageHeight(PAGE.height * PT_PER_CM);
  body.setMarginTop(PAGE.top * PT_PER_CM);
  body.setMarginBottom(PAGE.bottom * PT_PER_CM);
  body.setMarginLeft(PAGE.left * PT_PER_CM);
  body.setMarginRight(PAGE.right * PT_PER_CM);
  // A cleared body keeps one empty paragraph: the first block goes into it.
  let reuse: GoogleAppsScript.Document.Paragraph | null = body.getChild(0).asParagraph();
  for (const block of blocks) {
    if (block.type === 'table') {
      writeTable(body, body.getNumChildren(), block.rows, block.widths, digits);
      continue;
    }
    const par = reuse ?? body.appendParagraph('');
    reuse = null;
    if (block.type === 'pageBreak') {
      par.appendPageBreak();
      continue;
    }
    writeSpans(par, block, digits);
    styleParagraph(par, block);
    if (block.keepWithNext) keep.push(body.getChildIndex(par));
  }
  const last = body.getChild(body.getNumChildren() - 1);
  if (last.getType() === DocumentApp.ElementType.PARAGRAPH) {
    last.asParagraph().editAsText().setFontFamily(TEMPLATE_FONT).setFontSize(SIZE.body);
  }
  return keep;
}
