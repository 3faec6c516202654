/**
 * CHANGE DETECTOR for application throughput: test/vectors/max-relays.change-detector.json.
 * Its outputs are produced by the code under test (change, not correctness); the independent
 * check is the python oracle (test/oracle/, verdicts in test/oracle/verdicts/max-relays.json).
 *
 * Each case: the inputs of CalculateAppRelays plus (numChains, sessionNodeCount) → MaxRelays
 * and MaxPossibleRelays, from src/modules/apps/max-relays.ts. The four rows of pocket-core's
 * TestApplication_CalculateAppRelays (x/apps/keeper/application_test.go:46-131, TV-8) are
 * included and asserted against the Go-test values by test/unit/apps/max-relays-vectors.test.ts.
 * Regenerate with `npm run vectors`; never edit by hand.
 */
import { calculateAppRelays, maxPossibleRelays } from '../../../src/modules/apps/max-relays.js';
export const MAX_RELAYS_VECTORS_FILE = 'max-relays.change-detector.json';
export function appRelaysInputFromJson(json) {
    return {
        stakeUpokt: BigInt(json.stakeUpokt),
        baseRelaysPerPokt: BigInt(json.baseRelaysPerPokt),
        stabilityAdjustment: BigInt(json.stabilityAdjustment),
        participationRateOn: json.participationRateOn,
        appsStakedPoolUpokt: BigInt(json.appsStakedPoolUpokt),
        nodesStakedPoolUpokt: BigInt(json.nodesStakedPoolUpokt),
        totalSupplyUpokt: BigInt(json.totalSupplyUpokt),
    };
}
export function evaluateMaxRelaysCase(input) {
    const maxRelays = calculateAppRelays(appRelaysInputFromJson(input));
    return {
        maxRelays: maxRelays.toString(),
        maxPossibleRelays: maxPossibleRelays(maxRelays, input.numChains, BigInt(input.sessionNodeCount)).toString(),
    };
}
/** Defaults = pocket-core's application DefaultParams (x/apps/types/params.go:17-20), PR off. */
function row(description, overrides) {
    const input = {
        baseRelaysPerPokt: '100',
        stabilityAdjustment: '0',
        participationRateOn: false,
        appsStakedPoolUpokt: '0',
        nodesStakedPoolUpokt: '0',
        totalSupplyUpokt: '0',
        numChains: 1,
        sessionNodeCount: '1',
        ...overrides,
    };
    return { description, input, output: evaluateMaxRelaysCase(input) };
}
export function buildMaxRelaysVectors() {
    const cases = [
        // x/apps/keeper/application_test.go:57-103 (TV-8).
        row('Go test "default": stake 100,000,000,000, base 100, 1 chain, SNC 1', { stakeUpokt: '100000000000' }),
        row('Go test "max app at height 90074": stake 2,228,350,000,000, base 200,000, SNC 24', {
            stakeUpokt: '2228350000000', baseRelaysPerPokt: '200000', sessionNodeCount: '24',
        }),
        row('Go test "standard app for 3 chains": stake 1,000,000,000, base 200,000, SNC 24', {
            stakeUpokt: '1000000000', baseRelaysPerPokt: '200000', numChains: 3, sessionNodeCount: '24',
        }),
        row('Go test "standard app for 1 chain": stake 1,000,000,000, base 200,000, SNC 24', {
            stakeUpokt: '1000000000', baseRelaysPerPokt: '200000', sessionNodeCount: '24',
        }),
        // Participation rate on.
        row('PR on: (1e12 + 3e12) / 8e12 = 0.5', {
            stakeUpokt: '1000000000', baseRelaysPerPokt: '200000', participationRateOn: true,
            appsStakedPoolUpokt: '1000000000000', nodesStakedPoolUpokt: '3000000000000', totalSupplyUpokt: '8000000000000', sessionNodeCount: '24',
        }),
        row('PR on: 1/3 participation (rounded quotient)', {
            stakeUpokt: '1000000', baseRelaysPerPokt: '100', participationRateOn: true,
            appsStakedPoolUpokt: '1', nodesStakedPoolUpokt: '0', totalSupplyUpokt: '3', sessionNodeCount: '5',
        }),
        row('PR on: 2/3 participation, 7 chains, SNC 24', {
            stakeUpokt: '123456789012', baseRelaysPerPokt: '200000', participationRateOn: true,
            appsStakedPoolUpokt: '1', nodesStakedPoolUpokt: '1', totalSupplyUpokt: '3', numChains: 7, sessionNodeCount: '24',
        }),
        // Stability adjustment, fractional baselines, truncation.
        row('SA 5 on a fractional baseline: trunc(1.234567 + 5)', { stakeUpokt: '1234567', stabilityAdjustment: '5' }),
        row('SA −10 on 3 relays: negative MaxRelays is not clamped', { stakeUpokt: '3000000', stabilityAdjustment: '-10' }),
        row('stake below 1 POKT: trunc(0.999999) = 0', { stakeUpokt: '999999' }),
        row('base 1 (0.01 relays per POKT) on 150 POKT: trunc(1.5) = 1', { stakeUpokt: '150000000', baseRelaysPerPokt: '1' }),
        // Rounding ties in MaxPossibleRelays (half-even).
        row('MaxPossibleRelays 5/2 = 2.5 → 2', { stakeUpokt: '5000000', sessionNodeCount: '2' }),
        row('MaxPossibleRelays 7/2 = 3.5 → 4', { stakeUpokt: '7000000', sessionNodeCount: '2' }),
        row('MaxPossibleRelays 2/3/4 = 0.1666… → 0', { stakeUpokt: '2000000', numChains: 3, sessionNodeCount: '4' }),
        row('MaxPossibleRelays 10/3/5 rounds after two rounded quotients', { stakeUpokt: '10000000', numChains: 3, sessionNodeCount: '5' }),
        // The 2^64 − 1 cap (application.go:160-164).
        row('cap: 2^64 − 1 exactly', { stakeUpokt: '18446744073709551615000000' }),
        row('cap: above 2^64 − 1 is capped', { stakeUpokt: '18446744073709551616000000' }),
        row('cap: far above (stake 2^100) is capped; per session with 15 chains and SNC 5', {
            stakeUpokt: (1n << 100n).toString(), numChains: 15, sessionNodeCount: '5',
        }),
    ];
    return {
        kind: 'change detector: outputs produced by the code under test; correctness is checked by test/oracle (python)',
        title: 'Application MaxRelays and per-session MaxPossibleRelays',
        summary: 'CalculateAppRelays (x/apps/keeper/application.go:145-166) and MaxPossibleRelays (x/pocketcore/types/session.go:290-294) with 18-decimal half-even rounding, truncation and the 2^64 − 1 cap. Amounts in uPOKT as decimal strings. Generated by test/gen/vectors/max-relays.ts; never edit by hand.',
        generator: 'test/gen/vectors/max-relays.ts',
        cases,
    };
}
export const maxRelaysVectorsModule = { file: MAX_RELAYS_VECTORS_FILE, build: buildMaxRelaysVectors };
//# sourceMappingURL=max-relays.js.map