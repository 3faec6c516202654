/**
 * Monetary-policy domain events (PROTOCOL §14). Evolvers: ./evolve.ts.
 */
import type { Address } from '../../core/types.js';

/**
 * ApplicationBurnRate (./application-burn.ts): `burnedUpokt` of an app's stake burned at the end
 * of its block to offset that block's relay-reward mint. Leaves the app's stake and the
 * application_staked_tokens_pool; supply falls by it. MaxRelays unchanged.
 */
export interface ApplicationStakeBurned {
  readonly type: 'ApplicationStakeBurned';
  readonly address: Address;
  readonly burnedUpokt: bigint;
  readonly stakeAfterUpokt: bigint;
  /** The block's relay-reward mint the burn offsets (deliberately not named `mintedUpokt`). */
  readonly blockMintUpokt: bigint;
  /** ApplicationBurnRate in force (18-decimal string). */
  readonly rate: string;
  /** trunc(blockMint × rate): what all apps together were to burn this block. */
  readonly blockTargetUpokt: bigint;
}

export type PolicyEvent = ApplicationStakeBurned;
