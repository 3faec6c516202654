/**
 * What a block tells the state machine besides its txs — the only source of time, height and
 * randomness the reducer has (DEV_NOTE: never read a clock; block time is the time).
 */
import type { FeatureSet } from './features.js';
import type { Address, PublicKeyHex } from './types.js';

export interface CommitVote {
  readonly address: Address;
  readonly power: bigint;
  readonly signed: boolean;
}

export interface Vote {
  readonly height: number;
  readonly round: number;
  /** Hash of the block voted for (hex). */
  readonly blockHash: string;
  readonly timestampNs: bigint;
  readonly validatorAddress: Address;
  readonly signature: Uint8Array;
}

/** Two conflicting signed votes (same height and round, different block) by one key. */
export interface DuplicateVoteEvidence {
  readonly publicKey: PublicKeyHex;
  readonly voteA: Vote;
  readonly voteB: Vote;
}

export interface BlockContext {
  readonly chainId: string;
  readonly height: number;
  /** Block time, ns since the Unix epoch. */
  readonly timeNs: bigint;
  /** This block's hash (see chain/block.ts for the one definition). */
  readonly blockHash: string;
  readonly proposer: Address;
  /** Proposer of the previous block (paid at this block's BeginBlock), null at height 1. */
  readonly previousProposer: Address | null;
  /** The previous block's validator set and who signed it. */
  readonly lastCommit: readonly CommitVote[];
  readonly evidence: readonly DuplicateVoteEvidence[];
  /**
   * Protocol features (upgrade keys) NOT active at this block, read from gov/upgrade at its
   * start and again after a delivered Upgrade (modules/gov/features.ts); every other feature is
   * active (PROTOCOL §12.1).
   */
  readonly inactiveFeatures: FeatureSet;
}

/** A message's context: the block plus the tx it came in. */
export interface TxContext extends BlockContext {
  readonly txHash: string;
  readonly txIndex: number;
  /** Address of the key that signed the tx (post-NCUST: the fee payer). */
  readonly signer: Address;
  readonly signerPublicKey: PublicKeyHex;
}
