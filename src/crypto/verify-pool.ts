/**
 * A worker_threads pool that verifies batches of (publicKey, message, signature) with the same
 * `verify` (same acceptance rule, same node:crypto) as the main thread, and answers a
 * Uint8Array of 0/1 in item order.
 *
 * A batch is split into at most one contiguous chunk per worker; each chunk is packed into one
 * ArrayBuffer and transferred (verify-batch.ts), so the cost per item is one copy of its bytes,
 * not a structured clone. Items with a wrong key or signature length are answered 0 here
 * without being sent. Chunks smaller than `minChunk` items are not worth a second worker.
 *
 * Idle workers are unref'd: a pool nobody closes does not keep the process alive, while a
 * batch in flight does (its worker is ref'd until it answers).
 *
 * Usage:
 *   const pool = await VerifyPool.create({ workers: 2 });
 *   const ok = await pool.verifyBatch(items);   // ok[i] === 1 ⇔ items[i] verifies
 *   await pool.close();
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { invariant } from '../core/assert.js';
import { startWorker } from '../core/worker.js';
import { DEFAULT_PUBLIC_KEY_CACHE_CAPACITY } from './ed25519.js';
import { hasPackableLengths, packBatch, VERDICT_INVALID, type VerifyItem } from './verify-batch.js';
import type { VerifyWorkerData, WorkerJob, WorkerReply, WorkerRequest } from './verify-worker.js';

export type { VerifyItem } from './verify-batch.js';

export interface VerifyPoolOptions {
  /** Worker threads; default os.availableParallelism(). */
  readonly workers?: number;
  /** KeyObject cache entries per worker; default DEFAULT_PUBLIC_KEY_CACHE_CAPACITY. */
  readonly cacheCapacity?: number;
  /** Fewest items worth a chunk of their own; default 32. */
  readonly minChunk?: number;
}

/** Where a batch publishes each verdict as it is known: item i into `verdicts[base + i]` (crypto/shared-verdicts.ts). */
export interface SharedTarget {
  readonly verdicts: Int32Array;
  readonly base: number;
}

interface PendingJob {
  readonly resolve: (results: Uint8Array) => void;
  readonly reject: (error: Error) => void;
}

class PoolWorker {
  readonly pending = new Map<number, PendingJob>();
  exited = false;

  constructor(readonly thread: Worker) {}

  send(id: number, buffer: ArrayBuffer, job: PendingJob, shared?: WorkerJob['shared']): void {
    if (this.pending.size === 0) this.thread.ref();
    this.pending.set(id, job);
    const request: WorkerRequest = shared === undefined ? { kind: 'job', id, buffer } : { kind: 'job', id, buffer, shared };
    this.thread.postMessage(request, shared === undefined ? [buffer] : [buffer, shared.slots]);
  }

  settle(id: number, results: Uint8Array): void {
    const job = this.pending.get(id);
    invariant(job !== undefined, `verify worker answered unknown job ${id}`);
    this.pending.delete(id);
    if (this.pending.size === 0) this.thread.unref();
    job.resolve(results);
  }

  failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
    this.thread.unref();
  }
}

const WORKER_URL = new URL('./verify-worker.js', import.meta.url);

export class VerifyPool {
  private nextJobId = 0;
  private nextWorker = 0;
  private failure: Error | undefined;
  private closing: Promise<void> | undefined;
  private readonly inFlight = new Set<Promise<Uint8Array>>();

  private constructor(
    private readonly workers: readonly PoolWorker[],
    private readonly minChunk: number,
  ) {}

  static async create(options: VerifyPoolOptions = {}): Promise<VerifyPool> {
    const count = options.workers ?? availableParallelism();
    if (!Number.isSafeInteger(count) || count < 1) throw new RangeError(`VerifyPool: bad worker count ${count}`);
    const minChunk = options.minChunk ?? 32;
    if (!Number.isSafeInteger(minChunk) || minChunk < 1) throw new RangeError(`VerifyPool: bad minChunk ${minChunk}`);
    const workerData: VerifyWorkerData = { cacheCapacity: options.cacheCapacity ?? DEFAULT_PUBLIC_KEY_CACHE_CAPACITY };
    const threads = Array.from({ length: count }, () => startWorker(WORKER_URL, { workerData }));
    try {
      await Promise.all(threads.map(waitReady));
    } catch (error) {
      await Promise.all(threads.map((thread) => thread.terminate()));
      throw error;
    }
    const pool = new VerifyPool(
      threads.map((thread) => new PoolWorker(thread)),
      minChunk,
    );
    for (const worker of pool.workers) pool.attach(worker);
    return pool;
  }

  get size(): number {
    return this.workers.length;
  }

  /**
   * Verifies every item; resolves to one byte per item, 1 = valid, in item order. With `shared`,
   * item i's verdict is published, as soon as it is known, in `shared.verdicts[shared.base + i]`
   * (verify-batch.ts SharedSlots; an item with wrong lengths is published invalid at once), and
   * the slots are the answer: an item the caller claimed and verified itself is skipped.
   */
  verifyBatch(items: readonly VerifyItem[], shared?: SharedTarget): Promise<Uint8Array> {
    if (this.closing !== undefined) return Promise.reject(new Error('VerifyPool is closed'));
    if (this.failure !== undefined) return Promise.reject(this.failure);
    const results = new Uint8Array(items.length);
    const indices: number[] = [];
    for (let i = 0; i < items.length; i++) {
      if (hasPackableLengths(items[i] as VerifyItem)) indices.push(i);
      else if (shared !== undefined) Atomics.store(shared.verdicts, shared.base + i, VERDICT_INVALID);
    }
    if (indices.length === 0) return Promise.resolve(results);

    const chunkCount = Math.min(this.workers.length, Math.ceil(indices.length / this.minChunk));
    const chunks: Promise<void>[] = [];
    for (let c = 0; c < chunkCount; c++) {
      // Even split: chunk c covers [floor(c·n/k), floor((c+1)·n/k)), e.g. n=10, k=3 → 3, 3, 4.
      const from = Math.floor((c * indices.length) / chunkCount);
      const to = Math.floor(((c + 1) * indices.length) / chunkCount);
      const worker = this.workers[this.nextWorker++ % this.workers.length] as PoolWorker;
      const buffer = packBatch(items, indices, from, to);
      const slots = shared === undefined ? undefined : chunkSlots(indices, from, to, shared);
      chunks.push(
        new Promise<Uint8Array>((resolve, reject) => worker.send(this.nextJobId++, buffer, { resolve, reject }, slots)).then(
          (chunkResults) => {
            for (let j = 0; j < chunkResults.length; j++) results[indices[from + j] as number] = chunkResults[j] as number;
          },
        ),
      );
    }
    const batch = Promise.all(chunks).then(() => results);
    this.inFlight.add(batch);
    const forget = (): void => void this.inFlight.delete(batch);
    batch.then(forget, forget);
    return batch;
  }

  /** Stops accepting batches, lets batches in flight finish, then ends every worker. */
  close(): Promise<void> {
    this.closing ??= this.shutDown();
    return this.closing;
  }

  private async shutDown(): Promise<void> {
    await Promise.allSettled([...this.inFlight]);
    await Promise.all(
      this.workers.map(async (worker) => {
        if (worker.exited) return; // a crashed worker has nothing left to end
        const exited = new Promise<void>((resolve) => worker.thread.once('exit', () => resolve()));
        worker.thread.ref();
        worker.thread.postMessage({ kind: 'close' } satisfies WorkerRequest);
        await exited;
      }),
    );
  }

  private attach(worker: PoolWorker): void {
    const { thread } = worker;
    thread.unref();
    thread.on('message', (reply: WorkerReply) => {
      if (reply.kind === 'done') worker.settle(reply.id, new Uint8Array(reply.results));
    });
    thread.on('error', (error) => this.fail(error));
    thread.on('exit', (code) => {
      worker.exited = true;
      if (this.closing === undefined) this.fail(new Error(`verify worker exited unexpectedly (code ${code})`));
      else worker.failAll(new Error('VerifyPool closed'));
    });
  }

  private fail(error: Error): void {
    this.failure ??= error;
    for (const worker of this.workers) worker.failAll(error);
  }
}

/** What `prepareAhead` needs of a pool: batches verified, verdicts optionally published into shared slots. */
export type VerifyBatcher = Pick<VerifyPool, 'verifyBatch'>;

/**
 * A VerifyPool started by its first batch. A replay that trusts the txs' own signatures still
 * verifies every relay proof's AAT and client signatures (the record keeps no verdict for them),
 * but a chain without proofs — bench/replay's sends — never needs the workers, and does not pay
 * for starting them. If the workers cannot start, every batch fails: a prepareAhead caller then
 * verifies on its own thread (the same verdicts, more slowly), and `onStartFailure` hears why,
 * once — so an operator learns the replay runs on one core instead of finding it out from its speed.
 */
export class LazyVerifyPool implements VerifyBatcher {
  private starting: Promise<VerifyPool> | undefined;

  constructor(
    private readonly options: VerifyPoolOptions = {},
    private readonly onStartFailure?: (error: Error) => void,
  ) {}

  /** Whether a batch has started the workers (a chain without proofs never does). */
  get started(): boolean {
    return this.starting !== undefined;
  }

  verifyBatch(items: readonly VerifyItem[], shared?: SharedTarget): Promise<Uint8Array> {
    if (this.starting === undefined) {
      this.starting = VerifyPool.create(this.options);
      this.starting.catch((error: unknown) => this.onStartFailure?.(error instanceof Error ? error : new Error(String(error))));
    }
    return this.starting.then((pool) => pool.verifyBatch(items, shared));
  }

  /** Ends the workers if any started (batches in flight finish first). */
  async close(): Promise<void> {
    const pool = await this.starting?.catch(() => undefined);
    await pool?.close();
  }
}

/** The shared-array slot of each item of chunk indices[from..to). */
function chunkSlots(indices: readonly number[], from: number, to: number, shared: SharedTarget): WorkerJob['shared'] {
  const slots = new Uint32Array(to - from);
  for (let j = 0; j < slots.length; j++) slots[j] = shared.base + (indices[from + j] as number);
  return { verdicts: shared.verdicts.buffer as SharedArrayBuffer, slots: slots.buffer };
}

function waitReady(thread: Worker): Promise<void> {
  return new Promise((resolve, reject) => {
    const onMessage = (reply: WorkerReply): void => {
      if (reply.kind !== 'ready') return;
      thread.off('error', reject);
      thread.off('message', onMessage);
      resolve();
    };
    thread.on('message', onMessage);
    thread.once('error', reject);
  });
}
