/**
 * A string-keyed map without V8's limit of 2^24 (16,777,216) entries per Map ("Map maximum size
 * exceeded"). The tx index and the replay index hold one entry per delivered tx, forever: a
 * mainnet-shaped chain (~2,700 txs a block) passes 2^24 after ~6,200 blocks, and one Map would
 * then throw in the middle of a block. Used by the state's tables (state/table.ts) and by the
 * audit's own tx and replay indexes (audit/independent/ante.ts).
 *
 * Entries live in one Map until it holds SPILL_AT; later new keys go to another Map, and so on.
 * A key is in exactly one Map (set finds it first), so a lookup of a present key stops where it is,
 * and a miss asks each Map — with one Map, the hot path is a plain Map lookup.
 *
 * DEV_NOTE: determinism — iteration is the Maps' insertion order, one Map after another: like a
 * Map's, it depends on history. Table callers that let order reach the output sort (table.ts).
 */

/** One Map's share before new keys spill into the next: below 2^24, with room to spare. */
export const SPILL_AT = 1 << 23;

export class SpillMap<V> {
  private readonly maps: Array<Map<string, V>>;
  private last: Map<string, V>;

  constructor(private readonly spillAt = SPILL_AT) {
    this.last = new Map();
    this.maps = [this.last];
  }

  get size(): number {
    let size = 0;
    for (const map of this.maps) size += map.size;
    return size;
  }

  get(key: string): V | undefined {
    if (this.maps.length === 1) return this.last.get(key);
    return this.holder(key)?.get(key);
  }

  has(key: string): boolean {
    if (this.maps.length === 1) return this.last.has(key);
    return this.holder(key) !== undefined;
  }

  set(key: string, value: V): void {
    // The hot path: one Map with room — an update or an insert there, as in a plain Map.
    if (this.maps.length === 1 && this.last.size < this.spillAt) {
      this.last.set(key, value);
      return;
    }
    const holder = this.holder(key);
    if (holder !== undefined) {
      holder.set(key, value);
      return;
    }
    if (this.last.size >= this.spillAt) {
      this.last = new Map();
      this.maps.push(this.last);
    }
    this.last.set(key, value);
  }

  delete(key: string): boolean {
    if (this.maps.length === 1) return this.last.delete(key);
    return this.holder(key)?.delete(key) ?? false;
  }

  keys(): IterableIterator<string> {
    return this.maps.length === 1 ? this.last.keys() : chained(this.maps, (map) => map.keys());
  }

  values(): IterableIterator<V> {
    return this.maps.length === 1 ? this.last.values() : chained(this.maps, (map) => map.values());
  }

  entries(): IterableIterator<[string, V]> {
    return this.maps.length === 1 ? this.last.entries() : chained(this.maps, (map) => map.entries());
  }

  /** How many Maps hold the entries (tests, diagnostics). */
  get mapCount(): number {
    return this.maps.length;
  }

  /** The Map holding `key`, if any (newest first: recent keys are looked up most). */
  private holder(key: string): Map<string, V> | undefined {
    for (let i = this.maps.length - 1; i >= 0; i--) {
      const map = this.maps[i]!;
      if (map.has(key)) return map;
    }
    return undefined;
  }
}

function* chained<V, T>(maps: ReadonlyArray<Map<string, V>>, iterate: (map: Map<string, V>) => IterableIterator<T>): IterableIterator<T> {
  for (const map of maps) yield* iterate(map);
}
