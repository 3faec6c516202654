/**
 * Goal: the benchmarks' on-disk chain cache does not grow by one chain per build. Every build
 * that changes the code under the log makes a new key (~37 MB a mainnet-shaped chain at scale
 * 1); of the entries with the same settings only the KEEP_PER_SETTINGS most recently used stay,
 * and nothing else in the cache folder is touched.
 * Method: fake entries (directories with a file of known size) with set mtimes around a real one,
 * pruned directly and through mainnetChain's cache hit (a 2-block chain at scale 0.05, ~0.4 s).
 */
import { mkdirSync, readdirSync, statSync, utimesSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { KEEP_PER_SETTINGS, mainnetChain, pruneStale } from '../../../src/sim/mainnet/index.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('sim/chain-cache');

/** A fake entry `name` holding `bytes` bytes, last used `ageS` seconds before `nowMs`. */
function plant(root: string, name: string, bytes: number, ageS: number, nowMs = Date.now()): void {
  mkdirSync(join(root, name, 'events'), { recursive: true });
  writeFileSync(join(root, name, 'events', 'blocks.log'), Buffer.alloc(bytes));
  const used = new Date(nowMs - ageS * 1000);
  utimesSync(join(root, name), used, used);
}

const digest = (n: number): string => n.toString(16).padStart(16, '0');

/** Runs `body` in a fresh scratch folder, removed afterwards whatever happens. */
async function inScratch(prefix: string, body: (root: string) => void | Promise<void>): Promise<void> {
  const { dir, remove } = scratch(prefix);
  try {
    await body(dir);
  } finally {
    remove();
  }
}

test('keeps the current entry and the most recently used of its settings; removes the rest with their sizes', () =>
  inScratch('chain-cache-prune', (root) => {
    for (let i = 1; i <= 5; i++) plant(root, `s1-r32-b24-${digest(i)}`, 1000 * i, 100 * i); // entry 1 is the most recent
    plant(root, `s1-r32-b24-${digest(99)}`, 10, 10_000); // the one in use now, used long ago
    const pruned = pruneStale(root, `s1-r32-b24-${digest(99)}`);
    assert.is(KEEP_PER_SETTINGS, 3);
    assert.equal(
      pruned.map((entry) => entry.name),
      [3, 4, 5].map((i) => `s1-r32-b24-${digest(i)}`),
    );
    assert.equal(pruned.map((entry) => entry.bytes), [3000, 4000, 5000]);
    assert.equal(readdirSync(root).sort(), [1, 2, 99].map((i) => `s1-r32-b24-${digest(i)}`).sort());
    // The entry in use is marked as just used, so the next build's prune keeps it.
    assert.ok(Date.now() - statSync(join(root, `s1-r32-b24-${digest(99)}`)).mtimeMs < 60_000);
  }));

test('entries of other settings, unfinished chains and foreign folders are left alone', () =>
  inScratch('chain-cache-others', (root) => {
    plant(root, `s1-r32-b24-${digest(1)}`, 1, 50);
    plant(root, `s1-r32-b24-${digest(2)}`, 1, 40);
    plant(root, `s0.05-r32-b24-${digest(3)}`, 1, 500); // another scale: its own settings
    plant(root, `s1-r32-b240-${digest(4)}`, 1, 500); // another block count
    plant(root, `s1-r32-b24-${digest(5)}.tmp-123`, 1, 500); // a generation in progress (removeDeadTemps' business)
    plant(root, 'notes', 1, 500);
    plant(root, `s1-r32-b24-${digest(6)}`, 1, 900);
    const pruned = pruneStale(root, `s1-r32-b24-${digest(1)}`, 1);
    assert.equal(pruned.map((entry) => entry.name).sort(), [`s1-r32-b24-${digest(2)}`, `s1-r32-b24-${digest(6)}`]);
    assert.equal(readdirSync(root).sort(), [`s0.05-r32-b24-${digest(3)}`, `s1-r32-b24-${digest(1)}`, `s1-r32-b240-${digest(4)}`, `s1-r32-b24-${digest(5)}.tmp-123`, 'notes'].sort());
  }));

// Node's readdir lists names sorted on Linux (libuv sorts them), so this holds the comparator's
// promise rather than catching a platform's order.
test('entries used at the same moment are chosen by name, not by the order readdir lists them', () =>
  inScratch('chain-cache-ties', (root) => {
    const nowMs = Date.now();
    for (const i of [7, 2, 5, 0, 3, 6, 1, 4]) plant(root, `s1-r32-b24-${digest(0xe0 + i)}`, 1, 100, nowMs);
    plant(root, `s1-r32-b24-${digest(9)}`, 1, 0);
    const pruned = pruneStale(root, `s1-r32-b24-${digest(9)}`, 2);
    // Kept: the one in use and the first name of the tie (…e0); the rest go, in name order.
    assert.equal(pruned.map((entry) => entry.name), [1, 2, 3, 4, 5, 6, 7].map((i) => `s1-r32-b24-${digest(0xe0 + i)}`));
  }));

test('mainnetChain prunes on a cache hit and reports what it removed', () =>
  inScratch('chain-cache-hit', async (cacheRoot) => {
    const first = await mainnetChain({ blocks: 2, scale: 0.05, cacheRoot, workers: 0 });
    assert.is(first.cached, false);
    assert.equal(first.pruned, []);
    const settings = first.key.slice(0, -17);
    for (let i = 1; i <= 4; i++) plant(cacheRoot, `${settings}-${digest(i)}`, 100, 10 * i); // older builds' chains
    const again = await mainnetChain({ blocks: 2, scale: 0.05, cacheRoot, workers: 0 });
    assert.is(again.cached, true);
    assert.is(again.dataDir, first.dataDir);
    assert.equal(again.pruned.map((entry) => entry.name), [3, 4].map((i) => `${settings}-${digest(i)}`));
    assert.equal(readdirSync(cacheRoot).sort(), [first.key, `${settings}-${digest(1)}`, `${settings}-${digest(2)}`].sort());
  }));

test.run();
