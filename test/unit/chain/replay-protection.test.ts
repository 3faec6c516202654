/**
 * Goal (issue 10 item 1, the reducer): a signed tx moves funds once, however its bytes are
 * encoded. A re-encoding of a delivered tx — non-minimal length prefix, unknown field, reordered
 * fields, public key omitted, pocket-js's explicit-defaults style, a padded varint — is refused
 * with ledger:20 and charges nothing, in a later block or later in the same block; no single-bit
 * flip and no seeded field mutation of a delivered tx is delivered again; honest txs that differ
 * only in their entropy are all delivered; the replay index survives a snapshot.
 * Method: a small test chain (real genesis import, real signed txs, blocks through the real
 * producer and reducer); "delivered" = the ante handler passed (a fee was charged or the message
 * succeeded); balances of the sender and recipient are compared before and after.
 * The chain runs with [AppTransfer] switched off, the one setting in which pocket-core verifies a
 * signature without a public key (with the account's key; with [AppTransfer] active such a tx is
 * sdk:1, ante-keyless.test.ts) — so the key-less re-encoding reaches the replay check too.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import type { TxReceipt } from '../../../src/chain/receipts.js';
import { Prng } from '../../../src/core/prng.js';
import { bytesEqual } from '../../../src/core/hex.js';
import { balanceOf } from '../../../src/modules/auth/bank.js';
import { decodeSnapshot, encodeSnapshot } from '../../../src/snapshot/snapshot.js';
import { txHash } from '../../../src/wire/index.js';
import { produce, sendMsg, signTx, startChain, testKey } from '../../helpers/chain.js';
import { bodyOf, frame, mutateFields, parseFields, RE_ENCODINGS, singleBitFlips, withoutPublicKey, writeField, writeFields } from '../../helpers/re-encode.js';
import { stringField } from '../wire/proto-bytes.js';

const alice = testKey('alice');
const bob = testKey('bob');
const validator = testKey('validator-1');
const SEND_UPOKT = 1_000_000n;

/** gov/upgrade with [AppTransfer] listed at height 0: switched off (modules/gov/features.ts). */
const KEYLESS_VERIFIES = { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['AppTransfer:0'] } } };

function freshChain(): LedgerState {
  return startChain({ accounts: [{ key: alice, balanceUpokt: 1_000_000_000n }], validators: [{ key: validator, tokensUpokt: 100_000_000_000n }], params: KEYLESS_VERIFIES });
}

const codeOf = (receipt: TxReceipt): string => (receipt.code === 0 ? 'ok' : `${receipt.codespace}:${receipt.code}`);
const delivered = (receipt: TxReceipt): boolean => receipt.code === 0 || receipt.feeUpokt > 0n;
const balances = (state: LedgerState): [bigint, bigint] => [balanceOf(state.auth, alice.address), balanceOf(state.auth, bob.address)];

/** A chain where alice's send of 1,000,000 uPOKT to bob was delivered at height 1. */
function chainWithDeliveredSend(): { state: LedgerState; original: Uint8Array } {
  const state = freshChain();
  const original = signTx(alice, sendMsg(alice, bob, SEND_UPOKT));
  const [receipt] = produce(state, [original]).receipts;
  assert.is(codeOf(receipt!), 'ok', 'the original is delivered');
  return { state, original };
}

/** Deliver `txs` in blocks of at most 400; every receipt. */
function deliverAll(state: LedgerState, txs: readonly Uint8Array[]): TxReceipt[] {
  const receipts: TxReceipt[] = [];
  for (let start = 0; start < txs.length; start += 400) receipts.push(...produce(state, txs.slice(start, start + 400)).receipts);
  return receipts;
}

function tally(receipts: readonly TxReceipt[]): Record<string, number> {
  const counts: Record<string, number> = {};
  for (const receipt of receipts) counts[codeOf(receipt)] = (counts[codeOf(receipt)] ?? 0) + 1;
  return counts;
}

const encodings = suite('replay protection: re-encodings of a delivered tx (reducer)');

encodings('every re-encoding is a different tx hash, yet refused with ledger:20 in a later block, charging nothing', () => {
  const { state, original } = chainWithDeliveredSend();
  const after = balances(state);
  for (const [name, reEncode] of RE_ENCODINGS) {
    const bytes = reEncode(original);
    assert.not.ok(bytesEqual(bytes, original), `${name}: other bytes`);
    assert.is.not(txHash(bytes), txHash(original), `${name}: another tx hash`);
    const [receipt] = produce(state, [bytes]).receipts;
    assert.is(codeOf(receipt!), 'ledger:20', name);
    assert.is(receipt!.name, 'signed_tx_already_delivered', name);
    assert.is(receipt!.feeUpokt, 0n, `${name}: no fee`);
    assert.equal(balances(state), after, `${name}: nothing moved`);
  }
});

encodings('within one block only the first encoding is delivered, whichever comes first', () => {
  for (const [name, reEncode] of RE_ENCODINGS) {
    const state = freshChain();
    const original = signTx(alice, sendMsg(alice, bob, SEND_UPOKT));
    const receipts = produce(state, [reEncode(original), original]).receipts;
    assert.equal(receipts.map(codeOf), ['ok', 'ledger:20'], name);
    assert.is(balanceOf(state.auth, bob.address), SEND_UPOKT, `${name}: bob received once`);
  }
});

encodings('the public key may be omitted (pocket-core takes the signer account’s key) — but only for one delivery', () => {
  // ante.ts step 4 ([AppTransfer] off): with no key in the signature, the account's stored key verifies it.
  // That is why a key-less copy of a delivered tx verified; it has the same replay key.
  const state = freshChain();
  const keyless = withoutPublicKey(signTx(alice, sendMsg(alice, bob, SEND_UPOKT)));
  assert.equal(produce(state, [keyless]).receipts.map(codeOf), ['ok'], 'a key-less tx verifies with the account key');
  const withKey = signTx(alice, sendMsg(alice, bob, 7n));
  assert.equal(produce(state, [withKey, withoutPublicKey(withKey)]).receipts.map(codeOf), ['ok', 'ledger:20']);
  assert.is(balanceOf(state.auth, bob.address), SEND_UPOKT + 7n);
});

/**
 * More byte-level variants of a delivered tx, each with the answer pocket-core's decoder gives
 * it: those that decode to the same content (gogoproto's last-value-wins / merge rules,
 * auth.pb.go Unmarshal) reach the replay check (ledger:20); the rest never decode.
 */
const VARIANTS: ReadonlyArray<readonly [string, (tx: Uint8Array) => Uint8Array, string]> = [
  // A repeated non-nullable embedded message merges field by field: the same Any twice = one Any.
  ['the Any field sent twice', (tx) => frame(parseFields(bodyOf(tx)).flatMap((f) => (f.number === 1 ? [...writeField(f), ...writeField(f)] : writeField(f)))), 'ledger:20'],
  // The signature sent twice: the second occurrence's key and signature replace the first's.
  ['the signature field sent twice', (tx) => frame(parseFields(bodyOf(tx)).flatMap((f) => (f.number === 3 ? [...writeField(f), ...writeField(f)] : writeField(f)))), 'ledger:20'],
  // A scalar sent twice keeps the last value: an explicit empty memo, then the (empty) memo again.
  ['the memo written explicitly twice', (tx) => frame([...bodyOf(tx), ...stringField(4, ''), ...stringField(4, '')]), 'ledger:20'],
  // Trailing bytes after the body: the length prefix no longer matches (codec/proto_codec.go:88-93).
  ['a trailing byte after the body', (tx) => Uint8Array.from([...tx, 0]), 'sdk:2'],
  // Type URLs match exactly (codec/types/interface_registry.go:140-143): a Google-style prefix is unknown.
  ['the type URL with a type.googleapis.com prefix', (tx) => withTypeUrl(tx, 'type.googleapis.com/x.nodes.MsgSend'), 'sdk:2'],
  ['the type URL without its leading slash', (tx) => withTypeUrl(tx, 'x.nodes.MsgSend'), 'sdk:2'],
  ['the type URL in another letter case', (tx) => withTypeUrl(tx, '/x.nodes.msgsend'), 'sdk:2'],
];

/** The tx with its Any's type URL replaced (the value kept). */
function withTypeUrl(tx: Uint8Array, typeUrl: string): Uint8Array {
  const fields = parseFields(bodyOf(tx)).map((field) => {
    if (field.number !== 1) return field;
    const inner = parseFields(field.value).map((f) => (f.number === 1 ? { ...f, value: [...Buffer.from(typeUrl, 'utf8')] } : f));
    return { ...field, value: writeFields(inner) };
  });
  return frame(writeFields(fields));
}

encodings('duplicated fields, trailing bytes and other type URLs: the same content is ledger:20, the rest sdk:2; nothing is delivered twice', () => {
  const { state, original } = chainWithDeliveredSend();
  const after = balances(state);
  for (const [name, variant, expected] of VARIANTS) {
    const bytes = variant(original);
    assert.is.not(txHash(bytes), txHash(original), `${name}: another tx hash`);
    const [receipt] = produce(state, [bytes]).receipts;
    assert.is(codeOf(receipt!), expected, name);
    assert.is(receipt!.feeUpokt, 0n, `${name}: no fee`);
  }
  assert.equal(balances(state), after, 'nothing moved');
});

encodings('honest txs with the same content and different entropy are all delivered', () => {
  const state = freshChain();
  const txs = [1n, 2n, 3n].map((entropy) => signTx(alice, sendMsg(alice, bob, SEND_UPOKT), { entropy: 1_000n + entropy }));
  assert.equal(produce(state, txs).receipts.map(codeOf), ['ok', 'ok', 'ok']);
  assert.is(balanceOf(state.auth, bob.address), 3n * SEND_UPOKT);
});

encodings('the same bytes again are still pocket-core’s duplicate (auth:6), before any signature work', () => {
  const { state, original } = chainWithDeliveredSend();
  assert.equal(produce(state, [original]).receipts.map(codeOf), ['auth:6']);
});

encodings('the replay index is carried by snapshots: after a reload a re-encoding is still refused', () => {
  const { state, original } = chainWithDeliveredSend();
  const reloaded = decodeSnapshot(encodeSnapshot(state));
  assert.is(reloaded.auth.replayIndex.size, 1);
  assert.equal(produce(reloaded, [withoutPublicKey(original)]).receipts.map(codeOf), ['ledger:20']);
});

const fuzz = suite('replay protection: bit flips and field mutations of delivered txs (reducer)');

fuzz('no single-bit flip of a delivered tx is delivered again', () => {
  const { state, original } = chainWithDeliveredSend();
  const after = balances(state);
  const flips = singleBitFlips(original);
  assert.is(flips.length, 8 * original.byteLength);
  const receipts = deliverAll(state, flips);
  const counts = tally(receipts);
  console.log(`  ${flips.length} single-bit flips of a ${original.byteLength}-byte send: ${JSON.stringify(counts)}`);
  assert.is(receipts.filter(delivered).length, 0, 'second deliveries');
  assert.ok((counts['ledger:20'] ?? 0) >= 1, 'the public-key tag flips reach the replay check');
  assert.equal(balances(state), after);
});

const SEED = BigInt(process.env['FUZZ_SEED'] ?? '0x2e9a1');
const MUTANTS_PER_TX = 700;

fuzz('no seeded field mutation of a delivered tx is delivered again', () => {
  console.log(`  replay fuzz seed: ${SEED} (re-run with FUZZ_SEED=${SEED})`);
  const prng = new Prng(SEED);
  const state = freshChain();
  // Two delivered txs: one without a memo and one with (different fields present to mutate).
  const originals = [signTx(alice, sendMsg(alice, bob, SEND_UPOKT)), signTx(alice, sendMsg(alice, bob, 2n), { memo: 'pay <&> ✓' })];
  assert.equal(produce(state, originals).receipts.map(codeOf), ['ok', 'ok']);
  const after = balances(state);
  const mutants = originals.flatMap((tx) => Array.from({ length: MUTANTS_PER_TX }, () => mutateFields(tx, prng)));
  const receipts = deliverAll(state, mutants);
  const counts = tally(receipts);
  console.log(`  ${mutants.length} mutants: ${JSON.stringify(counts)}`);
  assert.is(receipts.filter(delivered).length, 0, 'second deliveries');
  // The fuzz must reach the case it guards: many mutants keep the sign document and signer.
  assert.ok((counts['ledger:20'] ?? 0) >= mutants.length / 5, `ledger:20 for ${counts['ledger:20']} of ${mutants.length}`);
  assert.equal(balances(state), after);
});

encodings.run();
fuzz.run();
