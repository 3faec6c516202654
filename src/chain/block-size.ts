/**
 * A block's size, as Tendermint's consensus block limit (Block.MaxBytes, chain/consensus-params.ts)
 * counts it in this ledger's encoding, and the evidence count that limit allows.
 *
 * The block's bytes are the length of its encoding, encodeBlock (chain/block.ts):
 *   Block { 1 header bytes (the encoded BlockHeader), 2 txs bytes* }
 * — the header's tag byte, its length varint and the encoded header (chain id, height, time,
 * previous hash, proposer, EVERY last-commit vote, EVERY piece of evidence, tx root, app hash),
 * then per tx its tag byte, its length varint and its bytes. Exactly the bytes a block-log record
 * keeps as its block (chain/record.ts field 1, ChainRecord.blockBytes). Not counted: the log's
 * frame (24-byte header, docs/block-log.md) and the record's framing of field 1 — storage, as
 * Tendermint's block store keeps its own — nor the record's other fields (state root after, write
 * set, invalid-signature indices): the producer derives them, they are not the block.
 *
 * Tendermint (the pokt-network fork at 59310158d3e9, pocket-core go.mod:5): a proposal's parts,
 * once complete, are decoded with UnmarshalBinaryLengthPrefixedReader(…, ConsensusParams.Block.MaxBytes)
 * (consensus/state.go:1705-1714), which refuses a block whose length-prefixed amino bytes — header,
 * Data.Txs, evidence, last commit: the whole block (types/block.go:187-193 MakePartSet) — exceed
 * MaxBytes (go-amino v0.15.1, the version pocket-core's go.mod:24 pins, amino.go:284-292).
 * No validator prevotes a block it cannot decode, so every committed
 * block fits the limit of its height; the blockchain reactor's fast sync bounds a message only by
 * 104,857,600 bytes (blockchain/v0/reactor.go:36-38, :398-399) but accepts only blocks that +2/3
 * committed. The reducer holds every block to the limit (header-checks.ts checkBlockSize).
 * The proposer fills a block to MaxDataBytes = MaxBytes − 11 − 653 (header) − 223 per validator
 * (commit) − 484 per evidence (types/block.go:275-292, state/execution.go:103-112); this ledger's
 * producer (node/block-budget.ts) leaves out exactly the bytes its own header takes.
 * What differs, deliberately: the encodings. Tendermint's header holds more hashes and a version,
 * its commit votes carry signatures, and amino prefixes the block with its length; the ledger's
 * header is smaller, so a block of the same txs is smaller here. Txs — what fills a block — are
 * framed alike (Data.Txs: key byte, uvarint length, bytes).
 *
 * Worked example (test/unit/chain/block-size.test.ts): block 2 of a one-validator test chain, no
 * evidence, two txs of 250 bytes. The header is 184 bytes: chain id "pokt-ledger-test" 18 (tag,
 * length, 16), height 2 (tag, 1-byte varint), time 10 (a 9-byte varint of nanoseconds this era), previous hash 34,
 * proposer 22, one commit vote 30 (tag, length, address 22, power 100,000 in 4, signed 2), tx
 * root 34, app hash 34. The block: 1 + 2 (184 ≥ 128: a 2-byte varint) + 184 = 187 for the header,
 * 1 + 2 + 250 = 253 per tx → 187 + 506 = 693 bytes. Under a Block.MaxBytes of 693 it is accepted;
 * of 692, refused (`block_too_large`). Each piece of evidence adds 301 (tag, a 2-byte length, the
 * 32-byte key framed in 34, two votes of 129 bytes framed in 132 each).
 */
import { encodeHeader, type Block, type DecodedBlock } from './block.js';

/** Bytes of a non-negative integer's varint. Example: 127 → 1, 128 → 2, 16,384 → 3. */
export function varintLength(value: number): number {
  let length = 1;
  while (value >= 0x80) {
    value = Math.floor(value / 128);
    length++;
  }
  return length;
}

/** Bytes a length-delimited field of `payloadBytes` takes in the block: tag byte, length varint, payload. */
export function framedBytes(payloadBytes: number): number {
  return 1 + varintLength(payloadBytes) + payloadBytes;
}

/** Bytes a tx adds to the encoded block (field tag, length, bytes). */
export function txFramedBytes(tx: Uint8Array): number {
  return framedBytes(tx.byteLength);
}

/** The block's bytes (see the header) from its encoded header's length and its txs: encodeBlock(block).byteLength, without encoding. */
export function encodedBlockBytes(headerBytes: number, txs: readonly Uint8Array[]): number {
  let bytes = framedBytes(headerBytes);
  for (const tx of txs) bytes += txFramedBytes(tx);
  return bytes;
}

/** The block's bytes (see the header). */
export function blockByteSize(block: Block): number {
  return encodedBlockBytes(encodeHeader(block.header).byteLength, block.txs);
}

/**
 * A stored block (a log record's block field, decoded) whose bytes are not exactly its canonical
 * encoding's length — padding such as a repeated header field or an over-long length decodes to
 * the same block, yet is bytes the size check above never counts: the two lengths, or undefined
 * when they agree. `verify` and `replay` refuse such a record (runtime/verify.ts, replay.ts).
 * Example: a block whose encoding is 693 bytes stored with 5,003 bytes of padding in front →
 * { stored: 5,696, canonical: 693 }.
 */
export function nonCanonicalBlockLength(stored: { readonly blockBytes: Uint8Array } & Pick<DecodedBlock, 'headerBytes' | 'block'>): { stored: number; canonical: number } | undefined {
  const canonical = encodedBlockBytes(stored.headerBytes.byteLength, stored.block.txs);
  return stored.blockBytes.byteLength === canonical ? undefined : { stored: stored.blockBytes.byteLength, canonical };
}

/** types/evidence.go:21 MaxEvidenceBytes (fork 59310158d3e9): the largest evidence, with amino overhead. */
export const TENDERMINT_MAX_EVIDENCE_BYTES = 484n;

/** types/evidence.go:194 MaxEvidenceBytesDenominator: evidence gets at most a tenth of the block. */
export const MAX_EVIDENCE_BYTES_DENOMINATOR = 10n;

/**
 * How many pieces of evidence a block may carry under Block.MaxBytes `maxBytes`: Tendermint's
 * MaxEvidencePerBlock (fork 59310158d3e9 types/evidence.go:197-206), maxBytes / 10 / 484 in integer
 * division, which validateBlock enforces (state/validation.go:133-139, ErrEvidenceOverflow) and the
 * proposer takes from its pool (state/execution.go:106-108 PendingEvidence(maxNum)).
 * Examples: 4,000,000 → 400,000 / 484 = 826; 8,000 → 800 / 484 = 1; 4,839 → 483 / 484 = 0
 * (no evidence at all under such a limit).
 */
export function maxEvidencePerBlock(maxBytes: bigint): bigint {
  return maxBytes / MAX_EVIDENCE_BYTES_DENOMINATOR / TENDERMINT_MAX_EVIDENCE_BYTES;
}
