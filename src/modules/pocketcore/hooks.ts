/**
 * pocketcore Begin/EndBlock steps (PROTOCOL §6.3; x/pocketcore/module.go:99-113) and the
 * chain's after-commit hook.
 * - BeginBlock: delete every claim with expiration_height ≤ h (DeleteExpiredClaims) — before any
 *   tx of the block, so a proof never sees an expired claim.
 * - EndBlock (ledger): advance the history floor (history.ts). pocket-core's pocketcore EndBlock
 *   only submits off-chain claims/proofs and updates the block size, neither of which is state.
 * - After commit: remember the chain index of a session start; prune history to the floor (and
 *   no further than the chain's own look-backs, history.ts).
 */
import type { BlockContext } from '../../core/block-context.js';
import type { StateStore } from '../../state/store.js';
import type { PocketcoreEvent } from './events.js';
import { advanceHistoryFloor, pruneHeight } from './history.js';
import type { SessionCandidates } from './session-candidates.js';
import { isSessionStart } from './session-heights.js';
import { historyFloor, type PocketcoreView } from './view.js';

export function deleteExpiredClaims(view: Pick<PocketcoreView, 'pocketcore'>, ctx: Pick<BlockContext, 'height'>): PocketcoreEvent[] {
  const keys = view.pocketcore.claimIndex.expiredAt(ctx.height);
  if (keys.length === 0) return [];
  const claims = keys.map((key) => {
    const claim = view.pocketcore.claims.get(key)!;
    return { key, servicer: claim.servicer, sessionHeight: claim.header.sessionHeight, totalProofs: claim.totalProofs };
  });
  return [{ type: 'ClaimsExpired', claims }];
}

export function endBlockHistoryFloor(view: Pick<PocketcoreView, 'pocketcore' | 'params'>, ctx: Pick<BlockContext, 'height'>): PocketcoreEvent[] {
  return advanceHistoryFloor(view, ctx.height);
}

export interface AfterCommitState {
  readonly store: Pick<StateStore, 'pruneHistory'>;
  readonly pocketcore: Pick<PocketcoreView['pocketcore'], 'historyFloor'> & { readonly sessionCandidates: Pick<SessionCandidates, 'captureCommitted' | 'forgetBefore'> };
  params(): { readonly pos: { readonly blocksPerSession: bigint; readonly maxEvidenceAgeNs: bigint } };
}

/**
 * Right after block `height` committed: capture the chain index if `height` starts a session
 * (BPS in force at `height`), then prune history and memos below the floor.
 * DEV_NOTE: history is not part of the state root; pruning only bounds memory. Every read
 * stays at or above the floor (claim.ts, proof.ts, session-service.ts check it).
 */
export function afterCommit(state: AfterCommitState, height: number): void {
  if (isSessionStart(height, Number(state.params().pos.blocksPerSession))) state.pocketcore.sessionCandidates.captureCommitted(height);
  state.pocketcore.sessionCandidates.forgetBefore(historyFloor(state));
  state.store.pruneHistory(pruneHeight(state, height, state.params().pos.maxEvidenceAgeNs));
}
