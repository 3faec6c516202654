/**
 * Goal: the protocol features pocket-core gates these paths with (PROTOCOL §12.1) switch the
 * ledger's behaviour exactly where pocket-core's flags do, when the upgrade param lists them as
 * inactive (gov/features.ts; every feature is active otherwise): [MREL] the claim allowance,
 * [MAXCH] the app-chains limit and the session walk's over-chained skip, [REPBR] the replay
 * burn, [RSCAL] PIP-22 weighting, [PerChainRTTM], [RewardDelegators] (refund + delegators),
 * [NCUST] output routing, [CODEC] index-hashed tree parents.
 * Method: TV-5 as the Go test configures it (RSCAL off, NCUST + RewardDelegators on: TestMode −3)
 * through planRelayReward; claims and proofs on a test chain whose genesis upgrade lists
 * features at height 0 (inactive), compared with the same txs on an all-features chain.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { FeatureKey } from '../../../src/core/features.js';
import type { Address } from '../../../src/core/types.js';
import type { Validator } from '../../../src/modules/nodes/state.js';
import { buildSessionEvidence, claimMessage } from '../../../src/sim/relay-evidence.js';
import { planRelayReward, planReplayBurn } from '../../../src/modules/pocketcore/rewards.js';
import type { ReplayAttackDetected } from '../../../src/modules/pocketcore/events.js';
import { signTx, testKey } from '../../helpers/chain.js';
import { computeSession } from '../../../src/modules/pocketcore/session-service.js';
import { advanceTo, appKey, claimTx, codeOf, deliverOne, evidenceOf, headerOf, heightOf, keyOf, POKT, proofTx, requiredIndex, servicerKeys, sessionAtEnd, signedRelays, startRelayChain } from '../../helpers/relays.js';
import { validatorRecord } from '../../helpers/validators.js';

const OPERATOR = '11'.repeat(20) as Address;
const OUTPUT = '22'.repeat(20) as Address;
const D1 = 'aa'.repeat(20);
const base = startRelayChain().params();
const pos = { ...base.pos, relaysToTokensMultiplier: 1000n, daoAllocation: 10n, proposerAllocation: 1n, relaysToTokensMultiplierMap: { '0001': 3000n } };
const auth = { ...base.auth, feeMultipliers: { overrides: [], default: 1n } };

const validator = (changes: Partial<Validator> = {}): Validator =>
  validatorRecord({ address: OPERATOR, tokensUpokt: 1_000_000n /* 1 POKT: bin 0 under PIP-22 */, outputAddress: OUTPUT, ...changes });

const rewards = suite('feature gates in the reward and burn plans');

rewards('TV-5 as configured by the Go test (RSCAL off, NCUST + RewardDelegators on): output 8,880,000, operator 20,000; no output: operator 8,900,000', () => {
  const off = new Set<FeatureKey>(['RSCAL', 'PerChainRTTM']);
  const withOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(), pos, auth, inactiveFeatures: off });
  assert.equal(withOutput.lines.map((l) => [l.address, l.amountUpokt]), [[OPERATOR, 20_000n], [OUTPUT, 8_880_000n], [withOutput.lines[2]!.address, 1_100_000n]]);
  assert.is(withOutput.mintedUpokt, 10_000_000n);
  assert.is(withOutput.pip22Applied, false);
  const noOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator({ outputAddress: null }), pos, auth, inactiveFeatures: off });
  assert.is(noOutput.lines.filter((l) => l.address === OPERATOR).reduce((s, l) => s + l.amountUpokt, 0n), 8_900_000n);
});

rewards('RSCAL active (the default): a 1-POKT stake is bin 0 — nothing minted', () => {
  const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(), pos, auth });
  assert.is(plan.mintedUpokt, 0n);
});

rewards('PerChainRTTM off → default multiplier; on → the chain’s', () => {
  const on = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10n, validator: validator(), pos, auth, inactiveFeatures: new Set(['RSCAL']) });
  const off = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10n, validator: validator(), pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM']) });
  assert.is(on.mintedUpokt, 30_000n);
  assert.is(off.mintedUpokt, 10_000n);
});

// RewardForRelaysPerChain (x/nodes/keeper/reward.go:125-151) splits validator.RewardDelegators,
// but the record it read has none unless [NCUST] and [RewardDelegators] are both active:
// UnmarshalValidator nils them before [RewardDelegators] (x/nodes/keeper/validator.go:31-41), and
// before [NCUST] the legacy record has neither delegators nor an output address
// (validator.go:43-48 → LegacyValidator.ToValidator, x/nodes/types/validator_legacy.go:148-161).
// 10,000 relays × 1,000 = 10,000,000 (reward.go:74); DAO 10 % + proposer 1 % = 1,100,000 to
// fee_collector (params.go:148-165); node 8,900,000; no refund before [RewardDelegators]
// (reward.go:129) — so the whole 8,900,000 to the primary, none to D1.
rewards('RewardDelegators off → no refund and no delegator split; NCUST off → all to the operator', () => {
  const v = validator({ rewardDelegators: { [D1]: 50 } });
  const noRefund = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: v, pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM', 'RewardDelegators']) });
  // validator.go:35-37 (delegators nil) and reward.go:105-106 (output address, NCUST on)
  assert.equal(noRefund.lines.map((l) => [l.role, l.amountUpokt]), [['primary', 8_900_000n], ['fee_collector', 1_100_000n]]);
  assert.is(noRefund.lines[0]!.address, OUTPUT);
  assert.is(noRefund.rewardCostRefundUpokt, 0n);
  // validator_legacy.go:158-159 (no output, no delegators); reward.go:102 (operator kept)
  const custodial = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: v, pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM', 'RewardDelegators', 'NCUST']) });
  assert.equal(custodial.lines.map((l) => [l.role, l.amountUpokt]), [['primary', 8_900_000n], ['fee_collector', 1_100_000n]]);
  assert.is(custodial.lines[0]!.address, OPERATOR);
  // NCUST off with RewardDelegators on: still the legacy record — no delegators, but the refund (reward.go:129-142).
  const legacyWithRefund = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: v, pos, auth, inactiveFeatures: new Set(['RSCAL', 'PerChainRTTM', 'NCUST']) });
  assert.equal(legacyWithRefund.lines.map((l) => [l.role, l.amountUpokt]), [['reward_cost_refund', 20_000n], ['primary', 8_880_000n], ['fee_collector', 1_100_000n]]);
  assert.equal(legacyWithRefund.lines.slice(0, 2).map((l) => l.address), [OPERATOR, OPERATOR]);
});

rewards('replay burn with RSCAL off: RTTM × challenges, whatever the stake', () => {
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: validator({ tokensUpokt: 20_000n * POKT }), pos, replayAttackBurnMultiplier: 3n, inactiveFeatures: new Set(['RSCAL']) });
  assert.is(plan.burnedUpokt, 15_000n);
  assert.is(plan.pip22Applied, false);
});

const chain = suite('feature gates on a chain (genesis upgrade lists features at height 0 = inactive)');

function chainWith(features: readonly string[], extra: Record<string, Record<string, unknown>> = {}) {
  return startRelayChain({ params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: features.map((f) => `${f}:0`) } }, ...extra } });
}

function ready(features: readonly string[], extra: Record<string, Record<string, unknown>> = {}) {
  const state = chainWith(features, extra);
  advanceTo(state, 4);
  const header = headerOf(appKey, '0001', 1);
  const servicer = keyOf(sessionAtEnd(state, header).nodes[0]!);
  return { state, header, servicer };
}

chain('MREL off: a claim over the allowance is accepted (on: pocketcore:71)', () => {
  const { state, header, servicer } = ready(['MREL']);
  const receipt = deliverOne(state, signTx(servicer, claimMessage(evidenceOf(header, servicer, 5), servicer.address, { totalProofs: 25_001n })));
  assert.is(codeOf(receipt), 'ok', receipt.log);
});

chain('MAXCH off: an app over application/MaximumChains may claim (on: pocketcore:91)', () => {
  const { state, header, servicer } = ready(['MAXCH'], { application: { maximum_chains: '1' } });
  assert.is(codeOf(deliverOne(state, claimTx(servicer, evidenceOf(header, servicer, 5)))), 'ok');
});

chain('MAXCH activated after a session ended: the claim\'s walk reads the flag at the session end, so an over-chained node seated then may claim', () => {
  // pocket-core: NewSessionNodes checks IsAfterEnforceMaxChainsUpgrade(ctx.BlockHeight()) with ctx =
  // sessionEndCtx for claims (x/pocketcore/types/session.go:119, keeper/claim.go:195-204); the claim's
  // own step 9 reads the claim height (claim.go:185). Servicer 1 is staked for 2 chains, pos
  // MaximumChains is 1, MAXCH activates at 6: session 1 ends at 4, before it.
  const apps = [0, 1, 2, 3, 4, 5].map((i) => testKey(`maxch-app-${i}`));
  const state = startRelayChain({
    apps: apps.map((key) => ({ key, stakeUpokt: 100_000n * POKT, chains: ['0001', '0002'] })),
    params: { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: ['MAXCH:6'] } }, pos: { maximum_chains: '1' } },
  });
  advanceTo(state, 5);
  const over = servicerKeys[0]!;
  assert.is(state.nodes.validators.get(over.address)!.chains.length, 2);
  const app = apps.find((key) => {
    const walk = computeSession(state, headerOf(key, '0001', 1), 5, { kind: 'end' }, { enforceMaxChains: false });
    return walk.ok && walk.value.nodes.includes(over.address);
  });
  assert.ok(app !== undefined, 'some app has servicer 1 seated when MAXCH is off');
  const header = headerOf(app, '0001', 1);
  const receipt = deliverOne(state, claimTx(over, buildSessionEvidence(header, signedRelays(header, over, 5, { app }))));
  assert.is(heightOf(state), 6);
  assert.is(codeOf(receipt), 'ok', receipt.log);
});

chain('REPBR off: a tampered sibling is plain pocketcore:66 — no burn, the claim stays (ProofRejected records the attempt)', () => {
  const { state, header, servicer } = ready(['REPBR']);
  const evidence = evidenceOf(header, servicer, 8);
  assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
  advanceTo(state, 12);
  const tamper = (siblings: Array<{ hash: string | null; lower: bigint; upper: bigint }>) => siblings.map((s, i) => (i === 1 ? { ...s, hash: 'ee'.repeat(32) } : s));
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: tamper }));
  assert.is(codeOf(receipt), 'pocketcore:66', receipt.log);
  assert.equal(receipt.events.map((e) => e.type), ['FeeDeducted', 'ProofRejected']);
  assert.is(state.pocketcore.claims.size, 1);
});

chain('CODEC off at the session height: proofs walk legacy parents (a tree with index-hashed parents is a replay attack)', () => {
  const { state, header, servicer } = ready(['CODEC']);
  const evidence = evidenceOf(header, servicer, 8); // built with indexed parents
  assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
  advanceTo(state, 12);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'pocketcore:86', receipt.log);
  assert.ok((receipt.events[1] as ReplayAttackDetected).burn !== undefined);
});

rewards.run();
chain.run();
