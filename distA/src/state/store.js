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
 * dirty-key sets are iterated unordered because each key's leaf is independent of the others.
 */
import { invariant } from '../core/assert.js';
import { StateCommitment, leafDigest } from './commitment.js';
import { Table } from './table.js';
export class StateStore {
    tablesByName = new Map();
    dirty = new Map();
    journal = [];
    checkpoints = [];
    commitment = new StateCommitment();
    /** Heights at which history versions were recorded, oldest first, for cheap pruning. */
    versionLog = [];
    versionLogStart = 0;
    lastRoot = this.commitment.root();
    /** The last commit's write set (when recordWriteSets): entry keys and latin1 leaf digests. */
    lastWriteKeys = [];
    lastWriteLeaves = [];
    /** Record the write set of each commit (entry keys and leaf hashes) for `lastWriteSet`. */
    recordWriteSets = false;
    lastCommittedHeight = -1;
    defineTable(spec) {
        invariant(!this.tablesByName.has(spec.name), `table ${spec.name} defined twice`);
        invariant(!spec.name.includes('\u0000'), 'table names cannot contain NUL');
        const table = new Table(spec, this);
        this.tablesByName.set(spec.name, table);
        return table;
    }
    table(name) {
        return this.tablesByName.get(name);
    }
    /** Tables in name order (the canonical order for snapshots and diffs). */
    tables() {
        return [...this.tablesByName.keys()].sort().map((name) => this.tablesByName.get(name));
    }
    recordWrite(table, key, previous) {
        const generic = table;
        if (this.checkpoints.length > 0)
            this.journal.push({ table: generic, key, previous });
        let keys = this.dirty.get(generic);
        if (keys === undefined) {
            keys = new Set();
            this.dirty.set(generic, keys);
        }
        keys.add(key);
    }
    checkpoint() {
        this.checkpoints.push(this.journal.length);
    }
    /** Undo every write since the matching checkpoint (newest first). */
    revert() {
        const mark = this.checkpoints.pop();
        invariant(mark !== undefined, 'revert without checkpoint');
        for (let i = this.journal.length - 1; i >= mark; i--) {
            const entry = this.journal[i];
            entry.table.restore(entry.key, entry.previous);
        }
        this.journal.length = mark;
    }
    /** Keep the writes since the matching checkpoint (they join an outer checkpoint, if any). */
    release() {
        const mark = this.checkpoints.pop();
        invariant(mark !== undefined, 'release without checkpoint');
        if (this.checkpoints.length === 0)
            this.journal.length = 0;
    }
    get inCheckpoint() {
        return this.checkpoints.length > 0;
    }
    /**
     * Fold all writes since the last commit into the root and record versions at `height`.
     * Returns the new 32-byte state root.
     */
    commitBlock(height, options = {}) {
        invariant(this.checkpoints.length === 0, 'commitBlock inside an open checkpoint');
        invariant(height > this.lastCommittedHeight, () => `commit at ${height} after ${this.lastCommittedHeight}`);
        const record = this.recordWriteSets;
        const writeKeys = [];
        const writeLeaves = [];
        for (const [table, keys] of this.dirty) {
            const prefix = table.name + '/';
            const history = table.spec.history === true && options.recordHistory !== false;
            if (table.spec.committed === false) {
                if (history)
                    for (const key of keys)
                        this.recordHistoryVersion(table, key, height);
                continue;
            }
            for (const key of keys) {
                const value = table.get(key);
                const entryKey = prefix + key;
                const leaf = value === undefined ? undefined : leafDigest(entryKey, table.spec.encode(value));
                this.commitment.put(entryKey, leaf);
                if (record) {
                    writeKeys.push(entryKey);
                    writeLeaves.push(leaf);
                }
                if (history)
                    this.recordHistoryVersion(table, key, height);
            }
        }
        this.dirty.clear();
        this.lastWriteKeys = writeKeys;
        this.lastWriteLeaves = writeLeaves;
        this.lastCommittedHeight = height;
        this.lastRoot = this.commitment.root();
        return this.lastRoot;
    }
    recordHistoryVersion(table, key, height) {
        table.recordVersion(key, height);
        this.versionLog.push({ height, table, key });
    }
    /**
     * The entries the last commit wrote (key "<table>/<key>", leaf hash or undefined if deleted),
     * when `recordWriteSets` is on. Replay compares them to find which entries differ.
     */
    lastWriteSet() {
        return this.lastWriteKeys.map((entryKey, i) => {
            const leaf = this.lastWriteLeaves[i];
            return { entryKey, leaf: leaf === undefined ? undefined : new Uint8Array(Buffer.from(leaf, 'latin1')) };
        });
    }
    /** The same write set as parallel arrays with latin1 leaf digests (no conversion; hot path). */
    lastWriteSetLatin1() {
        return { entryKeys: this.lastWriteKeys, leaves: this.lastWriteLeaves };
    }
    /** The root as of the last commit. */
    get root() {
        return this.lastRoot;
    }
    get committedHeight() {
        return this.lastCommittedHeight;
    }
    get entryCount() {
        return this.commitment.entryCount;
    }
    /**
     * Load retained versions of a history table's key (snapshot loading). Heights ascending;
     * `undefined` marks a deletion. They join the pruning log like recorded versions.
     */
    loadVersions(table, key, versions) {
        invariant(table.spec.history === true, () => `${table.name} keeps no history`);
        const heights = versions.map(([height]) => height);
        const values = versions.map(([, value]) => value);
        table.versions.set(key, { heights, values });
        for (const height of heights)
            this.versionLog.push({ height, table: table, key });
    }
    /** Forget versions that no read at or after `minHeight` can need (see Table.pruneVersions). */
    pruneHistory(minHeight) {
        while (this.versionLogStart < this.versionLog.length) {
            const entry = this.versionLog[this.versionLogStart];
            if (entry.height >= minHeight)
                break;
            entry.table.pruneVersions(entry.key, minHeight);
            this.versionLogStart++;
        }
        if (this.versionLogStart > 4096 && this.versionLogStart * 2 > this.versionLog.length) {
            this.versionLog.splice(0, this.versionLogStart);
            this.versionLogStart = 0;
        }
    }
}
//# sourceMappingURL=store.js.map