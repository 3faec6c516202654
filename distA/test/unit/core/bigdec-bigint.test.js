/**
 * Goal: src/core/bigint.ts parses integers strictly (one spelling per number, ≤ 255 bits) and
 * reproduces Go big.Int's Euclidean Mod and truncating Quo.
 * Method: hand-picked accept/reject tables (the strictness is our decision, documented in
 * bigint.ts) and pinned examples of the Go semantics (math/big docs: Mod is Euclidean, Quo truncates).
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { InvariantError } from '../../../src/core/assert.js';
import { BIGINT_255_LIMIT, euclideanMod, fitsBigInt255, parseBigIntDecimal, parseNonNegativeBigIntDecimal, truncatingQuo, } from '../../../src/core/bigint.js';
const parse = suite('core/bigint: parseBigIntDecimal');
parse('accepts canonical decimal integers', () => {
    assert.is(parseBigIntDecimal('0'), 0n);
    assert.is(parseBigIntDecimal('15000000000'), 15000000000n);
    assert.is(parseBigIntDecimal('-1'), -1n);
    const max = (BIGINT_255_LIMIT - 1n).toString();
    assert.is(parseBigIntDecimal(max), BIGINT_255_LIMIT - 1n);
    assert.is(parseBigIntDecimal(`-${max}`), -(BIGINT_255_LIMIT - 1n));
});
parse('rejects every non-canonical spelling Go SetString(s, 0) would take, and out-of-range values', () => {
    const rejected = ['', '-', '+1', '01', '00', '-0', '-01', ' 1', '1 ', '1e3', '0x10', '0b1', '0o7', '017', '1_000', '1.0', '١', 'abc'];
    for (const text of rejected)
        assert.is(parseBigIntDecimal(text), undefined, `"${text}"`);
    assert.is(parseBigIntDecimal(BIGINT_255_LIMIT.toString()), undefined, '2^255');
    assert.is(parseBigIntDecimal(`-${BIGINT_255_LIMIT}`), undefined, '−2^255');
    assert.is(parseBigIntDecimal('9'.repeat(100000)), undefined, 'very long input');
});
parse('parseNonNegativeBigIntDecimal rejects negatives only', () => {
    assert.is(parseNonNegativeBigIntDecimal('-1'), undefined);
    assert.is(parseNonNegativeBigIntDecimal('0'), 0n);
    assert.is(parseNonNegativeBigIntDecimal('7'), 7n);
});
const ops = suite('core/bigint: Go big.Int semantics');
ops('euclideanMod is always non-negative; truncatingQuo rounds toward zero', () => {
    assert.is(euclideanMod(7n, 3n), 1n);
    assert.is(euclideanMod(-7n, 3n), 2n);
    assert.is(euclideanMod(7n, -3n), 1n);
    assert.is(euclideanMod(-7n, -3n), 2n);
    assert.is(euclideanMod(-6n, 3n), 0n);
    assert.is(truncatingQuo(-7n, 2n), -3n);
    assert.is(truncatingQuo(7n, -2n), -3n);
    assert.throws(() => euclideanMod(1n, 0n), (error) => error instanceof InvariantError);
    assert.throws(() => truncatingQuo(1n, 0n), (error) => error instanceof InvariantError);
});
ops('fitsBigInt255 bounds the magnitude at 2^255 − 1 on both sides', () => {
    assert.ok(fitsBigInt255(BIGINT_255_LIMIT - 1n));
    assert.ok(fitsBigInt255(-(BIGINT_255_LIMIT - 1n)));
    assert.not.ok(fitsBigInt255(BIGINT_255_LIMIT));
    assert.not.ok(fitsBigInt255(-BIGINT_255_LIMIT));
});
parse.run();
ops.run();
//# sourceMappingURL=bigdec-bigint.test.js.map