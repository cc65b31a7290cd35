/**
 * DocModel → an editable .docx (docx v9). Word lays the text out itself, so this is a mapping of
 * the model's attributes, with the choices Thai needs: every run names Sarabun for all four font
 * slots and sets complex-script size, bold and italic (Word formats Thai as a complex script),
 * JUSTIFY becomes Thai distributed, and the Sarabun faces used are embedded in the file.
 */
import {
  AlignmentType,
  BorderStyle,
  CarriageReturn,
  CharacterSet,
  Document,
  ExternalHyperlink,
  Footer,
  Header,
  HeadingLevel,
  HeightRule,
  ImageRun,
  LevelFormat,
  LineRuleType,
  NumberFormat,
  Packer,
  PageBreak,
  PageNumber,
  Paragraph,
  ShadingType,
  Tab,
  Table,
  TableCell,
  TableLayoutType,
  TableRow,
  TextRun,
  VerticalAlignTable,
  WidthType,
} from 'docx';
import type {
  BlockNode,
  DocModel,
  GlyphType,
  Heading,
  ImageNode,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  TableNode,
  TextStyle,
} from '../docmodel';
import {
  DEFAULT_BORDER_COLOR,
  DEFAULT_BORDER_WIDTH,
  DEFAULT_CELL_PADDING,
  PX,
  columnWidths,
} from './flow';
import { type Face, RENDER_FAMILY, faceOf, fontBuffer, sizeScale } from './fonts';
import { type PageGeometry, pageGeometry } from './geometry';
import { imageKind } from './images';
import { bulletChar, bulletShape, isBulletGlyph, listLevel } from './lists';
import {
  DEFAULT_FONT_SIZE,
  mergeTextStyles,
  normaliseColor,
  paragraphLook,
  paragraphTextStyle,
} from './styles';

type ParagraphChild = TextRun | ImageRun | ExternalHyperlink | PageBreak;

const twip = (pt: number) => Math.round(pt * 20);
const FONT = {
  ascii: RENDER_FAMILY,
  hAnsi: RENDER_FAMILY,
  cs: RENDER_FAMILY,
  eastAsia: RENDER_FAMILY,
};

const ALIGNMENT = {
  LEFT: AlignmentType.LEFT,
  CENTER: AlignmentType.CENTER,
  RIGHT: AlignmentType.RIGHT,
  // Word's JUSTIFY only stretches spaces, which Thai barely has.
  JUSTIFY: AlignmentType.THAI_DISTRIBUTE,
} as const;

const HEADINGS: Partial<Record<Heading, (typeof HeadingLevel)[keyof typeof HeadingLevel]>> = {
  TITLE: HeadingLevel.TITLE,
  HEADING1: HeadingLevel.HEADING_1,
  HEADING2: HeadingLevel.HEADING_2,
  HEADING3: HeadingLevel.HEADING_3,
  HEADING4: HeadingLevel.HEADING_4,
  HEADING5: HeadingLevel.HEADING_5,
  HEADING6: HeadingLevel.HEADING_6,
};

const NUMBER_FORMATS: Partial<Record<GlyphType, (typeof LevelFormat)[keyof typeof LevelFormat]>> = {
  LATIN_UPPER: LevelFormat.UPPER_LETTER,
  LATIN_LOWER: LevelFormat.LOWER_LETTER,
  ROMAN_UPPER: LevelFormat.UPPER_ROMAN,
  ROMAN_LOWER: LevelFormat.LOWER_ROMAN,
};

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  const doc = new DocxBuilder(model).build();
  const buf = await Packer.toBuffer(doc);
  return new Uint8Array(buf.buffer, buf.byteOffset, buf.length);
}

class DocxBuilder {
  private readonly page: PageGeometry;
  private readonly column: number;
  private readonly thaiDigits: boolean;
  private readonly faces = new Set<Face>(['regular']);
  /** Numbering reference of each listId, and the first item of each of its levels. */
  private readonly lists = new Map<string, Map<number, ListItemNode>>();

  constructor(private readonly model: DocModel) {
    this.page = pageGeometry(model);
    this.column = this.page.column;
    this.thaiDigits = model.pageNumberDigits === 'thai';
  }

  build(): Document {
    const { model, page } = this;
    const all = [...model.body, ...(model.header ?? []), ...(model.footer ?? [])];
    this.collectLists(all);
    const body = this.blocks(model.body, this.column);
    const header = model.header?.length
      ? new Header({ children: this.blocks(model.header, this.column) })
      : undefined;
    const footer = model.footer?.length
      ? new Footer({ children: this.blocks(model.footer, this.column) })
      : undefined;
    const defaultSize =
      (model.defaultTextStyle.fontSize ?? DEFAULT_FONT_SIZE) *
      sizeScale(model.defaultTextStyle.fontFamily);
    return new Document({
      title: model.title,
      creator: 'ITA Memo',
      styles: {
        default: {
          document: {
            run: {
              font: FONT,
              size: halfPoints(defaultSize),
              sizeComplexScript: halfPoints(defaultSize),
              language: { value: 'th-TH', bidirectional: 'th-TH' },
            },
            paragraph: { spacing: { before: 0, after: 0 } },
          },
        },
      },
      numbering: { config: this.numberingConfig() },
      fonts: [this.embeddedFont()],
      sections: [
        {
          properties: {
            page: {
              size: { width: twip(page.width), height: twip(page.height) },
              margin: {
                top: twip(page.marginTop),
                bottom: twip(page.marginBottom),
                left: twip(page.marginLeft),
                right: twip(page.marginRight),
                header: twip(Math.min(36, page.marginTop / 2)),
                footer: twip(Math.min(36, page.marginBottom / 2)),
              },
              pageNumbers: this.thaiDigits ? { formatType: NumberFormat.THAI_NUMBERS } : undefined,
            },
          },
          headers: header ? { default: header } : undefined,
          footers: footer ? { default: footer } : undefined,
          children: body,
        },
      ],
    });
  }

  /** Only the faces the document uses: each embedded face adds about 80 KB. */
  private embeddedFont() {
    const face = (f: Face) => (this.faces.has(f) ? fontBuffer(f) : undefined);
    return {
      name: RENDER_FAMILY,
      data: fontBuffer('regular'),
      bold: face('bold'),
      italic: face('italic'),
      boldItalic: face('boldItalic'),
      characterSet: CharacterSet.THAI,
    };
  }

  // ---- lists ----

  private collectLists(blocks: BlockNode[]): void {
    for (const b of blocks) {
      if (b.type === 'listItem') {
        let levels = this.lists.get(b.listId);
        if (!levels) {
          levels = new Map();
          this.lists.set(b.listId, levels);
        }
        const level = listLevel(b);
        if (!levels.has(level)) levels.set(level, b);
      } else if (b.type === 'table') {
        for (const row of b.rows) for (const cell of row.cells) this.collectLists(cell.children);
      }
    }
  }

  private numberingConfig() {
    return [...this.lists.entries()].map(([listId, levels]) => ({
      reference: listReference(listId),
      levels: Array.from({ length: 9 }, (_, level) => {
        // A level no item uses gets Docs' indents for its depth and the list's first glyph.
        const own = levels.get(level);
        const item = own ?? { ...[...levels.values()][0], style: {} };
        const look = paragraphLook({ ...item, nestingLevel: level });
        const glyph = item.glyphType;
        const indent = {
          left: twip(look.indentStart),
          hanging: twip(Math.max(look.indentStart - look.indentFirstLine, 0)),
        };
        if (isBulletGlyph(glyph)) {
          return {
            level,
            format: LevelFormat.BULLET,
            text: bulletChar(bulletShape(glyph, level)),
            alignment: AlignmentType.LEFT,
            style: { paragraph: { indent } },
          };
        }
        const format =
          NUMBER_FORMATS[glyph] ??
          (this.thaiDigits ? LevelFormat.THAI_NUMBERS : LevelFormat.DECIMAL);
        return {
          level,
          format,
          text: `%${level + 1}.`,
          alignment: AlignmentType.LEFT,
          style: { paragraph: { indent } },
        };
      }),
    }));
  }

  // ---- blocks ----

  private blocks(blocks: BlockNode[], width: number): (Paragraph | Table)[] {
    return blocks.map((b) =>
      b.type === 'table' ? this.table(b, width) : this.paragraph(b, width),
    );
  }

  private paragraph(block: ParagraphNode | ListItemNode, width: number): Paragraph {
    const look = paragraphLook(block);
    const paraStyle = paragraphTextStyle(this.model, block);
    const heading = HEADINGS[look.heading];
    const imageWidth = Math.max(
      width - Math.max(look.indentStart, look.indentFirstLine) - look.indentEnd,
      1,
    );
    const children = this.inlines(block.children, paraStyle, imageWidth, heading !== undefined);
    const firstLine = look.indentFirstLine - look.indentStart;
    const rule = block.children.some((c) => c.type === 'horizontalRule');
    return new Paragraph({
      children,
      heading,
      alignment: ALIGNMENT[look.alignment],
      indent: {
        left: twip(look.indentStart),
        right: twip(look.indentEnd),
        ...(firstLine >= 0 ? { firstLine: twip(firstLine) } : { hanging: twip(-firstLine) }),
      },
      spacing: {
        before: twip(look.spacingBefore),
        after: twip(look.spacingAfter),
        line: Math.round(240 * look.lineSpacing),
        lineRule: LineRuleType.AUTO,
      },
      keepNext: look.keepWithNext || undefined,
      thematicBreak: rule || undefined,
      numbering:
        block.type === 'listItem'
          ? { reference: listReference(block.listId), level: listLevel(block) }
          : undefined,
      // The paragraph mark's style sizes an empty paragraph, as in Docs.
      run: this.runOptions(paraStyle, heading !== undefined),
    });
  }

  private inlines(
    nodes: InlineNode[],
    paraStyle: TextStyle,
    maxImageWidth: number,
    overrideHeading: boolean,
  ): ParagraphChild[] {
    const out: ParagraphChild[] = [];
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          for (const run of node.runs) {
            if (!run.text) continue;
            const style = mergeTextStyles(paraStyle, run.style);
            const text = new TextRun({
              ...this.runOptions(style, overrideHeading),
              children: textParts(run.text),
            });
            out.push(
              style.linkUrl
                ? new ExternalHyperlink({ link: style.linkUrl, children: [text] })
                : text,
            );
          }
          break;
        case 'pageNumber':
          out.push(
            new TextRun({
              ...this.runOptions(mergeTextStyles(paraStyle, node.style), overrideHeading),
              children: [PageNumber.CURRENT],
            }),
          );
          break;
        case 'image': {
          const image = this.image(node, maxImageWidth);
          if (image) out.push(image);
          break;
        }
        case 'pageBreak':
          out.push(new PageBreak());
          break;
        case 'horizontalRule':
          break;
      }
    }
    return out;
  }

  private runOptions(style: TextStyle, overrideHeading: boolean) {
    const size = halfPoints((style.fontSize ?? DEFAULT_FONT_SIZE) * sizeScale(style.fontFamily));
    const bold = !!style.bold;
    const italic = !!style.italic;
    this.faces.add(faceOf(bold, italic));
    const color = normaliseColor(style.foregroundColor) ?? (style.linkUrl ? '#1155cc' : undefined);
    const background = normaliseColor(style.backgroundColor);
    return {
      font: FONT,
      size,
      sizeComplexScript: size,
      // A heading style brings its own weight and colour: say what the model says.
      bold: bold || (overrideHeading ? false : undefined),
      boldComplexScript: bold || (overrideHeading ? false : undefined),
      italics: italic || (overrideHeading ? false : undefined),
      italicsComplexScript: italic || (overrideHeading ? false : undefined),
      underline: style.underline || style.linkUrl ? { type: 'single' as const } : undefined,
      strike: style.strikethrough || undefined,
      color: color ? color.slice(1) : overrideHeading ? '000000' : undefined,
      shading: background
        ? { type: ShadingType.CLEAR, fill: background.slice(1), color: 'auto' }
        : undefined,
    };
  }

  private image(node: ImageNode, maxWidth: number): ImageRun | null {
    const data = Buffer.from(node.data, 'base64');
    const kind = imageKind(data);
    if (!kind) return null;
    const scale = Math.min(1, maxWidth / Math.max(node.width * PX, 1));
    return new ImageRun({
      type: kind === 'png' ? 'png' : 'jpg',
      data,
      transformation: {
        width: Math.max(Math.round(node.width * scale), 1),
        height: Math.max(Math.round(node.height * scale), 1),
      },
      altText: {
        name: node.altTitle || 'image',
        title: node.altTitle,
        description: node.altDescription,
      },
    });
  }

  private table(table: TableNode, width: number): Table {
    const columns = columnWidths(table, width);
    const borderWidth = table.borderWidth ?? DEFAULT_BORDER_WIDTH;
    const border =
      borderWidth > 0
        ? {
            style: BorderStyle.SINGLE,
            size: Math.max(Math.round(borderWidth * 8), 2),
            color: (normaliseColor(table.borderColor) ?? DEFAULT_BORDER_COLOR).slice(1),
          }
        : { style: BorderStyle.NONE, size: 0, color: 'auto' };
    const headerRows = Math.max(0, table.headerRows ?? 0);
    return new Table({
      columnWidths: columns.map(twip),
      width: { size: twip(columns.reduce((s, w) => s + w, 0)), type: WidthType.DXA },
      layout: TableLayoutType.FIXED,
      borders: {
        top: border,
        bottom: border,
        left: border,
        right: border,
        insideHorizontal: border,
        insideVertical: border,
      },
      rows: table.rows.map(
        (row, r) =>
          new TableRow({
            tableHeader: r < headerRows || undefined,
            height:
              row.minimumHeight && row.minimumHeight > 0
                ? { value: twip(row.minimumHeight), rule: HeightRule.ATLEAST }
                : undefined,
            children: row.cells.map((cell, c) => {
              const pad = (v: number | undefined) =>
                twip(v !== undefined && v >= 0 ? v : DEFAULT_CELL_PADDING);
              const inner = Math.max(
                columns[c] -
                  (cell.paddingLeft ?? DEFAULT_CELL_PADDING) -
                  (cell.paddingRight ?? DEFAULT_CELL_PADDING),
                1,
              );
              const content = this.blocks(cell.children, inner);
              // Word needs every cell to end with a paragraph.
              if (content.length === 0 || content[content.length - 1] instanceof Table) {
                content.push(new Paragraph({ children: [] }));
              }
              const background = normaliseColor(cell.backgroundColor);
              return new TableCell({
                width: { size: twip(columns[c]), type: WidthType.DXA },
                margins: {
                  top: pad(cell.paddingTop),
                  bottom: pad(cell.paddingBottom),
                  left: pad(cell.paddingLeft),
                  right: pad(cell.paddingRight),
                },
                shading: background
                  ? { type: ShadingType.CLEAR, fill: background.slice(1), color: 'auto' }
                  : undefined,
                verticalAlign:
                  cell.verticalAlignment === 'CENTER'
                    ? VerticalAlignTable.CENTER
                    : cell.verticalAlignment === 'BOTTOM'
                      ? VerticalAlignTable.BOTTOM
                      : VerticalAlignTable.TOP,
                children: content,
              });
            }),
          }),
      ),
    });
  }
}

function listReference(listId: string): string {
  return `list-${listId}`;
}

function halfPoints(pt: number): number {
  return Math.max(Math.round(pt * 2), 2);
}

/** Run text with tabs and soft line breaks as Word's own elements. */
function textParts(text: string): (string | Tab | CarriageReturn)[] {
  const parts: (string | Tab | CarriageReturn)[] = [];
  for (const piece of text.split(/(\t|\r\n|[\n\r\v\u2028])/)) {
    if (piece === '\t') parts.push(new Tab());
    else if (/^(\r\n|[\n\r\v\u2028])$/.test(piece)) parts.push(new CarriageReturn());
    else if (piece) parts.push(piece);
  }
  return parts;
}
