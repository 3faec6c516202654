/**
 * Goal: test/vectors/bigdec.change-detector.json (a change detector: its outputs are our Dec's) is what the committed generator produces, our Dec reproduces
 * every case, and the file agrees with the values pocket-core's Go tests state.
 * Method: (1) rebuild the vectors in memory and compare bytes with the committed file (so it is
 * neither hand-edited nor stale); (2) replay every case through evaluateBigDecCase; (3) look up
 * the cases whose inputs are Go-test inputs and compare with the Go-stated outputs, written here
 * as the Go test states them (types/decimal_test.go, line numbers beside them).
 */
import { readFileSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Dec } from '../../../src/core/bigdec.js';
import { readVectors, vectorPath } from '../../helpers/paths.js';
import { evaluateBigDecCase } from '../../gen/vectors/bigdec-cases.js';
import { BIGDEC_VECTORS_FILE, buildBigDecVectors } from '../../gen/vectors/bigdec.js';
const file = readVectors(BIGDEC_VECTORS_FILE);
const golden = suite('core/bigdec change detector: file');
golden('the committed file is byte-identical to a fresh run of its generator', () => {
    const fresh = JSON.stringify(buildBigDecVectors(), null, 2) + '\n';
    assert.ok(fresh === readFileSync(vectorPath(BIGDEC_VECTORS_FILE), 'utf8'), 'run `npm run vectors` and review the diff');
    assert.is(file.generator, 'test/gen/vectors/bigdec.ts');
});
golden('every case is reproduced by our Dec', () => {
    assert.ok(file.cases.length > 1000);
    for (const testCase of file.cases) {
        assert.equal(evaluateBigDecCase(testCase.input), testCase.output, testCase.description);
    }
});
golden('coverage: ApproxRoot for every n in 2..100, FracPow exponents 0.00..3.00, each error kind', () => {
    const roots = new Set(file.cases.filter((c) => c.input.op === 'approxRoot').map((c) => c.input.n));
    for (let n = 2; n <= 100; n++)
        assert.ok(roots.has(String(n)), `n = ${n}`);
    const exponents = new Set(file.cases.filter((c) => c.input.op === 'fracPow' && c.input.a === '2').map((c) => c.input.p));
    for (let hundredths = 0; hundredths <= 300; hundredths++)
        assert.ok(exponents.has(Dec.withPrecision(hundredths, 2).toString()));
    const errors = new Set(file.cases.map((c) => ('error' in c.output ? c.output.error : 'result')));
    for (const kind of ['rejected', 'panic_overflow', 'panic_division_by_zero', 'panic_integer_range', 'approx_root_error', 'never_terminates']) {
        assert.ok(errors.has(kind), kind);
    }
});
const goTests = suite('core/bigdec vectors: cases that are Go-test values');
function outputOf(input) {
    const key = JSON.stringify(input);
    const found = file.cases.find((c) => JSON.stringify(c.input) === key);
    if (found === undefined)
        throw new Error(`no vector case with input ${key}`);
    return found.output;
}
goTests('TestArithmetic rows (decimal_test.go:176-188) are vector cases with the Go-stated results', () => {
    // 3 / 7: QUO 0.428571428571428571, QUORoundUp …572, QUOTruncate …571, MUL 21 (decimal_test.go:176-178).
    assert.equal(outputOf({ op: 'quo', a: '3', b: '7' }), { result: '0.428571428571428571' });
    assert.equal(outputOf({ op: 'quoRoundUp', a: '3', b: '7' }), { result: '0.428571428571428572' });
    assert.equal(outputOf({ op: 'quoTruncate', a: '3', b: '7' }), { result: '0.428571428571428571' });
    assert.equal(outputOf({ op: 'mul', a: '3', b: '7' }), { result: '21.000000000000000000' });
    // 1.5 · 1.5 = 2.25 (decimal_test.go:184-185).
    assert.equal(outputOf({ op: 'mul', a: '1.5', b: '1.5' }), { result: '2.250000000000000000' });
    // 0.3333 and 0.0333: MUL 0.01109889, QUO 10.009009009009009009, QUORoundUp …010 (decimal_test.go:186-188).
    const a = '0.3333';
    const b = '0.0333';
    assert.equal(outputOf({ op: 'mul', a, b }), { result: '0.011098890000000000' });
    assert.equal(outputOf({ op: 'mulTruncate', a, b }), { result: '0.011098890000000000' });
    assert.equal(outputOf({ op: 'quo', a, b }), { result: '10.009009009009009009' });
    assert.equal(outputOf({ op: 'quoRoundUp', a, b }), { result: '10.009009009009009010' });
    assert.equal(outputOf({ op: 'quoTruncate', a, b }), { result: '10.009009009009009009' });
    // x / 0 panics (decimal_test.go:201-202).
    assert.equal(outputOf({ op: 'quo', a: '1', b: '0' }), { error: 'panic_division_by_zero' });
});
goTests('TestBankerRoundChop and TestTruncate values (decimal_test.go:223-232, 249-258)', () => {
    const banker = [['0.25', '0'], ['0.75', '1'], ['0.5', '0'], ['7.5', '8'], ['1.5', '2'], ['2.5', '2'], ['0.545', '1'], ['1.545', '2']];
    for (const [value, expected] of banker) {
        assert.equal(outputOf({ op: 'roundInt', a: value }), { result: expected }, value);
        assert.equal(outputOf({ op: 'roundInt', a: `-${value}` }), { result: `-${expected}`.replace('-0', '0') }, `-${value}`);
    }
    const truncate = [['0.25', '0'], ['0.75', '0'], ['1.5', '1'], ['7.5', '7'], ['7.6', '7'], ['7.4', '7'], ['100.1', '100'], ['1000.1', '1000']];
    for (const [value, expected] of truncate) {
        assert.equal(outputOf({ op: 'truncateInt', a: value }), { result: expected }, value);
        assert.equal(outputOf({ op: 'truncateInt', a: `-${value}` }), { result: `-${expected}`.replace('-0', '0') }, `-${value}`);
    }
});
goTests('TestNewDecFromStr, TestStringOverflow and TestDecMulInt values (decimal_test.go:37-55, 375-386, 397)', () => {
    assert.equal(outputOf({ op: 'fromString', text: '0.11111' }), { result: '0.111110000000000000' });
    assert.equal(outputOf({ op: 'fromString', text: '314460551102969314427823434337.1835' }), { result: '314460551102969314427823434337.183500000000000000' });
    for (const text of ['', '0.-75', '314460551102969.3144278234343371835', '.', '.0', '1.', 'foobar', '0.foobar', '0.foobar.']) {
        assert.equal(outputOf({ op: 'fromString', text }), { error: 'rejected' }, JSON.stringify(text));
    }
    assert.equal(outputOf({ op: 'add', a: '51643150036226787134389711697696177267', b: '-31798496660535729618459429845579852627' }), { result: '19844653375691057515930281852116324640.000000000000000000' });
    assert.equal(outputOf({ op: 'mulInt64', a: '0.00001', i: '20' }), { result: '0.000200000000000000' });
});
golden.run();
goTests.run();
//# sourceMappingURL=bigdec-vectors.test.js.map