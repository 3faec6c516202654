/**
 * Block reward: at BeginBlock of height h > 1, everything fee_collector holds (the fees of block
 * h−1's txs plus the DAO/proposer share of relay rewards minted in h−1) is split between the DAO
 * and the proposer of block h−1 (x/nodes/keeper/reward.go:227-298, params.go:168-184), after the
 * ledger's FeeBurnPercentage share is burned (PROTOCOL §14; default 0 = pocket-core).
 *
 *   burned      = floor(collected × FeeBurnPercentage / 100)
 *   distributed = collected − burned
 *   daoShare    = Dec(DAO) Quo Dec(DAO + Proposer)             (18-decimal, half-even)
 *   daoCut      = trunc(Dec(distributed) × daoShare)
 *   proposerCut = distributed − daoCut  → SplitNodeRewards to the proposer's delegators/output
 *
 * Worked example (mainnet genesis params DAO 10, Proposer 1, no burn): collected 1,100,000 →
 * daoShare = 10/11 rounded to 18 decimals = 0.909090909090909091 →
 * 1,100,000 × 0.909090909090909091 = 1,000,000.0000000000001 → daoCut = 1,000,000,
 * proposerCut = 100,000. With FeeBurnPercentage 99 (the docs' "99% burned"): burned 1,089,000,
 * distributed 11,000 → daoCut 10,000, proposerCut 1,000.
 *
 * If the proposer's validator record no longer exists, the proposer cut stays in fee_collector
 * and is split again next block (§12.2 item 15). Features off (PROTOCOL §12.1): before
 * [RewardDelegators] the delegators are ignored; before [NCUST] the whole cut goes to the
 * proposer's address, record or not (`proposerShares`). DAO + Proposer = 0 divides by zero in
 * pocket-core (params.go:176: a BeginBlock panic, a halted chain); the ledger refuses it at
 * governance (ledger:15) and in genesis, so the zero-sum branch below is only defensive.
 */
import { Dec } from '../../core/bigdec.js';
import { NO_FEATURES_OFF, type FeatureSet } from '../../core/features.js';
import type { Address } from '../../core/types.js';
import type { PosParams } from '../../params/params.js';
import { splitNodeReward, type RewardShare } from './reward-split.js';
import type { Validator } from './state.js';

export interface BlockRewardPlan {
  readonly collectedUpokt: bigint;
  readonly burnedUpokt: bigint;
  readonly daoUpokt: bigint;
  /** Proposer of the previous block (null at height 1 or when none was recorded). */
  readonly proposer: Address | null;
  readonly proposerUpokt: bigint;
  /** Where the proposer cut went (delegators, then the output address or operator). */
  readonly shares: readonly RewardShare[];
  /** Part of the proposer cut left in fee_collector (proposer gone, or nothing to split). */
  readonly retainedUpokt: bigint;
}

/**
 * Who receives the proposer cut (reward.go:247-297): with [NCUST] the validator's record (none →
 * nothing, the cut stays), its delegators only with [RewardDelegators] (:257-259); before [NCUST]
 * the whole cut goes to the proposer's address, record or not (:294).
 */
function proposerShares(proposerUpokt: bigint, proposer: Address | null, proposerValidator: Validator | undefined, off: FeatureSet): RewardShare[] {
  if (off.has('NCUST')) return proposer === null || proposerUpokt <= 0n ? [] : [{ address: proposer, amountUpokt: proposerUpokt, role: 'primary' }];
  if (proposerValidator === undefined) return [];
  return splitNodeReward(proposerUpokt, off.has('RewardDelegators') ? { ...proposerValidator, rewardDelegators: null } : proposerValidator);
}

export function planBlockReward(
  collectedUpokt: bigint,
  params: Pick<PosParams, 'daoAllocation' | 'proposerAllocation' | 'feeBurnPercentage'>,
  proposer: Address | null,
  proposerValidator: Validator | undefined,
  off: FeatureSet = NO_FEATURES_OFF,
): BlockRewardPlan | null {
  if (collectedUpokt <= 0n) return null;
  const burnedUpokt = (collectedUpokt * params.feeBurnPercentage) / 100n;
  const distributed = collectedUpokt - burnedUpokt;
  const allocationSum = params.daoAllocation + params.proposerAllocation;
  const daoUpokt =
    allocationSum === 0n
      ? 0n
      : Dec.fromInt(distributed).mul(Dec.fromInt(params.daoAllocation).quo(Dec.fromInt(allocationSum))).truncateInt();
  const proposerUpokt = distributed - daoUpokt;
  const shares = proposerShares(proposerUpokt, proposer, proposerValidator, off);
  const paid = shares.reduce((sum, share) => sum + share.amountUpokt, 0n);
  return { collectedUpokt, burnedUpokt, daoUpokt, proposer, proposerUpokt, shares, retainedUpokt: proposerUpokt - paid };
}
