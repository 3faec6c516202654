/**
 * The block lifecycle as ordered steps (PROTOCOL §0, §6.3): BeginBlock runs pos → application →
 * pocketcore → gov, then the txs, then EndBlock in the same module order. Each step decides
 * events from the state as the previous steps left it (the chain applies a step's events
 * before running the next), exactly like pocket-core's sequential keeper calls.
 */
import type { BlockContext } from '../core/block-context.js';
import { unstakeMatureApplications } from '../modules/apps/index.js';
import { payBlockReward, updateValidatorSet } from '../modules/nodes/index.js';
import { activateFeatureParams } from '../modules/gov/index.js';
import { burnApplicationStakes } from '../modules/policy/index.js';
import { handleValidatorSignatures } from '../modules/slashing/index.js';
import { handleDoubleSignEvidence } from '../modules/slashing/index.js';
import { incrementJailedBlocks } from '../modules/slashing/index.js';
import { releaseWaitingValidators, unstakeMatureValidators } from '../modules/nodes/index.js';
import { deleteExpiredClaims, endBlockHistoryFloor } from '../modules/pocketcore/index.js';
import type { DomainEvent } from './events.js';
import type { ReadonlyLedgerState } from './readonly.js';

export interface HookStep {
  /** "<module>.<what>", shown in receipts and traces. */
  readonly name: string;
  /** `blockEvents`: every event of this block applied before the step (BeginBlock, txs, earlier steps). */
  readonly run: (state: ReadonlyLedgerState, ctx: BlockContext, blockEvents: readonly DomainEvent[]) => readonly DomainEvent[];
}

export const BEGIN_BLOCK_STEPS: readonly HookStep[] = [
  { name: 'gov.activateFeatureParams', run: (state, ctx) => activateFeatureParams(state, ctx) },
  { name: 'pos.payBlockReward', run: (state, ctx) => payBlockReward(state, state.params().pos, ctx) },
  { name: 'pos.handleValidatorSignatures', run: (state, ctx) => handleValidatorSignatures(state, state.params().pos, ctx) },
  { name: 'pos.handleDoubleSignEvidence', run: (state, ctx) => handleDoubleSignEvidence(state, state.params().pos, ctx) },
  { name: 'pocketcore.deleteExpiredClaims', run: (state, ctx) => deleteExpiredClaims(state, ctx) },
];

export const END_BLOCK_STEPS: readonly HookStep[] = [
  { name: 'pos.incrementJailedBlocks', run: (state, ctx) => incrementJailedBlocks(state, state.params().pos, ctx) },
  { name: 'pos.releaseWaitingValidators', run: (state, ctx) => releaseWaitingValidators(state, state.params().pos, ctx) },
  { name: 'pos.updateValidatorSet', run: (state, ctx) => updateValidatorSet(state, state.params().pos, ctx) },
  { name: 'pos.unstakeMatureValidators', run: (state, ctx) => unstakeMatureValidators(state, ctx) },
  { name: 'application.unstakeMatureApplications', run: (state, ctx) => unstakeMatureApplications(state, ctx) },
  { name: 'application.burnForRelayMint', run: (state, ctx, events) => burnApplicationStakes(state, state.params().application.burnRate, ctx, events) },
  { name: 'pocketcore.advanceHistoryFloor', run: (state, ctx) => endBlockHistoryFloor(state, ctx) },
];
