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
 * written except empty repeated ones).
 *
 * txRoot = RFC 6962 Merkle tree hash over the tx hashes, as Tendermint's Txs.Hash():
 *   leaf = SHA-256(0x00 ‖ SHA-256(tx)), node = SHA-256(0x01 ‖ left ‖ right), split at the largest
 *   power of two below n; an empty block's root is SHA-256("").
 */
import { hash as nodeHash } from 'node:crypto';
import protobuf from 'protobufjs/minimal.js';
import { bytesToHex, mustHexToBytes } from '../../../../src/core/hex.js';
import type { CommitVote, DuplicateVoteEvidence, Vote } from '../../../../src/core/block-context.js';
import type { Address, PublicKeyHex } from '../../../../src/core/types.js';
import { sha256 } from '../../../../src/crypto/hash.js';

const { Reader, Writer } = protobuf;

export type { CommitVote, DuplicateVoteEvidence, Vote } from '../../../../src/core/block-context.js';

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

function writeVote(writer: protobuf.Writer, vote: Vote, withSignature: boolean): protobuf.Writer {
  writer.uint32(8).int64(String(vote.height)).uint32(16).int32(vote.round).uint32(26).bytes(mustHexToBytes(vote.blockHash));
  writer.uint32(32).int64(vote.timestampNs.toString()).uint32(42).bytes(mustHexToBytes(vote.validatorAddress));
  if (withSignature) writer.uint32(50).bytes(vote.signature);
  return writer;
}

/** The bytes a validator signs for a vote: chain id, then the vote without its signature. */
export function voteSignBytes(chainId: string, vote: Vote): Uint8Array {
  const writer = Writer.create().uint32(10).string(chainId);
  writer.uint32(18).fork();
  writeVote(writer, vote, false).ldelim();
  return writer.finish();
}

export function encodeHeader(header: BlockHeader): Uint8Array {
  const w = Writer.create();
  w.uint32(10).string(header.chainId);
  w.uint32(16).int64(String(header.height));
  w.uint32(24).int64(header.timeNs.toString());
  w.uint32(34).bytes(mustHexToBytes(header.prevBlockHash));
  w.uint32(42).bytes(mustHexToBytes(header.proposer));
  for (const vote of header.lastCommit) {
    w.uint32(50).fork().uint32(10).bytes(mustHexToBytes(vote.address)).uint32(16).int64(vote.power.toString()).uint32(24).bool(vote.signed).ldelim();
  }
  for (const evidence of header.evidence) {
    w.uint32(58).fork().uint32(10).bytes(mustHexToBytes(evidence.publicKey));
    w.uint32(18).fork();
    writeVote(w, evidence.voteA, true).ldelim();
    w.uint32(26).fork();
    writeVote(w, evidence.voteB, true).ldelim();
    w.ldelim();
  }
  w.uint32(66).bytes(mustHexToBytes(header.txRoot));
  w.uint32(74).bytes(mustHexToBytes(header.appHash));
  return w.finish();
}

export function blockHash(header: BlockHeader): string {
  return bytesToHex(sha256(encodeHeader(header)));
}

export function encodeBlock(block: Block): Uint8Array {
  const w = Writer.create().uint32(10).bytes(encodeHeader(block.header));
  for (const tx of block.txs) w.uint32(18).bytes(tx);
  return w.finish();
}

/** Thrown for bytes that are not a block this ledger wrote: the log is corrupt or foreign. */
export class BlockDecodeError extends Error {
  override readonly name = 'BlockDecodeError';
}

const hex = (bytes: Uint8Array): string => bytesToHex(bytes);

function readVote(reader: protobuf.Reader, end: number): Vote {
  let height = 0;
  let round = 0;
  let blockHashHex = '';
  let timestampNs = 0n;
  let validatorAddress = '';
  let signature: Uint8Array = new Uint8Array(0);
  while (reader.pos < end) {
    const tag = reader.uint32();
    switch (tag) {
      case 8: height = Number(String(reader.int64())); break;
      case 16: round = reader.int32(); break;
      case 26: blockHashHex = hex(reader.bytes()); break;
      case 32: timestampNs = BigInt(String(reader.int64())); break;
      case 42: validatorAddress = hex(reader.bytes()); break;
      case 50: signature = reader.bytes(); break;
      default: throw new BlockDecodeError(`unexpected vote field tag ${tag}`);
    }
  }
  return { height, round, blockHash: blockHashHex, timestampNs, validatorAddress: validatorAddress as Address, signature };
}

export function decodeHeader(bytes: Uint8Array): BlockHeader {
  const reader = Reader.create(bytes);
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
  while (reader.pos < reader.len) {
    const tag = reader.uint32();
    switch (tag) {
      case 10: header.chainId = reader.string(); break;
      case 16: header.height = Number(String(reader.int64())); break;
      case 24: header.timeNs = BigInt(String(reader.int64())); break;
      case 34: header.prevBlockHash = hex(reader.bytes()); break;
      case 42: header.proposer = hex(reader.bytes()) as Address; break;
      case 50: {
        const end = reader.uint32() + reader.pos;
        let address = '';
        let power = 0n;
        let signed = false;
        while (reader.pos < end) {
          const field = reader.uint32();
          if (field === 10) address = hex(reader.bytes());
          else if (field === 16) power = BigInt(String(reader.int64()));
          else if (field === 24) signed = reader.bool();
          else throw new BlockDecodeError(`unexpected commit vote field tag ${field}`);
        }
        header.lastCommit.push({ address: address as Address, power, signed });
        break;
      }
      case 58: {
        const end = reader.uint32() + reader.pos;
        let publicKey = '';
        let voteA: Vote | undefined;
        let voteB: Vote | undefined;
        while (reader.pos < end) {
          const field = reader.uint32();
          if (field === 10) publicKey = hex(reader.bytes());
          else if (field === 18) voteA = readVote(reader, reader.uint32() + reader.pos);
          else if (field === 26) voteB = readVote(reader, reader.uint32() + reader.pos);
          else throw new BlockDecodeError(`unexpected evidence field tag ${field}`);
        }
        if (voteA === undefined || voteB === undefined) throw new BlockDecodeError('evidence without two votes');
        header.evidence.push({ publicKey: publicKey as PublicKeyHex, voteA, voteB });
        break;
      }
      case 66: header.txRoot = hex(reader.bytes()); break;
      case 74: header.appHash = hex(reader.bytes()); break;
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
  try {
    const reader = Reader.create(bytes);
    let headerBytes: Uint8Array | undefined;
    const txs: Uint8Array[] = [];
    while (reader.pos < reader.len) {
      const tag = reader.uint32();
      if (tag === 10) headerBytes = reader.bytes();
      else if (tag === 18) txs.push(reader.bytes());
      else throw new BlockDecodeError(`unexpected block field tag ${tag}`);
    }
    if (headerBytes === undefined) throw new BlockDecodeError('block without header');
    return { block: { header: decodeHeader(headerBytes), txs }, headerBytes };
  } catch (error) {
    if (error instanceof BlockDecodeError) throw error;
    throw new BlockDecodeError(`malformed block: ${error instanceof Error ? error.message : String(error)}`);
  }
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

