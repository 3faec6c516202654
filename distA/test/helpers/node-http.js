/**
 * A running node for end-to-end tests: a fresh data directory from a test genesis, `startNode`
 * on a free port (producing only on demand), and the HTTP calls the tests make — submit a tx,
 * produce a block, read a balance — over real HTTP.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { bytesToHex } from '../../src/core/hex.js';
import { startNode } from '../../src/node/node.js';
import { initDataDir } from '../../src/runtime/data-dir.js';
import { testGenesisJson } from './chain.js';
import { scratch } from './sim.js';
/** A node on a fresh chain from `spec`, listening on a free port, producing on demand. */
export async function startTestNode(spec, options = {}) {
    const tmp = scratch('node-e2e');
    const genesisFile = join(tmp.dir, 'genesis.json');
    writeFileSync(genesisFile, testGenesisJson(spec));
    const dataDir = join(tmp.dir, 'data');
    initDataDir(dataDir, genesisFile);
    const node = await startNode({ fsync: 'never', ...options, dataDir, port: 0, intervalMs: 0 });
    return {
        node,
        async close() {
            await node.close();
            tmp.remove();
        },
    };
}
async function post(node, path, body) {
    const response = await fetch(`${node.url}${path}`, { method: 'POST', body, headers: { 'content-type': 'application/json' } });
    return { status: response.status, body: (await response.json()) };
}
/** POST /v1/client/rawtx. */
export async function submitTx(node, bytes, address) {
    const { status, body } = await post(node, '/v1/client/rawtx', JSON.stringify({ address, raw_hex_bytes: bytesToHex(bytes) }));
    if (status !== 200)
        return { status, code: String(body['error']), body };
    // Success is pocket's BroadcastTxSync answer without a code (omitempty); a refusal carries one.
    return { status, code: body['code'] === undefined ? 'ok' : `${body['codespace']}:${body['code']}`, body };
}
/** Submit every tx, `concurrency` requests at a time; the answers in order. */
export async function submitAll(node, txs, address, concurrency = 32) {
    const answers = [];
    for (let start = 0; start < txs.length; start += concurrency) {
        answers.push(...(await Promise.all(txs.slice(start, start + concurrency).map((tx) => submitTx(node, tx, address)))));
    }
    return answers;
}
/** POST /v1/ledger/produce: the new block's receipts. */
export async function produceBlock(node) {
    const { status, body } = await post(node, '/v1/ledger/produce', '');
    if (status !== 200)
        throw new Error(`produce failed: ${status} ${JSON.stringify(body)}`);
    return body['receipts'];
}
/** POST /v1/query/balance at the latest height. */
export async function balanceOverHttp(node, address) {
    const { body } = await post(node, '/v1/query/balance', JSON.stringify({ address, height: 0 }));
    return BigInt(body['balance']);
}
/** How many answers per code, e.g. {"ok": 1, "auth:6": 4999}. */
export function tallyCodes(answers) {
    const counts = {};
    for (const answer of answers)
        counts[answer.code] = (counts[answer.code] ?? 0) + 1;
    return counts;
}
//# sourceMappingURL=node-http.js.map