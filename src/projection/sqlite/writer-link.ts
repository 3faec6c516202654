/**
 * How the catch-up store (./catch-up-store.ts) reaches its WriterEndpoint (./writer-endpoint.ts):
 *   - `threadLink`: on a worker_threads thread (./writer-thread.ts); rows are structured-cloned
 *     by postMessage, their bytes transferred (./writer-protocol.ts `packBytes`);
 *   - `inlineLink`: the same endpoint called directly on this thread, for a run too short to pay
 *     for a thread's start (PERF: ~70–90 ms of CPU for a Node worker on a loaded 2-core machine,
 *     measured; about what writing ~10,000 rows costs).
 * Either way the endpoint's replies come back through `receive`, in order.
 */
import { startWorker } from '../../core/worker.js';
import { WriterEndpoint } from './writer-endpoint.js';
import { packBytes, type FromWriter, type ToWriter, type WriterData } from './writer-protocol.js';

export interface WriterLink {
  send(message: ToWriter): void;
  /** Resolves if the writer ends without being asked to (a crashed thread), or once a thread has exited. */
  readonly ended: Promise<void>;
  /** After `closed`: nothing keeps the process alive for the writer. */
  release(): void;
}

export type Receive = (message: FromWriter) => void;

const WRITER_URL = new URL('./writer-thread.js', import.meta.url);

export function threadLink(receive: Receive, onFault: (error: Error) => void, busyTimeoutMs?: number): WriterLink {
  const data: WriterData = busyTimeoutMs === undefined ? {} : { busyTimeoutMs };
  const thread = startWorker(WRITER_URL, { workerData: data });
  thread.on('message', receive);
  thread.on('error', onFault);
  const ended = new Promise<void>((resolve) => thread.once('exit', () => resolve()));
  void ended.then(() => onFault(new Error('the projection writer thread exited')));
  return {
    send: (message) => {
      const bytes = message.kind === 'chunk' ? packBytes(message.rows) : undefined;
      thread.postMessage(message, bytes === undefined ? [] : [bytes]);
    },
    ended,
    release: () => void thread.unref(),
  };
}

export function inlineLink(receive: Receive, busyTimeoutMs?: number): WriterLink {
  const endpoint = new WriterEndpoint(receive, busyTimeoutMs);
  return {
    send: (message) => void endpoint.handle(message),
    ended: new Promise<void>(() => undefined),
    release: () => undefined,
  };
}
