/**
 * SplitNodeRewards (x/nodes/keeper/reward.go:172-211): a node's reward (relay reward or the
 * proposer's block reward) goes to its PIP-32 reward delegators by share, and the remainder to
 * the primary recipient (output address if set, else the operator).
 *
 *   each delegator: allocation = trunc(reward × share / 100)   (paid only if > 0)
 *   primary:        reward − Σ allocations                      (paid only if > 0)
 *
 * pocket-core computes the allocation as Dec(reward) × NewDecWithPrec(share, 2), truncated; the
 * product has at most two decimal places, so the 18-decimal Dec rounding never applies and the
 * integer form above is identical.
 *
 * Worked example: reward 1,001 uPOKT, delegators {d1: 10, d2: 5} → d1 trunc(100.1) = 100,
 * d2 trunc(50.05) = 50, primary 1,001 − 150 = 851.
 *
 * DEV_NOTE: Go iterates the delegator map in random order; the amounts do not depend on order,
 * and we list recipients by ascending address so events are deterministic.
 */
import type { Address } from '../../core/types.js';
import type { Validator } from './state.js';

export interface RewardShare {
  readonly address: Address;
  readonly amountUpokt: bigint;
  readonly role: 'delegator' | 'primary';
}

/** Where a validator's rewards and returned stake go: output address if set, else operator. */
export function primaryRecipient(validator: Validator): Address {
  return validator.outputAddress ?? validator.address;
}

export function splitNodeReward(rewardUpokt: bigint, validator: Validator): RewardShare[] {
  if (rewardUpokt <= 0n) return [];
  const shares: RewardShare[] = [];
  let remains = rewardUpokt;
  const delegators = validator.rewardDelegators ?? {};
  for (const address of Object.keys(delegators).sort()) {
    const allocation = (rewardUpokt * BigInt(delegators[address]!)) / 100n;
    if (allocation > 0n) shares.push({ address: address as Address, amountUpokt: allocation, role: 'delegator' });
    remains -= allocation;
  }
  if (remains > 0n) shares.push({ address: primaryRecipient(validator), amountUpokt: remains, role: 'primary' });
  return shares;
}
