/**
 * Downtime (BeginBlock, x/nodes/keeper/abci.go:25-38 → handleValidatorSignature,
 * slash.go:231-293; PROTOCOL §6.5): for every vote of the previous block's commit — every
 * validator of the set that signed block h−1 (the set after h−3, Tendermint's delay:
 * nodes/validator-set.ts), with its power and whether it signed — in ascending address order.
 * A validator jailed in block h−1 or h−2 is still in that set and its vote is handled like any
 * other: pocket-core looks only for the record and the signing info, not at the jail, and
 * JailValidator is a no-op for it (valStateChanges.go:581-584):
 *
 *   1. no validator record → skip; no signing info → create one (start h), clear its missed
 *      bits (ResetValidatorSigningInfo) and skip;
 *   2. h mod SignedBlocksWindow == 0 → reset the window and clear the bits (a TUMBLING window);
 *   3. the bit at index_offset: unset and not signed → set it, missed_blocks_counter + 1; set and
 *      signed → clear it, counter − 1 (only a stale bit left by a deleted record can be set
 *      here: state.ts); otherwise nothing; index_offset + 1;
 *   4. missed > SignedBlocksWindow − MinBlocksSignedPerWindow → slash(power × SlashFractionDowntime),
 *      reset the window, clear the bits, jail, jailed_until = block time + DowntimeJailDuration.
 *
 * Worked example (mainnet genesis params: window 10, MinSignedPerWindow 0.60 → 4 misses
 * tolerated): a validator misses blocks 1..4 of a window → counter 4, still free; it misses a
 * 5th → 5 > 4 → slashed (power × 0.000001 × 10^6), jailed until t + 3600 s, counters reset.
 * Had the window boundary (h mod 10 == 0) come between the 4th and 5th miss, the counter would
 * have restarted at 0 and the 5th miss would count 1.
 *
 * Params: current (state after h−1), as pocket-core reads them at BeginBlock.
 * DEV_NOTE: determinism — votes are processed in the header's order (ascending address, checked
 * by the header check); one validator's outcome never depends on another's.
 */
import type { BlockContext, CommitVote } from '../../core/block-context.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { maxMissedBlocks, resetSigningInfo, type MissedBlocks, type MissedBlocksChange, type SigningInfo } from './state.js';
import type { NodeJailed, SigningInfosUpdated, SlashingEvent } from './events.js';
import { planSlash } from './slash.js';
import { type NodeForceUnstakeQueued, StakeStatus, type Validator } from '../nodes/index.js';

export interface DowntimeView {
  readonly nodes: { readonly validators: ReadonlyTable<Validator> };
  readonly slashing: { readonly signingInfos: ReadonlyTable<SigningInfo>; readonly missedBlocks: ReadonlyTable<MissedBlocks> };
}

type DowntimeEvent = SlashingEvent | NodeForceUnstakeQueued;

/** pocket's slashHeight for downtime: h − ValidatorUpdateDelay(1) − 1. */
const DOWNTIME_INFRACTION_OFFSET = 2;

export function handleValidatorSignatures(state: DowntimeView, params: PosParams, ctx: BlockContext): DowntimeEvent[] {
  if (ctx.lastCommit.length === 0) return [];
  const window = params.signedBlocksWindow;
  const maxMissed = maxMissedBlocks(window, params.minSignedPerWindow);
  const windowBoundary = BigInt(ctx.height) % window === 0n;
  const events: DowntimeEvent[] = [];
  const infos: SigningInfo[] = [];
  const bits: MissedBlocksChange[] = [];
  for (const vote of ctx.lastCommit) {
    const validator = state.nodes.validators.get(vote.address);
    if (validator === undefined) continue;
    const current = state.slashing.signingInfos.get(vote.address);
    const before = state.slashing.missedBlocks.get(vote.address)?.indices ?? NONE;
    if (current === undefined) {
      infos.push(resetSigningInfo(undefined, vote.address, ctx.height));
      if (before.length > 0) bits.push({ address: vote.address, indices: NONE });
      continue;
    }
    const start = windowBoundary ? { info: resetSigningInfo(current, vote.address, ctx.height), indices: NONE } : { info: current, indices: before };
    const outcome = trackVote(validator, start, vote, { params, ctx, maxMissed });
    events.push(...outcome.events);
    infos.push(outcome.info);
    if (!sameIndices(before, outcome.indices)) bits.push({ address: vote.address, indices: outcome.indices });
  }
  if (infos.length > 0) {
    const updated: SigningInfosUpdated = bits.length > 0 ? { type: 'SigningInfosUpdated', cause: 'last_commit', infos, missedBlocks: bits } : { type: 'SigningInfosUpdated', cause: 'last_commit', infos };
    events.push(updated);
  }
  return events;
}

const NONE: readonly number[] = [];

function sameIndices(a: readonly number[], b: readonly number[]): boolean {
  return a === b || (a.length === b.length && a.every((index, i) => index === b[i]));
}

interface VoteSettings {
  readonly params: PosParams;
  readonly ctx: BlockContext;
  readonly maxMissed: bigint;
}

interface Tracked {
  readonly info: SigningInfo;
  /** The set missed bits, ascending. */
  readonly indices: readonly number[];
}

function trackVote(validator: Validator, { info, indices }: Tracked, vote: CommitVote, { params, ctx, maxMissed }: VoteSettings): Tracked & { events: DowntimeEvent[] } {
  const index = info.indexOffset;
  const previous = indices.includes(index);
  let missed = info.missedBlocksCounter;
  let after = indices;
  if (!previous && !vote.signed) {
    after = [...indices, index].sort((a, b) => a - b);
    missed += 1;
  } else if (previous && vote.signed) {
    after = indices.filter((i) => i !== index);
    missed -= 1;
  }
  const tracked: SigningInfo = { ...info, missedBlocksCounter: missed, indexOffset: index + 1 };
  if (BigInt(missed) <= maxMissed) return { events: [], info: tracked, indices: after };
  const events: DowntimeEvent[] = [];
  const plan = planSlash({
    validator,
    reason: 'downtime',
    infractionHeight: ctx.height - DOWNTIME_INFRACTION_OFFSET,
    height: ctx.height,
    power: vote.power,
    fraction: params.slashFractionDowntime,
    stakeMinimumUpokt: params.stakeMinimumUpokt,
  });
  if (plan !== undefined) events.push(...plan.events);
  const jailedUntilNs = ctx.timeNs + params.downtimeJailDurationNs;
  const slashed = plan?.after ?? validator;
  // JailValidator: no-op for an already jailed (e.g. just forced out) or Unstaked validator.
  if (!slashed.jailed && slashed.status !== StakeStatus.Unstaked) {
    const jailed: NodeJailed = { type: 'NodeJailed', address: validator.address, reason: 'downtime', signedBlocksWindow: params.signedBlocksWindow, missed, maxMissed, jailedUntilNs };
    events.push(jailed);
  }
  // The reset and the bit clearing happen whether or not JailValidator was a no-op (slash.go:282-289).
  return { events, info: { ...resetSigningInfo(info, validator.address, ctx.height), jailedUntilNs }, indices: NONE };
}
