/**
 * Worker thread of the verification pool: receives packed chunks (verify-batch.ts), answers
 * with a transferred Uint8Array of 0/1 per item. Each worker has its own KeyObject cache
 * (its own instance of ed25519.ts), so a key seen twice by the same worker is imported once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setPublicKeyCacheCapacity } from './ed25519.js';
import { verifyPacked } from './verify-batch.js';

export interface WorkerJob {
  readonly kind: 'job';
  readonly id: number;
  readonly buffer: ArrayBuffer;
  /** Publish each verdict here too (verify-batch.ts SharedSlots): the shared array and this chunk's slot numbers. */
  readonly shared?: { readonly verdicts: SharedArrayBuffer; readonly slots: ArrayBuffer };
}
export interface WorkerClose {
  readonly kind: 'close';
}
export type WorkerRequest = WorkerJob | WorkerClose;
export type WorkerReply = { readonly kind: 'ready' } | { readonly kind: 'done'; readonly id: number; readonly results: ArrayBuffer };

export interface VerifyWorkerData {
  readonly cacheCapacity: number;
}

const port = parentPort;
if (port === null) throw new Error('verify-worker.js must run as a worker thread');
setPublicKeyCacheCapacity((workerData as VerifyWorkerData).cacheCapacity);

port.on('message', (request: WorkerRequest) => {
  if (request.kind === 'close') {
    port.close(); // nothing else holds the thread open: it exits once this returns
    return;
  }
  const { shared } = request;
  const results = verifyPacked(request.buffer, shared === undefined ? undefined : { verdicts: new Int32Array(shared.verdicts), slots: new Uint32Array(shared.slots) });
  const reply: WorkerReply = { kind: 'done', id: request.id, results: results.buffer as ArrayBuffer };
  port.postMessage(reply, [results.buffer as ArrayBuffer]);
});
port.postMessage({ kind: 'ready' } satisfies WorkerReply);
