/**
 * Application throughput, written from PROTOCOL §7 (pocket-core x/apps/keeper/application.go:
 * 145-166, x/pocketcore/types/session.go:290-294; checked against RC-0.12.0). Every step is an
 * 18-decimal operation of dec.ts (half-even rounding):
 *   MaxRelays         = trunc(PR · (BaseRelaysPerPOKT ÷ 100) · (stake ÷ 10^6) + StabilityAdjustment), ≤ 2^64 − 1
 *                       (PR = 1 with ParticipationRateOn false; computed when the app stakes or raises its stake)
 *   MaxPossibleRelays = roundHalfEven((MaxRelays ÷ #app chains) ÷ SessionNodeCount)
 * Examples (TV-8, x/apps/keeper/application_test.go:46-131): stake 100,000,000,000, base 100 →
 * 100,000 relays; MaxRelays 2,000,000 over 3 chains, SNC 24 → 666,666.666666666666666667 ÷ 24 =
 * 27,777.777777777777777778 → 27,778.
 */
import { fromInt, mul, quo, roundHalfEven, truncate } from './dec.js';
const MAX_RELAYS_CAP = (1n << 64n) - 1n;
/** null with ParticipationRateOn: the rate reads the pools at an instant the audit does not reproduce exactly. */
export function appMaxRelays(params, stakeUpokt) {
    if (params.bool('application/ParticipationRateOn'))
        return null;
    const perPokt = quo(fromInt(params.int('application/BaseRelaysPerPOKT')), fromInt(100n));
    const baseline = mul(perPokt, quo(fromInt(stakeUpokt), fromInt(1000000n)));
    const relays = truncate(baseline + fromInt(params.int('application/StabilityAdjustment')));
    return relays > MAX_RELAYS_CAP ? MAX_RELAYS_CAP : relays;
}
export function maxPossibleRelays(maxRelays, chains, sessionNodeCount) {
    return roundHalfEven(quo(quo(fromInt(maxRelays), fromInt(BigInt(chains))), fromInt(BigInt(sessionNodeCount))));
}
//# sourceMappingURL=app-relays.js.map