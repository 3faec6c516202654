/**
 * A Map that keeps at most `capacity` entries, dropping the least recently used one (a hit moves
 * its key to the newest end of the Map's insertion order). For memos of pure functions and of
 * immutable reads (query answers' parts); never for anything a result depends on being present.
 *
 * Example: capacity 2; set a, set b, get a, set c → b is dropped (a was used after b).
 */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(readonly capacity: number) {
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
    this.entries.delete(key);
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value as K);
    this.entries.set(key, value);
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
}
