/**
 * The jailed-blocks counter (EndBlock, first step; IncrementJailedValidators,
 * x/nodes/keeper/valStateChanges.go:605-648; PROTOCOL §6.7): every EndBlock, each jailed
 * validator's `jailed_blocks_counter` grows by one; once it exceeds MaxJailedBlocks the
 * validator is forced out (post-[NCUST] ForceValidatorUnstake: jail no-op + waiting set; its
 * stake is refunded through normal unstaking at the next session end) and, as in pocket-core,
 * the incremented counter is not saved.
 *
 * Worked example (MaxJailedBlocks 3): jailed in block 10's BeginBlock → counters 1, 2, 3 at the
 * EndBlocks of 10, 11, 12; at block 13's EndBlock 4 > 3 → NodeForceUnstakeQueued
 * (max_jailed_blocks); the session-end EndBlock starts its unstaking.
 *
 * Differences from pocket-core, each without effect on balances or the validator set:
 * - pocket re-adds the validator to the waiting set every block until the session ends; we add
 *   it once (no event while it already waits);
 * - a jailed validator that is no longer Staked (already Unstaking) is not queued: the session
 *   end would drop it from the waiting set unchanged anyway (ReleaseWaitingValidators).
 * A jailed validator without signing info counts from a fresh record (start = h), which is
 * saved like any other (pocket-core does the same).
 *
 * Params: current (after this block's txs), as pocket-core's EndBlock reads them.
 */
import type { BlockContext } from '../../core/block-context.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { resetSigningInfo, type SigningInfo } from './state.js';
import type { SigningInfosUpdated } from './events.js';
import { type NodeForceUnstakeQueued, StakeStatus, type Validator, planForceUnstake } from '../nodes/index.js';

export interface JailedCounterView {
  readonly nodes: {
    readonly validators: ReadonlyTable<Validator>;
    readonly waitingValidators: ReadonlyTable<unknown>;
  };
  readonly slashing: { readonly signingInfos: ReadonlyTable<SigningInfo> };
}

export function incrementJailedBlocks(state: JailedCounterView, params: PosParams, ctx: BlockContext): Array<SigningInfosUpdated | NodeForceUnstakeQueued> {
  const jailed: Validator[] = [];
  for (const validator of state.nodes.validators.unorderedValues()) if (validator.jailed) jailed.push(validator);
  if (jailed.length === 0) return [];
  // DEV_NOTE: determinism — table iteration order depends on history; sort by address.
  jailed.sort((a, b) => (a.address < b.address ? -1 : a.address > b.address ? 1 : 0));
  const infos: SigningInfo[] = [];
  const forced: NodeForceUnstakeQueued[] = [];
  for (const validator of jailed) {
    const current = state.slashing.signingInfos.get(validator.address) ?? resetSigningInfo(undefined, validator.address, ctx.height);
    const counter = current.jailedBlocksCounter + 1;
    if (BigInt(counter) <= params.maxJailedBlocks) {
      infos.push({ ...current, jailedBlocksCounter: counter });
      continue;
    }
    if (validator.status !== StakeStatus.Staked || state.nodes.waitingValidators.has(validator.address)) continue;
    forced.push(...planForceUnstake(validator, 'max_jailed_blocks'));
  }
  const events: Array<SigningInfosUpdated | NodeForceUnstakeQueued> = [...forced];
  if (infos.length > 0) events.push({ type: 'SigningInfosUpdated', cause: 'jailed_blocks', infos });
  return events;
}
