/**
 * Goal: the incremental state commitment (src/state/commitment.ts) always equals the commitment
 * its header defines, computed from scratch — through inserts, updates, deletions, re-inserts
 * and buckets growing to several entries and shrinking back.
 * Method: a plain reference (entries → buckets by FNV-1a mod 65,536 → digest: zero / the leaf /
 * SHA-256 of the leaves in ascending key order → 256 group hashes → root) over the same entries;
 * seeded random operations, with keys drawn from a small pool per bucket so collisions happen;
 * roots compared after every batch. Seed printed.
 */
import { createHash } from 'node:crypto';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { bucketOf, leafDigest, StateCommitment } from '../../../src/state/commitment.js';

const SEED = Number(process.env['POKT_COMMITMENT_SEED'] ?? 4242);
console.log(`commitment-reference.test seed=${SEED}`);

const sha256 = (bytes: Uint8Array): Buffer => createHash('sha256').update(bytes).digest();

function referenceRoot(entries: ReadonlyMap<string, string>): string {
  const buckets = new Map<number, string[]>();
  for (const key of entries.keys()) {
    const index = bucketOf(key);
    buckets.set(index, [...(buckets.get(index) ?? []), key]);
  }
  const bucketDigests = Buffer.alloc(65_536 * 32);
  for (const [index, keys] of buckets) {
    const sorted = [...keys].sort();
    const leaves = sorted.map((key) => Buffer.from(entries.get(key)!, 'latin1'));
    const digest = leaves.length === 1 ? leaves[0]! : sha256(Buffer.concat(leaves));
    digest.copy(bucketDigests, index * 32);
  }
  const groups = Buffer.alloc(256 * 32);
  for (let group = 0; group < 256; group++) {
    const slice = bucketDigests.subarray(group * 8192, (group + 1) * 8192);
    if (slice.some((byte) => byte !== 0)) sha256(slice).copy(groups, group * 32);
  }
  return groups.some((byte) => byte !== 0) ? sha256(groups).toString('hex') : '0'.repeat(64);
}

const commitment = suite('state: commitment vs its definition');

commitment('random inserts, updates and deletions (with bucket collisions) keep the root equal to the reference', () => {
  const prng = new Prng(SEED);
  const incremental = new StateCommitment();
  const entries = new Map<string, string>();
  // A key pool where many keys share a bucket: five keys in each of eight buckets, plus 200 others.
  const pool: string[] = Array.from({ length: 200 }, (_, i) => `t/r${i}`);
  const targets = new Map(pool.slice(0, 8).map((key) => [bucketOf(key), 1]));
  for (let i = 0; [...targets.values()].some((count) => count < 5); i++) {
    const key = `t/c${i}`;
    const count = targets.get(bucketOf(key));
    if (count === undefined || count >= 5) continue;
    targets.set(bucketOf(key), count + 1);
    pool.push(key);
  }
  const occupancy = new Map<number, number>();
  for (const key of pool) occupancy.set(bucketOf(key), (occupancy.get(bucketOf(key)) ?? 0) + 1);
  assert.ok(Math.max(...occupancy.values()) >= 5, 'the pool has buckets with several keys');
  assert.is(Buffer.from(incremental.root()).toString('hex'), referenceRoot(entries), 'empty');
  for (let batch = 0; batch < 60; batch++) {
    for (let op = 0; op < 1 + prng.int(40); op++) {
      const key = prng.chance(0.5) ? prng.pick(pool.slice(200)) : prng.pick(pool);
      if (prng.chance(0.3)) {
        incremental.put(key, undefined);
        entries.delete(key);
      } else {
        const leaf = leafDigest(key, String(prng.int(1_000_000)));
        incremental.put(key, leaf);
        entries.set(key, leaf);
      }
    }
    assert.is(Buffer.from(incremental.root()).toString('hex'), referenceRoot(entries), `batch ${batch} (seed ${SEED})`);
    assert.is(incremental.entryCount, entries.size);
  }
});

/** FNV-1a over UTF-16 code units, unsigned, written here from its definition (http://www.isthe.com/chongo/tech/comp/fnv/). */
function fnv1a(text: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

commitment('keys whose whole 32-bit FNV-1a hashes are equal are told apart (the bucket looks keys up by that hash first)', () => {
  // A birthday search: among 300k random keys two share the full hash (expected ~10 pairs; keys
  // differing only in a counter's digits rarely do: FNV-1a's last steps keep them apart).
  const prng = new Prng(SEED);
  const seen = new Map<number, string>();
  let pair: [string, string] | undefined;
  for (let i = 0; pair === undefined && i < 300_000; i++) {
    const key = `t/h${Buffer.from(prng.bytes(8)).toString('hex')}`;
    const other = seen.get(fnv1a(key));
    if (other !== undefined) pair = [other, key];
    else seen.set(fnv1a(key), key);
  }
  assert.ok(pair !== undefined, 'a full-hash collision among 300k keys');
  const [first, second] = pair!;
  assert.is(bucketOf(first), bucketOf(second));
  const third = [...seen.values()].find((key) => key !== first && bucketOf(key) === bucketOf(first)) ?? `${first}x`;
  const incremental = new StateCommitment();
  const entries = new Map<string, string>();
  const steps: Array<[string, string | undefined]> = [
    [first, 'a'], [second, 'b'], [third, 'c'], [second, 'b2'], [first, 'a2'], [first, undefined], [second, 'b3'], [first, 'a3'], [second, undefined], [third, 'c2'], [first, 'a4'],
  ];
  for (const [index, [key, value]] of steps.entries()) {
    const leaf = value === undefined ? undefined : leafDigest(key, value);
    incremental.put(key, leaf);
    if (leaf === undefined) entries.delete(key);
    else entries.set(key, leaf);
    assert.is(Buffer.from(incremental.root()).toString('hex'), referenceRoot(entries), `step ${index}: ${key} = ${value}`);
    assert.is(incremental.entryCount, entries.size);
  }
});

commitment.run();
