/**
 * Goal: whatever sequence of writes, deletes, nested checkpoints (reverted or released) and
 * commits a store sees, each commit's root is the root of its tables' contents at that moment,
 * and a history table's `getAt` returns the value committed at that height.
 * Method: fast-check drives a StateStore and a plain model side by side — the model is a Map
 * per table plus a stack of copies for the checkpoints, nothing from src/state. At every commit
 * the store's root must equal the root of a fresh store into which the model's contents are
 * written once through `set` (a root is a function of contents only: commitment.ts), and every
 * key's `getAt` at every committed height must equal the model's value then.
 * Why: the commit reads written values from the store's own record of writes, which a revert
 * must keep exact (store.ts `dirty`); a stale value there yields a root of a state that never
 * existed.
 */
import fc from 'fast-check';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { StateStore } from '../../../src/state/store.js';
import type { Table, TableSpec } from '../../../src/state/table.js';
import { fastCheckSeed } from '../crypto/fc-seed.js';

const SPECS: ReadonlyArray<TableSpec<number>> = [
  { name: 'model/plain', encode: String, decode: Number },
  { name: 'model/history', encode: String, decode: Number, history: true },
  { name: 'model/index', encode: String, decode: Number, committed: false },
];
const KEYS = ['a', 'b', 'c', 'd'];

type Op =
  | { readonly kind: 'set'; readonly table: number; readonly key: string; readonly value: number }
  | { readonly kind: 'delete'; readonly table: number; readonly key: string }
  | { readonly kind: 'checkpoint' }
  | { readonly kind: 'revert' }
  | { readonly kind: 'release' }
  | { readonly kind: 'commit' };

const op: fc.Arbitrary<Op> = fc.oneof(
  { weight: 6, arbitrary: fc.record({ kind: fc.constant('set' as const), table: fc.integer({ min: 0, max: 2 }), key: fc.constantFrom(...KEYS), value: fc.integer({ min: 0, max: 9 }) }) },
  { weight: 2, arbitrary: fc.record({ kind: fc.constant('delete' as const), table: fc.integer({ min: 0, max: 2 }), key: fc.constantFrom(...KEYS) }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'checkpoint' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'revert' as const }) },
  { weight: 1, arbitrary: fc.constant({ kind: 'release' as const }) },
  { weight: 2, arbitrary: fc.constant({ kind: 'commit' as const }) },
);

type Contents = Array<Map<string, number>>;

const copy = (contents: Contents): Contents => contents.map((table) => new Map(table));

/** The root of a store holding exactly `contents`, each entry written once. */
function rootOf(contents: Contents): string {
  const store = new StateStore();
  SPECS.forEach((spec, i) => {
    const table = store.defineTable(spec);
    for (const [key, value] of contents[i]!) table.set(key, value);
  });
  return bytesToHex(store.commitBlock(1));
}

function run(ops: readonly Op[]): void {
  const store = new StateStore();
  const tables: Array<Table<number>> = SPECS.map((spec) => store.defineTable(spec));
  let model: Contents = SPECS.map(() => new Map());
  const saved: Contents[] = [];
  const committed: Contents[] = []; // committed[h - 1]: the contents committed at height h
  for (const o of ops) {
    if (o.kind === 'set') {
      tables[o.table]!.set(o.key, o.value);
      model[o.table]!.set(o.key, o.value);
    } else if (o.kind === 'delete') {
      tables[o.table]!.delete(o.key);
      model[o.table]!.delete(o.key);
    } else if (o.kind === 'checkpoint') {
      store.checkpoint();
      saved.push(copy(model));
    } else if (o.kind === 'revert' || o.kind === 'release') {
      if (saved.length === 0) continue;
      const before = saved.pop()!;
      if (o.kind === 'revert') {
        store.revert();
        model = before;
      } else store.release();
    } else {
      if (saved.length > 0) continue; // no commit inside a checkpoint (the reducer never does)
      const root = bytesToHex(store.commitBlock(committed.length + 1));
      committed.push(copy(model));
      assert.is(root, rootOf(model), `root at height ${committed.length}`);
    }
    SPECS.forEach((_, i) => {
      for (const key of KEYS) assert.is(tables[i]!.get(key), model[i]!.get(key), `${SPECS[i]!.name}/${key}`);
    });
  }
  committed.forEach((contents, h) => {
    for (const key of KEYS) assert.is(tables[1]!.getAt(key, h + 1), contents[1]!.get(key), `history ${key} at ${h + 1}`);
  });
}

const test = suite('state: the store against a model (writes, reverts, commits, history)');

test('every commit has the root of the contents at that moment; history returns what was committed', () => {
  fc.assert(
    fc.property(fc.array(op, { maxLength: 60 }), (ops) => run(ops)),
    { seed: fastCheckSeed('state store-model'), numRuns: 500 },
  );
});

test('a write reverted after an earlier write of the same key in the block commits the earlier value', () => {
  // The case a stale record of written values would get wrong, spelled out.
  run([
    { kind: 'set', table: 0, key: 'a', value: 1 },
    { kind: 'set', table: 1, key: 'a', value: 1 },
    { kind: 'commit' },
    { kind: 'set', table: 0, key: 'a', value: 3 },
    { kind: 'set', table: 1, key: 'a', value: 3 },
    { kind: 'checkpoint' },
    { kind: 'set', table: 0, key: 'a', value: 4 },
    { kind: 'delete', table: 1, key: 'a' },
    { kind: 'revert' },
    { kind: 'commit' },
  ]);
});

test.run();
