/**
 * Goal: the declared fee's coins end as pocket-core's ante handler ends them (x/auth/ante.go,
 * types/coin.go), each code with no fee charged:
 *   - StdTx.ValidateBasic: Coins.IsValid (coin.go:201-234) — first denom [a-z][a-z0-9]{2,15}
 *     (coin.go:593-606), amounts positive, later denoms lower-case and strictly ascending — else
 *     sdk:14 (stdtx.go:184-187);
 *   - the minimum fee: Coins.IsAllGTE({upokt: 10,000 × multiplier}) (ante.go:121-129, coin.go:374-390)
 *     — only the upokt amount counts, so a fee in another denom alone is auth:4;
 *   - DeductFees: account coins − fee coins must have no negative (SafeSub, ante.go:218-222): a
 *     second denom the account does not hold is auth:6 (ErrInsufficientBalance uses CodeDupTx);
 *   - a key that matches the signer but whose account does not exist: sdk:9 (GetSignerAcc, ante.go:229-234).
 * Method: txs signed over exactly these fee coins (the sign document carries them, stdtx.go:46-64).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { publicKeyFromSeed, sign } from '../../../src/crypto/ed25519.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { encodeTx, signBytes, type WireCoin } from '../../../src/wire/index.js';
import { produce, sendMsg, startChain, TEST_CHAIN_ID, testKey, type TestKey } from '../../helpers/chain.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');

function chain(): LedgerState {
  return startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }] });
}

let entropy = 9_000n;

function signedWithFee(key: TestKey, from: TestKey, fee: readonly WireCoin[]): Uint8Array {
  const unsigned = { msg: sendMsg(from, bob, 5n), fee, memo: '', entropy: entropy++ };
  const signature = sign(key.seed, signBytes(TEST_CHAIN_ID, unsigned));
  return encodeTx({ ...unsigned, signature: { publicKey: bytesToHex(publicKeyFromSeed(key.seed)), signature: bytesToHex(signature) } });
}

const codeOf = (receipt: TxReceipt): string => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);

const CASES: ReadonlyArray<readonly [string, readonly WireCoin[], string]> = [
  ['upokt 10000 (the minimum)', [{ denom: 'upokt', amount: '10000' }], 'ok'],
  ['an upper-case first denom', [{ denom: 'UPOKT', amount: '10000' }], 'sdk:14'],
  ['a two-letter denom', [{ denom: 'up', amount: '10000' }], 'sdk:14'],
  ['a zero amount', [{ denom: 'upokt', amount: '0' }], 'sdk:14'],
  ['denoms out of order', [{ denom: 'upokt', amount: '10000' }, { denom: 'abc', amount: '1' }], 'sdk:14'],
  ['the same denom twice', [{ denom: 'upokt', amount: '5000' }, { denom: 'upokt', amount: '5000' }], 'sdk:14'],
  ['an upper-case second denom', [{ denom: 'abc', amount: '1' }, { denom: 'UPOKT', amount: '10000' }], 'sdk:14'],
  ['another denom only', [{ denom: 'uatom', amount: '10000' }], 'auth:4'],
  ['upokt below the minimum', [{ denom: 'upokt', amount: '9999' }], 'auth:4'],
  ['no fee coins at all', [], 'auth:4'],
  ['upokt plus a denom the account lacks', [{ denom: 'upokt', amount: '10000' }, { denom: 'zzz', amount: '1' }], 'auth:6'],
  ['a lacking denom sorted first', [{ denom: 'abc', amount: '1' }, { denom: 'upokt', amount: '10000' }], 'auth:6'],
];

const fees = suite('ante: fee coins (pocket-core RC-0.12.0 codes)');

fees('each fee-coin set gets pocket-core’s code; a refusal charges nothing', () => {
  for (const [name, fee, expected] of CASES) {
    const state = chain();
    const [receipt] = produce(state, [signedWithFee(alice, alice, fee)]).receipts;
    assert.is(codeOf(receipt!), expected, `${name}: ${receipt!.log}`);
    const charged = expected === 'ok' ? 10_000n : 0n;
    assert.is(receipt!.feeUpokt, charged, `${name}: fee`);
    assert.is(balanceOf(state.auth, alice.address), 1_000_000n - charged - (expected === 'ok' ? 5n : 0n), `${name}: balance`);
  }
});

fees('a signer without an account: sdk:9 (GetSignerAcc), no fee', () => {
  const state = chain();
  const stranger = testKey('stranger');
  const [receipt] = produce(state, [signedWithFee(stranger, stranger, [{ denom: 'upokt', amount: '10000' }])]).receipts;
  assert.is(codeOf(receipt!), 'sdk:9', receipt!.log);
  assert.is(receipt!.feeUpokt, 0n);
});

fees.run();
