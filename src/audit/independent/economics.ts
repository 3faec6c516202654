/**
 * The audit's second implementation of every economic formula, written from PROTOCOL.md
 * (§5.1 relay reward pipeline, §5.2 PIP-22, §5.3 block reward, §4.8 replay burn, §6.6 slashes,
 * §14 FeeBurnPercentage and ApplicationBurnRate). Pure functions over plain inputs; the reducer's
 * modules are never imported (test/unit/architecture checks it).
 */
import { DecOverflow, formatDecimal, fracPow, fromInt, mul, ONE, parseDecimal, quo, truncate } from './dec.js';

export interface Pip22Params {
  readonly floor: bigint; // ServicerStakeFloorMultiplier F
  readonly ceiling: bigint; // ServicerStakeWeightCeiling C
  readonly exponent: bigint; // ServicerStakeFloorMultiplierExponent E (scaled 10^18)
  readonly weightMultiplier: bigint; // ServicerStakeWeightMultiplier W (scaled 10^18)
}

export interface Weighted {
  readonly flooredStake: bigint;
  readonly bin: bigint;
  /** Scaled 10^18. */
  readonly weight: bigint;
}

/**
 * PIP-22 (§5.2): flooredStake = min(stake − stake mod F, C − C mod F); bin = flooredStake / F;
 * weight = FracPow(bin, E) / W. Example (F = 15,000 POKT, C = 60,000 POKT, E = 1, W = 1):
 * stake 31,000 POKT → floored 30,000 POKT, bin 2, weight 2.000000000000000037 (§5.2's note).
 * `replayCeilingBug` (§4.8): the replay burn's ceiling term is C − (stake mod F).
 */
export function pip22Weight(stake: bigint, p: Pip22Params, replayCeilingBug = false): Weighted {
  const { flooredStake, bin } = pip22Bin(stake, p, replayCeilingBug);
  return { flooredStake, bin, weight: binWeight(bin, p) };
}

/**
 * FracPow(bin, E) / W, remembered per (bin, E, W): a pure function of three numbers that takes
 * ApproxRoot's Newton loop, asked for every proof — twice where the audit first checks that the
 * reward does not panic (tx-outcomes.ts) — over a handful of bins. A panic (DecOverflow) is
 * remembered too and thrown again. Bounded: cleared past 4,096 entries.
 */
const binWeights = new Map<string, bigint | DecOverflow>();

function binWeight(bin: bigint, p: Pip22Params): bigint {
  const key = `${bin}|${p.exponent}|${p.weightMultiplier}`;
  let weight = binWeights.get(key);
  if (weight === undefined) {
    try {
      weight = quo(fracPow(fromInt(bin), p.exponent), p.weightMultiplier);
    } catch (error) {
      if (!(error instanceof DecOverflow)) throw error;
      weight = error;
    }
    if (binWeights.size >= 4096) binWeights.clear();
    binWeights.set(key, weight);
  }
  if (weight instanceof DecOverflow) throw weight;
  return weight;
}

function pip22Bin(stake: bigint, p: Pip22Params, replayCeilingBug: boolean): { flooredStake: bigint; bin: bigint } {
  const ceilingFloor = p.ceiling - (replayCeilingBug ? euclideanMod(stake, p.floor) : euclideanMod(p.ceiling, p.floor));
  const own = stake - euclideanMod(stake, p.floor);
  const flooredStake = own < ceilingFloor ? own : ceilingFloor;
  return { flooredStake, bin: flooredStake / p.floor };
}

/**
 * sdk.BigInt.Mod is big.Int.Mod (types/int.go:35, 282-287): Euclidean, never negative, where a
 * bigint `%` keeps the dividend's sign. Example: −1 mod 15e9 = 15e9 − 1 (`%` gives −1), so a
 * ServicerStakeWeightCeiling of −1 floors to −15e9, bin −1, not to 0.
 */
function euclideanMod(a: bigint, m: bigint): bigint {
  const r = a % m;
  return r < 0n ? r + (m < 0n ? -m : m) : r;
}

/**
 * The PIP-22 fields where the coins are not weighted ([RSCAL] off): pocket-core computes no weight
 * then (x/nodes/keeper/reward.go:72-75, slash.go:36-38), so one its decimals could not hold
 * (DecOverflow) is shown as 0 rather than failing the proof.
 */
export function informativeWeight(stake: bigint, p: Pip22Params, replayCeilingBug = false): Weighted {
  try {
    return pip22Weight(stake, p, replayCeilingBug);
  } catch (error) {
    if (!(error instanceof DecOverflow)) throw error;
    return { ...pip22Bin(stake, p, replayCeilingBug), weight: 0n };
  }
}

/** coins = trunc((M · relays) · weight), each product rounded half-even at 18 decimals. */
export function weightedCoins(multiplier: bigint, relays: bigint, weight: bigint): bigint {
  return truncate(mul(mul(fromInt(multiplier), fromInt(relays)), weight));
}

/**
 * splitRewards (§5.1 step 5): feesCollected = trunc(r·DAO/100 + r·Proposer/100), one truncation
 * of the sum. Example: coins 1,000, DAO 10, proposer 1 → 110 to fee_collector, 890 to the node.
 */
export function feeCollectorShare(coins: bigint, daoPercent: bigint, proposerPercent: bigint): bigint {
  const r = fromInt(coins);
  return truncate(mul(r, fromInt(daoPercent) / 100n) + mul(r, fromInt(proposerPercent) / 100n));
}

export interface Payout {
  readonly role: string;
  readonly address: string;
  readonly amount: bigint;
}

export interface Recipient {
  readonly operator: string;
  readonly outputAddress: string | null;
  readonly delegators: ReadonlyArray<readonly [string, number]> | null;
}

/**
 * SplitNodeRewards (§5.1 step 7): each delegator trunc(amount × share / 100) if > 0, the rest to
 * the output address (or the operator). An invalid share map (a share that is not a positive
 * uint32, a key that is not a 20-byte hex address, a total above 100) pays nothing at all — no
 * delegator and no primary line: SplitNodeRewards returns on NormalizeRewardDelegators' error
 * before any callback (x/nodes/keeper/reward.go:183-187; x/nodes/types/msg.go:327-359).
 */
export function splitToRecipients(amount: bigint, recipient: Recipient): Payout[] {
  if (amount <= 0n) return [];
  const primary = recipient.outputAddress ?? recipient.operator;
  const delegators = [...(recipient.delegators ?? [])].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
  if (!validShares(delegators)) return [];
  const payouts: Payout[] = [];
  let remains = amount;
  for (const [address, share] of delegators) {
    const allocation = (amount * BigInt(share)) / 100n;
    if (allocation <= 0n) continue;
    payouts.push({ role: 'delegator', address, amount: allocation });
    remains -= allocation;
  }
  if (remains > 0n) payouts.push({ role: 'primary', address: primary, amount: remains });
  return payouts;
}

/** NormalizeRewardDelegators' checks (msg.go:327-359): shares positive uint32, keys 20-byte hex, total ≤ 100. */
function validShares(delegators: ReadonlyArray<readonly [string, number]>): boolean {
  const total = delegators.reduce((sum, [, share]) => sum + share, 0);
  return total <= 100 && delegators.every(([address, share]) => Number.isInteger(share) && share > 0 && share <= 0xffff_ffff && /^[0-9a-fA-F]{40}$/.test(address));
}

/**
 * The reward-path features of x/nodes/keeper/reward.go, each true while active (the default):
 * [RSCAL] weights coins by PIP-22 (CalculateRelayReward, :60-78; else coins = M × relays);
 * [RewardDelegators] refunds the reward cost (:125-143) and keeps a node's delegators — in the
 * block reward explicitly (:257-259), in the relay reward because the record read has none
 * before it (UnmarshalValidator, x/nodes/keeper/validator.go:31-41); [NCUST] pays the output
 * address (:95-101; before it the operator's own address, and the legacy record has no
 * delegators either, x/nodes/types/validator_legacy.go:148-161).
 */
export interface RewardFeatures {
  readonly rscal: boolean;
  readonly rewardDelegators: boolean;
  readonly ncust: boolean;
}

export const ALL_REWARD_FEATURES: RewardFeatures = { rscal: true, rewardDelegators: true, ncust: true };

export interface RelayRewardInputs {
  readonly relays: bigint;
  readonly multiplier: bigint;
  readonly stake: bigint;
  readonly pip22: Pip22Params;
  readonly daoPercent: bigint;
  readonly proposerPercent: bigint;
  /** fee(claim) + fee(proof) with the fee multipliers in force (PIP-32). */
  readonly rewardCost: bigint;
  readonly recipient: Recipient;
  readonly features?: RewardFeatures;
}

export interface RelayReward extends Weighted {
  readonly minted: bigint;
  /** What the fee collector is minted: splitRewards' share when positive, else 0 (reward.go:161-163). */
  readonly feeCollector: bigint;
  readonly refund: bigint;
  readonly payouts: readonly Payout[];
}

export const FEE_COLLECTOR = 'f1829676db577682e944fc3493d451b67ff3e29f'; // SHA-256("fee_collector")[:20], PROTOCOL §0

/**
 * The relay reward of one valid proof (§5.1 steps 3–8 with §5.2), under `features`. Example with
 * [RSCAL] off: M 1,000, 10 relays → coins 10,000 whatever the stake; DAO 10 and proposer 1 →
 * 1,100 to fee_collector, 8,900 to the node (less the refund while [RewardDelegators] is on).
 */
export function relayReward(input: RelayRewardInputs): RelayReward {
  const features = input.features ?? ALL_REWARD_FEATURES;
  const weighted = features.rscal ? pip22Weight(input.stake, input.pip22) : informativeWeight(input.stake, input.pip22);
  const coins = features.rscal ? weightedCoins(input.multiplier, input.relays, weighted.weight) : input.multiplier * input.relays;
  const feeCollector = feeCollectorShare(coins, input.daoPercent, input.proposerPercent);
  let nodeReward = coins - feeCollector;
  const rewardCost = features.rewardDelegators ? input.rewardCost : 0n;
  const refund = rewardCost < nodeReward ? rewardCost : nodeReward > 0n ? nodeReward : 0n;
  nodeReward -= refund;
  const payouts: Payout[] = [];
  if (refund > 0n) payouts.push({ role: 'reward_cost_refund', address: input.recipient.operator, amount: refund });
  payouts.push(...splitToRecipients(nodeReward, relayRecipient(input.recipient, features)));
  // A negative reward (a negative RTTM or W) makes a negative share: only a positive one is minted (reward.go:161-163).
  const feeCollectorMinted = feeCollector > 0n ? feeCollector : 0n;
  if (feeCollectorMinted > 0n) payouts.push({ role: 'fee_collector', address: FEE_COLLECTOR, amount: feeCollectorMinted });
  const minted = payouts.reduce((sum, p) => sum + p.amount, 0n);
  return { ...weighted, minted, feeCollector: feeCollectorMinted, refund, payouts };
}

/** The node as the relay reward reads it: delegators only with [NCUST] and [RewardDelegators], an output address only with [NCUST]. */
function relayRecipient(recipient: Recipient, features: RewardFeatures): Recipient {
  return {
    operator: recipient.operator,
    outputAddress: features.ncust ? recipient.outputAddress : null,
    delegators: features.ncust && features.rewardDelegators ? recipient.delegators : null,
  };
}

export interface BlockReward {
  readonly burned: bigint;
  readonly dao: bigint;
  readonly proposerCut: bigint;
  readonly shares: readonly Payout[];
  readonly retained: bigint;
}

/**
 * The block reward (§5.3 with §14 FeeBurnPercentage): burned = floor(fees × burn% / 100); of the
 * rest, DAO cut = trunc(rest × DAO/(DAO+Proposer)) (the ratio rounded half-even); the proposer
 * cut goes to the previous proposer's recipients, or stays (retained) when it no longer exists.
 * Example: fees 1,100,000, burn 0, DAO 10, proposer 1: ratio 0.909090909090909091 → DAO
 * 1,000,000, proposer 100,000.
 */
export function blockReward(fees: bigint, burnPercent: bigint, daoPercent: bigint, proposerPercent: bigint, proposer: Recipient | undefined, features: RewardFeatures = ALL_REWARD_FEATURES, proposerAddress: string | null = proposer?.operator ?? null): BlockReward {
  const burned = (fees * burnPercent) / 100n;
  const rest = fees - burned;
  const sum = daoPercent + proposerPercent;
  const dao = sum === 0n ? 0n : truncate(mul(fromInt(rest), quo(fromInt(daoPercent), fromInt(sum))));
  const proposerCut = rest - dao;
  const shares = proposerShares(proposerCut, proposer, features, proposerAddress);
  const paid = shares.reduce((total, s) => total + s.amount, 0n);
  return { burned, dao, proposerCut, shares, retained: proposerCut - paid };
}

/**
 * Who gets the proposer cut (x/nodes/keeper/reward.go:247-297): with [NCUST] the validator's
 * recipients (none left → nothing paid, the cut stays), its delegators only with
 * [RewardDelegators]; before [NCUST] the whole cut to the previous proposer's address, with or
 * without a validator record.
 */
function proposerShares(cut: bigint, proposer: Recipient | undefined, features: RewardFeatures, proposerAddress: string | null): Payout[] {
  if (!features.ncust) return proposerAddress === null || cut <= 0n ? [] : [{ role: 'primary', address: proposerAddress, amount: cut }];
  if (proposer === undefined) return [];
  return splitToRecipients(cut, features.rewardDelegators ? proposer : { ...proposer, delegators: null });
}

/** Downtime / double-sign slash (§6.6): min(trunc(power × 10^6 × fraction), tokens). */
export function slashAmount(power: bigint, fraction: bigint, tokens: bigint): bigint {
  const amount = truncate(fromInt(power * 1_000_000n) * fraction / ONE);
  return amount < tokens ? amount : tokens;
}

/**
 * Replay-attack burn (§4.8): challenges = totalProofs × ReplayAttackBurnMultiplier; coins =
 * trunc(RTTM × challenges × weight) with the buggy ceiling; burned = min(coins, tokens).
 */
export function replayBurn(totalProofs: bigint, burnMultiplier: bigint, multiplier: bigint, stake: bigint, pip22: Pip22Params, rscal = true): { coins: bigint; burned: bigint; weight: string } {
  const weighted = rscal ? pip22Weight(stake, pip22, true) : informativeWeight(stake, pip22, true);
  // Before [RSCAL] BurnForChallenge burns RTTM × challenges, unweighted (x/nodes/keeper/slash.go:16-38).
  const coins = rscal ? weightedCoins(multiplier, totalProofs * burnMultiplier, weighted.weight) : multiplier * totalProofs * burnMultiplier;
  return { coins, burned: coins < stake ? coins : stake, weight: formatDecimal(weighted.weight) };
}

export const APP_BURN_FLOOR = 1_000_000n;

/**
 * ApplicationBurnRate (§14): target = trunc(mint × rate); shared pro rata to stake among staked
 * apps, none below 1 POKT; an app whose share reaches its headroom burns all of it and the rest
 * is shared again; leftover units go one each to the largest remainders (ties: lower address).
 */
export function applicationBurns(mint: bigint, rate: bigint, apps: ReadonlyArray<{ address: string; stake: bigint }>): Map<string, bigint> {
  const burns = new Map<string, bigint>();
  let remaining = truncate(fromInt(mint) * rate / ONE);
  let active = apps.filter((a) => a.stake > APP_BURN_FLOOR).sort((a, b) => (a.address < b.address ? -1 : 1));
  while (remaining > 0n && active.length > 0) {
    const totalStake = active.reduce((sum, a) => sum + a.stake, 0n);
    const full = active.filter((a) => remaining * a.stake >= (a.stake - APP_BURN_FLOOR) * totalStake);
    if (full.length === 0) {
      const floors = active.map((a) => ({ a, floor: (remaining * a.stake) / totalStake, rest: (remaining * a.stake) % totalStake }));
      let leftover = remaining - floors.reduce((sum, f) => sum + f.floor, 0n);
      for (const f of [...floors].sort((x, y) => (x.rest === y.rest ? (x.a.address < y.a.address ? -1 : 1) : x.rest > y.rest ? -1 : 1))) {
        const extra = leftover > 0n ? 1n : 0n;
        leftover -= extra;
        if (f.floor + extra > 0n) burns.set(f.a.address, f.floor + extra);
      }
      return burns;
    }
    for (const a of full) {
      burns.set(a.address, a.stake - APP_BURN_FLOOR);
      remaining -= a.stake - APP_BURN_FLOOR;
    }
    active = active.filter((a) => !full.includes(a));
  }
  return burns;
}

export { formatDecimal, parseDecimal };
