/**
 * Blocks: the log's unit. A block is a header plus raw pocket-core tx bytes, in order.
 *
 * Header fields (inputs of the state machine, as Tendermint hands them to pocket-core):
 * chain id, height, time (ns), previous block hash, proposer, the previous block's commit
 * (every validator of the previous set, its power and whether it signed — downtime tracking),
 * double-sign evidence, the tx root, and the app hash (state root after the previous block).
 *
 * Block hash (the ONE definition, used wherever a block hash seeds something — session keys,
 * the proof index seed, the proposer lottery, the next header's prev_block_hash):
 *   blockHash = SHA-256(encodeHeader(header))       (32 bytes, shown as lower-case hex)
 * encodeHeader is the deterministic protobuf encoding below (fields in number order, every field
 * written except empty repeated ones), with the project's field-numbered writer/reader
 * (src/wire/proto-writer.ts, proto-reader.ts) like the tx codec:
 *   BlockHeader { 1 chain_id string, 2 height int64, 3 time_ns int64, 4 prev_block_hash bytes,
 *     5 proposer bytes, 6 last_commit CommitVote*, 7 evidence DuplicateVoteEvidence*,
 *     8 tx_root bytes, 9 app_hash bytes }
 *   CommitVote { 1 address bytes, 2 power int64, 3 signed bool }
 *   DuplicateVoteEvidence { 1 public_key bytes, 2 vote_a Vote, 3 vote_b Vote }
 *   Vote { 1 height int64, 2 round int32, 3 block_hash bytes, 4 timestamp_ns int64,
 *     5 validator_address bytes, 6 signature bytes }
 *   Block { 1 header bytes (the encoded BlockHeader), 2 txs bytes* }
 *   vote sign bytes: { 1 chain_id string, 2 vote Vote without its signature }
 *
 * txRoot = RFC 6962 Merkle tree hash over the tx hashes, as Tendermint's Txs.Hash():
 *   leaf = SHA-256(0x00 ‖ SHA-256(tx)), node = SHA-256(0x01 ‖ left ‖ right), split at the largest
 *   power of two below n; an empty block's root is SHA-256("").
 */
import { hash as nodeHash } from 'node:crypto';
import { bytesEqual, bytesToHex } from '../core/hex.js';
import type { CommitVote, DuplicateVoteEvidence, Vote } from '../core/block-context.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import { sha256 } from '../crypto/hash.js';
import { ProtoReader, ProtoWriter } from '../wire/index.js';

export type { CommitVote, DuplicateVoteEvidence, Vote } from '../core/block-context.js';

export interface BlockHeader {
  readonly chainId: string;
  readonly height: number;
  readonly timeNs: bigint;
  /** Hex; 64 zeros for height 1. */
  readonly prevBlockHash: string;
  readonly proposer: Address;
  readonly lastCommit: readonly CommitVote[];
  readonly evidence: readonly DuplicateVoteEvidence[];
  readonly txRoot: string;
  /** State root after the previous block (hex). */
  readonly appHash: string;
}

export interface Block {
  readonly header: BlockHeader;
  readonly txs: readonly Uint8Array[];
}

export const ZERO_HASH = '0'.repeat(64);

function writeVote(w: ProtoWriter, vote: Vote, withSignature: boolean): void {
  w.varintAlways(1, vote.height).varintAlways(2, vote.round).hexAlways(3, vote.blockHash);
  w.varintAlways(4, vote.timestampNs).hexAlways(5, vote.validatorAddress);
  if (withSignature) w.bytesAlways(6, vote.signature);
}

/** The bytes a validator signs for a vote: chain id, then the vote without its signature. */
export function voteSignBytes(chainId: string, vote: Vote): Uint8Array {
  return new ProtoWriter().stringAlways(1, chainId).message(2, (w) => writeVote(w, vote, false)).finish();
}

export function encodeHeader(header: BlockHeader): Uint8Array {
  const w = new ProtoWriter('gogoproto', 256);
  w.stringAlways(1, header.chainId).varintAlways(2, header.height).varintAlways(3, header.timeNs);
  w.hexAlways(4, header.prevBlockHash).hexAlways(5, header.proposer);
  for (const vote of header.lastCommit) {
    w.message(6, (v) => v.hexAlways(1, vote.address).varintAlways(2, vote.power).boolAlways(3, vote.signed));
  }
  for (const evidence of header.evidence) {
    w.message(7, (e) => {
      e.hexAlways(1, evidence.publicKey);
      e.message(2, (v) => writeVote(v, evidence.voteA, true));
      e.message(3, (v) => writeVote(v, evidence.voteB, true));
    });
  }
  return w.hexAlways(8, header.txRoot).hexAlways(9, header.appHash).finish();
}

export function blockHash(header: BlockHeader): string {
  return bytesToHex(sha256(encodeHeader(header)));
}

/**
 * A stored block's header bytes if they are its header's canonical encoding, else undefined —
 * one encoding, compared byte for byte (equal bytes, equal hash), which the caller may hand on to
 * applyBlock (ApplyOptions.headerBytes) instead of encoding the header again.
 */
export function canonicalHeaderBytes(stored: Pick<DecodedBlock, 'headerBytes' | 'block'>): Uint8Array | undefined {
  const encoded = encodeHeader(stored.block.header);
  return bytesEqual(encoded, stored.headerBytes) ? encoded : undefined;
}

export function encodeBlock(block: Block): Uint8Array {
  const headerBytes = encodeHeader(block.header);
  // Capacity: the payloads plus at most 1 tag byte and a 5-byte length each (no regrowth).
  const capacity = block.txs.reduce((sum, tx) => sum + tx.byteLength + 6, headerBytes.byteLength + 6);
  const w = new ProtoWriter('gogoproto', capacity).bytesAlways(1, headerBytes);
  for (const tx of block.txs) w.bytesAlways(2, tx);
  return w.finish();
}

/** Thrown for bytes that are not a block this ledger wrote: the log is corrupt or foreign. */
export class BlockDecodeError extends Error {
  override readonly name = 'BlockDecodeError';
}

/**
 * Decode the ledger's own bytes with the tx reader (ProtoReader), mapping its WireError to a
 * BlockDecodeError. A field's tag is compared as one number, `field << 3 | wire type` (10 =
 * field 1 bytes, 16 = field 2 varint, …): a known field with another wire type is an unknown
 * tag, and unknown tags are refused (the ledger wrote every byte; anything else is corruption).
 */
export function decodingLedgerBytes<T>(what: string, decode: () => T): T {
  try {
    return decode();
  } catch (error) {
    if (error instanceof BlockDecodeError) throw error;
    throw new BlockDecodeError(`malformed ${what}: ${error instanceof Error ? error.message : String(error)}`);
  }
}

/** The next field's tag as one number (see decodingLedgerBytes). */
export function tagOf(reader: ProtoReader): number {
  const { fieldNumber, wireType } = reader.tag();
  return fieldNumber * 8 + wireType;
}

/** A container field: bounded by the bytes that hold it, not by the tx field limit. */
export const CONTAINER_FIELD_LIMIT = Number.POSITIVE_INFINITY;

const hexField = (reader: ProtoReader, field: string): string => bytesToHex(reader.bytes(field, CONTAINER_FIELD_LIMIT));

function readVote(reader: ProtoReader): Vote {
  let height = 0;
  let round = 0;
  let blockHashHex = '';
  let timestampNs = 0n;
  let validatorAddress = '';
  let signature: Uint8Array = new Uint8Array(0);
  while (!reader.done()) {
    const tag = tagOf(reader);
    switch (tag) {
      case 8: height = Number(reader.int64()); break;
      case 16: round = reader.uint32() | 0; break; // int32: the low 32 bits, signed
      case 26: blockHashHex = hexField(reader, 'block_hash'); break;
      case 32: timestampNs = reader.int64(); break;
      case 42: validatorAddress = hexField(reader, 'validator_address'); break;
      case 50: signature = reader.bytes('signature', CONTAINER_FIELD_LIMIT); break;
      default: throw new BlockDecodeError(`unexpected vote field tag ${tag}`);
    }
  }
  return { height, round, blockHash: blockHashHex, timestampNs, validatorAddress: validatorAddress as Address, signature };
}

function readCommitVote(reader: ProtoReader): CommitVote {
  let address = '';
  let power = 0n;
  let signed = false;
  while (!reader.done()) {
    const field = tagOf(reader);
    if (field === 10) address = hexField(reader, 'address');
    else if (field === 16) power = reader.int64();
    else if (field === 24) signed = reader.uint64() !== 0n;
    else throw new BlockDecodeError(`unexpected commit vote field tag ${field}`);
  }
  return { address: address as Address, power, signed };
}

function readEvidence(reader: ProtoReader): DuplicateVoteEvidence {
  let publicKey = '';
  let voteA: Vote | undefined;
  let voteB: Vote | undefined;
  while (!reader.done()) {
    const field = tagOf(reader);
    if (field === 10) publicKey = hexField(reader, 'public_key');
    else if (field === 18) voteA = readVote(reader.embedded('vote_a', 'Vote'));
    else if (field === 26) voteB = readVote(reader.embedded('vote_b', 'Vote'));
    else throw new BlockDecodeError(`unexpected evidence field tag ${field}`);
  }
  if (voteA === undefined || voteB === undefined) throw new BlockDecodeError('evidence without two votes');
  return { publicKey: publicKey as PublicKeyHex, voteA, voteB };
}

export function decodeHeader(bytes: Uint8Array): BlockHeader {
  return decodingLedgerBytes('block header', () => readHeader(ProtoReader.of(bytes, 'BlockHeader')));
}

function readHeader(reader: ProtoReader): BlockHeader {
  const header: { -readonly [K in keyof BlockHeader]: BlockHeader[K] } & { lastCommit: CommitVote[]; evidence: DuplicateVoteEvidence[] } = {
    chainId: '',
    height: 0,
    timeNs: 0n,
    prevBlockHash: '',
    proposer: '' as Address,
    lastCommit: [],
    evidence: [],
    txRoot: '',
    appHash: '',
  };
  while (!reader.done()) {
    const tag = tagOf(reader);
    switch (tag) {
      case 10: header.chainId = reader.string('chain_id'); break;
      case 16: header.height = Number(reader.int64()); break;
      case 24: header.timeNs = reader.int64(); break;
      case 34: header.prevBlockHash = hexField(reader, 'prev_block_hash'); break;
      case 42: header.proposer = hexField(reader, 'proposer') as Address; break;
      case 50: header.lastCommit.push(readCommitVote(reader.embedded('last_commit', 'CommitVote'))); break;
      case 58: header.evidence.push(readEvidence(reader.embedded('evidence', 'DuplicateVoteEvidence'))); break;
      case 66: header.txRoot = hexField(reader, 'tx_root'); break;
      case 74: header.appHash = hexField(reader, 'app_hash'); break;
      default: throw new BlockDecodeError(`unexpected header field tag ${tag}`);
    }
  }
  return header;
}

export interface DecodedBlock {
  readonly block: Block;
  /** The exact header bytes (hash these, never a re-encoding). */
  readonly headerBytes: Uint8Array;
}

export function decodeBlock(bytes: Uint8Array): DecodedBlock {
  return decodingLedgerBytes('block', () => {
    const reader = ProtoReader.of(bytes, 'Block');
    let headerBytes: Uint8Array | undefined;
    const txs: Uint8Array[] = [];
    while (!reader.done()) {
      const tag = tagOf(reader);
      if (tag === 10) headerBytes = reader.bytes('header', CONTAINER_FIELD_LIMIT);
      else if (tag === 18) txs.push(reader.bytes('txs', CONTAINER_FIELD_LIMIT));
      else throw new BlockDecodeError(`unexpected block field tag ${tag}`);
    }
    if (headerBytes === undefined) throw new BlockDecodeError('block without header');
    return { block: { header: readHeader(ProtoReader.of(headerBytes, 'BlockHeader')), txs }, headerBytes };
  });
}

/** RFC 6962 Merkle tree hash over tx hashes (Tendermint Txs.Hash); see the file header. */
export function txRoot(txs: readonly Uint8Array[]): string {
  return txRootFromHashes(txs.map((tx) => sha256(tx)));
}

/** The same root from the txs' SHA-256 hashes (already computed when the txs were decoded). */
export function txRootFromHashes(hashes: readonly Uint8Array[]): string {
  const leaf = Buffer.alloc(33); // 0x00 ‖ hash, reused (the hash reads its input at once)
  return rootFromLeaves(
    hashes.map((hash) => {
      leaf.set(hash, 1);
      return nodeHash('sha256', leaf, 'binary');
    }),
  );
}

/** The same root from the upper- or lower-case hex tx hashes (PreparedTx.hash). */
export function txRootFromHexHashes(hashes: readonly string[]): string {
  const leaf = Buffer.alloc(33);
  return rootFromLeaves(
    hashes.map((hash) => {
      leaf.write(hash, 1, 32, 'hex');
      return nodeHash('sha256', leaf, 'binary');
    }),
  );
}

/**
 * Leaves then levels, bottom-up. RFC 6962 splits at the largest power of two below n; pairing
 * left to right and carrying an odd last node up unchanged builds the same tree.
 * PERF: digests travel as 32-character latin1 ('binary') strings: node:crypto returns a string
 * ~3× faster than a Buffer, and the bytes hashed are the same.
 */
function rootFromLeaves(leaves: readonly string[]): string {
  if (leaves.length === 0) return bytesToHex(sha256(new Uint8Array(0)));
  let level = leaves;
  const pair = Buffer.alloc(65);
  pair[0] = 1;
  while (level.length > 1) {
    const next: string[] = [];
    for (let i = 0; i + 1 < level.length; i += 2) {
      pair.write(level[i]!, 1, 32, 'latin1');
      pair.write(level[i + 1]!, 33, 32, 'latin1');
      next.push(nodeHash('sha256', pair, 'binary'));
    }
    if (level.length % 2 === 1) next.push(level[level.length - 1]!);
    level = next;
  }
  return Buffer.from(level[0]!, 'latin1').toString('hex');
}

