/**
 * The worker thread of whole-file-check.ts: opens the projection read-only and runs SQLite's
 * `PRAGMA quick_check(1)` (every page read; stops at the first problem), then posts the verdict.
 * On its own thread so the caller's event loop keeps drawing progress meanwhile.
 */
import { parentPort, workerData } from 'node:worker_threads';
import { ProjectionError } from '../errors.js';
import { storedSchemaVersionIn } from './database.js';
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
      if (verdict !== 'ok') return { ok: false, problem: verdict ?? 'no answer' };
      // Whole pages are not a projection: an empty file or another program's database passes
      // quick_check, and "intact" would send the operator away with nothing to serve.
      if (storedSchemaVersionIn(db) === undefined) return notAProjection(file);
      return { ok: true };
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

function notAProjection(file: string): WholeFileVerdict {
  const problem = `${file} is a readable SQLite file but holds no projection (no schema version): \`pokt-ledger project --rebuild\` builds one in its place`;
  return { ok: false, problem, refused: { code: 'projection_schema_mismatch', context: { file, stored: null } } };
}

parentPort!.postMessage(check((workerData as { file: string }).file));
