/**
 * Goal: a read store's height-keyed caches are dropped exactly when the chain they were built
 * from may be gone (src/projection/checkpoint-watch.ts), and an asynchronous list read that
 * straddles the drop, or is read after it in a snapshot begun before it, is answered but not
 * kept (as-of-lists.ts AsyncAsOfLists, cache-epoch.ts).
 * Method: the module header's example and the cases around it, with the checkpoints and block
 * links written out by hand (hashes are letters; "c2" is another block at c's height); answers
 * that interleave as PostgreSQL snapshots do; an AsyncAsOfLists over a source whose reads are
 * held open by the test. The read store across a real rollback is
 * test/unit/history/projection-rollback.test.ts.
 */
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { AsyncAsOfLists, type KeyedList } from '../../../src/projection/as-of-lists.js';
import { CacheEpoch } from '../../../src/projection/cache-epoch.js';
import { CheckpointWatch, type CheckpointSeen } from '../../../src/projection/checkpoint-watch.js';

const test = suite('projection: checkpoint watch (caches of a chain that is gone are dropped)');

function watched(): { watch: CheckpointWatch; forgets: () => number } {
  let count = 0;
  return { watch: new CheckpointWatch(() => count++), forgets: () => count };
}

const at = (height: number, blockHash: string): CheckpointSeen => ({ height, blockHash });

/** What an answer does: read the checkpoint, the one link the watch asks for, then hand both in. */
function answer(watch: CheckpointWatch, now: CheckpointSeen, previousOf: (height: number) => string | undefined): void {
  const successor = watch.successorNeeded(now);
  watch.observe(now, successor === undefined ? undefined : { height: successor, previousHash: previousOf(successor) });
}

test('the header example: 10 and 12 seen, a rollback to 8, 9–12 made again differently', () => {
  const { watch, forgets } = watched();
  answer(watch, at(10, 'a'), () => undefined);
  answer(watch, at(12, 'c'), (h) => (h === 11 ? 'a' : undefined)); // block 11 names a (block 10) as its previous
  answer(watch, at(12, 'c'), () => undefined);
  assert.is(forgets(), 0, 'the same chain: nothing dropped');
  answer(watch, at(12, 'c2'), () => undefined);
  assert.is(forgets(), 1, 'another block at 12: dropped');
  answer(watch, at(12, 'c2'), () => undefined);
  assert.is(forgets(), 1, 'then the new chain is the one seen');
});

test('the same blocks made again after a rollback keep the caches (they are still right)', () => {
  const { watch, forgets } = watched();
  answer(watch, at(10, 'a'), () => undefined);
  answer(watch, at(12, 'c'), (h) => (h === 11 ? 'a' : undefined));
  answer(watch, at(10, 'a'), () => undefined); // rolled back to 10, seen in between
  answer(watch, at(12, 'c'), () => undefined); // 11 and 12 again, the same
  assert.is(forgets(), 0);
});

test('past the highest checkpoint: the first block above it must name it', () => {
  const { watch, forgets } = watched();
  answer(watch, at(0, 'genesis'), () => undefined);
  answer(watch, at(5, 'e'), (h) => (h === 1 ? 'genesis' : undefined));
  assert.is(forgets(), 0, 'block 1 names the genesis checkpoint (which has no block row)');
  answer(watch, at(9, 'i'), (h) => (h === 6 ? 'other' : undefined));
  assert.is(forgets(), 1, 'block 6 names another block 5: rolled back below 5 and made again unseen');
  answer(watch, at(12, 'l'), () => undefined);
  assert.is(forgets(), 2, 'no block above the highest checkpoint where one must be: dropped');
});

test('a height never seen at or below the highest one is taken as a replaced chain', () => {
  const { watch, forgets } = watched();
  answer(watch, at(10, 'a'), () => undefined);
  answer(watch, at(12, 'c'), (h) => (h === 11 ? 'a' : undefined));
  answer(watch, at(11, 'b'), () => undefined);
  assert.is(forgets(), 1, 'rolled back to 11, never seen: dropped (it may be another block 11)');
});

test('answers that interleave (PostgreSQL snapshots): a link is checked against the checkpoint it follows', () => {
  const { watch, forgets } = watched();
  answer(watch, at(12, 'c'), () => undefined);
  // Two answers open at 15 while 12 is the highest seen: both ask for block 13's link.
  const first = watch.successorNeeded(at(15, 'f'));
  const second = watch.successorNeeded(at(15, 'f'));
  assert.equal([first, second], [13, 13]);
  watch.observe(at(15, 'f'), { height: 13, previousHash: 'c' });
  watch.observe(at(15, 'f'), { height: 13, previousHash: 'c' });
  assert.is(forgets(), 0, 'the second arrives after the first moved the highest to 15: no false alarm');
  const third = watch.successorNeeded(at(18, 'r'));
  const fourth = watch.successorNeeded(at(17, 'q'));
  watch.observe(at(18, 'r'), { height: third!, previousHash: 'f' });
  watch.observe(at(17, 'q'), { height: fourth!, previousHash: 'f' });
  assert.is(forgets(), 1, '17 arrives after 18 and was never seen: dropped (costs time, never a wrong answer)');
});

/** An AsyncAsOfLists whose full reads the test releases one by one (`release`), counting them. */
function heldLists(epoch: CacheEpoch): { lists: AsyncAsOfLists<string>; reads: () => number; release: () => void } {
  let reads = 0;
  let release: (() => void) | undefined;
  const list: KeyedList<string> = { keys: ['a'], values: ['A'] };
  const lists = new AsyncAsOfLists<string>({
    full: async () => {
      reads++;
      await new Promise<void>((resolve) => (release = resolve));
      return list;
    },
    changes: async () => [],
  }, epoch);
  return { lists, reads: () => reads, release: () => release!() };
}

test('an asynchronous list read across a drop is answered but not kept', async () => {
  const epoch = new CacheEpoch();
  const { lists, reads, release } = heldLists(epoch);
  const pending = lists.at(7);
  await Promise.resolve();
  lists.clear();
  epoch.next();
  release();
  assert.equal(await pending, ['A'], 'the read in flight is answered');
  const again = lists.at(7);
  await Promise.resolve();
  release();
  await again;
  assert.is(reads(), 2, 'and read again afterwards: the list read across the drop was not kept');
  await lists.at(7);
  assert.is(reads(), 2, 'a list read after the drop is kept');
});

test('a list read after a drop by an answer whose snapshot began before it is answered but not kept (its snapshot may hold the chain that is gone)', async () => {
  let snapshotEpoch: number | undefined;
  const epoch = new CacheEpoch(() => snapshotEpoch);
  const { lists, reads, release } = heldLists(epoch);
  snapshotEpoch = epoch.now(); // answer A's snapshot begins (the old chain)
  lists.clear(); // answer B saw the rebuild: the caches are dropped
  epoch.next();
  const stale = lists.at(7); // only now does A read
  await Promise.resolve();
  release();
  await stale;
  snapshotEpoch = epoch.now(); // answer C, begun after the drop
  const fresh = lists.at(7);
  await Promise.resolve();
  assert.is(reads(), 2, "C read the list again: A's was not kept");
  release();
  await fresh;
  await lists.at(7);
  assert.is(reads(), 2, "C's is kept");
});

test.run();
