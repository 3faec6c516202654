/**
 * What a stake does to the signing info, decided from the state before the stake's events apply
 * and carried by a SigningInfoSet event right after the nodes event (chain/router.ts), so the
 * slashing evolver only writes what the event says:
 *
 *   NodeStaked       → a fresh record starting at this block, if the validator has none
 *                      (valStateChanges.go:312-321: a record kept from an earlier life stays as it is)
 *   NodeStakeEdited  → the record with its counters reset (valStateChanges.go:366-370)
 *
 * nodes never imports slashing; the chain composes the two (the same order as pocket-core's
 * keeper calls within one handler).
 */
import type { ReadonlyTable } from '../../state/table.js';
import type { NodeStaked, NodeStakeEdited } from '../nodes/index.js';
import type { SigningInfoSet } from './events.js';
import { newSigningInfo, resetSigningInfo, type SigningInfo } from './state.js';

export interface StakeSigningInfoView {
  readonly slashing: { readonly signingInfos: ReadonlyTable<SigningInfo> };
}

/** The SigningInfoSet that follows a nodes stake event, or none. */
export function signingInfoAfterStake(view: StakeSigningInfoView, event: NodeStaked | NodeStakeEdited, height: number): SigningInfoSet | undefined {
  const current = view.slashing.signingInfos.get(event.address);
  if (event.type === 'NodeStaked') return current === undefined ? { type: 'SigningInfoSet', cause: 'node_staked', info: newSigningInfo(event.address, height) } : undefined;
  return { type: 'SigningInfoSet', cause: 'stake_edited', info: resetSigningInfo(current, event.address, height) };
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
