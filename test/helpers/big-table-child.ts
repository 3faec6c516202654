/**
 * Child process of test/unit/state/spill-map.test.ts (its own heap, freed when it exits): a
 * plain Map of 2^24 + 1 entries must throw; a Table of 2^24 + 1000 entries must hold them all.
 * Prints one JSON line with what it saw.
 */
import { StateStore } from '../../src/state/store.js';

const LIMIT = 2 ** 24;

function plainMapLimit(): string | null {
  const plain = new Map<number, number>();
  try {
    for (let i = 0; i <= LIMIT; i++) plain.set(i, i);
    return null;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  } finally {
    plain.clear();
  }
}

const plainError = plainMapLimit();
const store = new StateStore();
const table = store.defineTable<number>({ name: 'test/big', encode: String, decode: Number, committed: false });
const total = LIMIT + 1000;
for (let i = 0; i < total; i++) table.load(i.toString(36), i);
const lastKey = (total - 1).toString(36);
const lastBefore = table.get(lastKey);
table.set('0', -1);
table.delete(lastKey);
process.stdout.write(
  JSON.stringify({ plainError, total, size: table.size, first: table.get('0'), lastBefore, lastAfter: table.get(lastKey) ?? null, middle: table.get((LIMIT >> 1).toString(36)) }) + '\n',
);
