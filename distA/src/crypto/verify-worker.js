/**
 * Worker thread of the verification pool: receives packed chunks (verify-batch.ts), answers
 * with a transferred Uint8Array of 0/1 per item. Each worker has its own KeyObject cache
 * (its own instance of ed25519.ts), so a key seen twice by the same worker is imported once.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { setPublicKeyCacheCapacity } from './ed25519.js';
import { verifyPacked } from './verify-batch.js';
const port = parentPort;
if (port === null)
    throw new Error('verify-worker.js must run as a worker thread');
setPublicKeyCacheCapacity(workerData.cacheCapacity);
port.on('message', (request) => {
    if (request.kind === 'close') {
        port.close(); // nothing else holds the thread open: it exits once this returns
        return;
    }
    const { shared } = request;
    const results = verifyPacked(request.buffer, shared === undefined ? undefined : { verdicts: new Int32Array(shared.verdicts), slots: new Uint32Array(shared.slots) });
    const reply = { kind: 'done', id: request.id, results: results.buffer };
    port.postMessage(reply, [results.buffer]);
});
port.postMessage({ kind: 'ready' });
//# sourceMappingURL=verify-worker.js.map