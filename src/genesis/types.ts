/**
 * A pocket-core genesis file, read and validated into typed data (no state yet).
 */
import type { Address, PublicKeyHex, TimeNs } from '../core/types.js';
import type { ParamValue } from '../params/kinds.js';

export interface GenesisAccount {
  readonly address: Address;
  readonly balanceUpokt: bigint;
  readonly publicKey: PublicKeyHex | null;
}

export interface GenesisValidator {
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  readonly jailed: boolean;
  readonly status: 1 | 2;
  readonly chains: readonly string[];
  readonly serviceUrl: string;
  readonly tokensUpokt: bigint;
  readonly unstakingTimeNs: TimeNs | null;
  readonly outputAddress: Address | null;
  readonly rewardDelegators: Readonly<Record<string, number>> | null;
}

export interface GenesisApplication {
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  readonly jailed: boolean;
  readonly status: 2;
  readonly chains: readonly string[];
  readonly stakedTokensUpokt: bigint;
  readonly unstakingTimeNs: TimeNs | null;
}

export interface GenesisDoc {
  readonly chainId: string;
  readonly genesisTimeNs: TimeNs;
  readonly consensus: { readonly blockMaxBytes: bigint; readonly evidenceMaxAgeNs: bigint; readonly pubKeyTypes: readonly string[] };
  /** Every registered param (PARAM_SPECS) by ACL key, defaults filled in. */
  readonly params: ReadonlyMap<string, ParamValue>;
  /** Params that genesis did not state and that took their default (reported by inspect). */
  readonly defaultedParams: readonly string[];
  /** ACL entries added for keys genesis did not list (activation-height ACL entries). */
  readonly addedAclKeys: readonly string[];
  readonly accounts: readonly GenesisAccount[];
  /** auth.supply as declared (null when empty: computed from accounts, as pocket-core does). */
  readonly declaredSupplyUpokt: bigint | null;
  readonly validators: readonly GenesisValidator[];
  readonly applications: readonly GenesisApplication[];
  readonly daoTokensUpokt: bigint;
}

export interface GenesisProblem {
  /** Where, as a JSON path ("app_state.auth.accounts[3].value.address"). */
  readonly path: string;
  readonly message: string;
}
