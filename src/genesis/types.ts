/**
 * A pocket-core genesis file, read and validated into typed data (no state yet).
 */
import type { Address, PublicKeyHex, TimeNs } from '../core/types.js';
import type { AclEntry, ParamValue } from '../params/kinds.js';
import type { EvidenceType } from '../messages/index.js';

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
  /** 2 (Staked); 1 (Unstaking) only in an exported state. */
  readonly status: 1 | 2;
  /** An exported state's MaxRelays (fixed at stake time); absent: recomputed at import. */
  readonly maxRelays?: bigint;
  readonly chains: readonly string[];
  readonly stakedTokensUpokt: bigint;
  readonly unstakingTimeNs: TimeNs | null;
}

/**
 * consensus_params.validator.pub_key_types, the only value a genesis may give (parse.ts
 * readConsensus refuses any other): so every chain of the ledger exports it, and `export` need
 * not read its genesis again for it.
 */
export const SUPPORTED_PUB_KEY_TYPES: readonly string[] = ['ed25519'];

export interface GenesisDoc {
  readonly chainId: string;
  readonly genesisTimeNs: TimeNs;
  /** evidenceMaxAge: Tendermint v0.32's Evidence.MaxAge, in blocks (types/params.go:49-51, state/validation.go:169-177 at 59310158d3e9). */
  readonly consensus: { readonly blockMaxBytes: bigint; readonly evidenceMaxAge: bigint; readonly pubKeyTypes: readonly string[] };
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
  /** The state at a height H, exported (`exported: true`); null for a fresh genesis. */
  readonly exported: ExportedState | null;
}

export interface GenesisModuleAccount {
  readonly address: Address;
  readonly name: string;
  readonly balanceUpokt: bigint;
}

/** slashing's SigningInfo, restated here (this file sits below the modules; structurally identical). */
export interface ExportedSigningInfo {
  readonly address: Address;
  readonly startHeight: number;
  readonly indexOffset: number;
  readonly jailedUntilNs: TimeNs | null;
  readonly missedBlocksCounter: number;
  readonly jailedBlocksCounter: number;
}

/** pocketcore's ClaimRecord, restated here (structurally identical). */
export interface ExportedClaim {
  readonly servicer: Address;
  readonly header: { readonly appPublicKey: PublicKeyHex; readonly chain: string; readonly sessionHeight: number };
  readonly headerHash: string;
  readonly merkleRoot: { readonly hashHex: string; readonly lower: bigint; readonly upper: bigint };
  readonly totalProofs: bigint;
  readonly evidenceType: EvidenceType;
  readonly submittedHeight: number;
  readonly expirationHeight: number;
}

/**
 * An account of an exported state at an address that is not 20 bytes. pocket-core's store held
 * such accounts — mainnet has 31, of 3 to 64 bytes (poktroll's x/migration/recovery/
 * recovery_allowlist.go) — and counted their balances in the supply. The ledger imports them as
 * pocket-core did: an `auth/accounts` entry keyed by the lower-case hex, in the state root, the
 * supply and every export. Their balance can never move: no public key hashes to such an
 * address (so nothing signs for it) and every address a message names must be 20 bytes.
 */
export interface GenesisIrregularAccount {
  /** Lower-case hex, an even number of digits other than 40. */
  readonly address: string;
  readonly balanceUpokt: bigint;
  /** Where the file lists it (reported at init). */
  readonly path: string;
}

/** What an exported state adds to a genesis (genesis/parse-exported.ts reads it). */
export interface ExportedState {
  /** The height whose state this is; the chain continues at height + 1. */
  readonly height: number;
  readonly moduleAccounts: readonly GenesisModuleAccount[];
  /** Accounts at addresses that are not 20 bytes (see GenesisIrregularAccount). */
  readonly irregularAccounts: readonly GenesisIrregularAccount[];
  readonly signingInfos: readonly ExportedSigningInfo[];
  /**
   * `missed_blocks`: the set missed bits per address (slashing's MissedBlocks: indices ascending,
   * never empty), sorted by address — an address may have bits and no signing info (state.ts).
   */
  readonly missedBlocks: ReadonlyArray<{ readonly address: Address; readonly indices: readonly number[] }>;
  /** The validator set after block H, in its stored order (null: recomputed from the validators). */
  readonly validatorPowers: ReadonlyArray<{ readonly address: Address; readonly power: bigint }> | null;
  readonly previousProposer: Address | null;
  readonly claims: readonly ExportedClaim[];
  /** The ledger's `pokt_ledger` section, when the file was written by `pokt-ledger export`. */
  readonly extension: LedgerExtension | null;
}

export interface LedgerExtension {
  readonly blockHash: string | null;
  readonly lastBlockTimeNs: bigint;
  readonly stateRoot: string;
  readonly tables: ReadonlyMap<string, ReadonlyArray<readonly [string, string]>>;
  readonly versions: ReadonlyMap<string, ReadonlyArray<readonly [string, ReadonlyArray<readonly [number, string | null]>]>>;
  /** The whole ACL in its order (`gov.params.acl` carries only what pocket-core accepts); null in a file without it. */
  readonly acl: readonly AclEntry[] | null;
}

export interface GenesisProblem {
  /** Where, as a JSON path ("app_state.auth.accounts[3].value.address"). */
  readonly path: string;
  readonly message: string;
  /** Set when the file is not wrong but too large to read here (the CLI's genesis_too_large). */
  readonly tooLarge?: true;
}
