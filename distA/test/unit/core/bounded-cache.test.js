/**
 * Goal: BoundedCache keeps at most `capacity` entries and drops the least recently used one.
 * Method: the header's example, expected values by hand; and a model check against a plain list
 * kept in recency order (a second implementation: O(n) per operation, obviously right).
 */
import fc from 'fast-check';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { BoundedCache } from '../../../src/core/bounded-cache.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';
test('capacity 2: set a, set b, get a, set c → b is dropped', () => {
    const cache = new BoundedCache(2);
    cache.set('a', 1);
    cache.set('b', 2);
    assert.is(cache.get('a'), 1);
    cache.set('c', 3);
    assert.equal([...cache.keys()].sort(), ['a', 'c']);
    assert.is(cache.get('b'), undefined);
    assert.is(cache.through('b', () => 4), 4, 'a miss computes and keeps');
    assert.equal([...cache.keys()], ['c', 'b'], 'a dropped: c was used after it');
    assert.throws(() => new BoundedCache(0), /positive integer/);
});
test('weighed by length, capacity 10: a second list of 6 drops the first; the newest is kept even when heavier than the capacity', () => {
    const cache = new BoundedCache(10, (list) => list.length);
    cache.set('a', [1, 2, 3, 4, 5, 6]);
    cache.set('b', [1, 2, 3, 4, 5, 6]);
    assert.equal([...cache.keys()], ['b']);
    cache.set('c', [1, 2, 3, 4]);
    assert.equal([...cache.keys()], ['b', 'c'], '6 + 4 = 10 fits');
    cache.set('b', [1]);
    assert.equal([...cache.keys()], ['c', 'b'], 'replacing b re-weighs it (4 + 1) and makes it the newest');
    cache.set('d', Array.from({ length: 20 }, (_, i) => i));
    assert.equal([...cache.keys()], ['d'], 'a value heavier than the capacity is kept alone');
});
test('any sequence of gets and sets: the same entries as a recency-ordered list', () => {
    const op = fc.record({ set: fc.boolean(), key: fc.nat(6), value: fc.nat(100) });
    fc.assert(fc.property(fc.integer({ min: 1, max: 5 }), fc.array(op, { maxLength: 80 }), (capacity, ops) => {
        const cache = new BoundedCache(capacity);
        let model = []; // oldest first
        for (const { set, key, value } of ops) {
            const at = model.findIndex(([k]) => k === key);
            if (set) {
                if (at >= 0)
                    model.splice(at, 1);
                model.push([key, value]);
                if (model.length > capacity)
                    model = model.slice(1);
                cache.set(key, value);
            }
            else {
                const expected = at >= 0 ? model[at][1] : undefined;
                if (at >= 0)
                    model.push(model.splice(at, 1)[0]);
                assert.is(cache.get(key), expected);
            }
            assert.equal([...cache.keys()], model.map(([k]) => k));
        }
    }), { seed: fastCheckSeed('bounded cache'), numRuns: 300 });
});
test.run();
//# sourceMappingURL=bounded-cache.test.js.map