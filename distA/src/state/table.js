export class Table {
    spec;
    sink;
    entries = new Map();
    listeners = [];
    /** key → committed versions (only for history tables). */
    versions = new Map();
    constructor(spec, sink) {
        this.spec = spec;
        this.sink = sink;
    }
    get name() {
        return this.spec.name;
    }
    get size() {
        return this.entries.size;
    }
    get(key) {
        return this.entries.get(key);
    }
    has(key) {
        return this.entries.has(key);
    }
    set(key, value) {
        const previous = this.entries.get(key);
        this.entries.set(key, value);
        this.sink.recordWrite(this, key, previous);
        this.notify(key, previous, value);
    }
    delete(key) {
        if (!this.entries.has(key))
            return;
        const previous = this.entries.get(key);
        this.entries.delete(key);
        this.sink.recordWrite(this, key, previous);
        this.notify(key, previous, undefined);
    }
    /**
     * Keys in ascending order. DEV_NOTE: Map iteration is insertion order, which depends on
     * history; anything whose order reaches the output must iterate sorted keys.
     */
    sortedKeys() {
        return [...this.entries.keys()].sort();
    }
    *sortedEntries() {
        for (const key of this.sortedKeys())
            yield [key, this.entries.get(key)];
    }
    /** Unordered iteration — only for order-independent work (sums, counts, lookups). */
    unorderedValues() {
        return this.entries.values();
    }
    unorderedKeys() {
        return this.entries.keys();
    }
    unorderedEntries() {
        return this.entries.entries();
    }
    /** Derived indexes subscribe here; reverts replay through the same path, keeping them exact. */
    onChange(listener) {
        this.listeners.push(listener);
    }
    /**
     * The value as committed at the end of block `height` (history tables only). Undefined if the
     * key did not exist then, or if that height is older than the retained history.
     */
    getAt(key, height) {
        const versions = this.versions.get(key);
        if (versions === undefined)
            return undefined;
        const { heights, values } = versions;
        let low = 0;
        let high = heights.length - 1;
        let found = -1;
        while (low <= high) {
            const middle = (low + high) >> 1;
            if (heights[middle] <= height) {
                found = middle;
                low = middle + 1;
            }
            else
                high = middle - 1;
        }
        return found < 0 ? undefined : values[found];
    }
    /** Store-internal: restore a value during revert (listeners run, nothing is journaled). */
    restore(key, value) {
        const current = this.entries.get(key);
        if (value === undefined)
            this.entries.delete(key);
        else
            this.entries.set(key, value);
        this.notify(key, current, value);
    }
    /** Store-internal: remember the committed value of `key` at `height`. */
    recordVersion(key, height) {
        let versions = this.versions.get(key);
        if (versions === undefined) {
            versions = { heights: [], values: [] };
            this.versions.set(key, versions);
        }
        const last = versions.heights.length - 1;
        const value = this.entries.get(key);
        if (last >= 0 && versions.heights[last] === height)
            versions.values[last] = value;
        else {
            versions.heights.push(height);
            versions.values.push(value);
        }
    }
    /**
     * Drop versions no read at or after `minHeight` can reach: keep the last version at or before
     * minHeight and everything after it. A key whose only remaining version is a deletion at or
     * before minHeight is forgotten entirely.
     */
    pruneVersions(key, minHeight) {
        const versions = this.versions.get(key);
        if (versions === undefined)
            return;
        let keepFrom = 0;
        for (let i = 0; i < versions.heights.length; i++)
            if (versions.heights[i] <= minHeight)
                keepFrom = i;
        if (keepFrom > 0) {
            versions.heights.splice(0, keepFrom);
            versions.values.splice(0, keepFrom);
        }
        if (versions.heights.length === 1 && versions.values[0] === undefined && versions.heights[0] <= minHeight) {
            this.versions.delete(key);
        }
    }
    notify(key, previous, next) {
        for (const listener of this.listeners)
            listener(key, previous, next);
    }
}
//# sourceMappingURL=table.js.map