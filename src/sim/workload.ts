/**
 * The simulator's extension point. Each capability contributes a Workload that, block by block,
 * proposes signed txs (valid ones and deliberately invalid ones, each with the outcome it
 * expects) and, optionally, block-level faults (offline validators, double-sign evidence).
 * The simulator (src/sim/simulator.ts) mixes workloads, drives the real producer and reducer —
 * nothing bypasses them — checks every expectation against the receipts and the invariants
 * after every block, and prints its seed on failure.
 *
 * Workloads read the state but never write it; their randomness comes only from `ctx.prng`
 * (seeded), so the same seed gives a byte-identical log.
 */
import type { DuplicateVoteEvidence } from '../core/block-context.js';
import type { Prng } from '../core/prng.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import type { ReadonlyLedgerState } from '../chain/readonly.js';
import type { WireMessage } from '../wire/index.js';

export interface SimKey {
  readonly seed: Uint8Array;
  readonly publicKey: PublicKeyHex;
  readonly address: Address;
}

export interface SignOptions {
  readonly feeUpokt?: bigint;
  readonly memo?: string;
  /** Sign for another chain id (to produce wrong-chain txs). */
  readonly chainId?: string;
}

export interface SimContext {
  readonly prng: Prng;
  /** State after the last block. Read only. */
  readonly state: ReadonlyLedgerState;
  /** Height of the block being prepared. */
  readonly height: number;
  readonly timeNs: bigint;
  readonly chainId: string;
  /** Keys the simulator created and funded at the start, by address (sorted list too). */
  readonly keys: ReadonlyMap<Address, SimKey>;
  readonly keyList: readonly SimKey[];
  /** A brand-new deterministic key (not funded). */
  newKey(label: string): SimKey;
  /** Sign a message (fresh entropy from the seeded stream; default fee 10,000 uPOKT). */
  sign(key: SimKey, msg: WireMessage, options?: SignOptions): Uint8Array;
}

/** What a proposed tx should come out as: 'ok', a 'codespace:code', or 'any' (racy by design). */
export type Expectation = 'ok' | 'any' | `${string}:${number}`;

export interface ProposedTx {
  readonly bytes: Uint8Array;
  readonly expect: Expectation;
  /** Short label for reports ("send/insufficient-funds"). */
  readonly label: string;
}

export interface BlockFaults {
  /** Validators of the previous block's set that did not sign it. */
  readonly offline?: ReadonlySet<Address>;
  readonly evidence?: readonly DuplicateVoteEvidence[];
}

export interface Workload {
  readonly name: string;
  /** Txs for the block at ctx.height, in submission order. */
  propose(ctx: SimContext): ProposedTx[];
  /** Block-level faults for the block at ctx.height. */
  faults?(ctx: SimContext): BlockFaults;
}
