import { clearMissedBlocks, newSigningInfo, resetSigningInfo } from './state.js';
/** The SigningInfoSet that follows a nodes stake event, or none. */
export function signingInfoAfterStake(view, event, height) {
    const current = view.slashing.signingInfos.get(event.address);
    if (event.type === 'NodeStaked')
        return current === undefined ? { type: 'SigningInfoSet', cause: 'node_staked', info: newSigningInfo(event.address, height) } : undefined;
    // The old record is deleted first (valStateChanges.go:361), so the reset starts from none.
    const edited = { type: 'SigningInfoSet', cause: 'stake_edited', info: resetSigningInfo(undefined, event.address, height) };
    const cleared = clearMissedBlocks(view.slashing.missedBlocks.get(event.address), event.address);
    return cleared === undefined ? edited : { ...edited, missedBlocks: cleared };
}
/** The events with a SigningInfoSet inserted after each stake event that calls for one. */
export function withStakeSigningInfo(view, events, height) {
    const out = [];
    for (const event of events) {
        out.push(event);
        if (event.type !== 'NodeStaked' && event.type !== 'NodeStakeEdited')
            continue;
        const follow = signingInfoAfterStake(view, event, height);
        if (follow !== undefined)
            out.push(follow);
    }
    return out;
}
//# sourceMappingURL=stake-signing-info.js.map