/**
 * pocketcore domain events: claims stored, expired and settled; relay rewards minted (with the
 * whole plan); replay attacks burned; the history floor moved. Past tense; every field needed to
 * apply the change (evolve.ts) and to explain it (audit).
 *
 * For the ApplicationBurnRate policy (PROTOCOL §14): the relay-reward mint of a block is
 * Σ RelaysRewarded.plan.mintedUpokt over the block's events (`relayRewardMintedUpokt`).
 */
import type { Address } from '../../core/types.js';
import type { ReplayBurnPlan, RelayRewardPlan } from './rewards.js';
import type { ClaimRecord } from './state.js';

/** MsgClaim accepted: the claim is stored under `key` until proved or expired. */
export interface ClaimSubmitted {
  readonly type: 'ClaimSubmitted';
  readonly key: string;
  readonly claim: ClaimRecord;
}

/** BeginBlock: claims whose expiration_height ≤ height were deleted (claim.go:374-389). */
export interface ClaimsExpired {
  readonly type: 'ClaimsExpired';
  readonly claims: ReadonlyArray<{ readonly key: string; readonly servicer: Address; readonly sessionHeight: number; readonly totalProofs: bigint }>;
}

/** A valid proof settled the claim (deleted it); RelaysRewarded follows with the mint. */
export interface ProofAccepted {
  readonly type: 'ProofAccepted';
  readonly key: string;
  readonly servicer: Address;
  readonly sessionHeight: number;
  readonly totalProofs: bigint;
  /** The pseudorandom leaf index the proof opened. */
  readonly index: bigint;
}

/** Relay rewards minted for a settled claim, with the plan that computed them. */
export interface RelaysRewarded {
  readonly type: 'RelaysRewarded';
  readonly key: string;
  readonly plan: RelayRewardPlan;
}

/**
 * A proof whose Merkle walk failed as a replay attack (pocketcore:86): the servicer's stake is
 * burned per the plan and the claim deleted — side effects that persist although the message
 * failed (PROTOCOL §0.1, §4.8; core/outcome.ts).
 */
export interface ReplayAttackDetected {
  readonly type: 'ReplayAttackDetected';
  readonly key: string;
  readonly sessionHeight: number;
  readonly burn: ReplayBurnPlan;
}

/**
 * A proof of a live claim was refused and the claim stays live (it may be proved again until it
 * expires): a Merkle walk that fails without being a replay attack (pocketcore:66), a wrong
 * number of levels or leaf index (pocketcore:49), a seed block not yet committed (sdk:1), the
 * app or the leaf's session or chain not matching (pocketcore:45/60/13). The tx is rejected
 * (code in its receipt) and this event changes no table: it is the record of the attempt, for
 * the claim's lifecycle (projection `claim_proof_rejections`) and the audit. A proof with no
 * live claim (pocketcore:65) has no claim to attach to and emits nothing.
 */
export interface ProofRejected {
  readonly type: 'ProofRejected';
  readonly key: string;
  readonly servicer: Address;
  readonly sessionHeight: number;
  /** The rejection as `codespace:code` (e.g. "pocketcore:66") and its name. */
  readonly code: string;
  readonly name: string;
  /** Why, in words (the receipt's log). */
  readonly reason: string;
}

/** EndBlock: the history floor moved up; settled-claim markers below it are forgotten. */
export interface HistoryFloorAdvanced {
  readonly type: 'HistoryFloorAdvanced';
  readonly floor: number;
  readonly forgottenSettledKeys: readonly string[];
}

export type PocketcoreEvent = ClaimSubmitted | ClaimsExpired | ProofAccepted | ProofRejected | RelaysRewarded | ReplayAttackDetected | HistoryFloorAdvanced;

/** Total relay-reward mint among `events` (what ApplicationBurnRate offsets). */
export function relayRewardMintedUpokt(events: ReadonlyArray<{ readonly type: string }>): bigint {
  let total = 0n;
  for (const event of events) if (event.type === 'RelaysRewarded') total += (event as RelaysRewarded).plan.mintedUpokt;
  return total;
}
