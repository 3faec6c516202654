import { amountRangeError, ProjectionEngine, resumeSql } from './engine.js';
import { SqliteBatchWriter } from './sqlite/batch-writer.js';
import { openProjectionDatabase, readCheckpoint } from './sqlite/database.js';
export { ProjectionError } from './engine.js';
export { insertSql } from './sqlite/batch-writer.js';
export { projectionFile, projectionsDir } from './sqlite/database.js';
export class ProjectionStore {
    db;
    file;
    engine;
    writer;
    writeInTransaction;
    constructor(db, file) {
        this.db = db;
        this.file = file;
        this.writer = new SqliteBatchWriter(db);
        this.writeInTransaction = db.transaction((batch, checkpoint) => {
            this.writer.writeRows(batch.rows);
            this.writer.writeCheckpoint(checkpoint);
        });
        this.engine = this.openEngine();
    }
    static open(dataDir, options = {}) {
        const db = openProjectionDatabase(dataDir, options);
        return new ProjectionStore(db, db.name);
    }
    get checkpoint() {
        return this.engine.checkpoint;
    }
    /** Rows at height 0 from the imported genesis state, with checkpoint 0. */
    seedGenesis(state, genesisStateRoot, previousBlockHash) {
        this.guarded(() => this.engine.genesis(state, genesisStateRoot, previousBlockHash));
    }
    /** Projects consecutive blocks in one transaction (checkpoint = the last one). */
    apply(blocks) {
        if (blocks.length === 0)
            return;
        this.guarded(() => this.engine.project(blocks));
    }
    /**
     * Back to `to` (a chain rollback, runtime/rollback.ts): in ONE transaction, every row of a
     * table with a `height` column above `to` is deleted (history tables: the version rows after
     * `to`; block-level tables: the blocks after it), accounts first seen and claims submitted
     * after `to` are deleted, claims settled after `to` are live again, and the checkpoint becomes
     * `to` (its block hash and state root from the log). Idempotent; nothing happens when the
     * checkpoint is at or below `to`. Tables are found by their columns, so a new history table is
     * covered without a change here.
     */
    rollbackTo(to) {
        const current = this.engine.checkpoint;
        if (current === undefined || current.height <= to.height)
            return;
        const tables = this.db
            .prepare("SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'height' AND m.name <> 'projection_checkpoint' ORDER BY m.name")
            .all();
        this.db.transaction(() => {
            for (const { name } of tables)
                this.db.prepare(`DELETE FROM "${name}" WHERE height > ?`).run(to.height);
            this.db.prepare('DELETE FROM accounts WHERE first_height > ?').run(to.height);
            this.db.prepare('DELETE FROM claims WHERE submitted_height > ?').run(to.height);
            this.db.prepare("UPDATE claims SET status = 'submitted', settled_height = NULL, reason = NULL WHERE settled_height > ?").run(to.height);
            this.writer.writeCheckpoint(to);
        })();
        // The projectors' in-memory rows (live claims, latest versions) are read back from the
        // rolled-back tables, as after a restart.
        this.engine = this.openEngine();
    }
    close() {
        this.db.close();
    }
    /** Makes a batch and writes it; on any failure the projectors are reopened from the database. */
    guarded(make) {
        try {
            const batch = make();
            this.writeInTransaction(batch, this.engine.checkpoint);
        }
        catch (error) {
            this.engine = this.openEngine();
            throw amountRangeError(error);
        }
    }
    openEngine() {
        return new ProjectionEngine(readCheckpoint(this.db), (table) => this.db.prepare(resumeSql(table)).raw(true).all());
    }
}
//# sourceMappingURL=store.js.map