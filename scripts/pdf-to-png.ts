// PDF pages as PNG images, drawn by pdf.js in headless Chromium (no poppler needed).
// Usage: node scripts/run-ts.mjs scripts/pdf-to-png.ts <file.pdf> [dpi=60] [out-prefix]
//   writes <out-prefix>-1.png, <out-prefix>-2.png, … (default prefix: the PDF's path without .pdf)
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { launchChromium } from './chromium';

const ORIGIN = 'https://pdf.invalid';

/** Renders every page at `dpi`; returns the PNGs in page order. */
async function pdfToPng(pdf: Uint8Array, dpi = 60): Promise<Buffer[]> {
  const pdfjs = join(__dirname, '..', 'node_modules', 'pdfjs-dist', 'legacy', 'build');
  const files: Record<string, { body: Buffer; type: string }> = {
    '/': { body: Buffer.from('<!doctype html><body></body>'), type: 'text/html' },
    '/pdf.mjs': { body: readFileSync(join(pdfjs, 'pdf.mjs')), type: 'text/javascript' },
    '/pdf.worker.mjs': {
      body: readFileSync(join(pdfjs, 'pdf.worker.mjs')),
      type: 'text/javascript',
    },
    '/doc.pdf': { body: Buffer.from(pdf), type: 'application/pdf' },
  };
  const browser = await launchChromium();
  try {
    const page = await browser.newPage();
    // Served from memory: nothing listens on the network.
    await page.route(`${ORIGIN}/**`, (route) => {
      const file = files[new URL(route.request().url()).pathname];
      return file
        ? route.fulfill({ status: 200, body: file.body, contentType: file.type })
        : route.fulfill({ status: 404 });
    });
    await page.goto(`${ORIGIN}/`);
    const pages = await page.evaluate(
      async ({ origin, scale }) => {
        const lib = await import(`${origin}/pdf.mjs`);
        lib.GlobalWorkerOptions.workerSrc = `${origin}/pdf.worker.mjs`;
        const doc = await lib.getDocument(`${origin}/doc.pdf`).promise;
        const out: string[] = [];
        for (let n = 1; n <= doc.numPages; n++) {
          const p = await doc.getPage(n);
          const viewport = p.getViewport({ scale });
          const canvas = document.createElement('canvas');
          canvas.width = Math.ceil(viewport.width);
          canvas.height = Math.ceil(viewport.height);
          const context = canvas.getContext('2d') as CanvasRenderingContext2D;
          context.fillStyle = '#ffffff';
          context.fillRect(0, 0, canvas.width, canvas.height);
          await p.render({ canvasContext: context, viewport }).promise;
          out.push(canvas.toDataURL('image/png'));
        }
        return out;
      },
      { origin: ORIGIN, scale: dpi / 72 },
    );
    return pages.map((url) => Buffer.from(url.slice(url.indexOf(',') + 1), 'base64'));
  } finally {
    await browser.close();
  }
}

const [file, dpi, prefix] = process.argv.slice(2);
if (!file) {
  console.error('usage: node scripts/run-ts.mjs scripts/pdf-to-png.ts <file.pdf> [dpi] [prefix]');
  process.exit(2);
}
pdfToPng(readFileSync(file), Number(dpi) || 60).then((pngs) => {
  pngs.forEach((png, i) => {
    const path = `${prefix ?? file.replace(/\.pdf$/i, '')}-${i + 1}.png`;
    writeFileSync(path, png);
    console.log(path);
  });
});
