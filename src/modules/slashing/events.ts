/**
 * Slashing and jailing domain events (PROTOCOL §6.5–§6.8): downtime tracking, slashes, jail and
 * unjail. Force unstakes (slashed below the minimum, MaxJailedBlocks, unjail below the minimum)
 * are the staking module's `NodeForceUnstakeQueued` / `NodeUnstakeRequested`
 * (../nodes/events.ts): jail + waiting set, stake refunded through normal unstaking.
 * Evolvers: ./evolve.ts.
 */
import type { Address, TimeNs } from '../../core/types.js';
import type { MissedBlocksChange, SigningInfo } from './state.js';

/**
 * Signing infos rewritten by a block hook: the BeginBlock downtime handler (`last_commit`: one
 * record per validator of the previous block's commit, counters advanced, window reset or jail
 * applied) or the EndBlock jailed-blocks counter (`jailed_blocks`).
 */
export interface SigningInfosUpdated {
  readonly type: 'SigningInfosUpdated';
  readonly cause: 'last_commit' | 'jailed_blocks';
  /** Sorted by address; each is the complete new record. */
  readonly infos: readonly SigningInfo[];
  /**
   * `last_commit` only, and only when some validator's missed bits changed (a bit set or
   * cleared, a window reset or a downtime jail clearing set bits, a recreated record clearing
   * stale ones): sorted by address, each the complete new set (empty = all cleared).
   */
  readonly missedBlocks?: readonly MissedBlocksChange[];
}

/**
 * Tokens burned from a validator's stake (slash, x/nodes/keeper/slash.go:105-146):
 *   burned = min(trunc(power × 10^6 × fraction), tokens)
 * from staked_tokens_pool; total supply falls by `burnedUpokt`.
 */
export interface NodeSlashed {
  readonly type: 'NodeSlashed';
  readonly address: Address;
  readonly reason: 'downtime' | 'double_sign';
  /** pocket's "infraction height" (downtime: h − 2; double sign: evidence height − 1). */
  readonly infractionHeight: number;
  /** Consensus power the slash is computed from (from the commit or the evidence's height). */
  readonly power: bigint;
  /** The slash fraction (18-decimal string, e.g. "0.000001000000000000"). */
  readonly fraction: string;
  readonly burnedUpokt: bigint;
  readonly tokensAfterUpokt: bigint;
}

/** Downtime jail (JailValidator + jailed_until, slash.go:276-290): out of the validator set. */
export interface NodeJailed {
  readonly type: 'NodeJailed';
  readonly address: Address;
  readonly reason: 'downtime';
  readonly signedBlocksWindow: bigint;
  /** Votes missed in the window when the threshold was crossed. */
  readonly missed: number;
  /** Most misses the window tolerates (SignedBlocksWindow − MinBlocksSignedPerWindow). */
  readonly maxMissed: bigint;
  readonly jailedUntilNs: TimeNs;
}

/**
 * MsgUnjail accepted (UnjailValidator, valStateChanges.go:693-719): unjailed; `signingInfo` is
 * its record with the counters reset (start height and jailed_until kept); `missedBlocks`, when
 * it had bits set, clears them (ResetValidatorSigningInfo, signing_info.go:40-52).
 */
export interface NodeUnjailed {
  readonly type: 'NodeUnjailed';
  readonly address: Address;
  readonly signer: Address;
  readonly signingInfo: SigningInfo;
  readonly missedBlocks?: MissedBlocksChange;
}

/**
 * A signing info written because of a stake (tx): a new validator without one gets a fresh
 * record starting at the stake's block (`node_staked`, valStateChanges.go:312-321; one it kept
 * from an earlier stake stays as it is, and no event is emitted); an edited stake gets a new
 * record (`stake_edited`: start = the edit's block, jailed_until = Go's zero time, counters 0 —
 * EditStakeValidator deletes the old one with the validator, valStateChanges.go:361, before
 * ResetValidatorSigningInfo recreates it, valStateChanges.go:366-370, signing_info.go:41-48)
 * and — `missedBlocks`, when it had bits set — its missed bits cleared (signing_info.go:51; a
 * new stake leaves stale bits as they are). Emitted right after the nodes event (chain/router.ts),
 * decided from the state before it (./stake-signing-info.ts).
 */
export interface SigningInfoSet {
  readonly type: 'SigningInfoSet';
  readonly cause: 'node_staked' | 'stake_edited';
  readonly info: SigningInfo;
  readonly missedBlocks?: MissedBlocksChange;
}

/**
 * Double-sign evidence that changed nothing, and why (pocket-core logs and ignores these,
 * x/nodes/keeper/abci.go:40-61, slash.go:202-228). No state change; recorded for the audit.
 */
export interface DoubleSignEvidenceIgnored {
  readonly type: 'DoubleSignEvidenceIgnored';
  readonly address: Address;
  readonly evidenceHeight: number;
  readonly reason: 'too_old' | 'unknown_validator' | 'no_signing_info' | 'not_in_validator_set';
}

export type SlashingEvent = SigningInfosUpdated | SigningInfoSet | NodeSlashed | NodeJailed | NodeUnjailed | DoubleSignEvidenceIgnored;
