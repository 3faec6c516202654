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
 * Invalid shares ⇒ NOTHING is split (defence in depth). pocket-core re-runs
 * NormalizeRewardDelegators (x/nodes/types/msg.go:327-359) inside SplitNodeRewards
 * (reward.go:183-187) and, when it fails, pays no delegator and no primary recipient: a relay
 * reward's node share is not minted, a proposer cut stays in fee_collector. Invalid means: a
 * share of 0; a share that is not a uint32 (Go's map[string]uint32 cannot hold one; in a JS
 * number it would be an overflow or a fraction); a key that is not a 20-byte hex address; or a
 * running total above 100. Stake-time ValidateBasic and genesis import already refuse all of
 * these, so this guard only fires if a bad map reached the state some other way.
 * Example: {d1: 60, d2: 50} (total 110) → no lines at all; {d1: 0} → no lines.
 *
 * DEV_NOTE: Go iterates the delegator map in random order; the amounts do not depend on order,
 * and we list recipients by ascending address so events are deterministic. Go's validity check
 * does not depend on order either (every share is positive, so "running total > 100 at some
 * point" ⇔ "final total > 100").
 */
import { parseAddress } from '../../core/types.js';
const UINT32_MAX = 0xffff_ffff;
/** Where a validator's rewards and returned stake go: output address if set, else operator. */
export function primaryRecipient(validator) {
    return validator.outputAddress ?? validator.address;
}
/**
 * Why a delegator map must not be split (file header), or undefined when it is valid. Keys are
 * checked in ascending order so the sentence is the same on every run.
 */
export function delegatorSharesProblem(delegators) {
    let total = 0;
    for (const key of Object.keys(delegators).sort()) {
        const share = delegators[key];
        if (!Number.isInteger(share) || share < 1 || share > UINT32_MAX)
            return `reward share ${share} of ${JSON.stringify(key)} is not a positive uint32`;
        if (parseAddress(key) === undefined)
            return `reward delegator ${JSON.stringify(key)} is not a 20-byte hex address`;
        total += share;
        if (total > 100)
            return `reward shares total ${total} > 100`;
    }
    return undefined;
}
/** The split of the file header; [] when the reward is not positive or the shares are invalid. */
export function splitNodeReward(rewardUpokt, validator) {
    if (rewardUpokt <= 0n)
        return [];
    const delegators = validator.rewardDelegators ?? {};
    if (delegatorSharesProblem(delegators) !== undefined)
        return [];
    const shares = [];
    let remains = rewardUpokt;
    for (const key of Object.keys(delegators).sort()) {
        const allocation = (rewardUpokt * BigInt(delegators[key])) / 100n;
        if (allocation > 0n)
            shares.push({ address: parseAddress(key), amountUpokt: allocation, role: 'delegator' });
        remains -= allocation;
    }
    if (remains > 0n)
        shares.push({ address: primaryRecipient(validator), amountUpokt: remains, role: 'primary' });
    return shares;
}
//# sourceMappingURL=reward-split.js.map