import { MODULE_ADDRESSES } from '../auth/index.js';
import { planBlockReward } from './block-reward.js';
import { VALIDATOR_SET_KEY } from './state.js';
/** BeginBlock (a): pay the previous block's proposer from fee_collector (PROTOCOL §5.3). */
export function payBlockReward(state, params, ctx) {
    if (ctx.height <= 1)
        return [];
    const collected = state.auth.accounts.get(MODULE_ADDRESSES.fee_collector)?.balanceUpokt ?? 0n;
    const proposer = ctx.previousProposer;
    const plan = planBlockReward(collected, params, proposer, proposer === null ? undefined : state.nodes.validators.get(proposer));
    return plan === null ? [] : [{ type: 'BlockRewardDistributed', ...plan }];
}
/**
 * EndBlock: the top-MaxValidators set from the power index; emit the changes as validator
 * updates. Incremental: the index follows every validator write, so this reads its top N
 * (memoised — the same array while no power changed) instead of ranking every validator each
 * block; when that array is the stored set itself nothing changed and the step is O(1).
 * Result and events are exactly those of `computeValidatorSet` over all validators.
 */
export function updateValidatorSet(state, params, ctx) {
    const previous = state.nodes.validatorSet.get(VALIDATOR_SET_KEY) ?? [];
    const members = state.nodes.powerIndex.top(params.maxValidators);
    if (members === previous)
        return [];
    const before = new Map(previous.map((m) => [m.address, m.power]));
    const after = new Map(members.map((m) => [m.address, m.power]));
    const updates = [];
    for (const member of members)
        if (before.get(member.address) !== member.power)
            updates.push(member);
    for (const member of previous)
        if (!after.has(member.address))
            updates.push({ address: member.address, power: 0n });
    if (updates.length === 0)
        return [];
    updates.sort((a, b) => (a.address < b.address ? -1 : 1));
    return [{ type: 'ValidatorSetUpdated', members, updates }];
}
//# sourceMappingURL=hooks.js.map