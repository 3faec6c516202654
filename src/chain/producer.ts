/**
 * Block production: turn the next txs into the next block of this chain.
 *
 * - Proposer: the ticket lottery (modules/nodes/proposer.ts) over the set that signs block h —
 *   the set after h−2, Tendermint's delay (`signingSetFor`, modules/nodes/validator-set.ts) —
 *   seeded with the previous block hash, round 0. The simulator may ask for a later round
 *   (an offline proposer), which reseeds the lottery.
 * - Last commit: every validator of the set that signed the previous block (the set after
 *   h−3: `lastCommitSetFor`), ascending address, with its power and whether it signed (default:
 *   all did).
 * - Txs and evidence: as given. The callers choose them within Tendermint's limits
 *   (node/block-budget.ts: the tx bytes the block's own header leaves under Block.MaxBytes, at
 *   most MaxEvidencePerBlock pieces of evidence); the reducer refuses a block over either.
 *
 * Pure: reads the state, returns a block; applying and appending it is the caller's job.
 */
import type { DuplicateVoteEvidence } from '../core/block-context.js';
import { invariant } from '../core/assert.js';
import { bytesToHex } from '../core/hex.js';
import type { Address } from '../core/types.js';
import { lastCommitSetFor, selectProposer, signingSetFor } from '../modules/nodes/index.js';
import { UpgradeRequiredError, upgradeHaltReason } from '../modules/gov/index.js';
import { txRoot, txRootFromHexHashes, ZERO_HASH, type Block } from './block.js';
import { CHAIN_META_KEY, heightKey } from '../state/chain-tables.js';
import type { LedgerState } from './ledger-state.js';

export interface BlockPlan {
  readonly timeNs: bigint;
  readonly txs: readonly Uint8Array[];
  /** Whether a validator of the previous block's set signed it (default: everyone signed). */
  readonly signed?: (address: Address) => boolean;
  readonly evidence?: readonly DuplicateVoteEvidence[];
  /** Tendermint round whose lottery picks the proposer (default 0). */
  readonly round?: number;
  /** The txs' hashes (hex, as PreparedTx.hash) when already computed: the tx root is built from them. */
  readonly txHashes?: readonly string[];
}

export class NoValidatorsError extends Error {
  override readonly name = 'NoValidatorsError';
}

export function buildBlock(state: LedgerState, plan: BlockPlan): Block {
  const meta = state.chain.meta.get(CHAIN_META_KEY);
  invariant(meta !== undefined, 'state without chain metadata');
  const height = meta.height + 1;
  const halt = upgradeHaltReason(state.params().gov.upgrade, height);
  if (halt !== undefined) throw new UpgradeRequiredError(halt);
  const prevBlockHash = height === 1 ? ZERO_HASH : state.chain.blockHashes.get(heightKey(height - 1));
  invariant(prevBlockHash !== undefined, () => `missing hash of block ${height - 1}`);
  const set = signingSetFor(state, height);
  if (set.length === 0) throw new NoValidatorsError(`no staked, unjailed validators in the set that signs block ${height} (the validator set two blocks earlier): the chain cannot produce it`);
  const proposer = selectProposer(set, prevBlockHash, BigInt(plan.round ?? 0));
  const lastCommit = lastCommitSetFor(state, height).map((member) => ({ address: member.address, power: member.power, signed: plan.signed?.(member.address) ?? true }));
  return {
    header: {
      chainId: meta.chainId,
      height,
      timeNs: plan.timeNs,
      prevBlockHash,
      proposer,
      lastCommit,
      evidence: plan.evidence ?? [],
      txRoot: plan.txHashes !== undefined && plan.txHashes.length === plan.txs.length ? txRootFromHexHashes(plan.txHashes) : txRoot(plan.txs),
      appHash: bytesToHex(state.store.root),
    },
    txs: plan.txs,
  };
}
