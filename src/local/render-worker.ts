/**
 * The renderers in a worker thread, for the CLI. Loading pdfkit, docx and the fonts and warming
 * them up then runs on the second core while the main thread reads the workbook and runs the
 * add-on; when the add-on asks for the PDF (a synchronous Apps Script call) the main thread
 * waits on a shared flag and reads the answer with receiveMessageOnPort.
 */
import { workerData, type MessagePort } from 'node:worker_threads';
import type { DocModel } from './docmodel';
import { renderDocx } from './render/docx';
import { renderPdf } from './render/pdf';
import { warmUpModel } from './render/warm-up';

/** A PDF of a document, or the DOCX of the document last rendered as PDF. */
export type RenderRequest = { kind: 'pdf'; model: DocModel } | { kind: 'docx-of-last-pdf' };

export type RenderReply = { bytes: Uint8Array } | { error: string };

const { port, flag, started } = workerData as {
  port: MessagePort;
  flag: Int32Array;
  started: number;
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
    console.error(`[${String(Date.now() - started).padStart(5)} ms] render worker: ${what}`);
};
timing('loaded');
// Warm the PDF renderer up before the first request arrives (fonts parsed, shaping and layout
// compiled); the DOCX is rendered while the main thread finishes, right after the PDF.
// Only the PDF renderer warms up: the main thread needs the PDF first, and warming the DOCX
// renderer too was measured to delay the main thread's own work more than it saved later.
renderPdf(warmUpModel());
timing('PDF renderer warm');

/** The DOCX of the document last exported as PDF, started as soon as the PDF is sent. */
let ahead: Promise<Uint8Array> | null = null;

port.on('message', (request: RenderRequest) => {
  timing(`${request.kind} requested`);
  if (request.kind === 'pdf') {
    try {
      reply({ bytes: renderPdf(request.model) });
      timing('PDF rendered');
    } catch (err) {
      fail(err);
      return;
    }
    ahead = renderDocx(request.model);
    return;
  }
  if (!ahead) return fail(new Error('No document has been rendered as PDF yet.'));
  ahead.then((bytes) => {
    timing('DOCX rendered');
    reply({ bytes });
  }, fail);
});
