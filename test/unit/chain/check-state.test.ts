/**
 * Goal: the replay key is one per (sign document, signer) whatever the encoding; the check state
 * judges each tx after the ones admitted before it — balances less their pending fees and
 * covered spends — refuses a second encoding of a pending tx, and releases exactly what a
 * removed tx held; `spendOf` is what each message takes from its signer when it succeeds.
 * Method: a small test chain and real signed txs; spends and balances stated from the message
 * rules (modules/auth/decide.ts, modules/nodes/staking.ts, modules/apps/staking.ts).
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CheckState, spendOf, type PendingTx } from '../../../src/chain/check-state.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { prepareTx } from '../../../src/chain/prepare.js';
import { replayKeyOf } from '../../../src/chain/replay-key.js';
import { codeOf } from '../../../src/core/rejection.js';
import type { Address, PublicKeyHex } from '../../../src/core/types.js';
import type { Message } from '../../../src/messages/index.js';
import { decodeTx, signBytes } from '../../../src/wire/index.js';
import { sendMsg, signTx, startChain, TEST_CHAIN_ID, testKey } from '../../helpers/chain.js';
import { RE_ENCODINGS } from '../../helpers/re-encode.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');
const VALIDATOR_TOKENS = 100_000_000_000n;

/** gov/upgrade with [AppTransfer] switched off: the one setting in which a key-less tx verifies (ante.ts step 3a). */
const APP_TRANSFER_OFF = { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['AppTransfer:0'] } } };

function freshChain(aliceUpokt = 100_000n, params?: typeof APP_TRANSFER_OFF): LedgerState {
  return startChain({ accounts: [{ key: alice, balanceUpokt: aliceUpokt }], validators: [{ key: validator, tokensUpokt: VALIDATOR_TOKENS }], ...(params === undefined ? {} : { params }) });
}

const prepared = (bytes: Uint8Array) => prepareTx(bytes, TEST_CHAIN_ID);

function admitted(check: CheckState, bytes: Uint8Array): PendingTx {
  const verdict = check.check(prepared(bytes));
  if (!verdict.ok) throw new Error(`refused: ${codeOf(verdict.error)} ${verdict.error.log}`);
  check.add(verdict.value);
  return verdict.value;
}

function refusal(check: CheckState, bytes: Uint8Array): string {
  const verdict = check.check(prepared(bytes));
  return verdict.ok ? 'ok' : codeOf(verdict.error);
}

const keys = suite('replay key');

function keyOf(bytes: Uint8Array, signer: Address): string {
  const decoded = decodeTx(bytes);
  if (!decoded.ok) throw new Error(decoded.error.log);
  return replayKeyOf(TEST_CHAIN_ID, decoded.value, signer);
}

keys('from sign bytes already computed: SHA-256(sign bytes ‖ 0x00 ‖ signer), also past the reused buffer and after it', () => {
  const decoded = decodeTx(signTx(alice, sendMsg(alice, bob, 5n), { entropy: 77n }));
  assert.ok(decoded.ok);
  const documented = (bytes: Uint8Array): string => createHash('sha256').update(bytes).update(Uint8Array.of(0)).update(alice.address, 'latin1').digest('hex');
  // Any bytes stand for a sign document here: the key hashes what it is given.
  for (const size of [300, 4_095, 4_096, 20_000, 12, 9_000]) {
    const bytes = Uint8Array.from({ length: size }, (_, i) => (i * 31 + size) & 0x7f);
    assert.is(replayKeyOf(TEST_CHAIN_ID, decoded.value, alice.address, bytes), documented(bytes), `${size} bytes`);
  }
});

keys('every encoding of one signed tx has one key; another signer or another entropy has another', () => {
  const tx = signTx(alice, sendMsg(alice, bob, 5n), { entropy: 77n });
  const key = keyOf(tx, alice.address);
  assert.match(key, /^[0-9a-f]{64}$/);
  const decoded = decodeTx(tx);
  assert.ok(decoded.ok);
  const signed = Buffer.concat([signBytes(TEST_CHAIN_ID, decoded.value), Buffer.from([0]), Buffer.from(alice.address, 'latin1')]);
  assert.is(key, createHash('sha256').update(signed).digest('hex'), 'SHA-256(sign bytes ‖ 0x00 ‖ signer), as documented');
  assert.is(replayKeyOf(TEST_CHAIN_ID, decoded.value, alice.address, signBytes(TEST_CHAIN_ID, decoded.value)), key, 'the same from sign bytes already computed');
  for (const [name, reEncode] of RE_ENCODINGS) assert.is(keyOf(reEncode(tx), alice.address), key, name);
  assert.is.not(keyOf(tx, bob.address), key, 'the signer is part of the key');
  assert.is.not(keyOf(signTx(alice, sendMsg(alice, bob, 5n), { entropy: 78n }), alice.address), key, 'entropy keeps honest txs apart');
});

const check = suite('check state');

check('balances are the committed ones less the pending debits; the state itself is untouched', () => {
  const state = freshChain();
  const checkState = new CheckState(state);
  const first = admitted(checkState, signTx(alice, sendMsg(alice, bob, 30_000n)));
  assert.is(first.debitUpokt, 40_000n, 'fee 10,000 + spend 30,000');
  assert.is(checkState.available(alice.address), 60_000n);
  assert.is(state.auth.accounts.get(alice.address)!.balanceUpokt, 100_000n, 'committed balance unchanged');
  const uncovered = admitted(checkState, signTx(alice, sendMsg(alice, bob, 55_000n)));
  assert.is(uncovered.debitUpokt, 10_000n, 'the send would fail in its block: only its fee is carried');
  assert.is(checkState.available(alice.address), 50_000n);
  assert.is(refusal(checkState, signTx(alice, sendMsg(alice, bob, 1n), { feeUpokt: 50_001n })), 'auth:6', 'a fee above what is left');
  assert.is(refusal(checkState, signTx(alice, sendMsg(alice, bob, 1n), { feeUpokt: 50_000n })), 'ok', 'exactly what is left');
});

check('a second encoding of a pending tx is refused (ledger:20); removing the tx releases its debit and key', () => {
  const state = freshChain(100_000n, APP_TRANSFER_OFF); // so that the key-less encoding reaches the replay check
  const checkState = new CheckState(state);
  const tx = signTx(alice, sendMsg(alice, bob, 1n));
  const pending = admitted(checkState, tx);
  for (const [name, reEncode] of RE_ENCODINGS) assert.is(refusal(checkState, reEncode(tx)), 'ledger:20', name);
  checkState.remove(pending);
  assert.is(checkState.available(alice.address), 100_000n);
  assert.is(refusal(checkState, RE_ENCODINGS[3]![1](tx)), 'ok');
});

check('a delivered tx is refused from the committed indexes (auth:6 for its bytes, ledger:20 for another encoding)', () => {
  const state = freshChain();
  const tx = signTx(alice, sendMsg(alice, bob, 1n));
  const pending = admitted(new CheckState(state), tx);
  state.auth.txIndex.set(pending.prepared.hash, 1);
  state.auth.replayIndex.set(pending.replayKey, 1);
  const checkState = new CheckState(state);
  assert.is(refusal(checkState, tx), 'auth:6');
  assert.is(refusal(checkState, RE_ENCODINGS[0]![1](tx)), 'ledger:20');
});

const spends = suite('spendOf');

const stakeNode = (valueUpokt: bigint): Message => ({
  type: 'StakeNode',
  publicKey: validator.publicKey,
  operatorAddress: validator.address,
  chains: ['0001'],
  chainsAsSigned: ['0001'],
  valueUpokt,
  serviceUrl: 'https://node.example.com:443',
  outputAddress: validator.address,
  rewardDelegators: null,
});

const stakeApp = (valueUpokt: bigint, transfer = false): Message => ({
  type: 'StakeApp',
  publicKey: bob.publicKey as PublicKeyHex,
  applicationAddress: bob.address as Address,
  transfer,
  chains: transfer ? [] : ['0001'],
  chainsAsSigned: transfer ? [] : ['0001'],
  valueUpokt,
});

spends('a send’s amount; a new stake’s value; an edit’s raise (never negative); nothing for the rest', () => {
  const state = freshChain();
  const cases: Array<[string, Message, bigint]> = [
    ['send', { type: 'Send', fromAddress: alice.address, toAddress: bob.address, amountUpokt: 123n }, 123n],
    ['node edit: the raise', stakeNode(VALIDATOR_TOKENS + 5n), 5n],
    ['node edit below the current stake (fails in its block)', stakeNode(VALIDATOR_TOKENS - 1n), 0n],
    ['new app stake', stakeApp(1_000_000n), 1_000_000n],
    ['app transfer', stakeApp(0n, true), 0n],
    ['unjail', { type: 'UnjailNode', validatorAddress: validator.address, signerAddress: validator.address }, 0n],
    ['DAO transfer (paid by the DAO)', { type: 'DAOTransfer', fromAddress: alice.address, toAddress: bob.address, amountUpokt: 9n, action: 'dao_transfer' }, 0n],
  ];
  for (const [name, message, expected] of cases) assert.is(spendOf(state, message), expected, name);
  const unstaked = startChain({ accounts: [{ key: alice, balanceUpokt: 1n }] });
  assert.is(spendOf(unstaked, stakeNode(20_000_000_000n)), 20_000_000_000n, 'new node stake');
});

keys.run();
check.run();
spends.run();
