/**
 * The renderers in worker threads, for the CLI: one thread renders PDFs, another DOCX files.
 * Loading pdfkit, docx and the fonts (and warming the PDF renderer up) runs while the main thread
 * reads the workbook and runs the add-on; then the PDF and the DOCX of the memo render side by
 * side. Document.getAs is synchronous in Apps Script, so for a PDF the main thread waits on a
 * shared flag and reads the answer with receiveMessageOnPort.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DocModel } from './docmodel';
import { memoryNote } from './memory-note';

export type RenderRole = 'pdf' | 'docx';

export interface RenderRequest {
  model: DocModel;
}

export type RenderReply = { bytes: Uint8Array } | { error: string };

const { port, flag, started, role } = workerData as {
  port: MessagePort;
  flag: Int32Array;
  started: number;
  role: RenderRole;
};

function reply(message: RenderReply): void {
  if ('bytes' in message) port.postMessage(message, [message.bytes.buffer as ArrayBuffer]);
  else port.postMessage(message);
  Atomics.store(flag, 0, 1);
  Atomics.notify(flag, 0);
}

const fail = (err: unknown): void => reply({ error: (err as Error)?.stack ?? String(err) });

const timing = (what: string) => {
  if (process.env.ITAMEMO_TIMING)
    console.error(
      `[${String(Date.now() - started).padStart(5)} ms] ${role} worker: ${what}${memoryNote()}`,
    );
};

// Each thread loads only its own library (require, not import: loaded for this role alone).
/* eslint-disable @typescript-eslint/no-require-imports */
if (role === 'pdf') {
  const { renderPdf } = require('./render/pdf') as typeof import('./render/pdf');
  const { warmUpModel } = require('./render/warm-up') as typeof import('./render/warm-up');
  timing('loaded');
  // Fonts parsed, shaping and layout compiled before the add-on asks for the PDF.
  renderPdf(warmUpModel());
  timing('warm');
  port.on('message', ({ model }: RenderRequest) => {
    try {
      reply({ bytes: renderPdf(model) });
      timing('rendered');
    } catch (err) {
      fail(err);
    }
  });
} else {
  const { renderDocx } = require('./render/docx') as typeof import('./render/docx');
  timing('loaded');
  port.on('message', ({ model }: RenderRequest) => {
    renderDocx(model).then((bytes) => {
      timing('rendered');
      reply({ bytes });
    }, fail);
  });
}
