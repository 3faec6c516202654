/**
 * Goal: the mempool admits exactly what pocket-core's CheckTx admits — decode, ValidateBasic,
 * signature and the ante handler's checks against the last committed state, without running
 * the message or writing anything — keeps txs FIFO within limits, reaps within a byte budget,
 * and after a block evicts the txs that became invalid.
 * Method: a small test chain (real genesis import, real signed txs); every bad kind of tx is
 * checked for its pocket-core code (expected codes from PROTOCOL §0.1 and x/auth/ante.go, as in
 * test/unit/chain/send.test.ts) and the state root is compared before and after.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { Mempool, checkTx, type AddOutcome } from '../../../src/node/mempool.js';
import { txFramedBytes } from '../../../src/node/block-budget.js';
import { MAX_TX_BYTES } from '../../../src/wire/index.js';
import { produce, sendMsg, signTx, startChain, TEST_CHAIN_ID, testKey } from '../../helpers/chain.js';

const alice = testKey('alice');
const bob = testKey('bob');
const poor = testKey('poor');
const stranger = testKey('stranger');
const validator = testKey('validator-1');

function freshChain(): LedgerState {
  return startChain({
    accounts: [
      { key: alice, balanceUpokt: 1_000_000_000n },
      { key: poor, balanceUpokt: 15_000n },
    ],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
  });
}

function codeOf(outcome: AddOutcome): string {
  if ('full' in outcome) return 'full';
  return outcome.ok ? 'ok' : `${outcome.rejection.codespace}:${outcome.rejection.code}`;
}

const admission = suite('node: mempool admission (CheckTx)');

admission('every bad kind gets its pocket-core code and changes no state; a valid tx is admitted', () => {
  const state = freshChain();
  const rootBefore = bytesToHex(state.store.root);
  const mempool = new Mempool(TEST_CHAIN_ID);
  const valid = signTx(alice, sendMsg(alice, bob, 5n));
  const cases: Array<[string, Uint8Array, string]> = [
    ['valid', valid, 'ok'],
    ['the same bytes again (already waiting)', valid, 'auth:6'],
    ['garbage', Uint8Array.of(1, 2, 3), 'sdk:2'],
    ['truncated', signTx(alice, sendMsg(alice, bob, 6n)).slice(0, 40), 'sdk:2'],
    ['wrong chain id', signTx(alice, sendMsg(alice, bob, 7n), { chainId: 'mainnet' }), 'sdk:4'],
    ['bad signature (bob signs for alice)', signTx(bob, sendMsg(alice, bob, 8n)), 'sdk:4'],
    ['unknown sender', signTx(stranger, sendMsg(stranger, bob, 1n)), 'sdk:9'],
    ['fee unaffordable', signTx(poor, sendMsg(poor, bob, 1n), { feeUpokt: 20_000n }), 'auth:6'],
    ['fee below minimum', signTx(alice, sendMsg(alice, bob, 9n), { feeUpokt: 9_999n }), 'auth:4'],
    ['memo too long (localnet MaxMemoCharacters 256)', signTx(alice, sendMsg(alice, bob, 10n), { memo: 'x'.repeat(257) }), 'auth:1'],
    ['zero amount', signTx(alice, sendMsg(alice, bob, 0n)), 'pos:109'],
    ['oversized', signTx(alice, sendMsg(alice, bob, 11n), { memo: 'o'.repeat(MAX_TX_BYTES) }), 'ledger:1'],
    // CheckTx does not run the message (baseapp runMsgs skips handlers in check mode): a send
    // of more than the balance is admitted and fails in its block (sdk:10, fee charged).
    ['underfunded send', signTx(alice, sendMsg(alice, bob, 5_000_000_000n)), 'ok'],
  ];
  for (const [label, bytes, expected] of cases) assert.is(codeOf(mempool.add(state, bytes)), expected, label);
  assert.is(mempool.size, 2);
  assert.is(bytesToHex(state.store.root), rootBefore, 'CheckTx wrote nothing');
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n);
});

admission('a delivered tx is rejected as a duplicate (auth:6); the underfunded one fails in its block with its fee charged', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  const sent = signTx(alice, sendMsg(alice, bob, 5n));
  const tooMuch = signTx(alice, sendMsg(alice, bob, 5_000_000_000n));
  assert.is(codeOf(mempool.add(state, sent)), 'ok');
  assert.is(codeOf(mempool.add(state, tooMuch)), 'ok');
  const chosen = mempool.reap(1_000_000);
  const receipts = produce(state, chosen.map((tx) => tx.bytes)).receipts;
  assert.equal(receipts.map((r) => `${r.codespace}:${r.code}`), [':0', 'sdk:10']);
  assert.is(receipts[1]!.feeUpokt, 10_000n);
  mempool.update(state, chosen);
  assert.is(mempool.size, 0);
  assert.is(codeOf(mempool.add(state, sent)), 'auth:6');
  const check = checkTx(state, sent, TEST_CHAIN_ID);
  assert.ok(!check.ok && check.rejection.log.includes('already delivered'));
});

const order = suite('node: mempool order, limits, eviction');

order('FIFO reaping within a byte budget and a tx limit', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  const txs = [1n, 2n, 3n, 4n, 5n].map((amount) => signTx(alice, sendMsg(alice, bob, amount)));
  for (const tx of txs) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  const twoFit = txFramedBytes(txs[0]!) + txFramedBytes(txs[1]!);
  assert.equal(mempool.reap(twoFit).map((tx) => tx.bytes), txs.slice(0, 2));
  assert.equal(mempool.reap(twoFit - 1).map((tx) => tx.bytes), txs.slice(0, 1));
  assert.equal(mempool.reap(10_000_000, 3).map((tx) => tx.bytes), txs.slice(0, 3));
  assert.is(mempool.bytes, txs.reduce((sum, tx) => sum + tx.byteLength, 0));
});

order('a full mempool refuses (by count and by bytes) without a code', () => {
  const state = freshChain();
  const byCount = new Mempool(TEST_CHAIN_ID, { maxTxs: 2 });
  for (const amount of [1n, 2n]) assert.is(codeOf(byCount.add(state, signTx(alice, sendMsg(alice, bob, amount)))), 'ok');
  assert.is(codeOf(byCount.add(state, signTx(alice, sendMsg(alice, bob, 3n)))), 'full');
  const tx = signTx(alice, sendMsg(alice, bob, 4n));
  const byBytes = new Mempool(TEST_CHAIN_ID, { maxBytes: tx.byteLength + 10 });
  assert.is(codeOf(byBytes.add(state, tx)), 'ok');
  assert.is(codeOf(byBytes.add(state, signTx(alice, sendMsg(alice, bob, 5n)))), 'full');
});

order('after a block, txs that can no longer pay their fee are evicted (recheck)', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  // poor holds 15,000: each tx alone can pay its 10,000 fee; after the first, 4,999 is left.
  const first = signTx(poor, sendMsg(poor, bob, 1n));
  const second = signTx(poor, sendMsg(poor, bob, 2n));
  const unrelated = signTx(alice, sendMsg(alice, bob, 3n));
  for (const tx of [first, second, unrelated]) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  const chosen = mempool.reap(1_000_000, 1);
  assert.is(produce(state, chosen.map((tx) => tx.bytes)).receipts[0]!.code, 0);
  const update = mempool.update(state, chosen);
  assert.is(update.included, 1);
  assert.equal(update.evicted.map((e) => `${e.rejection.codespace}:${e.rejection.code}`), ['auth:6']);
  assert.equal(mempool.reap(1_000_000).map((tx) => tx.bytes), [unrelated]);
});

admission.run();
order.run();
