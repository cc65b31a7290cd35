/**
 * The built-in template's page frame as a small .docx, for Drive to import as a new Google Doc:
 * A4 with the form's margins, "different first page", and from page 2 the page number between
 * hyphens at the top centre ("- ๒ -", the typing guide's form).
 *
 * Why a .docx: neither DocumentApp nor the Docs API can put a page number into a document. The
 * Docs API reads one (AutoText of type PAGE_NUMBER) but has no request that inserts it (the
 * request list: https://developers.google.com/docs/api/reference/rest/v1/documents/request), and
 * DocumentApp's HeaderSection has no such member
 * (https://developers.google.com/apps-script/reference/document/header-section). Drive converts
 * an uploaded Word file into a Google Doc when the file is created with the Google Docs MIME type
 * ("Import to Google Docs types",
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs), and the
 * Docs editor keeps a Word header's PAGE field as its page number and Word's titlePg as
 * "Different first page". The body is then written by one documents.batchUpdate as before.
 *
 * Google Docs shows page numbers in Arabic digits whatever the file asks (Docs has no number
 * format for page numbers): pgNumType fmt="thaiNumbers" is written for Word and LibreOffice, and
 * the local renderers honour it; in Google the number reads "- 2 -".
 */
import type { DigitStyle } from '../thai/digits';
import { zip } from '../zip';
import { PAGE, SIZE, TEMPLATE_FONT } from './builtin-template';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

const W = 'http://schemas.openxmlformats.org/wordprocessingml/2006/main';
const R = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const ROOT = `xmlns:w="${W}" xmlns:r="${R}"`;
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const twips = (cm: number) => Math.round((cm / 2.54) * 1440);
/** The header's distance from the paper's top edge (Docs' default header margin, 0.5 in). */
const HEADER_FROM_TOP_CM = 1.27;

const FONT = `<w:rFonts w:ascii="${TEMPLATE_FONT}" w:hAnsi="${TEMPLATE_FONT}" w:eastAsia="${TEMPLATE_FONT}" w:cs="${TEMPLATE_FONT}"/>`;
const SIZE_HALF_POINTS = Math.round(SIZE.body * 2);
const RPR = `<w:rPr>${FONT}<w:sz w:val="${SIZE_HALF_POINTS}"/><w:szCs w:val="${SIZE_HALF_POINTS}"/></w:rPr>`;

const text = (t: string) => `<w:r>${RPR}<w:t xml:space="preserve">${t}</w:t></w:r>`;
/** Word's PAGE field, as complex field characters. */
const PAGE_FIELD =
  `<w:r>${RPR}<w:fldChar w:fldCharType="begin"/></w:r>` +
  `<w:r>${RPR}<w:instrText xml:space="preserve"> PAGE </w:instrText></w:r>` +
  `<w:r>${RPR}<w:fldChar w:fldCharType="separate"/></w:r>` +
  `<w:r>${RPR}<w:t>2</w:t></w:r>` +
  `<w:r>${RPR}<w:fldChar w:fldCharType="end"/></w:r>`;

/** The frame's parts, by name. */
export function templateFrameParts(digits: DigitStyle): Record<string, string> {
  const pgNum = digits === 'thai' ? '<w:pgNumType w:fmt="thaiNumbers"/>' : '';
  const sectPr =
    `<w:sectPr><w:headerReference w:type="default" r:id="rId3"/>` +
    `<w:headerReference w:type="first" r:id="rId4"/>` +
    `<w:pgSz w:w="${twips(PAGE.width)}" w:h="${twips(PAGE.height)}"/>` +
    `<w:pgMar w:top="${twips(PAGE.top)}" w:right="${twips(PAGE.right)}" w:bottom="${twips(PAGE.bottom)}" w:left="${twips(PAGE.left)}" w:header="${twips(HEADER_FROM_TOP_CM)}" w:footer="${twips(HEADER_FROM_TOP_CM)}" w:gutter="0"/>` +
    `${pgNum}<w:titlePg/></w:sectPr>`;
  const ct = 'application/vnd.openxmlformats-officedocument.wordprocessingml';
  return {
    '[Content_Types].xml': `${HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/word/document.xml" ContentType="${ct}.document.main+xml"/><Override PartName="/word/styles.xml" ContentType="${ct}.styles+xml"/><Override PartName="/word/header1.xml" ContentType="${ct}.header+xml"/><Override PartName="/word/header2.xml" ContentType="${ct}.header+xml"/></Types>`,
    '_rels/.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="word/document.xml"/></Relationships>`,
    'word/_rels/document.xml.rels': `${HEAD}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/><Relationship Id="rId3" Type="${REL}/header" Target="header1.xml"/><Relationship Id="rId4" Type="${REL}/header" Target="header2.xml"/></Relationships>`,
    'word/styles.xml': `${HEAD}<w:styles ${ROOT}><w:docDefaults><w:rPrDefault><w:rPr>${FONT}<w:sz w:val="${SIZE_HALF_POINTS}"/><w:szCs w:val="${SIZE_HALF_POINTS}"/><w:lang w:val="th-TH" w:bidi="th-TH"/></w:rPr></w:rPrDefault><w:pPrDefault><w:pPr><w:spacing w:before="0" w:after="0" w:line="240" w:lineRule="auto"/></w:pPr></w:pPrDefault></w:docDefaults><w:style w:type="paragraph" w:default="1" w:styleId="Normal"><w:name w:val="Normal"/></w:style></w:styles>`,
    'word/document.xml': `${HEAD}<w:document ${ROOT}><w:body><w:p><w:pPr>${RPR}</w:pPr></w:p>${sectPr}</w:body></w:document>`,
    // From page 2: "- n -" at the top centre.
    'word/header1.xml': `${HEAD}<w:hdr ${ROOT}><w:p><w:pPr><w:jc w:val="center"/>${RPR}</w:pPr>${text('- ')}${PAGE_FIELD}${text(' -')}</w:p></w:hdr>`,
    // Page 1 carries the Garuda and the title: no number.
    'word/header2.xml': `${HEAD}<w:hdr ${ROOT}><w:p><w:pPr>${RPR}</w:pPr></w:p></w:hdr>`,
  };
}

/** The frame as .docx bytes. */
export function templateFrameDocx(digits: DigitStyle): Uint8Array {
  const parts = templateFrameParts(digits);
  return zip(Object.keys(parts).map((name) => ({ name, data: parts[name] })));
}
