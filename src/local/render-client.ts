import { join } from 'node:path';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { DocModel } from './docmodel';
import type { RenderReply, RenderRequest, RenderRole } from './render-worker';

const TIMEOUT_MS = 120_000;

function bytesOf(reply: RenderReply): Uint8Array {
  if ('error' in reply) throw new Error(`Rendering failed in a render worker: ${reply.error}`);
  return reply.bytes;
}

/** One render thread (see render-worker.ts). */
class RenderThread {
  readonly port: MessagePort;
  readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;

  constructor(role: RenderRole, started: number) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(join(__dirname, 'render-worker.cjs'), {
      workerData: { port: port2, flag: this.flag, started, role },
      transferList: [port2],
      // A smaller nursery than V8's default (16 MB semi-spaces, about 48 MB per thread): a
      // render's garbage is short-lived (lines, runs, strings), and the young generation each
      // thread reserves counts in the process's memory. 1,000 measures rows: peak resident
      // memory about 30 MB lower, the same CPU time (6 MB: more promoted, no lower peak).
      resourceLimits: { maxYoungGenerationSizeMb: 12 },
    });
    this.worker.unref();
  }

  send(model: DocModel): void {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage({ model } satisfies RenderRequest);
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}

/**
 * The renderers the CLI uses, each in its own thread, started ahead of use. Whenever the add-on
 * exports a document as PDF, its DOCX is rendered at the same time in the other thread.
 */
export class RenderWorkers {
  private readonly pdf: RenderThread;
  private readonly docx: RenderThread;
  private lastDocx: Promise<Uint8Array> | null = null;

  constructor(started = Date.now()) {
    this.pdf = new RenderThread('pdf', started);
    this.docx = new RenderThread('docx', started);
  }

  /** Synchronous, as Document.getAs is: the calling thread waits for the PDF thread's answer. */
  renderPdf(model: DocModel): Uint8Array {
    this.lastDocx = this.renderDocx(model);
    this.pdf.send(model);
    if (Atomics.wait(this.pdf.flag, 0, 0, TIMEOUT_MS) === 'timed-out') {
      throw new Error('The PDF took too long to render.');
    }
    const received = receiveMessageOnPort(this.pdf.port);
    if (!received) throw new Error('The PDF render thread answered nothing.');
    return bytesOf(received.message as RenderReply);
  }

  private renderDocx(model: DocModel): Promise<Uint8Array> {
    const done = new Promise<Uint8Array>((resolve, reject) => {
      this.docx.port.once('message', (reply: RenderReply) => {
        try {
          resolve(bytesOf(reply));
        } catch (err) {
          reject(err);
        }
      });
    });
    this.docx.send(model);
    // A DOCX nobody asks for must not crash the process with an unhandled rejection.
    done.catch(() => undefined);
    return done;
  }

  /** The DOCX of the document last exported as PDF (rendered alongside that PDF). */
  docxOfLastPdf(): Promise<Uint8Array> {
    if (!this.lastDocx)
      return Promise.reject(new Error('No document has been exported as PDF yet.'));
    return this.lastDocx;
  }

  close(): void {
    void this.pdf.close();
    void this.docx.close();
  }
}
