/**
 * Whole lists "as of height H" (every key's newest version row ≤ H, deletions dropped; see
 * version-rows.ts) built incrementally: the list at the nearest cached height H0 < H plus the
 * version rows written in (H0, H], instead of a scan of every version row of the table.
 *
 * Why: a list at a height nobody asked before cost a scan of the whole version table and a row
 * object per live key — about 2 ms for 564 nodes — so `nodes` at random historical heights
 * served ~500 req/s against ~2,500 at the latest height, where the answer is cached
 * (bench/NOTES.md, "The query service"). The rows of (H0, H] are a handful per block (a stake,
 * a jailing), read through the `<table>_by_height` index (migrations/007-as-of-indexes.sql).
 *
 * Example: cached at 10: [a→A10, c→C10]; rows of (10, 14]: b staked at 12, a deleted at 13,
 * c edited at 12 and 14 → changes in height order b→B12, c→C12, a→deleted, c→C14 → the newest
 * per key b→B12, a→deleted, c→C14 → as of 14: [b→B12, c→C14] (a dropped, b inserted in key
 * order).
 *
 * Sound because rows of heights ≤ the projection checkpoint never change (read-store.ts
 * contract) and callers only ask heights ≤ the checkpoint they read — the same premise as the
 * per-height memo this replaces. Keys compare as JS strings (UTF-16 code units), which for the
 * ASCII hex keys stored here is SQLite's BINARY order, so a merged list is in the order the full
 * scan's ORDER BY gives.
 */
import { BoundedCache } from '../core/bounded-cache.js';
import type { CacheEpoch } from './cache-epoch.js';

/** A list as of one height: keys ascending, values[i] belongs to keys[i]. */
export interface KeyedList<T> {
  readonly keys: readonly string[];
  readonly values: readonly T[];
}

/** A list keyed by its members' addresses (nodes, apps: read in address order). */
export function byAddress<T extends { readonly address: string }>(values: readonly T[]): KeyedList<T> {
  return { keys: values.map((value) => value.address), values };
}

/** One version row of (H0, H]: `value` undefined = the key was deleted at that height. */
export interface KeyChange<T> {
  readonly key: string;
  readonly value: T | undefined;
}

export interface AsOfSource<T> {
  /** The whole list as of `height` (keys ascending). */
  full(height: number): KeyedList<T>;
  /** Version rows with from < height ≤ to, in ascending height (a later row of a key wins). */
  changes(from: number, to: number): readonly KeyChange<T>[];
}

/** `base` with `changes` applied: the newest change per key replaces, inserts or (undefined) removes it. */
export function applyChanges<T>(base: KeyedList<T>, changes: readonly KeyChange<T>[]): KeyedList<T> {
  if (changes.length === 0) return base;
  const newest = new Map<string, T | undefined>();
  for (const change of changes) newest.set(change.key, change.value);
  const changed = [...newest.keys()].sort(); // default sort: UTF-16 code-unit order (see header)
  const keys: string[] = [];
  const values: T[] = [];
  const keep = (key: string, value: T | undefined): void => {
    if (value === undefined) return;
    keys.push(key);
    values.push(value);
  };
  let i = 0;
  for (const key of changed) {
    while (i < base.keys.length && base.keys[i]! < key) keep(base.keys[i]!, base.values[i++]);
    if (i < base.keys.length && base.keys[i] === key) i++;
    keep(key, newest.get(key));
  }
  while (i < base.keys.length) keep(base.keys[i]!, base.values[i++]);
  return { keys, values };
}

/**
 * How many list entries one AsOfLists keeps over all its cached heights (per table): ~16 bytes
 * each (a key and a value reference; the values themselves are shared between heights), so ~16
 * MB. A chain of 564 nodes keeps ~1,770 heights; mainnet's ~20,000 nodes, 50. PERF: with a fixed
 * 64 heights, `nodes` at random heights of a 150-block chain ran at half the latest height's rate
 * (misses, and the old-generation GC of evicted lists); within the budget, at the same rate.
 */
export const CACHED_ENTRIES = 1_000_000;

/**
 * The list as of any height, from the nearest cached height below it plus the changes since
 * (a full read only when no height below is cached). The cache drops the least recently used height.
 */
export class AsOfLists<T> {
  private readonly cache: BoundedCache<number, KeyedList<T>>;

  constructor(private readonly source: AsOfSource<T>, capacity = CACHED_ENTRIES) {
    this.cache = new BoundedCache<number, KeyedList<T>>(capacity, entriesOf);
  }

  at(height: number): readonly T[] {
    return this.cache.through(height, () => {
      const base = nearestBelow(this.cache, height);
      return base === undefined ? this.source.full(height) : applyChanges(base.list, this.source.changes(base.height, height));
    }).values;
  }

  /** Forget every cached list (the rows they were built from are gone: checkpoint-watch.ts). */
  clear(): void {
    this.cache.clear();
  }
}

/** AsOfSource over an asynchronous store (PostgreSQL). */
export interface AsyncAsOfSource<T> {
  full(height: number): Promise<KeyedList<T>>;
  changes(from: number, to: number): Promise<readonly KeyChange<T>[]>;
}

/**
 * AsOfLists over an asynchronous store: two misses at once may both read (the later one is
 * kept); each answer is right. A list is kept only if its read's epoch is still current
 * (cache-epoch.ts): one read across a drop of the caches, or in a snapshot begun before one, may
 * be of the chain that is gone.
 */
export class AsyncAsOfLists<T> {
  private readonly cache = new BoundedCache<number, KeyedList<T>>(CACHED_ENTRIES, entriesOf);

  constructor(
    private readonly source: AsyncAsOfSource<T>,
    private readonly epoch: CacheEpoch,
  ) {}

  async at(height: number): Promise<readonly T[]> {
    const hit = this.cache.get(height);
    if (hit !== undefined) return hit.values;
    const epoch = this.epoch.ofRead();
    const base = nearestBelow(this.cache, height); // taken before the await: it may be evicted meanwhile
    const list = base === undefined ? await this.source.full(height) : applyChanges(base.list, await this.source.changes(base.height, height));
    if (this.epoch.keeps(epoch)) this.cache.set(height, list);
    return list.values;
  }

  /** Forget every cached list (checkpoint-watch.ts; the owner moves the epoch on). */
  clear(): void {
    this.cache.clear();
  }
}

/** A cached list's weight: its entries, at least 1 (an empty list still takes a slot). */
const entriesOf = (list: KeyedList<unknown>): number => Math.max(1, list.keys.length);

/** The cached list at the greatest height below `height`, if any. */
function nearestBelow<T>(cache: BoundedCache<number, KeyedList<T>>, height: number): { height: number; list: KeyedList<T> } | undefined {
  let best: number | undefined;
  for (const cached of cache.keys()) if (cached < height && (best === undefined || cached > best)) best = cached;
  return best === undefined ? undefined : { height: best, list: cache.get(best)! };
}
