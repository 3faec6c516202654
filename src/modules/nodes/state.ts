/**
 * nodes (pos) state: validator records (with per-height history, read "as of" session start by
 * sessions and claims), signing info for downtime, the waiting-to-unstake set, the previous
 * block's proposer and the last reported validator-set powers.
 */
import { canonicalJson } from '../../core/json.js';
import type { Address, PublicKeyHex, TimeNs } from '../../core/types.js';
import type { TableSpec } from '../../state/table.js';

/** Go types/staking.go:42-44. */
export const StakeStatus = { Unstaked: 0, Unstaking: 1, Staked: 2 } as const;
export type StakeStatus = (typeof StakeStatus)[keyof typeof StakeStatus];

export interface Validator {
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  readonly jailed: boolean;
  readonly status: StakeStatus;
  /** Canonical (upper-case hex) relay chain ids, as staked. */
  readonly chains: readonly string[];
  readonly serviceUrl: string;
  readonly tokensUpokt: bigint;
  /** When a started unstake matures; null = not unstaking (Go zero time). */
  readonly unstakingTimeNs: TimeNs | null;
  /** Non-custodial output address; null = rewards and stake return go to the operator. */
  readonly outputAddress: Address | null;
  /** PIP-32 reward delegators: address → percent share (sum ≤ 100). */
  readonly rewardDelegators: Readonly<Record<string, number>> | null;
}

function encodeValidator(v: Validator): string {
  return canonicalJson({
    address: v.address,
    chains: v.chains,
    jailed: v.jailed,
    output_address: v.outputAddress,
    public_key: v.publicKey,
    reward_delegators: v.rewardDelegators,
    service_url: v.serviceUrl,
    status: v.status,
    tokens: v.tokensUpokt,
    unstaking_time: v.unstakingTimeNs,
  });
}

function decodeValidator(text: string): Validator {
  const raw = JSON.parse(text) as Record<string, unknown>;
  return {
    address: raw['address'] as Address,
    publicKey: raw['public_key'] as PublicKeyHex,
    jailed: raw['jailed'] as boolean,
    status: raw['status'] as StakeStatus,
    chains: raw['chains'] as string[],
    serviceUrl: raw['service_url'] as string,
    tokensUpokt: BigInt(raw['tokens'] as string),
    unstakingTimeNs: raw['unstaking_time'] === null ? null : BigInt(raw['unstaking_time'] as string),
    outputAddress: (raw['output_address'] as Address | null) ?? null,
    rewardDelegators: (raw['reward_delegators'] as Record<string, number> | null) ?? null,
  };
}

export const validatorsTable: TableSpec<Validator> = {
  name: 'pos/validators',
  encode: encodeValidator,
  decode: decodeValidator,
  history: true,
};

/** Consensus power = floor(tokens / 10^6) when staked and not jailed (validator.go:81-86). */
export function consensusPower(v: Validator): bigint {
  return v.status === StakeStatus.Staked && !v.jailed ? v.tokensUpokt / 1_000_000n : 0n;
}

/**
 * The validator set after each block (single key "current"), with history: the set after block
 * h produces and signs block h+2 (Tendermint's delay), and block h+3's header lists it as its
 * `lastCommit` — read them with signingSetFor / lastCommitSetFor (validator-set.ts).
 */
export interface ValidatorSetEntry {
  readonly address: Address;
  readonly power: bigint;
}

export const VALIDATOR_SET_KEY = 'current';

export const validatorSetTable: TableSpec<readonly ValidatorSetEntry[]> = {
  name: 'pos/validator_set',
  encode: (set) => canonicalJson(set.map((m) => [m.address, m.power])),
  decode: (text) => (JSON.parse(text) as Array<[Address, string]>).map(([address, power]) => ({ address, power: BigInt(power) })),
  history: true,
};

/**
 * Why a validator is in the waiting-to-begin-unstaking set (pocket-core stores only the address,
 * key 0x43‖addr, x/nodes/types/keys.go:29; the reason is the ledger's, for audits):
 * - `begin_unstake_message`: MsgBeginUnstake (x/nodes/handler.go:112-147);
 * - `stake_below_minimum`: slashed below StakeMinimum (ForceValidatorUnstake, PROTOCOL §6.6);
 * - `max_jailed_blocks`: jailed longer than MaxJailedBlocks (§6.7);
 * - `unjail_below_minimum`: an unjail attempt with tokens below StakeMinimum (§1.2).
 */
export type WaitingReason = 'begin_unstake_message' | 'stake_below_minimum' | 'max_jailed_blocks' | 'unjail_below_minimum';

/**
 * The waiting-to-begin-unstaking set: operator address → the reason it (last) joined. At the
 * session's last block (h mod BlocksPerSession = 0) every member still Staked starts unstaking
 * and the set is emptied (PROTOCOL §6.4). Not history: nothing reads it "as of" a height.
 */
export const waitingValidatorsTable: TableSpec<WaitingReason> = {
  name: 'pos/waiting_validators',
  encode: (reason) => reason,
  decode: (text) => text as WaitingReason,
};
