/**
 * The catch-up writer thread (started by ./catch-up-store.ts): a WriterEndpoint
 * (./writer-endpoint.ts) behind the thread's port, so SQLite's inserts, commits and checkpoints
 * run on a second core while the main thread replays and makes rows.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { WriterEndpoint } from './writer-endpoint.js';
const port = parentPort;
const endpoint = new WriterEndpoint((message) => port.postMessage(message), workerData.busyTimeoutMs);
port.on('message', (message) => {
    if (endpoint.handle(message))
        port.close();
});
//# sourceMappingURL=writer-thread.js.map