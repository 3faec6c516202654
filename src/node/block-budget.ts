/**
 * How many tx bytes fit in the next block: Tendermint's consensus block size limit,
 * Block.MaxBytes (chain/consensus-params.ts: the genesis doc's consensus_params.block.max_bytes,
 * then each changed pocketcore/BlockByteSize of at least 4,000,000 that pocket-core's EndBlock
 * hands over, x/pocketcore/keeper/keeper.go:67-104 — a smaller one is ignored, PROTOCOL §2.3/§2.6),
 * bounds the whole encoded block — header (with the last commit and evidence) plus every tx with
 * its protobuf framing (chain/block.ts encodeBlock: tag byte, varint length, bytes).
 *
 * Worked example: a 4,000,000-byte limit, a 300-byte header (tag + 2-byte length → 303 bytes),
 * 250-byte txs (tag + 2-byte length → 253 bytes each): (4,000,000 − 303) / 253 = 15,809 txs.
 * A later ParamChange of BlockByteSize to 3,000 leaves it so: still 15,809 txs.
 */
import { encodeHeader } from '../chain/block.js';
import { consensusBlockMaxBytes } from '../chain/consensus-params.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { buildBlock } from '../chain/producer.js';

export function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Bytes a tx adds to the encoded block (field tag, length, bytes). */
export function txFramedBytes(tx: Uint8Array): number {
  return 1 + varintLength(tx.byteLength) + tx.byteLength;
}

/** Block.MaxBytes of the next block (at most Tendermint's 104,857,600: a safe number). */
export function blockMaxBytes(state: LedgerState): number {
  return Number(consensusBlockMaxBytes(state));
}

/** Tx bytes (framed) available in the next block, whose header has this time. */
export function txBudgetBytes(state: LedgerState, timeNs: bigint): number {
  const empty = buildBlock(state, { timeNs, txs: [] });
  const header = encodeHeader(empty.header).byteLength;
  return Math.max(0, blockMaxBytes(state) - (1 + varintLength(header) + header));
}

/** The longest prefix (FIFO) of `items` whose framed bytes fit the budget. */
export function prefixWithinBudget<T>(items: readonly T[], bytesOf: (item: T) => Uint8Array, budgetBytes: number, maxCount = Number.MAX_SAFE_INTEGER): T[] {
  const chosen: T[] = [];
  let used = 0;
  for (const item of items) {
    const size = txFramedBytes(bytesOf(item));
    if (chosen.length >= maxCount || used + size > budgetBytes) break;
    chosen.push(item);
    used += size;
  }
  return chosen;
}
