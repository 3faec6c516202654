/**
 * The SQLite projection store for catch-up (`project`, ../run.ts; `audit` and the node's start
 * catch up through it): the projectors run here, on the main thread, beside the replay that
 * feeds them; a writer thread (./writer-thread.ts) owns the database connection and does the
 * inserts. The live node keeps the synchronous store (../store.ts): a block must be queryable
 * the moment it is acknowledged.
 *
 * Same guarantees as the synchronous store: a batch's rows and its checkpoint commit in ONE
 * transaction; a kill -9 at any instant loses at most the batch in flight and a restart resumes
 * from the committed checkpoint; a refused block or a failed write is a coded error (the writer's
 * errors are made again here, ./writer-protocol.ts); the tables are the same, row for row (same
 * projectors, same SQL: ./batch-writer.ts). After any failure this store only throws it: the
 * catch-up stops, and `close` rolls back the open batch and ends the thread.
 *
 * Back-pressure as the PostgreSQL store's: `throttle(max)` waits until at most `max` committed
 * batches are outstanding (`project` allows one while it makes the next).
 *
 * PERF: SQLite's inserts were ~60% of the projection's cost on the replay's thread. Rows are
 * sent in chunks of CHUNK_ROWS while a batch is being made, so the writer inserts them while the
 * replay goes on, even when the whole run is one batch (figures: README, Benchmarks).
 */
import { Worker } from 'node:worker_threads';
import type { LedgerState } from '../../chain/ledger-state.js';
import type { CommittedBlock } from '../../runtime/committed-block.js';
import { ProjectionEngine, RowBatch, resumeSql, type Checkpoint } from '../engine.js';
import type { Row } from '../tables.js';
import { openProjectionDatabase, readCheckpoint, type OpenOptions } from './database.js';
import { packBytes, receivedError, type BatchChunk, type FromWriter, type ToWriter, type WriterData } from './writer-protocol.js';

export interface WorkerStoreOptions extends OpenOptions {
  /** How long a write waits for another connection's lock before SQLITE_BUSY (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** Rows per message to the writer (default CHUNK_ROWS). */
  readonly chunkRows?: number;
}

/** Rows per message: large enough that postMessage's cost per message is noise, small enough that the writer starts early. */
export const CHUNK_ROWS = 1_024;

const WRITER_URL = new URL('./writer-thread.js', import.meta.url);

export class SqliteWorkerStore {
  /** Rows of the batch being made, not yet sent. */
  private unsent: RowBatch | undefined;
  /** The open batch's first chunk is still to be sent (it opens the transaction). */
  private opens: BatchChunk['opens'];
  private batchOpen = false;
  /** Batches whose last chunk was sent and whose commit is not yet confirmed. */
  private outstanding = 0;
  private committedHeight: number | undefined;
  private failure: Error | undefined;
  private wake: (() => void) | undefined;
  private readonly exited: Promise<void>;

  private constructor(
    private readonly thread: Worker,
    private readonly engine: ProjectionEngine,
    readonly file: string,
    private readonly chunkRows: number,
  ) {
    thread.on('message', (message: FromWriter) => {
      if (message.kind === 'committed') {
        this.outstanding--;
        this.committedHeight = message.height;
      } else if (message.kind === 'failed') this.failure ??= receivedError(message.error);
      this.wake?.();
    });
    thread.on('error', (error) => {
      this.failure ??= error;
      this.wake?.();
    });
    this.exited = new Promise((resolve) => thread.once('exit', () => resolve()));
    void this.exited.then(() => {
      this.failure ??= new Error('the projection writer thread exited');
      this.wake?.();
    });
  }

  /**
   * Starts the writer thread, then opens (creates, migrates, rebuilds) the database here and
   * reads the projectors' resume rows, then hands the file to the writer.
   * PERF: a thread's start-up (~100–200 ms on a loaded 2-core machine) runs beside the opening
   * and the replay's own start; it is never awaited: a writer that cannot open the file fails
   * the next `append`, `commit` or `throttle`.
   */
  static open(dataDir: string, options: WorkerStoreOptions = {}): SqliteWorkerStore {
    const data: WriterData = options.busyTimeoutMs === undefined ? {} : { busyTimeoutMs: options.busyTimeoutMs };
    const thread = new Worker(WRITER_URL, { workerData: data });
    let engine: ProjectionEngine;
    let file: string;
    try {
      const db = openProjectionDatabase(dataDir, options);
      file = db.name;
      try {
        engine = new ProjectionEngine(readCheckpoint(db), (table) => db.prepare(resumeSql(table)).raw(true).all() as Row[]);
      } finally {
        db.close();
      }
    } catch (error) {
      void thread.terminate();
      throw error;
    }
    thread.postMessage({ kind: 'open', file } satisfies ToWriter);
    return new SqliteWorkerStore(thread, engine, file, options.chunkRows ?? CHUNK_ROWS);
  }

  /** The checkpoint of the rows made so far (committed or sent). */
  get checkpoint(): Checkpoint | undefined {
    return this.engine.checkpoint;
  }

  /** The height of the last batch the writer committed. */
  get committed(): number | undefined {
    return this.committedHeight;
  }

  /** Genesis rows and checkpoint, as one batch (sent; `throttle(0)` waits for the commit). */
  seedGenesis(state: LedgerState, genesisStateRoot: string, previousBlockHash?: string): void {
    this.guarded(() => {
      const previous = this.engine.checkpoint;
      const rows = this.engine.genesis(state, genesisStateRoot, previousBlockHash);
      this.outstanding++;
      this.post({ kind: 'chunk', rows: rows.rows, opens: { previous, firstHeight: this.engine.checkpoint!.height }, commits: this.engine.checkpoint! });
    });
  }

  /** Makes a block's rows into the open batch (opening one if needed); sends them once CHUNK_ROWS are made. */
  append(block: CommittedBlock): void {
    this.guarded(() => {
      if (!this.batchOpen) {
        this.batchOpen = true;
        this.opens = { previous: this.engine.checkpoint, firstHeight: block.block.header.height };
      }
      const rows = (this.unsent ??= new RowBatch());
      this.engine.project([block], rows);
      if (rows.count >= this.chunkRows) this.sendUnsent();
    });
  }

  /** Ends the open batch: its last rows go with the checkpoint, and the writer commits them in one transaction. */
  commit(): void {
    if (!this.batchOpen) return;
    this.guarded(() => {
      this.batchOpen = false;
      this.outstanding++;
      this.sendUnsent(this.engine.checkpoint!);
    });
  }

  /** Projects consecutive blocks as one batch (the synchronous store's `apply`, its write queued). */
  apply(blocks: readonly CommittedBlock[]): void {
    for (const block of blocks) this.append(block);
    this.commit();
  }

  /** Waits until at most `max` batches are outstanding; throws a failure. */
  async throttle(max: number): Promise<void> {
    while (this.failure === undefined && this.outstanding > max) await new Promise<void>((resolve) => (this.wake = resolve));
    this.wake = undefined;
    if (this.failure !== undefined) throw this.failure;
  }

  /** Ends the writer: an open (uncommitted) batch is rolled back, the database closed. */
  async close(): Promise<void> {
    this.thread.postMessage({ kind: 'close' } satisfies ToWriter);
    await this.exited;
  }

  private sendUnsent(commits?: Checkpoint): void {
    const rows = this.unsent?.rows ?? [];
    this.unsent = undefined;
    const opens = this.opens;
    this.opens = undefined;
    this.post({ kind: 'chunk', rows, ...(opens === undefined ? {} : { opens }), ...(commits === undefined ? {} : { commits }) });
  }

  private post(message: ToWriter): void {
    const bytes = message.kind === 'chunk' ? packBytes(message.rows) : undefined;
    this.thread.postMessage(message, bytes === undefined ? [] : [bytes]);
  }

  /** Throws an earlier failure; a new one (a refused block) becomes the store's failure too. */
  private guarded(step: () => void): void {
    if (this.failure !== undefined) throw this.failure;
    try {
      step();
    } catch (error) {
      this.failure = error as Error;
      throw error;
    }
  }
}
