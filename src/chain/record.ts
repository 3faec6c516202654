/**
 * What one block-log record holds (the log itself stores opaque bytes, src/log):
 *
 *   ChainRecord { block (the block's own bytes: header + txs), stateRootAfter, writeSet,
 *                 invalidSignatures }
 *
 * - block: the input. Everything else in the ledger is derived from the sequence of these.
 * - stateRootAfter: the state root the producer computed after applying this block. The next
 *   block's header carries it as app_hash; storing it here lets replay check the tip too.
 * - writeSet: a compact digest of the entries this block changed — for each, 8 bytes of
 *   SHA-256(entry key) and 8 bytes of its leaf hash (zeros = deleted), sorted. Replay uses it
 *   only when a root mismatches, to name the entries that differ (derived, like the root).
 * - invalidSignatures: indices of the block's txs whose signature (checked against the public
 *   key the tx carries, chain/prepare.ts) did NOT verify when the block was produced. A block
 *   may hold such txs (a proposer is free to include them; they end with sdk:4 and change
 *   nothing), so a replay that trusts signatures (`--trust-signatures`) takes every verdict from
 *   here instead of assuming "valid". Derived like the root: a wrong list changes the replayed
 *   state and the root check catches it.
 *
 * Encoding (protobuf, fields in order, with the project's field-numbered writer/reader like the
 * tx codec): 1 block bytes, 2 state root (32 bytes), 3 write set (16·n bytes, written even when
 * empty), 4 invalid-signature tx indices (packed uint32 varints; omitted when none — records
 * written before this field existed decode with an empty list).
 */
import { hash as nodeHash } from 'node:crypto';
import { bytesToHex } from '../core/hex.js';
import { sha256 } from '../crypto/hash.js';
import { ProtoReader, ProtoWriter } from '../wire/index.js';
import { BlockDecodeError, CONTAINER_FIELD_LIMIT, decodeBlock, decodingLedgerBytes, tagOf, type DecodedBlock } from './block.js';

export const WRITE_SET_ENTRY_BYTES = 16;

export interface ChainRecord {
  readonly blockBytes: Uint8Array;
  /** Hex. */
  readonly stateRootAfter: string;
  readonly writeSet: Uint8Array;
  /** Ascending tx indices whose signature did not verify at production (see the header). */
  readonly invalidSignatures?: readonly number[];
}

export function encodeRecord(record: ChainRecord): Uint8Array {
  const invalid = record.invalidSignatures ?? [];
  // Capacity: the payloads plus at most 1 tag byte and a 5-byte length each (no regrowth).
  const capacity = record.blockBytes.byteLength + 32 + record.writeSet.byteLength + invalid.length * 5 + 24;
  return new ProtoWriter('gogoproto', capacity)
    .bytesAlways(1, record.blockBytes)
    .hexAlways(2, record.stateRootAfter)
    .bytesAlways(3, record.writeSet)
    .packedUint32(4, invalid)
    .finish();
}

export function decodeRecord(payload: Uint8Array, height?: number): ChainRecord & DecodedBlock & { readonly invalidSignatures: readonly number[] } {
  if (height === undefined) return decodeRecordBytes(payload);
  try {
    return decodeRecordBytes(payload);
  } catch (error) {
    if (!(error instanceof BlockDecodeError)) throw error;
    // The log's checksum held, so these are the bytes as written — by a faulty writer or another
    // program; `repair` (which cuts damaged frames) finds nothing to cut. Say where, and the way out.
    throw new BlockDecodeError(
      `the block-log record of height ${height} is not a block record (${error.message}); its checksum is intact, so it was written so: restore the data directory from a backup, or — unless it is the chain's first block, which every command reads to know the chain — keep the chain below it with \`pokt-ledger rollback --data DIR --to ${height - 1}\``,
    );
  }
}

function decodeRecordBytes(payload: Uint8Array): ChainRecord & DecodedBlock & { readonly invalidSignatures: readonly number[] } {
  let blockBytes: Uint8Array | undefined;
  let stateRootAfter = '';
  let writeSet: Uint8Array = new Uint8Array(0);
  const invalidSignatures: number[] = [];
  decodingLedgerBytes('record', () => {
    const reader = ProtoReader.of(payload, 'ChainRecord');
    while (!reader.done()) {
      const tag = tagOf(reader);
      if (tag === 10) blockBytes = reader.bytes('block', CONTAINER_FIELD_LIMIT);
      else if (tag === 18) stateRootAfter = bytesToHex(reader.bytes('state_root_after', CONTAINER_FIELD_LIMIT));
      else if (tag === 26) writeSet = reader.bytes('write_set', CONTAINER_FIELD_LIMIT);
      else if (tag === 34) {
        const packed = reader.embedded('invalid_signatures', 'InvalidSignatures');
        while (!packed.done()) invalidSignatures.push(packed.uint32());
      } else throw new BlockDecodeError(`unexpected record field tag ${tag}`);
    }
  });
  if (blockBytes === undefined || stateRootAfter.length !== 64 || writeSet.byteLength % WRITE_SET_ENTRY_BYTES !== 0) {
    throw new BlockDecodeError('record without block, 32-byte state root or whole write-set entries');
  }
  return { blockBytes, stateRootAfter, writeSet, invalidSignatures, ...decodeBlock(blockBytes) };
}

/** 8-byte key digest used in write sets (value-independent). */
export function entryKeyDigest(entryKey: string): string {
  return bytesToHex(sha256(entryKey).subarray(0, 8));
}

export function packWriteSet(writes: ReadonlyArray<{ readonly entryKey: string; readonly leaf: Uint8Array | undefined }>): Uint8Array {
  const entries = writes
    .map(({ entryKey, leaf }) => ({ key: sha256(entryKey).subarray(0, 8), leaf: leaf === undefined ? new Uint8Array(8) : leaf.subarray(0, 8) }))
    .sort((a, b) => Buffer.compare(a.key, b.key));
  const out = new Uint8Array(entries.length * WRITE_SET_ENTRY_BYTES);
  entries.forEach((entry, i) => {
    out.set(entry.key, i * WRITE_SET_ENTRY_BYTES);
    out.set(entry.leaf, i * WRITE_SET_ENTRY_BYTES + 8);
  });
  return out;
}

/**
 * packWriteSet from latin1 leaf digests (StateStore.lastWriteSetLatin1), the producer's hot
 * path: the same bytes, built from strings (node:crypto returns a latin1 string ~3× faster than
 * a Buffer; latin1 strings compare like their bytes, so the sort order is the same).
 */
export function packWriteSetLatin1(writes: { readonly entryKeys: readonly string[]; readonly leaves: ReadonlyArray<string | undefined> }): Uint8Array {
  const DELETED = '\u0000'.repeat(8);
  const entries = writes.entryKeys.map((entryKey, i) => {
    const leaf = writes.leaves[i];
    return (nodeHash('sha256', entryKey, 'binary') as string).slice(0, 8) + (leaf === undefined ? DELETED : leaf.slice(0, 8));
  });
  entries.sort((a, b) => {
    const x = a.slice(0, 8);
    const y = b.slice(0, 8);
    return x < y ? -1 : x > y ? 1 : 0;
  });
  return new Uint8Array(Buffer.from(entries.join(''), 'latin1'));
}

/** key digest (hex) → leaf digest (hex; 16 zeros = deleted). */
export function unpackWriteSet(writeSet: Uint8Array): Map<string, string> {
  const map = new Map<string, string>();
  for (let offset = 0; offset < writeSet.byteLength; offset += WRITE_SET_ENTRY_BYTES) {
    map.set(bytesToHex(writeSet.subarray(offset, offset + 8)), bytesToHex(writeSet.subarray(offset + 8, offset + 16)));
  }
  return map;
}
