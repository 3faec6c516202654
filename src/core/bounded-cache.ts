/**
 * A Map whose entries weigh at most `capacity` in total (each entry 1 unless `weigh` says how
 * much), dropping the least recently used first (a hit moves its key to the newest end of the
 * Map's insertion order); the newest entry is always kept, however heavy. For memos of pure
 * functions and of immutable reads; never for anything a result depends on being present.
 *
 * Example: capacity 2; set a, set b, get a, set c → b is dropped (a was used after b).
 * Weighed by length, capacity 10: set a (6 items), set b (6 items) → a is dropped.
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();
  private weight = 0;

  constructor(
    readonly capacity: number,
    private readonly weigh: (value: V) => number = () => 1,
  ) {
    if (!Number.isInteger(capacity) || capacity < 1) throw new RangeError(`cache capacity must be a positive integer, not ${capacity}`);
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.remove(key);
    this.entries.set(key, value);
    this.weight += this.weigh(value);
    while (this.weight > this.capacity && this.entries.size > 1) this.remove(this.entries.keys().next().value as K);
  }

  private remove(key: K): void {
    const old = this.entries.get(key);
    if (old === undefined) return;
    this.entries.delete(key);
    this.weight -= this.weigh(old);
  }

  /** The value of `key`, computed by `make` (and kept) on a miss. */
  through(key: K, make: () => V): V {
    const hit = this.get(key);
    if (hit !== undefined) return hit;
    const value = make();
    this.set(key, value);
    return value;
  }

  keys(): IterableIterator<K> {
    return this.entries.keys();
  }

  /** Drops every entry. */
  clear(): void {
    this.entries.clear();
    this.weight = 0;
  }
}
