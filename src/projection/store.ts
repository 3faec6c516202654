/**
 * The projection store: one SQLite database (better-sqlite3, WAL) at
 * `<data>/projections/ledger.sqlite`, written by the projectors of ./projectors, read by
 * queries. It is downstream only: nothing in it ever reaches the reducer.
 *
 * Guarantees:
 *   - a block's rows and the checkpoint (height, block hash, state root) commit in ONE
 *     transaction: after a crash the database holds whole blocks up to the checkpoint, nothing
 *     after it, and projecting resumes at checkpoint + 1;
 *   - a block is accepted only as the checkpoint's successor: its height must be checkpoint + 1
 *     and its header must link to the checkpoint (previous block hash, app hash = state root
 *     after the checkpoint). A block seen before is refused (`block_already_projected`), never
 *     counted twice; a gap or another chain's block is refused too;
 *   - a database of another schema version is rebuilt (the caller is told why).
 */
import Database from 'better-sqlite3';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { ZERO_HASH } from '../chain/block.js';
import type { DomainEventType } from '../chain/events.js';
import type { LedgerState } from '../chain/ledger-state.js';
import type { CommittedBlock } from '../runtime/committed-block.js';
import type { Projector, SqlParams, Write } from './projector.js';
import { PROJECTORS } from './projectors/index.js';
import { loadMigrations, schemaVersion } from './schema.js';

export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

export interface Checkpoint {
  readonly height: number;
  readonly blockHash: string;
  readonly stateRoot: string;
}

export interface OpenOptions {
  /** Delete the database and start again from genesis. */
  readonly rebuild?: boolean;
  /** Told why a database is being rebuilt (schema change). */
  readonly onNotice?: (message: string) => void;
}

type Runner = (params: SqlParams) => void;

interface PreparedProjector {
  readonly projector: Projector;
  readonly run: ReadonlyMap<string, Runner>;
}

export function projectionsDir(dataDir: string): string {
  return join(dataDir, 'projections');
}

export function projectionFile(dataDir: string): string {
  return join(projectionsDir(dataDir), 'ledger.sqlite');
}

export class ProjectionStore {
  private readonly prepared: readonly PreparedProjector[];
  private readonly byEvent: ReadonlyMap<string, readonly PreparedProjector[]>;
  private current: Checkpoint | undefined;
  private readonly applyInTransaction: (blocks: readonly CommittedBlock[]) => void;
  private readonly saveCheckpoint: Database.Statement;

  private constructor(
    readonly db: Database.Database,
    readonly file: string,
  ) {
    this.prepared = PROJECTORS.map((projector) => ({ projector, run: prepareStatements(db, projector) }));
    this.byEvent = dispatchTable(this.prepared);
    this.current = readCheckpoint(db);
    this.saveCheckpoint = db.prepare('INSERT OR REPLACE INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, ?, ?, ?)');
    this.applyInTransaction = db.transaction((blocks: readonly CommittedBlock[]) => {
      for (const block of blocks) this.applyOne(block);
      this.writeCheckpoint();
    });
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
    // PERF: a block writes to a dozen tables and their indexes in turn; a 64 MiB page cache
    // (default 2 MiB) keeps their hot pages between statements.
    db.pragma('cache_size = -65536');
    db.defaultSafeIntegers(true);
    migrate(db, migrations, version);
    return new ProjectionStore(db, file);
  }

  get checkpoint(): Checkpoint | undefined {
    return this.current;
  }

  /** Rows at height 0 from the imported genesis state, with checkpoint 0. */
  seedGenesis(state: LedgerState, genesisStateRoot: string): void {
    if (this.current !== undefined) throw new ProjectionError('genesis_already_projected', `the projection is at height ${this.current.height}; genesis was projected before`);
    this.db.transaction(() => {
      for (const { projector, run } of this.prepared) if (projector.genesis !== undefined) runWrites(run, projector.genesis(state));
      this.current = { height: 0, blockHash: ZERO_HASH, stateRoot: genesisStateRoot };
      this.writeCheckpoint();
    })();
  }

  /** Projects consecutive blocks in one transaction (checkpoint = the last one). */
  apply(blocks: readonly CommittedBlock[]): void {
    if (blocks.length === 0) return;
    const before = this.current;
    try {
      this.applyInTransaction(blocks);
    } catch (error) {
      this.current = before;
      throw error;
    }
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
    if (this.current === undefined || this.current.height <= to.height) return;
    const tables = this.db
      .prepare("SELECT m.name AS name FROM sqlite_master m JOIN pragma_table_info(m.name) c WHERE m.type = 'table' AND c.name = 'height' AND m.name <> 'projection_checkpoint' ORDER BY m.name")
      .all() as Array<{ name: string }>;
    const before = this.current;
    const run = this.db.transaction(() => {
      for (const { name } of tables) this.db.prepare(`DELETE FROM "${name}" WHERE height > ?`).run(to.height);
      this.db.prepare('DELETE FROM accounts WHERE first_height > ?').run(to.height);
      this.db.prepare('DELETE FROM claims WHERE submitted_height > ?').run(to.height);
      this.db.prepare("UPDATE claims SET status = 'submitted', settled_height = NULL, reason = NULL WHERE settled_height > ?").run(to.height);
      this.current = to;
      this.writeCheckpoint();
    });
    try {
      run();
    } catch (error) {
      this.current = before;
      throw error;
    }
  }

  close(): void {
    this.db.close();
  }

  private applyOne(committed: CommittedBlock): void {
    this.checkSuccessor(committed);
    const pending = new Map<PreparedProjector, Array<Write<string>>>(this.prepared.map((entry) => [entry, []]));
    for (const envelope of committed.events) {
      const interested = this.byEvent.get(envelope.event.type);
      if (interested === undefined) continue;
      for (const entry of interested) {
        const handler = (entry.projector.handlers as Record<string, (e: typeof envelope) => ReadonlyArray<Write<string>>>)[envelope.event.type]!;
        for (const write of handler(envelope)) pending.get(entry)!.push(write);
      }
    }
    for (const [entry, writes] of pending) {
      if (entry.projector.block !== undefined) for (const write of entry.projector.block(committed)) writes.push(write);
      runWrites(entry.run, entry.projector.combine === undefined ? writes : entry.projector.combine(writes));
    }
    this.current = { height: committed.block.header.height, blockHash: committed.blockHash, stateRoot: committed.stateRoot };
  }

  private checkSuccessor(committed: CommittedBlock): void {
    const header = committed.block.header;
    const at = this.current;
    if (at === undefined) throw new ProjectionError('projection_not_seeded', 'the projection has no genesis rows yet');
    if (header.height <= at.height) {
      throw new ProjectionError('block_already_projected', `block ${header.height} is already projected (checkpoint ${at.height})`, { height: header.height, checkpoint: at.height });
    }
    if (header.height !== at.height + 1) {
      throw new ProjectionError('block_out_of_order', `block ${header.height} does not follow the checkpoint ${at.height}`, { height: header.height, checkpoint: at.height });
    }
    if (header.prevBlockHash !== at.blockHash || header.appHash !== at.stateRoot) {
      throw new ProjectionError('projection_other_chain', `block ${header.height} does not link to the projected block ${at.height} (previous hash or app hash differs)`, {
        height: header.height,
        expected_previous_hash: at.blockHash,
        expected_app_hash: at.stateRoot,
      });
    }
  }

  private writeCheckpoint(): void {
    const at = this.current!;
    this.saveCheckpoint.run(at.height, at.blockHash, at.stateRoot);
  }
}

function runWrites(run: ReadonlyMap<string, Runner>, writes: ReadonlyArray<Write<string>>): void {
  for (const [name, params] of writes) run.get(name)!(params);
}

function prepareStatements(db: Database.Database, projector: Projector): Map<string, Runner> {
  const run = new Map<string, Runner>();
  for (const [name, sql] of Object.entries(projector.statements)) {
    const statement = db.prepare(sql as string);
    run.set(name, (params) => void statement.run(params));
  }
  return run;
}

function dispatchTable(prepared: readonly PreparedProjector[]): Map<string, PreparedProjector[]> {
  const table = new Map<string, PreparedProjector[]>();
  for (const entry of prepared) {
    for (const type of Object.keys(entry.projector.handlers) as DomainEventType[]) {
      const list = table.get(type) ?? [];
      list.push(entry);
      table.set(type, list);
    }
  }
  return table;
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
