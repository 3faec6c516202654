/**
 * Node unstaking (PROTOCOL §1.2, §6.4, §6.6), every feature active:
 *
 * - MsgBeginUnstake (x/nodes/handler.go:112-147): no record → pos:101; the message's signer is
 *   neither operator nor output → pos:125; not Staked → pos:110. Jailed validators may unstake
 *   ([NCUST]). Effect: join the waiting set only (NodeUnstakeRequested).
 * - Session end, EndBlock with h mod BlocksPerSession = 0 (ReleaseWaitingValidators,
 *   valStateChanges.go:401-444), before the validator-set update: each waiting validator in
 *   address order that is still Staked starts unstaking — status Unstaking, out of the power and
 *   chain indexes, unstaking time = block time + pos/UnstakingTime — and the set is emptied.
 * - Every EndBlock, after the validator-set update (unstakeAllMatureValidators,
 *   x/nodes/keeper/valUnstaked.go:149-174): every Unstaking validator whose unstaking time ≤ the
 *   block time gets all its tokens back (output address, else operator) and its record deleted.
 * - Force unstake (ForceValidatorUnstake, valStateChanges.go:550-572): jail + waiting set; the
 *   stake is refunded through the steps above. `planForceUnstake` is the primitive slashing and
 *   the jailed-blocks counter call.
 *
 * Worked timeline (BlocksPerSession 4, UnstakingTime 1 h, 15-minute blocks): BeginUnstake in
 * block 5 → waiting; block 8 (8 mod 4 = 0, time T8) → Unstaking, unstaking time T8 + 1 h; the
 * validator left the set at block 8; block 12 (time T8 + 1 h) → tokens returned, record gone.
 *
 * Difference (PROTOCOL §12.2 item 24): pocket-core stops releasing for the block when a waiting
 * address has no record (GetWaitingValidators returns early); we drop that entry and go on.
 */
import type { BlockContext, TxContext } from '../../core/block-context.js';
import { accepted, rejected, type Outcome } from '../../core/outcome.js';
import { rejection } from '../../core/rejection.js';
import { type BeginUnstakeNodeMessage, POS } from '../../messages/index.js';
import type { PosParams } from '../../params/params.js';
import type { ReadonlyTable } from '../../state/table.js';
import { primaryRecipient } from './reward-split.js';
import type {
  NodeForceUnstakeQueued,
  NodeStakingEvent,
  NodeUnstakeRequested,
} from './events.js';
import { isOperatorOrOutput } from './staking.js';
import { StakeStatus, type Validator, type WaitingReason } from './state.js';
import type { UnstakingQueueView } from './unstaking-queue.js';

export interface NodesUnstakingView {
  readonly nodes: {
    readonly validators: ReadonlyTable<Validator>;
    readonly waitingValidators: ReadonlyTable<WaitingReason>;
    readonly unstakingQueue: UnstakingQueueView;
  };
}

export function decideBeginUnstakeNode(state: Pick<NodesUnstakingView, 'nodes'>, msg: BeginUnstakeNodeMessage, ctx: Pick<TxContext, 'signer'>): Outcome<NodeUnstakeRequested> {
  void ctx; // pocket-core checks the message's signer field; the ante handler tied it to the tx signer's set
  const validator = state.nodes.validators.get(msg.validatorAddress);
  if (validator === undefined) return rejected(rejection(POS.validator_not_found, `validator ${msg.validatorAddress} does not exist`));
  if (!isOperatorOrOutput(validator, msg.signerAddress)) {
    return rejected(rejection(POS.signer_not_operator_or_output, `signer ${msg.signerAddress} is neither the operator nor the output address`));
  }
  if (validator.status !== StakeStatus.Staked) return rejected(rejection(POS.invalid_validator_status, `validator ${validator.address} is not staked`));
  return accepted({ type: 'NodeUnstakeRequested', address: validator.address, signer: msg.signerAddress, reason: 'begin_unstake_message' });
}

/** Is this block the last of its session (the one that releases waiting validators)? */
export function isSessionEnd(height: number, blocksPerSession: bigint): boolean {
  return blocksPerSession > 0n && BigInt(height) % blocksPerSession === 0n;
}

/** EndBlock step: at session end, start unstaking every waiting validator still Staked. */
export function releaseWaitingValidators(state: NodesUnstakingView, params: PosParams, ctx: BlockContext): NodeStakingEvent[] {
  if (!isSessionEnd(ctx.height, params.blocksPerSession)) return [];
  const events: NodeStakingEvent[] = [];
  for (const [address, waitingReason] of state.nodes.waitingValidators.sortedEntries()) {
    const validator = state.nodes.validators.get(address);
    if (validator === undefined) {
      events.push({ type: 'NodeUnstakeWaitDropped', address: address as Validator['address'], reason: 'validator_not_found' });
    } else if (validator.status !== StakeStatus.Staked) {
      events.push({ type: 'NodeUnstakeWaitDropped', address: validator.address, reason: 'not_staked' });
    } else {
      // BeginUnstakingValidator sets the time only if unset (valStateChanges.go:437-439); a
      // Staked validator never has one, so this is block time + UnstakingTime.
      const unstakingTimeNs = validator.unstakingTimeNs ?? ctx.timeNs + params.unstakingTimeNs;
      events.push({ type: 'NodeUnstakingStarted', address: validator.address, tokensUpokt: validator.tokensUpokt, unstakingTimeNs, waitingReason });
    }
  }
  return events;
}

/** EndBlock step: return the stake of every validator whose unstaking time has come. */
export function unstakeMatureValidators(state: NodesUnstakingView, ctx: BlockContext): NodeStakingEvent[] {
  const events: NodeStakingEvent[] = [];
  for (const address of state.nodes.unstakingQueue.matured(ctx.timeNs)) {
    const validator = state.nodes.validators.get(address);
    if (validator === undefined || validator.status !== StakeStatus.Unstaking) continue;
    events.push({
      type: 'NodeUnstaked',
      address: validator.address,
      recipient: primaryRecipient(validator),
      amountUpokt: validator.tokensUpokt,
      unstakingTimeNs: validator.unstakingTimeNs ?? 0n,
    });
  }
  return events;
}

/**
 * The force-unstake primitive (post-[NCUST] ForceValidatorUnstake): for slashing below the
 * minimum (`stake_below_minimum`, with the validator as it is AFTER the slash) and for the
 * jailed-blocks counter (`max_jailed_blocks`). JailValidator jails only a validator that is not
 * already jailed and not Unstaked (valStateChanges.go:575-603); the waiting entry is added in
 * every case. Returns no event for a validator that does not exist (pocket-core logs and moves on).
 */
export function planForceUnstake(validator: Validator | undefined, reason: NodeForceUnstakeQueued['reason']): NodeForceUnstakeQueued[] {
  if (validator === undefined) return [];
  const jails = !validator.jailed && validator.status !== StakeStatus.Unstaked;
  return [{ type: 'NodeForceUnstakeQueued', address: validator.address, reason, jails, tokensUpokt: validator.tokensUpokt }];
}

/**
 * Slashing's follow-up rule (slash.go:105-146 / simpleSlash 44-79): after a burn leaves the
 * validator below pos/StakeMinimum, force it to unstake. `validatorAfterSlash` is the record with
 * the burn applied. Example: StakeMinimum 15,000 POKT, tokens 15,000.5 POKT, burn 1 POKT →
 * 14,999.5 POKT < minimum → NodeForceUnstakeQueued(stake_below_minimum).
 */
export function forceUnstakeIfBelowMinimum(validatorAfterSlash: Validator | undefined, params: Pick<PosParams, 'stakeMinimumUpokt'>): NodeForceUnstakeQueued[] {
  if (validatorAfterSlash === undefined || validatorAfterSlash.tokensUpokt >= params.stakeMinimumUpokt) return [];
  return planForceUnstake(validatorAfterSlash, 'stake_below_minimum');
}
