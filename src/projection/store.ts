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
 * PERF: one prepared positional INSERT per table (every row is whole, computed by the
 * projectors; no read-modify-write in SQL), run over the batch table by table.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import type { LedgerState } from '../chain/ledger-state.js';
import type { CommittedBlock } from '../runtime/committed-block.js';
import { amountRangeError, ProjectionEngine, resumeSql, type Checkpoint, type RowBatch } from './engine.js';
import { loadMigrations, schemaVersion } from './schema.js';
import { TABLES, type Row, type TableSpec } from './tables.js';

export { ProjectionError, type Checkpoint } from './engine.js';

export interface OpenOptions {
  /** Delete the database and start again from genesis. */
  readonly rebuild?: boolean;
  /** Told why a database is being rebuilt (schema change). */
  readonly onNotice?: (message: string) => void;
}

export function projectionsDir(dataDir: string): string {
  return join(dataDir, 'projections');
}

export function projectionFile(dataDir: string): string {
  return join(projectionsDir(dataDir), 'ledger.sqlite');
}

/** `INSERT` (or, for upsert tables, `INSERT OR REPLACE`) of a whole row, positional parameters. */
export function insertSql(table: TableSpec, orReplace = table.write === 'upsert'): string {
  return `INSERT${orReplace ? ' OR REPLACE' : ''} INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`;
}

export class ProjectionStore {
  private engine: ProjectionEngine;
  private readonly inserts: readonly Database.Statement[];
  private readonly saveCheckpoint: Database.Statement;
  private readonly writeInTransaction: (batch: RowBatch, checkpoint: Checkpoint) => void;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.inserts = TABLES.map((table) => db.prepare(insertSql(table)));
    this.saveCheckpoint = db.prepare('INSERT OR REPLACE INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, ?, ?, ?)');
    this.writeInTransaction = db.transaction((batch: RowBatch, checkpoint: Checkpoint) => {
      batch.rows.forEach((rows, index) => {
        const insert = this.inserts[index]!;
        // PERF: version rows arrive in event order; in key order the B-tree inserts are sequential.
        if (TABLES[index]!.resume === 'latest') rows.sort(byKeyThenHeight);
        for (const row of rows) insert.run(row);
      });
      this.saveCheckpoint.run(checkpoint.height, checkpoint.blockHash, checkpoint.stateRoot);
    });
    this.engine = this.openEngine();
  }

  static open(dataDir: string, options: OpenOptions = {}): ProjectionStore {
    const file = projectionFile(dataDir);
    mkdirSync(projectionsDir(dataDir), { recursive: true });
    const migrations = loadMigrations();
    const version = schemaVersion(migrations);
    if (options.rebuild === true) removeDatabase(file);
    else if (existsSync(file)) {
      const stored = storedSchemaVersion(file);
      if (stored !== version) {
        options.onNotice?.(`projection schema version ${stored ?? '(none)'} ≠ this build's ${version}: rebuilding ${file} from genesis`);
        removeDatabase(file);
      }
    }
    const db = new Database(file);
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit survives a process crash (kill -9); a power cut may lose the last
    // commits but never leaves half a transaction — and the checkpoint goes with its rows.
    db.pragma('synchronous = NORMAL');
    // PERF: a batch writes to a dozen tables and their indexes in turn; a 64 MiB page cache
    // (default 2 MiB) keeps their hot pages between statements.
    db.pragma('cache_size = -65536');
    db.defaultSafeIntegers(true);
    migrate(db, migrations, version);
    return new ProjectionStore(db, file);
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
    const tables = this.db
      .prepare("SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'height' AND m.name <> 'projection_checkpoint' ORDER BY m.name")
      .all() as Array<{ name: string }>;
    this.db.transaction(() => {
      for (const { name } of tables) this.db.prepare(`DELETE FROM "${name}" WHERE height > ?`).run(to.height);
      this.db.prepare('DELETE FROM accounts WHERE first_height > ?').run(to.height);
      this.db.prepare('DELETE FROM claims WHERE submitted_height > ?').run(to.height);
      this.db.prepare("UPDATE claims SET status = 'submitted', settled_height = NULL, reason = NULL WHERE settled_height > ?").run(to.height);
      this.saveCheckpoint.run(to.height, to.blockHash, to.stateRoot);
    })();
    // The projectors' in-memory rows (live claims, latest versions) are read back from the
    // rolled-back tables, as after a restart.
    this.engine = this.openEngine();
  }

  close(): void {
    this.db.close();
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

/** Version rows (key, height, …) in primary-key order. */
function byKeyThenHeight(a: Row, b: Row): number {
  const [ka, kb] = [a[0] as string, b[0] as string];
  return ka < kb ? -1 : ka > kb ? 1 : Number(a[1]) - Number(b[1]);
}

function readCheckpoint(db: Database.Database): Checkpoint | undefined {
  const row = db.prepare('SELECT height, block_hash, state_root FROM projection_checkpoint WHERE id = 1').get() as { height: bigint; block_hash: string; state_root: string } | undefined;
  return row === undefined ? undefined : { height: Number(row.height), blockHash: row.block_hash, stateRoot: row.state_root };
}

function migrate(db: Database.Database, migrations: ReturnType<typeof loadMigrations>, version: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
  const applied = new Set((db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((row) => row.name));
  db.transaction(() => {
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (name) VALUES (?)').run(migration.name);
    }
    db.prepare("INSERT OR REPLACE INTO projection_meta (key, value) VALUES ('schema_version', ?)").run(version);
  })();
}

function storedSchemaVersion(file: string): string | undefined {
  const db = new Database(file, { readonly: true });
  try {
    const row = db.prepare("SELECT value FROM projection_meta WHERE key = 'schema_version'").get() as { value: string } | undefined;
    return row?.value;
  } catch {
    return undefined;
  } finally {
    db.close();
  }
}

function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
