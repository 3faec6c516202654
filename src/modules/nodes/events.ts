/**
 * nodes (pos) domain events (PROTOCOL §1.1-§1.2, §5.3, §6.4, §6.6): every change to a
 * validator's stake or lifecycle, past tense, with the amounts, who paid or received them, and
 * why; the block-reward distribution (the pos BeginBlock performs it) and validator-set updates.
 * Evolvers: ./evolve.ts. Jail, unjail, downtime and slashes are the slashing module's events.
 *
 * Lifecycle: NodeStaked → (NodeStakeEdited)* → NodeUnstakeRequested | NodeForceUnstakeQueued
 * → [session end] NodeUnstakingStarted (or NodeUnstakeWaitDropped) → [UnstakingTime later]
 * NodeUnstaked (stake returned, record deleted).
 */
import type { Address, PublicKeyHex, TimeNs } from '../../core/types.js';
import type { BlockRewardPlan } from './block-reward.js';
import type { ValidatorSetEntry, WaitingReason } from './state.js';

/**
 * A new validator: `amountUpokt` moved from `payer` (the tx signer) to staked_tokens_pool. Its
 * signing info, if it has none, is created by the slashing event that follows (SigningInfoSet,
 * valStateChanges.go:312-321).
 */
export interface NodeStaked {
  readonly type: 'NodeStaked';
  readonly address: Address;
  readonly publicKey: PublicKeyHex;
  /** Who paid the stake: the tx signer (operator or output address; signer-pays, [NCUST]). */
  readonly payer: Address;
  readonly amountUpokt: bigint;
  readonly chains: readonly string[];
  readonly serviceUrl: string;
  readonly outputAddress: Address | null;
  readonly rewardDelegators: Readonly<Record<string, number>> | null;
}

/**
 * A Staked validator re-staked (edit stake, UPG30024): `addedUpokt` (≥ 0) moved from `payer`
 * to the pool; chains, URL, output address and delegators replaced. Jailed is unchanged. The
 * signing info is deleted and recreated (start = this block, jailed_until zero, counters 0) by
 * the slashing event that follows (SigningInfoSet; valStateChanges.go:361 then the h ≥ 30040
 * "June 30 fork" reset, valStateChanges.go:366-370).
 */
export interface NodeStakeEdited {
  readonly type: 'NodeStakeEdited';
  readonly address: Address;
  readonly payer: Address;
  readonly previousTokensUpokt: bigint;
  readonly addedUpokt: bigint;
  readonly tokensUpokt: bigint;
  readonly chains: readonly string[];
  readonly previousChains: readonly string[];
  readonly serviceUrl: string;
  readonly outputAddress: Address | null;
  readonly previousOutputAddress: Address | null;
  readonly rewardDelegators: Readonly<Record<string, number>> | null;
  readonly previousRewardDelegators: Readonly<Record<string, number>> | null;
}

/**
 * The validator joined the waiting-to-begin-unstaking set without being jailed: a
 * MsgBeginUnstake (`begin_unstake_message`, `signer` = the message's signer) or an unjail attempt
 * below the minimum stake (`unjail_below_minimum`, emitted by the unjail rule, signer set too).
 */
export interface NodeUnstakeRequested {
  readonly type: 'NodeUnstakeRequested';
  readonly address: Address;
  readonly signer: Address;
  readonly reason: Extract<WaitingReason, 'begin_unstake_message' | 'unjail_below_minimum'>;
}

/**
 * Force unstake ([NCUST] ForceValidatorUnstake, x/nodes/keeper/valStateChanges.go:550-572):
 * the validator is jailed (if it was not already and is not Unstaked) and joins the waiting set;
 * its stake is REFUNDED through the normal unstaking path (PROTOCOL §6.6). Emitted by slashing
 * (`stake_below_minimum`) and the jailed-blocks counter (`max_jailed_blocks`).
 */
export interface NodeForceUnstakeQueued {
  readonly type: 'NodeForceUnstakeQueued';
  readonly address: Address;
  readonly reason: Extract<WaitingReason, 'stake_below_minimum' | 'max_jailed_blocks'>;
  /** True when this event jails the validator (false: already jailed). */
  readonly jails: boolean;
  readonly tokensUpokt: bigint;
}

/**
 * Session end (h mod BlocksPerSession = 0): a waiting validator still Staked starts unstaking —
 * out of the validator set and the chain index; its stake returns at `unstakingTimeNs`.
 */
export interface NodeUnstakingStarted {
  readonly type: 'NodeUnstakingStarted';
  readonly address: Address;
  readonly tokensUpokt: bigint;
  readonly unstakingTimeNs: TimeNs;
  readonly waitingReason: WaitingReason;
}

/** Session end: a waiting entry is dropped without effect (no longer Staked, or no record). */
export interface NodeUnstakeWaitDropped {
  readonly type: 'NodeUnstakeWaitDropped';
  readonly address: Address;
  readonly reason: 'not_staked' | 'validator_not_found';
}

/**
 * A mature unstake (block time ≥ unstaking time): all tokens move from staked_tokens_pool to
 * `recipient` (output address, else operator); the record, its signing info (DeleteValidator,
 * validator.go:116-121) and any waiting entry are deleted.
 */
export interface NodeUnstaked {
  readonly type: 'NodeUnstaked';
  readonly address: Address;
  readonly recipient: Address;
  readonly amountUpokt: bigint;
  readonly unstakingTimeNs: TimeNs;
}

export type NodeStakingEvent =
  | NodeStaked
  | NodeStakeEdited
  | NodeUnstakeRequested
  | NodeForceUnstakeQueued
  | NodeUnstakingStarted
  | NodeUnstakeWaitDropped
  | NodeUnstaked;

/** fee_collector emptied at BeginBlock: burn share, DAO cut, previous proposer's cut. */
export interface BlockRewardDistributed extends BlockRewardPlan {
  readonly type: 'BlockRewardDistributed';
}

/**
 * EndBlock h: the top-MaxValidators set changed. It proposes and signs block h+2, not h+1 —
 * Tendermint's delay (modules/nodes/validator-set.ts signingSetFor).
 */
export interface ValidatorSetUpdated {
  readonly type: 'ValidatorSetUpdated';
  readonly members: readonly ValidatorSetEntry[];
  /** Validators whose power changed (0 = left the set), as Tendermint validator updates. */
  readonly updates: readonly ValidatorSetEntry[];
}

export type NodesEvent = BlockRewardDistributed | ValidatorSetUpdated | NodeStakingEvent;
