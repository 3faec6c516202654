/**
 * The worker thread of whole-file-check.ts: opens the projection read-only and runs SQLite's
 * `PRAGMA quick_check(1)` (every page read; stops at the first problem), then posts the verdict.
 * On its own thread so the caller's event loop keeps drawing progress meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionError } from '../errors.js';
import { openProjectionReadOnly } from './read-only.js';

/**
 * `code`: SQLite's, when it refused the file; `refused`: a coded ProjectionError of the open
 * itself (read-only.ts: a projection a read-only medium cannot serve without stale rows) —
 * neither is damage unless SQLite's code says so (whole-file-check.ts).
 */
export type WholeFileVerdict =
  | { readonly ok: true }
  | { readonly ok: false; readonly problem: string; readonly code?: string; readonly refused?: { readonly code: string; readonly context: Record<string, unknown> } };

function check(file: string): WholeFileVerdict {
  try {
    const db = openProjectionReadOnly(file);
    try {
      const verdict = (db.pragma('quick_check(1)') as Array<{ quick_check: string }>)[0]?.quick_check;
      return verdict === 'ok' ? { ok: true } : { ok: false, problem: verdict ?? 'no answer' };
    } finally {
      db.close();
    }
  } catch (error) {
    // A file SQLite cannot read at all (SQLITE_NOTADB, SQLITE_CORRUPT on the schema page).
    const code = (error as { code?: unknown }).code;
    if (error instanceof ProjectionError) return { ok: false, problem: error.message, refused: { code: error.code, context: error.context } };
    return { ok: false, problem: (error as Error).message, ...(typeof code === 'string' ? { code } : {}) };
  }
}

parentPort!.postMessage(check((workerData as { file: string }).file));
