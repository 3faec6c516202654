/**
 * Goal: the claim and settled-claim tables store canonicalJson of their records — what the state
 * root hashes — though they write it field by field (src/modules/pocketcore/state.ts PERF).
 * Method: the oracle is the generic canonicalJson (src/core/json.ts) of the record as an object
 * built here, keys in no particular order (canonicalJson sorts them); fast-check draws records
 * with any strings (escapes, non-ASCII, lone surrogates), any numbers (unsafe ones must throw
 * as the generic encoder throws) and any bigints; every record also round-trips through decode.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { canonicalJson } from '../../../src/core/json.js';
import type { Address, PublicKeyHex } from '../../../src/core/types.js';
import { claimsTable, settledClaimsTable, type ClaimRecord, type SettledClaim } from '../../../src/modules/pocketcore/state.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const encoding = suite('pocketcore table encodings = canonicalJson of the record');

/** Mostly safe integers, sometimes not (the encoders must then throw as canonicalJson does). */
const anyNumber = fc.oneof({ weight: 8, arbitrary: fc.maxSafeInteger().map((n) => n - 2 ** 52) }, { weight: 1, arbitrary: fc.double() });
const anyText = fc.oneof(fc.string(), fc.string({ unit: 'binary' }), fc.string({ unit: fc.constantFrom(...'0123456789abcdef') }));

const claimArbitrary: fc.Arbitrary<ClaimRecord> = fc.record({
  servicer: anyText.map((s) => s as Address),
  header: fc.record({ appPublicKey: anyText.map((s) => s as PublicKeyHex), chain: anyText, sessionHeight: anyNumber }),
  headerHash: anyText,
  merkleRoot: fc.record({ hashHex: anyText, lower: fc.bigInt(), upper: fc.bigInt() }),
  totalProofs: fc.bigInt(),
  evidenceType: anyNumber.map((n) => n as ClaimRecord['evidenceType']),
  submittedHeight: anyNumber,
  expirationHeight: anyNumber,
});

const settledArbitrary: fc.Arbitrary<SettledClaim> = fc.record({
  servicer: anyText.map((s) => s as Address),
  sessionHeight: anyNumber,
  settledHeight: anyNumber,
  outcome: fc.oneof(fc.constantFrom('proved', 'replay_attack_burned'), anyText).map((s) => s as SettledClaim['outcome']),
});

/** The text, or the error's message: the two encoders must agree on both. */
function outcomeOf(encode: () => string): string {
  try {
    return `ok ${encode()}`;
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

encoding('a claim is canonicalJson of {total_proofs, header_hash, merkle_root, from_address, header, …}', () => {
  fc.assert(
    fc.property(claimArbitrary, (c) => {
      const generic = {
        total_proofs: c.totalProofs,
        submitted_height: c.submittedHeight,
        merkle_root: { upper: c.merkleRoot.upper, lower: c.merkleRoot.lower, hash: c.merkleRoot.hashHex },
        header_hash: c.headerHash,
        header: { session_height: c.header.sessionHeight, chain: c.header.chain, app_public_key: c.header.appPublicKey },
        from_address: c.servicer,
        expiration_height: c.expirationHeight,
        evidence_type: c.evidenceType,
      };
      assert.is(outcomeOf(() => claimsTable.encode(c)), outcomeOf(() => canonicalJson(generic)));
    }),
    { numRuns: 3_000, seed: fastCheckSeed('pocketcore/claim encoding') },
  );
});

encoding('a settled claim is canonicalJson of {settled_height, session_height, servicer, outcome}', () => {
  fc.assert(
    fc.property(settledArbitrary, (s) => {
      const generic = { settled_height: s.settledHeight, session_height: s.sessionHeight, servicer: s.servicer, outcome: s.outcome };
      assert.is(outcomeOf(() => settledClaimsTable.encode(s)), outcomeOf(() => canonicalJson(generic)));
    }),
    { numRuns: 3_000, seed: fastCheckSeed('pocketcore/settled-claim encoding') },
  );
});

encoding('a record with safe numbers decodes back to itself', () => {
  const safe = (n: number): boolean => Number.isSafeInteger(n);
  fc.assert(
    fc.property(
      claimArbitrary.filter((c) => [c.header.sessionHeight, c.evidenceType, c.submittedHeight, c.expirationHeight].every(safe)),
      settledArbitrary.filter((s) => safe(s.sessionHeight) && safe(s.settledHeight)),
      (c, s) => {
        // structuredClone: plain objects (fast-check's records have no prototype; decode's do).
        assert.equal(claimsTable.decode(claimsTable.encode(c)), structuredClone(c));
        assert.equal(settledClaimsTable.decode(settledClaimsTable.encode(s)), structuredClone(s));
      },
    ),
    { numRuns: 1_000, seed: fastCheckSeed('pocketcore/claim round trip') },
  );
});

encoding.run();
