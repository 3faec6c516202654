/**
 * Goal: test/vectors/max-relays.change-detector.json (a change detector) is the committed generator's output, our functions
 * reproduce every case, and its Go-test rows hold the values pocket-core's test states.
 * Method: rebuild and compare bytes; replay every case; look up the four rows of
 * TestApplication_CalculateAppRelays (x/apps/keeper/application_test.go:57-103) by input.
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readVectors, vectorPath } from '../../helpers/paths.js';
import { buildMaxRelaysVectors, evaluateMaxRelaysCase, MAX_RELAYS_VECTORS_FILE, } from '../../gen/vectors/max-relays.js';
const file = readVectors(MAX_RELAYS_VECTORS_FILE);
const golden = suite('apps/max-relays change detector');
golden('the committed file is byte-identical to a fresh run of its generator', () => {
    const fresh = JSON.stringify(buildMaxRelaysVectors(), null, 2) + '\n';
    assert.ok(fresh === readFileSync(vectorPath(MAX_RELAYS_VECTORS_FILE), 'utf8'), 'run `npm run vectors` and review the diff');
    assert.is(file.generator, 'test/gen/vectors/max-relays.ts');
});
golden('every case is reproduced', () => {
    assert.ok(file.cases.length >= 4);
    for (const testCase of file.cases)
        assert.equal(evaluateMaxRelaysCase(testCase.input), testCase.output, testCase.description);
});
golden('the Go-test rows carry the Go-stated MaxRelays and MaxPossibleRelays (TV-8)', () => {
    // [stake, base, chains, SNC, wantAppRelays, wantSessionRelays] — application_test.go:57-103
    const rows = [
        ['100000000000', '100', 1, '1', '100000', '100000'],
        ['2228350000000', '200000', 1, '24', '4456700000', '185695833'],
        ['1000000000', '200000', 3, '24', '2000000', '27778'],
        ['1000000000', '200000', 1, '24', '2000000', '83333'],
    ];
    for (const [stake, base, chains, snc, maxRelays, perSession] of rows) {
        const found = file.cases.find((c) => c.input.stakeUpokt === stake && c.input.baseRelaysPerPokt === base && c.input.numChains === chains &&
            c.input.sessionNodeCount === snc && !c.input.participationRateOn && c.input.stabilityAdjustment === '0');
        assert.ok(found !== undefined, `row ${stake}/${chains}`);
        assert.equal(found.output, { maxRelays, maxPossibleRelays: perSession });
    }
});
golden.run();
//# sourceMappingURL=max-relays-vectors.test.js.map