/**
 * Goal: the store's write paths that skip work keep every guarantee of `set`.
 * - `Table.setIfAbsent` writes a new key exactly as `set` would (value, listeners, journal,
 *   state root) and leaves a present key untouched.
 * - A table that is neither committed nor kept as history (the tx and replay indexes) is no
 *   longer marked dirty, yet its writes are still journaled (a revert undoes them) and never
 *   reach the state root; a history table that is not committed still records its versions.
 * Expected values come from the contract of `set` on a twin store (same writes through `set`),
 * not from the code under test.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { bytesToHex } from '../../../src/core/hex.js';
import { StateStore } from '../../../src/state/store.js';
import type { TableSpec } from '../../../src/state/table.js';

const committed: TableSpec<number> = { name: 'test/committed', encode: String, decode: Number };
const index: TableSpec<number> = { name: 'test/index', encode: String, decode: Number, committed: false };
const history: TableSpec<number> = { name: 'test/history', encode: String, decode: Number, committed: false, history: true };

function storeWith() {
  const store = new StateStore();
  return { store, committed: store.defineTable(committed), index: store.defineTable(index), history: store.defineTable(history) };
}

const test = suite('state: write paths');

test('setIfAbsent on a new key = set: value, listener, state root', () => {
  const a = storeWith();
  const b = storeWith();
  const heard: Array<[string, number | undefined, number | undefined]> = [];
  a.committed.onChange((key, previous, next) => heard.push([key, previous, next]));
  assert.is(a.committed.setIfAbsent('k', 7), true);
  b.committed.set('k', 7);
  assert.is(a.committed.get('k'), 7);
  assert.equal(heard, [['k', undefined, 7]]);
  assert.is(bytesToHex(a.store.commitBlock(1)), bytesToHex(b.store.commitBlock(1)));
});

test('setIfAbsent on a present key writes nothing, tells no listener, journals nothing', () => {
  const { store, committed: table } = storeWith();
  table.set('k', 1);
  const root = bytesToHex(store.commitBlock(1));
  const heard: string[] = [];
  table.onChange((key) => heard.push(key));
  store.checkpoint();
  assert.is(table.setIfAbsent('k', 2), false);
  assert.is(table.get('k'), 1, 'the present value stays (read before the revert, which would hide an overwrite)');
  // A journal entry would show here: revert restores through the listeners.
  store.revert();
  assert.is(table.get('k'), 1);
  assert.equal(heard, []);
  assert.is(bytesToHex(store.commitBlock(2)), root);
});

test('an uncommitted table: writes are journaled (revert undoes them), never in the root', () => {
  const { store, committed: table, index: idx } = storeWith();
  table.set('a', 1);
  const root = bytesToHex(store.commitBlock(1));
  store.checkpoint();
  idx.set('h1', 2);
  assert.is(idx.setIfAbsent('h2', 2), true);
  store.revert();
  assert.is(idx.has('h1'), false);
  assert.is(idx.has('h2'), false);
  idx.set('h3', 3);
  assert.is(idx.setIfAbsent('h4', 3), true);
  assert.is(bytesToHex(store.commitBlock(2)), root, 'index writes change no leaf');
  assert.is(idx.get('h3'), 3);
  assert.is(idx.get('h4'), 3);
});

test('an uncommitted history table still records a version per committed height', () => {
  const { store, history: table } = storeWith();
  table.set('x', 10);
  store.commitBlock(1);
  table.set('x', 20);
  store.commitBlock(2);
  assert.is(table.getAt('x', 1), 10);
  assert.is(table.getAt('x', 2), 20);
});

test.run();
