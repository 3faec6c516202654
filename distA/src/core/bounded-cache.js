/**
 * A Map whose entries weigh at most `capacity` in total (each entry 1 unless `weigh` says how
 * much), dropping the least recently used first (a hit moves its key to the newest end of the
 * Map's insertion order); the newest entry is always kept, however heavy. For memos of pure
 * functions and of immutable reads; never for anything a result depends on being present.
 *
 * Example: capacity 2; set a, set b, get a, set c → b is dropped (a was used after b).
 * Weighed by length, capacity 10: set a (6 items), set b (6 items) → a is dropped.
 */
export class BoundedCache {
    capacity;
    weigh;
    entries = new Map();
    weight = 0;
    constructor(capacity, weigh = () => 1) {
        this.capacity = capacity;
        this.weigh = weigh;
        if (!Number.isInteger(capacity) || capacity < 1)
            throw new RangeError(`cache capacity must be a positive integer, not ${capacity}`);
    }
    get size() {
        return this.entries.size;
    }
    get(key) {
        const value = this.entries.get(key);
        if (value !== undefined) {
            this.entries.delete(key);
            this.entries.set(key, value);
        }
        return value;
    }
    set(key, value) {
        this.remove(key);
        this.entries.set(key, value);
        this.weight += this.weigh(value);
        while (this.weight > this.capacity && this.entries.size > 1)
            this.remove(this.entries.keys().next().value);
    }
    remove(key) {
        const old = this.entries.get(key);
        if (old === undefined)
            return;
        this.entries.delete(key);
        this.weight -= this.weigh(old);
    }
    /** The value of `key`, computed by `make` (and kept) on a miss. */
    through(key, make) {
        const hit = this.get(key);
        if (hit !== undefined)
            return hit;
        const value = make();
        this.set(key, value);
        return value;
    }
    keys() {
        return this.entries.keys();
    }
}
//# sourceMappingURL=bounded-cache.js.map