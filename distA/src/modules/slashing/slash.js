/**
 * Slash (x/nodes/keeper/slash.go:105-170), as a pure plan: the events that burn part of a
 * validator's stake and, if what is left is below StakeMinimum, force it out (post-[NCUST]
 * ForceValidatorUnstake: jail + waiting set; the remaining stake is REFUNDED through normal
 * unstaking, PROTOCOL §6.6 — not burned as pre-NCUST pocket-core did).
 *
 *   amount = trunc(Dec(power × 10^6) × fraction)        (TokensFromConsensusPower, then Mul half-even)
 *   burned = min(amount, tokens)
 *
 * Worked example (TV-10, x/nodes/keeper/slash_test.go:360-420): tokens 100,000,000,000,
 * power 1, fraction 0.05 → amount = 1,000,000 × 0.05 = 50,000 → tokens 99,999,950,000.
 * Mainnet downtime (fraction 0.000001) of a 15,000-POKT validator (power 15,000):
 * 15,000,000,000 × 0.000001 = 15,000 uPOKT.
 *
 * Ignored, as pocket-core ignores them (validateSlash): fraction ≤ 0, an infraction "in the
 * future", an unknown or Unstaked validator.
 */
import { Dec } from '../../core/bigdec.js';
import { StakeStatus, forceUnstakeIfBelowMinimum } from '../nodes/index.js';
const TOKENS_PER_POWER = 1000000n;
/** trunc(power × 10^6 × fraction), never negative. */
export function slashAmountUpokt(power, fraction) {
    const amount = Dec.fromInt(power * TOKENS_PER_POWER).mul(fraction).truncateInt();
    return amount > 0n ? amount : 0n;
}
export function planSlash(input) {
    const { validator } = input;
    if (!input.fraction.isPositive() || input.infractionHeight > input.height)
        return undefined;
    if (validator === undefined || validator.status === StakeStatus.Unstaked)
        return undefined;
    const amount = slashAmountUpokt(input.power, input.fraction);
    const burnedUpokt = amount < validator.tokensUpokt ? amount : validator.tokensUpokt;
    const tokensAfterUpokt = validator.tokensUpokt - burnedUpokt;
    const slashed = {
        type: 'NodeSlashed',
        address: validator.address,
        reason: input.reason,
        infractionHeight: input.infractionHeight,
        power: input.power,
        fraction: input.fraction.toString(),
        burnedUpokt,
        tokensAfterUpokt,
    };
    const after = { ...validator, tokensUpokt: tokensAfterUpokt };
    // Below the minimum: the staking module's force-unstake primitive (jail if not yet + waiting set).
    const forced = forceUnstakeIfBelowMinimum(after, { stakeMinimumUpokt: input.stakeMinimumUpokt });
    return { events: [slashed, ...forced], after: forced.length > 0 ? { ...after, jailed: true } : after };
}
//# sourceMappingURL=slash.js.map