/**
 * What a stake does to the signing info, decided from the state before the stake's events apply
 * and carried by a SigningInfoSet event right after the nodes event (chain/router.ts), so the
 * slashing evolver only writes what the event says:
 *
 *   NodeStaked       → a fresh record starting at this block, if the validator has none
 *                      (valStateChanges.go:312-321: a record kept from an earlier life stays as it is)
 *   NodeStakeEdited  → a NEW record: start height = this block, jailed_until = Go's zero time,
 *                      counters 0, missed bits cleared. EditStakeValidator deletes the validator
 *                      (valStateChanges.go:361 → DeleteValidator, validator.go:116-121, which
 *                      deletes the signing info too) before saving it again, so the
 *                      ResetValidatorSigningInfo that follows (valStateChanges.go:366-370) finds
 *                      no record and creates one (signing_info.go:41-48), then clears the bits
 *                      (signing_info.go:51). Whatever the old record held is gone — including a
 *                      downtime jail's jailed_until: a jailed node that edits its stake may
 *                      unjail at once (pocket-core oddity, followed; docs/protocol-choices.md).
 *
 * Worked example (DowntimeJailDuration 3600 s): jailed by downtime at T → jailed_until T + 3600 s;
 * edit stake at T + 60 s (block h) → {start h, jailed_until zero time, counters 0}; an Unjail at
 * T + 120 s is accepted (zero time is before any block time) instead of pos:104.
 *
 * A new stake does not touch the missed bits: a record deleted with an earlier life left them
 * (state.ts) and they are read again from index 0.
 *
 * nodes never imports slashing; the chain composes the two (the same order as pocket-core's
 * keeper calls within one handler).
 */
import type { ReadonlyTable } from '../../state/table.js';
import type { NodeStaked, NodeStakeEdited } from '../nodes/index.js';
import type { SigningInfoSet } from './events.js';
import { clearMissedBlocks, newSigningInfo, resetSigningInfo, type MissedBlocks, type SigningInfo } from './state.js';

export interface StakeSigningInfoView {
  readonly slashing: { readonly signingInfos: ReadonlyTable<SigningInfo>; readonly missedBlocks: ReadonlyTable<MissedBlocks> };
}

/** The SigningInfoSet that follows a nodes stake event, or none. */
export function signingInfoAfterStake(view: StakeSigningInfoView, event: NodeStaked | NodeStakeEdited, height: number): SigningInfoSet | undefined {
  const current = view.slashing.signingInfos.get(event.address);
  if (event.type === 'NodeStaked') return current === undefined ? { type: 'SigningInfoSet', cause: 'node_staked', info: newSigningInfo(event.address, height) } : undefined;
  // The old record is deleted first (valStateChanges.go:361), so the reset starts from none.
  const edited: SigningInfoSet = { type: 'SigningInfoSet', cause: 'stake_edited', info: resetSigningInfo(undefined, event.address, height) };
  const cleared = clearMissedBlocks(view.slashing.missedBlocks.get(event.address), event.address);
  return cleared === undefined ? edited : { ...edited, missedBlocks: cleared };
}

/** The events with a SigningInfoSet inserted after each stake event that calls for one. */
export function withStakeSigningInfo<E extends { readonly type: string }>(view: StakeSigningInfoView, events: readonly E[], height: number): Array<E | SigningInfoSet> {
  const out: Array<E | SigningInfoSet> = [];
  for (const event of events) {
    out.push(event);
    if (event.type !== 'NodeStaked' && event.type !== 'NodeStakeEdited') continue;
    const follow = signingInfoAfterStake(view, event as unknown as NodeStaked | NodeStakeEdited, height);
    if (follow !== undefined) out.push(follow);
  }
  return out;
}
