/**
 * Builds many claims' trees on worker threads (both cores by default): the jobs are split into
 * one contiguous chunk per worker and the packed trees come back transferred, in job order.
 * Idle workers are unref'd, so a pool nobody closes does not keep the process alive.
 */
import { availableParallelism } from 'node:os';
import type { Worker } from 'node:worker_threads';
import { startWorker } from '../../core/worker.js';
import { buildTree, type PackedTree, type TreeJob } from './evidence.js';

interface Reply {
  readonly id: number;
  readonly trees?: PackedTree[];
  readonly error?: string;
}

export class TreePool {
  private nextId = 0;
  private readonly pending = new Map<number, { resolve: (trees: PackedTree[]) => void; reject: (error: Error) => void; worker: Worker }>();

  private constructor(private readonly workers: Worker[]) {
    for (const worker of workers) {
      worker.unref();
      worker.on('message', (reply: Reply) => this.settle(worker, reply));
      worker.on('error', (error) => this.failAll(error));
    }
  }

  static create(workers = availableParallelism()): TreePool {
    const url = new URL('./tree-worker.js', import.meta.url);
    return new TreePool(Array.from({ length: Math.max(1, workers) }, () => startWorker(url)));
  }

  /** Below this many relays in total, building inline is cheaper than a round trip. */
  static readonly INLINE_RELAYS = 2_000;

  async build(jobs: readonly TreeJob[]): Promise<PackedTree[]> {
    const relays = jobs.reduce((sum, job) => sum + job.relays, 0);
    if (relays < TreePool.INLINE_RELAYS) return jobs.map(buildTree);
    const chunks = splitByRelays(jobs, this.workers.length);
    const parts = await Promise.all(chunks.map((chunk, i) => this.send(this.workers[i]!, chunk)));
    return parts.flat();
  }

  async close(): Promise<void> {
    await Promise.all(this.workers.map((w) => w.terminate()));
  }

  private send(worker: Worker, jobs: readonly TreeJob[]): Promise<PackedTree[]> {
    if (jobs.length === 0) return Promise.resolve([]);
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, worker });
      worker.ref();
      worker.postMessage({ id, jobs });
    });
  }

  private settle(worker: Worker, reply: Reply): void {
    const job = this.pending.get(reply.id);
    if (job === undefined) return;
    this.pending.delete(reply.id);
    if (![...this.pending.values()].some((p) => p.worker === worker)) worker.unref();
    if (reply.error !== undefined) job.reject(new Error(`tree worker: ${reply.error}`));
    else job.resolve(reply.trees!);
  }

  private failAll(error: Error): void {
    for (const job of this.pending.values()) job.reject(error);
    this.pending.clear();
  }
}

/** Contiguous chunks with about equal relays each (order kept). */
function splitByRelays(jobs: readonly TreeJob[], parts: number): TreeJob[][] {
  const total = jobs.reduce((sum, job) => sum + job.relays, 0);
  const chunks: TreeJob[][] = Array.from({ length: parts }, () => []);
  let acc = 0;
  for (const job of jobs) {
    const part = Math.min(parts - 1, Math.floor((acc * parts) / Math.max(1, total)));
    chunks[part]!.push(job);
    acc += job.relays;
  }
  return chunks;
}
