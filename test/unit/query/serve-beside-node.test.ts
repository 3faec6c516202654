/**
 * Goal: `pokt-ledger serve`, a second process reading the projection read-only beside a node
 * that keeps writing blocks, answers exactly what the node answers for the same height; the
 * node's answers include each block as soon as `produce` returns (projected in the same tick);
 * the node's mempool routes see a pending tx and serve's answer is empty (documented choice).
 * Method: a node on a fresh test chain (test/helpers/node-http.ts); the compiled CLI's `serve`
 * spawned on a free port; blocks with sends and an app stake produced over HTTP; after each
 * block both servers are asked the same routes with real HTTP. Expected balances follow from
 * the genesis amounts and the 10,000 uPOKT fee (PROTOCOL §0.1), not from the code.
 */
import type { ChildProcess } from 'node:child_process';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { produceBlock, startTestNode, submitTx, type TestNode } from '../../helpers/node-http.js';
import { spawnServe } from '../../helpers/query.js';
import { stakeAppMsg } from '../../helpers/staking.js';

const POKT = 1_000_000n;
const FEE = 10_000n;
const alice = testKey('serve-alice');
const bob = testKey('serve-bob');
const appKey = testKey('serve-app');
const validator = testKey('validator-1');

const test = suite('serve: a read-only process beside a writing node answers the same');
let node: TestNode;
let serve: ChildProcess;
let serveUrl = '';

async function ask(url: string, path: string, body: unknown = {}): Promise<{ status: number; height: string | null; json: unknown }> {
  const response = await fetch(`${url}${path}`, { method: 'POST', body: JSON.stringify(body) });
  return { status: response.status, height: response.headers.get('x-ledger-height'), json: await response.json() };
}

function startServe(dataDir: string): Promise<string> {
  const started = spawnServe(['--data', dataDir]);
  serve = started.child;
  return started.url;
}

/**
 * serve reads the writer's commits through the WAL: wait until it has seen `height`. Bounded by
 * time, generously (200 polls of 25 ms were ~5 s, which a loaded machine's process start and
 * first reads could overrun); only a serve that never sees the commit reaches the bound.
 */
async function serveAt(height: number): Promise<void> {
  const deadline = performance.now() + 60_000;
  while (performance.now() < deadline) {
    if (((await ask(serveUrl, '/v1/query/height')).json as { height: number }).height === height) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`serve did not reach height ${height} within 60 s`);
}

test.before(async () => {
  node = await startTestNode({
    accounts: [
      { key: alice, balanceUpokt: 1_000n * POKT },
      { key: appKey, balanceUpokt: 50_000n * POKT },
    ],
    validators: [{ key: validator, tokensUpokt: 100_000n * POKT }],
  });
  serveUrl = await startServe(node.node.writer.dir);
});
test.after(async () => {
  serve.kill('SIGTERM');
  await node.close();
});

test('block by block, serve answers what the node answers', async () => {
  const routes = (height: number): Array<[string, unknown]> => [
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
    if (block === 2) assert.is((await submitTx(node.node, signTx(appKey, stakeAppMsg(appKey, 10_000n * POKT)), appKey.address)).code, 'ok');
    const pending = await ask(node.node.url, '/v1/query/unconfirmedtxs');
    assert.is((pending.json as { total_txs: number }).total_txs, block === 2 ? 2 : 1, 'the node lists its mempool');
    assert.equal((await ask(serveUrl, '/v1/query/unconfirmedtxs')).json, { txs: [], page_count: 0, total_txs: 0 }, 'serve has no mempool');
    assert.is((await produceBlock(node.node)).length, block === 2 ? 2 : 1);
    // The node projected the block before `produce` answered.
    assert.is(((await ask(node.node.url, '/v1/query/height')).json as { height: number }).height, block);
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
  assert.equal((await ask(serveUrl, '/v1/query/balance', { address: alice.address })).json, { balance: Number(1_000n * POKT - 6n * POKT - 3n * FEE) });
  assert.equal((await ask(serveUrl, '/v1/query/balance', { address: alice.address, height: 1 })).json, { balance: Number(1_000n * POKT - 1n * POKT - FEE) });
  // The node's dispatch (live state) equals serve's (a replay to the same height).
  const dispatch = { app_public_key: appKey.publicKey, chain: '0001' };
  const [mine, theirs] = await Promise.all([ask(node.node.url, '/v1/client/dispatch', dispatch), ask(serveUrl, '/v1/client/dispatch', dispatch)]);
  assert.is(mine.status, 200, JSON.stringify(mine.json));
  assert.equal(theirs, mine);
});

test.run();
