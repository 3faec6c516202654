/**
 * The ledger state: a set of typed tables plus the machinery the reducer needs around them.
 *
 * - Checkpoints: writes inside `checkpoint()` are journaled; `revert()` undoes them (including
 *   derived indexes, which listen to table changes), `release()` keeps them. Nesting is allowed.
 * - Commit: `commitBlock(height)` folds every key written since the last commit into the state
 *   root (commitment.ts) and records versions for history tables. Its cost follows the number
 *   of keys written, not the size of the state.
 * - History: `table.getAt(key, h)` reads a value as committed at the end of block h (sessions,
 *   claims and proofs read validators, apps and params "as of" the session start). History is
 *   kept for the protocol's look-back window (`pruneHistory`) and is NOT part of the state root —
 *   like IAVL's app hash, the root commits to the current state; snapshots carry the history.
 *
 * DEV_NOTE: determinism — the root depends only on table contents (see commitment.ts);
 * the written keys (`dirty`) are iterated unordered because each key's leaf is independent of the others.
 */
import { invariant } from '../core/assert.js';
import { StateCommitment, leafDigest } from './commitment.js';
import { Table, type TableSpec, type WriteSink } from './table.js';

interface JournalEntry {
  readonly table: Table<unknown>;
  readonly key: string;
  readonly previous: unknown;
}

export class StateStore implements WriteSink {
  private readonly tablesByName = new Map<string, Table<unknown>>();
  /**
   * Per table, every key written since the last commit → its value now (undefined: deleted).
   * PERF: the commit reads the values here, not from the tables: a lookup in a table of 100k+
   * entries misses the CPU cache, and the commit is the serial end of every block (~8k written
   * entries in a mainnet-shaped block). Kept exact through reverts (`revert`).
   */
  private readonly dirty = new Map<Table<unknown>, Map<string, unknown>>();
  private readonly journal: JournalEntry[] = [];
  private readonly checkpoints: number[] = [];
  private readonly commitment = new StateCommitment();
  /** Heights at which history versions were recorded, oldest first, for cheap pruning. */
  private readonly versionLog: Array<{ readonly height: number; readonly table: Table<unknown>; readonly key: string }> = [];
  private versionLogStart = 0;
  private lastRoot: Uint8Array = this.commitment.root();
  /** The last commit's write set (when recordWriteSets): entry keys and latin1 leaf digests. */
  private lastWriteKeys: string[] = [];
  private lastWriteLeaves: Array<string | undefined> = [];
  /** Record the write set of each commit (entry keys and leaf hashes) for `lastWriteSet`. */
  recordWriteSets = false;
  private lastCommittedHeight = -1;

  defineTable<V>(spec: TableSpec<V>): Table<V> {
    invariant(!this.tablesByName.has(spec.name), `table ${spec.name} defined twice`);
    invariant(!spec.name.includes('\u0000'), 'table names cannot contain NUL');
    const table = new Table<V>(spec, this);
    this.tablesByName.set(spec.name, table as Table<unknown>);
    return table;
  }

  table(name: string): Table<unknown> | undefined {
    return this.tablesByName.get(name);
  }

  /** Tables in name order (the canonical order for snapshots and diffs). */
  tables(): Array<Table<unknown>> {
    return [...this.tablesByName.keys()].sort().map((name) => this.tablesByName.get(name)!);
  }

  recordWrite<V>(table: Table<V>, key: string, previous: V | undefined, next: V | undefined): void {
    const generic = table as Table<unknown>;
    if (this.checkpoints.length > 0) this.journal.push({ table: generic, key, previous });
    if (!table.foldsAtCommit) return;
    let written = this.dirty.get(generic);
    if (written === undefined) {
      written = new Map();
      this.dirty.set(generic, written);
    }
    written.set(key, next);
  }

  checkpoint(): void {
    this.checkpoints.push(this.journal.length);
  }

  /** Undo every write since the matching checkpoint (newest first). */
  revert(): void {
    const mark = this.checkpoints.pop();
    invariant(mark !== undefined, 'revert without checkpoint');
    for (let i = this.journal.length - 1; i >= mark; i--) {
      const entry = this.journal[i]!;
      entry.table.restore(entry.key, entry.previous);
      // The key stays written since the last commit (its leaf is recomputed, as before); its value
      // is now the restored one. The journaled write put the key in `dirty`, and no commit runs
      // inside a checkpoint, so the entry is there.
      if (entry.table.foldsAtCommit) this.dirty.get(entry.table)!.set(entry.key, entry.previous);
    }
    this.journal.length = mark;
  }

  /** Keep the writes since the matching checkpoint (they join an outer checkpoint, if any). */
  release(): void {
    const mark = this.checkpoints.pop();
    invariant(mark !== undefined, 'release without checkpoint');
    if (this.checkpoints.length === 0) this.journal.length = 0;
  }

  get inCheckpoint(): boolean {
    return this.checkpoints.length > 0;
  }

  /**
   * Fold all writes since the last commit into the root and record versions at `height`.
   * Returns the new 32-byte state root.
   */
  commitBlock(height: number, options: { readonly recordHistory?: boolean } = {}): Uint8Array {
    invariant(this.checkpoints.length === 0, 'commitBlock inside an open checkpoint');
    invariant(height > this.lastCommittedHeight, () => `commit at ${height} after ${this.lastCommittedHeight}`);
    const record = this.recordWriteSets;
    const writeKeys: string[] = [];
    const writeLeaves: Array<string | undefined> = [];
    for (const [table, written] of this.dirty) {
      const prefix = table.name + '/';
      const history = table.spec.history === true && options.recordHistory !== false;
      if (table.spec.committed === false) {
        if (history) for (const [key, value] of written) this.recordHistoryVersion(table, key, height, value);
        continue;
      }
      for (const [key, value] of written) {
        const entryKey = prefix + key;
        const leaf = value === undefined ? undefined : leafDigest(entryKey, table.spec.encode(value));
        this.commitment.put(entryKey, leaf);
        if (record) {
          writeKeys.push(entryKey);
          writeLeaves.push(leaf);
        }
        if (history) this.recordHistoryVersion(table, key, height, value);
      }
    }
    this.dirty.clear();
    this.lastWriteKeys = writeKeys;
    this.lastWriteLeaves = writeLeaves;
    this.lastCommittedHeight = height;
    this.lastRoot = this.commitment.root();
    return this.lastRoot;
  }

  /**
   * The first commit of a state filled by `Table.load` (a snapshot): every entry of every
   * committed table goes into the commitment, then the state is committed at `height` without
   * recording versions (the loaded history already holds them). PERF: a snapshot's hundreds of
   * thousands of entries skip the journal and the written-key maps; the root is the same as if each
   * had been `set` — leaves are independent of insertion order (commitment.ts).
   */
  commitLoaded(height: number): Uint8Array {
    invariant(this.lastCommittedHeight < 0 && this.dirty.size === 0 && this.checkpoints.length === 0, 'commitLoaded is for a freshly loaded state only');
    for (const table of this.tablesByName.values()) {
      if (table.spec.committed === false) continue;
      const prefix = table.name + '/';
      for (const [key, value] of table.unorderedEntries()) {
        const entryKey = prefix + key;
        this.commitment.put(entryKey, leafDigest(entryKey, table.spec.encode(value)));
      }
    }
    return this.commitBlock(height, { recordHistory: false });
  }

  private recordHistoryVersion(table: Table<unknown>, key: string, height: number, value: unknown): void {
    table.recordVersion(key, height, value);
    this.versionLog.push({ height, table, key });
  }

  /**
   * The entries the last commit wrote (key "<table>/<key>", leaf hash or undefined if deleted),
   * when `recordWriteSets` is on. Replay compares them to find which entries differ.
   */
  lastWriteSet(): ReadonlyArray<{ readonly entryKey: string; readonly leaf: Uint8Array | undefined }> {
    return this.lastWriteKeys.map((entryKey, i) => {
      const leaf = this.lastWriteLeaves[i];
      return { entryKey, leaf: leaf === undefined ? undefined : new Uint8Array(Buffer.from(leaf, 'latin1')) };
    });
  }

  /** The same write set as parallel arrays with latin1 leaf digests (no conversion; hot path). */
  lastWriteSetLatin1(): { readonly entryKeys: readonly string[]; readonly leaves: ReadonlyArray<string | undefined> } {
    return { entryKeys: this.lastWriteKeys, leaves: this.lastWriteLeaves };
  }

  /** The root as of the last commit. */
  get root(): Uint8Array {
    return this.lastRoot;
  }

  get committedHeight(): number {
    return this.lastCommittedHeight;
  }

  get entryCount(): number {
    return this.commitment.entryCount;
  }

  /**
   * Load retained versions of a history table's key (snapshot loading). Heights ascending;
   * `undefined` marks a deletion. They join the pruning log like recorded versions.
   */
  loadVersions<V>(table: Table<V>, key: string, versions: ReadonlyArray<readonly [number, V | undefined]>): void {
    invariant(table.spec.history === true, () => `${table.name} keeps no history`);
    const heights = versions.map(([height]) => height);
    const values = versions.map(([, value]) => value);
    table.versions.set(key, { heights, values });
    for (const height of heights) this.versionLog.push({ height, table: table as Table<unknown>, key });
  }

  /** Forget versions that no read at or after `minHeight` can need (see Table.pruneVersions). */
  pruneHistory(minHeight: number): void {
    while (this.versionLogStart < this.versionLog.length) {
      const entry = this.versionLog[this.versionLogStart]!;
      if (entry.height >= minHeight) break;
      entry.table.pruneVersions(entry.key, minHeight);
      this.versionLogStart++;
    }
    if (this.versionLogStart > 4096 && this.versionLogStart * 2 > this.versionLog.length) {
      this.versionLog.splice(0, this.versionLogStart);
      this.versionLogStart = 0;
    }
  }
}
