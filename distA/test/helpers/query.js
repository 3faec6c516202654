/**
 * Helpers for query-service tests: a projected copy of the shared simulated chain served
 * in-process (fastify inject: real routing, validation and serialization, no sockets), and a
 * POST helper that returns status, headers and the parsed body.
 */
import { spawn } from 'node:child_process';
import { project } from '../../src/projection/run.js';
import { openSqliteReadStore } from '../../src/projection/sqlite-read-store.js';
import { replayedStateSource } from '../../src/query/replayed-state.js';
import { createQueryServer } from '../../src/query/service.js';
import { join } from 'node:path';
import { simulate } from '../../src/sim/simulator.js';
import { CLI_PATH, scratch, writeSmallGenesis } from './sim.js';
/** Blocks of the query tests' chain: enough for every message kind and claim lifecycle, quick to build. */
export const QUERY_SIM_BLOCKS = Number(process.env['QUERY_BLOCKS'] ?? 100);
let shared;
/** A simulated chain with every message kind, projected, built once per process; never write to it. */
export function projectedSimChain() {
    shared ??= (async () => {
        const tmp = scratch('query-sim');
        process.on('exit', tmp.remove);
        const dir = join(tmp.dir, 'chain');
        await simulate({ dataDir: dir, genesisFile: writeSmallGenesis(tmp.dir), seed: 12n, blocks: QUERY_SIM_BLOCKS, txsPerBlock: 8, fsync: 'never', snapshotEvery: 40 });
        await project(dir);
        return { dir, remove: tmp.remove };
    })();
    return shared;
}
/** The query service over `dataDir`'s projection, as `serve` builds it. */
export async function serveInProcess(dataDir) {
    const store = openSqliteReadStore(dataDir);
    const app = await createQueryServer(store, { dispatchState: replayedStateSource(dataDir) });
    return {
        dataDir,
        app,
        store,
        async close() {
            await app.close();
            await store.close();
        },
    };
}
export async function postTo(app, path, body = {}) {
    const response = await app.inject({ method: 'POST', url: path, payload: typeof body === 'string' ? body : JSON.stringify(body), headers: { 'content-type': 'application/json' } });
    return { status: response.statusCode, headers: response.headers, text: response.body, json: response.body === '' ? undefined : JSON.parse(response.body) };
}
/** The compiled CLI's `serve` with `args` (e.g. `--data DIR`), on a free port: its process and base URL once it listens. */
export function spawnServe(args) {
    const child = spawn(process.execPath, [CLI_PATH, 'serve', ...args, '--port', '0'], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    const url = new Promise((resolve, reject) => {
        child.stderr.on('data', (chunk) => {
            stderr += chunk.toString('utf8');
            const match = /listening on (http:\/\/[0-9.]+:[0-9]+)/.exec(stderr);
            if (match)
                resolve(match[1]);
        });
        child.on('close', (code) => reject(new Error(`serve exited (${code}): ${stderr}`)));
    });
    return { child, url };
}
//# sourceMappingURL=query.js.map