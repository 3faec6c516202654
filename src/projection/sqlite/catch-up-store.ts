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
 * replay goes on, even when the whole run is one batch. What stays on the critical path is the
 * last batch's COMMIT and the WAL checkpoint it triggers (~70 ms for the bench's 40 blocks,
 * ~400 ms for 200 blocks in one batch: the commit writes the batch's pages to the WAL, the
 * checkpoint copies them into the database), and a short run's thread start (see
 * THREAD_MIN_BLOCKS). Figures: README, Benchmarks.
 */
import type { LedgerState } from '../../chain/ledger-state.js';
import type { CommittedBlock } from '../../runtime/committed-block.js';
import { ProjectionEngine, RowBatch, resumeSql, type Checkpoint } from '../engine.js';
import type { Row } from '../tables.js';
import { checkIntact, openProjectionDatabase, projectionFile, readCheckpoint, type OpenOptions } from './database.js';
import { projectionFailure } from './failure.js';
import { inlineLink, threadLink, type WriterLink } from './writer-link.js';
import { receivedError, type BatchChunk, type FromWriter, type ToWriter } from './writer-protocol.js';

export interface CatchUpStoreOptions extends OpenOptions {
  /** Where the writer runs (default: a thread), or how to choose from the checkpoint's height (undefined: a new projection). */
  readonly writer?: WriterKind | ((checkpointHeight: number | undefined) => WriterKind);
  /** How long a write waits for another connection's lock before SQLITE_BUSY (default 5 s). */
  readonly busyTimeoutMs?: number;
  /** Rows per message to the writer (default CHUNK_ROWS). */
  readonly chunkRows?: number;
}

export type WriterKind = 'thread' | 'inline';

/**
 * Runs of fewer blocks than this write inline: a thread's start (~70–90 ms of CPU for a Node
 * worker on this 2-core machine) and postMessage's copies (~3 µs a row: 10,600 rows, 5 MB of
 * JSON text, in ~30 ms) cost about what the inserts it takes off the replay's thread save on a
 * short run. Measured with the bench's mixed chain, medians of alternated runs, projection
 * attached vs not (ratio, higher is better), the old synchronous store vs the thread:
 * 40 blocks 0.744 vs 0.751 (load ~1), 0.66–0.81 vs 0.60–0.67 (load 3–5); 200 blocks in one
 * batch 0.668 vs 0.699, in batches of 64 0.697 vs 0.864 (load ~1).
 */
export const THREAD_MIN_BLOCKS = 100;

/** Where the writer of a catch-up of `blocks` blocks runs. */
export function catchUpWriter(blocks: number): WriterKind {
  return blocks >= THREAD_MIN_BLOCKS ? 'thread' : 'inline';
}

/** Rows per message: large enough that postMessage's cost per message is noise, small enough that the writer starts early. */
export const CHUNK_ROWS = 1_024;

export class SqliteCatchUpStore {
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
  private closed: (() => void) | undefined;
  private closing: Promise<void> | undefined;
  private link!: WriterLink;

  private constructor(
    private readonly engine: ProjectionEngine,
    readonly file: string,
    private readonly chunkRows: number,
  ) {}

  /**
   * Starts the writer, then opens (creates, migrates, rebuilds) the database here and reads the
   * projectors' resume rows, then hands the file to the writer.
   * PERF: a thread's start-up runs beside the opening and the replay's own start; it is never
   * awaited: a writer that cannot open the file fails the next `append`, `commit` or `throttle`.
   */
  static open(dataDir: string, options: CatchUpStoreOptions = {}): SqliteCatchUpStore {
    let store: SqliteCatchUpStore | undefined;
    const receive = (message: FromWriter): void => store?.receive(message);
    const startLink = (kind: WriterKind): WriterLink => (kind === 'inline' ? inlineLink(receive, options.busyTimeoutMs) : threadLink(receive, (error) => store?.fault(error), options.busyTimeoutMs));
    // A fixed choice starts the writer first, so a thread starts while the database opens.
    let link = typeof options.writer === 'function' ? undefined : startLink(options.writer ?? 'thread');
    let engine: ProjectionEngine;
    const file = options.file ?? projectionFile(dataDir);
    try {
      const db = openProjectionDatabase(dataDir, options);
      try {
        checkIntact(db);
        const checkpoint = readCheckpoint(db);
        engine = new ProjectionEngine(checkpoint, (table) => db.prepare(resumeSql(table)).raw(true).all() as Row[]);
        link ??= startLink((options.writer as (height: number | undefined) => WriterKind)(checkpoint?.height));
      } finally {
        db.close();
      }
    } catch (error) {
      link?.send({ kind: 'close' });
      link?.release();
      throw projectionFailure(error, file);
    }
    store = new SqliteCatchUpStore(engine, file, options.chunkRows ?? CHUNK_ROWS);
    store.link = link;
    link.send({ kind: 'open', file });
    return store;
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
  close(): Promise<void> {
    this.closing ??= (async () => {
      const closed = new Promise<void>((resolve) => (this.closed = resolve));
      this.link.send({ kind: 'close' });
      // PERF: a thread says `closed` once the database is; its exit (~20 ms later) is not awaited.
      await Promise.race([closed, this.link.ended]);
      this.link.release();
    })();
    return this.closing;
  }

  private receive(message: FromWriter): void {
    if (message.kind === 'committed') {
      this.outstanding--;
      this.committedHeight = message.height;
    } else if (message.kind === 'failed') this.failure ??= receivedError(message.error);
    else this.closed?.();
    this.wake?.();
  }

  private fault(error: Error): void {
    this.failure ??= error;
    this.wake?.();
  }

  private sendUnsent(commits?: Checkpoint): void {
    const rows = this.unsent?.rows ?? [];
    this.unsent = undefined;
    const opens = this.opens;
    this.opens = undefined;
    this.post({ kind: 'chunk', rows, ...(opens === undefined ? {} : { opens }), ...(commits === undefined ? {} : { commits }) });
  }

  private post(message: ToWriter): void {
    this.link.send(message);
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
    // An inline writer fails at once.
    if (this.failure !== undefined) throw this.failure;
  }
}
