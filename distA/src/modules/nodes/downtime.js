import { maxMissedBlocks, resetSigningInfo } from './signing-info.js';
import { planSlash } from './slashing.js';
import { StakeStatus } from './state.js';
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
    for (const vote of ctx.lastCommit) {
        const validator = state.pos.validators.get(vote.address);
        if (validator === undefined)
            continue;
        const current = state.pos.signingInfos.get(vote.address);
        if (current === undefined) {
            infos.push(resetSigningInfo(undefined, vote.address, ctx.height));
            continue;
        }
        const outcome = trackVote(validator, windowBoundary ? resetSigningInfo(current, vote.address, ctx.height) : current, vote, { params, ctx, maxMissed });
        events.push(...outcome.events);
        infos.push(outcome.info);
    }
    if (infos.length > 0) {
        const updated = { type: 'SigningInfosUpdated', height: ctx.height, cause: 'last_commit', infos };
        events.push(updated);
    }
    return events;
}
function trackVote(validator, info, vote, { params, ctx, maxMissed }) {
    const missed = info.missedBlocksCounter + (vote.signed ? 0 : 1);
    const tracked = { ...info, missedBlocksCounter: missed, indexOffset: info.indexOffset + 1 };
    if (BigInt(missed) <= maxMissed)
        return { events: [], info: tracked };
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
    const after = plan?.after ?? validator;
    // JailValidator: no-op for an already jailed (e.g. just forced out) or Unstaked validator.
    if (!after.jailed && after.status !== StakeStatus.Unstaked) {
        const jailed = { type: 'NodeJailed', address: validator.address, reason: 'downtime', signedBlocksWindow: params.signedBlocksWindow, missed, maxMissed, jailedUntilNs };
        events.push(jailed);
    }
    return { events, info: { ...resetSigningInfo(info, validator.address, ctx.height), jailedUntilNs } };
}
//# sourceMappingURL=downtime.js.map