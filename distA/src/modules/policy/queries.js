/**
 * policy's queries: the monetary-policy calculators (PROTOCOL §14; the `calc-*` commands): the formulas the Pocket Network economics
 * documentation states, as pure functions. They never touch the ledger; their results are what
 * a DAO member would put into a ParamChange (BaseRelaysPerPOKT, RelaysToTokensMultiplier) or
 * what an application needs to stake.
 *
 * Arithmetic: pocket's 18-decimal fixed point (core/bigdec.ts). Products are exact while the
 * inputs' decimals sum to ≤ 18 (Mul rounds half-even beyond that); each division rounds
 * half-even at the 18th decimal (Dec.quo). No floating point anywhere, so a result is the same
 * on every machine and can be pinned by tests.
 *
 * Every calculator returns `{ inputs, formula, result }`: the inputs as decimal strings (what was
 * used, defaults included), the formula in words, and the result as a decimal string with
 * trailing zeros removed.
 */
import { Dec } from '../../core/bigdec.js';
import { err, ok } from '../../core/result.js';
/** Default sessions per day: 24 one-hour sessions (4 blocks × 15 minutes, mainnet genesis). */
export const DEFAULT_SESSIONS_PER_DAY = '24';
/** Average days per month as the documentation uses it (365 / 12 rounded: 30.42). */
export const DEFAULT_DAYS_PER_MONTH = '30.42';
const DAYS_PER_YEAR = Dec.fromInt(365);
const UPOKT_PER_POKT = Dec.fromInt(1_000_000);
/** "12.500000000000000000" → "12.5"; "3.000000000000000000" → "3". */
export function plainDecimal(value) {
    const text = value.toString();
    return text.replace(/\.?0+$/, '');
}
/**
 * A non-negative decimal input (≤ 18 fractional digits). With `allowPercent`, "5%" means 0.05.
 * `positive` additionally refuses zero (the value is a divisor).
 */
export function parseDecimalInput(name, text, options = {}) {
    const trimmed = text.trim();
    const percent = options.allowPercent === true && trimmed.endsWith('%');
    const parsed = Dec.fromString(percent ? trimmed.slice(0, -1) : trimmed);
    if (parsed === undefined)
        return err({ input: name, message: `${name} must be a decimal number (at most 18 fractional digits), got ${JSON.stringify(text)}` });
    const value = percent ? parsed.quo(Dec.fromInt(100)) : parsed;
    if (value.isNegative())
        return err({ input: name, message: `${name} must not be negative` });
    if (options.positive === true && value.isZero())
        return err({ input: name, message: `${name} must be greater than zero` });
    return ok(value);
}
function calculation(inputs, formula, result) {
    return { inputs: Object.fromEntries(Object.entries(inputs).map(([name, value]) => [name, plainDecimal(value)])), formula, result: plainDecimal(result) };
}
/**
 * Relays per staked POKT per session (the documentation's Protocol Throttling Formula input):
 *
 *   relays_per_pokt = pokt_price_usd / (usd_relay_target × sessions_per_day × days_per_month × roi_months)
 *
 * and BaseRelaysPerPOKT = 100 × relays_per_pokt (pocket divides BaseRelaysPerPOKT by 100, §7).
 * Worked example: price $0.12, target $0.00000085/relay, 24 sessions/day, 30.42 days/month,
 * ROI 24 months → denominator 0.00000085 × 24 × 30.42 × 24 = 0.014893632 →
 * 0.12 / 0.014893632 = 8.057134753967333153 relays per POKT per session (BaseRelaysPerPOKT ≈ 805).
 */
export function relaysPerPokt(input) {
    const denominator = input.usdRelayTarget.mul(input.sessionsPerDay).mul(input.daysPerMonth).mul(input.roiMonths);
    return calculation({ pokt_price_usd: input.poktPriceUsd, usd_relay_target: input.usdRelayTarget, roi_months: input.roiMonths, sessions_per_day: input.sessionsPerDay, days_per_month: input.daysPerMonth }, 'pokt_price_usd / (usd_relay_target × sessions_per_day × days_per_month × roi_months)  [relays per staked POKT per session; BaseRelaysPerPOKT = 100 × result]', input.poktPriceUsd.quo(denominator));
}
/**
 * POKT an application must stake for a daily relay budget:
 *
 *   required_stake_pokt = daily_relays / (relays_per_pokt × sessions_per_day)
 *
 * (an app's per-session allowance is relays_per_pokt × stake, so a day gives
 * relays_per_pokt × stake × sessions_per_day relays).
 * Worked example: 1,000,000 relays/day at 8.057 relays/POKT, 24 sessions/day →
 * 1,000,000 / 193.368 = 5171.486492077282694138 POKT.
 */
export function requiredStake(input) {
    return calculation({ daily_relays: input.dailyRelays, relays_per_pokt: input.relaysPerPokt, sessions_per_day: input.sessionsPerDay }, 'daily_relays / (relays_per_pokt × sessions_per_day)  [POKT]', input.dailyRelays.quo(input.relaysPerPokt.mul(input.sessionsPerDay)));
}
/**
 * The mint rate that meets an annual inflation target (the WAGMI proposal's rule):
 *
 *   RelaysToTokensMultiplier = supply_baseline_pokt × 10^6 × inflation_rate / (daily_relays × 365)
 *
 * in uPOKT per relay (pocket's RTTM unit). Worked example: baseline 1,500,000,000 POKT, 5 %
 * inflation, 1,000,000,000 relays/day → 75,000,000 POKT/year = 7.5·10^13 uPOKT over
 * 3.65·10^11 relays = 205.479452054794520548 uPOKT per relay.
 */
export function mintRate(input) {
    const annualMintUpokt = input.supplyBaselinePokt.mul(UPOKT_PER_POKT).mul(input.inflationRate);
    return calculation({ supply_baseline_pokt: input.supplyBaselinePokt, inflation_rate: input.inflationRate, daily_relays: input.dailyRelays }, 'supply_baseline_pokt × 1000000 × inflation_rate / (daily_relays × 365)  [RelaysToTokensMultiplier, uPOKT per relay]', annualMintUpokt.quo(input.dailyRelays.mul(DAYS_PER_YEAR)));
}
/**
 * The mint rate that meets a daily emission target (the FREN proposal's rule):
 *
 *   RelaysToTokensMultiplier = target_pokt_per_day × 10^6 / daily_relays
 *
 * in uPOKT per relay. Worked example: 220,000 POKT/day over 1,500,000,000 relays/day →
 * 2.2·10^11 uPOKT / 1.5·10^9 = 146.666666666666666667 uPOKT per relay.
 */
export function emissionRate(input) {
    return calculation({ target_pokt_per_day: input.targetPoktPerDay, daily_relays: input.dailyRelays }, 'target_pokt_per_day × 1000000 / daily_relays  [RelaysToTokensMultiplier, uPOKT per relay]', input.targetPoktPerDay.mul(UPOKT_PER_POKT).quo(input.dailyRelays));
}
//# sourceMappingURL=queries.js.map