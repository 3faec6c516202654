/**
 * CHANGE DETECTOR for the 18-decimal fixed point: test/vectors/bigdec.change-detector.json.
 * Its outputs are produced by the code under test, so it detects change, not correctness;
 * correctness is checked against the independent python oracle (test/oracle/, verdicts in
 * test/oracle/verdicts/bigdec.json, held by test/unit/oracle/python-oracle.test.ts).
 *
 * Deterministic: fixed case lists plus seeded draws (Prng seed BIGDEC_VECTOR_SEED); the same
 * code yields the same bytes. Outputs come from src/core/bigdec.ts, so the file guards against
 * regressions; independent truth is the Go-test values, several of which appear here as cases
 * (asserted by test/unit/core/bigdec-vectors.test.ts). Regenerate with `npm run vectors`.
 */
import { Dec, DEC_SCALED_LIMIT } from '../../../src/core/bigdec.js';
import { Prng } from '../../../src/core/prng.js';
import { evaluateBigDecCase } from './bigdec-cases.js';
export const BIGDEC_VECTORS_FILE = 'bigdec.change-detector.json';
export const BIGDEC_VECTOR_SEED = 20221122n;
const MAX = Dec.fromScaled(DEC_SCALED_LIMIT - 1n).toString();
const scaled = (value) => Dec.fromScaled(value).toString();
function cases(description, inputs) {
    return inputs.map((input) => ({ description: description(input), input, output: evaluateBigDecCase(input) }));
}
const describe = (input) => {
    switch (input.op) {
        case 'fromString':
            return `fromString ${JSON.stringify(input.text)}`;
        case 'quoInt64':
        case 'mulInt64':
            return `${input.op} ${input.a} by ${input.i}`;
        case 'roundInt':
        case 'truncateInt':
            return `${input.op} ${input.a}`;
        case 'power':
            return `power ${input.a} ^ ${input.k}`;
        case 'approxRoot':
            return `approxRoot ${input.n}-th root of ${input.a}`;
        case 'fracPow':
            return `fracPow ${input.a} ^ (${input.p}, denominator ${input.denominator})`;
        default:
            return `${input.op} ${input.a} ${input.b}`;
    }
};
function parsingCases() {
    // decimal_test.go:37-55 plus edge spellings.
    const texts = [
        '', '0.-75', '0', '1', '1.1', '0.75', '0.8', '0.11111', '314460551102969.3144278234343371835',
        '314460551102969314427823434337.1835718092488231350', '314460551102969314427823434337.1835',
        '.', '.0', '1.', 'foobar', '0.foobar', '0.foobar.', '-', '-1.5', '-0', '007.5',
        '0.000000000000000001', '0.0000000000000000001', ' 1', '1e3', MAX, `-${MAX}`,
    ];
    // Texts Go's NewDecFromStr accepts and we reject on purpose (see Dec.fromString).
    const stricter = ['+5', '+.5', '--5', `1${MAX}`];
    return [
        ...cases(describe, texts.map((text) => ({ op: 'fromString', text }))),
        ...cases((input) => `${describe(input)} — rejected by us, accepted by Go (deliberately stricter, see Dec.fromString)`, stricter.map((text) => ({ op: 'fromString', text }))),
    ];
}
function binary(op, pairs) {
    return pairs.map(([a, b]) => ({ op, a, b }));
}
function roundingEdgeCases() {
    const tiny = scaled;
    const mulPairs = [
        [tiny(1n), '0.5'], [tiny(3n), '0.5'], [tiny(5n), '0.5'], [tiny(7n), '0.5'],
        [tiny(-1n), '0.5'], [tiny(-3n), '0.5'], [tiny(-5n), '0.5'], [tiny(5n), '-0.5'],
        [tiny(1n), '0.6'], [tiny(1n), '0.4'], [tiny(1n), '0.500000000000000001'], [tiny(1n), '0.499999999999999999'],
        ['1.5', '1.5'], ['-1.5', '1.5'], ['0.1', '0.1'], ['3', '7'], ['0.3333', '0.0333'],
        ['1.000000001', '1.000000001'], ['0.999999999999999999', '0.999999999999999999'],
        [MAX, '1'], [MAX, '2'], [MAX, '-1'], [MAX, '0.5'],
    ];
    const quoPairs = [
        ['2', '3'], ['-2', '3'], ['2', '-3'], ['1', '3'], ['3', '7'], ['1', '8'], ['0.3333', '0.0333'],
        [tiny(1n), '2'], [tiny(3n), '2'], [tiny(5n), '2'], [tiny(-3n), '2'],
        [tiny(1n), '1.999999999999999999'], [tiny(-1n), '1.999999999999999999'], [tiny(1n), '2.000000000000000001'],
        ['1', '0'], ['0', '0'], [MAX, '0.5'], [MAX, '1'], ['1', MAX], [tiny(1n), MAX],
        ['10000000000', '0.000000000000000003'],
    ];
    const truncPairs = [['3', '7'], ['-3', '7'], ['2', '3'], ['-2', '3'], ['0.3333', '0.0333']];
    return [
        ...cases(describe, binary('mul', mulPairs)),
        ...cases(describe, binary('quo', quoPairs)),
        ...cases(describe, binary('mulTruncate', [...truncPairs, [tiny(3n), '0.5'], [tiny(-3n), '0.5']])),
        ...cases(describe, binary('quoTruncate', truncPairs)),
        ...cases(describe, binary('quoRoundUp', truncPairs)),
        ...cases(describe, binary('add', [['0.1', '0.2'], [MAX, tiny(1n)], [`-${MAX}`, tiny(-1n)], ['51643150036226787134389711697696177267', '-31798496660535729618459429845579852627']])),
        ...cases(describe, binary('sub', [['0.1', '0.2'], [`-${MAX}`, tiny(1n)]])),
        ...cases(describe, [
            { op: 'quoInt64', a: '1.000000000000000001', i: '2' },
            { op: 'quoInt64', a: '-1', i: '3' },
            { op: 'quoInt64', a: '2', i: '3' },
            { op: 'quoInt64', a: '10', i: '100' },
            { op: 'quoInt64', a: '1', i: '0' },
            { op: 'mulInt64', a: '0.00001', i: '20' },
            { op: 'mulInt64', a: '1.5', i: '-3' },
            { op: 'mulInt64', a: MAX, i: '2' },
        ]),
    ];
}
function integerConversionCases() {
    // decimal_test.go:223-232 (banker's) and :249-258 (truncate), both signs; plus range limits.
    const values = ['0.25', '0', '1', '0.75', '0.5', '7.5', '1.5', '2.5', '0.545', '1.545', '7.6', '7.4', '100.1', '1000.1', '3.5', '0.500000000000000001'];
    const signed = values.flatMap((value) => (value === '0' ? [value] : [value, `-${value}`]));
    const inputs = [];
    for (const a of [...signed, MAX]) {
        inputs.push({ op: 'roundInt', a }, { op: 'truncateInt', a });
    }
    return cases(describe, inputs);
}
function randomArithmeticCases() {
    const prng = new Prng(BIGDEC_VECTOR_SEED);
    const draw = () => {
        const bits = [8, 30, 60, 64, 90, 128, 150][prng.int(7)];
        const magnitude = prng.bigint(1n << BigInt(bits));
        return scaled(prng.chance(0.3) ? -magnitude : magnitude);
    };
    const inputs = [];
    for (let index = 0; index < 40; index++)
        inputs.push({ op: 'mul', a: draw(), b: draw() });
    for (let index = 0; index < 40; index++) {
        let b = draw();
        if (Dec.fromString(b).isZero())
            b = '1';
        inputs.push({ op: 'quo', a: draw(), b });
    }
    return cases((input) => `seeded ${describe(input)}`, inputs);
}
function powerCases() {
    const bases = ['0', '1', '2', '-2', '0.5', '1.5', '-1.5', '1.000000001', '0.999999999999999999', '1.010000000000000001', '1.414213562373095049', scaled(1n)];
    const exponents = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '10', '31', '64', '99', '100', '18446744073709551615'];
    const inputs = [];
    for (const a of bases)
        for (const k of exponents)
            inputs.push({ op: 'power', a, k });
    return cases(describe, inputs);
}
function approxRootCases() {
    const values = ['0', '1', scaled(1n), '0.000000000000000216', '0.25', '0.5', '2', '4', '27', '1000', '1000000', '-81', '1000000000000000000000000000000'];
    const inputs = [];
    for (const a of values)
        for (let n = 2; n <= 100; n++)
            inputs.push({ op: 'approxRoot', a, n: String(n) });
    for (const a of ['2', '-2', '0'])
        for (const n of ['0', '1'])
            inputs.push({ op: 'approxRoot', a, n });
    return cases(describe, inputs);
}
function fracPowCases() {
    const inputs = [];
    for (let hundredths = 0; hundredths <= 300; hundredths++) {
        inputs.push({ op: 'fracPow', a: '2', p: Dec.withPrecision(hundredths, 2).toString(), denominator: '100' });
    }
    const bases = ['0', '1', '3', '4', '0.5', '15', '498', '499', '1000', '-8'];
    const exponents = ['0', '0.004', '0.005', '0.015', '0.25', '0.5', '0.75', '1', '1.25', '1.5', '2', '3', '-1'];
    for (const a of bases)
        for (const p of exponents)
            inputs.push({ op: 'fracPow', a, p, denominator: '100' });
    for (const [a, p, denominator] of [['4', '0.5', '2'], ['27', '0.333333333333333333', '3'], ['8', '1', '3'], ['2', '1', '1']]) {
        inputs.push({ op: 'fracPow', a, p, denominator });
    }
    return cases(describe, inputs);
}
export function buildBigDecVectors() {
    return {
        kind: 'change detector: outputs produced by the code under test; correctness is checked by test/oracle (python)',
        title: 'pocket-core BigDec (18-decimal fixed point)',
        summary: 'Parsing, rounding (half-even mul/quo, truncating quoInt, banker\'s roundInt), Power (square-and-multiply), ApproxRoot (Newton, n = 2..100) and FracPow exactly as pocket-core types/decimal.go computes them. Decimals in String() form; integers as decimal strings; errors name what pocket-core does (see test/gen/vectors/bigdec-cases.ts). Generated by test/gen/vectors/bigdec.ts; never edit by hand.',
        generator: 'test/gen/vectors/bigdec.ts',
        cases: [
            ...parsingCases(),
            ...roundingEdgeCases(),
            ...integerConversionCases(),
            ...randomArithmeticCases(),
            ...powerCases(),
            ...approxRootCases(),
            ...fracPowCases(),
        ],
    };
}
export const bigdecVectorsModule = { file: BIGDEC_VECTORS_FILE, build: buildBigDecVectors };
//# sourceMappingURL=bigdec.js.map