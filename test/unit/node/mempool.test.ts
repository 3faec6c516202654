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
import { txBudgetBytes, txFramedBytes } from '../../../src/node/block-budget.js';
import { decodeTx, encodeTx, MAX_TX_BYTES, txHash, type DecodedTx } from '../../../src/wire/index.js';
import { produce, sendMsg, signTx, startChain, TEST_CHAIN_ID, testKey } from '../../helpers/chain.js';
import { RE_ENCODINGS, withoutPublicKey } from '../../helpers/re-encode.js';

const alice = testKey('alice');
const bob = testKey('bob');
const poor = testKey('poor');
const stranger = testKey('stranger');
const validator = testKey('validator-1');
const carol = testKey('carol');

function freshChain(): LedgerState {
  return startChain({
    accounts: [
      { key: alice, balanceUpokt: 1_000_000_000n },
      { key: poor, balanceUpokt: 15_000n },
    ],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
  });
}

function decodeOk(bytes: Uint8Array): DecodedTx {
  const decoded = decodeTx(bytes);
  assert.ok(decoded.ok);
  return decoded.value;
}

function codeOf(outcome: AddOutcome): string {
  if ('full' in outcome) return 'full';
  if ('tooLarge' in outcome) return 'too_large';
  if ('inCache' in outcome) return 'in_cache';
  return outcome.ok ? 'ok' : `${outcome.rejection.codespace}:${outcome.rejection.code}`;
}

/** The hashes of a block's txs delivered with code 0 (what Mempool.update keeps in its cache). */
function okHashes(receipts: ReadonlyArray<{ readonly hash: string; readonly code: number }>): Set<string> {
  return new Set(receipts.filter((receipt) => receipt.code === 0).map((receipt) => receipt.hash));
}

const admission = suite('node: mempool admission (CheckTx)');

admission('every bad kind gets its pocket-core code and changes no state; a valid tx is admitted', () => {
  const state = freshChain();
  const rootBefore = bytesToHex(state.store.root);
  const mempool = new Mempool(TEST_CHAIN_ID);
  const valid = signTx(alice, sendMsg(alice, bob, 5n));
  const cases: Array<[string, Uint8Array, string]> = [
    ['valid', valid, 'ok'],
    // Tendermint's cache answers before the app's CheckTx (clist_mempool.go:255-270 at the fork
    // commit pocket-core's go.mod pins, 59310158d3e9): not a CheckTx code, a broadcast error.
    ['the same bytes again (already waiting)', valid, 'in_cache'],
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
  mempool.update(state, chosen, undefined, okHashes(receipts));
  assert.is(mempool.size, 0);
  // Tendermint's Update (clist_mempool.go:591-597 at 59310158d3e9) keeps a tx delivered with code
  // 0 in its cache — resubmitted, it is 'tx already exists in cache' — and removes a failed one,
  // which then reaches the ante handler's tx-index lookup: ErrDuplicateTx, auth:6
  // (pocket-core x/auth/ante.go:57-64).
  assert.is(codeOf(mempool.add(state, sent)), 'in_cache', 'delivered with code 0: still in the cache');
  assert.is(codeOf(mempool.add(state, tooMuch)), 'auth:6', 'delivered with sdk:10: out of the cache, the tx index refuses it');
  const check = checkTx(state, sent, TEST_CHAIN_ID);
  assert.ok(!check.ok && check.rejection.log.includes('already delivered'));
});

admission('the seen-tx cache: refusals leave it (a tx may come back), it is bounded and drops the oldest first', () => {
  // Tendermint (clist_mempool.go at 59310158d3e9): Push before CheckTx (:255), Remove when CheckTx
  // refuses (:439-443) or a recheck evicts (:475-479 → removeTx(…, true)); mapTxCache.Push (:711-733)
  // holds `size` hashes and pops the front (the least recently pushed) to make room; pushing a
  // cached hash moves it to the back.
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID, { cacheSize: 2 });
  const refused = signTx(poor, sendMsg(poor, bob, 1n), { feeUpokt: 20_000n });
  assert.is(codeOf(mempool.add(state, refused)), 'auth:6');
  assert.is(codeOf(mempool.add(state, refused)), 'auth:6', 'a refused tx is checked again, not answered from the cache');
  const txs = [1n, 2n, 3n].map((amount) => signTx(alice, sendMsg(alice, bob, amount)));
  for (const tx of txs) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  const chosen = mempool.reap(1_000_000);
  const receipts = produce(state, chosen.map((tx) => tx.bytes)).receipts;
  mempool.update(state, chosen, undefined, okHashes(receipts));
  // The cache held txs[1], txs[2] after the third admission (txs[0] popped); the block pushes all
  // three in order: txs[0] pops txs[1], then txs[1] pops txs[2], then txs[2] pops txs[0]. Found
  // again, txs[2] and txs[1] only move to the back; txs[0] is checked and refused by the tx index.
  assert.equal([txs[2], txs[1], txs[0]].map((tx) => codeOf(mempool.add(state, tx!))), ['in_cache', 'in_cache', 'auth:6']);
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

order('a tx no block can hold is refused at admission, so it never stalls the FIFO behind it (Tendermint preCheck)', () => {
  // Tendermint (the pokt-network fork at 59310158d3e9, pocket-core go.mod:5)
  // mempool/clist_mempool.go:248-252 runs preCheck before the app's CheckTx;
  // state/tx_filter.go:10-16 sets it to PreCheckAminoMaxBytes(MaxDataBytesUnknownEvidence(block
  // max bytes, validators)) (mempool/mempool.go:105-122): a tx bigger than a block's data is
  // refused. Reaping stops at the first tx that does not fit (clist_mempool.go:532-538), so an
  // admitted one would hold back every later tx for good.
  const state = startChain({
    consensusMaxBytes: '3000',
    accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
    params: { pocketcore: { block_byte_size: '3000' }, auth: { max_memo_characters: '100000' } },
  });
  const mempool = new Mempool(TEST_CHAIN_ID);
  const budget = txBudgetBytes(state, { timeNs: 1n << 60n });
  const huge = signTx(alice, sendMsg(alice, bob, 1n), { memo: 'm'.repeat(4_000) });
  assert.ok(txFramedBytes(huge) > budget, 'the tx is bigger than any block of this chain');
  const refused = mempool.add(state, huge, budget);
  assert.ok('tooLarge' in refused, `refused before CheckTx: ${JSON.stringify(refused)}`);
  assert.is(refused.hash, txHash(huge));
  // The reason as pocket-core's rawtx answers it: PreCheckAminoMaxBytes' text (mempool/mempool.go:107-119
  // at 59310158d3e9; its size is the tx plus ComputeAminoOverhead(tx, 1), types/tx.go:134-138 —
  // one key byte and the length's varint, our framing) behind the RPC wrapper of every broadcast
  // error (rpc/jsonrpc/types/types.go:144-150, 237-239; rpc/client/http/http.go:270-277). The max
  // is this ledger's block budget, not Tendermint's MaxDataBytes (our block encoding differs).
  assert.is(refused.tooLarge, `broadcast_tx_sync: RPC error -32603 - Internal error: tx size (including amino overhead) is too big: ${txFramedBytes(huge)}, max: ${budget}`);
  const small = signTx(alice, sendMsg(alice, bob, 2n));
  assert.is(codeOf(mempool.add(state, small, budget)), 'ok');
  assert.equal(mempool.reap(budget).map((tx) => tx.bytes), [small], 'the small tx is not stuck behind the huge one');
  const fits = signTx(alice, sendMsg(alice, bob, 3n), { memo: 'f'.repeat(100) });
  assert.is(codeOf(mempool.add(state, fits, txFramedBytes(fits))), 'ok', 'exactly the budget fits');
});

order('ours: a waiting tx that no longer fits a block (the budget fell) is evicted at the recheck, so the txs behind it are reaped', () => {
  // Tendermint's recheck does not repeat preCheck (clist_mempool.go recheckTxs): after the block
  // limit falls (a BlockByteSize change pocket-core hands over), a waiting tx above the new budget
  // would stay at the head of the FIFO for good. Here the budget given to update() stands for that
  // lowered size (no real tx is above a limit pocket-core lowers: at least 4,000,000 bytes).
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  const big = signTx(alice, sendMsg(alice, bob, 1n), { memo: 'b'.repeat(150) });
  const small = signTx(alice, sendMsg(alice, bob, 2n));
  for (const tx of [big, small]) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  const lowered = txFramedBytes(big) - 1;
  assert.ok(txFramedBytes(small) <= lowered, 'the small tx fits the lowered budget');
  const update = mempool.update(state, [], lowered);
  assert.equal(update.evicted.map((e) => [e.hash, `${e.rejection.codespace}:${e.rejection.code}`]), [[txHash(big), 'ledger:1']]);
  assert.equal(mempool.reap(lowered).map((tx) => tx.bytes), [small], 'the small tx is reaped, no longer behind the big one');
  assert.equal(mempool.update(state, []).evicted, [], 'without a budget nothing is evicted for its size');
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

order('after a block the check state restarts from the new state; txs that no longer pass are evicted (recheck)', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  // poor holds 15,000: its first send (fee 10,000 + 1) is admitted; a block made elsewhere then
  // spends its balance, so at the recheck the waiting tx can no longer pay its fee.
  const waiting = signTx(poor, sendMsg(poor, bob, 1n));
  const unrelated = signTx(alice, sendMsg(alice, bob, 3n));
  for (const tx of [waiting, unrelated]) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  assert.is(produce(state, [signTx(poor, sendMsg(poor, bob, 4_000n))]).receipts[0]!.code, 0, 'poor spends 14,000 outside this pool');
  const update = mempool.update(state, []);
  assert.equal(update.evicted.map((e) => `${e.rejection.codespace}:${e.rejection.code}`), ['auth:6']);
  // An evicted tx leaves Tendermint's cache too (resCbRecheck → removeTx(…, true)): sent again, it is checked again.
  assert.is(codeOf(mempool.add(state, waiting)), 'auth:6', 'evicted at the recheck: checked again, not in the cache');
  assert.equal(mempool.reap(1_000_000).map((tx) => tx.bytes), [unrelated]);
  // The included txs leave; what they paid is now in the committed state, not carried twice.
  const chosen = mempool.reap(1_000_000);
  produce(state, chosen.map((tx) => tx.bytes));
  assert.equal(mempool.update(state, chosen), { included: 1, evicted: [], stale: [] });
  assert.is(codeOf(mempool.add(state, signTx(alice, sendMsg(alice, bob, 999_000_000n - 60_000n)))), 'ok', 'alice can spend all she has left');
});

order('a tx still waiting after three blocks is dropped as stale, and stays in the seen-tx cache', () => {
  // pocket's Tendermint fork (clist_mempool.go at 59310158d3e9): a tx records the mempool's height
  // — the last committed block's — when admitted (:417-421, set by Update :580); the recheck after
  // block H drops a tx that still passes CheckTx when H − its height > maxTxLife = 2 (:94,
  // :468-474), and keeps it in the cache ("we don't remove tx from the cache"): sent again, it is
  // 'tx already exists in cache'.
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  const tx = signTx(alice, sendMsg(alice, bob, 1n));
  assert.is(codeOf(mempool.add(state, tx)), 'ok'); // admitted at the tip, height h
  for (const block of [1, 2]) {
    produce(state);
    assert.equal(mempool.update(state, []).stale, [], `h+${block}: ${block} ≤ 2, still waiting`);
  }
  produce(state);
  assert.equal(mempool.update(state, []).stale, [txHash(tx)], 'h+3: 3 > 2, dropped');
  assert.is(mempool.size, 0);
  assert.is(codeOf(mempool.add(state, tx)), 'in_cache', 'still in the cache');
});

const cumulative = suite('node: CheckTx is cumulative (the check state)');

cumulative('one fee’s worth of balance admits one tx: the next finds nothing left to pay its fee with (auth:6)', () => {
  const state = startChain({ accounts: [{ key: poor, balanceUpokt: 10_001n }, { key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const mempool = new Mempool(TEST_CHAIN_ID);
  const flood = Array.from({ length: 50 }, () => signTx(poor, sendMsg(poor, bob, 1n)));
  const answers = flood.map((tx) => codeOf(mempool.add(state, tx)));
  assert.equal(answers, ['ok', ...new Array(49).fill('auth:6')]);
  assert.is(codeOf(mempool.add(state, signTx(alice, sendMsg(alice, bob, 5n)))), 'ok', 'a funded sender gets in');
  const receipts = produce(state, mempool.reap(1_000_000).map((tx) => tx.bytes)).receipts;
  assert.equal(receipts.map((r) => r.code), [0, 0], 'the block carries no failing tx');
});

cumulative('each admitted tx carries its fee and its spend when covered; the block then has exactly those outcomes', () => {
  const state = startChain({ accounts: [{ key: poor, balanceUpokt: 100_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const mempool = new Mempool(TEST_CHAIN_ID);
  const txs = [
    [signTx(poor, sendMsg(poor, bob, 60_000n)), 'ok'], //  100,000 − 70,000 → 30,000 left
    [signTx(poor, sendMsg(poor, bob, 25_000n)), 'ok'], //  fee payable, send not: carries 10,000 → 20,000
    [signTx(poor, sendMsg(poor, bob, 5_000n)), 'ok'], //   15,000 → 5,000 left
    [signTx(poor, sendMsg(poor, bob, 1n)), 'auth:6'], //   5,000 < fee
  ] as const;
  assert.equal(txs.map(([tx]) => codeOf(mempool.add(state, tx))), txs.map(([, expected]) => expected));
  const receipts = produce(state, mempool.reap(1_000_000).map((tx) => tx.bytes)).receipts;
  assert.equal(receipts.map((r) => (r.code === 0 ? 'ok' : `${r.codespace}:${r.code}`)), ['ok', 'sdk:10', 'ok']);
  assert.is(balanceOf(state.auth, poor.address), 5_000n, 'as the check state predicted');
});

cumulative('a re-encoding of a waiting tx is refused (ledger:20); non-canonical bytes are refused (ledger:21)', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID);
  const tx = signTx(alice, sendMsg(alice, bob, 5n));
  assert.is(codeOf(mempool.add(state, tx)), 'ok');
  // Canonical, and the same sign document and signer — but with [AppTransfer] active pocket-core
  // refuses every key-less tx first (sdk:1, chain/ante.ts step 3a).
  assert.is(codeOf(mempool.add(state, withoutPublicKey(tx))), 'sdk:1', 'no public key');
  for (const [name, reEncode] of RE_ENCODINGS) {
    const answer = codeOf(mempool.add(state, reEncode(tx)));
    assert.ok(answer === 'ledger:20' || answer === 'ledger:21' || (answer === 'sdk:1' && reEncode === withoutPublicKey), `${name}: ${answer}`);
  }
  const fresh = signTx(alice, sendMsg(alice, bob, 6n));
  assert.is(codeOf(mempool.add(state, RE_ENCODINGS[1]![1](fresh))), 'ledger:21', 'an unknown field, even on a new tx');
  assert.is(codeOf(mempool.add(state, encodeTx(decodeOk(fresh), 'explicit-defaults'))), 'ok', 'pocket-js 2020 bytes are canonical');
  assert.is(mempool.size, 2);
});

const fairness = suite('node: per-sender cap and fair-share eviction');

fairness('a sender may hold at most maxTxsPerSender txs; after a block it may add more', () => {
  const state = freshChain();
  const mempool = new Mempool(TEST_CHAIN_ID, { maxTxsPerSender: 3 });
  const answers = [1n, 2n, 3n, 4n].map((amount) => codeOf(mempool.add(state, signTx(alice, sendMsg(alice, bob, amount)))));
  assert.equal(answers, ['ok', 'ok', 'ok', 'full']);
  assert.is(codeOf(mempool.add(state, signTx(poor, sendMsg(poor, bob, 1n)))), 'ok', 'another sender is not limited by alice');
  const chosen = mempool.reap(1_000_000);
  produce(state, chosen.map((tx) => tx.bytes));
  mempool.update(state, chosen);
  assert.is(codeOf(mempool.add(state, signTx(alice, sendMsg(alice, bob, 5n)))), 'ok');
});

fairness('a full pool evicts the newest tx of the sender holding the most slots, never a fair holder', () => {
  const state = startChain({
    accounts: [alice, bob, poor, stranger, carol].map((key) => ({ key, balanceUpokt: 1_000_000_000n })),
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
  });
  const mempool = new Mempool(TEST_CHAIN_ID, { maxTxs: 4 });
  const flood = [1n, 2n, 3n].map((amount) => signTx(alice, sendMsg(alice, bob, amount)));
  for (const tx of flood) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  const fromBob = signTx(bob, sendMsg(bob, alice, 1n));
  assert.is(codeOf(mempool.add(state, fromBob)), 'ok', 'room left');
  assert.is(codeOf(mempool.add(state, signTx(alice, sendMsg(alice, bob, 4n)))), 'full', 'the flooder cannot displace others');
  const fromPoor = signTx(poor, sendMsg(poor, bob, 1n));
  const admitted = mempool.add(state, fromPoor);
  assert.equal([codeOf(admitted), 'evicted' in admitted ? admitted.evicted : []], ['ok', [txHash(flood[2]!)]], 'alice (3 slots) loses her newest');
  assert.is(mempool.heldBy(alice.address), 2);
  // alice 2, bob 1, poor 1: a newcomer still displaces alice (2 ≥ 0 + 2), then all hold 1 or 2 …
  const fromStranger = signTx(stranger, sendMsg(stranger, bob, 1n));
  assert.is(codeOf(mempool.add(state, fromStranger)), 'ok');
  // … alice 1, bob 1, poor 1, stranger 1: no one holds two more than a newcomer: full.
  assert.is(codeOf(mempool.add(state, signTx(carol, sendMsg(carol, bob, 1n)))), 'full');
  assert.equal(mempool.reap(1_000_000).map((tx) => tx.bytes), [flood[0], fromBob, fromPoor, fromStranger]);
  // The evicted tx's debit and replay key were released: alice may submit it again later.
  const chosen = mempool.reap(1_000_000);
  produce(state, chosen.map((tx) => tx.bytes));
  mempool.update(state, chosen);
  assert.is(codeOf(mempool.add(state, flood[2]!)), 'ok');
});

fairness('a pool full by bytes evicts as many of the top holder’s newest txs as the newcomer needs', () => {
  const state = startChain({ accounts: [alice, bob].map((key) => ({ key, balanceUpokt: 1_000_000_000n })), validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
  const small = [1n, 2n, 3n, 4n].map((amount) => signTx(alice, sendMsg(alice, bob, amount)));
  const big = signTx(bob, sendMsg(bob, alice, 1n), { memo: 'm'.repeat(200) });
  const mempool = new Mempool(TEST_CHAIN_ID, { maxBytes: small.reduce((sum, tx) => sum + tx.byteLength, 0) });
  for (const tx of small) assert.is(codeOf(mempool.add(state, tx)), 'ok');
  // The rule: alice's newest txs, newest first, until the freed bytes cover the newcomer.
  const expected: string[] = [];
  for (let freed = 0, i = small.length - 1; freed < big.byteLength; i--) {
    expected.push(txHash(small[i]!));
    freed += small[i]!.byteLength;
  }
  assert.ok(expected.length >= 2, 'the newcomer needs more than one slot’s bytes');
  const admitted = mempool.add(state, big);
  assert.is(codeOf(admitted), 'ok');
  assert.equal('evicted' in admitted ? admitted.evicted : [], expected);
  assert.ok(mempool.bytes <= mempool.maxBytes);
});

admission.run();
order.run();
cumulative.run();
fairness.run();
