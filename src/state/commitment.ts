/**
 * The state root: an incrementally updated commitment to every entry of the current state.
 *
 * Shape: a fixed binary Merkle tree of depth 16 over 65,536 buckets.
 * - Each entry is a leaf `leafHash = sha256(entryKey ‖ 0x00 ‖ encodedValue)` where entryKey is
 *   "<table>/<key>" (see store.ts).
 * - An entry lives in bucket `fnv1a32(entryKey) mod 65536`. A bucket's digest is
 *   sha256 over its leaf hashes in ascending entryKey order (UTF-16 code-unit order, which equals
 *   byte order for the ASCII keys we use); an empty bucket's digest is 32 zero bytes.
 * - Internal node = sha256(left ‖ right), except that two empty (all-zero) children give an
 *   all-zero parent, so an empty state has the all-zero root and sparse states stay cheap.
 *
 * Cost per block: O(changed entries × (bucket size + 16)) hashes, with paths shared between
 * changed buckets hashed once. Bucket size is n / 65,536 — under 16 for a million entries — so
 * the cost follows what a block changes, not how big the state is.
 *
 * DEV_NOTE: determinism — bucket choice (FNV-1a over UTF-16 code units), in-bucket order (sorted
 * keys) and node hashing are all pure functions of the entries; insertion order never matters.
 */
import { hash as nodeHash } from 'node:crypto';

const DEPTH = 16;
const BUCKETS = 1 << DEPTH;
const ZERO = new Uint8Array(32);

function sha256(data: Uint8Array): Uint8Array {
  return nodeHash('sha256', data, 'buffer') as unknown as Uint8Array;
}

function isZero(digest: Uint8Array): boolean {
  for (let i = 0; i < 32; i++) if (digest[i] !== 0) return false;
  return true;
}

/** FNV-1a, 32-bit, over UTF-16 code units: a cheap, stable spread of keys over buckets. */
export function bucketOf(entryKey: string): number {
  let h = 0x811c9dc5;
  for (let i = 0; i < entryKey.length; i++) {
    h ^= entryKey.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0) & (BUCKETS - 1);
}

export function leafHash(entryKey: string, encodedValue: string): Uint8Array {
  return sha256(Buffer.from(entryKey + '\u0000' + encodedValue, 'utf8'));
}

export class StateCommitment {
  /** bucket index → (entryKey → leaf hash) */
  private readonly buckets = new Map<number, Map<string, Uint8Array>>();
  /** Heap-ordered tree: node 1 is the root, leaves (bucket digests) at BUCKETS..2·BUCKETS−1. */
  private readonly nodes: Uint8Array[] = new Array<Uint8Array>(2 * BUCKETS).fill(ZERO);
  private readonly dirtyBuckets = new Set<number>();

  /** Record the new leaf of an entry, or its removal (leaf undefined). */
  put(entryKey: string, leaf: Uint8Array | undefined): void {
    const index = bucketOf(entryKey);
    let bucket = this.buckets.get(index);
    if (leaf === undefined) {
      if (bucket === undefined || !bucket.delete(entryKey)) return;
      if (bucket.size === 0) this.buckets.delete(index);
    } else {
      if (bucket === undefined) {
        bucket = new Map();
        this.buckets.set(index, bucket);
      }
      bucket.set(entryKey, leaf);
    }
    this.dirtyBuckets.add(index);
  }

  get entryCount(): number {
    let count = 0;
    for (const bucket of this.buckets.values()) count += bucket.size;
    return count;
  }

  /** Recompute dirty buckets and their paths; returns the 32-byte root. */
  root(): Uint8Array {
    if (this.dirtyBuckets.size > 0) this.recompute();
    return this.nodes[1]!;
  }

  private recompute(): void {
    let level = new Set<number>();
    for (const index of this.dirtyBuckets) {
      const position = BUCKETS + index;
      this.nodes[position] = this.bucketDigest(index);
      level.add(position >> 1);
    }
    this.dirtyBuckets.clear();
    while (level.size > 0) {
      const next = new Set<number>();
      for (const position of level) {
        const left = this.nodes[2 * position]!;
        const right = this.nodes[2 * position + 1]!;
        this.nodes[position] = isZero(left) && isZero(right) ? ZERO : sha256(Buffer.concat([left, right]));
        if (position > 1) next.add(position >> 1);
      }
      level = next;
    }
  }

  private bucketDigest(index: number): Uint8Array {
    const bucket = this.buckets.get(index);
    if (bucket === undefined || bucket.size === 0) return ZERO;
    const keys = [...bucket.keys()].sort();
    const joined = new Uint8Array(32 * keys.length);
    keys.forEach((key, i) => joined.set(bucket.get(key)!, 32 * i));
    return sha256(joined);
  }
}
