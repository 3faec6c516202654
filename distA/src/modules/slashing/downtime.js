import { maxMissedBlocks, resetSigningInfo } from './state.js';
import { planSlash } from './slash.js';
import { StakeStatus } from '../nodes/index.js';
/** pocket's slashHeight for downtime: h − ValidatorUpdateDelay(1) − 1. */
const DOWNTIME_INFRACTION_OFFSET = 2;
export function handleValidatorSignatures(state, params, ctx) {
    if (ctx.lastCommit.length === 0)
        return [];
    const window = params.signedBlocksWindow;
    const maxMissed = maxMissedBlocks(window, params.minSignedPerWindow);
    const windowBoundary = BigInt(ctx.height) % window === 0n;
    const events = [];
    const infos = [];
    const bits = [];
    for (const vote of ctx.lastCommit) {
        const validator = state.nodes.validators.get(vote.address);
        if (validator === undefined)
            continue;
        const current = state.slashing.signingInfos.get(vote.address);
        const before = state.slashing.missedBlocks.get(vote.address)?.indices ?? NONE;
        if (current === undefined) {
            infos.push(resetSigningInfo(undefined, vote.address, ctx.height));
            if (before.length > 0)
                bits.push({ address: vote.address, indices: NONE });
            continue;
        }
        const start = windowBoundary ? { info: resetSigningInfo(current, vote.address, ctx.height), indices: NONE } : { info: current, indices: before };
        const outcome = trackVote(validator, start, vote, { params, ctx, maxMissed });
        events.push(...outcome.events);
        infos.push(outcome.info);
        if (!sameIndices(before, outcome.indices))
            bits.push({ address: vote.address, indices: outcome.indices });
    }
    if (infos.length > 0) {
        const updated = bits.length > 0 ? { type: 'SigningInfosUpdated', cause: 'last_commit', infos, missedBlocks: bits } : { type: 'SigningInfosUpdated', cause: 'last_commit', infos };
        events.push(updated);
    }
    return events;
}
const NONE = [];
function sameIndices(a, b) {
    return a === b || (a.length === b.length && a.every((index, i) => index === b[i]));
}
function trackVote(validator, { info, indices }, vote, { params, ctx, maxMissed }) {
    const index = info.indexOffset;
    const previous = indices.includes(index);
    let missed = info.missedBlocksCounter;
    let after = indices;
    if (!previous && !vote.signed) {
        after = [...indices, index].sort((a, b) => a - b);
        missed += 1;
    }
    else if (previous && vote.signed) {
        after = indices.filter((i) => i !== index);
        missed -= 1;
    }
    const tracked = { ...info, missedBlocksCounter: missed, indexOffset: index + 1 };
    if (BigInt(missed) <= maxMissed)
        return { events: [], info: tracked, indices: after };
    const events = [];
    const plan = planSlash({
        validator,
        reason: 'downtime',
        infractionHeight: ctx.height - DOWNTIME_INFRACTION_OFFSET,
        height: ctx.height,
        power: vote.power,
        fraction: params.slashFractionDowntime,
        stakeMinimumUpokt: params.stakeMinimumUpokt,
    });
    if (plan !== undefined)
        events.push(...plan.events);
    const jailedUntilNs = ctx.timeNs + params.downtimeJailDurationNs;
    const slashed = plan?.after ?? validator;
    // JailValidator: no-op for an already jailed (e.g. just forced out) or Unstaked validator.
    if (!slashed.jailed && slashed.status !== StakeStatus.Unstaked) {
        const jailed = { type: 'NodeJailed', address: validator.address, reason: 'downtime', signedBlocksWindow: params.signedBlocksWindow, missed, maxMissed, jailedUntilNs };
        events.push(jailed);
    }
    // The reset and the bit clearing happen whether or not JailValidator was a no-op (slash.go:282-289).
    return { events, info: { ...resetSigningInfo(info, validator.address, ctx.height), jailedUntilNs }, indices: NONE };
}
//# sourceMappingURL=downtime.js.map