/**
 * How many tx bytes fit in the next block: pocketcore/BlockByteSize (default 4,000,000, the
 * consensus block.max_bytes of mainnet, PROTOCOL §2.3/§2.6) bounds the whole encoded block —
 * header (with the last commit and evidence) plus every tx with its protobuf framing
 * (chain/block.ts encodeBlock: tag byte, varint length, bytes).
 *
 * Worked example: a 4,000,000-byte limit, a 300-byte header (tag + 2-byte length → 303 bytes),
 * 250-byte txs (tag + 2-byte length → 253 bytes each): (4,000,000 − 303) / 253 = 15,809 txs.
 */
import { encodeHeader } from '../chain/block.js';
import { buildBlock } from '../chain/producer.js';
export const DEFAULT_BLOCK_BYTES = 4_000_000;
export function varintLength(value) {
    let length = 1;
    while (value >= 0x80) {
        value = Math.floor(value / 128);
        length++;
    }
    return length;
}
/** Bytes a tx adds to the encoded block (field tag, length, bytes). */
export function txFramedBytes(tx) {
    return 1 + varintLength(tx.byteLength) + tx.byteLength;
}
export function blockMaxBytes(state) {
    const limit = state.params().pocketcore.blockByteSize;
    return limit > 0n ? Number(limit) : DEFAULT_BLOCK_BYTES;
}
/** Tx bytes (framed) available in the next block, whose header has this time. */
export function txBudgetBytes(state, timeNs) {
    const empty = buildBlock(state, { timeNs, txs: [] });
    const header = encodeHeader(empty.header).byteLength;
    return Math.max(0, blockMaxBytes(state) - (1 + varintLength(header) + header));
}
/** The longest prefix (FIFO) of `items` whose framed bytes fit the budget. */
export function prefixWithinBudget(items, bytesOf, budgetBytes, maxCount = Number.MAX_SAFE_INTEGER) {
    const chosen = [];
    let used = 0;
    for (const item of items) {
        const size = txFramedBytes(bytesOf(item));
        if (chosen.length >= maxCount || used + size > budgetBytes)
            break;
        chosen.push(item);
        used += size;
    }
    return chosen;
}
//# sourceMappingURL=block-budget.js.map