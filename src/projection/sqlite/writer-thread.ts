/**
 * The catch-up writer thread: owns the better-sqlite3 connection of a projection being caught
 * up (opened on the main thread's `open` message, once the file is migrated there) and writes
 * the batches the main thread makes (./worker-store.ts), each batch's rows and its
 * checkpoint in ONE transaction (BEGIN IMMEDIATE at its first chunk, COMMIT with the checkpoint).
 *
 * Before a batch's first rows it checks that the stored checkpoint is the one the main thread
 * projected from: another writer that moved it in between makes the batch fail
 * (block_already_projected, as the engine refuses a block seen before) instead of interleaving.
 * Any failure rolls the open transaction back, is reported once, and every later chunk is
 * ignored: the main thread stops and closes. `close` rolls back an open transaction (a batch
 * the main thread abandoned) and closes the database.
 */
import type Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';
import type { Checkpoint } from '../engine.js';
import { amountRangeError, ProjectionError } from '../errors.js';
import { SqliteBatchWriter } from './batch-writer.js';
import { connect, readCheckpoint } from './connection.js';
import { sentError, type BatchChunk, type FromWriter, type ToWriter, type WriterData } from './writer-protocol.js';

const port = parentPort!;
const { busyTimeoutMs } = workerData as WriterData;
const send = (message: FromWriter): void => port.postMessage(message);

let db: Database.Database | undefined;
let writer: SqliteBatchWriter | undefined;
let file = '';
let inTransaction = false;
let failed = false;

function rollback(): void {
  if (!inTransaction) return;
  inTransaction = false;
  try {
    db!.exec('ROLLBACK');
  } catch {
    // SQLite may have rolled back already (e.g. after SQLITE_FULL).
  }
}

function write(chunk: BatchChunk): void {
  if (chunk.opens !== undefined) {
    db!.exec('BEGIN IMMEDIATE');
    inTransaction = true;
    expectCheckpoint(readCheckpoint(db!), chunk.opens.previous, chunk.opens.firstHeight);
  }
  writer!.writeRows(chunk.rows);
  if (chunk.commits !== undefined) {
    writer!.writeCheckpoint(chunk.commits);
    db!.exec('COMMIT');
    inTransaction = false;
    send({ kind: 'committed', height: chunk.commits.height });
  }
}

port.on('message', (message: ToWriter) => {
  if (message.kind === 'close') {
    rollback();
    db?.close();
    port.close();
    return;
  }
  if (failed) return;
  try {
    if (message.kind === 'open') {
      file = message.file;
      db = connect(file, busyTimeoutMs);
      writer = new SqliteBatchWriter(db);
    } else write(message);
  } catch (error) {
    failed = true;
    rollback();
    send({ kind: 'failed', error: sentError(amountRangeError(error)) });
  }
});
/** The stored checkpoint must be the one the batch was projected from. */
function expectCheckpoint(stored: Checkpoint | undefined, previous: Checkpoint | undefined, firstHeight: number): void {
  if (stored?.height === previous?.height && stored?.blockHash === previous?.blockHash && stored?.stateRoot === previous?.stateRoot) return;
  if (stored !== undefined && previous === undefined) throw new ProjectionError('genesis_already_projected', `the projection is at height ${stored.height}; genesis was projected before`);
  if (stored !== undefined && firstHeight <= stored.height) {
    throw new ProjectionError('block_already_projected', `block ${firstHeight} is already projected (checkpoint ${stored.height})`, { height: firstHeight, checkpoint: stored.height });
  }
  throw new ProjectionError('projection_checkpoint_moved', `the checkpoint in ${file} is at ${stored?.height ?? '(none)'}, not at ${previous?.height ?? '(none)'} where this batch follows: another writer?`);
}

