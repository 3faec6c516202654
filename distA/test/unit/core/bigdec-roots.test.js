/**
 * Goal: ApproxRoot and FracPow behave as pocket-core's do on the inputs that matter and on the
 * pathological ones: integers terminate, large inputs report the recovered overflow (FracPow → 1),
 * tiny inputs that cycle forever in Go are reported loudly instead of hanging.
 * Method: exhaustive sweeps over the integer inputs PIP-22 can produce; pinned examples of each
 * behaviour (the cycling input was found by tracing Go's loop, see bigdec.ts); the PIP-22
 * weights of PROTOCOL §5.2 / §11 TV-2.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { ApproxRootNonTerminationError, Dec, DecOverflowError } from '../../../src/core/bigdec.js';
const dec = (text) => Dec.fromString(text);
const roots = suite('core/bigdec: approxRoot');
roots('integers 0..2000 terminate for n = 100 (PIP-22\'s root); from 499 up the Newton step overflows', () => {
    for (let value = 0; value <= 2000; value++) {
        const root = Dec.fromInt(value).approxRoot(100);
        assert.is(root.ok, value < 499, `value ${value}`);
    }
});
roots('integers 0..100 terminate for every n = 2..100', () => {
    for (let n = 2; n <= 100; n++) {
        for (let value = 0; value <= 100; value++) {
            const root = Dec.fromInt(value).approxRoot(n);
            assert.ok(root.ok, `n ${n}, value ${value}`);
        }
    }
});
roots('special cases: n = 1, a = 0, a = 1 return a; n = 0 returns 1; negatives are odd', () => {
    assert.equal(dec('7').approxRoot(1), { ok: true, value: dec('7') });
    assert.equal(dec('0').approxRoot(5), { ok: true, value: dec('0') });
    assert.equal(dec('1').approxRoot(5), { ok: true, value: dec('1') });
    assert.equal(dec('7').approxRoot(0), { ok: true, value: Dec.ONE });
    const positive = dec('81').approxRoot(4);
    const negative = dec('-81').approxRoot(4);
    assert.ok(positive.ok && negative.ok);
    assert.is(negative.value.scaled, -positive.value.scaled);
    assert.is(positive.value.toString(), '3.000000000000000000');
});
roots('known roots: sqrt(2), sqrt(4), cbrt(27), 0.25^(1/2)', () => {
    const value = (a, n) => {
        const root = dec(a).approxRoot(n);
        assert.ok(root.ok);
        return root.value.toString();
    };
    assert.is(value('2', 2), '1.414213562373095049');
    assert.is(value('4', 2), '2.000000000000000000');
    assert.is(value('27', 3), '3.000000000000000000');
    assert.is(value('0.25', 2), '0.500000000000000000');
});
roots('large input: 1000^(1/100) overflows inside (10.99^99 > 2^315) and is reported, not thrown', () => {
    const root = dec('1000').approxRoot(100);
    assert.is(root.ok, false);
    assert.is(dec('1000').fracPow(dec('1'), 100).toString(), '1.000000000000000000', 'FracPow returns 1 on error');
});
roots('an input on which Go loops forever throws ApproxRootNonTerminationError', () => {
    assert.throws(() => dec('0.000000000000000216').approxRoot(9), (error) => error instanceof ApproxRootNonTerminationError);
    assert.throws(() => dec('0.000000000000000216').fracPow(dec('0.5'), 9), (error) => error instanceof ApproxRootNonTerminationError);
});
const fracPow = suite('core/bigdec: fracPow');
fracPow('PIP-22 weights with E = 1 are not exact (PROTOCOL §5.2, TV-2)', () => {
    assert.is(dec('1').fracPow(dec('1')).toString(), '1.000000000000000000');
    assert.is(dec('2').fracPow(dec('1')).toString(), '2.000000000000000037');
    assert.is(dec('3').fracPow(dec('1')).toString(), '3.000000000000000158');
    assert.is(dec('4').fracPow(dec('1')).toString(), '4.000000000000000149');
});
fracPow('p = 0 → 1 without taking a root; B = round-half-even(p·100)', () => {
    assert.is(dec('0').fracPow(dec('0')).toString(), '1.000000000000000000');
    assert.is(dec('0.000000000000000216').fracPow(dec('0')).toString(), '1.000000000000000000', 'no root taken, so no cycle');
    assert.is(dec('2').fracPow(dec('0.005')).toString(), '1.000000000000000000', 'B = round(0.5) = 0 → power 0');
    assert.is(dec('2').fracPow(dec('0.015')).eq(dec('2').fracPow(dec('0.02'))), true, 'B = round(1.5) = 2');
    assert.is(dec('2').fracPow(dec('0.025')).eq(dec('2').fracPow(dec('0.02'))), true, 'B = round(2.5) = 2');
});
fracPow('a negative exponent wraps to a uint64 power as Go converts it: overflow above 1, 0 below', () => {
    assert.throws(() => dec('2').fracPow(dec('-1')), (error) => error instanceof DecOverflowError);
    assert.is(dec('0.5').fracPow(dec('-1')).toString(), '0.000000000000000000');
});
roots.run();
fracPow.run();
//# sourceMappingURL=bigdec-roots.test.js.map