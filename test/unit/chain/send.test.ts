/**
 * Goal: the reducer runs MsgSend and the ante handler exactly as pocket-core (PROTOCOL §0.1,
 * §1.2, §5.3): fees, every rejection code, supply conservation, the DAO/proposer fee split.
 * Method: a small test chain (one funded account, one validator), real signed txs through the
 * producer and applyBlock; invariants checked after every block.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { balanceOf, totalSupply } from '../../../src/modules/auth/bank.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { produce, sendMsg, signTx, startChain, testKey } from '../../helpers/chain.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');

function freshChain(): LedgerState {
  return startChain({
    accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
  });
}

function only(receipts: readonly TxReceipt[]): TxReceipt {
  assert.is(receipts.length, 1);
  return receipts[0]!;
}

function expectCode(receipt: TxReceipt, code: string, feeUpokt: bigint): void {
  assert.is(`${receipt.codespace}:${receipt.code}`, code, receipt.log);
  assert.is(receipt.feeUpokt, feeUpokt);
}

const send = suite('chain: MsgSend and the ante handler');

send('a valid send moves the amount, the fee goes to fee_collector, supply is unchanged', () => {
  const state = freshChain();
  const supply = totalSupply(state.auth);
  const receipt = only(produce(state, [signTx(alice, sendMsg(alice, bob, 250_000n))]).receipts);
  assert.is(receipt.code, 0, receipt.log);
  assert.is(receipt.messageType, 'send');
  assert.is(receipt.signer, alice.address);
  assert.is(receipt.recipient, bob.address);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n - 250_000n - 10_000n);
  assert.is(balanceOf(state.auth, bob.address), 250_000n);
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.fee_collector), 10_000n);
  assert.is(totalSupply(state.auth), supply);
  assert.equal(checkInvariants(state), []);
});

send('the next BeginBlock splits fee_collector 10:1 between the DAO and the previous proposer', () => {
  const state = freshChain();
  const daoBefore = balanceOf(state.auth, MODULE_ADDRESSES.dao);
  produce(state, [signTx(alice, sendMsg(alice, bob, 1n), { feeUpokt: 110_000n })]);
  const result = produce(state);
  // 110,000 × (10/11 → 0.909090909090909091) = 100,000.00000000000001 → DAO 100,000; proposer 10,000.
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.dao) - daoBefore, 100_000n);
  assert.is(balanceOf(state.auth, validator.address), 10_000n);
  assert.is(balanceOf(state.auth, MODULE_ADDRESSES.fee_collector), 0n);
  assert.is(result.beginBlock[0]?.step, 'nodes.payBlockReward');
  assert.equal(checkInvariants(state), []);
});

send('insufficient funds: sdk:10, the fee is still charged, nothing else moves', () => {
  const state = freshChain();
  const receipt = only(produce(state, [signTx(alice, sendMsg(alice, bob, 999_999_999n))]).receipts);
  expectCode(receipt, 'sdk:10', 10_000n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n - 10_000n);
  assert.is(balanceOf(state.auth, bob.address), 0n);
  assert.equal(checkInvariants(state), []);
});

send('a bad signature or a wrong chain id: sdk:4 and no fee', () => {
  const state = freshChain();
  const wrongChain = signTx(alice, sendMsg(alice, bob, 5n), { chainId: 'mainnet' });
  const forged = signTx(bob, sendMsg(alice, bob, 5n)); // bob signs for alice's account
  const receipts = produce(state, [wrongChain, forged]).receipts;
  expectCode(receipts[0]!, 'sdk:4', 0n);
  expectCode(receipts[1]!, 'sdk:4', 0n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n);
});

send('duplicates: the same bytes twice in a block, and again in a later block → auth:6', () => {
  const state = freshChain();
  const tx = signTx(alice, sendMsg(alice, bob, 7n));
  const first = produce(state, [tx, tx]).receipts;
  assert.is(first[0]!.code, 0);
  expectCode(first[1]!, 'auth:6', 0n);
  expectCode(only(produce(state, [tx]).receipts), 'auth:6', 0n);
  assert.is(balanceOf(state.auth, bob.address), 7n);
});

send('the tx index holds every tx of a block at its first height, whatever its outcome; a duplicate is told apart by where it was delivered', () => {
  const state = freshChain();
  const tx = signTx(alice, sendMsg(alice, bob, 7n));
  const cheap = signTx(alice, sendMsg(alice, bob, 1n), { feeUpokt: 9_999n }); // fails in the ante
  const garbage = Uint8Array.of(0xff, 0xff, 0xff); // does not decode
  const first = produce(state, [tx, cheap, garbage, tx]);
  const [delivered, underpaid, undecodable, again] = first.receipts;
  assert.is(delivered!.code, 0, delivered!.log);
  expectCode(underpaid!, 'auth:4', 0n);
  assert.is.not(undecodable!.code, 0, 'the undecodable tx fails');
  expectCode(again!, 'auth:6', 0n);
  assert.match(again!.log, /in this block/);
  for (const receipt of first.receipts) assert.is(state.auth.txIndex.get(receipt.hash), first.height, `indexed: ${receipt.log}`);
  const later = produce(state, [tx, cheap]);
  for (const receipt of later.receipts) {
    assert.is(`${receipt.codespace}:${receipt.code}`, 'auth:6');
    assert.match(receipt.log, /already delivered/);
    // A later delivery must not move the hash to its own height (queries find the first).
    assert.is(state.auth.txIndex.get(receipt.hash), first.height);
  }
});

send('fee below 10,000 × multiplier → auth:4; memo over MaxMemoCharacters → auth:1; no fee', () => {
  const state = freshChain();
  const cheap = signTx(alice, sendMsg(alice, bob, 1n), { feeUpokt: 9_999n });
  const chatty = signTx(alice, sendMsg(alice, bob, 1n), { memo: 'x'.repeat(257) }); // localnet: 256
  const receipts = produce(state, [cheap, chatty]).receipts;
  expectCode(receipts[0]!, 'auth:4', 0n);
  expectCode(receipts[1]!, 'auth:1', 0n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n);
});

send('a signer who cannot pay the fee → auth:6 (pocket-core reuses the duplicate-tx code)', () => {
  const state = freshChain();
  const receipt = only(produce(state, [signTx(bob, sendMsg(bob, alice, 1n))]).receipts);
  assert.is(`${receipt.codespace}:${receipt.code}`, 'sdk:9', receipt.log); // bob has no account at all
  produce(state, [signTx(alice, sendMsg(alice, bob, 5_000n))]);
  const poor = only(produce(state, [signTx(bob, sendMsg(bob, alice, 1n))]).receipts);
  expectCode(poor, 'auth:6', 0n);
  assert.is(balanceOf(state.auth, bob.address), 5_000n);
});

send('garbage and oversized bytes: coded decode errors, no fee, no state change besides the index', () => {
  const state = freshChain();
  const receipts = produce(state, [Uint8Array.of(1, 2, 3), new Uint8Array(200_000)]).receipts;
  assert.is(`${receipts[0]!.codespace}:${receipts[0]!.code}`, 'sdk:2');
  assert.is(`${receipts[1]!.codespace}:${receipts[1]!.code}`, 'ledger:1');
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n);
  assert.equal(checkInvariants(state), []);
});

send('ValidateBasic failures (zero amount) charge no fee: pos:109', () => {
  const state = freshChain();
  expectCode(only(produce(state, [signTx(alice, sendMsg(alice, bob, 0n))]).receipts), 'pos:109', 0n);
});

send('the same bytes twice in one block: the second is auth:6 even when ValidateBasic fails; in a later block ValidateBasic answers', () => {
  const state = freshChain();
  const zero = signTx(alice, sendMsg(alice, bob, 0n));
  const [first, second] = produce(state, [zero, zero]).receipts;
  expectCode(first!, 'pos:109', 0n);
  // baseapp.go:791-806: the in-block duplicate flag is answered (auth:6) before runTx, whose
  // validateBasicTxMsgs (baseapp.go:1026-1028) would give pos:109.
  expectCode(second!, 'auth:6', 0n);
  // A later block: no duplicate flag; runTx's ValidateBasic fails before the ante's hash lookup.
  expectCode(only(produce(state, [zero]).receipts), 'pos:109', 0n);
  assert.equal(checkInvariants(state), []);
});

send('a self-send and a send to a module account are delivered (pocket-core forbids neither); a self-send beyond the balance is sdk:10', () => {
  const state = freshChain();
  const self = only(produce(state, [signTx(alice, sendMsg(alice, alice, 500_000n))]).receipts);
  // handleMsgSend → SendCoins: SubtractCoins then AddCoins on the same account (x/nodes/handler.go:170-185, x/auth/keeper/bank.go:114-136).
  expectCode(self, ':0', 10_000n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n - 10_000n);
  // SubtractCoins checks the spendable balance first (bank.go:155-160): after the fee alice holds 999,980,000.
  const tooMuch = only(produce(state, [signTx(alice, sendMsg(alice, alice, 999_980_001n))]).receipts);
  expectCode(tooMuch, 'sdk:10', 10_000n);
  const all = only(produce(state, [signTx(alice, sendMsg(alice, alice, 999_970_000n))]).receipts);
  expectCode(all, ':0', 10_000n);
  const pool = MODULE_ADDRESSES.application_staked_tokens_pool;
  const toPool = only(produce(state, [signTx(alice, sendMsg(alice, pool, 5n))]).receipts);
  expectCode(toPool, ':0', 10_000n);
  assert.is(balanceOf(state.auth, pool), 5n);
});

send('amounts: 2^255 − 1 decodes and is sdk:10 (insufficient funds); 2^255 does not decode (sdk:2, pocket BigInt is ≤ 255 bits, types/int.go)', () => {
  const state = freshChain();
  const [huge, over] = produce(state, [signTx(alice, sendMsg(alice, bob, (1n << 255n) - 1n)), signTx(alice, sendMsg(alice, bob, 1n << 255n))]).receipts;
  expectCode(huge!, 'sdk:10', 10_000n);
  expectCode(over!, 'sdk:2', 0n);
});

send.run();
