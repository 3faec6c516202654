/**
 * apps state: application records, with per-height history (claims and proofs read the app
 * "as of" the session start).
 */
import { canonicalJson } from '../../core/json.js';
import type { Address, PublicKeyHex, TimeNs } from '../../core/types.js';
import type { TableSpec } from '../../state/table.js';
import type { StakeStatus } from '../nodes/index.js';

export interface Application {
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  readonly jailed: boolean;
  readonly status: StakeStatus;
  readonly chains: readonly string[];
  readonly stakedTokensUpokt: bigint;
  /** Relays per session across all nodes, fixed when staked or stake raised (PROTOCOL §7). */
  readonly maxRelays: bigint;
  readonly unstakingTimeNs: TimeNs | null;
}

export const applicationsTable: TableSpec<Application> = {
  name: 'application/applications',
  encode: (a) =>
    canonicalJson({
      address: a.address,
      chains: a.chains,
      jailed: a.jailed,
      max_relays: a.maxRelays,
      public_key: a.publicKey,
      staked_tokens: a.stakedTokensUpokt,
      status: a.status,
      unstaking_time: a.unstakingTimeNs,
    }),
  decode: (text) => {
    const raw = JSON.parse(text) as Record<string, unknown>;
    return {
      address: raw['address'] as Address,
      publicKey: raw['public_key'] as PublicKeyHex,
      jailed: raw['jailed'] as boolean,
      status: raw['status'] as StakeStatus,
      chains: raw['chains'] as string[],
      stakedTokensUpokt: BigInt(raw['staked_tokens'] as string),
      maxRelays: BigInt(raw['max_relays'] as string),
      unstakingTimeNs: raw['unstaking_time'] === null ? null : BigInt(raw['unstaking_time'] as string),
    };
  },
  history: true,
};
