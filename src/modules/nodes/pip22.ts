/**
 * PIP-22 stake-weighted servicer rewards ([RSCAL]; PROTOCOL §5.2), as pure functions.
 *
 *   F = ServicerStakeFloorMultiplier (uPOKT), C = ServicerStakeWeightCeiling (uPOKT),
 *   W = ServicerStakeWeightMultiplier (Dec),  E = ServicerStakeFloorMultiplierExponent (Dec)
 *
 *   flooredStake = min(stake − stake mod F, C − C mod F)            (bigint, Euclidean mod)
 *   bin          = flooredStake quo F                                (truncating)
 *   weight       = Dec(bin).fracPow(E, 100).quo(W)                  (Dec, see core/bigdec.ts)
 *   coins        = trunc((Dec(M) · Dec(relays)) · weight)           (each · half-even)
 * (x/nodes/keeper/reward.go:27-51; Pip22ExponentDenominator = 100, x/nodes/keeper/params.go:17.)
 *
 * Worked example (TV-2, reward_test.go:259-337: F = 15e9, C = 60e9, W = 1, E = 1, M = 1000,
 * relays = 10,000): stake 30e9 → floored 30e9, bin 2, weight = approxRoot(2, 100)^100 / 1 =
 * 2.000000000000000037, coins = trunc(10,000,000 · 2.000000000000000037) = 20,000,000.
 * The weight is not exactly 2: pocket's FracPow always takes the 100th root and raises it to
 * round(E·100), so only a bit-exact port of ApproxRoot/Power reproduces the last digits.
 *
 * Division by zero (F = 0 or W = 0, reachable only through an unvalidated governance change)
 * panics in Go; here it throws InvariantError (core/bigint.ts, core/bigdec.ts).
 */
import { Dec } from '../../core/bigdec.js';
import { euclideanMod, truncatingQuo } from '../../core/bigint.js';

/** The PIP-22 parameters, with units. */
export interface Pip22Params {
  /** F: stake per bin (ServicerStakeFloorMultiplier), uPOKT. */
  readonly floorMultiplierUpokt: bigint;
  /** C: stake above which the weight stops growing (ServicerStakeWeightCeiling), uPOKT. */
  readonly weightCeilingUpokt: bigint;
  /** W: divisor applied to every weight (ServicerStakeWeightMultiplier). */
  readonly weightMultiplier: Dec;
  /** E: exponent applied to the bin number (ServicerStakeFloorMultiplierExponent). */
  readonly exponent: Dec;
}

/** FracPow's denominator for the PIP-22 exponent: E is honoured in steps of 0.01 (params.go:13-17). */
export const PIP22_EXPONENT_DENOMINATOR = 100;

/** Picks the PIP-22 fields out of the pos/nodes params record (names as in src/params). */
export function pip22ParamsOf(nodes: {
  readonly servicerStakeFloorMultiplier: bigint;
  readonly servicerStakeWeightCeiling: bigint;
  readonly servicerStakeWeightMultiplier: Dec;
  readonly servicerStakeFloorMultiplierExponent: Dec;
}): Pip22Params {
  return {
    floorMultiplierUpokt: nodes.servicerStakeFloorMultiplier,
    weightCeilingUpokt: nodes.servicerStakeWeightCeiling,
    weightMultiplier: nodes.servicerStakeWeightMultiplier,
    exponent: nodes.servicerStakeFloorMultiplierExponent,
  };
}

/**
 * Rounds a stake down to the start of its bin: `value − value mod F`.
 * Used by the reward formula and by the VEDIT edit-stake rule (valStateChanges.go:226-231).
 * Example: F = 15e9, value 44.9e9 → 30e9; value 45e9 → 45e9.
 */
export function pip22FloorToBin(valueUpokt: bigint, floorMultiplierUpokt: bigint): bigint {
  return valueUpokt - euclideanMod(valueUpokt, floorMultiplierUpokt);
}

/**
 * The stake the reward is weighted by: min(stake − stake mod F, C − C mod F) (reward.go:32-37).
 * Example: F = 15e9, C = 60e9: stake 44.9e9 → 30e9; stake 100e9 → 60e9 (the ceiling's bin).
 */
export function pip22FlooredStake(stakeUpokt: bigint, params: Pip22Params): bigint {
  const floored = pip22FloorToBin(stakeUpokt, params.floorMultiplierUpokt);
  const ceiling = pip22FloorToBin(params.weightCeilingUpokt, params.floorMultiplierUpokt);
  return floored < ceiling ? floored : ceiling;
}

/** The bin number: flooredStake quo F (reward.go:39). Example: F = 15e9, stake 44.9e9 → 2. Stake < F → 0. */
export function pip22Bin(stakeUpokt: bigint, params: Pip22Params): bigint {
  return truncatingQuo(pip22FlooredStake(stakeUpokt, params), params.floorMultiplierUpokt);
}

/**
 * Weight of a bin: Dec(bin).fracPow(E, 100).quo(W) (reward.go:42-48).
 * Examples (E = 1, W = 1): bin 1 → 1, bin 2 → 2.000000000000000037, bin 3 → 3.000000000000000158,
 * bin 4 → 4.000000000000000149; bin 0 → 0. With W = 2.735 the bin-4 weight is
 * 4.000000000000000149 / 2.735 rounded half-even at 10^-18.
 * DEV_NOTE: for bin ≥ 499 the 100th-root Newton iteration overflows inside ApproxRoot and Go's
 * FracPow silently returns 1, so the weight drops to 1/W. Replicated; the python oracle (test/oracle/verdicts/pip22.json) confirms it.
 */
export function pip22WeightForBin(bin: bigint, params: Pip22Params): Dec {
  const key = `${bin}|${params.exponent.scaled}|${params.weightMultiplier.scaled}`;
  let weight = weightMemo.get(key);
  if (weight === undefined) {
    weight = Dec.fromInt(bin).fracPow(params.exponent, PIP22_EXPONENT_DENOMINATOR).quo(params.weightMultiplier);
    if (weightMemo.size >= WEIGHT_MEMO_CAPACITY) weightMemo.clear();
    weightMemo.set(key, weight);
  }
  return weight;
}

/**
 * PERF: weights by (bin, E, W). The 100th-root Newton iteration costs ~20 µs and every relay
 * reward (one per proof, ~1,400 a mainnet block) computes one, over a handful of bins.
 * DEV_NOTE: determinism — the key is every input of the pure function above (Dec is immutable;
 * a computation that throws is not stored), so a hit returns exactly what computing would.
 */
const WEIGHT_MEMO_CAPACITY = 1_024;
const weightMemo = new Map<string, Dec>();

/** Weight for a stake: pip22WeightForBin(pip22Bin(stake)). */
export function pip22Weight(stakeUpokt: bigint, params: Pip22Params): Dec {
  return pip22WeightForBin(pip22Bin(stakeUpokt, params), params);
}

/**
 * Minted relay reward before the DAO/proposer split: trunc((Dec(M) · Dec(relays)) · weight)
 * (reward.go:49-50). The first product is exact (both integers); the second rounds half-even at
 * 10^-18 and the truncation then drops the fraction.
 * Example (TV-2): M = 1000, relays 10,000, stake 45e9 (bin 3, weight 3.000000000000000158) →
 * trunc(30,000,000.00000000000474) = 30,000,000 uPOKT.
 */
export function pip22RewardCoins(
  relays: bigint,
  multiplierUpoktPerRelay: bigint,
  stakeUpokt: bigint,
  params: Pip22Params,
): bigint {
  return pip22CoinsForWeight(relays, multiplierUpoktPerRelay, pip22Weight(stakeUpokt, params));
}

/** pip22RewardCoins for a weight already known: trunc((Dec(M) · Dec(count)) · weight). */
export function pip22CoinsForWeight(count: bigint, multiplierUpoktPerRelay: bigint, weight: Dec): bigint {
  return Dec.fromInt(multiplierUpoktPerRelay).mul(Dec.fromInt(count)).mul(weight).truncateInt();
}

/**
 * The floored stake as BurnForChallenge computes it, WITH pocket-core's bug (slash.go:29):
 *   min(stake − stake mod F, C − stake mod F)        ← the ceiling term subtracts *stake* mod F
 * instead of C mod F. For stake ≥ C with stake mod F ≠ 0 (and C a multiple of F) this lands one
 * bin lower than the reward formula. PROTOCOL §4.8, §12.2 item 7: replicated for parity.
 * Example: F = 15e9, C = 60e9, stake 61e9: reward floor = 60e9 (bin 4); burn floor =
 * min(60e9, 60e9 − 1e9) = 59e9 → bin 3.
 * If C < stake mod F the result is negative and so is the bin (quo truncates toward zero); Go
 * does the same and its FracPow then works on a negative base.
 */
export function pip22ChallengeBurnFlooredStake(stakeUpokt: bigint, params: Pip22Params): bigint {
  const remainder = euclideanMod(stakeUpokt, params.floorMultiplierUpokt);
  const floored = stakeUpokt - remainder;
  const buggyCeiling = params.weightCeilingUpokt - remainder;
  return floored < buggyCeiling ? floored : buggyCeiling;
}

/** Bin used by BurnForChallenge (slash.go:31), from the buggy floored stake above. */
export function pip22ChallengeBurnBin(stakeUpokt: bigint, params: Pip22Params): bigint {
  return truncatingQuo(pip22ChallengeBurnFlooredStake(stakeUpokt, params), params.floorMultiplierUpokt);
}

/**
 * Coins burned by BurnForChallenge under [RSCAL] (slash.go:16-40), before simpleSlash caps them
 * at the stake: trunc((Dec(RTTM) · Dec(challenges)) · weight(buggy bin)). `challenges` is
 * TotalProofs × ReplayAttackBurnMultiplier (proof.go:243-246); RTTM is the default
 * RelaysToTokensMultiplier, never the per-chain one.
 * Example: F = 15e9, C = 60e9, E = 1, W = 1, RTTM 1000, challenges 3, stake 61e9 → bin 3,
 * trunc(3000 · 3.000000000000000158) = 9,000 (the reward formula would use bin 4: 12,000).
 */
export function pip22ChallengeBurnCoins(
  challenges: bigint,
  relaysToTokensMultiplier: bigint,
  stakeUpokt: bigint,
  params: Pip22Params,
): bigint {
  const weight = pip22WeightForBin(pip22ChallengeBurnBin(stakeUpokt, params), params);
  return pip22CoinsForWeight(challenges, relaysToTokensMultiplier, weight);
}

/**
 * VEDIT ([RSCAL] & [VEDIT], valStateChanges.go:224-233): below the ceiling, an edit-stake must
 * move the stake into a strictly higher bin: floorToBin(newValue) > currentTokens. At or above
 * the ceiling anything goes (the "not staking less" check runs separately, before this one).
 * Returns false where pocket rejects with pos:122 (ErrSameBinEditStake).
 * Example: F = 15e9, C = 60e9, current 31e9: new 44e9 → floor 30e9 ≤ 31e9 → false;
 * new 45e9 → floor 45e9 > 31e9 → true; new 60e9 → at the ceiling → true.
 */
export function pip22EditStakeReachesHigherBin(
  newValueUpokt: bigint,
  currentTokensUpokt: bigint,
  params: Pip22Params,
): boolean {
  if (newValueUpokt >= params.weightCeilingUpokt) return true;
  return pip22FloorToBin(newValueUpokt, params.floorMultiplierUpokt) > currentTokensUpokt;
}
