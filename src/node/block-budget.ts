/**
 * How many tx bytes fit in the next block, and how much evidence: Tendermint's consensus block
 * size limit, Block.MaxBytes (chain/consensus-params.ts: the genesis doc's
 * consensus_params.block.max_bytes, then each changed pocketcore/BlockByteSize of at least
 * 4,000,000 that pocket-core's EndBlock hands over, x/pocketcore/keeper/keeper.go:67-104 — a
 * smaller one is ignored, PROTOCOL §2.3/§2.6), bounds the block's bytes as the reducer counts them
 * (chain/block-size.ts; refused over it: `block_too_large`): the header — with the last commit
 * and EVERY piece of evidence the block carries — plus every tx with its protobuf framing (tag
 * byte, varint length, bytes). So the budget is measured on the very header the block will have:
 * the plan's time, commit signatures, proposer round and evidence, with no txs (the tx root is a
 * fixed 32 bytes, so adding txs never changes the header's size). A block filled to the budget is
 * exactly at the limit, never over it (test/unit/node/block-budget.test.ts, maximum-size commit
 * and evidence). Evidence is taken first, as Tendermint's proposer does (PendingEvidence before
 * ReapMaxBytesMaxGas, state/execution.go:106-112 at 59310158d3e9), at most MaxEvidencePerBlock pieces
 * (evidenceWithinLimit; refused over it: `evidence_overflow`).
 *
 * Worked example (chain/block-size.ts): a 4,000,000-byte limit, a 184-byte header (tag + 2-byte
 * length → 187 bytes), 250-byte txs (tag + 2-byte length → 253 bytes each): (4,000,000 − 187) /
 * 253 = 15,809 txs. The same block with two pieces of evidence (301 bytes each with framing): a
 * 786-byte header, 789 framed → (4,000,000 − 789) / 253 = 15,807 txs. A later ParamChange of
 * BlockByteSize to 3,000 leaves it so.
 */
import { framedBytes, maxEvidencePerBlock } from '../chain/block-size.js';
import { encodeHeader } from '../chain/block.js';
import { consensusBlockMaxBytes } from '../chain/consensus-params.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { buildBlock, type BlockPlan } from '../chain/producer.js';
import type { DuplicateVoteEvidence } from '../core/block-context.js';

export { txFramedBytes, varintLength } from '../chain/block-size.js';

/** Block.MaxBytes of the next block (at most Tendermint's 104,857,600: a safe number). */
export function blockMaxBytes(state: LedgerState): number {
  return Number(consensusBlockMaxBytes(state));
}

/** The next block's plan without its txs: what its header's size depends on. */
export type HeaderPlan = Omit<BlockPlan, 'txs' | 'txHashes'>;

/**
 * The next block's header alone is larger than Block.MaxBytes: no block can be built at this
 * height, and none ever will — the limit changes only in a block's EndBlock, and nothing but a
 * block shrinks the header (its last commit, proposer, height and a fixed-width time). Tendermint's
 * proposer panics there (types/block.go:282-288 MaxDataBytes, fork 59310158d3e9); the node
 * refuses to start on such a chain, or stops producing for good, saying it once (block-producer.ts).
 */
export class BlockLimitBelowHeaderError extends Error {
  override readonly name = 'BlockLimitBelowHeaderError';
  readonly code = 'block_limit_below_header';
  constructor(readonly context: { readonly height: number; readonly max_bytes: number; readonly header_bytes: number }) {
    super(
      `block ${context.height} cannot be built: its header alone is ${context.header_bytes} bytes, more than the chain's Block.MaxBytes ${context.max_bytes} ` +
        "(the genesis file's consensus_params.block.max_bytes, or a BlockByteSize pocket-core handed over); only a block can change that limit, so this chain cannot go on " +
        '— start one from a genesis with a larger max_bytes',
    );
  }
}

/** The next block's header under `plan`: its height and its framed bytes in the block. */
function nextHeader(state: LedgerState, plan: HeaderPlan): { readonly height: number; readonly framedBytes: number } {
  const { header } = buildBlock(state, { ...plan, txs: [] });
  return { height: header.height, framedBytes: framedBytes(encodeHeader(header).byteLength) };
}

/**
 * Tx bytes (framed) available in the next block, whose header follows `plan` (a time alone: every
 * validator signed, round 0, no evidence — the node's blocks). 0 when the header alone does not
 * fit: such a block is refused whatever its txs.
 */
export function txBudgetBytes(state: LedgerState, plan: HeaderPlan): number {
  return Math.max(0, blockMaxBytes(state) - nextHeader(state, plan).framedBytes);
}

/**
 * txBudgetBytes of a block about to be built: a header that alone does not fit is
 * BlockLimitBelowHeaderError instead of a budget of 0 (the block would be refused,
 * `block_too_large`, and so would every retry). Example (chain/block-size.ts): a 184-byte header
 * (187 framed) under a limit of 693 → 506; under 100 → block_limit_below_header.
 */
export function buildableTxBudgetBytes(state: LedgerState, plan: HeaderPlan): number {
  const maxBytes = blockMaxBytes(state);
  const header = nextHeader(state, plan);
  if (header.framedBytes > maxBytes) throw new BlockLimitBelowHeaderError({ height: header.height, max_bytes: maxBytes, header_bytes: header.framedBytes });
  return maxBytes - header.framedBytes;
}

/** The first MaxEvidencePerBlock(Block.MaxBytes) of `evidence` (chain/block-size.ts), as Tendermint's PendingEvidence(maxNum). */
export function evidenceWithinLimit(state: LedgerState, evidence: readonly DuplicateVoteEvidence[]): readonly DuplicateVoteEvidence[] {
  const max = Number(maxEvidencePerBlock(consensusBlockMaxBytes(state)));
  return evidence.length <= max ? evidence : evidence.slice(0, max);
}

/** The longest prefix (FIFO) of `items` whose framed bytes fit the budget. */
export function prefixWithinBudget<T>(items: readonly T[], bytesOf: (item: T) => Uint8Array, budgetBytes: number, maxCount = Number.MAX_SAFE_INTEGER): T[] {
  const chosen: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = framedBytes(bytesOf(item).byteLength);
    if (chosen.length >= maxCount || used + size > budgetBytes) break;
    chosen.push(item);
    used += size;
  }
  return chosen;
}
