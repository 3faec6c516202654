/**
 * Goal: the sign documents of sends, claims and proofs, written directly with their keys in
 * sorted order (src/wire/sign-text.ts), are byte for byte the generic form
 * `sortedJson(signDocument(chainId, tx))` — whatever the strings hold (quotes, `<>&`, control
 * characters, U+2028, lone surrogates, non-ASCII) and whatever the numbers are (negative int64,
 * beyond int64), with absent hashes, empty Merkle paths and every leaf kind.
 * Method: fast-check over messages of those kinds in the wire types' shapes (decoded txs can
 * carry any of these values: strings are taken as sent, int64 fields are signed).
 * Oracle: the generic writer — amino JSON built as a tree (wire/amino-json.ts) and key-sorted by
 * `sortedJson` (core/json.ts), which is the form the real mainnet txs' signatures verify over
 * (test/unit/wire/real-tx.test.ts).
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { sortedJson } from '../../../src/core/json.js';
import { signDocument, signDocumentText, type WireMessage } from '../../../src/wire/index.js';
import type { UnsignedTx, WireAat, WireHashRange, WireRelayProof, WireRelayResponse } from '../../../src/wire/types.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const test = suite('wire: sign documents written sorted = the generic sorted form');
const SEED = fastCheckSeed('wire sign-text');

/** Strings a hostile tx may carry: printable ASCII, JSON/HTML specials, controls, surrogates, any unit. */
const text = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.string({ unit: fc.constantFrom('"', '\\', '<', '>', '&', '\n', '\u0000', '\u001f', '\u2028', '\u2029', '\ud800', '\udc00', 'é', '😀', 'a'), maxLength: 8 }),
  fc.string({ unit: 'binary', maxLength: 8 }),
);
/** Hex of whole bytes, either case. */
const hexBytes = (maxLength: number): fc.Arbitrary<string> => fc.string({ unit: fc.constantFrom(...'0123456789abcdefABCDEF'), maxLength }).map((h) => (h.length % 2 === 0 ? h : `${h}0`));
const hex = fc.oneof(hexBytes(12), fc.constantFrom('AbCd', 'ce16bb2714f93cfb3c00b5bd4b16dc5d8ca1687a'));
const int64 = fc.oneof(fc.bigInt({ min: -(1n << 63n), max: (1n << 63n) - 1n }), fc.constantFrom(0n, -1n, 1n << 70n));
const amount = fc.oneof(fc.bigInt({ min: 0n, max: 1n << 80n }).map(String), fc.constantFrom('+5', '007', '0x2710', '', '1_0', '-3'));
const hashRange: fc.Arbitrary<WireHashRange> = fc.record({ hash: fc.option(hexBytes(16)), lower: int64, upper: int64 });
const aat: fc.Arbitrary<WireAat> = fc.record({ version: text, appPublicKey: text, clientPublicKey: text, signature: text });
const relayProof: fc.Arbitrary<WireRelayProof> = fc.record({ requestHash: text, entropy: int64, sessionBlockHeight: int64, servicerPublicKey: text, blockchain: text, aat, signature: text });
const relayResponse: fc.Arbitrary<WireRelayResponse> = fc.record({ signature: text, payload: text, proof: relayProof });
const leaf = fc.oneof(
  fc.constant({ kind: 'none' as const }),
  relayProof.map((proof) => ({ kind: 'relay' as const, proof })),
  fc.record({ majorityResponses: fc.array(relayResponse, { maxLength: 2 }), minorityResponse: relayResponse, reporterAddress: hex }).map((proof) => ({ kind: 'challenge' as const, proof })),
);

const claim: fc.Arbitrary<WireMessage> = fc.record({
  kind: fc.constant('Claim' as const),
  header: fc.record({ appPublicKey: text, chain: text, sessionHeight: int64 }),
  merkleRoot: hashRange,
  totalProofs: int64,
  fromAddress: hex,
  evidenceType: int64,
  expirationHeight: int64,
});
const proof: fc.Arbitrary<WireMessage> = fc.record({
  kind: fc.constant('Proof' as const),
  merkleProof: fc.record({ index: int64, hashRanges: fc.array(hashRange, { maxLength: 4 }), target: hashRange }),
  leaf,
  evidenceType: int64,
});
const send: fc.Arbitrary<WireMessage> = fc.record({ kind: fc.constant('Send' as const), fromAddress: hex, toAddress: hex, amount });

const tx = (msg: fc.Arbitrary<WireMessage>): fc.Arbitrary<{ chainId: string; tx: UnsignedTx }> =>
  fc.record({
    chainId: text,
    tx: fc.record({ msg, fee: fc.array(fc.record({ denom: fc.oneof(fc.constant(''), fc.constant('upokt'), text), amount }), { maxLength: 2 }), memo: text, entropy: int64 }),
  });

const same = ({ chainId, tx: unsigned }: { chainId: string; tx: UnsignedTx }): void => assert.is(signDocumentText(chainId, unsigned), sortedJson(signDocument(chainId, unsigned)));

test('claims (fast-check)', () => {
  fc.assert(fc.property(tx(claim), same), { seed: SEED, numRuns: 1500 });
});

test('proofs with every leaf kind, absent hashes and empty paths (fast-check)', () => {
  fc.assert(fc.property(tx(proof), same), { seed: SEED, numRuns: 1500 });
});

test('sends and their fee coins (fast-check)', () => {
  fc.assert(fc.property(tx(send), same), { seed: SEED, numRuns: 1500 });
});

test('a proof with no hash ranges writes null for them, as amino writes a nil slice', () => {
  const empty: UnsignedTx = {
    msg: { kind: 'Proof', merkleProof: { index: 3n, hashRanges: [], target: { hash: null, lower: 0n, upper: 1n } }, leaf: { kind: 'none' }, evidenceType: 1n },
    fee: [],
    memo: '',
    entropy: 1n,
  };
  const text = signDocumentText('mainnet', empty);
  assert.ok(text.includes('"hash_ranges":null'), text);
  assert.ok(text.includes('"target_range":{"merkleHash":null,'), text);
  assert.is(text, sortedJson(signDocument('mainnet', empty)));
});

test.run();
