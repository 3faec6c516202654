/**
 * Goal: relay rewards and replay burns are pocket-core's numbers (PROTOCOL §5.1–5.2, §4.8):
 * PIP-22 weight, the DAO/proposer share (one truncation of the sum), the PIP-32 reward-cost
 * refund to the operator, delegators, output-address routing, per-chain RTTM; the replay burn
 * with the ceiling bug, the stake cap and the force-unstake flag.
 * Method: planRelayReward / planReplayBurn on params from a test chain with the Go tests'
 * values overridden; expected values are TV-2, TV-3, TV-5, TV-19 as PROTOCOL §11 states them,
 * and hand computations written out next to the assertion.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Dec } from '../../../src/core/bigdec.js';
import type { Address } from '../../../src/core/types.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { StakeStatus, type Validator } from '../../../src/modules/nodes/state.js';
import { feeCollectorShareUpokt, planRelayReward, planReplayBurn, rewardCostUpokt, type RelayRewardPlan } from '../../../src/modules/pocketcore/rewards.js';
import type { AuthParams, PosParams } from '../../../src/params/params.js';
import { totalSupply } from '../../../src/modules/auth/bank.js';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { advanceTo, appKey, claimTx, codeOf, deliverOne, evidenceOf, headerOf, keyOf, proofTx, requiredIndex, sessionAtEnd, startRelayChain } from '../../helpers/relays.js';
import { validatorRecord } from '../../helpers/validators.js';

const base = startRelayChain().params();
const G = 1_000_000_000n;

function pos(changes: Partial<PosParams> = {}): PosParams {
  return { ...base.pos, relaysToTokensMultiplier: 1000n, daoAllocation: 10n, proposerAllocation: 1n, ...changes };
}
const auth: AuthParams = { ...base.auth, feeMultipliers: { overrides: [], default: 1n } };

const OPERATOR = '11'.repeat(20) as Address;
const OUTPUT = '22'.repeat(20) as Address;

function validator(tokensUpokt: bigint, changes: Partial<Validator> = {}): Validator {
  return validatorRecord({ address: OPERATOR, tokensUpokt, ...changes });
}

const received = (plan: RelayRewardPlan, address: Address): bigint =>
  plan.lines.filter((l) => l.address === address).reduce((sum, l) => sum + l.amountUpokt, 0n);

const pip22 = (floorG: bigint, ceilingG: bigint): Partial<PosParams> => ({
  servicerStakeFloorMultiplier: floorG * G,
  servicerStakeWeightCeiling: ceilingG * G,
  servicerStakeWeightMultiplier: Dec.ONE,
  servicerStakeFloorMultiplierExponent: Dec.ONE,
});

const reward = suite('relay reward plan (RewardForRelaysPerChain)');

reward('TV-2 PIP-22 linear: stakes 15e9·k → operator 8,900,000·k; minted 10,000,000·k; weights as PROTOCOL §11', () => {
  const params = pos(pip22(15n, 60n));
  const balances = [1n, 2n, 3n, 4n].map((k) => {
    const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(15n * G * k), pos: params, auth });
    assert.is(plan.mintedUpokt, 10_000_000n * k);
    return { balance: received(plan, OPERATOR), weight: plan.weight, bin: plan.bin };
  });
  assert.equal(balances.map((b) => b.balance), [8_900_000n, 17_800_000n, 26_700_000n, 35_600_000n]);
  assert.equal(balances.map((b) => b.weight), ['1.000000000000000000', '2.000000000000000037', '3.000000000000000158', '4.000000000000000149']);
  assert.equal(balances.map((b) => b.bin), [1n, 2n, 3n, 4n]);
});

reward('TV-3 PIP-22 ceiling: C = 15e9 → stakes 15e9 and 30e9 both get 8,900,000', () => {
  const params = pos(pip22(15n, 15n));
  for (const stake of [15n * G, 30n * G]) {
    const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(stake), pos: params, auth });
    assert.is(received(plan, OPERATOR), 8_900_000n);
    assert.is(plan.bin, 1n);
  }
});

reward('TV-5 routing: with an output address → output 8,880,000, operator 20,000, supply +10,000,000; without → operator 8,900,000', () => {
  // The Go test runs with RSCAL off (coins = RTTM × relays); PIP-22 at its activation values
  // (F = C = 15e9, W = E = 1) gives weight 1 for any stake ≥ 15e9, i.e. the same coins.
  const params = pos(pip22(15n, 15n));
  const withOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(20n * G, { outputAddress: OUTPUT }), pos: params, auth });
  assert.is(received(withOutput, OUTPUT), 8_880_000n);
  assert.is(received(withOutput, OPERATOR), 20_000n);
  assert.is(withOutput.mintedUpokt, 10_000_000n);
  assert.is(withOutput.feeCollectorUpokt, 1_100_000n);
  assert.is(withOutput.rewardCostUpokt, 20_000n);
  const noOutput = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(20n * G), pos: params, auth });
  assert.is(received(noOutput, OPERATOR), 8_900_000n);
  assert.is(noOutput.mintedUpokt, 10_000_000n);
});

reward('TV-19 split: RTTM 1000 × 10,000 relays, DAO 10, Proposer 1 → node 8,900,000, fees 1,100,000', () => {
  assert.is(feeCollectorShareUpokt(10_000_000n, { daoAllocation: 10n, proposerAllocation: 1n }), 1_100_000n);
  const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(15n * G), pos: pos(), auth });
  assert.is(plan.nodeRewardUpokt, 8_900_000n);
  assert.equal(plan.lines.map((l) => l.role), ['reward_cost_refund', 'primary', 'fee_collector']);
  assert.equal(plan.lines.at(-1), { address: MODULE_ADDRESSES.fee_collector, amountUpokt: 1_100_000n, role: 'fee_collector' });
});

reward('fee share truncates the SUM: coins 999, DAO 10, Proposer 5 → trunc(99.9 + 49.95) = 149, not 99 + 49', () => {
  assert.is(feeCollectorShareUpokt(999n, { daoAllocation: 10n, proposerAllocation: 5n }), 149n);
});

reward('per-chain RTTM: a chain in the map uses its multiplier; other chains the default', () => {
  const params = pos({ relaysToTokensMultiplierMap: { '0021': 2500n } });
  const mapped = planRelayReward({ servicer: OPERATOR, chain: '0021', relays: 100n, validator: validator(15n * G), pos: params, auth });
  assert.is(mapped.multiplierSource, 'chain_map');
  assert.is(mapped.mintedUpokt, 250_000n);
  const other = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 100n, validator: validator(15n * G), pos: params, auth });
  assert.is(other.multiplierSource, 'default');
  assert.is(other.mintedUpokt, 100_000n);
});

reward('delegators: refund first, then shares of what is left (truncated), remainder to the output address', () => {
  const d1 = 'aa'.repeat(20);
  const d2 = 'bb'.repeat(20);
  const plan = planRelayReward({
    servicer: OPERATOR,
    chain: '0001',
    relays: 1_001n,
    validator: validator(15n * G, { outputAddress: OUTPUT, rewardDelegators: { [d1]: 10, [d2]: 5 } }),
    pos: pos(),
    auth,
  });
  // coins 1,001,000; fees trunc(100,100 + 10,010) = 110,110; node 890,890; refund 20,000 → 870,890;
  // d1 trunc(87,089) = 87,089; d2 trunc(43,544.5) = 43,544; output 870,890 − 130,633 = 740,257.
  assert.equal(
    plan.lines.map((l) => [l.role, l.address, l.amountUpokt]),
    [
      ['reward_cost_refund', OPERATOR, 20_000n],
      ['delegator', d1, 87_089n],
      ['delegator', d2, 43_544n],
      ['primary', OUTPUT, 740_257n],
      ['fee_collector', MODULE_ADDRESSES.fee_collector, 110_110n],
    ],
  );
  assert.is(plan.mintedUpokt, 1_001_000n);
});

reward('a small claim: the node reward does not cover the reward cost → all of it to the operator as refund', () => {
  const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 5n, validator: validator(15n * G, { outputAddress: OUTPUT }), pos: pos(), auth });
  // coins 5,000; fees 550; node 4,450 < 20,000 → refund 4,450; output gets nothing.
  assert.equal(plan.lines.map((l) => [l.role, l.amountUpokt]), [['reward_cost_refund', 4_450n], ['fee_collector', 550n]]);
  assert.is(received(plan, OUTPUT), 0n);
});

reward('the reward cost follows the fee multipliers of claim and proof', () => {
  assert.is(rewardCostUpokt({ feeMultipliers: { overrides: [{ key: 'proof', multiplier: 3n }], default: 2n } }), 20_000n + 30_000n);
});

reward('validator gone at proof time → nothing minted; a stake below F (bin 0) → weight 0, nothing minted', () => {
  const gone = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: undefined, pos: pos(), auth });
  assert.equal(gone.lines, []);
  assert.is(gone.mintedUpokt, 0n);
  assert.is(gone.stakeUpokt, null);
  const small = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(14n * G), pos: pos(pip22(15n, 60n)), auth });
  assert.is(small.bin, 0n);
  assert.is(small.mintedUpokt, 0n);
  assert.equal(small.lines, []);
});

reward('validator gone: nothing is weighed, so a weight that could not be computed (W = 0) does not matter', () => {
  // RewardForRelaysPerChain returns zero before CalculateRelayReward when the validator is not
  // found (x/nodes/keeper/reward.go:90-100); a zero ServicerStakeWeightMultiplier would panic
  // only in the weight's Quo (reward.go:42-47).
  const gone = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: undefined, pos: pos({ ...pip22(15n, 60n), servicerStakeWeightMultiplier: Dec.ZERO }), auth });
  assert.is(gone.mintedUpokt, 0n);
  assert.equal(gone.lines, []);
});

reward('plans from one params object (its derived values memoised) equal plans from fresh copies, stake by stake', () => {
  // The memo is keyed by the PosParams object and the stake (rewards.ts posDerived): the same
  // object over many stakes, twice, and a second object with other percentages in between,
  // must each give exactly the plan a never-seen copy of their params gives.
  const shared = pos(pip22(15n, 60n));
  const other = pos({ ...pip22(15n, 45n), daoAllocation: 20n, proposerAllocation: 5n });
  const stakes = [15n * G, 15n * G + 1n, 29n * G, 45n * G, 61n * G, 200n * G, 15n * G];
  for (let round = 0; round < 2; round++) {
    for (const stake of stakes) {
      for (const params of [shared, other]) {
        const input = { servicer: OPERATOR, chain: '0001', relays: 12_345n, validator: validator(stake, { outputAddress: OUTPUT }), pos: params, auth };
        assert.equal(planRelayReward(input), planRelayReward({ ...input, pos: { ...params } }), `stake ${stake}, round ${round}`);
      }
    }
  }
  // The two objects really differ where their params do (the memo did not mix them up).
  const at = (params: PosParams) => planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator(61n * G), pos: params, auth });
  assert.is.not(at(shared).feeCollectorUpokt, at(other).feeCollectorUpokt);
  assert.is.not(at(shared).bin, at(other).bin);
});

const burn = suite('replay-attack burn plan (BurnForChallenge, slash.go:16-79)');

burn('challenges = TotalProofs × multiplier; the ceiling bug puts stake 61e9 in bin 3: burn 45,000', () => {
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: validator(61n * G), pos: pos(pip22(15n, 60n)), replayAttackBurnMultiplier: 3n });
  assert.is(plan.challenges, 15n);
  assert.is(plan.flooredStakeUpokt, 59n * G); // min(60e9, 60e9 − 1e9): C − (stake mod F), PROTOCOL §4.8
  assert.is(plan.bin, 3n);
  assert.is(plan.weight, '3.000000000000000158');
  assert.is(plan.coinsUpokt, 45_000n); // trunc(1000 × 15 × 3.000000000000000158)
  assert.is(plan.burnedUpokt, 45_000n);
  assert.is(plan.tokensAfterUpokt, 61n * G - 45_000n);
  assert.is(plan.forceUnstake, false);
});

burn('the burn is capped at the stake and forces an unstake below StakeMinimum', () => {
  const params = pos({ ...pip22(15n, 15n), stakeMinimumUpokt: 15n * G, relaysToTokensMultiplier: 1_000_000_000n });
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 10n, validator: validator(15n * G), pos: params, replayAttackBurnMultiplier: 3n });
  assert.is(plan.coinsUpokt, 30n * G);
  assert.is(plan.burnedUpokt, 15n * G);
  assert.is(plan.tokensAfterUpokt, 0n);
  assert.is(plan.forceUnstake, true);
});

burn('uses the DEFAULT RTTM even when the chain has a per-chain multiplier', () => {
  const params = pos({ ...pip22(15n, 15n), relaysToTokensMultiplierMap: { '0001': 9_999n } });
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: validator(15n * G), pos: params, replayAttackBurnMultiplier: 3n });
  assert.is(plan.multiplierUpoktPerRelay, 1000n);
  assert.is(plan.burnedUpokt, 15_000n); // 1000 × 15 × weight 1
});

burn('the ceiling bug at the activation values: stake 20e9 with F = C = 15e9 → min(15e9, 15e9 − 5e9) = 10e9 → bin 0 → no burn', () => {
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: validator(20n * G), pos: pos(pip22(15n, 15n)), replayAttackBurnMultiplier: 3n });
  assert.is(plan.flooredStakeUpokt, 10n * G);
  assert.is(plan.bin, 0n);
  assert.is(plan.burnedUpokt, 0n);
});

burn('a missing validator is not weighed (BurnForChallenge returns first, slash.go:21-25): W = 0 burns nothing, no panic', () => {
  const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: undefined, pos: pos({ ...pip22(15n, 60n), servicerStakeWeightMultiplier: Dec.ZERO }), replayAttackBurnMultiplier: 3n });
  assert.is(plan.burnedUpokt, 0n);
  assert.is(plan.stakeUpokt, null);
});

burn('a missing or Unstaked validator is not burned', () => {
  for (const v of [undefined, validator(20n * G, { status: StakeStatus.Unstaked })]) {
    const plan = planReplayBurn({ servicer: OPERATOR, totalProofs: 5n, validator: v, pos: pos(), replayAttackBurnMultiplier: 3n });
    assert.is(plan.burnedUpokt, 0n);
    assert.is(plan.forceUnstake, false);
  }
});

reward.run();
burn.run();

// ---------------------------------------------------------------------------------------------
const overflow = suite('a PIP-22 computation beyond pocket-core\'s decimal range fails the proof tx (sdk:1), the chain goes on');

// F = 10,000 POKT, C = 20,000 POKT: a 20,000-POKT servicer is bin 2. E = 300: FracPow takes
// ApproxRoot(2, 100) ≈ 1.00696 (fine), then Power(·, round(300 × 100) = 30,000) ≈ 2^300 ≈ 2·10^90,
// scaled 2·10^108 > 2^315: Mul panics "BigInt overflow" (types/decimal.go:263-272, 408-425). The
// panic is outside ApproxRoot's recover (:366-374), so it unwinds the proof handler; runTx
// recovers it as ErrInternal, sdk:1 (baseapp/baseapp.go:988-999), the msg's writes are dropped
// (the claim stays) and the fee, charged by the ante handler, stays charged.
const totalSupplyOf = (state: LedgerState): bigint => totalSupply(state.auth);

/** A relay chain with E = 300 (and `features` in gov/upgrade), a claim of 8 relays made at 4, at height 12 where its proof is due. */
function claimedWithOverflowingExponent(features: readonly string[] = []) {
  const gov = features.length === 0 ? {} : { gov: { upgrade: { Height: '0', Version: '0.0.0', Features: [...features] } } };
  const state = startRelayChain({ params: { ...gov, pos: { servicer_stake_floor_multipler: '10000000000', servicer_stake_weight_ceiling: '20000000000', servicer_stake_floor_multiplier_exponent: '300.000000000000000000' } } });
  advanceTo(state, 4);
  const header = headerOf(appKey, '0001', 1);
  const servicer = keyOf(sessionAtEnd(state, header).nodes[0]!);
  const evidence = evidenceOf(header, servicer, 8);
  assert.is(codeOf(deliverOne(state, claimTx(servicer, evidence))), 'ok');
  advanceTo(state, 12);
  return { state, servicer, evidence };
}

overflow('relay reward: the valid proof is sdk:1, nothing minted, the claim stays; the next block is produced', () => {
  const { state, servicer, evidence } = claimedWithOverflowingExponent();
  const supply = totalSupplyOf(state);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'sdk:1', receipt.log);
  assert.is(state.pocketcore.claims.size, 1);
  assert.is(totalSupplyOf(state), supply);
  advanceTo(state, 14);
});

// The replay path (pocketcore:86 in range): HandleReplayAttack → BurnForChallenge computes the same
// weight (x/nodes/keeper/slash.go:19-34) and panics the same way, before simpleSlash burns and
// before the handler deletes the claim (handler.go:71-80): sdk:1, no burn, the claim stays.
overflow('replay burn: the tampered proof is sdk:1 instead of pocketcore:86 — no burn, the claim stays', () => {
  const { state, servicer, evidence } = claimedWithOverflowingExponent();
  const stake = state.nodes.validators.get(servicer.address)!.tokensUpokt;
  const tamper = (siblings: Array<{ hash: string | null; lower: bigint; upper: bigint }>) => siblings.map((sibling, i) => (i === 1 ? { ...sibling, hash: 'ee'.repeat(32) } : sibling));
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence), { siblings: tamper }));
  assert.is(codeOf(receipt), 'sdk:1', receipt.log);
  assert.is(state.nodes.validators.get(servicer.address)!.tokensUpokt, stake);
  assert.is(state.pocketcore.claims.size, 1);
});

// Before [RSCAL] pocket-core computes no weight at all: coins = RTTM × relays (reward.go:72-75),
// so the same exponent pays normally — 8 relays × the default RTTM, all minted.
overflow('[RSCAL] off: no weight is computed, so the same exponent pays RTTM × relays', () => {
  const { state, servicer, evidence } = claimedWithOverflowingExponent(['RSCAL:0']);
  const supply = totalSupplyOf(state);
  const receipt = deliverOne(state, proofTx(servicer, evidence, requiredIndex(state, evidence)));
  assert.is(codeOf(receipt), 'ok', receipt.log);
  assert.is(totalSupplyOf(state) - supply, 8n * state.params().pos.relaysToTokensMultiplier);
});

overflow.run();
