/**
 * Goal: test/vectors/pip22.change-detector.json (a change detector) is the committed generator's output, our PIP-22 functions
 * reproduce every case, and the cases for TV-2/TV-3 agree with pocket-core's Go tests.
 * Method: rebuild and compare bytes; replay every case; look up the TV-2/TV-3 stake cases and
 * check their minted coins give the balances reward_test.go:259-399 asserts once the default
 * 10 % + 1 % split is taken (8,900,000·k, written as the Go test derives it).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Dec } from '../../../src/core/bigdec.js';
import { readVectors, vectorPath } from '../../helpers/paths.js';
import { buildPip22Vectors, evaluatePip22Case, PIP22_VECTORS_FILE, TV2_PARAMS, TV3_PARAMS, } from '../../gen/vectors/pip22.js';
const file = readVectors(PIP22_VECTORS_FILE);
const golden = suite('nodes/pip22 change detector');
golden('the committed file is byte-identical to a fresh run of its generator', () => {
    const fresh = JSON.stringify(buildPip22Vectors(), null, 2) + '\n';
    assert.ok(fresh === readFileSync(vectorPath(PIP22_VECTORS_FILE), 'utf8'), 'run `npm run vectors` and review the diff');
    assert.is(file.generator, 'test/gen/vectors/pip22.ts');
});
golden('every case is reproduced', () => {
    assert.ok(file.cases.length > 100);
    for (const testCase of file.cases)
        assert.equal(evaluatePip22Case(testCase.input), testCase.output, testCase.description);
});
golden('covers bins 1..20 for E = 1, 0.5, 0.75, 1.25, 1.5 and the docs snapshot W = 2.735', () => {
    for (const exponent of ['1', '0.5', '0.75', '1.25', '1.5']) {
        for (let bin = 1; bin <= 20; bin++) {
            assert.ok(file.cases.some((c) => c.input.kind === 'weightForBin' && c.input.bin === String(bin) && c.input.params.exponent === exponent), `E ${exponent}, bin ${bin}`);
        }
    }
    assert.ok(file.cases.some((c) => c.input.params.weightMultiplier === '2.735'));
});
golden('TV-2/TV-3 cases give the Go tests\' balances after the 10 % + 1 % split', () => {
    const base = 8900000n; // reward_test.go:294: trunc(1/W · 10000 · 0.89) · 1000 with W = 1
    const nodeShare = (coins) => {
        const reward = Dec.fromInt(coins);
        return coins - reward.mul(Dec.withPrecision(10, 2)).add(reward.mul(Dec.withPrecision(1, 2))).truncateInt();
    };
    const stakeCase = (stake, params) => {
        const found = file.cases.find((c) => c.input.kind === 'stake' && c.input.stakeUpokt === stake.toString() && JSON.stringify(c.input.params) === JSON.stringify(params));
        if (found === undefined)
            throw new Error(`no stake case ${stake}`);
        return found;
    };
    for (const k of [1n, 2n, 3n, 4n]) {
        const testCase = stakeCase(15000000000n * k, TV2_PARAMS);
        assert.is(nodeShare(BigInt(testCase.output['rewardCoinsUpokt'])), base * k, `TV-2 k = ${k}`);
    }
    for (const k of [1n, 2n]) {
        const testCase = stakeCase(15000000000n * k, TV3_PARAMS);
        assert.is(nodeShare(BigInt(testCase.output['rewardCoinsUpokt'])), base, `TV-3 k = ${k}`);
    }
});
golden.run();
//# sourceMappingURL=pip22-vectors.test.js.map