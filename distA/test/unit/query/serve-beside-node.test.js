import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { produceBlock, startTestNode, submitTx } from '../../helpers/node-http.js';
import { spawnServe } from '../../helpers/query.js';
import { stakeAppMsg } from '../../helpers/staking.js';
const POKT = 1000000n;
const FEE = 10000n;
const alice = testKey('serve-alice');
const bob = testKey('serve-bob');
const appKey = testKey('serve-app');
const validator = testKey('validator-1');
const test = suite('serve: a read-only process beside a writing node answers the same');
let node;
let serve;
let serveUrl = '';
async function ask(url, path, body = {}) {
    const response = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });
    return { status: response.status, height: response.headers.get('x-ledger-height'), json: await response.json() };
}
function startServe(dataDir) {
    const started = spawnServe(['--data', dataDir]);
    serve = started.child;
    return started.url;
}
/** serve reads the writer's commits through the WAL: wait until it has seen `height`. */
async function serveAt(height) {
    for (let i = 0; i < 200; i++) {
        if ((await ask(serveUrl, '/v1/query/height')).json.height === height)
            return;
        await new Promise((r) => setTimeout(r, 25));
    }
    throw new Error(`serve did not reach height ${height}`);
}
test.before(async () => {
    node = await startTestNode({
        accounts: [
            { key: alice, balanceUpokt: 1000n * POKT },
            { key: appKey, balanceUpokt: 50000n * POKT },
        ],
        validators: [{ key: validator, tokensUpokt: 100000n * POKT }],
    });
    serveUrl = await startServe(node.node.writer.dir);
});
test.after(async () => {
    serve.kill('SIGTERM');
    await node.close();
});
test('block by block, serve answers what the node answers', async () => {
    const routes = (height) => [
        ['/v1/query/supply', { height }],
        ['/v1/query/balance', { address: alice.address, height }],
        ['/v1/query/balance', { address: bob.address, height }],
        ['/v1/query/account', { address: alice.address, height }],
        ['/v1/query/nodes', { height }],
        ['/v1/query/apps', { height }],
        ['/v1/query/block', { height }],
        ['/v1/query/blocktxs', { height }],
        ['/v1/query/accounttxs', { address: alice.address }],
        ['/v1/query/allparams', { height }],
        ['/v1/query/signinginfo', { height }],
    ];
    for (let block = 1; block <= 3; block++) {
        const sent = await submitTx(node.node, signTx(alice, sendMsg(alice, bob, BigInt(block) * POKT)), alice.address);
        assert.is(sent.code, 'ok');
        if (block === 2)
            assert.is((await submitTx(node.node, signTx(appKey, stakeAppMsg(appKey, 10000n * POKT)), appKey.address)).code, 'ok');
        const pending = await ask(node.node.url, '/v1/query/unconfirmedtxs');
        assert.is(pending.json.total_txs, block === 2 ? 2 : 1, 'the node lists its mempool');
        assert.equal((await ask(serveUrl, '/v1/query/unconfirmedtxs')).json, { txs: [], page_count: 0, total_txs: 0 }, 'serve has no mempool');
        assert.is((await produceBlock(node.node)).length, block === 2 ? 2 : 1);
        // The node projected the block before `produce` answered.
        assert.is((await ask(node.node.url, '/v1/query/height')).json.height, block);
        await serveAt(block);
        for (const height of [block, ...(block > 1 ? [block - 1] : [])]) {
            for (const [path, body] of routes(height)) {
                const [mine, theirs] = await Promise.all([ask(node.node.url, path, body), ask(serveUrl, path, body)]);
                assert.equal(theirs, mine, `${path} ${JSON.stringify(body)} at block ${block}`);
            }
        }
    }
    // 1 + 2 + 3 POKT sent, three fees paid by alice: from the genesis amounts, not the code.
    assert.equal((await ask(serveUrl, '/v1/query/balance', { address: bob.address })).json, { balance: Number(6n * POKT) });
    assert.equal((await ask(serveUrl, '/v1/query/balance', { address: alice.address })).json, { balance: Number(1000n * POKT - 6n * POKT - 3n * FEE) });
    assert.equal((await ask(serveUrl, '/v1/query/balance', { address: alice.address, height: 1 })).json, { balance: Number(1000n * POKT - 1n * POKT - FEE) });
    // The node's dispatch (live state) equals serve's (a replay to the same height).
    const dispatch = { app_public_key: appKey.publicKey, chain: '0001' };
    const [mine, theirs] = await Promise.all([ask(node.node.url, '/v1/client/dispatch', dispatch), ask(serveUrl, '/v1/client/dispatch', dispatch)]);
    assert.is(mine.status, 200, JSON.stringify(mine.json));
    assert.equal(theirs, mine);
});
test.run();
//# sourceMappingURL=serve-beside-node.test.js.map