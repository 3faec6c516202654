/** Worker thread of TreePool: builds packed trees for the jobs it is sent (evidence.ts). */
import { parentPort } from 'node:worker_threads';
import { buildTree } from './evidence.js';
parentPort?.on('message', (request) => {
    try {
        const trees = request.jobs.map(buildTree);
        const transfer = trees.flatMap((t) => [...t.levels.map((l) => l.buffer), t.order.buffer]);
        parentPort.postMessage({ id: request.id, trees }, transfer);
    }
    catch (error) {
        parentPort.postMessage({ id: request.id, error: error instanceof Error ? error.message : String(error) });
    }
});
//# sourceMappingURL=tree-worker.js.map