/**
 * Relay rewards and replay burns as PLANS: pure functions that list every input and every
 * output line; one applier (evolve.ts) commits a plan, and the plan travels in the domain event
 * (RelaysRewarded / ReplayAttackDetected) as the auditor's raw material.
 *
 * RewardForRelaysPerChain (PROTOCOL §5.1; x/nodes/keeper/reward.go:81-166), every feature active:
 *   1. validator = the servicer's record NOW (proof time); missing ⇒ nothing is minted.
 *   2. M = RelaysToTokensMultiplierMap[chain] if present, else RelaysToTokensMultiplier.
 *   3. coins = trunc((Dec(M)·Dec(relays))·weight), weight = PIP-22 of the CURRENT stake (§5.2).
 *   4. feesCollected = trunc(coins·DAO/100 + coins·Proposer/100) (one truncation of the sum;
 *      params.go:148-165); nodeReward = coins − feesCollected.
 *   5. rewardCost = fee(claim) + fee(proof) (10,000 × FeeMultiplier each); refund =
 *      min(rewardCost, nodeReward) minted to the OPERATOR; nodeReward −= refund (PIP-32).
 *   6. nodeReward → delegators by share (truncated), remainder → output address or operator.
 *   7. feesCollected minted to fee_collector; the next BeginBlock splits it DAO/proposer
 *      (src/modules/nodes/block-reward.ts — not repeated here).
 *
 * Worked example (TV-5 / TV-19: RTTM 1000, 10,000 relays, DAO 10, Proposer 1, weight 1, fee
 * multiplier 1, output address set): coins 10,000,000; fees trunc(1,000,000 + 100,000) =
 * 1,100,000; nodeReward 8,900,000; refund 20,000 to the operator; 8,880,000 to the output
 * address. Supply +10,000,000.
 *
 * BurnForChallenge for a replay attack (PROTOCOL §4.8; proof.go:243-246, slash.go:16-79):
 *   challenges = TotalProofs × ReplayAttackBurnMultiplier (current params)
 *   coins      = trunc((Dec(RTTM)·Dec(challenges))·weight(buggy bin)), RTTM = the DEFAULT
 *                multiplier (never per-chain), bin from pip22ChallengeBurnFlooredStake — the
 *                ceiling bug C − (stake mod F) replicated for parity (§12.2 item 7);
 *   burned     = min(coins, tokens) from the stake (staked_tokens_pool); nothing when the
 *                validator is missing or Unstaked, or coins ≤ 0;
 *   tokens left < StakeMinimum ⇒ force unstake (jail; the nodes module releases it).
 * Worked example: F = 15e9, C = 60e9, E = W = 1, RTTM 1000, 5 proofs × 3 = 15 challenges,
 * stake 61e9 → buggy bin 3 → trunc(15,000 · 3.000000000000000158) = 45,000 burned.
 *
 * Features (gov/features.ts; all active unless the upgrade param lists them later or at 0):
 * [RSCAL] off → coins = M × relays (burn: RTTM × challenges); [PerChainRTTM] off → the default
 * multiplier; [RewardDelegators] off → no reward-cost refund and no delegators: SplitNodeRewards
 * gets validator.RewardDelegators (x/nodes/keeper/reward.go:145-151), but GetValidator's record
 * has them only with [NCUST] and [RewardDelegators] both active (UnmarshalValidator nils them,
 * x/nodes/keeper/validator.go:31-48; the legacy record before [NCUST] has neither them nor an
 * output address, x/nodes/types/validator_legacy.go:148-161); [NCUST] off → the operator's
 * address instead of the output. A validator missing at proof time mints nothing in every mode
 * (pocket-core mints to the bare address when both RSCAL and NCUST are off; not replicated).
 */
import { Dec, DecDivisionByZeroError, DecIntegerRangeError, DecOverflowError } from '../../core/bigdec.js';
import { NO_FEATURES_OFF, type FeatureSet } from '../../core/features.js';
import type { Address } from '../../core/types.js';
import type { AuthParams, PosParams } from '../../params/params.js';
import { feeForMessageType, MODULE_ADDRESSES } from '../auth/index.js';
import {
  pip22Bin,
  pip22CoinsForWeight,
  pip22ChallengeBurnBin,
  pip22ChallengeBurnCoins,
  pip22ChallengeBurnFlooredStake,
  pip22FlooredStake,
  pip22ParamsOf,
  pip22Weight,
  pip22WeightForBin,
  type Pip22Params,
} from '../nodes/index.js';
import { splitNodeReward, StakeStatus, type Validator } from '../nodes/index.js';



export type RewardLineRole = 'reward_cost_refund' | 'delegator' | 'primary' | 'fee_collector';

/** One mint of the plan. */
export interface RewardLine {
  readonly address: Address;
  readonly amountUpokt: bigint;
  readonly role: RewardLineRole;
}

export interface Pip22Inputs {
  readonly floorMultiplierUpokt: bigint;
  readonly weightCeilingUpokt: bigint;
  /** Dec strings. */
  readonly weightMultiplier: string;
  readonly exponent: string;
}

export interface RelayRewardPlan {
  readonly servicer: Address;
  readonly chain: string;
  readonly relays: bigint;
  /** Stake at proof time; null when the validator no longer exists (nothing minted). */
  readonly stakeUpokt: bigint | null;
  readonly multiplierUpoktPerRelay: bigint;
  readonly multiplierSource: 'chain_map' | 'default';
  readonly pip22: Pip22Inputs;
  /** [RSCAL] active: coins are weighted; otherwise coins = multiplier × relays (bin/weight informative). */
  readonly pip22Applied: boolean;
  readonly flooredStakeUpokt: bigint;
  readonly bin: bigint;
  /** PIP-22 weight (Dec string, 18 decimals). */
  readonly weight: string;
  readonly daoAllocationPercent: bigint;
  readonly proposerAllocationPercent: bigint;
  /** coins: everything this plan mints (= Σ lines). */
  readonly mintedUpokt: bigint;
  /** Minted into fee_collector (DAO + proposer share, split at the next BeginBlock). */
  readonly feeCollectorUpokt: bigint;
  /** coins − feeCollector, before the reward-cost refund. */
  readonly nodeRewardUpokt: bigint;
  readonly rewardCostUpokt: bigint;
  readonly rewardCostRefundUpokt: bigint;
  /** In mint order: refund, delegators (by address), primary, fee_collector. */
  readonly lines: readonly RewardLine[];
}

export interface ReplayBurnPlan {
  readonly servicer: Address;
  readonly totalProofs: bigint;
  readonly burnMultiplier: bigint;
  readonly challenges: bigint;
  /** The default RelaysToTokensMultiplier. */
  readonly multiplierUpoktPerRelay: bigint;
  readonly pip22: Pip22Inputs;
  readonly pip22Applied: boolean;
  /** null: validator missing or Unstaked — nothing burned. */
  readonly stakeUpokt: bigint | null;
  readonly flooredStakeUpokt: bigint;
  readonly bin: bigint;
  readonly weight: string;
  readonly coinsUpokt: bigint;
  readonly burnedUpokt: bigint;
  readonly tokensAfterUpokt: bigint | null;
  /** tokens after the burn < StakeMinimum: jailed and sent to unstake (ForceValidatorUnstake). */
  readonly forceUnstake: boolean;
}

/** fee(msg) = 10,000 × FeeMultipliers(msg type) (x/auth/types/fee.go:5-12). */
export const messageFeeUpokt = feeForMessageType;

/** GetRewardCost (reward.go:17-20): what a servicer paid to claim and prove. */
export function rewardCostUpokt(auth: Pick<AuthParams, 'feeMultipliers'>): bigint {
  return messageFeeUpokt('claim', auth) + messageFeeUpokt('proof', auth);
}

function pip22Inputs(pos: PosParams): Pip22Inputs {
  return {
    floorMultiplierUpokt: pos.servicerStakeFloorMultiplier,
    weightCeilingUpokt: pos.servicerStakeWeightCeiling,
    weightMultiplier: pos.servicerStakeWeightMultiplier.toString(),
    exponent: pos.servicerStakeFloorMultiplierExponent.toString(),
  };
}

/** Step 2: the per-chain RTTM if the map has the chain, else the default (reward.go:216-224). */
export function relaysToTokensMultiplier(
  pos: Pick<PosParams, 'relaysToTokensMultiplier' | 'relaysToTokensMultiplierMap'>,
  chain: string,
  inactiveFeatures: FeatureSet = NO_FEATURES_OFF,
): { value: bigint; source: 'chain_map' | 'default' } {
  const perChain = inactiveFeatures.has('PerChainRTTM') ? undefined : pos.relaysToTokensMultiplierMap[chain];
  return perChain === undefined ? { value: pos.relaysToTokensMultiplier, source: 'default' } : { value: perChain, source: 'chain_map' };
}

/** Step 4 (splitRewards, params.go:148-165): the fee-collector share, one truncation of the sum. */
export function feeCollectorShareUpokt(coins: bigint, pos: Pick<PosParams, 'daoAllocation' | 'proposerAllocation'>): bigint {
  return feeCollectorShareFrom(coins, percentFraction(pos.daoAllocation), percentFraction(pos.proposerAllocation));
}

/** A whole percentage as the Dec fraction splitRewards multiplies by: 10 → 0.1. */
function percentFraction(percent: bigint): Dec {
  return Dec.fromInt(percent).quoInt64(100);
}

/** The same with the DAO and proposer percentages already as Dec fractions (DAO/100, Proposer/100). */
function feeCollectorShareFrom(coins: bigint, daoFraction: Dec, proposerFraction: Dec): bigint {
  const reward = Dec.fromInt(coins);
  return reward.mul(daoFraction).add(reward.mul(proposerFraction)).truncateInt();
}

/** What one stake gives under one PosParams: the plan's PIP-22 fields. */
interface StakeWeighting {
  readonly flooredStakeUpokt: bigint;
  readonly bin: bigint;
  readonly weight: Dec;
  readonly weightText: string;
}

/**
 * What a plan derives from the PosParams alone (PIP-22 params and inputs, the fee fractions) and
 * from a stake under them, computed once per PosParams object. PERF: a mainnet-shaped block plans
 * ~1,400 rewards; each rebuilt these from the params (Dec divisions, Dec → string) and the stake's
 * weight twice (bigint → string memo keys), ~5 µs per plan.
 * DEV_NOTE: determinism — a PosParams object is immutable (the state hands out one object until a
 * parameter changes, then a new one), and every entry is a pure function of that object (and of
 * the stake, for `byStake`), so a hit returns exactly what computing would.
 */
interface PosDerived {
  readonly pip22: Pip22Params;
  readonly inputs: Pip22Inputs;
  readonly daoFraction: Dec;
  readonly proposerFraction: Dec;
  readonly byStake: Map<bigint, StakeWeighting>;
}

/** Distinct stakes remembered per PosParams before the map starts over (a bound, not a semantic). */
const STAKE_MEMO_CAPACITY = 65_536;
const posDerivedMemo = new WeakMap<PosParams, PosDerived>();

function posDerived(pos: PosParams): PosDerived {
  let derived = posDerivedMemo.get(pos);
  if (derived === undefined) {
    derived = {
      pip22: pip22ParamsOf(pos),
      inputs: pip22Inputs(pos),
      daoFraction: percentFraction(pos.daoAllocation),
      proposerFraction: percentFraction(pos.proposerAllocation),
      byStake: new Map(),
    };
    posDerivedMemo.set(pos, derived);
  }
  return derived;
}

function stakeWeighting(derived: PosDerived, stake: bigint): StakeWeighting {
  let weighting = derived.byStake.get(stake);
  if (weighting === undefined) {
    const weight = pip22Weight(stake, derived.pip22);
    weighting = { flooredStakeUpokt: pip22FlooredStake(stake, derived.pip22), bin: pip22Bin(stake, derived.pip22), weight, weightText: weight.toString() };
    if (derived.byStake.size >= STAKE_MEMO_CAPACITY) derived.byStake.clear();
    derived.byStake.set(stake, weighting);
  }
  return weighting;
}

/**
 * Does `error` stand for a panic of pocket-core's decimal arithmetic — a result beyond 255 + 60
 * bits (types/decimal.go:243-345), an integer conversion out of range (RoundInt64, TruncateInt) or
 * a division by zero? Inside the proof handler such a panic unwinds the message: runTx recovers
 * it as ErrInternal (sdk:1, baseapp/baseapp.go:988-999), drops the message's writes (the claim
 * stays) and keeps the fee. Reachable only through governance values far outside the defaults,
 * e.g. ServicerStakeFloorMultiplierExponent 300: bin 2 needs Power(2^(1/100), 30,000) ≈ 2^300.
 * (An overflow inside ApproxRoot is no panic: FracPow answers 1 there, core/bigdec.ts.)
 */
export function isDecimalPanic(error: unknown): boolean {
  return error instanceof DecOverflowError || error instanceof DecIntegerRangeError || error instanceof DecDivisionByZeroError;
}

/**
 * The PIP-22 fields of a plan whose coins are NOT weighted ([RSCAL] off, or no validator):
 * pocket-core computes no weight then (x/nodes/keeper/reward.go:68-75, 90-100), so a weight that
 * would overflow is shown as 0 instead of failing the proof.
 */
function informativeWeighting(derived: PosDerived, stake: bigint): StakeWeighting {
  try {
    return stakeWeighting(derived, stake);
  } catch (error) {
    if (!isDecimalPanic(error)) throw error;
    return { flooredStakeUpokt: pip22FlooredStake(stake, derived.pip22), bin: pip22Bin(stake, derived.pip22), weight: Dec.ZERO, weightText: Dec.ZERO.toString() };
  }
}

export interface RelayRewardInput {
  readonly servicer: Address;
  readonly chain: string;
  readonly relays: bigint;
  /** The servicer's validator record now (undefined: gone). */
  readonly validator: Validator | undefined;
  readonly pos: PosParams;
  readonly auth: AuthParams;
  /** Features switched off at this height (default: none — every feature active). */
  readonly inactiveFeatures?: FeatureSet;
}

/**
 * The whole relay-reward pipeline (steps 1–7 of the file header). Throws where pocket-core's
 * decimals panic (isDecimalPanic: a weighted reward beyond their range); decideProof turns that
 * into sdk:1.
 */
export function planRelayReward(input: RelayRewardInput): RelayRewardPlan {
  const { pos } = input;
  const off = input.inactiveFeatures ?? NO_FEATURES_OFF;
  const validator = routedValidator(input.validator, off);
  const multiplier = relaysToTokensMultiplier(pos, input.chain, off);
  const pip22Applied = !off.has('RSCAL');
  const derived = posDerived(pos);
  const stake = validator?.tokensUpokt ?? 0n;
  // pocket-core weighs only a validator it found, with [RSCAL] (reward.go:90-100, 68-75).
  const weighting = pip22Applied && validator !== undefined ? stakeWeighting(derived, stake) : informativeWeighting(derived, stake);
  const rewardCost = off.has('RewardDelegators') ? 0n : rewardCostUpokt(input.auth);
  let coins = 0n;
  let feeCollector = 0n;
  let refund = 0n;
  const lines: RewardLine[] = [];
  if (validator !== undefined) {
    coins = pip22Applied ? pip22CoinsForWeight(input.relays, multiplier.value, weighting.weight) : multiplier.value * input.relays;
    feeCollector = feeCollectorShareFrom(coins, derived.daoFraction, derived.proposerFraction);
    const nodeReward = coins - feeCollector;
    refund = rewardCost < nodeReward ? rewardCost : nodeReward;
    if (refund > 0n) lines.push({ address: validator.address, amountUpokt: refund, role: 'reward_cost_refund' });
    const remaining = refund > 0n ? nodeReward - refund : nodeReward;
    for (const share of splitNodeReward(remaining, validator)) lines.push({ address: share.address, amountUpokt: share.amountUpokt, role: share.role });
    if (feeCollector > 0n) lines.push({ address: MODULE_ADDRESSES.fee_collector, amountUpokt: feeCollector, role: 'fee_collector' });
  }
  let minted = 0n;
  for (const line of lines) minted += line.amountUpokt;
  // PERF: one object literal (a fixed shape) rather than a base object spread into the result:
  // the spread was ~4 µs of each plan's ~9 µs (~1,400 plans a mainnet-shaped block).
  return {
    servicer: input.servicer,
    chain: input.chain,
    relays: input.relays,
    stakeUpokt: validator === undefined ? null : stake,
    multiplierUpoktPerRelay: multiplier.value,
    multiplierSource: multiplier.source,
    pip22: derived.inputs,
    pip22Applied,
    flooredStakeUpokt: weighting.flooredStakeUpokt,
    bin: weighting.bin,
    weight: weighting.weightText,
    daoAllocationPercent: pos.daoAllocation,
    proposerAllocationPercent: pos.proposerAllocation,
    // The key order of the spread it replaces (JSON of a plan reads in this order).
    rewardCostUpokt: rewardCost,
    mintedUpokt: minted,
    feeCollectorUpokt: feeCollector,
    nodeRewardUpokt: coins - feeCollector,
    rewardCostRefundUpokt: refund > 0n ? refund : 0n,
    lines,
  };
}

export interface ReplayBurnInput {
  readonly servicer: Address;
  readonly totalProofs: bigint;
  readonly validator: Validator | undefined;
  readonly pos: PosParams;
  readonly replayAttackBurnMultiplier: bigint;
  readonly inactiveFeatures?: FeatureSet;
}

/**
 * The validator as the relay reward reads it (GetValidator → UnmarshalValidator,
 * x/nodes/keeper/validator.go:31-48): [NCUST] off → the legacy record, without output address or
 * delegators (validator_legacy.go:148-161), so the operator is paid whole; [RewardDelegators] off
 * → no delegators (validator.go:35-37). A genesis validator's delegators therefore split nothing
 * until both features are active.
 */
function routedValidator(validator: Validator | undefined, off: FeatureSet): Validator | undefined {
  if (validator === undefined) return validator;
  const legacy = off.has('NCUST');
  const dropDelegators = (legacy || off.has('RewardDelegators')) && validator.rewardDelegators !== null;
  const dropOutput = legacy && validator.outputAddress !== null;
  if (!dropDelegators && !dropOutput) return validator;
  return { ...validator, outputAddress: dropOutput ? null : validator.outputAddress, rewardDelegators: dropDelegators ? null : validator.rewardDelegators };
}

/** The burn's weight where pocket-core computes none ([RSCAL] off, slash.go:36-38; no validator, :21-25): 0 where it would overflow. */
function informativeBinWeight(bin: bigint, params: Pip22Params): Dec {
  try {
    return pip22WeightForBin(bin, params);
  } catch (error) {
    if (!isDecimalPanic(error)) throw error;
    return Dec.ZERO;
  }
}

/**
 * HandleReplayAttack → BurnForChallenge → simpleSlash, as a plan (file header). Throws where
 * pocket-core's decimals panic (isDecimalPanic), as planRelayReward.
 */
export function planReplayBurn(input: ReplayBurnInput): ReplayBurnPlan {
  const { pos, validator } = input;
  const params = pip22ParamsOf(pos);
  const pip22Applied = !(input.inactiveFeatures ?? NO_FEATURES_OFF).has('RSCAL');
  const challenges = input.totalProofs * input.replayAttackBurnMultiplier;
  const stake = validator?.tokensUpokt ?? 0n;
  const bin = pip22ChallengeBurnBin(stake, params);
  const base = {
    servicer: input.servicer,
    totalProofs: input.totalProofs,
    burnMultiplier: input.replayAttackBurnMultiplier,
    challenges,
    multiplierUpoktPerRelay: pos.relaysToTokensMultiplier,
    pip22: pip22Inputs(pos),
    pip22Applied,
    flooredStakeUpokt: pip22ChallengeBurnFlooredStake(stake, params),
    bin,
    // BurnForChallenge weighs only a validator it found, with [RSCAL] (slash.go:19-34).
    weight: (pip22Applied && validator !== undefined ? pip22WeightForBin(bin, params) : informativeBinWeight(bin, params)).toString(),
  };
  if (validator === undefined || validator.status === StakeStatus.Unstaked) {
    return { ...base, stakeUpokt: null, coinsUpokt: 0n, burnedUpokt: 0n, tokensAfterUpokt: null, forceUnstake: false };
  }
  const coins = pip22Applied ? pip22ChallengeBurnCoins(challenges, pos.relaysToTokensMultiplier, stake, params) : pos.relaysToTokensMultiplier * challenges;
  if (coins <= 0n) {
    return { ...base, stakeUpokt: stake, coinsUpokt: coins, burnedUpokt: 0n, tokensAfterUpokt: stake, forceUnstake: false };
  }
  const burned = coins < stake ? coins : stake;
  const after = stake - burned;
  return { ...base, stakeUpokt: stake, coinsUpokt: coins, burnedUpokt: burned, tokensAfterUpokt: after, forceUnstake: after < pos.stakeMinimumUpokt };
}
