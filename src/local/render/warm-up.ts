/**
 * A page like the memo's first, to warm the renderers up before the real one arrives: the start
 * of the built-in template (fonts, sizes, Thai clusters, justification), its table and an image.
 * Small on purpose: it must be done before the add-on asks for the PDF.
 */
import { builtinTemplate, PAGE, TEMPLATE_FONT, SIZE } from '../../core/memo/builtin-template';
import type { BlockNode, DocModel, ParagraphNode } from '../docmodel';
import { emptyDocModel } from '../docmodel';

const PT_PER_CM = 72 / 2.54;
/** A white 1×1 PNG: enough to run the image path. */
const ONE_PIXEL_PNG =
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAIAAACQd1PeAAAADElEQVR4nGP4//8/AAX+Av4N70a4AAAAAElFTkSuQmCC';

function paragraph(text: string, size: number, bold: boolean, justify: boolean): ParagraphNode {
  return {
    type: 'paragraph',
    style: { alignment: justify ? 'JUSTIFY' : 'LEFT' },
    textStyle: {},
    children: [
      {
        type: 'text',
        runs: [{ text, style: { fontFamily: TEMPLATE_FONT, fontSize: size, bold } }],
      },
    ],
  };
}

export function warmUpModel(): DocModel {
  const model = emptyDocModel('warm-up', 'warm-up');
  model.pageWidth = PAGE.width * PT_PER_CM;
  model.pageHeight = PAGE.height * PT_PER_CM;
  const body: BlockNode[] = [];
  const blocks = builtinTemplate();
  for (const block of [...blocks.slice(0, 12), ...blocks.filter((b) => b.type === 'table')]) {
    if (block.type === 'pageBreak') continue;
    if (block.type === 'table') {
      body.push({
        type: 'table',
        columnWidths: block.widths.map((w) => w * PT_PER_CM),
        headerRows: 1,
        rows: block.rows.map((row, r) => ({
          cells: row.map((cell) => ({
            children: cell.map((t) => paragraph(t, SIZE.table, r === 0, false)),
          })),
        })),
      });
      continue;
    }
    if (block.type === 'sectionBreak') continue;
    for (const span of block.spans)
      body.push(
        paragraph(span.text, span.size ?? SIZE.body, !!span.bold, block.align === 'justify'),
      );
  }
  body.push({
    type: 'paragraph',
    style: { alignment: 'CENTER' },
    textStyle: {},
    children: [
      {
        type: 'image',
        data: ONE_PIXEL_PNG,
        mimeType: 'image/png',
        width: 8,
        height: 8,
      },
    ],
  });
  model.body = body;
  return model;
}
