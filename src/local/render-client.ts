import { join } from 'node:path';
import {
  MessageChannel,
  receiveMessageOnPort,
  Worker,
  type MessagePort,
} from 'node:worker_threads';
import type { DocModel } from './docmodel';
import type { RenderReply, RenderRequest } from './render-worker';

const TIMEOUT_MS = 120_000;

/** The renderers running in a worker thread (see render-worker.ts), started ahead of use. */
export class RenderWorker {
  private readonly port: MessagePort;
  private readonly flag = new Int32Array(new SharedArrayBuffer(4));
  private readonly worker: Worker;
  private busy = Promise.resolve();

  constructor(started = Date.now()) {
    const { port1, port2 } = new MessageChannel();
    this.port = port1;
    this.worker = new Worker(join(__dirname, 'render-worker.cjs'), {
      workerData: { port: port2, flag: this.flag, started },
      transferList: [port2],
    });
    this.worker.unref();
  }

  private send(request: RenderRequest): void {
    Atomics.store(this.flag, 0, 0);
    this.port.postMessage(request);
  }

  private take(): Uint8Array {
    const received = receiveMessageOnPort(this.port);
    if (!received) throw new Error('The render worker answered nothing.');
    const reply = received.message as RenderReply;
    if ('error' in reply) throw new Error(`Rendering failed in the render worker: ${reply.error}`);
    return reply.bytes;
  }

  /** Synchronous, as Document.getAs is: the calling thread waits for the worker's answer. */
  renderPdf(model: DocModel): Uint8Array {
    this.send({ kind: 'pdf', model });
    if (Atomics.wait(this.flag, 0, 0, TIMEOUT_MS) === 'timed-out')
      throw new Error('The PDF took too long to render.');
    return this.take();
  }

  /** The DOCX of the document this worker last rendered as PDF (it starts right after the PDF). */
  async docxOfLastPdf(): Promise<Uint8Array> {
    await this.busy;
    this.send({ kind: 'docx-of-last-pdf' });
    const done = new Promise<Uint8Array>((resolve, reject) => {
      const poll = () => {
        if (Atomics.load(this.flag, 0) === 0) return void setTimeout(poll, 2);
        try {
          resolve(this.take());
        } catch (err) {
          reject(err);
        }
      };
      poll();
    });
    this.busy = done.then(
      () => undefined,
      () => undefined,
    );
    return done;
  }

  close(): Promise<number> {
    this.port.close();
    return this.worker.terminate();
  }
}
