/**
 * The PostgreSQL projection store: the same projectors and tables as SQLite (engine.ts,
 * tables.ts), its own versioned migrations (./migrations), written by one projector process (a
 * session advisory lock) while any number of readers — on the primary or on streaming replicas
 * — query it.
 *
 * Guarantees, as the SQLite store's: a batch's rows and the checkpoint commit in ONE
 * transaction; the checkpoint row moves only from the height this process read (a second
 * writer's batch fails instead of interleaving); after a crash the projection resumes at the
 * checkpoint + 1; a database of another schema version is rebuilt (the caller is told why).
 *
 * Writes are asynchronous while the projectors are not: `apply` makes the batch's rows at once
 * and queues the write; a failed write is reported by the next `apply` or by `drain`. Bulk
 * batches go by COPY, small ones (one block when caught up) by a multi-row INSERT.
 */
import type pg from 'pg';
import type { LedgerState } from '../../chain/ledger-state.js';
import { packageRoot } from '../../core/paths.js';
import type { CommittedBlock } from '../../runtime/committed-block.js';
import { amountRangeError, ProjectionEngine, ProjectionError, resumeSql, type Checkpoint, type RowBatch } from '../engine.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { TABLES, type Row } from '../tables.js';
import { connect, endClient, isConnectionLost, redactedUrl } from './connect.js';
import { writeBatch, type PgWriteMode } from './write.js';
import { join } from 'node:path';

export interface PgOpenOptions {
  readonly rebuild?: boolean;
  readonly onNotice?: (message: string) => void;
  /** How bulk batches are written (default 'copy'; the benchmark measures both). */
  readonly bulkMode?: PgWriteMode;
  /** The longest wait for one statement's answer (default connect.ts WRITE_DEADLINE_MS). */
  readonly queryMs?: number;
}

/** Batches of at least this many rows go by the bulk mode; smaller ones by INSERT. */
const BULK_ROWS = 2_000;
/** An arbitrary constant naming the projector's advisory lock. */
const WRITER_LOCK = 0x706f6b74;

export function pgMigrationsDir(): string {
  return join(packageRoot(), 'src', 'projection', 'pg', 'migrations');
}

export class PgProjectionStore {
  private engine!: ProjectionEngine;
  private committed: Checkpoint | undefined;
  private queue: Promise<void> = Promise.resolve();
  private failure: unknown;
  private readonly inFlight: Array<Promise<void>> = [];

  private constructor(
    readonly client: pg.Client,
    readonly url: string,
    private readonly bulkMode: PgWriteMode,
  ) {}

  static async open(url: string, options: PgOpenOptions = {}): Promise<PgProjectionStore> {
    const client = await connect(url, options.queryMs === undefined ? {} : { queryMs: options.queryMs });
    try {
      const locked = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [WRITER_LOCK]);
      if (locked.rows[0]?.locked !== true) throw new ProjectionError('projection_busy', `another projector is writing ${redactedUrl(url)}`);
      await migrate(client, options);
      const store = new PgProjectionStore(client, url, options.bulkMode ?? 'copy');
      await store.reopenEngine();
      return store;
    } catch (error) {
      await endClient(client);
      throw error;
    }
  }

  /** The checkpoint of the rows made so far (committed or queued). */
  get checkpoint(): Checkpoint | undefined {
    return this.engine.checkpoint;
  }

  /** Writes queued and not yet committed. */
  get pending(): number {
    return this.inFlight.length;
  }

  async seedGenesis(state: LedgerState, genesisStateRoot: string, previousBlockHash?: string): Promise<void> {
    this.enqueue(() => this.engine.genesis(state, genesisStateRoot, previousBlockHash));
    await this.drain();
  }

  /** Makes the blocks' rows now and queues their write (one transaction with the checkpoint). */
  apply(blocks: readonly CommittedBlock[]): Promise<void> {
    if (blocks.length === 0) return this.queue;
    return this.enqueue(() => this.engine.project(blocks));
  }

  /** Waits until at most `max` writes are queued (replay's back-pressure); throws a failure. */
  async throttle(max: number): Promise<void> {
    while (this.inFlight.length > max) await this.inFlight[0];
    if (this.failure !== undefined) throw this.failure;
  }

  /** Waits for every queued write; throws the first failure. */
  async drain(): Promise<void> {
    await this.queue;
    if (this.failure !== undefined) throw this.failure;
  }

  async close(): Promise<void> {
    await this.queue.catch(() => undefined);
    await endClient(this.client);
  }

  private enqueue(make: () => RowBatch): Promise<void> {
    if (this.failure !== undefined) throw this.failure;
    let batch: RowBatch;
    try {
      batch = make();
    } catch (error) {
      // A refused block: the engine holds nothing the database does not once the queue is done.
      this.queue = this.queue.then(() => this.reopenEngine());
      throw error;
    }
    const checkpoint = this.engine.checkpoint!;
    const written = this.queue.then(async () => {
      try {
        // After a failed write the rest of the queue is dropped (the next run redoes it).
        if (this.failure === undefined) await this.write(batch, checkpoint);
      } catch (error) {
        this.failure = amountRangeError(error);
      } finally {
        this.inFlight.shift();
      }
    });
    this.inFlight.push(written);
    this.queue = written;
    return written;
  }

  private async write(batch: RowBatch, checkpoint: Checkpoint): Promise<void> {
    await this.client.query('BEGIN');
    try {
      await writeBatch(this.client, batch, batch.count >= BULK_ROWS ? this.bulkMode : 'insert');
      await this.saveCheckpoint(checkpoint);
      await this.client.query('COMMIT');
      this.committed = checkpoint;
    } catch (error) {
      await rollBack(this.client, error);
      throw error;
    }
  }

  private async saveCheckpoint(next: Checkpoint): Promise<void> {
    const previous = this.committed;
    const result =
      previous === undefined
        ? await this.client.query('INSERT INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [next.height, next.blockHash, next.stateRoot])
        : await this.client.query('UPDATE projection_checkpoint SET height = $1, block_hash = $2, state_root = $3 WHERE id = 1 AND height = $4', [next.height, next.blockHash, next.stateRoot, previous.height]);
    if (result.rowCount !== 1) throw new ProjectionError('projection_checkpoint_moved', `the checkpoint in ${redactedUrl(this.url)} is no longer at ${previous?.height ?? '(none)'}: another writer?`);
  }

  private async reopenEngine(): Promise<void> {
    const row = await this.client.query<{ height: bigint; block_hash: string; state_root: string }>('SELECT height, block_hash, state_root FROM projection_checkpoint WHERE id = 1');
    const found = row.rows[0];
    this.committed = found === undefined ? undefined : { height: Number(found.height), blockHash: found.block_hash, stateRoot: found.state_root };
    const resumed = new Map<string, Row[]>();
    if (this.committed !== undefined) {
      for (const table of TABLES) {
        if (table.resume === undefined) continue;
        const result = await this.client.query<Row>({ text: resumeSql(table), rowMode: 'array' });
        resumed.set(table.name, result.rows);
      }
    }
    this.engine = new ProjectionEngine(this.committed, (table) => resumed.get(table.name) ?? []);
  }
}

async function migrate(client: pg.Client, options: PgOpenOptions): Promise<void> {
  const migrations = loadMigrations(pgMigrationsDir());
  const version = schemaVersion(migrations);
  await client.query('BEGIN');
  try {
    await client.query('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
    await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
    const stored = (await client.query<{ value: string }>("SELECT value FROM projection_meta WHERE key = 'schema_version'")).rows[0]?.value;
    const hasTables = (await client.query('SELECT 1 FROM schema_migrations LIMIT 1')).rowCount !== 0;
    if (options.rebuild === true || (hasTables && stored !== version)) {
      if (options.rebuild !== true) options.onNotice?.(`projection schema version ${stored ?? '(none)'} ≠ this build's ${version}: rebuilding the PostgreSQL projection from genesis`);
      await client.query(`DROP TABLE IF EXISTS ${[...TABLES.map((t) => t.name), 'projection_checkpoint'].join(', ')} CASCADE`);
      await client.query('DELETE FROM schema_migrations');
    }
    const applied = new Set((await client.query<{ name: string }>('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      await client.query(migration.sql);
      await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
    }
    await client.query("INSERT INTO projection_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [version]);
    await client.query('COMMIT');
  } catch (error) {
    await rollBack(client, error);
    throw error;
  }
}

/**
 * Ends a failed transaction — unless the connection is lost: then the server aborts it when the
 * connection closes, and a ROLLBACK would only wait behind the statement that never answered
 * (pg keeps a timed-out statement as the connection's active query) for a second deadline,
 * doubling the time to notice a silent network (connect.ts).
 */
async function rollBack(client: pg.Client, failure: unknown): Promise<void> {
  if (isConnectionLost(failure)) return;
  await client.query('ROLLBACK').catch(() => undefined);
}
