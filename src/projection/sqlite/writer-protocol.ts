/**
 * What the catch-up store (./catch-up-store.ts, main thread) and its writer thread
 * (./writer-thread.ts) say to each other, and how an error crosses the thread boundary.
 *
 * Rows travel as they are made — per table, arrays of cells (bigint, number, string, null,
 * Uint8Array), structured-cloned by postMessage — except their bytes (txs.raw), which are
 * copied into one buffer per message and transferred (`packBytes`).
 * PERF (measured: 2,335 genesis rows post in ~2 ms, ~1 µs a row; flattening the rows into one
 * array per table was no faster): the cells themselves are cheap to clone, but a tx's raw bytes
 * are a view of the block log's 1 MiB read buffer, and cloning a view copies its whole buffer. A batch is sent in chunks: the first opens the
 * batch's transaction (with the checkpoint it must follow), the last carries the new checkpoint
 * and commits. So SQLite inserts a batch's first rows while the main thread still replays and
 * makes the rest, and a kill at any instant loses at most the open transaction.
 *
 * An error is sent as its class, code, message and details and made again on the main thread,
 * so callers see what the synchronous store throws: a ProjectionError with its code, a
 * better-sqlite3 SqliteError with its SQLITE_* code, an OS error with its errno code.
 */
import Database from 'better-sqlite3';
import type { Checkpoint } from '../engine.js';
import { ProjectionError } from '../errors.js';
import type { Row } from '../tables.js';

export interface WriterData {
  /** How long a write waits for another connection's lock before SQLITE_BUSY (default 5 s). */
  readonly busyTimeoutMs?: number;
}

/** Part of a batch: rows per table (TableSpec.index). */
export interface BatchChunk {
  readonly kind: 'chunk';
  readonly rows: Row[][];
  /** On a batch's first chunk: the transaction opens, and the stored checkpoint must be `previous`. */
  readonly opens?: { readonly previous: Checkpoint | undefined; readonly firstHeight: number };
  /** On a batch's last chunk: the checkpoint is saved and the transaction commits. */
  readonly commits?: Checkpoint;
}

/** `open`: connect to the (migrated) file; `close`: roll back an open batch, close, exit. */
export type ToWriter = { readonly kind: 'open'; readonly file: string } | BatchChunk | { readonly kind: 'close' };

export type FromWriter =
  | { readonly kind: 'committed'; readonly height: number }
  /** The database is closed (the thread ends by itself). */
  | { readonly kind: 'closed' }
  | { readonly kind: 'failed'; readonly error: SentError };

export interface SentError {
  readonly type: 'projection' | 'sqlite' | 'other';
  readonly name: string;
  readonly message: string;
  readonly code?: string;
  readonly details?: Record<string, unknown>;
}

export function sentError(error: unknown): SentError {
  if (error instanceof ProjectionError) return { type: 'projection', name: error.name, message: error.message, code: error.code, details: error.context };
  const code = (error as { code?: unknown } | null)?.code;
  const base = { name: error instanceof Error ? error.name : 'Error', message: error instanceof Error ? error.message : String(error), ...(typeof code === 'string' ? { code } : {}) };
  return error instanceof Database.SqliteError ? { type: 'sqlite', ...base } : { type: 'other', ...base };
}

export function receivedError(sent: SentError): Error {
  if (sent.type === 'projection') return new ProjectionError(sent.code ?? 'projection_failed', sent.message, sent.details ?? {});
  if (sent.type === 'sqlite') return new Database.SqliteError(sent.message, sent.code ?? 'SQLITE_ERROR');
  const error = new Error(sent.message);
  error.name = sent.name;
  return sent.code === undefined ? error : Object.assign(error, { code: sent.code });
}

/**
 * Replaces every Uint8Array cell by a view of one new buffer holding all of them (in place), and
 * returns that buffer for postMessage's transfer list (undefined when there are none).
 */
export function packBytes(rowsByTable: readonly Row[][]): ArrayBuffer | undefined {
  let total = 0;
  for (const rows of rowsByTable) for (const row of rows) for (const cell of row) if (cell instanceof Uint8Array) total += cell.byteLength;
  if (total === 0) return undefined;
  const packed = new Uint8Array(total);
  let at = 0;
  for (const rows of rowsByTable) {
    for (const row of rows) {
      for (let i = 0; i < row.length; i++) {
        const cell = row[i];
        if (!(cell instanceof Uint8Array)) continue;
        packed.set(cell, at);
        row[i] = packed.subarray(at, at + cell.byteLength);
        at += cell.byteLength;
      }
    }
  }
  return packed.buffer;
}
