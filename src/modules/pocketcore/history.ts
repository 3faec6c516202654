/**
 * How far back pocketcore reads committed state, and so how much history the store must keep.
 *
 * Reads "as of" an earlier height (validators, applications, params, the chain index):
 * - a NEW claim at height h reads its session start SBH and end SBH + BPS − 1; it is accepted
 *   only while h ≤ SBH + CSW·BPS, so SBH ≥ h − CSW·BPS;
 * - a PROOF reads its claim's SBH (params, application);
 * - the chain itself reads the validator set as of h − 2 (the proposer: the set that signs h) and
 *   h − 3 (the last commit: the set that signed h − 1) — Tendermint's two-block delay
 *   (nodes/validator-set.ts signingSetFor).
 *
 * The floor after block h (stored by the pocketcore EndBlock step, so every replay agrees):
 *   floor_h = max(floor_{h−1}, min(h + 1 − (CSW + 1)·BPS, oldest SBH of a live claim, h − 1))
 * (CSW and BPS: params at h). The extra session of margin keeps a claim that is a little late
 * answered with pocket-core's own code (pocketcore:69) rather than the pruned-context sdk:1.
 * After the commit the chain prunes history to min(floor, h − 2, h − 1 − maxEvidenceAgeBlocks) —
 * the last two are the chain's other look-backs, taken by block h + 1: its last-commit check reads
 * the validator set as of (h + 1) − 3 = h − 2, and double-sign evidence about height e the set
 * that signed e, as of e − 2, with e ≥ h + 1 − maxEvidenceAgeBlocks (slashing/double-sign.ts; 1
 * block at mainnet's 120 s) → as of h − 1 − maxEvidenceAgeBlocks or later. A read at the prune
 * height itself is answered (the last version at or before it is kept: state/table.ts). Claims
 * or proofs that would read below the floor get sdk:1 — what pocket-core answers when a pruned
 * IAVL version is asked for (ctx.PrevCtx fails). The floor never moves down (history cannot come
 * back); a governance change that widens the window therefore takes effect for sessions still
 * above the floor.
 *
 * Worked example (BPS 4, CSW 3): after block 40 with no live claims, floor = 41 − 16 = 25. A claim
 * for session 25 at height 41 reads heights 25 and 28 (both kept) and is answered 69 (window
 * closed at 37); a claim for session 21 gets sdk:1. A live claim of session 13 holds the floor at 13.
 */
import { maxEvidenceAgeBlocks } from '../slashing/index.js';
import type { PocketcoreEvent } from './events.js';
import { historyFloor, type PocketcoreView } from './view.js';

export function nextHistoryFloor(view: Pick<PocketcoreView, 'pocketcore' | 'params'>, height: number): number {
  const params = view.params();
  const window = Number((params.pocketcore.claimSubmissionWindow + 1n) * params.pos.blocksPerSession);
  let candidate = Math.min(height + 1 - window, height - 1);
  const oldestClaim = view.pocketcore.claimIndex.oldestSessionHeight();
  if (oldestClaim !== undefined) candidate = Math.min(candidate, oldestClaim);
  return Math.max(historyFloor(view), candidate, 0);
}

/** EndBlock step: advance the floor; forget settled-claim markers whose session fell below it. */
export function advanceHistoryFloor(view: Pick<PocketcoreView, 'pocketcore' | 'params'>, height: number): PocketcoreEvent[] {
  const previous = historyFloor(view);
  const floor = nextHistoryFloor(view, height);
  if (floor === previous) return [];
  const forgotten: string[] = [];
  for (const [key, settled] of view.pocketcore.settledClaims.sortedEntries()) if (settled.sessionHeight < floor) forgotten.push(key);
  return [{ type: 'HistoryFloorAdvanced', floor, forgottenSettledKeys: forgotten }];
}

/**
 * The height the store may prune history to after committing `height` (see the file header).
 * Example: floor 25, h 40, MaxEvidenceAge 3 h (12 blocks) → min(25, 38, 27) = 25.
 */
export function pruneHeight(view: Parameters<typeof historyFloor>[0], height: number, maxEvidenceAgeNs: bigint): number {
  const evidenceLookBack = height - 1 - maxEvidenceAgeBlocks(maxEvidenceAgeNs);
  return Math.max(0, Math.min(historyFloor(view), height - 2, evidenceLookBack));
}
