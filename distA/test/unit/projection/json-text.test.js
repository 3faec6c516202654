/**
 * Goal: the projection's JSON columns are written by `jsonText` exactly as the reference form
 * `JSON.stringify(value, bigint → decimal string)` writes them, on any value.
 * Method: fast-check over arbitrary values (fc.anything with bigints, null-prototype objects,
 * boxed values, typed arrays, dates, sparse arrays, "__proto__" keys) and over JSON-shaped records
 * like the projectors' (nested objects and arrays of strings, numbers, bigints, booleans, null,
 * undefined); plus hand-picked edge cases. Oracle: V8's own JSON.stringify with the replacer.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { jsonText, jsonTextWithReplacer } from '../../../src/projection/json-text.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
const test = suite('projection: jsonText = JSON.stringify with the bigint replacer');
/** The text, or the error's class (a boxed BigInt makes both throw). */
function outcome(write, value) {
    try {
        return write(value);
    }
    catch (error) {
        return `threw ${error.constructor.name}`;
    }
}
const same = (value) => assert.is(outcome(jsonText, value), outcome(jsonTextWithReplacer, value));
test('arbitrary values (fast-check)', () => {
    const anything = fc.anything({ withBigInt: true, withBoxedValues: true, withDate: true, withMap: true, withSet: true, withNullPrototype: true, withObjectString: true, withSparseArray: true, withTypedArray: true, maxDepth: 4 });
    fc.assert(fc.property(anything, (value) => same(value)), { seed: fastCheckSeed('projection json-text'), numRuns: 2000 });
});
test('JSON-shaped records with bigints (fast-check)', () => {
    const { record } = fc.letrec((tie) => ({
        leaf: fc.oneof(fc.string(), fc.double(), fc.integer(), fc.bigInt(), fc.boolean(), fc.constant(null), fc.constant(undefined)),
        node: fc.oneof({ depthSize: 'small' }, tie('leaf'), fc.array(tie('node'), { maxLength: 5 }), fc.dictionary(fc.string(), tie('node'), { maxKeys: 5 })),
        record: fc.dictionary(fc.string(), tie('node'), { maxKeys: 8 }),
    }));
    fc.assert(fc.property(record, (value) => same(value)), { seed: fastCheckSeed('projection json-text'), numRuns: 2000 });
});
test('edge cases', () => {
    const nullPrototype = Object.assign(Object.create(null), { a: 1n, b: [2n] });
    const protoKey = Object.defineProperty({ y: 2n }, '__proto__', { value: { x: 1n }, enumerable: true });
    for (const value of [
        1n, -0, NaN, Infinity, '\u2028"\\', [undefined, () => 1, Symbol('s'), 3n], { a: undefined, b: 1n, c: { d: [1n, { e: 2n }] } }, nullPrototype, protoKey,
        { toJSON: () => 5n }, new Date(0), [new Uint8Array([1, 2])], { 2: 'two', 1: 1n, b: 'b', a: 'a' }, Object(3n),
    ]) {
        same(value);
    }
    // A value without bigints is written as is.
    assert.is(jsonText({ a: [1, 'x', null, true] }), '{"a":[1,"x",null,true]}');
});
test.run();
//# sourceMappingURL=json-text.test.js.map