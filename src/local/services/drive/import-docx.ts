/**
 * Drive's conversion of an uploaded .docx into a Google Doc, for the part of WordprocessingML the
 * emulation models: paragraphs with their alignment, indents, spacing and keep-with-next; runs
 * with bold, italic, underline, size and font; tabs and breaks; the PAGE field (as Docs' page
 * number); the page size and margins; the default header and footer, and Word's titlePg as Docs'
 * "different first page" with the first page's own header and footer; the document defaults'
 * font and size.
 *
 * Google documents that the upload is converted ("Import to Google Docs types",
 * https://developers.google.com/workspace/drive/api/guides/manage-uploads#import-docs) but not
 * how each Word feature maps. What is assumed here is what the Docs editor shows for such a file
 * (a header PAGE field becomes a page number, titlePg becomes "Different first page"). What the
 * emulation cannot model (tables, pictures, sections, lists, text boxes) is refused as not
 * emulated rather than dropped, so the local run never pretends. One rendering difference is
 * kept on purpose: `pgNumType fmt="thaiNumbers"` sets the model's Thai page numbers, which the
 * local renderers draw; Google Docs shows Arabic digits (docs/memo-format.md).
 */
import { inflateRawSync } from 'node:zlib';
import type {
  Alignment,
  BlockNode,
  DocModel,
  InlineNode,
  ParagraphNode,
  TextStyle,
} from '../../docmodel';
import { emptyDocModel } from '../../docmodel';
import { notEmulated } from './errors';

export const DOCX_MIME = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';

// ---- ZIP ------------------------------------------------------------------------------------

/** The files of a ZIP archive by name (stored or deflated entries, from the central directory). */
export function unzip(data: Uint8Array): Map<string, Uint8Array> {
  const b = Buffer.from(data.buffer, data.byteOffset, data.byteLength);
  let end = -1;
  for (let i = b.length - 22; i >= Math.max(0, b.length - 65557); i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      end = i;
      break;
    }
  }
  if (end < 0) throw new Error('not a ZIP file');
  const count = b.readUInt16LE(end + 10);
  let at = b.readUInt32LE(end + 16);
  const out = new Map<string, Uint8Array>();
  for (let n = 0; n < count; n++) {
    if (b.readUInt32LE(at) !== 0x02014b50) throw new Error('broken ZIP directory');
    const method = b.readUInt16LE(at + 10);
    const size = b.readUInt32LE(at + 20);
    const nameLength = b.readUInt16LE(at + 28);
    const extra = b.readUInt16LE(at + 30);
    const comment = b.readUInt16LE(at + 32);
    const local = b.readUInt32LE(at + 42);
    const name = b.toString('utf8', at + 46, at + 46 + nameLength);
    const start = local + 30 + b.readUInt16LE(local + 26) + b.readUInt16LE(local + 28);
    const packed = b.subarray(start, start + size);
    out.set(name, method === 8 ? inflateRawSync(packed) : method === 0 ? packed : new Uint8Array());
    at += 46 + nameLength + extra + comment;
  }
  return out;
}

// ---- XML ------------------------------------------------------------------------------------

interface El {
  name: string;
  attrs: Record<string, string>;
  children: (El | string)[];
}

const ENTITIES: Record<string, string> = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'" };

function decode(s: string): string {
  return s.replace(/&(#x[0-9a-f]+|#\d+|\w+);/gi, (m, e: string) => {
    if (e[0] === '#')
      return String.fromCodePoint(e[1] === 'x' ? parseInt(e.slice(2), 16) : parseInt(e.slice(1)));
    return ENTITIES[e] ?? m;
  });
}

/** A small XML parser: elements, attributes, text; declarations and comments are skipped. */
export function parseXml(xml: string): El {
  const root: El = { name: '#root', attrs: {}, children: [] };
  const stack = [root];
  const re =
    /<\?[^]*?\?>|<!--[^]*?-->|<(\/?)([\w:.-]+)((?:\s+[\w:.-]+\s*=\s*(?:"[^"]*"|'[^']*'))*)\s*(\/?)>|([^<]+)/g;
  for (let m = re.exec(xml); m; m = re.exec(xml)) {
    const [, close, name, attrText, selfClose, text] = m;
    const top = stack[stack.length - 1];
    if (text !== undefined) {
      top.children.push(decode(text));
    } else if (name && close) {
      if (top.name !== name) throw new Error(`unbalanced XML at </${name}>`);
      stack.pop();
    } else if (name) {
      const attrs: Record<string, string> = {};
      for (const a of (attrText ?? '').matchAll(/([\w:.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g))
        attrs[a[1]] = decode(a[2] ?? a[3] ?? '');
      const el: El = { name, attrs, children: [] };
      top.children.push(el);
      if (!selfClose) stack.push(el);
    }
  }
  return root;
}

const els = (e: El | undefined): El[] =>
  (e?.children ?? []).filter((c): c is El => typeof c !== 'string');
const child = (e: El | undefined, name: string): El | undefined =>
  els(e).find((c) => c.name === name);
const val = (e: El | undefined): string | undefined => e?.attrs['w:val'];
const on = (e: El | undefined): boolean | undefined =>
  e ? !['0', 'false', 'off'].includes(val(e) ?? 'true') : undefined;
const TWIP = 20;

// ---- WordprocessingML → model ----------------------------------------------------------------

const JC: Record<string, Alignment> = {
  left: 'LEFT',
  start: 'LEFT',
  center: 'CENTER',
  right: 'RIGHT',
  end: 'RIGHT',
  both: 'JUSTIFY',
  distribute: 'JUSTIFY',
  thaiDistribute: 'JUSTIFY',
};

function runStyle(rPr: El | undefined): TextStyle {
  const style: TextStyle = {};
  if (!rPr) return style;
  const font = child(rPr, 'w:rFonts');
  const family = font?.attrs['w:cs'] ?? font?.attrs['w:ascii'];
  if (family) style.fontFamily = family;
  const size = val(child(rPr, 'w:szCs')) ?? val(child(rPr, 'w:sz'));
  if (size) style.fontSize = Number(size) / 2;
  const bold = on(child(rPr, 'w:bCs') ?? child(rPr, 'w:b'));
  if (bold !== undefined) style.bold = bold;
  const italic = on(child(rPr, 'w:iCs') ?? child(rPr, 'w:i'));
  if (italic !== undefined) style.italic = italic;
  const u = val(child(rPr, 'w:u'));
  if (u && u !== 'none') style.underline = true;
  return style;
}

function paragraph(p: El): ParagraphNode {
  const pPr = child(p, 'w:pPr');
  const node: ParagraphNode = { type: 'paragraph', style: {}, textStyle: {}, children: [] };
  if (child(pPr, 'w:numPr')) throw notEmulated('converting a .docx with lists');
  const jc = val(child(pPr, 'w:jc'));
  if (jc && JC[jc]) node.style.alignment = JC[jc];
  const ind = child(pPr, 'w:ind');
  if (ind) {
    const left = Number(ind.attrs['w:left'] ?? ind.attrs['w:start'] ?? 0) / TWIP;
    node.style.indentStart = left;
    if (ind.attrs['w:hanging'])
      node.style.indentFirstLine = left - Number(ind.attrs['w:hanging']) / TWIP;
    else node.style.indentFirstLine = left + Number(ind.attrs['w:firstLine'] ?? 0) / TWIP;
  }
  const spacing = child(pPr, 'w:spacing');
  if (spacing?.attrs['w:before'])
    node.style.spacingBefore = Number(spacing.attrs['w:before']) / TWIP;
  if (spacing?.attrs['w:after']) node.style.spacingAfter = Number(spacing.attrs['w:after']) / TWIP;
  if (on(child(pPr, 'w:keepNext'))) node.style.keepWithNext = true;
  node.textStyle = runStyle(child(pPr, 'w:rPr'));
  // Complex fields: instructions between begin and separate, the shown result until end.
  let field: 'instr' | 'result' | null = null;
  let instr = '';
  let fieldStyle: TextStyle = {};
  const push = (n: InlineNode) => node.children.push(n);
  const text = (t: string, style: TextStyle) => {
    if (t) push({ type: 'text', runs: [{ text: t, style }] });
  };
  for (const r of els(p)) {
    if (r.name === 'w:pPr') continue;
    if (r.name === 'w:fldSimple') {
      if (/^\s*PAGE\b/.test(r.attrs['w:instr'] ?? ''))
        push({ type: 'pageNumber', style: runStyle(child(child(r, 'w:r'), 'w:rPr')) });
      else throw notEmulated(`converting the Word field ${r.attrs['w:instr']}`);
      continue;
    }
    if (r.name !== 'w:r') throw notEmulated(`converting a .docx with <${r.name}> in a paragraph`);
    const style = runStyle(child(r, 'w:rPr'));
    for (const c of els(r)) {
      switch (c.name) {
        case 'w:rPr':
          break;
        case 'w:fldChar': {
          const type = c.attrs['w:fldCharType'];
          if (type === 'begin') {
            field = 'instr';
            instr = '';
            fieldStyle = style;
          } else if (type === 'separate') field = 'result';
          else if (type === 'end') {
            if (!/^\s*PAGE\b/.test(instr))
              throw notEmulated(`converting the Word field ${instr.trim()}`);
            push({ type: 'pageNumber', style: fieldStyle });
            field = null;
          }
          break;
        }
        case 'w:instrText':
          instr += c.children.join('');
          break;
        case 'w:t':
          if (field !== 'result') text(c.children.join(''), style);
          break;
        case 'w:tab':
          text('\t', style);
          break;
        case 'w:br':
          if (c.attrs['w:type'] === 'page') push({ type: 'pageBreak' });
          else text('\v', style);
          break;
        default:
          throw notEmulated(`converting a .docx with <${c.name}> in a run`);
      }
    }
  }
  return node;
}

function blocks(container: El | undefined): BlockNode[] {
  const out: BlockNode[] = [];
  for (const e of els(container)) {
    if (e.name === 'w:p') out.push(paragraph(e));
    else if (e.name === 'w:sectPr') continue;
    else throw notEmulated(`converting a .docx with <${e.name}>`);
  }
  return out;
}

/** The Google Doc Drive makes of a .docx (`id` and `title` are the new file's). */
export function docModelFromDocx(bytes: Uint8Array, id: string, title: string): DocModel {
  let files: Map<string, Uint8Array>;
  try {
    files = unzip(bytes);
  } catch {
    throw new Error('The uploaded file is not a Word document Google Docs can import.');
  }
  const xml = (name: string) => {
    const f = files.get(name);
    return f ? parseXml(Buffer.from(f).toString('utf8')) : undefined;
  };
  const doc = xml('word/document.xml');
  const body = child(child(doc, 'w:document'), 'w:body');
  if (!body) throw new Error('The uploaded file is not a Word document Google Docs can import.');
  const model = emptyDocModel(id, title);
  const defaults = child(
    child(child(child(xml('word/styles.xml'), 'w:styles'), 'w:docDefaults'), 'w:rPrDefault'),
    'w:rPr',
  );
  model.defaultTextStyle = { ...model.defaultTextStyle, ...runStyle(defaults) };
  const parsed = blocks(body);
  model.body = parsed.length ? parsed : model.body;
  const sect = child(body, 'w:sectPr');
  const size = child(sect, 'w:pgSz');
  if (size) {
    model.pageWidth = Number(size.attrs['w:w']) / TWIP;
    model.pageHeight = Number(size.attrs['w:h']) / TWIP;
  }
  const mar = child(sect, 'w:pgMar');
  if (mar) {
    model.marginTop = Number(mar.attrs['w:top']) / TWIP;
    model.marginBottom = Number(mar.attrs['w:bottom']) / TWIP;
    model.marginLeft = Number(mar.attrs['w:left']) / TWIP;
    model.marginRight = Number(mar.attrs['w:right']) / TWIP;
  }
  if (child(sect, 'w:pgNumType')?.attrs['w:fmt'] === 'thaiNumbers') model.pageNumberDigits = 'thai';
  const rels = new Map(
    els(child(xml('word/_rels/document.xml.rels'), 'Relationships')).map((r) => [
      r.attrs.Id,
      r.attrs.Target,
    ]),
  );
  const part = (ref: El) => {
    const target = rels.get(ref.attrs['r:id']);
    const root = target ? xml(`word/${target}`) : undefined;
    return blocks(els(root)[0]);
  };
  const first = on(child(sect, 'w:titlePg')) ?? false;
  for (const ref of els(sect)) {
    const kind =
      ref.name === 'w:headerReference'
        ? 'header'
        : ref.name === 'w:footerReference'
          ? 'footer'
          : null;
    if (!kind) continue;
    const type = ref.attrs['w:type'];
    if (type === 'default') model[kind] = part(ref);
    else if (type === 'first' && first) {
      const content = part(ref);
      // An empty first-page header is no header at all in Docs.
      const empty = content.every((b) => b.type === 'paragraph' && !b.children.length);
      if (!empty) model[kind === 'header' ? 'firstPageHeader' : 'firstPageFooter'] = content;
    } else if (type === 'even') throw notEmulated('converting a .docx with even-page headers');
  }
  if (first) model.differentFirstPage = true;
  return model;
}
