/**
 * DocModel → an editable .docx, written as WordprocessingML (ECMA-376 Part 1) directly: Word lays
 * the text out itself, so this is a mapping of the model's attributes, with the choices Thai
 * needs: every run names Sarabun for all four font slots and sets complex-script size, bold and
 * italic (Word formats Thai as a complex script), JUSTIFY becomes Thai distributed, and the
 * Sarabun faces used are embedded in the file.
 *
 * The XML is built as strings: a 1,000-row measures table is tens of thousands of elements, and
 * an object model of them (the `docx` library's) took seconds and hundreds of MB (see
 * docs/rendering.md). Child elements are written in the order the schema requires.
 */
import { createHash } from 'node:crypto';
import type {
  BlockNode,
  Border,
  DocModel,
  GlyphType,
  Heading,
  ImageNode,
  InlineNode,
  ListItemNode,
  ParagraphNode,
  PositionedImageNode,
  TableNode,
  TextStyle,
  SectionStyle,
} from '../docmodel';
import {
  DEFAULT_BORDER_COLOR,
  DEFAULT_BORDER_WIDTH,
  DEFAULT_CELL_PADDING,
  PX,
  columnWidths,
} from './flow';
import { type Face, TH_SARABUN_SCALE, faceOf, sizeScale } from './fonts';
import { DOCX_FAMILY, thScaleFont } from './th-scale-font';
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
import { withNoBreakSpaces } from './thai-breaking';
import { zip, type ZipEntry } from './zip';

const twip = (pt: number) => Math.round(pt * 20);

/** Stands for a section's w:sectPr until it can be written; text never holds U+0000 (`esc`). */
const SECTION_MARK = '\u0000';
/** English Metric Units per pixel at 96 dpi. */
const EMU_PER_PX = 9525;

const NS = {
  w: 'http://schemas.openxmlformats.org/wordprocessingml/2006/main',
  r: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
  wp: 'http://schemas.openxmlformats.org/drawingml/2006/wordprocessingDrawing',
  a: 'http://schemas.openxmlformats.org/drawingml/2006/main',
  pic: 'http://schemas.openxmlformats.org/drawingml/2006/picture',
  rel: 'http://schemas.openxmlformats.org/package/2006/relationships',
  officeRel: 'http://schemas.openxmlformats.org/officeDocument/2006/relationships',
};
const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const W_ROOT = `xmlns:w="${NS.w}" xmlns:r="${NS.r}"`;

const ALIGNMENT = {
  LEFT: 'left',
  CENTER: 'center',
  RIGHT: 'right',
  // Word's "both" only stretches spaces, which Thai barely has.
  JUSTIFY: 'thaiDistribute',
} as const;

/** Word's built-in paragraph styles for Docs' named styles (ids and names as Word spells them). */
const HEADINGS: Partial<Record<Heading, { id: string; name: string; outline: number }>> = {
  TITLE: { id: 'Title', name: 'Title', outline: 0 },
  HEADING1: { id: 'Heading1', name: 'heading 1', outline: 0 },
  HEADING2: { id: 'Heading2', name: 'heading 2', outline: 1 },
  HEADING3: { id: 'Heading3', name: 'heading 3', outline: 2 },
  HEADING4: { id: 'Heading4', name: 'heading 4', outline: 3 },
  HEADING5: { id: 'Heading5', name: 'heading 5', outline: 4 },
  HEADING6: { id: 'Heading6', name: 'heading 6', outline: 5 },
};

const NUMBER_FORMATS: Partial<Record<GlyphType, string>> = {
  LATIN_UPPER: 'upperLetter',
  LATIN_LOWER: 'lowerLetter',
  ROMAN_UPPER: 'upperRoman',
  ROMAN_LOWER: 'lowerRoman',
};

const FACE_ELEMENT: Record<Face, string> = {
  regular: 'embedRegular',
  bold: 'embedBold',
  italic: 'embedItalic',
  boldItalic: 'embedBoldItalic',
};

const XML_ESCAPES: Record<string, string> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
};

/** Text and attribute values; characters XML 1.0 forbids are dropped. */
// eslint-disable-next-line no-control-regex
const XML_UNSAFE = /[&<>"]|[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

function esc(s: string): string {
  return s.replace(XML_UNSAFE, (c) => XML_ESCAPES[c] ?? '');
}

export async function renderDocx(model: DocModel): Promise<Uint8Array> {
  return new DocxWriter(model).write();
}

interface Section {
  kind: 'header' | 'footer';
  type: 'default' | 'first';
  id: string;
}

interface Relationship {
  id: string;
  type: string;
  target: string;
  external?: boolean;
}

/** One XML part's relationships (document, header, footer each have their own). */
class Relationships {
  readonly list: Relationship[] = [];
  add(type: string, target: string, external = false): string {
    const id = `rId${this.list.length + 1}`;
    this.list.push({ id, type: `${NS.officeRel}/${type}`, target, external });
    return id;
  }
  xml(): string {
    return `${XML_HEAD}<Relationships xmlns="${NS.rel}">${this.list
      .map(
        (r) =>
          `<Relationship Id="${r.id}" Type="${r.type}" Target="${esc(r.target)}"${r.external ? ' TargetMode="External"' : ''}/>`,
      )
      .join('')}</Relationships>`;
  }
}

class DocxWriter {
  private readonly page: PageGeometry;
  private readonly thaiDigits: boolean;
  private readonly faces = new Set<Face>(['regular']);
  /** numId (1…) of each listId, and the first item of each of its levels. */
  private readonly lists = new Map<string, { numId: number; levels: Map<number, ListItemNode> }>();
  private readonly media: ZipEntry[] = [];
  private drawings = 0;
  /** The relationships of the part being written. */
  private rels = new Relationships();

  constructor(private readonly model: DocModel) {
    this.page = pageGeometry(model);
    this.thaiDigits = model.pageNumberDigits === 'thai';
  }

  write(): Uint8Array {
    const { model } = this;
    this.collectLists([
      ...model.body,
      ...(model.header ?? []),
      ...(model.footer ?? []),
      ...(model.firstPageHeader ?? []),
      ...(model.firstPageFooter ?? []),
    ]);
    const parts: ZipEntry[] = [];
    const docRels = new Relationships();
    docRels.add('styles', 'styles.xml');
    docRels.add('settings', 'settings.xml');
    docRels.add('fontTable', 'fontTable.xml');
    const numbering = this.lists.size ? docRels.add('numbering', 'numbering.xml') : null;
    this.rels = docRels;
    const body = this.blocks(model.body, this.page.column);
    const sections: Section[] = [];
    // Docs' "different first page" is Word's titlePg with the first page's own (maybe empty) parts.
    const first = !!model.differentFirstPage;
    const furniture: [Section['kind'], Section['type'], BlockNode[] | undefined][] = [
      ['header', 'default', model.header],
      ['footer', 'default', model.footer],
      ['header', 'first', first ? (model.firstPageHeader ?? []) : undefined],
      ['footer', 'first', first ? (model.firstPageFooter ?? []) : undefined],
    ];
    for (const [kind, type, blocks] of furniture) {
      if (!blocks || (type === 'default' && !blocks.length)) continue;
      this.rels = new Relationships();
      const root = kind === 'header' ? 'hdr' : 'ftr';
      const name = `${kind}${sections.filter((x) => x.kind === kind).length + 1}.xml`;
      const inner = blocks.length ? this.blocks(blocks, this.page.column) : '<w:p/>';
      parts.push({
        name: `word/${name}`,
        data: `${XML_HEAD}<w:${root} ${W_ROOT}>${inner}</w:${root}>`,
      });
      if (this.rels.list.length)
        parts.push({ name: `word/_rels/${name}.rels`, data: this.rels.xml() });
      sections.push({ kind, type, id: docRels.add(kind, name) });
    }
    // Section k ends with the style of section k (the first: the document's); the body's last
    // w:sectPr is the last section's. Every section repeats the header and footer references.
    const styles: (SectionStyle | null)[] = [null, ...this.sectionStyles];
    const withSections = body.replace(
      new RegExp(`${SECTION_MARK}(\\d+)${SECTION_MARK}`, 'g'),
      (_, k: string) => this.sectPr(sections, styles[Number(k)]),
    );
    const document = `${XML_HEAD}<w:document ${W_ROOT}><w:body>${withSections}${this.sectPr(sections, styles[styles.length - 1])}</w:body></w:document>`;
    const fonts = this.fontParts();
    const entries: ZipEntry[] = [
      { name: '[Content_Types].xml', data: this.contentTypes(parts) },
      { name: '_rels/.rels', data: this.packageRels() },
      { name: 'docProps/core.xml', data: this.coreProps() },
      { name: 'word/document.xml', data: document },
      { name: 'word/_rels/document.xml.rels', data: docRels.xml() },
      { name: 'word/styles.xml', data: this.styles() },
      { name: 'word/settings.xml', data: SETTINGS },
      ...fonts,
      ...parts,
      ...this.media,
    ];
    if (numbering) entries.push({ name: 'word/numbering.xml', data: this.numbering() });
    return zip(entries);
  }

  // ---- package parts ----

  private contentTypes(parts: ZipEntry[]): string {
    const override = (part: string, type: string) =>
      `<Override PartName="/${part}" ContentType="application/vnd.openxmlformats-${type}"/>`;
    const wml = 'officedocument.wordprocessingml';
    return `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Default Extension="png" ContentType="image/png"/><Default Extension="jpeg" ContentType="image/jpeg"/><Default Extension="odttf" ContentType="application/vnd.openxmlformats-officedocument.obfuscatedFont"/>${override('word/document.xml', `${wml}.document.main+xml`)}${override('word/styles.xml', `${wml}.styles+xml`)}${override('word/settings.xml', `${wml}.settings+xml`)}${override('word/fontTable.xml', `${wml}.fontTable+xml`)}${this.lists.size ? override('word/numbering.xml', `${wml}.numbering+xml`) : ''}${parts
      .filter((p) => p.name.endsWith('.xml'))
      .map((p) => override(p.name, `${wml}.${p.name.includes('header') ? 'header' : 'footer'}+xml`))
      .join('')}${override('docProps/core.xml', 'package.core-properties+xml')}</Types>`;
  }

  private packageRels(): string {
    return `${XML_HEAD}<Relationships xmlns="${NS.rel}"><Relationship Id="rId1" Type="${NS.officeRel}/officeDocument" Target="word/document.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>`;
  }

  private coreProps(): string {
    const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
    return `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${esc(this.model.title ?? '')}</dc:title><dc:creator>ITA Memo</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`;
  }

  /** Document defaults as the renderers resolve them, and Word's heading styles (no own look). */
  private styles(): string {
    const d = this.model.defaultTextStyle;
    const size = docxHalfPoints(d.fontSize ?? DEFAULT_FONT_SIZE, d.fontFamily);
    const headings = Object.values(HEADINGS)
      .map(
        (h) =>
          `<w:style w:type="paragraph" w:styleId="${h?.id}"><w:name w:val="${h?.name}"/><w:basedOn w:val="Normal"/><w:next w:val="Normal"/><w:qFormat/><w:pPr><w:outlineLvl w:val="${h?.outline}"/></w:pPr></w:style>`,
      )
      .join('');
    return `${XML_HEAD}<w:styles ${W_ROOT}><w:docDefaults><w:rPrDefault><w:rPr>${FONTS}<w:sz w:val="${size}"/><w:szCs w:val="${size}"/><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/><w:qFormat/></w:style><w:style w:type="table" w:default="1" w:styleId="TableNormal"><w:name w:val="Normal Table"/><w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/><w:tblPr><w:tblInd w:w="0" w:type="dxa"/><w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="108" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="108" w:type="dxa"/></w:tblCellMar></w:tblPr></w:style>${headings}</w:styles>`;
  }

  /**
   * Only the faces the document uses: each embedded face adds about 80 KB. Embedded fonts are
   * obfuscated: the first 32 bytes XORed with the font key's bytes in reverse order (ECMA-376
   * Part 1, 17.8.1); keys are derived from the face, so the same document gives the same file.
   */
  private fontParts(): ZipEntry[] {
    const rels = new Relationships();
    const entries: ZipEntry[] = [];
    let embeds = '';
    for (const face of ['regular', 'bold', 'italic', 'boldItalic'] as const) {
      if (!this.faces.has(face)) continue;
      const hex = createHash('sha256').update(`ita-memo ${DOCX_FAMILY} ${face}`).digest('hex');
      const key =
        `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20, 32)}`.toUpperCase();
      const n = entries.length + 1;
      const id = rels.add('font', `fonts/font${n}.odttf`);
      entries.push({ name: `word/fonts/font${n}.odttf`, data: obfuscate(thScaleFont(face), key) });
      embeds += `<w:${FACE_ELEMENT[face]} r:id="${id}" w:fontKey="{${key}}"/>`;
    }
    const table = `${XML_HEAD}<w:fonts ${W_ROOT}><w:font w:name="${DOCX_FAMILY}"><w:charset w:val="DE"/><w:family w:val="auto"/><w:pitch w:val="variable"/>${embeds}</w:font></w:fonts>`;
    return [
      { name: 'word/fontTable.xml', data: table },
      { name: 'word/_rels/fontTable.xml.rels', data: rels.xml() },
      ...entries,
    ];
  }

  /**
   * One section's properties; `style` null: the first section, the document's own. A later
   * section restarts its numbering with w:pgNumType w:start (unset: continues) and has a
   * different first page (w:titlePg) only when its style says so, as SectionStyle reads.
   */
  private sectPr(sections: Section[], style: SectionStyle | null): string {
    const p = this.page;
    const refs = sections
      .map((s) => `<w:${s.kind}Reference w:type="${s.type}" r:id="${s.id}"/>`)
      .join('');
    const titlePg = (
      style ? style.useFirstPageHeaderFooter === true : sections.some((s) => s.type === 'first')
    )
      ? '<w:titlePg/>'
      : '';
    const fmt = this.thaiDigits ? ' w:fmt="thaiNumbers"' : '';
    const start = style?.pageNumberStart !== undefined ? ` w:start="${style.pageNumberStart}"` : '';
    const pgNum = fmt || start ? `<w:pgNumType${fmt}${start}/>` : '';
    return `<w:sectPr>${refs}<w:type w:val="nextPage"/><w:pgSz w:w="${twip(p.width)}" w:h="${twip(p.height)}"/><w:pgMar w:top="${twip(p.marginTop)}" w:right="${twip(p.marginRight)}" w:bottom="${twip(p.marginBottom)}" w:left="${twip(p.marginLeft)}" w:header="${twip(Math.min(36, p.marginTop / 2))}" w:footer="${twip(Math.min(36, p.marginBottom / 2))}" w:gutter="0"/>${pgNum}<w:cols w:space="708"/>${titlePg}</w:sectPr>`;
  }

  // ---- lists ----

  private collectLists(blocks: BlockNode[]): void {
    for (const b of blocks) {
      if (b.type === 'listItem') {
        let list = this.lists.get(b.listId);
        if (!list) {
          list = { numId: this.lists.size + 1, levels: new Map() };
          this.lists.set(b.listId, list);
        }
        const level = listLevel(b);
        if (!list.levels.has(level)) list.levels.set(level, b);
      } else if (b.type === 'table') {
        for (const row of b.rows) for (const cell of row.cells) this.collectLists(cell.children);
      }
    }
  }

  /** One abstract numbering and one numbering instance per listId, so counting carries on. */
  private numbering(): string {
    const abstract: string[] = [];
    const nums: string[] = [];
    for (const { numId, levels } of this.lists.values()) {
      const lvls = Array.from({ length: 9 }, (_, level) => {
        // A level no item uses gets Docs' indents for its depth and the list's first glyph.
        const own = levels.get(level);
        const item = own ?? { ...[...levels.values()][0], style: {} };
        const look = paragraphLook({ ...item, nestingLevel: level });
        const glyph = item.glyphType;
        const bullet = isBulletGlyph(glyph);
        const format = bullet
          ? 'bullet'
          : (NUMBER_FORMATS[glyph] ?? (this.thaiDigits ? 'thaiNumbers' : 'decimal'));
        const text = bullet ? bulletChar(bulletShape(glyph, level)) : `%${level + 1}.`;
        const hanging = twip(Math.max(look.indentStart - look.indentFirstLine, 0));
        return `<w:lvl w:ilvl="${level}"><w:start w:val="1"/><w:numFmt w:val="${format}"/><w:lvlText w:val="${esc(text)}"/><w:lvlJc w:val="left"/><w:pPr><w:ind w:left="${twip(look.indentStart)}" w:hanging="${hanging}"/></w:pPr></w:lvl>`;
      }).join('');
      abstract.push(
        `<w:abstractNum w:abstractNumId="${numId}"><w:multiLevelType w:val="hybridMultilevel"/>${lvls}</w:abstractNum>`,
      );
      nums.push(`<w:num w:numId="${numId}"><w:abstractNumId w:val="${numId}"/></w:num>`);
    }
    return `${XML_HEAD}<w:numbering ${W_ROOT}>${abstract.join('')}${nums.join('')}</w:numbering>`;
  }

  // ---- blocks ----

  private blocks(blocks: BlockNode[], width: number): string {
    let out = '';
    for (const b of blocks) {
      if (b.type === 'sectionBreak') out = this.endSection(out, b.style);
      else if (b.type === 'table') out += this.table(b, width);
      else
        out +=
          b.type === 'paragraph' && formLineParts(b)
            ? this.formLine(b, width)
            : this.paragraph(b, width);
    }
    return out;
  }

  /** The styles of the sections the body's breaks start, in order (the first is the document's). */
  private readonly sectionStyles: SectionStyle[] = [];

  /**
   * A section ends at a paragraph whose properties hold its w:sectPr (ECMA-376 Part 1, 17.6.18):
   * the last paragraph written, or an empty one when a table comes last. The w:sectPr is filled
   * in once the header and footer parts exist (`SECTION_MARK`).
   */
  private endSection(out: string, next: SectionStyle): string {
    const mark = `${SECTION_MARK}${this.sectionStyles.length}${SECTION_MARK}`;
    this.sectionStyles.push(next);
    const k = out.lastIndexOf('<w:p>');
    const tail = k >= 0 ? out.slice(k) : '';
    if (tail.startsWith('<w:p><w:pPr>') && !tail.includes('<w:tbl'))
      return out.slice(0, k) + tail.replace('</w:pPr>', `${mark}</w:pPr>`);
    return `${out}<w:p><w:pPr>${mark}</w:pPr></w:p>`;
  }

  private paragraph(block: ParagraphNode | ListItemNode, width: number): string {
    const look = paragraphLook(block);
    const paraStyle = paragraphTextStyle(this.model, block);
    const heading = HEADINGS[look.heading];
    const imageWidth = Math.max(
      width - Math.max(look.indentStart, look.indentFirstLine) - look.indentEnd,
      1,
    );
    const firstLine = look.indentFirstLine - look.indentStart;
    const rule = block.children.some((c) => c.type === 'horizontalRule');
    let pPr = heading ? `<w:pStyle w:val="${heading.id}"/>` : '';
    if (look.keepWithNext) pPr += '<w:keepNext/>';
    if (block.type === 'listItem') {
      const list = this.lists.get(block.listId);
      pPr += `<w:numPr><w:ilvl w:val="${listLevel(block)}"/><w:numId w:val="${list?.numId ?? 0}"/></w:numPr>`;
    }
    const bottom = block.style.borderBottom;
    if (bottom && bottom.width > 0) pPr += `<w:pBdr>${borderXml('bottom', bottom, true)}</w:pBdr>`;
    else if (rule)
      pPr += '<w:pBdr><w:bottom w:val="single" w:color="auto" w:sz="6" w:space="1"/></w:pBdr>';
    pPr += `<w:spacing w:before="${twip(look.spacingBefore)}" w:after="${twip(look.spacingAfter)}" w:line="${Math.round(240 * look.lineSpacing)}" w:lineRule="auto"/>`;
    pPr += `<w:ind w:left="${twip(look.indentStart)}" w:right="${twip(look.indentEnd)}" ${firstLine >= 0 ? `w:firstLine="${twip(firstLine)}"` : `w:hanging="${twip(-firstLine)}"`}/>`;
    pPr += `<w:jc w:val="${ALIGNMENT[look.alignment]}"/>`;
    // The paragraph mark's style sizes an empty paragraph, as in Docs.
    pPr += `<w:rPr>${this.runProperties(paraStyle, heading !== undefined)}</w:rPr>`;
    const content = this.inlines(block.children, paraStyle, imageWidth, heading !== undefined);
    const anchored =
      block.type === 'paragraph'
        ? (block.positioned ?? []).map((img) => this.anchoredImage(img, look.indentStart)).join('')
        : '';
    return `<w:p><w:pPr>${pPr}</w:pPr>${anchored}${content}</w:p>`;
  }

  /**
   * A header line of the form (ส่วนราชการ, เรื่อง: a label, a tab to the hanging indent, the value,
   * a dotted bottom border) as the ที่/วันที่ row is written: a borderless table whose first cell
   * holds the label and whose second the value. Word and LibreOffice draw a paragraph border from
   * the hanging label's edge and under the last line only; the form has dots after the label on
   * every line. So the value's text is underlined with dots (every line it takes) and ends with a
   * dotted-underlined tab to a right tab stop at the margin (the rest of its last line).
   */
  private formLine(block: ParagraphNode, width: number): string {
    const { label, value } = formLineParts(block) as NonNullable<ReturnType<typeof formLineParts>>;
    const look = paragraphLook(block);
    const paraStyle = paragraphTextStyle(this.model, block);
    const hang = Math.min(Math.max(look.indentStart, 0), width - 1);
    const valueWidth = Math.max(width - hang - look.indentEnd, 1);
    const spacing = `<w:spacing w:before="${twip(look.spacingBefore)}" w:after="${twip(look.spacingAfter)}" w:line="${Math.round(240 * look.lineSpacing)}" w:lineRule="auto"/>`;
    const mark = `<w:rPr>${this.runProperties(paraStyle, false)}</w:rPr>`;
    const cell = (w: number, pPr: string, runs: string) =>
      `<w:tc><w:tcPr><w:tcW w:w="${twip(w)}" w:type="dxa"/><w:tcBorders>${['top', 'left', 'bottom', 'right'].map((k) => borderXml(k, { width: 0 })).join('')}</w:tcBorders><w:tcMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tcMar></w:tcPr><w:p><w:pPr>${pPr}${spacing}<w:ind w:left="0" w:right="0" w:firstLine="0"/><w:jc w:val="left"/>${mark}</w:pPr>${runs}</w:p></w:tc>`;
    const labelRuns = this.inlines(label, paraStyle, hang, false);
    const dotted = this.inlines(value, paraStyle, valueWidth, false, 'dotted');
    const tail = `<w:r><w:rPr>${this.runProperties(paraStyle, false, 'dotted')}</w:rPr><w:tab/></w:r>`;
    const tabs = `<w:tabs><w:tab w:val="right" w:pos="${twip(valueWidth)}"/></w:tabs>`;
    return `<w:tbl><w:tblPr><w:tblW w:w="${twip(hang + valueWidth)}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((k) => borderXml(k, { width: 0 })).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/><w:tblCellMar><w:left w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar></w:tblPr><w:tblGrid><w:gridCol w:w="${twip(hang)}"/><w:gridCol w:w="${twip(valueWidth)}"/></w:tblGrid><w:tr><w:trPr><w:cantSplit/></w:trPr>${cell(hang, '', labelRuns)}${cell(valueWidth, tabs, dotted + tail)}</w:tr></w:tbl>`;
  }

  private inlines(
    nodes: InlineNode[],
    paraStyle: TextStyle,
    maxImageWidth: number,
    overrideHeading: boolean,
    underline?: 'dotted',
  ): string {
    let out = '';
    for (const node of nodes) {
      switch (node.type) {
        case 'text':
          for (const run of node.runs) {
            if (!run.text) continue;
            const style = mergeTextStyles(paraStyle, run.style);
            const rPr = this.runProperties(style, overrideHeading, underline);
            // Latin tokens (URLs, e-mails, codes such as E-Service or i13) are runs of their own
            // in English: LibreOffice breaks a Thai-language run with its Thai dictionary, which
            // cuts www.muangkhai.go.th after any letter; Word follows the run's language too
            // (w:lang, ECMA-376 Part 1, 17.3.2.20).
            const r = latinSplit(run.text)
              .map(([text, latin]) =>
                latin
                  ? `<w:r><w:rPr>${rPr}${LATIN_LANG}</w:rPr>${textParts(text)}</w:r>`
                  : `<w:r><w:rPr>${rPr}</w:rPr>${textParts(text)}</w:r>`,
              )
              .join('');
            out += style.linkUrl
              ? `<w:hyperlink r:id="${this.rels.add('hyperlink', style.linkUrl, true)}" w:history="1">${r}</w:hyperlink>`
              : r;
          }
          break;
        case 'pageNumber': {
          const rPr = `<w:rPr>${this.runProperties(mergeTextStyles(paraStyle, node.style), overrideHeading)}</w:rPr>`;
          out += `<w:r>${rPr}<w:fldChar w:fldCharType="begin"/></w:r><w:r>${rPr}<w:instrText xml:space="preserve">PAGE</w:instrText></w:r><w:r>${rPr}<w:fldChar w:fldCharType="separate"/></w:r><w:r>${rPr}<w:t>1</w:t></w:r><w:r>${rPr}<w:fldChar w:fldCharType="end"/></w:r>`;
          break;
        }
        case 'image':
          out += this.image(node, maxImageWidth);
          break;
        case 'pageBreak':
          out += '<w:r><w:br w:type="page"/></w:r>';
          break;
        case 'horizontalRule':
          break;
      }
    }
    return out;
  }

  /** Run properties in schema order: fonts, bold, italic, strike, colour, sizes, underline, shading. */
  private runProperties(style: TextStyle, overrideHeading: boolean, underline?: 'dotted'): string {
    const size = docxHalfPoints(style.fontSize ?? DEFAULT_FONT_SIZE, style.fontFamily);
    const bold = !!style.bold;
    const italic = !!style.italic;
    this.faces.add(faceOf(bold, italic));
    const color = normaliseColor(style.foregroundColor) ?? (style.linkUrl ? '#1155cc' : undefined);
    const background = normaliseColor(style.backgroundColor);
    let out = FONTS;
    // A heading style brings its own weight and colour: say what the model says.
    if (bold) out += '<w:b/><w:bCs/>';
    else if (overrideHeading) out += '<w:b w:val="false"/><w:bCs w:val="false"/>';
    if (italic) out += '<w:i/><w:iCs/>';
    else if (overrideHeading) out += '<w:i w:val="false"/><w:iCs w:val="false"/>';
    if (style.strikethrough) out += '<w:strike/>';
    if (color) out += `<w:color w:val="${color.slice(1)}"/>`;
    else if (overrideHeading) out += '<w:color w:val="000000"/>';
    out += `<w:sz w:val="${size}"/><w:szCs w:val="${size}"/>`;
    if (underline) out += `<w:u w:val="${underline}"/>`;
    else if (style.underline || style.linkUrl) out += '<w:u w:val="single"/>';
    if (background) out += `<w:shd w:fill="${background.slice(1)}" w:color="auto" w:val="clear"/>`;
    return out;
  }

  /** Stores the picture in the package: its relationship id, or null when it cannot be read. */
  private embed(base64: string): string | null {
    const data = Buffer.from(base64, 'base64');
    const kind = imageKind(data);
    if (!kind) return null;
    const file = `media/image${this.media.length + 1}.${kind === 'png' ? 'png' : 'jpeg'}`;
    this.media.push({ name: `word/${file}`, data });
    return this.rels.add('image', file);
  }

  /** The picture itself (DrawingML), shared by inline and anchored images. */
  private graphic(id: string, docPr: number, name: string, cx: number, cy: number): string {
    return `<wp:cNvGraphicFramePr><a:graphicFrameLocks xmlns:a="${NS.a}" noChangeAspect="1"/></wp:cNvGraphicFramePr><a:graphic xmlns:a="${NS.a}"><a:graphicData uri="${NS.pic}"><pic:pic xmlns:pic="${NS.pic}"><pic:nvPicPr><pic:cNvPr id="${docPr}" name="${name}"/><pic:cNvPicPr/></pic:nvPicPr><pic:blipFill><a:blip r:embed="${id}"/><a:stretch><a:fillRect/></a:stretch></pic:blipFill><pic:spPr><a:xfrm><a:off x="0" y="0"/><a:ext cx="${cx}" cy="${cy}"/></a:xfrm><a:prstGeom prst="rect"><a:avLst/></a:prstGeom></pic:spPr></pic:pic></a:graphicData></a:graphic>`;
  }

  private image(node: ImageNode, maxWidth: number): string {
    const id = this.embed(node.data);
    if (!id) return '';
    const scale = Math.min(1, maxWidth / Math.max(node.width * PX, 1));
    const cx = Math.max(Math.round(node.width * scale), 1) * EMU_PER_PX;
    const cy = Math.max(Math.round(node.height * scale), 1) * EMU_PER_PX;
    const docPr = ++this.drawings;
    const name = esc(node.altTitle || 'image');
    const descr = node.altDescription ? ` descr="${esc(node.altDescription)}"` : '';
    const title = node.altTitle ? ` title="${esc(node.altTitle)}"` : '';
    return `<w:r><w:drawing><wp:inline distT="0" distB="0" distL="0" distR="0" xmlns:wp="${NS.wp}"><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:docPr id="${docPr}" name="${name}"${descr}${title}/>${this.graphic(id, docPr, name, cx, cy)}</wp:inline></w:drawing></w:r>`;
  }

  /**
   * A PositionedImage as a floating picture in front of the text (wrapNone), its offsets from
   * the paragraph's left edge (the column plus the start indent) and the paragraph's top.
   */
  private anchoredImage(node: PositionedImageNode, indentStart: number): string {
    const id = this.embed(node.data);
    if (!id) return '';
    const cx = Math.max(Math.round(node.width), 1) * EMU_PER_PX;
    const cy = Math.max(Math.round(node.height), 1) * EMU_PER_PX;
    const emu = (pt: number) => Math.round(pt * 12700);
    const docPr = ++this.drawings;
    const name = `image${docPr}`;
    return `<w:r><w:drawing><wp:anchor distT="0" distB="0" distL="0" distR="0" simplePos="0" relativeHeight="${251658240 + docPr}" behindDoc="0" locked="0" layoutInCell="1" allowOverlap="1" xmlns:wp="${NS.wp}"><wp:simplePos x="0" y="0"/><wp:positionH relativeFrom="column"><wp:posOffset>${emu(indentStart + node.leftOffset)}</wp:posOffset></wp:positionH><wp:positionV relativeFrom="paragraph"><wp:posOffset>${emu(node.topOffset)}</wp:posOffset></wp:positionV><wp:extent cx="${cx}" cy="${cy}"/><wp:effectExtent l="0" t="0" r="0" b="0"/><wp:wrapNone/><wp:docPr id="${docPr}" name="${name}"/>${this.graphic(id, docPr, name, cx, cy)}</wp:anchor></w:drawing></w:r>`;
  }

  private table(table: TableNode, width: number): string {
    const columns = columnWidths(table, width);
    const borderWidth = table.borderWidth ?? DEFAULT_BORDER_WIDTH;
    const border = (side: string) =>
      borderWidth > 0
        ? `<w:${side} w:val="single" w:color="${(normaliseColor(table.borderColor) ?? DEFAULT_BORDER_COLOR).slice(1)}" w:sz="${Math.max(Math.round(borderWidth * 8), 2)}" w:space="0"/>`
        : `<w:${side} w:val="none" w:color="auto" w:sz="0" w:space="0"/>`;
    const headerRows = Math.max(0, table.headerRows ?? 0);
    const total = twip(columns.reduce((s, w) => s + w, 0));
    let out = `<w:tbl><w:tblPr><w:tblW w:w="${total}" w:type="dxa"/><w:tblBorders>${['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map(border).join('')}</w:tblBorders><w:tblLayout w:type="fixed"/></w:tblPr><w:tblGrid>${columns.map((w) => `<w:gridCol w:w="${twip(w)}"/>`).join('')}</w:tblGrid>`;
    table.rows.forEach((row, r) => {
      let trPr = '';
      if (row.minimumHeight && row.minimumHeight > 0)
        trPr += `<w:trHeight w:val="${twip(row.minimumHeight)}" w:hRule="atLeast"/>`;
      // A row that fits on a page is never split across pages (Word splits a taller one anyway).
      trPr += '<w:cantSplit/>';
      if (r < headerRows) trPr += '<w:tblHeader/>';
      out += `<w:tr>${trPr ? `<w:trPr>${trPr}</w:trPr>` : ''}`;
      row.cells.forEach((cell, c) => {
        const pad = (v: number | undefined) =>
          twip(v !== undefined && v >= 0 ? v : DEFAULT_CELL_PADDING);
        const inner = Math.max(
          columns[c] -
            (cell.paddingLeft ?? DEFAULT_CELL_PADDING) -
            (cell.paddingRight ?? DEFAULT_CELL_PADDING),
          1,
        );
        let content = this.blocks(cell.children, inner);
        // Word needs every cell to end with a paragraph.
        const last = cell.children[cell.children.length - 1];
        if (!last || last.type === 'table') content += '<w:p/>';
        const background = normaliseColor(cell.backgroundColor);
        const vAlign =
          cell.verticalAlignment === 'CENTER'
            ? 'center'
            : cell.verticalAlignment === 'BOTTOM'
              ? 'bottom'
              : 'top';
        const sides = cell.borders
          ? `<w:tcBorders>${(['top', 'left', 'bottom', 'right'] as const)
              .map((k) => {
                const b = cell.borders?.[k];
                if (b) return borderXml(k, b);
                return borderWidth > 0 ? '' : borderXml(k, { width: 0 });
              })
              .join('')}</w:tcBorders>`
          : '';
        out += `<w:tc><w:tcPr><w:tcW w:w="${twip(columns[c])}" w:type="dxa"/>${sides}${background ? `<w:shd w:fill="${background.slice(1)}" w:color="auto" w:val="clear"/>` : ''}<w:tcMar><w:top w:w="${pad(cell.paddingTop)}" w:type="dxa"/><w:left w:w="${pad(cell.paddingLeft)}" w:type="dxa"/><w:bottom w:w="${pad(cell.paddingBottom)}" w:type="dxa"/><w:right w:w="${pad(cell.paddingRight)}" w:type="dxa"/></w:tcMar><w:vAlign w:val="${vAlign}"/></w:tcPr>${content}</w:tc>`;
      });
      out += '</w:tr>';
    });
    return `${out}</w:tbl>`;
  }
}

const FONTS = `<w:rFonts w:ascii="${DOCX_FAMILY}" w:hAnsi="${DOCX_FAMILY}" w:eastAsia="${DOCX_FAMILY}" w:cs="${DOCX_FAMILY}"/>`;

/** Fonts embedded in the file are used where Sarabun is not installed. */
const SETTINGS = `${XML_HEAD}<w:settings ${W_ROOT}><w:embedTrueTypeFonts/><w:defaultTabStop w:val="720"/><w:compat><w:compatSetting w:name="compatibilityMode" w:uri="http://schemas.microsoft.com/office/word" w:val="15"/></w:compat></w:settings>`;

/** A paragraph or cell border (17.3.4): line style, width in eighths of a point, padding in points. */
function borderXml(side: string, b: Border, paragraph = false): string {
  if (!(b.width > 0)) return `<w:${side} w:val="none" w:color="auto" w:sz="0" w:space="0"/>`;
  const val = b.dash === 'DOT' ? 'dotted' : b.dash === 'DASH' ? 'dashed' : 'single';
  const color = (normaliseColor(b.color) ?? DEFAULT_BORDER_COLOR).slice(1);
  const space = paragraph ? Math.round(b.padding ?? 0) : 0;
  return `<w:${side} w:val="${val}" w:color="${color}" w:sz="${Math.max(Math.round(b.width * 8), 2)}" w:space="${space}"/>`;
}

/**
 * A model size as the DOCX carries it: TH Sarabun's official size (Sarabun 11 → 16 pt, 14 → 20,
 * 20 → 29), in "Sarabun TH", which is drawn at that scale (th-scale-font.ts). Within 0.35 pt of a
 * whole size, the whole size: the form's sizes are whole points.
 */
function docxHalfPoints(size: number, family: string | undefined): number {
  const pt = size * sizeScale(family) * TH_SARABUN_SCALE;
  const whole = Math.round(pt);
  return halfPoints(Math.abs(pt - whole) <= 0.35 ? whole : pt);
}

function halfPoints(pt: number): number {
  return Math.max(Math.round(pt * 2), 2);
}

/** Run text with tabs and soft line breaks as Word's own elements. */
/**
 * A form line's label (what comes before its first tab) and value (after it), when `block` is
 * one: a dotted bottom border and a hanging indent the tab goes to. Otherwise null.
 */
function formLineParts(
  block: ParagraphNode | ListItemNode,
): { label: InlineNode[]; value: InlineNode[] } | null {
  const border = block.style.borderBottom;
  if (block.type !== 'paragraph' || border?.dash !== 'DOT' || !(border.width > 0)) return null;
  const look = paragraphLook(block);
  if (!(look.indentFirstLine < look.indentStart)) return null;
  const label: InlineNode[] = [];
  for (let i = 0; i < block.children.length; i++) {
    const node = block.children[i];
    if (node.type !== 'text') {
      label.push(node);
      continue;
    }
    for (let k = 0; k < node.runs.length; k++) {
      const run = node.runs[k];
      const tab = run.text.indexOf('\t');
      if (tab < 0) continue;
      const before = [...node.runs.slice(0, k), { ...run, text: run.text.slice(0, tab) }];
      const after = [{ ...run, text: run.text.slice(tab + 1) }, ...node.runs.slice(k + 1)];
      label.push({ type: 'text', runs: before });
      return { label, value: [{ type: 'text', runs: after }, ...block.children.slice(i + 1)] };
    }
    label.push(node);
  }
  return null;
}

/** The language of a Latin token's run; last in w:rPr, as the schema orders it. */
const LATIN_LANG = '<w:lang w:val="en-US" w:bidi="th-TH"/>';

/**
 * A token with a Latin letter and no space or Thai letter (a URL, an e-mail, a code), with the
 * Latin or number tokens that follow it after a space ("Integrity and Transparency Assessment",
 * "TH Sarabun New 16"): one run each.
 */
const LATIN_TOKEN = /[^\s\u0e00-\u0e7f]*[A-Za-z][^\s\u0e00-\u0e7f]*(?: +[^\s\u0e00-\u0e7f]+)*/g;

/** `text` in pieces, each with whether it is a Latin token. */
export function latinSplit(text: string): [string, boolean][] {
  const out: [string, boolean][] = [];
  let at = 0;
  for (const m of text.matchAll(LATIN_TOKEN)) {
    const start = m.index ?? 0;
    if (start > at) out.push([text.slice(at, start), false]);
    out.push([m[0], true]);
    at = start + m[0].length;
  }
  if (at < text.length) out.push([text.slice(at), false]);
  return out;
}

function textParts(text: string): string {
  let out = '';
  for (const piece of text.split(/(\t|\r\n|[\n\r\v\u2028])/)) {
    if (piece === '\t') out += '<w:tab/>';
    else if (/^(\r\n|[\n\r\v\u2028])$/.test(piece)) out += '<w:br/>';
    else if (piece) out += `<w:t xml:space="preserve">${esc(withNoBreakSpaces(piece))}</w:t>`;
  }
  return out;
}

function obfuscate(font: Uint8Array, key: string): Uint8Array {
  const bytes = key
    .replace(/-/g, '')
    .match(/../g)
    ?.map((h) => parseInt(h, 16))
    .reverse() as number[];
  const out = new Uint8Array(font);
  for (let i = 0; i < 32 && i < out.length; i++) out[i] ^= bytes[i % bytes.length];
  return out;
}
