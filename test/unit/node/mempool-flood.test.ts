/**
 * Goal (issue 10 item 2, end to end): one poor account cannot fill the mempool. The flood from
 * the issue — an account holding a single fee plus one (10,001 uPOKT) sends 5,000 sends of
 * 1 uPOKT — gets exactly one tx admitted; a funded user still gets in; the next block carries no
 * failing tx. And when a funded flooder does fill the pool, a newcomer still gets a slot (the
 * flooder's newest tx is evicted) while the flooder's own extra txs are refused (503).
 * Method: startNode on a free port; real signed txs through POST /v1/client/rawtx; blocks
 * through POST /v1/ledger/produce; mempool size through GET /v1/ledger/mempool.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sendMsg, signTx, testKey } from '../../helpers/chain.js';
import { produceBlock, startTestNode, submitAll, submitTx, tallyCodes } from '../../helpers/node-http.js';

const poor = testKey('poor');
const funded = testKey('funded');
const flooder = testKey('flooder');
const bob = testKey('bob');
const validator = testKey('validator-1');
const FLOOD_TXS = 5_000;

const flood = suite('node: CheckTx is cumulative — the single-fee flood (end to end)');

flood('5,000 txs from an account holding one fee: one admitted, a funded user gets in, the block has no failing tx', async () => {
  const test = await startTestNode({
    accounts: [
      { key: poor, balanceUpokt: 10_001n },
      { key: funded, balanceUpokt: 1_000_000_000n },
    ],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
  });
  try {
    const txs = Array.from({ length: FLOOD_TXS }, () => signTx(poor, sendMsg(poor, bob, 1n)));
    const answers = await submitAll(test.node, txs, poor.address, 50);
    // 50 at a time from one address stays below what one client may have waiting (128, query/client-turns.ts).
    assert.equal(tallyCodes(answers), { ok: 1, 'auth:6': FLOOD_TXS - 1 });
    assert.is(answers[0]!.code, 'ok', 'the first is the one admitted');
    assert.is((await submitTx(test.node, signTx(funded, sendMsg(funded, bob, 5n)), funded.address)).code, 'ok', 'a funded user gets in');
    const receipts = await produceBlock(test.node);
    assert.equal(
      receipts.map((r) => r.code),
      [0, 0],
      'one tx from the flood and the funded user’s, none failing',
    );
  } finally {
    await test.close();
  }
});

flood('a funded flooder fills the pool: its extra txs get 503, a newcomer evicts its newest tx and gets in', async () => {
  const test = await startTestNode(
    {
      accounts: [
        { key: flooder, balanceUpokt: 1_000_000_000n },
        { key: funded, balanceUpokt: 1_000_000_000n },
      ],
      validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
    },
    { mempool: { maxTxs: 20 } },
  );
  try {
    const txs = Array.from({ length: 25 }, (_, i) => signTx(flooder, sendMsg(flooder, bob, BigInt(i + 1))));
    const answers = await submitAll(test.node, txs, flooder.address, 1);
    assert.equal(tallyCodes(answers), { ok: 20, mempool_full: 5 });
    assert.is(answers[24]!.status, 503);
    assert.is(answers[24]!.retryAfter, '1', 'blocks only on demand: no schedule to wait for, the least Retry-After');
    const newcomer = await submitTx(test.node, signTx(funded, sendMsg(funded, bob, 7n)), funded.address);
    assert.is(newcomer.code, 'ok');
    const pool = (await (await fetch(`${test.node.url}/v1/ledger/mempool`)).json()) as { txs: number };
    assert.is(pool.txs, 20);
    const receipts = await produceBlock(test.node);
    assert.is(receipts.length, 20);
    assert.ok(receipts.every((r) => r.code === 0));
    assert.ok(receipts.some((r) => r.txhash === newcomer.body['txhash']), 'the newcomer is in the block');
    assert.not.ok(receipts.some((r) => r.txhash === answers[19]!.body['txhash']), 'the flooder’s newest admitted tx was evicted');
  } finally {
    await test.close();
  }
});

flood('mempool_full tells when to come back: Retry-After is the seconds until the interval\'s next block (rounded up)', async () => {
  const test = await startTestNode(
    { accounts: [{ key: flooder, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] },
    // No block comes during the test: the pool stays full and the next block is ~600 s away.
    { mempool: { maxTxs: 1 }, intervalMs: 600_000 },
  );
  try {
    const [admitted, refused] = await submitAll(test.node, [signTx(flooder, sendMsg(flooder, bob, 1n)), signTx(flooder, sendMsg(flooder, bob, 2n))], flooder.address, 1);
    assert.is(admitted!.code, 'ok');
    assert.is(admitted!.retryAfter, null, 'an admitted tx has no Retry-After');
    assert.is(refused!.status, 503);
    assert.is(refused!.code, 'mempool_full');
    const seconds = Number(refused!.retryAfter);
    assert.ok(Number.isInteger(seconds) && seconds > 590 && seconds <= 600, `Retry-After ${refused!.retryAfter}`);
  } finally {
    await test.close();
  }
});

flood.run();
