/**
 * JSON form of blocks and records for the committed codec vectors
 * (test/vectors/block-codec.protobufjs.json): bytes as hex, int64s as decimal strings.
 */
import type { Block, Vote } from '../../../src/chain/block.js';
import type { ChainRecord } from '../../../src/chain/record.js';
import { bytesToHex, mustHexToBytes } from '../../../src/core/hex.js';
import type { Address, PublicKeyHex } from '../../../src/core/types.js';

export interface VoteJson {
  readonly height: number;
  readonly round: number;
  readonly blockHash: string;
  readonly timestampNs: string;
  readonly validatorAddress: string;
  readonly signature: string;
}

export interface BlockJson {
  readonly header: {
    readonly chainId: string;
    readonly height: number;
    readonly timeNs: string;
    readonly prevBlockHash: string;
    readonly proposer: string;
    readonly lastCommit: ReadonlyArray<{ readonly address: string; readonly power: string; readonly signed: boolean }>;
    readonly evidence: ReadonlyArray<{ readonly publicKey: string; readonly voteA: VoteJson; readonly voteB: VoteJson }>;
    readonly txRoot: string;
    readonly appHash: string;
  };
  readonly txs: readonly string[];
}

export interface RecordJson {
  readonly blockBytes: string;
  readonly stateRootAfter: string;
  readonly writeSet: string;
  readonly invalidSignatures: readonly number[];
}

const voteToJson = (v: Vote): VoteJson => ({ ...v, timestampNs: String(v.timestampNs), signature: bytesToHex(v.signature) });
const voteFromJson = (v: VoteJson): Vote => ({ ...v, timestampNs: BigInt(v.timestampNs), validatorAddress: v.validatorAddress as Address, signature: mustHexToBytes(v.signature) });

export function blockToJson(block: Block): BlockJson {
  const h = block.header;
  return {
    header: {
      ...h,
      timeNs: String(h.timeNs),
      lastCommit: h.lastCommit.map((c) => ({ ...c, power: String(c.power) })),
      evidence: h.evidence.map((e) => ({ publicKey: e.publicKey, voteA: voteToJson(e.voteA), voteB: voteToJson(e.voteB) })),
    },
    txs: block.txs.map(bytesToHex),
  };
}

export function blockFromJson(json: BlockJson): Block {
  const h = json.header;
  return {
    header: {
      ...h,
      timeNs: BigInt(h.timeNs),
      proposer: h.proposer as Address,
      lastCommit: h.lastCommit.map((c) => ({ ...c, address: c.address as Address, power: BigInt(c.power) })),
      evidence: h.evidence.map((e) => ({ publicKey: e.publicKey as PublicKeyHex, voteA: voteFromJson(e.voteA), voteB: voteFromJson(e.voteB) })),
    },
    txs: json.txs.map(mustHexToBytes),
  };
}

export const recordToJson = (r: ChainRecord): RecordJson => ({
  blockBytes: bytesToHex(r.blockBytes),
  stateRootAfter: r.stateRootAfter,
  writeSet: bytesToHex(r.writeSet),
  invalidSignatures: [...(r.invalidSignatures ?? [])],
});

export const recordFromJson = (r: RecordJson): ChainRecord => ({
  blockBytes: mustHexToBytes(r.blockBytes),
  stateRootAfter: r.stateRootAfter,
  writeSet: mustHexToBytes(r.writeSet),
  invalidSignatures: r.invalidSignatures,
});
