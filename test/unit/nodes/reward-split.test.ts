/**
 * Goal: SplitNodeRewards refuses invalid delegator shares by itself, as pocket-core's does
 * (reward.go:183-187 re-runs NormalizeRewardDelegators, msg.go:327-359): a zero share, a share
 * that is not a uint32, a key that is not an address, or a total above 100 ⇒ nothing is split —
 * a relay reward's node share is not minted, a proposer cut stays in fee_collector. Valid maps
 * split as before.
 * Method: splitNodeReward, planRelayReward and planBlockReward on validator records that carry a
 * bad map directly (stake-time checks would refuse them, so the guard is reached only this way);
 * amounts worked out by hand next to each assertion.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { Address } from '../../../src/core/types.js';
import { MODULE_ADDRESSES } from '../../../src/modules/auth/state.js';
import { planBlockReward } from '../../../src/modules/nodes/block-reward.js';
import { delegatorSharesProblem, splitNodeReward } from '../../../src/modules/nodes/reward-split.js';
import type { Validator } from '../../../src/modules/nodes/state.js';
import { planRelayReward } from '../../../src/modules/pocketcore/rewards.js';
import { startRelayChain } from '../../helpers/relays.js';
import { validatorRecord } from '../../helpers/validators.js';

const OPERATOR = '11'.repeat(20) as Address;
const OUTPUT = '22'.repeat(20) as Address;
const D1 = 'd1'.repeat(20);
const D2 = 'd2'.repeat(20);

function validator(rewardDelegators: Record<string, number> | null): Validator {
  return validatorRecord({ address: OPERATOR, tokensUpokt: 20_000_000_000n, outputAddress: OUTPUT, rewardDelegators });
}

const INVALID: ReadonlyArray<readonly [string, Record<string, number>]> = [
  ['a zero share', { [D1]: 0, [D2]: 10 }],
  ['a total of 110', { [D1]: 60, [D2]: 50 }],
  ['a total of 101 (one over)', { [D1]: 100, [D2]: 1 }],
  ['a share of 2^32 (overflows uint32)', { [D1]: 2 ** 32 }],
  ['a share of 2^53 + 2 (beyond exact JS integers)', { [D1]: 2 ** 53 + 2 }],
  ['a fractional share', { [D1]: 1.5 }],
  ['a negative share', { [D1]: -5 }],
  ['a key that is not hex', { ['zz'.repeat(20)]: 10 }],
  ['a key of 19 bytes', { ['d1'.repeat(19)]: 10 }],
  ['an empty key', { ['']: 10 }],
];

const split = suite('SplitNodeRewards: valid shares split, invalid shares split nothing');

split('worked example: 1,001 uPOKT, {d1: 10, d2: 5} → d1 trunc(100.1) = 100, d2 trunc(50.05) = 50, output 851', () => {
  assert.equal(splitNodeReward(1_001n, validator({ [D1]: 10, [D2]: 5 })), [
    { address: D1, amountUpokt: 100n, role: 'delegator' },
    { address: D2, amountUpokt: 50n, role: 'delegator' },
    { address: OUTPUT, amountUpokt: 851n, role: 'primary' },
  ]);
});

split('a total of exactly 100 is valid: 999 × 60% = 599, × 40% = 399 (truncated), output 1', () => {
  assert.is(delegatorSharesProblem({ [D1]: 60, [D2]: 40 }), undefined);
  assert.equal(
    splitNodeReward(999n, validator({ [D1]: 60, [D2]: 40 })).map((s) => s.amountUpokt),
    [599n, 399n, 1n],
  );
});

for (const [label, delegators] of INVALID) {
  split(`${label}: refused with a reason, and nothing is split`, () => {
    assert.type(delegatorSharesProblem(delegators), 'string');
    assert.equal(splitNodeReward(1_000_000n, validator(delegators)), []);
  });
}

const plans = suite('reward plans with invalid delegator shares');
const params = startRelayChain().params();

plans('relay reward: the refund and the fee_collector share are minted, the node reward is not (reward.go:127-165)', () => {
  // RTTM 1000 × 10,000 relays, weight 1 (F = C = 15,000 POKT) → coins 10,000,000;
  // fee_collector trunc(1,000,000 + 100,000) = 1,100,000; node 8,900,000; refund 20,000;
  // the remaining 8,880,000 would go to d1/d2/output, but the map totals 110 → not minted.
  const plan = planRelayReward({ servicer: OPERATOR, chain: '0001', relays: 10_000n, validator: validator({ [D1]: 60, [D2]: 50 }), pos: params.pos, auth: params.auth });
  assert.equal(
    plan.lines.map((l) => [l.role, l.address, l.amountUpokt]),
    [
      ['reward_cost_refund', OPERATOR, 20_000n],
      ['fee_collector', MODULE_ADDRESSES.fee_collector, 1_100_000n],
    ],
  );
  assert.is(plan.mintedUpokt, 1_120_000n);
});

plans('block reward: the proposer cut stays in fee_collector', () => {
  // collected 1,100,000, DAO 10 / proposer 1 → daoCut 1,000,000, proposerCut 100,000 retained.
  const plan = planBlockReward(1_100_000n, params.pos, OPERATOR, validator({ [D1]: 0 }));
  assert.ok(plan !== null);
  assert.equal(plan.shares, []);
  assert.is(plan.daoUpokt, 1_000_000n);
  assert.is(plan.retainedUpokt, 100_000n);
});

const gates = suite('block reward: the features it branches on (x/nodes/keeper/reward.go:247-297, PROTOCOL §12.1)');

gates('all active: delegators then output; [RewardDelegators] off: all to the output; [NCUST] off: all to the proposer address, record or not', () => {
  // collected 1,100,000, DAO 10 / proposer 1 → proposerCut 100,000; delegator D1 10 % = 10,000.
  const withDelegator = validator({ [D1]: 10 });
  const on = planBlockReward(1_100_000n, params.pos, OPERATOR, withDelegator);
  assert.equal(on!.shares.map((s) => [s.address, s.amountUpokt]), [[D1, 10_000n], [OUTPUT, 90_000n]]);
  // reward.go:257-259: before [RewardDelegators] the validator's delegators are set to nil.
  const noDelegators = planBlockReward(1_100_000n, params.pos, OPERATOR, withDelegator, new Set(['RewardDelegators']));
  assert.equal(noDelegators!.shares.map((s) => [s.address, s.amountUpokt]), [[OUTPUT, 100_000n]]);
  // reward.go:294: before [NCUST] the whole cut is sent to previousProposer, the record is not read.
  const legacy = planBlockReward(1_100_000n, params.pos, OPERATOR, withDelegator, new Set(['NCUST']));
  assert.equal(legacy!.shares.map((s) => [s.address, s.amountUpokt]), [[OPERATOR, 100_000n]]);
  assert.is(legacy!.retainedUpokt, 0n);
  const gone = planBlockReward(1_100_000n, params.pos, OPERATOR, undefined, new Set(['NCUST']));
  assert.equal(gone!.shares.map((s) => [s.address, s.amountUpokt]), [[OPERATOR, 100_000n]]);
  // With [NCUST] a missing record keeps the cut in fee_collector (reward.go:248-255).
  assert.is(planBlockReward(1_100_000n, params.pos, OPERATOR, undefined)!.retainedUpokt, 100_000n);
});

split.run();
plans.run();
gates.run();
