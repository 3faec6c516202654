/**
 * Goal: the store's write path that skips work keeps every guarantee of `set`:
 * - a table that is neither committed nor kept as history (the tx and replay indexes) is no
 *   longer marked dirty, yet its writes are still journaled (a revert undoes them) and never
 *   reach the state root; a history table that is not committed still records its versions.
 * Expected values come from the contract of `set` (a reverted write is gone, an uncommitted
 * table leaves the root as it was), not from the code under test.
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

test('an uncommitted table: writes are journaled (revert undoes them), never in the root', () => {
  const { store, committed: table, index: idx } = storeWith();
  table.set('a', 1);
  const root = bytesToHex(store.commitBlock(1));
  store.checkpoint();
  idx.set('h1', 2);
  idx.set('h2', 2);
  store.revert();
  assert.is(idx.has('h1'), false);
  assert.is(idx.has('h2'), false);
  idx.set('h3', 3);
  assert.is(bytesToHex(store.commitBlock(2)), root, 'index writes change no leaf');
  assert.is(idx.get('h3'), 3);
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
