/**
 * Goal: Dec reproduces pocket-core's BigDec (types/decimal.go) exactly.
 * Method: every applicable case of pocket-core types/decimal_test.go, with the expected values
 * written as the Go test states them and its file:line beside each table; plus pinned examples
 * of each rounding rule and of the overflow/division-by-zero decisions documented in bigdec.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InvariantError } from '../../../src/core/assert.js';
import { Dec, DecOverflowError, DEC_SCALED_LIMIT } from '../../../src/core/bigdec.js';
const dec = (text) => {
    const value = Dec.fromString(text);
    if (value === undefined)
        throw new Error(`test setup: bad Dec text ${text}`);
    return value;
};
const int = (value) => Dec.fromInt(value);
const prec = (value, precision) => Dec.withPrecision(value, precision);
const same = (actual, expected, message) => assert.is(actual.toString(), expected.toString(), message);
// ── decimal_test.go:23-27 TestPrecisionMultiplier / :29-77 TestNewDecFromStr ────────────────
const parsing = suite('core/bigdec: fromString (decimal_test.go:29-77)');
parsing('precision multiplier: withPrecision(1, 5) is 10^13 scaled (decimal_test.go:23-27)', () => {
    assert.is(prec(1, 5).scaled, 10000000000000n);
});
parsing('accepts and rejects what TestNewDecFromStr states, and the negated forms too', () => {
    const large = 3144605511029693144278234343371835n; // decimal_test.go:30
    // [text, expectError, expected] — decimal_test.go:37-55
    const cases = [
        ['', true, undefined],
        ['0.-75', true, undefined],
        ['0', false, int(0)],
        ['1', false, int(1)],
        ['1.1', false, prec(11, 1)],
        ['0.75', false, prec(75, 2)],
        ['0.8', false, prec(8, 1)],
        ['0.11111', false, prec(11111, 5)],
        ['314460551102969.3144278234343371835', true, undefined],
        ['314460551102969314427823434337.1835718092488231350', true, undefined],
        ['314460551102969314427823434337.1835', false, prec(large, 4)],
        ['.', true, undefined],
        ['.0', true, undefined],
        ['1.', true, undefined],
        ['foobar', true, undefined],
        ['0.foobar', true, undefined],
        ['0.foobar.', true, undefined],
    ];
    for (const [text, expectError, expected] of cases) {
        for (const [input, sign] of [[text, 1n], [`-${text}`, -1n]]) {
            const parsed = Dec.fromString(input);
            if (expectError) {
                assert.is(parsed, undefined, `"${input}" must be rejected`);
            }
            else {
                assert.ok(parsed !== undefined && expected !== undefined, `"${input}" must parse`);
                assert.is(parsed.scaled, expected.scaled * sign, `"${input}"`);
            }
        }
    }
});
parsing('our stricter grammar: signs, whitespace, exponents and out-of-range values are rejected', () => {
    // Go would accept "+5", "+.5", "-+5" and "--5" through big.Int.SetString; we do not (bigdec.ts).
    for (const text of ['+5', '+.5', '-+5', '--5', ' 1', '1 ', '1e3', '0x10', '1_0', '١', '-', '-.5', '1.2.3', '0.1234567890123456789']) {
        assert.is(Dec.fromString(text), undefined, `"${text}"`);
    }
    assert.is(dec('007.5').toString(), '7.500000000000000000', 'leading zeros keep their value, as in Go');
    assert.is(dec('-0').toString(), '0.000000000000000000');
    assert.is(dec('0.000000000000000001').scaled, 1n, '18 decimals is the maximum');
    const maxInRange = (DEC_SCALED_LIMIT - 1n).toString();
    const maxText = `${maxInRange.slice(0, -18)}.${maxInRange.slice(-18)}`;
    assert.is(dec(maxText).scaled, DEC_SCALED_LIMIT - 1n, 'largest in-range value parses');
    const limitText = DEC_SCALED_LIMIT.toString();
    assert.is(Dec.fromString(`${limitText.slice(0, -18)}.${limitText.slice(-18)}`), undefined, '2^315 scaled is rejected');
    assert.is(dec(`${'0'.repeat(200)}1.5`).toString(), '1.500000000000000000', 'many leading zeros are fine');
});
// ── decimal_test.go:79-96 TestDecString, :272-308 TestDecMarshalJSON, :375-386 TestStringOverflow ──
const text = suite('core/bigdec: toString');
text('TestDecString (decimal_test.go:84-91)', () => {
    assert.is(int(0).toString(), '0.000000000000000000');
    assert.is(int(1).toString(), '1.000000000000000000');
    assert.is(int(10).toString(), '10.000000000000000000');
    assert.is(int(12340).toString(), '12340.000000000000000000');
    assert.is(prec(12340, 4).toString(), '1.234000000000000000');
    assert.is(prec(12340, 5).toString(), '0.123400000000000000');
    assert.is(prec(12340, 8).toString(), '0.000123400000000000');
    assert.is(prec(1009009009009009009n, 17).toString(), '10.090090090090090090');
});
text('TestDecMarshalJSON (decimal_test.go:284-291), and the JSON form round-trips', () => {
    const cases = [
        [Dec.fromScaled(0n), '"0.000000000000000000"'],
        [Dec.fromScaled(1n), '"0.000000000000000001"'],
        [Dec.fromScaled(10n), '"0.000000000000000010"'],
        [Dec.fromScaled(12340n), '"0.000000000000012340"'],
        [int(0), '"0.000000000000000000"'],
        [int(1), '"1.000000000000000000"'],
        [int(10), '"10.000000000000000000"'],
        [int(12340), '"12340.000000000000000000"'],
    ];
    for (const [value, json] of cases) {
        assert.is(JSON.stringify(value), json);
        assert.is(dec(JSON.parse(json)).scaled, value.scaled);
    }
});
text('TestStringOverflow (decimal_test.go:375-386)', () => {
    const sum = dec('51643150036226787134389711697696177267').add(dec('-31798496660535729618459429845579852627'));
    assert.is(sum.toString(), '19844653375691057515930281852116324640.000000000000000000');
});
text('negatives get a leading "-"; 0.333 survives text round-trips (decimal_test.go:318-352)', () => {
    assert.is(dec('-1.5').toString(), '-1.500000000000000000');
    assert.is(Dec.fromScaled(-1n).toString(), '-0.000000000000000001');
    assert.is(dec(dec('0.333').toString()).eq(dec('0.333')), true);
});
// ── decimal_test.go:98-133 TestEqualities ──────────────────────────────────────────────────
const compare = suite('core/bigdec: comparisons (decimal_test.go:98-133)');
compare('TestEqualities', () => {
    // [d1, d2, gt, lt, eq] — decimal_test.go:103-124
    const cases = [
        [int(0), int(0), false, false, true],
        [prec(0, 2), prec(0, 4), false, false, true],
        [prec(100, 0), prec(100, 0), false, false, true],
        [prec(-100, 0), prec(-100, 0), false, false, true],
        [prec(-1, 1), prec(-1, 1), false, false, true],
        [prec(3333, 3), prec(3333, 3), false, false, true],
        [prec(0, 0), prec(3333, 3), false, true, false],
        [prec(0, 0), prec(100, 0), false, true, false],
        [prec(-1, 0), prec(3333, 3), false, true, false],
        [prec(-1, 0), prec(100, 0), false, true, false],
        [prec(1111, 3), prec(100, 0), false, true, false],
        [prec(1111, 3), prec(3333, 3), false, true, false],
        [prec(-3333, 3), prec(-1111, 3), false, true, false],
        [prec(3333, 3), prec(0, 0), true, false, false],
        [prec(100, 0), prec(0, 0), true, false, false],
        [prec(3333, 3), prec(-1, 0), true, false, false],
        [prec(100, 0), prec(-1, 0), true, false, false],
        [prec(100, 0), prec(1111, 3), true, false, false],
        [prec(3333, 3), prec(1111, 3), true, false, false],
        [prec(-1111, 3), prec(-3333, 3), true, false, false],
    ];
    cases.forEach(([d1, d2, gt, lt, eq], index) => {
        assert.is(d1.gt(d2), gt, `gt #${index}`);
        assert.is(d1.lt(d2), lt, `lt #${index}`);
        assert.is(d1.eq(d2), eq, `eq #${index}`);
        assert.is(d1.gte(d2), gt || eq, `gte #${index}`);
        assert.is(d1.lte(d2), lt || eq, `lte #${index}`);
        assert.is(d1.cmp(d2), gt ? 1 : lt ? -1 : 0, `cmp #${index}`);
    });
});
compare('sign predicates', () => {
    assert.ok(int(0).isZero() && !int(0).isNegative() && !int(0).isPositive());
    assert.ok(dec('-0.000000000000000001').isNegative());
    assert.ok(Dec.SMALLEST.isPositive());
    assert.ok(dec('3').isInteger() && !dec('3.1').isInteger());
});
// ── decimal_test.go:157-216 TestArithmetic ─────────────────────────────────────────────────
const arithmetic = suite('core/bigdec: arithmetic (decimal_test.go:157-216)');
arithmetic('TestArithmetic: add, sub, mul, mulTruncate, quo, quoRoundUp, quoTruncate', () => {
    // [d1, d2, mul, mulTruncate, quo, quoRoundUp, quoTruncate, add, sub] — decimal_test.go:165-188
    const cases = [
        [int(0), int(0), int(0), int(0), int(0), int(0), int(0), int(0), int(0)],
        [int(1), int(0), int(0), int(0), int(0), int(0), int(0), int(1), int(1)],
        [int(0), int(1), int(0), int(0), int(0), int(0), int(0), int(1), int(-1)],
        [int(0), int(-1), int(0), int(0), int(0), int(0), int(0), int(-1), int(1)],
        [int(-1), int(0), int(0), int(0), int(0), int(0), int(0), int(-1), int(-1)],
        [int(1), int(1), int(1), int(1), int(1), int(1), int(1), int(2), int(0)],
        [int(-1), int(-1), int(1), int(1), int(1), int(1), int(1), int(-2), int(0)],
        [int(1), int(-1), int(-1), int(-1), int(-1), int(-1), int(-1), int(0), int(2)],
        [int(-1), int(1), int(-1), int(-1), int(-1), int(-1), int(-1), int(0), int(-2)],
        [int(3), int(7), int(21), int(21), prec(428571428571428571n, 18), prec(428571428571428572n, 18), prec(428571428571428571n, 18), int(10), int(-4)],
        [int(2), int(4), int(8), int(8), prec(5, 1), prec(5, 1), prec(5, 1), int(6), int(-2)],
        [int(100), int(100), int(10000), int(10000), int(1), int(1), int(1), int(200), int(0)],
        [prec(15, 1), prec(15, 1), prec(225, 2), prec(225, 2), int(1), int(1), int(1), int(3), int(0)],
        [prec(3333, 4), prec(333, 4), prec(1109889, 8), prec(1109889, 8), dec('10.009009009009009009'), dec('10.009009009009009010'), dec('10.009009009009009009'), prec(3666, 4), prec(3, 1)],
    ];
    cases.forEach(([d1, d2, mul, mulTruncate, quo, quoRoundUp, quoTruncate, add, sub], index) => {
        same(d1.add(d2), add, `add #${index}`);
        same(d1.sub(d2), sub, `sub #${index}`);
        same(d1.mul(d2), mul, `mul #${index}`);
        same(d1.mulTruncate(d2), mulTruncate, `mulTruncate #${index}`);
        if (d2.isZero()) {
            // Go: require.Panics on divide by zero (decimal_test.go:201-202); here an InvariantError.
            assert.throws(() => d1.quo(d2), (error) => error instanceof InvariantError, `quo by zero #${index}`);
            assert.throws(() => d1.quoTruncate(d2), (error) => error instanceof InvariantError);
            assert.throws(() => d1.quoRoundUp(d2), (error) => error instanceof InvariantError);
        }
        else {
            same(d1.quo(d2), quo, `quo #${index}`);
            same(d1.quoRoundUp(d2), quoRoundUp, `quoRoundUp #${index}`);
            same(d1.quoTruncate(d2), quoTruncate, `quoTruncate #${index}`);
        }
    });
});
arithmetic('TestDecMulInt (decimal_test.go:394-397)', () => {
    same(int(10).mulInt(2n), int(20), '10·2');
    same(int(1000000).mulInt(100n), int(100000000), '10^6·100');
    same(prec(1, 1).mulInt(10n), int(1), '0.1·10');
    same(prec(1, 5).mulInt(20n), prec(2, 4), '0.00001·20');
});
arithmetic('mul rounds half-even at 10^-18; ties go to the even neighbour, symmetric for negatives', () => {
    const half = dec('0.5');
    assert.is(Dec.fromScaled(1n).mul(half).scaled, 0n, '0.5e-18 → 0');
    assert.is(Dec.fromScaled(3n).mul(half).scaled, 2n, '1.5e-18 → 2e-18');
    assert.is(Dec.fromScaled(5n).mul(half).scaled, 2n, '2.5e-18 → 2e-18');
    assert.is(Dec.fromScaled(-5n).mul(half).scaled, -2n, '−2.5e-18 → −2e-18');
    assert.is(Dec.fromScaled(-3n).mul(half).scaled, -2n, '−1.5e-18 → −2e-18');
    assert.is(dec('0.000000000000000001').mul(dec('0.6')).scaled, 1n, '0.6e-18 → 1e-18');
    assert.is(dec('0.000000000000000001').mul(dec('0.4')).scaled, 0n, '0.4e-18 → 0');
    assert.is(dec('1.000000001').power(3).toString(), '1.000000003000000003', 'bigdec.ts power example');
});
arithmetic('quo: 2/3 and −2/3 round to nearest; quo truncates at 36 decimals before rounding', () => {
    assert.is(int(2).quo(int(3)).toString(), '0.666666666666666667');
    assert.is(int(-2).quo(int(3)).toString(), '-0.666666666666666667');
    assert.is(int(1).quo(int(8)).toString(), '0.125000000000000000');
    // 1e-18 / 2 = 0.5e-18: a tie → 0 (even). 3e-18 / 2 = 1.5e-18 → 2e-18.
    assert.is(Dec.fromScaled(1n).quo(int(2)).scaled, 0n);
    assert.is(Dec.fromScaled(3n).quo(int(2)).scaled, 2n);
    // 1e-18 / 1.999999999999999999: exact quotient 0.5000000000000000002500…e-18 is above the tie,
    // but trunc at 10^-36 keeps only 0.500000000000000000 and the tie rounds to even 0 — a single
    // exact rounding would give 1e-18. This is Go's behaviour (decimal.go:310-311).
    assert.is(Dec.fromScaled(1n).quo(dec('1.999999999999999999')).scaled, 0n);
});
// ── decimal_test.go:218-268 TestBankerRoundChop, TestTruncate; :405-424 TestDecCeil ───────────
const rounding = suite('core/bigdec: to integers (decimal_test.go:218-268, 405-424)');
rounding('TestBankerRoundChop (decimal_test.go:223-232), positive and negated', () => {
    const cases = [
        ['0.25', 0n], ['0', 0n], ['1', 1n], ['0.75', 1n], ['0.5', 0n],
        ['7.5', 8n], ['1.5', 2n], ['2.5', 2n], ['0.545', 1n], ['1.545', 2n],
    ];
    for (const [value, expected] of cases) {
        assert.is(dec(value).roundInt64(), expected, value);
        assert.is(dec(value).neg().roundInt64(), -expected, `-${value}`);
        assert.is(dec(value).roundInt(), expected, value);
    }
});
rounding('TestTruncate (decimal_test.go:249-258), positive and negated', () => {
    const cases = [
        ['0', 0n], ['0.25', 0n], ['0.75', 0n], ['1', 1n], ['1.5', 1n],
        ['7.5', 7n], ['7.6', 7n], ['7.4', 7n], ['100.1', 100n], ['1000.1', 1000n],
    ];
    for (const [value, expected] of cases) {
        assert.is(dec(value).truncateInt64(), expected, value);
        assert.is(dec(value).neg().truncateInt64(), -expected, `-${value}`);
        assert.is(dec(value).truncateInt(), expected, value);
    }
});
rounding('TestDecCeil (decimal_test.go:410-417)', () => {
    const cases = [
        [1000000000000000n, 1], [-1000000000000000n, 0], [0n, 0], [900000000000000000n, 1],
        [4001000000000000000n, 5], [-4001000000000000000n, -4], [4700000000000000000n, 5], [-4700000000000000000n, -4],
    ];
    for (const [scaled, expected] of cases)
        same(Dec.fromScaled(scaled).ceil(), int(expected), `${scaled}`);
});
rounding('quoInt truncates the scaled value toward zero; truncateDec drops the fraction', () => {
    assert.is(dec('1.000000000000000001').quoInt(2n).toString(), '0.500000000000000000');
    assert.is(int(-1).quoInt(3n).toString(), '-0.333333333333333333');
    assert.is(int(2).quoInt64(3).toString(), '0.666666666666666666');
    assert.is(dec('-4.7').truncateDec().toString(), '-4.000000000000000000');
    assert.throws(() => int(1).quoInt(0n), (error) => error instanceof InvariantError);
});
rounding('int64 conversions throw where Go panics "Int64() out of bound"', () => {
    assert.is(int(9223372036854775807n).roundInt64(), 9223372036854775807n);
    assert.throws(() => int(9223372036854775808n).roundInt64(), (error) => error instanceof InvariantError);
    assert.throws(() => int(9223372036854775808n).truncateInt64(), (error) => error instanceof InvariantError);
    assert.throws(() => int(1).mulInt64(1n << 63n), (error) => error instanceof InvariantError);
});
// ── overflow decision (bigdec.ts header) ──────────────────────────────────────────────────
const overflow = suite('core/bigdec: overflow at 255+60 bits throws DecOverflowError');
overflow('results of 2^315 or more in scaled magnitude throw; 2^315 − 1 is fine', () => {
    const max = Dec.fromScaled(DEC_SCALED_LIMIT - 1n);
    const isOverflow = (error) => error instanceof DecOverflowError && error instanceof InvariantError;
    assert.throws(() => max.add(Dec.SMALLEST), isOverflow);
    assert.throws(() => max.neg().sub(Dec.SMALLEST), isOverflow);
    assert.throws(() => max.mul(int(2)), isOverflow);
    assert.throws(() => max.mulInt(2n), isOverflow);
    assert.throws(() => max.quo(dec('0.5')), isOverflow);
    assert.throws(() => Dec.fromScaled(DEC_SCALED_LIMIT), isOverflow);
    assert.is(max.mul(Dec.ONE).scaled, DEC_SCALED_LIMIT - 1n);
    assert.is(max.neg().add(Dec.ZERO).scaled, -(DEC_SCALED_LIMIT - 1n));
    // Integer conversions past 255 bits throw (Go: NewIntFromBigInt panics, types/int.go:91-96).
    assert.throws(() => max.truncateInt(), (error) => error instanceof InvariantError);
});
parsing.run();
text.run();
compare.run();
arithmetic.run();
rounding.run();
overflow.run();
//# sourceMappingURL=bigdec.test.js.map