/**
 * Goal: a tx whose signature carries no public key ends as pocket-core RC-0.12.0 ends it.
 * With [AppTransfer] active (the ledger default), ValidateTransaction computes the app-transfer
 * signer from the signature's key before any signer is tried:
 *   msgSigner := sdk.Address(stdTx.Signature.Address())            (x/auth/ante.go:81-84)
 * StdSignature embeds the crypto.PublicKey interface (x/auth/types/stdtx.go:229-232), which
 * FromProto leaves nil when the key field is absent (stdtx.go:282-294); the method call on the
 * nil interface panics, runTx recovers it as ErrInternal (baseapp/baseapp.go:987-999) — sdk:1,
 * and the ante's cache is never written (baseapp.go:1042-1063), so no fee is charged. The memo
 * and tx-hash checks come first (ante.go:45-64). With [AppTransfer] switched off, the signer
 * account's stored key verifies it (ante.go:94-110).
 * Method: a small test chain; real signed txs with the key field removed.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { produce, sendMsg, signTx, startChain, testKey } from '../../helpers/chain.js';
import { withoutPublicKey } from '../../helpers/re-encode.js';
import { stakeNodeMsg } from '../../helpers/staking.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');

function chain(features: readonly string[] = []): LedgerState {
  return startChain({
    accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: features } } },
  });
}

const codeOf = (receipt: TxReceipt): string => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);

const keyless = suite('ante: a signature without a public key (pocket-core RC-0.12.0)');

keyless('[AppTransfer] active: sdk:1 (the nil key panics in ValidateTransaction), no fee, nothing moves', () => {
  const state = chain();
  const [receipt] = produce(state, [withoutPublicKey(signTx(alice, sendMsg(alice, bob, 5n)))]).receipts;
  assert.is(codeOf(receipt!), 'sdk:1', receipt!.log); // baseapp/baseapp.go:996-998: ErrInternal
  assert.is(receipt!.feeUpokt, 0n);
  assert.is(balanceOf(state.auth, alice.address), 1_000_000_000n);
  assert.is(balanceOf(state.auth, bob.address), 0n);
  assert.is(receipt!.signer, alice.address, 'DeliverTx names GetSigners()[0] (baseapp.go:812-815)');
});

keyless('[AppTransfer] active: a bad signature without a key is sdk:1 too (the panic comes before any verification)', () => {
  const state = chain();
  const mallory = testKey('mallory');
  const forged = withoutPublicKey(signTx(mallory, sendMsg(alice, bob, 5n)));
  assert.equal(produce(state, [forged]).receipts.map(codeOf), ['sdk:1']);
});

keyless('the memo and tx-hash checks still come first (x/auth/ante.go:45-64)', () => {
  const state = chain();
  const longMemo = withoutPublicKey(signTx(alice, sendMsg(alice, bob, 5n), { memo: 'x'.repeat(257) }));
  assert.equal(produce(state, [longMemo]).receipts.map(codeOf), ['auth:1']);
  const tx = withoutPublicKey(signTx(alice, sendMsg(alice, bob, 5n)));
  assert.equal(produce(state, [tx]).receipts.map(codeOf), ['sdk:1']);
  assert.equal(produce(state, [tx]).receipts.map(codeOf), ['auth:6'], 'indexed although refused');
});

keyless('[AppTransfer] switched off: the account’s stored key verifies it (x/auth/ante.go:102-110)', () => {
  const state = chain(['AppTransfer:0']);
  const [receipt] = produce(state, [withoutPublicKey(signTx(alice, sendMsg(alice, bob, 5n)))]).receipts;
  assert.is(codeOf(receipt!), 'ok', receipt!.log);
  assert.is(balanceOf(state.auth, bob.address), 5n);
});

keyless('[AppTransfer] off: a key-less tx no signer verifies ends on the nil output signer: auth:3, not sdk:4', () => {
  // validSigners gets GetMsgStakeOutputSigner(msg) appended for every message (x/auth/ante.go:73-79),
  // nil for anything but a known node's MsgStake (x/nodes/keeper/keeper.go:95-106). A key-less
  // tx reads each signer's account (ante.go:102-110): GetAccount(nil) finds none → ErrAccountNotFound.
  const state = chain(['AppTransfer:0']);
  const mallory = testKey('mallory');
  const [receipt] = produce(state, [withoutPublicKey(signTx(mallory, sendMsg(alice, bob, 5n)))]).receipts;
  assert.is(codeOf(receipt!), 'auth:3', receipt!.log);
  assert.is(receipt!.feeUpokt, 0n);
  // With the key in the signature the nil signer never matches it (ante.go:113-115): sdk:4.
  assert.equal(produce(state, [signTx(mallory, sendMsg(alice, bob, 5n))]).receipts.map(codeOf), ['sdk:4']);
});

keyless('[AppTransfer] off: a known node without an output address appends its operator as the output signer, not nil — the same key-less forgery is sdk:4', () => {
  // GetMsgStakeOutputSigner returns GetOutputAddressFromValidator(val) for a node that exists
  // (x/nodes/keeper/keeper.go:95-106), which is val.Address when OutputAddress is nil
  // (validator.go:107-112); nil only for a node not found. validSigners here: [operator, the
  // message's output (alice), operator]; each account's stored key fails mallory's signature
  // (ante.go:94-132), so the loop ends with ErrUnauthorized, sdk:4 — never on a nil signer (auth:3).
  const state = startChain({
    accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }, { key: validator, balanceUpokt: 1_000_000_000n }],
    validators: [{ key: validator, tokensUpokt: 100_000_000_000n }],
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['AppTransfer:0'] } } },
  });
  assert.is(state.nodes.validators.get(validator.address)?.outputAddress, null, 'a genesis node without an output address');
  const mallory = testKey('mallory');
  const forged = withoutPublicKey(signTx(mallory, stakeNodeMsg(validator, { value: 100_000_000_000n, output: alice })));
  const [receipt] = produce(state, [forged]).receipts;
  assert.is(codeOf(receipt!), 'sdk:4', receipt!.log);
  assert.is(receipt!.feeUpokt, 0n);
});

keyless('[AppTransfer] off, [OEDIT] off too: no output signer is appended, so the same tx is sdk:4', () => {
  const state = chain(['AppTransfer:0', 'OEDIT:0']);
  const mallory = testKey('mallory');
  assert.equal(produce(state, [withoutPublicKey(signTx(mallory, sendMsg(alice, bob, 5n)))]).receipts.map(codeOf), ['sdk:4']);
});

keyless.run();
