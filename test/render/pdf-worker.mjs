// Reads a PDF with pdf.js (pdfjs-dist), a reader independent of the renderer, in a worker thread:
// pdf.js is an ES module, which jest's module system cannot load, and the tests read PDFs
// synchronously (pdf-reader.ts blocks on this worker).
//
// pdf.js gives pages, positions, fonts and images. It does not apply ActualText, which is what a
// reader copies (our lines carry it, so that ดำเนินการ is not read as ดำาเนินการ): the
// ActualText of each marked-content span is read here from the page's content stream, and paired
// with pdf.js's spans in drawing order.
import { parentPort, workerData } from 'node:worker_threads';
import { inflateSync } from 'node:zlib';
import { OPS, getDocument } from 'pdfjs-dist/legacy/build/pdf.mjs';

const { signal } = workerData;

parentPort.on('message', async ({ bytes, port }) => {
  let reply;
  try {
    reply = { ok: await readPdf(new Uint8Array(bytes)) };
  } catch (err) {
    reply = { error: String(err?.stack ?? err) };
  }
  port.postMessage(reply);
  port.close();
  Atomics.store(signal, 0, 1);
  Atomics.notify(signal, 0);
});

async function readPdf(bytes) {
  const raw = new RawPdf(bytes);
  const doc = await getDocument({ data: bytes.slice(), verbosity: 0, isEvalSupported: false })
    .promise;
  const info = (await doc.getMetadata()).info ?? {};
  const pages = [];
  const fonts = new Map();
  const images = [];
  const dashes = [];
  const strokes = [];
  for (let n = 1; n <= doc.numPages; n++) {
    const page = await doc.getPage(n);
    const height = page.view[3] - page.view[1];
    const content = await page.getTextContent({ includeMarkedContent: true });
    const actual = raw.markedContent(page.ref.num);
    pages.push({ lines: lines(content, actual, height, n) });
    const ops = await page.getOperatorList();
    // The current transformation matrix, to place each image (pdfkit draws one as `cm` + `Do`).
    let ctm = [1, 0, 0, 1, 0, 0];
    let dash = [];
    const stack = [];
    const point = (x, y) => {
      const [A, B, C, D, E, F] = ctm;
      return [x * A + y * C + E, height - (x * B + y * D + F)];
    };
    ops.fnArray.forEach((fn, i) => {
      const args = ops.argsArray[i];
      if (fn === OPS.save) stack.push([ctm, dash]);
      else if (fn === OPS.restore) [ctm, dash] = stack.pop() ?? [[1, 0, 0, 1, 0, 0], []];
      else if (fn === OPS.constructPath) {
        // A straight rule (moveTo, lineTo): where it runs, from the page's top left, and its dash.
        const [pathOps, coords] = args;
        if (pathOps.length === 2 && pathOps[0] === OPS.moveTo && pathOps[1] === OPS.lineTo) {
          const [x0, y0] = point(coords[0], coords[1]);
          const [x1, y1] = point(coords[2], coords[3]);
          strokes.push({ page: n, dash: [...dash], x0, y0, x1, y1 });
        }
      } else if (fn === OPS.transform) {
        const [a, b, c, d, e, f] = args;
        const [A, B, C, D, E, F] = ctm;
        ctm = [
          a * A + b * C,
          a * B + b * D,
          c * A + d * C,
          c * B + d * D,
          e * A + f * C + E,
          e * B + f * D + F,
        ];
      } else if (fn === OPS.setDash) {
        dashes.push({ page: n, dash: args[0], phase: args[1] });
        dash = args[0];
      } else if (fn === OPS.setFont && !fonts.has(args[0])) {
        const font = page.commonObjs.get(args[0]);
        fonts.set(args[0], { name: font.name, embedded: !font.missingFile });
      } else if (fn === OPS.paintImageXObject) {
        const [a, , , d, e, f] = ctm;
        images.push({
          page: n,
          width: args[1],
          height: args[2],
          box: { x: e, top: height - f - d, w: a, h: d },
        });
      }
    });
    page.cleanup();
  }
  await doc.destroy();
  return {
    pages,
    info: { Title: info.Title ?? '', Pages: String(pages.length) },
    fonts: [...fonts.values()],
    images,
    dashes,
    strokes,
    imageObjects: raw.imageObjects(),
  };
}

/**
 * One line per marked-content span (the renderer marks each drawn line), its box in points from
 * the page's top left (as pdftotext -bbox reports it) from the glyphs pdf.js placed, and its
 * text: the span's ActualText (and pdf.js's reading of the glyphs). Text outside spans becomes
 * lines by baseline.
 */
function lines(content, actual, pageHeight, page) {
  const out = [];
  let span = null;
  let spanIndex = 0;
  let loose = null;
  const box = (items) => {
    let xMin = Infinity;
    let xMax = -Infinity;
    let yMin = Infinity;
    let yMax = -Infinity;
    for (const it of items) {
      const style = content.styles[it.fontName] ?? { ascent: 0.8, descent: -0.2 };
      const size = Math.hypot(it.transform[2], it.transform[3]);
      const x = it.transform[4];
      const baseline = it.transform[5];
      xMin = Math.min(xMin, x);
      xMax = Math.max(xMax, x + it.width);
      yMin = Math.min(yMin, pageHeight - (baseline + style.ascent * size));
      yMax = Math.max(yMax, pageHeight - (baseline + style.descent * size));
    }
    // The first glyph run's baseline, from the page's top.
    const baseline = pageHeight - items[0].transform[5];
    return { page, xMin, yMin, xMax, yMax, baseline };
  };
  const flushLoose = () => {
    const text = loose?.map((i) => i.str).join('');
    if (loose && loose.length) out.push({ ...box(loose), text, glyphs: text });
    loose = null;
  };
  for (const item of content.items) {
    if (item.type === 'beginMarkedContentProps' || item.type === 'beginMarkedContent') {
      flushLoose();
      const mark = item.type === 'beginMarkedContentProps' ? actual[spanIndex++] : null;
      if (item.type === 'beginMarkedContentProps' && (!mark || mark.tag !== item.tag)) {
        throw new Error(`page ${page}: marked content ${spanIndex} does not match the stream`);
      }
      span = { items: [], text: mark?.actualText ?? null };
      continue;
    }
    if (item.type === 'endMarkedContent') {
      // pdf.js adds a blank item for a gap before a glyph run: not drawn, so not in the box.
      const drawn = span ? span.items.filter((i) => i.str.trim() !== '') : [];
      if (drawn.length) {
        const glyphs = span.items.map((i) => i.str).join('');
        out.push({ ...box(drawn), text: span.text ?? glyphs, glyphs });
      }
      span = null;
      continue;
    }
    if (item.str.trim() === '') continue;
    if (span) {
      span.items.push(item);
      continue;
    }
    if (loose && Math.abs(loose[0].transform[5] - item.transform[5]) > 1) flushLoose();
    (loose ??= []).push(item);
  }
  flushLoose();
  if (spanIndex !== actual.length) {
    throw new Error(`page ${page}: ${actual.length} marked spans in the stream, ${spanIndex} read`);
  }
  return out;
}

/** Just enough of a PDF's objects (as pdfkit writes them: no object streams) to read a page. */
class RawPdf {
  constructor(bytes) {
    this.bytes = Buffer.from(bytes);
    this.text = this.bytes.toString('latin1');
    this.objects = new Map();
    const re = /(?:^|[\r\n])(\d+) 0 obj\b/g;
    for (let m = re.exec(this.text); m; m = re.exec(this.text)) {
      this.objects.set(Number(m[1]), m.index + m[0].length);
    }
  }

  /** The object's dictionary source and, for a stream, its decoded data (when asked). */
  object(num, decode = true) {
    const at = this.objects.get(num);
    if (at === undefined) throw new Error(`object ${num} is missing`);
    const end = this.text.indexOf('endobj', at);
    const body = this.text.slice(at, end);
    const streamAt = body.search(/\bstream\r?\n/);
    if (streamAt < 0) return { dict: body, data: null };
    const dict = body.slice(0, streamAt);
    if (!decode) return { dict, data: null };
    const start = at + streamAt + /\bstream\r?\n/.exec(body.slice(streamAt))[0].length;
    // A length may be an indirect object (LibreOffice writes `/Length 12 0 R`).
    const ref = /\/Length (\d+) 0 R/.exec(dict);
    const length = ref
      ? Number(this.object(Number(ref[1]), false).dict.trim())
      : Number(/\/Length (\d+)/.exec(dict)?.[1]);
    let data = this.bytes.subarray(start, start + length);
    if (/\/FlateDecode/.test(dict)) data = inflateSync(data);
    return { dict, data };
  }

  /** Every BDC of the page's content streams in order: its tag and ActualText. */
  markedContent(pageNum) {
    const { dict } = this.object(pageNum, false);
    const contents = /\/Contents\s*(\[[^\]]*\]|\d+ 0 R)/.exec(dict)?.[1] ?? '';
    const refs = [...contents.matchAll(/(\d+) 0 R/g)].map((m) => Number(m[1]));
    const marks = [];
    for (const ref of refs) marks.push(...bdcOperators(this.object(ref).data));
    return marks;
  }

  /** Image XObjects stored in the file: object number and pixel width. */
  imageObjects() {
    const out = [];
    for (const num of this.objects.keys()) {
      const { dict } = this.object(num, false);
      if (/\/Subtype\s*\/Image\b/.test(dict) && !isSoftMask(this.text, num)) {
        out.push({ object: num, width: Number(/\/Width (\d+)/.exec(dict)?.[1]) });
      }
    }
    return out;
  }
}

/** An image that is another image's /SMask is its alpha channel, not an image of its own. */
function isSoftMask(text, num) {
  return new RegExp(`/SMask ${num} 0 R\\b`).test(text);
}

/**
 * The BDC operators of a content stream, tokenised far enough to skip strings (which may hold
 * any byte) and to read the property dictionary's ActualText.
 */
function bdcOperators(data) {
  const s = data.toString('latin1');
  const marks = [];
  const operands = [];
  let i = 0;
  while (i < s.length) {
    const c = s[i];
    if (/\s/.test(c)) {
      i++;
    } else if (c === '%') {
      while (i < s.length && s[i] !== '\n' && s[i] !== '\r') i++;
    } else if (c === '(') {
      const [str, next] = literalString(s, i);
      operands.push({ string: str });
      i = next;
    } else if (c === '<' && s[i + 1] === '<') {
      operands.push({ dictStart: true });
      i += 2;
    } else if (c === '>' && s[i + 1] === '>') {
      const start = operands.map((o) => o.dictStart === true).lastIndexOf(true);
      const entries = operands.splice(start);
      const dict = {};
      for (let k = 1; k + 1 < entries.length; k += 2) dict[entries[k].name] = entries[k + 1];
      operands.push({ dict });
      i += 2;
    } else if (c === '<') {
      const end = s.indexOf('>', i);
      operands.push({ string: Buffer.from(s.slice(i + 1, end).replace(/\s/g, ''), 'hex') });
      i = end + 1;
    } else if (c === '[' || c === ']' || c === '{' || c === '}') {
      i++;
    } else if (c === '/') {
      const m = /^\/[^\s/[\]()<>{}%]*/.exec(s.slice(i, i + 256));
      operands.push({ name: m[0].slice(1) });
      i += m[0].length;
    } else {
      const m = /^[^\s/[\]()<>{}%]+/.exec(s.slice(i, i + 256));
      const token = m[0];
      i += token.length;
      if (/^[-+.\d]/.test(token)) continue;
      if (token === 'BDC') {
        const [tag, props] = operands.slice(-2);
        const actual = props?.dict?.ActualText?.string;
        marks.push({ tag: tag?.name ?? null, actualText: actual ? pdfTextString(actual) : null });
      }
      operands.length = 0;
    }
  }
  return marks;
}

/** A literal string starting at `i` ('('): its bytes and the index after it. */
function literalString(s, i) {
  const bytes = [];
  let depth = 0;
  let j = i;
  for (;;) {
    const c = s[j++];
    if (c === undefined) break;
    if (c === '(') {
      if (depth++ > 0) bytes.push(0x28);
    } else if (c === ')') {
      if (--depth === 0) break;
      bytes.push(0x29);
    } else if (c === '\\') {
      const e = s[j++];
      const simple = { n: 10, r: 13, t: 9, b: 8, f: 12, '(': 0x28, ')': 0x29, '\\': 0x5c };
      if (e in simple) bytes.push(simple[e]);
      else if (/[0-7]/.test(e)) {
        let oct = e;
        while (oct.length < 3 && /[0-7]/.test(s[j])) oct += s[j++];
        bytes.push(parseInt(oct, 8) & 0xff);
      } else if (e === '\r') {
        if (s[j] === '\n') j++;
      } else if (e !== '\n') bytes.push(e.charCodeAt(0));
    } else {
      bytes.push(c.charCodeAt(0));
    }
  }
  return [Buffer.from(bytes), j];
}

/** A PDF text string: UTF-16BE after its byte order mark, else PDFDocEncoding (Latin here). */
function pdfTextString(buf) {
  if (buf[0] === 0xfe && buf[1] === 0xff) {
    const swapped = Buffer.from(buf.subarray(2));
    swapped.swap16();
    return swapped.toString('utf16le');
  }
  return buf.toString('latin1');
}
