/**
 * A typed table of the ledger state: string key → immutable value, with a canonical encoding
 * used by the state root and snapshots.
 *
 * Values are treated as immutable: a write replaces the object, never mutates it. That is what
 * makes journaling (tx rollback) and version history cheap — both keep old references.
 *
 * Tables are created by a StateStore (store.ts), which journals every write inside a checkpoint,
 * marks the key dirty for the next commitment, and keeps per-block versions of history tables.
 */
import { SpillMap } from '../core/spill-map.js';

export interface TableSpec<V> {
  /** Unique, stable name ("<module>/<what>"); part of every entry key in the state root. */
  readonly name: string;
  /** Canonical encoding: equal values ⇒ equal strings, on every machine. */
  readonly encode: (value: V) => string;
  readonly decode: (text: string) => V;
  /** Keep per-height versions so rules can read the value "as of" an earlier height. */
  readonly history?: boolean;
  /**
   * false: the table is state (journaled, snapshotted, read by the rules) but not hashed into the
   * state root — only for data the block log's hash chain already commits to (the tx index).
   */
  readonly committed?: boolean;
}

/** The read side of a table: what deciding code (which must not write) gets. */
export interface ReadonlyTable<V> {
  readonly name: string;
  readonly size: number;
  get(key: string): V | undefined;
  has(key: string): boolean;
  getAt(key: string, height: number): V | undefined;
  sortedKeys(): string[];
  sortedEntries(): IterableIterator<[string, V]>;
  unorderedValues(): IterableIterator<V>;
  unorderedKeys(): IterableIterator<string>;
}

export type ChangeListener<V> = (key: string, previous: V | undefined, next: V | undefined) => void;

/** The narrow interface a Table needs from its store. */
export interface WriteSink {
  /** `key` of `table` went from `previous` to `next` (undefined: absent). */
  recordWrite<V>(table: Table<V>, key: string, previous: V | undefined, next: V | undefined): void;
}

interface Versions<V> {
  readonly heights: number[];
  readonly values: Array<V | undefined>;
}

export class Table<V> implements ReadonlyTable<V> {
  /** A Map past 2^24 entries (core/spill-map.ts): the tx and replay indexes grow with every tx. */
  private readonly entries = new SpillMap<V>();
  private readonly listeners: Array<ChangeListener<V>> = [];
  /** key → committed versions (only for history tables). */
  readonly versions = new Map<string, Versions<V>>();
  /**
   * Whether the store's commit has work for a written key: a leaf for the state root, or a
   * version for history. False for the tx and replay indexes (not committed, no history), whose
   * writes are then only journaled. PERF: they take ~2 writes per tx, and their keys went into a
   * dirty set that every commit skipped.
   */
  readonly foldsAtCommit: boolean;

  constructor(
    readonly spec: TableSpec<V>,
    private readonly sink: WriteSink,
  ) {
    this.foldsAtCommit = spec.committed !== false || spec.history === true;
  }

  get name(): string {
    return this.spec.name;
  }

  get size(): number {
    return this.entries.size;
  }

  get(key: string): V | undefined {
    return this.entries.get(key);
  }

  has(key: string): boolean {
    return this.entries.has(key);
  }

  set(key: string, value: V): void {
    const previous = this.entries.get(key);
    this.entries.set(key, value);
    this.sink.recordWrite(this, key, previous, value);
    this.notify(key, previous, value);
  }

  /**
   * Store-internal (snapshot loading): add an entry the table does not hold yet. Listeners run
   * (derived indexes are built as by `set`); nothing is journaled or marked dirty — the loader
   * folds every entry into the root at once (StateStore.commitLoaded). The caller guarantees
   * the key is new (the snapshot decoder requires strictly ascending keys).
   */
  load(key: string, value: V): void {
    this.entries.set(key, value);
    this.notify(key, undefined, value);
  }

  delete(key: string): void {
    if (!this.entries.has(key)) return;
    const previous = this.entries.get(key);
    this.entries.delete(key);
    this.sink.recordWrite(this, key, previous, undefined);
    this.notify(key, previous, undefined);
  }

  /**
   * Keys in ascending order. DEV_NOTE: Map iteration is insertion order, which depends on
   * history; anything whose order reaches the output must iterate sorted keys.
   */
  sortedKeys(): string[] {
    return [...this.entries.keys()].sort();
  }

  *sortedEntries(): IterableIterator<[string, V]> {
    for (const key of this.sortedKeys()) yield [key, this.entries.get(key) as V];
  }

  /** Unordered iteration — only for order-independent work (sums, counts, lookups). */
  unorderedValues(): IterableIterator<V> {
    return this.entries.values();
  }

  unorderedKeys(): IterableIterator<string> {
    return this.entries.keys();
  }

  unorderedEntries(): IterableIterator<[string, V]> {
    return this.entries.entries();
  }

  /** Derived indexes subscribe here; reverts replay through the same path, keeping them exact. */
  onChange(listener: ChangeListener<V>): void {
    this.listeners.push(listener);
  }

  /**
   * The value as committed at the end of block `height` (history tables only). Undefined if the
   * key did not exist then, or if that height is older than the retained history.
   */
  getAt(key: string, height: number): V | undefined {
    const versions = this.versions.get(key);
    if (versions === undefined) return undefined;
    const { heights, values } = versions;
    let low = 0;
    let high = heights.length - 1;
    let found = -1;
    while (low <= high) {
      const middle = (low + high) >> 1;
      if (heights[middle]! <= height) {
        found = middle;
        low = middle + 1;
      } else high = middle - 1;
    }
    return found < 0 ? undefined : values[found];
  }

  /** Store-internal: restore a value during revert (listeners run, nothing is journaled). */
  restore(key: string, value: V | undefined): void {
    const current = this.entries.get(key);
    if (value === undefined) this.entries.delete(key);
    else this.entries.set(key, value);
    this.notify(key, current, value);
  }

  /** Store-internal: remember `value`, the committed value of `key`, at `height`. */
  recordVersion(key: string, height: number, value: V | undefined): void {
    let versions = this.versions.get(key);
    if (versions === undefined) {
      versions = { heights: [], values: [] };
      this.versions.set(key, versions);
    }
    const last = versions.heights.length - 1;
    if (last >= 0 && versions.heights[last] === height) versions.values[last] = value;
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
  pruneVersions(key: string, minHeight: number): void {
    const versions = this.versions.get(key);
    if (versions === undefined) return;
    let keepFrom = 0;
    for (let i = 0; i < versions.heights.length; i++) if (versions.heights[i]! <= minHeight) keepFrom = i;
    if (keepFrom > 0) {
      versions.heights.splice(0, keepFrom);
      versions.values.splice(0, keepFrom);
    }
    if (versions.heights.length === 1 && versions.values[0] === undefined && versions.heights[0]! <= minHeight) {
      this.versions.delete(key);
    }
  }

  private notify(key: string, previous: V | undefined, next: V | undefined): void {
    for (const listener of this.listeners) listener(key, previous, next);
  }
}
