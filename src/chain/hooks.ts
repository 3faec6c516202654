/**
 * The block lifecycle as ordered steps (PROTOCOL §0, §6.3): the header checks, then BeginBlock
 * (pos → application → pocketcore → gov), the txs, EndBlock in the same module order, the
 * commit, and the after-commit steps. Each BeginBlock/EndBlock step decides events from the
 * state as the previous steps left it (the chain applies a step's events before running the
 * next), exactly like pocket-core's sequential keeper calls. To add a step: write it in its
 * module (hooks.ts), export it from the module's index.ts, and list it here.
 */
import type { BlockContext } from '../core/block-context.js';
import { unstakeMatureApplications } from '../modules/apps/index.js';
import { payBlockReward, updateValidatorSet, releaseWaitingValidators, unstakeMatureValidators } from '../modules/nodes/index.js';
import { activateFeatureParams, upgradeHaltReason } from '../modules/gov/index.js';
import { burnApplicationStakes } from '../modules/policy/index.js';
import { handleValidatorSignatures, handleDoubleSignEvidence, incrementJailedBlocks, checkEvidence } from '../modules/slashing/index.js';
import { deleteExpiredClaims, endBlockHistoryFloor, afterCommit } from '../modules/pocketcore/index.js';
import { voteSignBytes, type Block } from './block.js';
import type { DomainEvent } from './events.js';
import { checkBlockSize, checkChainHeader, checkEvidenceAge, checkEvidenceCount, checkEvidenceNotCommitted, checkLastCommit, type BlockProblem } from './header-checks.js';
import type { LedgerState } from './ledger-state.js';
import type { PreparedTx } from './prepare.js';
import type { ReadonlyLedgerState } from './readonly.js';

export interface HookStep {
  /** "<module>.<what>", shown in receipts and traces. */
  readonly name: string;
  /** `blockEvents`: every event of this block applied before the step (BeginBlock, txs, earlier steps). */
  readonly run: (state: ReadonlyLedgerState, ctx: BlockContext, blockEvents: readonly DomainEvent[]) => readonly DomainEvent[];
}

export const BEGIN_BLOCK_STEPS: readonly HookStep[] = [
  { name: 'gov.activateFeatureParams', run: (state, ctx) => activateFeatureParams(state, ctx) },
  { name: 'nodes.payBlockReward', run: (state, ctx) => payBlockReward(state, state.params().pos, ctx) },
  { name: 'slashing.handleValidatorSignatures', run: (state, ctx) => handleValidatorSignatures(state, state.params().pos, ctx) },
  { name: 'slashing.handleDoubleSignEvidence', run: (state, ctx) => handleDoubleSignEvidence(state, state.params().pos, ctx) },
  { name: 'pocketcore.deleteExpiredClaims', run: (state, ctx) => deleteExpiredClaims(state, ctx) },
];

export const END_BLOCK_STEPS: readonly HookStep[] = [
  { name: 'slashing.incrementJailedBlocks', run: (state, ctx) => incrementJailedBlocks(state, state.params().pos, ctx) },
  { name: 'nodes.releaseWaitingValidators', run: (state, ctx) => releaseWaitingValidators(state, state.params().pos, ctx) },
  { name: 'nodes.updateValidatorSet', run: (state, ctx) => updateValidatorSet(state, state.params().pos, ctx) },
  { name: 'nodes.unstakeMatureValidators', run: (state, ctx) => unstakeMatureValidators(state, ctx) },
  { name: 'apps.unstakeMatureApplications', run: (state, ctx) => unstakeMatureApplications(state, ctx) },
  { name: 'policy.burnForRelayMint', run: (state, _ctx, events) => burnApplicationStakes(state, state.params().application.burnRate, events) },
  { name: 'pocketcore.advanceHistoryFloor', run: (state, ctx) => endBlockHistoryFloor(state, ctx) },
];

export interface HeaderCheck {
  readonly name: string;
  /**
   * The problem that makes `block` not a valid next block of `state`, or undefined. `blockBytes`:
   * the block's size (chain/block-size.ts), measured once by the reducer from the header it hashes.
   */
  readonly run: (state: LedgerState, block: Block, prepared: readonly PreparedTx[], blockBytes: number) => BlockProblem | undefined;
}

/** Run in order before anything is applied; the first problem rejects the block (BlockRejectedError). */
export const HEADER_CHECKS: readonly HeaderCheck[] = [
  // An upgrade to a version this ledger does not implement stops the chain here (gov/features.ts).
  { name: 'gov.upgradeHalt', run: (state, block) => haltProblem(upgradeHaltReason(state.params().gov.upgrade, block.header.height)) },
  // A block over Tendermint's Block.MaxBytes never reaches validation there: its decoding refuses it (block-size.ts).
  { name: 'chain.blockSize', run: (state, block, _prepared, blockBytes) => checkBlockSize(state, block, blockBytes) },
  { name: 'chain.header', run: (state, block, prepared) => checkChainHeader(state, block, prepared) },
  { name: 'chain.lastCommit', run: (state, block) => checkLastCommit(state, block) },
  // More evidence than MaxEvidencePerBlock(Block.MaxBytes) is refused before any is verified (state/validation.go:133-139 at 59310158d3e9).
  { name: 'chain.evidenceCount', run: (state, block) => checkEvidenceCount(state, block) },
  // Double-sign evidence must be valid (forged, identical or future votes: not a block of this chain).
  { name: 'slashing.checkEvidence', run: (_state, block) => checkEvidence(block.header.evidence, block.header.chainId, block.header.height, voteSignBytes) },
  // Evidence older than Tendermint's Evidence.MaxAge is refused (its VerifyEvidence; chain/consensus-params.ts).
  { name: 'chain.evidenceAge', run: (state, block) => checkEvidenceAge(state, block) },
  // Evidence an earlier block committed is refused (Tendermint's IsCommitted): one slash per double sign.
  { name: 'chain.evidenceNotCommitted', run: (state, block) => checkEvidenceNotCommitted(state, block) },
];

function haltProblem(reason: string | undefined): BlockProblem | undefined {
  return reason === undefined ? undefined : { code: 'upgrade_required', message: reason };
}

export interface AfterCommitStep {
  readonly name: string;
  /** Derived memos and history pruning; never changes the committed state or its root. */
  readonly run: (state: LedgerState, height: number) => void;
}

export const AFTER_COMMIT_STEPS: readonly AfterCommitStep[] = [
  // Session-start chain-index memo + history pruning to pocketcore's floor (modules/pocketcore/history.ts).
  { name: 'pocketcore.afterCommit', run: (state, height) => afterCommit(state, height) },
];
