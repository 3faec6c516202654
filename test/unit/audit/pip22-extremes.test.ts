/**
 * Goal: the audit's relay reward under PIP-22 values governance can set but no sane chain uses —
 * found by test/unit/gov/param-extremes-audit.test.ts, where the ledger and the audit disagreed.
 * Each expected value is worked out by hand from pocket-core RC-0.12.0 (file:line beside it),
 * never read from the ledger.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { relayReward } from '../../../src/audit/independent/economics.js';

const test = suite('audit: PIP-22 at extreme parameter values');

const OPERATOR = '11'.repeat(20);
const FEE_COLLECTOR = 'f1829676db577682e944fc3493d451b67ff3e29f';
const ONE = 10n ** 18n;
/** F = 15,000 POKT, E = 1, W = 1, 8 relays at RTTM 1,000, DAO 10 %, proposer 1 %, reward cost 20,000; a stake of 20,000 POKT. */
const base = {
  relays: 8n,
  multiplier: 1_000n,
  stake: 20_000_000_000n,
  pip22: { floor: 15_000_000_000n, ceiling: 60_000_000_000n, exponent: ONE, weightMultiplier: ONE },
  daoPercent: 10n,
  proposerPercent: 1n,
  rewardCost: 20_000n,
  recipient: { operator: OPERATOR, outputAddress: null, delegators: null },
};
const payoutsOf = (reward: ReturnType<typeof relayReward>): Array<[string, string, bigint]> => reward.payouts.map((p) => [p.role, p.address, p.amount]);

test('ServicerStakeWeightCeiling −1: C mod F is Euclidean (big.Int.Mod), bin −1, weight (−1)^(100/100) = 1', () => {
  // calculateRewardRewardPip22 (x/nodes/keeper/reward.go:31-37): min(stake − stake mod F, C − C mod F);
  // sdk.BigInt.Mod is big.Int.Mod (types/int.go:35, 282-287), Euclidean: −1 mod 15e9 = 15e9 − 1,
  // so C − C mod F = −15e9 (a truncated remainder, −1, would give 0); floored = min(15e9, −15e9) = −15e9;
  // bin = −15e9 Quo 15e9 = −1 (reward.go:39, big.Int.Quo truncates).
  // FracPow(−1, 1, 100) (types/decimal.go:428-451): ApproxRoot of a negative d is −ApproxRoot(1) = −1
  // (:376-378, :381), Power(−1, 100) = 1; weight = 1 / W = 1.
  // coins = 1,000 × 8 × 1 = 8,000; fees trunc(800 + 80) = 880 (params.go:148-165); node 7,120;
  // refund min(20,000, 7,120) = 7,120 to the operator, nothing left to split (reward.go:127-143).
  const reward = relayReward({ ...base, pip22: { ...base.pip22, ceiling: -1n } });
  assert.is(reward.flooredStake, -15_000_000_000n);
  assert.is(reward.bin, -1n);
  assert.is(reward.weight, ONE);
  assert.equal(payoutsOf(reward), [['reward_cost_refund', OPERATOR, 7_120n], ['fee_collector', FEE_COLLECTOR, 880n]]);
  assert.is(reward.minted, 8_000n);
});

test('a negative reward (ServicerStakeWeightMultiplier −1) mints nothing, to the fee collector neither', () => {
  // weight = FracPow(1, 1) / W = 1 / −1 = −1 (reward.go:42-46); coins = 8,000 × −1 = −8,000;
  // splitRewards: fees = trunc(−800 − 80) = −880, node −7,120 (params.go:148-165). The refund is
  // minted only if positive (reward.go:138-141), SplitNodeRewards refuses non-positive rewards
  // (:175-177), the fee collector is minted only `if toFeeCollector.IsPositive()` (:161-163).
  const reward = relayReward({ ...base, pip22: { ...base.pip22, weightMultiplier: -ONE } });
  assert.equal(payoutsOf(reward), []);
  assert.is(reward.minted, 0n);
  assert.is(reward.feeCollector, 0n, 'what the fee collector receives');
});

test('RelaysToTokensMultiplier −2^63: the same, nothing minted', () => {
  // coins = −2^63 × 8 × 1 (reward.go:48); every mint of reward.go:138-163 needs a positive amount.
  const reward = relayReward({ ...base, multiplier: -(1n << 63n) });
  assert.equal(payoutsOf(reward), []);
  assert.is(reward.feeCollector, 0n, 'what the fee collector receives');
});

test.run();
