/**
 * Goal: the audit's own 18-decimal maths and PIP-22 give pocket-core's numbers.
 * Sources (named per value): PROTOCOL.md §5.2 (weights for E = 1 reproduced from pocket-core's
 * Go test outputs, reward_test.go), §9 (half-even rounding), §5.1 (splitRewards example).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { DecOverflow, divHalfEven, formatDecimal, fromInt, parseDecimal, quo } from '../../../src/audit/independent/dec.js';
import { blockReward, feeCollectorShare, pip22Weight, relayReward, replayBurn, slashAmount, splitToRecipients } from '../../../src/audit/independent/economics.js';

const test = suite('audit: independent maths');
const POKT = 1_000_000n;
const pip22 = { floor: 15_000n * POKT, ceiling: 60_000n * POKT, exponent: parseDecimal('1'), weightMultiplier: parseDecimal('1') };

test('half-even rounding (PROTOCOL §9): ties go to the even neighbour', () => {
  assert.equal([divHalfEven(5n, 2n), divHalfEven(7n, 2n), divHalfEven(-5n, 2n), divHalfEven(6n, 4n)], [2n, 4n, -2n, 2n]);
  assert.is(formatDecimal(quo(fromInt(2n), fromInt(3n))), '0.666666666666666667');
  assert.is(formatDecimal(quo(fromInt(1n), fromInt(3n))), '0.333333333333333333');
});

test('PIP-22 weights for E = 1 are not exact (PROTOCOL §5.2: bins 2, 3, 4)', () => {
  assert.is(formatDecimal(pip22Weight(30_000n * POKT, pip22).weight), '2.000000000000000037');
  assert.is(formatDecimal(pip22Weight(45_000n * POKT, pip22).weight), '3.000000000000000158');
  assert.is(formatDecimal(pip22Weight(60_000n * POKT, pip22).weight), '4.000000000000000149');
  assert.is(pip22Weight(61_000n * POKT, pip22).bin, 4n); // ceiling: 60,000 POKT is the top bin
  assert.is(formatDecimal(pip22Weight(15_000n * POKT, pip22).weight), '1.000000000000000000');
});

test('PIP-22 from bin 499 (E = 1): ApproxRoot overflows and FracPow answers 1, so the weight is 1/W', () => {
  // ApproxRoot(499, 100) (types/decimal.go:365-405): guess 1 → 1 + (499 − 1)/100 = 5.98; the next
  // step's Power(5.98, 99) ≈ 7.8·10^76, scaled 7.8·10^94 > 2^315 ≈ 6.67·10^94 (255 + 60 bits):
  // Mul panics (decimal.go:263-272), ApproxRoot recovers it as an error (:366-374), FracPow
  // returns OneDec (:442-446); weight = 1 / W (reward.go:42-47). Bin 498: 5.97^99 ≈ 6.64·10^76
  // stays within the bound, so its root converges and the weight is ≈ 498.
  const wide = { floor: POKT, ceiling: 1_000n * POKT, exponent: parseDecimal('1'), weightMultiplier: parseDecimal('1') };
  assert.is(pip22Weight(499n * POKT, wide).bin, 499n);
  assert.is(formatDecimal(pip22Weight(499n * POKT, wide).weight), '1.000000000000000000');
  assert.is(formatDecimal(pip22Weight(700n * POKT, { ...wide, weightMultiplier: parseDecimal('2') }).weight), '0.500000000000000000');
  const w498 = pip22Weight(498n * POKT, wide).weight;
  assert.ok(w498 > parseDecimal('497.99') && w498 < parseDecimal('498.01'), formatDecimal(w498));
});

test('a weight beyond Go\'s 315-bit decimals: a panic with [RSCAL] (the proof fails, sdk:1); before it no weight is computed', () => {
  // F = 10,000 POKT, C = 20,000 POKT, E = 300: bin 2's FracPow is Power(ApproxRoot(2, 100), 30,000)
  // ≈ 2^300, scaled ≈ 2^360 > 2^315 — Mul panics outside ApproxRoot's recover (types/decimal.go:
  // 263-272, 408-425, 442-449), so CalculateRelayReward (x/nodes/keeper/reward.go:69-71) and
  // BurnForChallenge (slash.go:19-34) panic. Before [RSCAL] neither computes a weight: coins =
  // RTTM × relays (reward.go:72-75; slash.go:36-38), here 1,000 × 10 = 10,000; the audit shows weight 0.
  const steep = { floor: 10_000n * POKT, ceiling: 20_000n * POKT, exponent: parseDecimal('300'), weightMultiplier: parseDecimal('1') };
  const input = { relays: 10n, multiplier: 1_000n, stake: 20_000n * POKT, pip22: steep, daoPercent: 10n, proposerPercent: 1n, rewardCost: 0n, recipient: { operator: 'aa'.repeat(20), outputAddress: null, delegators: null } };
  assert.throws(() => relayReward(input), (error: unknown) => error instanceof DecOverflow);
  assert.throws(() => replayBurn(5n, 3n, 1_000n, 20_000n * POKT, steep), (error: unknown) => error instanceof DecOverflow);
  const before = relayReward({ ...input, features: { rscal: false, rewardDelegators: true, ncust: true } });
  assert.equal([before.minted, before.bin, before.weight], [10_000n, 2n, 0n]);
  const burn = replayBurn(5n, 3n, 1_000n, 20_000n * POKT, steep, false);
  assert.equal([burn.coins, burn.weight], [15_000n, '0.000000000000000000']);
});

test('the replay burn ceiling bug uses C − (stake mod F) (PROTOCOL §4.8)', () => {
  // stake 61,000 POKT: buggy ceiling 60,000 − 1,000 = 59,000 → floored 45,000, bin 3.
  assert.is(pip22Weight(61_000n * POKT, pip22, true).bin, 3n);
});

test('splits: fee_collector share, block reward, delegators, slashes', () => {
  assert.is(feeCollectorShare(1_000n, 10n, 1n), 110n); // §5.1 step 5: trunc(100 + 10)
  const reward = blockReward(1_100_000n, 0n, 10n, 1n, { operator: 'a', outputAddress: null, delegators: null });
  assert.equal([reward.dao, reward.proposerCut, reward.retained], [1_000_000n, 100_000n, 0n]); // §5.3 10/11 vs 1/11
  const d = 'dd'.repeat(20); // a delegator key must be a 20-byte hex address (msg.go:340-343)
  assert.equal(splitToRecipients(1_001n, { operator: 'op', outputAddress: 'out', delegators: [[d, 10]] }), [
    { role: 'delegator', address: d, amount: 100n },
    { role: 'primary', address: 'out', amount: 901n },
  ]);
  assert.is(slashAmount(15_000n, parseDecimal('0.000001'), 15_000n * POKT), 15_000n); // §6.6: 15,000 × 10^6 × 10^-6
});

test('an invalid delegator map splits nothing: no delegator and no primary line', () => {
  // SplitNodeRewards returns on NormalizeRewardDelegators' error before any callback
  // (x/nodes/keeper/reward.go:183-187): a total over 100 (x/nodes/types/msg.go:346-351), a zero
  // share (:333-338), a key that is not a 20-byte hex address (:340-343) — nothing is paid.
  const out = 'bb'.repeat(20);
  const d1 = 'aa'.repeat(20);
  const d2 = 'cc'.repeat(20);
  assert.equal(splitToRecipients(1_000n, { operator: 'op', outputAddress: out, delegators: [[d1, 60], [d2, 50]] }), []);
  assert.equal(splitToRecipients(1_000n, { operator: 'op', outputAddress: out, delegators: [[d1, 0]] }), []);
  assert.equal(splitToRecipients(1_000n, { operator: 'op', outputAddress: out, delegators: [['zz', 10]] }), []);
  // Valid, for contrast: 10 % → 100, the rest 900 to the output address (reward.go:189-200).
  assert.equal(splitToRecipients(1_000n, { operator: 'op', outputAddress: out, delegators: [[d1, 10]] }).map((p) => p.amount), [100n, 900n]);
});

test.run();
