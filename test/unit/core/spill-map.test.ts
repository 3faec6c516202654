/**
 * Goal: SpillMap (src/core/spill-map.ts) behaves as one Map, also once its entries are spread
 * over several Maps — so the tx and replay indexes can pass V8's 2^24 entries per Map — and a
 * Table holds more than 2^24 entries.
 * Method: fast-check sequences of set / delete / get over a small key space against a plain Map
 * (oracle), with a spill threshold of 3 so every sequence crosses it; then a real Table of 2^24 + 1000
 * entries in a child process (the limit itself, not a smaller stand-in: a plain Map of 2^24 + 1
 * throws "Map maximum size exceeded" there).
 */
import { spawnSync } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { SpillMap } from '../../../src/core/spill-map.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

type Op = { kind: 'set'; key: string; value: number } | { kind: 'delete'; key: string };

const key = fc.constantFrom(...Array.from({ length: 12 }, (_, i) => `k${i}`));
const op: fc.Arbitrary<Op> = fc.oneof(
  fc.record({ kind: fc.constant('set' as const), key, value: fc.integer() }),
  fc.record({ kind: fc.constant('delete' as const), key }),
);

const sorted = (entries: Iterable<[string, number]>): Array<[string, number]> => [...entries].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

const spill = suite('core: SpillMap');

spill('equals a plain Map under any sequence of sets and deletes (spill threshold 3)', () => {
  let spilled = 0;
  fc.assert(
    fc.property(fc.array(op, { maxLength: 80 }), (ops) => {
      const map = new SpillMap<number>(3);
      const oracle = new Map<string, number>();
      for (const step of ops) {
        if (step.kind === 'set') {
          map.set(step.key, step.value);
          oracle.set(step.key, step.value);
        } else assert.is(map.delete(step.key), oracle.delete(step.key));
        assert.is(map.size, oracle.size);
      }
      for (let i = 0; i < 12; i++) {
        assert.is(map.get(`k${i}`), oracle.get(`k${i}`));
        assert.is(map.has(`k${i}`), oracle.has(`k${i}`));
      }
      assert.equal(sorted(map.entries()), sorted(oracle.entries()));
      assert.equal([...map.keys()].sort(), [...oracle.keys()].sort());
      assert.equal([...map.values()].sort(), [...oracle.values()].sort());
      const counted = new Set(map.keys());
      assert.is(counted.size, map.size, 'no key is held twice');
      if (map.mapCount > 1) spilled++;
    }),
    { seed: fastCheckSeed('state spill-map'), numRuns: 1500 },
  );
  assert.ok(spilled > 100, `sequences that spilled: ${spilled}`);
});

spill('a table holds more than 2^24 entries, where a plain Map throws', () => {
  // In a child process: ~1.5 GB of keys, freed when it exits, not kept by the shared test process.
  const child = spawnSync(process.execPath, [join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helpers', 'big-table-child.js')], { encoding: 'utf8' });
  assert.is(child.status, 0, child.stderr);
  const seen = JSON.parse(child.stdout) as Record<string, unknown>;
  const limit = 2 ** 24;
  assert.match(String(seen['plainError']), /maximum size/);
  assert.equal(seen, {
    plainError: seen['plainError'],
    total: limit + 1000,
    size: limit + 999,
    first: -1,
    lastBefore: limit + 999,
    lastAfter: null,
    middle: limit >> 1,
  });
});

spill.run();
