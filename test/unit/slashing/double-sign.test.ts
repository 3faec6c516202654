/**
 * Goal: double-sign evidence in a block header is handled as pocket-core + Tendermint do
 * (PROTOCOL §6.6; x/nodes/keeper/abci.go:40-61, slash.go:177-228): valid evidence slashes
 * power × SlashFractionDoubleSign (no jail); too-old and unknown-validator evidence is ignored
 * (recorded, no state change); forged, non-conflicting, future or duplicated evidence makes the
 * block invalid (coded BlockRejectedError, state untouched). TV-10 (slash_test.go:360-420).
 * Method: a test chain (e2e template: SlashFractionDoubleSign 0.05, MaxEvidenceAge 120 s);
 * evidence built from two votes signed with the validator's test key over voteSignBytes.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockRejectedError } from '../../../src/chain/apply-block.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { Dec } from '../../../src/core/bigdec.js';
import type { DuplicateVoteEvidence } from '../../../src/core/block-context.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import { maxEvidenceAgeBlocks } from '../../../src/modules/slashing/double-sign.js';
import { planSlash } from '../../../src/modules/slashing/slash.js';
import { StakeStatus, VALIDATOR_SET_KEY } from '../../../src/modules/nodes/state.js';
import { checkInvariants } from '../../../src/sim/invariants.js';
import { produce, testKey } from '../../helpers/chain.js';
import { evidence } from '../../helpers/evidence.js';
import { eventsOfType, govChain } from '../../helpers/gov-chain.js';

const POKT = 1_000_000n;
const A = testKey('double-a');
const B = testKey('double-b');
const B_TOKENS = 50_000n * POKT;

function chain(pos: Record<string, unknown> = {}): LedgerState {
  return govChain({ validators: [{ key: A, tokensUpokt: 100_000n * POKT }, { key: B, tokensUpokt: B_TOKENS }], params: { pos } });
}

const height = (state: LedgerState): number => state.chain.meta.get('meta')!.height;

const handled = suite('slashing: double-sign evidence handled');

handled('valid evidence about the previous block: slash power × 0.05, no jail, supply falls by the burn', () => {
  const state = chain();
  produce(state);
  produce(state);
  const supply = totalSupply(state.auth);
  const result = produce(state, [], { evidence: [evidence(B, 2)] }); // block 3, evidence about block 2
  // B's power in the set that signed block 2 = 50,000; 50,000 × 10^6 × 0.05 = 2,500,000,000
  assert.equal(eventsOfType(result, 'NodeSlashed'), [
    { type: 'NodeSlashed', address: B.address, reason: 'double_sign', infractionHeight: 1, power: 50_000n, fraction: '0.050000000000000000', burnedUpokt: 2_500_000_000n, tokensAfterUpokt: B_TOKENS - 2_500_000_000n },
  ]);
  assert.equal(eventsOfType(result, 'NodeJailed'), []);
  const validator = state.nodes.validators.get(B.address)!;
  assert.not.ok(validator.jailed, 'double signing slashes only (no jail, no tombstone)');
  assert.is(validator.tokensUpokt, B_TOKENS - 2_500_000_000n);
  assert.is(totalSupply(state.auth), supply - 2_500_000_000n);
  assert.equal(state.nodes.validatorSet.get(VALIDATOR_SET_KEY)!.find((m) => m.address === B.address)?.power, 47_500n);
  assert.equal(checkInvariants(state), []);
});

handled('too old: evidence about block h−2 with MaxEvidenceAge 120 s (1 block) is ignored', () => {
  const state = chain();
  for (let i = 0; i < 3; i++) produce(state);
  const supply = totalSupply(state.auth);
  const result = produce(state, [], { evidence: [evidence(B, 2)] }); // block 4
  assert.equal(eventsOfType(result, 'DoubleSignEvidenceIgnored'), [{ type: 'DoubleSignEvidenceIgnored', address: B.address, evidenceHeight: 2, reason: 'too_old' }]);
  assert.equal(eventsOfType(result, 'NodeSlashed'), []);
  assert.is(totalSupply(state.auth), supply);
  assert.is(state.nodes.validators.get(B.address)!.tokensUpokt, B_TOKENS);
});

handled('MaxEvidenceAge 30 min → 2 blocks: the same h−2 evidence now slashes', () => {
  const state = chain({ max_evidence_age: '1800000000000' });
  for (let i = 0; i < 3; i++) produce(state);
  assert.is(eventsOfType(produce(state, [], { evidence: [evidence(B, 2)] }), 'NodeSlashed').length, 1);
});

handled('evidence for a key that is no validator is ignored (unknown_validator)', () => {
  const state = chain();
  produce(state);
  produce(state);
  const stranger = testKey('double-stranger');
  const result = produce(state, [], { evidence: [evidence(stranger, 2)] });
  assert.equal(eventsOfType(result, 'DoubleSignEvidenceIgnored'), [{ type: 'DoubleSignEvidenceIgnored', address: stranger.address, evidenceHeight: 2, reason: 'unknown_validator' }]);
  assert.equal(eventsOfType(result, 'NodeSlashed'), []);
});

handled('two pieces of evidence for one validator (different rounds) slash twice, the second from the reduced stake', () => {
  const state = chain();
  produce(state);
  produce(state);
  const result = produce(state, [], { evidence: [evidence(B, 2), evidence(B, 2, { round: 1 })] });
  assert.equal(eventsOfType(result, 'NodeSlashed').map((e) => e.tokensAfterUpokt), [B_TOKENS - 2_500_000_000n, B_TOKENS - 5_000_000_000n]);
});

const rejected = suite('slashing: invalid evidence makes the block invalid');

function expectRejected(state: LedgerState, items: DuplicateVoteEvidence[], code: string): void {
  const root = bytesToHex(state.store.root);
  const before = height(state);
  try {
    produce(state, [], { evidence: items });
    assert.unreachable('the block should be rejected');
  } catch (error) {
    assert.instance(error, BlockRejectedError);
    assert.is((error as BlockRejectedError).code, code, (error as Error).message);
  }
  assert.is(height(state), before);
  assert.is(bytesToHex(state.store.root), root, 'nothing applied');
}

rejected('a forged vote signature (signed by another key)', () => {
  const state = chain();
  produce(state);
  produce(state);
  expectRejected(state, [evidence(B, 2, { forgedBy: A })], 'evidence_signature_invalid');
});

rejected('two votes for the same block are not a double sign', () => {
  const state = chain();
  produce(state);
  produce(state);
  expectRejected(state, [evidence(B, 2, { sameBlock: true })], 'evidence_not_conflicting');
});

rejected('evidence about the block being built or later', () => {
  const state = chain();
  produce(state);
  expectRejected(state, [evidence(B, 2)], 'evidence_from_future');
});

rejected('the same evidence twice in one block; votes not by the key', () => {
  const state = chain();
  produce(state);
  produce(state);
  expectRejected(state, [evidence(B, 2), evidence(B, 2)], 'evidence_duplicate');
  expectRejected(state, [{ ...evidence(B, 2), publicKey: A.publicKey }], 'evidence_malformed');
});

// Tendermint refuses a block whose evidence an earlier block already committed
// (the pokt-network fork at 59310158d3e9, pocket-core go.mod:5: state/validation.go:146-147:
// `evidencePool.IsCommitted(ev)` → "evidence was already
// committed"). Within pocket's age window (MaxEvidenceAge 30 min → 2 blocks) the second copy would
// otherwise slash the same double sign again.
rejected('evidence committed by an earlier block, again within the age window → block rejected, no second slash', () => {
  const state = chain({ max_evidence_age: '1800000000000' });
  produce(state);
  produce(state);
  const first = produce(state, [], { evidence: [evidence(B, 2)] }); // block 3 slashes
  assert.is(eventsOfType(first, 'NodeSlashed').length, 1);
  const tokens = state.nodes.validators.get(B.address)!.tokensUpokt;
  expectRejected(state, [evidence(B, 2)], 'evidence_duplicate'); // block 4, age 2 ≤ 2 blocks
  assert.is(state.nodes.validators.get(B.address)!.tokensUpokt, tokens);
  // Other evidence (another round, another height) is still accepted afterwards.
  assert.is(eventsOfType(produce(state, [], { evidence: [evidence(B, 3, { round: 1 })] }), 'NodeSlashed').length, 1);
});

rejected('committed evidence is remembered past its age: ignored-as-too-old evidence is committed too', () => {
  const state = chain({ max_evidence_age: '1800000000000' });
  for (let i = 0; i < 5; i++) produce(state);
  const ignored = produce(state, [], { evidence: [evidence(B, 2)] }); // block 6: too old, ignored
  assert.is(eventsOfType(ignored, 'DoubleSignEvidenceIgnored').length, 1);
  expectRejected(state, [evidence(B, 2)], 'evidence_duplicate');
});

const amounts = suite('slashing: TV-10 and the age rule');

amounts('TV-10: tokens 100,000,000,000, slash(power 1, 0.05) → 99,999,950,000', () => {
  const validator = { address: B.address, publicKey: B.publicKey, jailed: false, status: StakeStatus.Staked, chains: ['0001'], serviceUrl: '', tokensUpokt: 100_000_000_000n, unstakingTimeNs: null, outputAddress: null, rewardDelegators: null };
  const plan = planSlash({ validator, reason: 'double_sign', infractionHeight: 1, height: 2, power: 1n, fraction: Dec.fromString('0.05')!, stakeMinimumUpokt: 1_000_000n });
  assert.is(plan?.after.tokensUpokt, 99_999_950_000n);
  assert.is(plan?.events.length, 1);
});

amounts('ignored slashes: fraction ≤ 0, a future infraction, an Unstaked validator; the burn never exceeds the stake', () => {
  const validator = { address: B.address, publicKey: B.publicKey, jailed: false, status: StakeStatus.Staked, chains: ['0001'], serviceUrl: '', tokensUpokt: 5_000_000n, unstakingTimeNs: null, outputAddress: null, rewardDelegators: null };
  const base = { validator, reason: 'double_sign' as const, infractionHeight: 1, height: 2, power: 100n, fraction: Dec.fromString('0.5')!, stakeMinimumUpokt: 1_000_000n };
  assert.is(planSlash({ ...base, fraction: Dec.ZERO }), undefined);
  assert.is(planSlash({ ...base, infractionHeight: 3 }), undefined);
  assert.is(planSlash({ ...base, validator: { ...validator, status: StakeStatus.Unstaked } }), undefined);
  const all = planSlash(base)!; // 100 × 10^6 × 0.5 = 50,000,000 > 5,000,000 held
  assert.is(all.after.tokensUpokt, 0n);
  assert.equal(all.events.map((e) => e.type), ['NodeSlashed', 'NodeForceUnstakeQueued']);
});

amounts('max evidence age in blocks = max(1, floor(minutes / 15))', () => {
  const minutes = (m: bigint) => m * 60_000_000_000n;
  assert.equal([maxEvidenceAgeBlocks(120_000_000_000n), maxEvidenceAgeBlocks(minutes(29n)), maxEvidenceAgeBlocks(minutes(30n)), maxEvidenceAgeBlocks(minutes(60n))], [1, 1, 2, 4]);
});

amounts('the minutes are Go\'s float64 Duration.Minutes() truncated by int(): a residue just under a minute rounds up once the minutes pass 2^18', () => {
  const justUnder = (m: bigint) => m * 60_000_000_000n + 59_999_999_999n;
  // abci.go:40 int(MaxEvidenceAge.Minutes()); Minutes() = float64(d/Minute) + float64(d%Minute)/(60*1e9)
  // (Go time.Duration): 29 + 0.99999999998 stays below 30 → 29 min → 1 block (abci.go:45-49)
  assert.is(maxEvidenceAgeBlocks(justUnder(29n)), 1);
  // 262,139 + 0.99999999998 → 262,139.99999999997 → 262,139 min → 17,475 blocks
  assert.is(maxEvidenceAgeBlocks(justUnder(262_139n)), 17_475);
  // 262,154 + 0.99999999998 rounds to 262,155.0 (the float64 step there is 2^-34) → 262,155 min → 17,477 blocks, not 17,476
  assert.is(maxEvidenceAgeBlocks(justUnder(262_154n)), 17_477);
});

handled.run();
rejected.run();
amounts.run();
