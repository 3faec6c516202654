/**
 * Goal: calculateAppRelays and maxPossibleRelays reproduce pocket-core's CalculateAppRelays
 * (x/apps/keeper/application.go:145-166) and MaxPossibleRelays (x/pocketcore/types/session.go:290-294).
 * Method: the four rows of TestApplication_CalculateAppRelays (x/apps/keeper/application_test.go:46-131,
 * TV-8) with the expected values as the Go test states them; worked examples for the participation
 * rate, truncation, the half-even rounding of the allowance, the 2^64 − 1 cap and division by zero.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InvariantError } from '../../../src/core/assert.js';
import { calculateAppRelays, MAX_RELAYS_CAP, maxPossibleRelays, participationRate, } from '../../../src/modules/apps/max-relays.js';
/** DefaultParams of x/apps (types/params.go:17-20): base 100, SA 0, participation off. */
const defaults = {
    stakeUpokt: 0n,
    baseRelaysPerPokt: 100n,
    stabilityAdjustment: 0n,
    participationRateOn: false,
    appsStakedPoolUpokt: 0n,
    nodesStakedPoolUpokt: 0n,
    totalSupplyUpokt: 0n,
};
const goTest = suite('apps/max-relays: TestApplication_CalculateAppRelays (application_test.go:46-131)');
goTest('"default": stake 100,000,000,000 (common_test.go:169), 1 chain, SNC 1 → 100,000 / 100,000', () => {
    const maxRelays = calculateAppRelays({ ...defaults, stakeUpokt: 100000000000n });
    assert.is(maxRelays, 100000n);
    assert.is(maxPossibleRelays(maxRelays, 1, 1), 100000n);
});
goTest('"max app w/ params at height=90074": 2,228,350,000,000, base 200,000, SNC 24 → 4,456,700,000 / 185,695,833', () => {
    const maxRelays = calculateAppRelays({ ...defaults, stakeUpokt: 2228350000000n, baseRelaysPerPokt: 200000n });
    assert.is(maxRelays, 4456700000n);
    assert.is(maxPossibleRelays(maxRelays, 1, 24), 185695833n);
});
goTest('"standard app for 3 chains": 1,000,000,000, base 200,000, SNC 24 → 2,000,000 / 27,778', () => {
    const maxRelays = calculateAppRelays({ ...defaults, stakeUpokt: 1000000000n, baseRelaysPerPokt: 200000n });
    assert.is(maxRelays, 2000000n);
    assert.is(maxPossibleRelays(maxRelays, 3, 24), 27778n);
});
goTest('"standard app for 1 chain": 1,000,000,000, base 200,000, SNC 24 → 2,000,000 / 83,333', () => {
    const maxRelays = calculateAppRelays({ ...defaults, stakeUpokt: 1000000000n, baseRelaysPerPokt: 200000n });
    assert.is(maxRelays, 2000000n);
    assert.is(maxPossibleRelays(maxRelays, 1, 24), 83333n);
});
const rules = suite('apps/max-relays: rounding, participation, cap');
rules('participation rate: 1 when off (pools ignored); (apps + nodes) / supply when on', () => {
    assert.is(participationRate({ ...defaults, appsStakedPoolUpokt: 5n, totalSupplyUpokt: 0n }).toString(), '1.000000000000000000');
    const on = { ...defaults, participationRateOn: true, appsStakedPoolUpokt: 1000000000000n, nodesStakedPoolUpokt: 3000000000000n, totalSupplyUpokt: 8000000000000n };
    assert.is(participationRate(on).toString(), '0.500000000000000000');
    assert.is(calculateAppRelays({ ...on, stakeUpokt: 1000000000n, baseRelaysPerPokt: 200000n }), 1000000n);
    // 1/3 rounds to 0.333333333333333333; 0.333…333 · 1 relay → trunc 0.
    const third = { ...defaults, participationRateOn: true, appsStakedPoolUpokt: 1n, totalSupplyUpokt: 3n };
    assert.is(participationRate(third).toString(), '0.333333333333333333');
    assert.is(calculateAppRelays({ ...third, stakeUpokt: 1000000n }), 0n);
    assert.is(calculateAppRelays({ ...third, stakeUpokt: 3000000n }), 0n, '3 · 0.333333333333333333 = 0.999… → 0');
});
rules('the stability adjustment is added before truncation, and a negative result is not clamped', () => {
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 1234567n, stabilityAdjustment: 5n }), 6n);
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 3000000n, stabilityAdjustment: -10n }), -7n);
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 999999n }), 0n);
});
rules('MaxPossibleRelays rounds half-even after two rounded quotients', () => {
    assert.is(maxPossibleRelays(5n, 1, 2), 2n);
    assert.is(maxPossibleRelays(7n, 1, 2), 4n);
    assert.is(maxPossibleRelays(2n, 3, 4), 0n);
    // 10/3 = 3.333333333333333333 (rounded), /5 = 0.666666666666666667 → 1.
    assert.is(maxPossibleRelays(10n, 3, 5), 1n);
});
rules('MaxRelays is capped at 2^64 − 1', () => {
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 18446744073709551615000000n }), MAX_RELAYS_CAP);
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 18446744073709551614000000n }), MAX_RELAYS_CAP - 1n);
    assert.is(calculateAppRelays({ ...defaults, stakeUpokt: 1n << 100n }), MAX_RELAYS_CAP);
});
rules('zero supply (participation on), zero chains or zero session nodes throw where Go panics', () => {
    const isBug = (error) => error instanceof InvariantError;
    assert.throws(() => calculateAppRelays({ ...defaults, participationRateOn: true, stakeUpokt: 1n }), isBug);
    assert.throws(() => maxPossibleRelays(10n, 0, 1), isBug);
    assert.throws(() => maxPossibleRelays(10n, 1, 0), isBug);
});
goTest.run();
rules.run();
//# sourceMappingURL=max-relays.test.js.map