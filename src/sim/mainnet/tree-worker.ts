/** Worker thread of TreePool: builds packed trees for the jobs it is sent (evidence.ts). */
import { parentPort } from 'node:worker_threads';
import { buildTree, type TreeJob } from './evidence.js';

export interface TreeRequest {
  readonly id: number;
  readonly jobs: readonly TreeJob[];
}

parentPort?.on('message', (request: TreeRequest) => {
  try {
    const trees = request.jobs.map(buildTree);
    const transfer = trees.flatMap((t) => [...t.levels.map((l) => l.buffer as ArrayBuffer), t.order.buffer as ArrayBuffer]);
    parentPort!.postMessage({ id: request.id, trees }, transfer);
  } catch (error) {
    parentPort!.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
  }
});
