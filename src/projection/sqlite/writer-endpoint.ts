/**
 * The writing end of the catch-up store (./catch-up-store.ts), whatever carries its messages:
 * it owns the better-sqlite3 connection (opened on the `open` message, once the file is
 * migrated) and writes the batches the main thread makes, each batch's rows and its checkpoint
 * in ONE transaction (BEGIN IMMEDIATE at its first chunk, COMMIT with the checkpoint). It runs
 * on the writer thread (./writer-thread.ts) or, for a run too short to pay for a thread, inline
 * on the main thread — the same code either way.
 *
 * Before a batch's first rows it checks that the stored checkpoint is the one the main thread
 * projected from: another writer that moved it in between makes the batch fail
 * (block_already_projected, as the engine refuses a block seen before) instead of interleaving.
 * Any failure rolls the open transaction back, is reported once (a damaged or unwritable file
 * as such: ./failure.ts), and every later chunk is ignored: the main thread stops and closes.
 * `close` rolls back an open transaction (a batch the main thread abandoned) and closes the
 * database.
 */
import type Database from 'better-sqlite3';
import type { Checkpoint } from '../engine.js';
import { amountRangeError, ProjectionError } from '../errors.js';
import { SqliteBatchWriter } from './batch-writer.js';
import { connect, readCheckpoint } from './connection.js';
import { projectionFailure } from './failure.js';
import { sentError, type BatchChunk, type FromWriter, type ToWriter } from './writer-protocol.js';

export class WriterEndpoint {
  private db: Database.Database | undefined;
  private writer: SqliteBatchWriter | undefined;
  private file = '';
  private inTransaction = false;
  private failed = false;

  constructor(
    private readonly send: (message: FromWriter) => void,
    private readonly busyTimeoutMs?: number,
  ) {}

  /** Handles one message; returns true once closed. */
  handle(message: ToWriter): boolean {
    if (message.kind === 'close') {
      this.rollback();
      this.db?.close();
      this.send({ kind: 'closed' });
      return true;
    }
    if (this.failed) return false;
    try {
      if (message.kind === 'open') {
        this.file = message.file;
        this.db = connect(this.file, this.busyTimeoutMs);
        this.writer = new SqliteBatchWriter(this.db);
      } else this.write(message);
    } catch (error) {
      this.failed = true;
      this.rollback();
      this.send({ kind: 'failed', error: sentError(projectionFailure(amountRangeError(error), this.file)) });
    }
    return false;
  }

  private write(chunk: BatchChunk): void {
    const db = this.db!;
    if (chunk.opens !== undefined) {
      db.exec('BEGIN IMMEDIATE');
      this.inTransaction = true;
      this.expectCheckpoint(readCheckpoint(db), chunk.opens.previous, chunk.opens.firstHeight);
    }
    this.writer!.writeRows(chunk.rows);
    if (chunk.commits !== undefined) {
      this.writer!.writeCheckpoint(chunk.commits);
      db.exec('COMMIT');
      this.inTransaction = false;
      this.send({ kind: 'committed', height: chunk.commits.height });
    }
  }

  private rollback(): void {
    if (!this.inTransaction) return;
    this.inTransaction = false;
    try {
      this.db!.exec('ROLLBACK');
    } catch {
      // SQLite may have rolled back already (e.g. after SQLITE_FULL).
    }
  }

  /** The stored checkpoint must be the one the batch was projected from. */
  private expectCheckpoint(stored: Checkpoint | undefined, previous: Checkpoint | undefined, firstHeight: number): void {
    if (stored?.height === previous?.height && stored?.blockHash === previous?.blockHash && stored?.stateRoot === previous?.stateRoot) return;
    if (stored !== undefined && previous === undefined) throw new ProjectionError('genesis_already_projected', `the projection is at height ${stored.height}; genesis was projected before, by another process meanwhile — run \`project\` again to go on from there`);
    if (stored !== undefined && firstHeight <= stored.height) {
      // The main thread projected from its own checkpoint: only another process moved this one
      // (two `project` runs at once; QA of 2026-12-06: the bare "already projected" read as a bug).
      throw new ProjectionError('block_already_projected', `block ${firstHeight} is already projected (checkpoint ${stored.height}): another process projected ${this.file} meanwhile; this run's batch was not written — run \`project\` again to go on from there`, { height: firstHeight, checkpoint: stored.height });
    }
    throw new ProjectionError('projection_checkpoint_moved', `the checkpoint in ${this.file} is at ${stored?.height ?? '(none)'}, not at ${previous?.height ?? '(none)'} where this batch follows: another writer?`);
  }
}
