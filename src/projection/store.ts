/**
 * The SQLite projection store: one database (better-sqlite3, WAL) at
 * `<data>/projections/ledger.sqlite`, written from the projectors' rows (engine.ts), read by
 * queries. It is downstream only: nothing in it ever reaches the reducer.
 *
 * Guarantees (engine.ts has the successor rules): a batch's rows and the checkpoint (height,
 * block hash, state root) commit in ONE transaction; a refused block or a failed write leaves
 * the database as it was and the store reopens its projectors from it; a database of another
 * schema version is rebuilt (the caller is told why).
 *
 * This store writes synchronously, in the caller's tick: the live node uses it (a block is
 * queryable once acknowledged) and so do rollback and tests. Catch-up (`project`, run.ts) writes
 * through a writer thread instead (./sqlite/catch-up-store.ts) with the same projectors, the same
 * SQL (./sqlite/batch-writer.ts) and the same one-transaction-per-batch rule.
 */
import type Database from 'better-sqlite3';
import type { LedgerState } from '../chain/ledger-state.js';
import type { CommittedBlock } from '../runtime/committed-block.js';
import { amountRangeError, ProjectionEngine, ProjectionError, resumeSql, type Checkpoint, type RowBatch } from './engine.js';
import { REBUILD_ADVICE } from './errors.js';
import { SqliteBatchWriter } from './sqlite/batch-writer.js';
import { openProjectionDatabase, readCheckpoint, type OpenOptions } from './sqlite/database.js';
import type { Row } from './tables.js';

export { ProjectionError, type Checkpoint } from './engine.js';
export { insertSql } from './sqlite/batch-writer.js';
export { projectionFile, projectionsDir, type OpenOptions } from './sqlite/database.js';

export class ProjectionStore {
  private engine: ProjectionEngine;
  private readonly writer: SqliteBatchWriter;
  private readonly writeInTransaction: (batch: RowBatch, checkpoint: Checkpoint) => void;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.writer = new SqliteBatchWriter(db);
    this.writeInTransaction = db.transaction((batch: RowBatch, checkpoint: Checkpoint) => {
      this.writer.writeRows(batch.rows);
      this.writer.writeCheckpoint(checkpoint);
    });
    this.engine = this.openEngine();
  }

  static open(dataDir: string, options: OpenOptions = {}): ProjectionStore {
    const db = openProjectionDatabase(dataDir, options);
    return new ProjectionStore(db, db.name);
  }

  get checkpoint(): Checkpoint | undefined {
    return this.engine.checkpoint;
  }

  /** Rows at height 0 from the imported genesis state, with checkpoint 0. */
  seedGenesis(state: LedgerState, genesisStateRoot: string, previousBlockHash?: string): void {
    this.guarded(() => this.engine.genesis(state, genesisStateRoot, previousBlockHash));
  }

  /** Projects consecutive blocks in one transaction (checkpoint = the last one). */
  apply(blocks: readonly CommittedBlock[]): void {
    if (blocks.length === 0) return;
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
  rollbackTo(to: Checkpoint): void {
    const current = this.engine.checkpoint;
    if (current === undefined || current.height <= to.height) return;
    this.assertBlockIs(to);
    const tables = this.db
      .prepare("SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'height' AND m.name <> 'projection_checkpoint' ORDER BY m.name")
      .all() as Array<{ name: string }>;
    this.db.transaction(() => {
      for (const { name } of tables) this.db.prepare(`DELETE FROM "${name}" WHERE height > ?`).run(to.height);
      this.db.prepare('DELETE FROM accounts WHERE first_height > ?').run(to.height);
      this.db.prepare('DELETE FROM claims WHERE submitted_height > ?').run(to.height);
      this.db.prepare("UPDATE claims SET status = 'submitted', settled_height = NULL, reason = NULL WHERE settled_height > ?").run(to.height);
      this.writer.writeCheckpoint(to);
    })();
    // The projectors' in-memory rows (live claims, latest versions) are read back from the
    // rolled-back tables, as after a restart.
    this.engine = this.openEngine();
  }

  close(): void {
    this.db.close();
  }

  /**
   * The projection's own block at `to.height` must be the chain's (`to`, from the log): else its
   * rows are another chain's (copied in) and cutting them back would write this chain's block
   * into their checkpoint — after which every check against the log passed and `project`, `audit`
   * and `serve` took the other chain's rows for this one's. The genesis point has no block row;
   * a projection there holds no block either way.
   */
  private assertBlockIs(to: Checkpoint): void {
    const row = this.db.prepare('SELECT hash, state_root FROM blocks WHERE height = ?').get(to.height) as { hash: string; state_root: string } | undefined;
    if (row === undefined) return;
    if (row.hash.toLowerCase() === to.blockHash.toLowerCase() && row.state_root.toLowerCase() === to.stateRoot.toLowerCase()) return;
    throw new ProjectionError(
      'projection_other_chain',
      `the projection's block ${to.height} (hash ${row.hash}) is not this chain's (hash ${to.blockHash}): it comes from another chain, so it was not cut back; ${REBUILD_ADVICE}`,
      { height: to.height, projection_block_hash: row.hash, log_block_hash: to.blockHash },
    );
  }

  /** Makes a batch and writes it; on any failure the projectors are reopened from the database. */
  private guarded(make: () => RowBatch): void {
    try {
      const batch = make();
      this.writeInTransaction(batch, this.engine.checkpoint!);
    } catch (error) {
      this.engine = this.openEngine();
      throw amountRangeError(error);
    }
  }

  private openEngine(): ProjectionEngine {
    return new ProjectionEngine(readCheckpoint(this.db), (table) => this.db.prepare(resumeSql(table)).raw(true).all() as Row[]);
  }
}
