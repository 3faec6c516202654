import { advanceHistoryFloor, pruneHeight } from './history.js';
import { isSessionStart } from './session-heights.js';
import { historyFloor } from './view.js';
export function deleteExpiredClaims(view, ctx) {
    const keys = view.pocketcore.claimIndex.expiredAt(ctx.height);
    if (keys.length === 0)
        return [];
    const claims = keys.map((key) => {
        const claim = view.pocketcore.claims.get(key);
        return { key, servicer: claim.servicer, sessionHeight: claim.header.sessionHeight, totalProofs: claim.totalProofs };
    });
    return [{ type: 'ClaimsExpired', claims }];
}
export function endBlockHistoryFloor(view, ctx) {
    return advanceHistoryFloor(view, ctx.height);
}
/**
 * Right after block `height` committed: capture the chain index if `height` starts a session
 * (BPS in force at `height`), then prune history and memos below the floor.
 * DEV_NOTE: history is not part of the state root; pruning only bounds memory. Every read
 * stays at or above the floor (claim.ts, proof.ts, session-service.ts check it).
 */
export function afterCommit(state, height) {
    if (isSessionStart(height, Number(state.params().pos.blocksPerSession)))
        state.pocketcore.sessionCandidates.captureCommitted(height);
    state.pocketcore.sessionCandidates.forgetBefore(historyFloor(state));
    state.store.pruneHistory(pruneHeight(state, height, state.params().pos.maxEvidenceAgeNs));
}
//# sourceMappingURL=hooks.js.map