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
import type { TxCode } from '../core/codes.js';
import type { Prng } from '../core/prng.js';
import type { Address, PublicKeyHex } from '../core/types.js';
import type { ReadonlyLedgerState } from '../chain/readonly.js';
import type { WireMessage } from '../wire/index.js';

export type SimProfileName = 'dev' | 'mainnet' | 'mainnet-shaped';

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
  /** Make the signature with this key while the tx carries the signing key's public key (bad-signature txs). */
  readonly signWith?: SimKey;
}

export interface SimContext {
  readonly prng: Prng;
  /** State after the last block. Read only. */
  readonly state: ReadonlyLedgerState;
  /** Height of the block being prepared. */
  readonly height: number;
  readonly timeNs: bigint;
  readonly chainId: string;
  /** This workload's own funded accounts (no other workload signs for them), by address and as a list. */
  readonly keys: ReadonlyMap<Address, SimKey>;
  readonly keyList: readonly SimKey[];
  /** Validators the simulator staked in its genesis (keys held by the simulator). */
  readonly validatorKeys: readonly SimKey[];
  /** Applications the simulator staked in its genesis. */
  readonly appKeys: readonly SimKey[];
  /** 'dev' (short lifecycle timings) or 'mainnet' (the genesis params). */
  readonly profile: SimProfileName;
  /** The run's target number of txs per block for this workload (a hint; workloads may ignore it). */
  readonly txsPerBlock: number;
  /** The previous block's txs (for resubmission faults); empty at height 1. */
  readonly previousBlockTxs: readonly Uint8Array[];
  /** A brand-new deterministic key (not funded); the same label in the same block gives the same key. */
  newKey(label: string): SimKey;
  /** Sign a message (fresh entropy from the seeded stream; default fee 10,000 uPOKT). */
  sign(key: SimKey, msg: WireMessage, options?: SignOptions): Uint8Array;
}

/** What a proposed tx should come out as: 'ok', a registered 'codespace:code', or 'any' (racy by design). */
export type Expectation = 'ok' | 'any' | TxCode;

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
  /** Funded accounts this workload wants in the simulator's genesis (default: the run's setting). */
  readonly accounts?: number;
  /** Txs for the block at ctx.height, in submission order. */
  propose(ctx: SimContext): ProposedTx[];
  /** Block-level faults for the block at ctx.height. */
  faults?(ctx: SimContext): BlockFaults;
  /** Async work before `propose` at ctx.height (e.g. building evidence on worker threads); must not sign or draw from ctx.prng. */
  prepare?(ctx: SimContext): Promise<void>;
  /** Release threads or files at the end of a run. */
  close?(): Promise<void>;
}

/** What a workload factory may read: the run's seed and the manifest's shape settings. */
export interface WorkloadSettings {
  readonly seed: bigint;
  /** The mainnet-shaped profile's knobs (src/sim/mainnet/shape.ts). */
  readonly shape?: { readonly scale: number; readonly relay_scale: number };
  /** Worker threads the workload may use (0 = none). */
  readonly workers?: number;
}
