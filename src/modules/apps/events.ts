/**
 * apps (application) domain events (PROTOCOL §1.3, §6.4, §7): past tense, with the amounts and
 * the MaxRelays each stake fixed. Evolvers: ./evolve.ts.
 *
 * Lifecycle: AppStaked → (AppStakeEdited | AppTransferred)* → AppUnstakingStarted (immediately
 * on MsgBeginUnstake) → [AppUnstakingTime later] AppUnstaked (stake returned, record deleted).
 */
import type { Address, PublicKeyHex, TimeNs } from '../../core/types.js';

/** A new application: `amountUpokt` moved from the app's address to the app staked pool. */
export interface AppStaked {
  readonly type: 'AppStaked';
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  readonly amountUpokt: bigint;
  readonly chains: readonly string[];
  /** CalculateAppRelays at stake time (frozen until the stake increases). */
  readonly maxRelays: bigint;
}

/**
 * A Staked app re-staked: `addedUpokt` (≥ 0) moved in, chains replaced; MaxRelays recomputed
 * only when the stake increased (`maxRelaysRecomputed`).
 */
export interface AppStakeEdited {
  readonly type: 'AppStakeEdited';
  readonly address: Address;
  readonly previousTokensUpokt: bigint;
  readonly addedUpokt: bigint;
  readonly tokensUpokt: bigint;
  readonly chains: readonly string[];
  readonly previousChains: readonly string[];
  readonly maxRelays: bigint;
  readonly previousMaxRelays: bigint;
  readonly maxRelaysRecomputed: boolean;
}

/**
 * App transfer ([AppTransfer]): the app record (stake, chains, MaxRelays, jail flag) moves from
 * `from` to the new key `to`; the old record is deleted. No tokens move.
 */
export interface AppTransferred {
  readonly type: 'AppTransferred';
  readonly from: Address;
  readonly to: Address;
  readonly toPublicKey: PublicKeyHex;
  readonly stakeUpokt: bigint;
}

/** MsgBeginUnstake: the app is Unstaking at once; its stake returns at `unstakingTimeNs`. */
export interface AppUnstakingStarted {
  readonly type: 'AppUnstakingStarted';
  readonly address: Address;
  readonly tokensUpokt: bigint;
  readonly unstakingTimeNs: TimeNs;
}

/** A mature unstake: the whole stake returns to the app's address; the record is deleted. */
export interface AppUnstaked {
  readonly type: 'AppUnstaked';
  readonly address: Address;
  readonly amountUpokt: bigint;
  readonly unstakingTimeNs: TimeNs;
}

/** MsgUnjail for an application (apps are never jailed by the protocol; only an exported state may hold some). */
export interface AppUnjailed {
  readonly type: 'AppUnjailed';
  readonly address: Address;
}

export type AppsEvent = AppStaked | AppStakeEdited | AppTransferred | AppUnstakingStarted | AppUnstaked | AppUnjailed;
