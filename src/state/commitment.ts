/**
 * The state root: an incrementally updated commitment to every entry of the current state.
 *
 * Shape: a fixed three-level tree, 256-way at the top two levels, over 65,536 buckets.
 * - Each entry is a leaf `leafHash = sha256(entryKey ‖ 0x00 ‖ encodedValue)` where entryKey is
 *   "<table>/<key>" (see store.ts).
 * - An entry lives in bucket `fnv1a32(entryKey) mod 65536`. A bucket's digest is: 32 zero bytes
 *   when empty; the leaf hash itself for a single entry; otherwise sha256 over its leaf hashes in
 *   ascending entryKey order (UTF-16 code-unit order = byte order for our ASCII keys).
 * - Group g (0..255) digest = sha256(digest of bucket 256·g ‖ … ‖ digest of bucket 256·g+255);
 *   a group whose buckets are all empty has the all-zero digest.
 * - Root = sha256(group 0 ‖ … ‖ group 255); the empty state's root is 32 zero bytes.
 *
 * Cost per block: one leaf hash per changed entry, one bucket digest per changed bucket (a
 * bucket holds n / 65,536 entries — under 16 for a million entries), then one 8 KiB hash per
 * changed group and one 8 KiB hash for the root. So the cost follows what a block changes, not
 * how big the state is; a wide tree keeps the number of hash calls (each with a fixed call
 * overhead) low for big blocks, where a binary tree would need ~16 hashes per changed bucket.
 *
 * DEV_NOTE: determinism — bucket choice (FNV-1a over UTF-16 code units), in-bucket order (sorted
 * keys) and the fixed tree are pure functions of the entries; insertion order never matters.
 *
 * PERF: digests are kept as 32-character latin1 strings (one char per byte) rather than Buffers:
 * node:crypto returns a string ~3× faster than a Buffer (no backing store to allocate and track:
 * ~0.35 µs vs ~1 µs per hash here), and strings are cheap for the GC. The bytes hashed are
 * exactly the same (strings are turned back into bytes with the latin1 encoding).
 */
import { hash as nodeHash } from 'node:crypto';

const FANOUT = 256;
const BUCKETS = FANOUT * FANOUT;
const DIGEST = 32;
const ZERO = new Uint8Array(DIGEST);

/** SHA-256 of bytes as a 32-character latin1 string (see PERF above). */
function sha256Latin1(data: Uint8Array): string {
  return nodeHash('sha256', data, 'binary'); // 'binary' = latin1
}

/** FNV-1a, 32-bit, over UTF-16 code units, as a signed 32-bit integer (a small integer to V8). */
function fnv1a32(entryKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entryKey.length; i++) {
    h ^= entryKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h | 0;
}

/** The entry's bucket: FNV-1a mod 65,536, a cheap, stable spread of keys over buckets. */
export function bucketOf(entryKey: string): number {
  return fnv1a32(entryKey) & (BUCKETS - 1);
}

/**
 * Where `entryKey` sits in a bucket's sorted keys, or -1. PERF: the keys' FNV-1a hashes are
 * scanned first (one small array of integers) and only a key with an equal hash is compared.
 * A binary search over the keys themselves read ~4 key strings scattered over the heap per
 * lookup, each a CPU cache miss once the state holds a million entries (bench/scale).
 */
function positionOf(keys: readonly string[], hashes: readonly number[], entryKey: string, hash: number): number {
  for (let at = hashes.indexOf(hash); at >= 0; at = hashes.indexOf(hash, at + 1)) if (keys[at] === entryKey) return at;
  return -1;
}

/** The leaf hash as a 32-character latin1 string (node hashes the text's UTF-8 bytes itself). */
export function leafDigest(entryKey: string, encodedValue: string): string {
  return nodeHash('sha256', entryKey + '\u0000' + encodedValue, 'binary');
}

export function leafHash(entryKey: string, encodedValue: string): Uint8Array {
  return new Uint8Array(Buffer.from(leafDigest(entryKey, encodedValue), 'latin1'));
}

/** The first position in sorted `keys` whose key is not below `key` (UTF-16 code-unit order, as Array#sort compares). */
function lowerBound(keys: readonly string[], key: string): number {
  let low = 0;
  let high = keys.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (keys[middle]! < key) low = middle + 1;
    else high = middle;
  }
  return low;
}

/**
 * The same text as one flat string. PERF: a concatenation or slice is a rope holding its parts
 * (and the whole old string behind a slice); flattening here keeps one compact string per bucket
 * and lets the old one be collected.
 */
function flat(text: string): string {
  // Reading one char forces V8 to flatten a cons string in place; cheap for a flat one.
  void text.charCodeAt(0);
  return text;
}

function allZero(bytes: Uint8Array): boolean {
  for (let i = 0; i < bytes.length; i++) if (bytes[i] !== 0) return false;
  return true;
}

export class StateCommitment {
  /**
   * Per bucket, in parallel arrays: undefined (empty); its only entry key and that entry's leaf
   * digest (latin1 string); or its entry keys in ascending order, their fnv1a32 hashes in the
   * same order (positionOf) and their leaf digests concatenated in the same order (32 latin1
   * chars each, one flat string).
   * PERF: a bucket's leaves sit in one piece next to its keys, so its digest hashes that piece as
   * it is — no lookup of each leaf in a map of every entry, no join of scattered strings (with a
   * million entries those lookups missed the CPU cache and grew the commit's time with the state
   * size, bench/scale: state-root time at 1M accounts about halved). A string rather than a
   * Buffer: Buffers sliced from Node's pool kept dead neighbours alive (+100 MB RSS at 1M).
   */
  private readonly bucketKeys: Array<string | string[] | undefined> = new Array<string | string[] | undefined>(BUCKETS).fill(undefined);
  private readonly bucketLeaves: Array<string | undefined> = new Array<string | undefined>(BUCKETS).fill(undefined);
  /** For a bucket of two or more keys: each key's fnv1a32, in the same order as its keys. */
  private readonly bucketHashes: Array<number[] | undefined> = new Array<number[] | undefined>(BUCKETS).fill(undefined);
  private entries = 0;
  /** Bucket digests, 32 bytes each, laid out group by group (so a group's input is one slice). */
  private readonly bucketDigests = Buffer.alloc(BUCKETS * DIGEST);
  private readonly groupDigests = Buffer.alloc(FANOUT * DIGEST);
  private rootDigest: Uint8Array = ZERO;
  private readonly dirtyBuckets = new Set<number>();
  /** Reused input of a bucket digest (its leaves as bytes); grows with the largest bucket. */
  private scratch = Buffer.alloc(0);

  /** Record the new leaf of an entry (latin1 digest, leafDigest), or its removal (undefined). */
  put(entryKey: string, leaf: string | undefined): void {
    const hash = fnv1a32(entryKey);
    const index = hash & (BUCKETS - 1);
    if (leaf === undefined) {
      if (!this.remove(index, entryKey, hash)) return;
    } else this.upsert(index, entryKey, hash, leaf);
    this.dirtyBuckets.add(index);
  }

  private upsert(index: number, entryKey: string, hash: number, leaf: string): void {
    const keys = this.bucketKeys[index];
    if (keys === undefined) {
      this.bucketKeys[index] = entryKey;
      this.bucketLeaves[index] = leaf;
      this.entries++;
      return;
    }
    const leaves = this.bucketLeaves[index]!;
    if (typeof keys === 'string') {
      if (keys === entryKey) this.bucketLeaves[index] = leaf;
      else {
        const before = keys < entryKey;
        this.bucketKeys[index] = before ? [keys, entryKey] : [entryKey, keys];
        this.bucketHashes[index] = before ? [fnv1a32(keys), hash] : [hash, fnv1a32(keys)];
        this.bucketLeaves[index] = flat(before ? leaves + leaf : leaf + leaves);
        this.entries++;
      }
      return;
    }
    const hashes = this.bucketHashes[index]!;
    const found = positionOf(keys, hashes, entryKey, hash);
    if (found >= 0) {
      this.bucketLeaves[index] = flat(leaves.slice(0, found * DIGEST) + leaf + leaves.slice((found + 1) * DIGEST));
      return;
    }
    const at = lowerBound(keys, entryKey);
    keys.splice(at, 0, entryKey);
    hashes.splice(at, 0, hash);
    this.bucketLeaves[index] = flat(leaves.slice(0, at * DIGEST) + leaf + leaves.slice(at * DIGEST));
    this.entries++;
  }

  /** Remove the entry; false when the bucket did not hold it (nothing changed). */
  private remove(index: number, entryKey: string, hash: number): boolean {
    const keys = this.bucketKeys[index];
    if (keys === undefined) return false;
    if (typeof keys === 'string') {
      if (keys !== entryKey) return false;
      this.bucketKeys[index] = undefined;
      this.bucketLeaves[index] = undefined;
    } else {
      const hashes = this.bucketHashes[index]!;
      const at = positionOf(keys, hashes, entryKey, hash);
      if (at < 0) return false;
      keys.splice(at, 1);
      hashes.splice(at, 1);
      const leaves = this.bucketLeaves[index]!;
      this.bucketLeaves[index] = flat(leaves.slice(0, at * DIGEST) + leaves.slice((at + 1) * DIGEST));
      if (keys.length === 1) {
        this.bucketKeys[index] = keys[0];
        this.bucketHashes[index] = undefined;
      }
    }
    this.entries--;
    return true;
  }

  get entryCount(): number {
    return this.entries;
  }

  /** Recompute dirty buckets, their groups and the root; returns the 32-byte root. */
  root(): Uint8Array {
    if (this.dirtyBuckets.size > 0) this.recompute();
    return this.rootDigest;
  }

  private recompute(): void {
    const dirtyGroups = new Set<number>();
    for (const index of this.dirtyBuckets) {
      const digest = this.bucketDigest(index);
      if (digest === undefined) this.bucketDigests.fill(0, index * DIGEST, (index + 1) * DIGEST);
      else this.bucketDigests.write(digest, index * DIGEST, DIGEST, 'latin1');
      dirtyGroups.add(index >>> 8);
    }
    this.dirtyBuckets.clear();
    for (const group of dirtyGroups) {
      const slice = this.bucketDigests.subarray(group * FANOUT * DIGEST, (group + 1) * FANOUT * DIGEST);
      if (allZero(slice)) this.groupDigests.fill(0, group * DIGEST, (group + 1) * DIGEST);
      else this.groupDigests.write(sha256Latin1(slice), group * DIGEST, DIGEST, 'latin1');
    }
    this.rootDigest = allZero(this.groupDigests) ? ZERO : new Uint8Array(nodeHash('sha256', this.groupDigests, 'buffer') as unknown as Uint8Array);
  }

  /** The bucket's digest (latin1), or undefined for an empty bucket (all-zero digest). */
  private bucketDigest(index: number): string | undefined {
    const leaves = this.bucketLeaves[index];
    // A single entry's bucket digest is its leaf hash (most buckets while the state holds fewer
    // than ~65k entries): one hash saved per changed bucket, and still collision resistant.
    if (leaves === undefined || leaves.length === DIGEST) return leaves;
    // PERF: the leaves go into a reused buffer, not a fresh Buffer.from (a pooled allocation per
    // changed bucket, and GC work); the bytes hashed are the same.
    if (this.scratch.length < leaves.length) this.scratch = Buffer.alloc(2 * leaves.length);
    const length = this.scratch.write(leaves, 0, leaves.length, 'latin1');
    return sha256Latin1(this.scratch.subarray(0, length));
  }
}
