/**
 * Application throughput (PROTOCOL §7), as pure functions over explicit inputs.
 *
 * CalculateAppRelays (x/apps/keeper/application.go:145-166), every step a Dec operation:
 *   participationRate = 1, or if ParticipationRateOn: Dec(appsStaked + nodesStaked) quo Dec(totalSupply)
 *   basePercentage    = Dec(BaseRelaysPerPOKT) quo Dec(100)
 *   baseline          = basePercentage · (Dec(stake) quo Dec(1,000,000))
 *   maxRelays         = trunc(participationRate · baseline + Dec(StabilityAdjustment)), capped at 2^64 − 1
 * (quo and · round half-even at 10^-18; trunc drops the fraction toward zero.)
 *
 * MaxPossibleRelays (x/pocketcore/types/session.go:290-294), a node's allowance per session:
 *   roundHalfEven((Dec(maxRelays) quo Dec(numChains)) quo Dec(sessionNodeCount))
 *
 * Worked examples (TV-8, x/apps/keeper/application_test.go:46-131):
 *   stake 100,000,000,000, base 100, SA 0: (100/100) · 100,000 = 100,000 relays; 1 chain,
 *   SNC 1 → 100,000 per node per session.
 *   stake 2,228,350,000,000, base 200,000: 2,000 · 2,228,350 = 4,456,700,000; 1 chain, SNC 24 →
 *   185,695,833.333… → 185,695,833.
 *   stake 1,000,000,000, base 200,000, 3 chains, SNC 24: 2,000,000 relays; 2,000,000/3 =
 *   666,666.666666666666666667, /24 = 27,777.777777777777777778 → 27,778.
 *
 * A zero totalSupply, numChains or sessionNodeCount divides by zero: Go panics, we throw
 * InvariantError (a staked application always has ≥ 1 chain; SessionNodeCount is ≥ 1).
 */
import { Dec } from '../../core/bigdec.js';
/** MaxRelays is bounded to math.MaxUint64 (application.go:160-164). */
export const MAX_RELAYS_CAP = (1n << 64n) - 1n;
const ONE_HUNDRED = Dec.fromInt(100);
const UPOKT_PER_POKT = Dec.fromInt(1_000_000);
/**
 * The participation rate: 1 when the switch is off, else (apps + nodes staked) / total supply.
 * Example: apps 1e12, nodes 3e12, supply 8e12 → 0.5.
 */
export function participationRate(input) {
    if (!input.participationRateOn)
        return Dec.ONE;
    const staked = Dec.fromInt(input.appsStakedPoolUpokt + input.nodesStakedPoolUpokt);
    return staked.quo(Dec.fromInt(input.totalSupplyUpokt));
}
/**
 * MaxRelays for an application (CalculateAppRelays). Computed when the app stakes or raises its
 * stake only; param changes do not re-rate existing apps (PROTOCOL §7, §12.2 item 13).
 * A negative StabilityAdjustment can make the result negative; Go does not clamp it and neither do we.
 */
export function calculateAppRelays(input) {
    const basePercentage = Dec.fromInt(input.baseRelaysPerPokt).quo(ONE_HUNDRED);
    const baselineThroughput = basePercentage.mul(Dec.fromInt(input.stakeUpokt).quo(UPOKT_PER_POKT));
    const relays = participationRate(input)
        .mul(baselineThroughput)
        .add(Dec.fromInt(input.stabilityAdjustment))
        .truncateInt();
    return relays >= MAX_RELAYS_CAP ? MAX_RELAYS_CAP : relays;
}
/**
 * Relays one node may serve one application in one session (MaxPossibleRelays):
 * roundHalfEven(maxRelays / numChains / sessionNodeCount), each `/` a Dec quo.
 * Example: maxRelays 4,456,700,000, 1 chain, 24 nodes → 185,695,833.
 */
export function maxPossibleRelays(maxRelays, numChains, sessionNodeCount) {
    return Dec.fromInt(maxRelays).quo(Dec.fromInt(numChains)).quo(Dec.fromInt(sessionNodeCount)).roundInt();
}
//# sourceMappingURL=max-relays.js.map