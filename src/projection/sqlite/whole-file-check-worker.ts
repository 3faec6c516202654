/**
 * The worker thread of whole-file-check.ts: opens the projection read-only and runs SQLite's
 * `PRAGMA quick_check(1)` (every page read; stops at the first problem), then posts the verdict.
 * On its own thread so the caller's event loop keeps drawing progress meanwhile.
 */
import Database from 'better-sqlite3';
import { parentPort, workerData } from 'node:worker_threads';

export type WholeFileVerdict = { readonly ok: true } | { readonly ok: false; readonly problem: string; readonly code?: string };

function check(file: string): WholeFileVerdict {
  try {
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
      const verdict = (db.pragma('quick_check(1)') as Array<{ quick_check: string }>)[0]?.quick_check;
      return verdict === 'ok' ? { ok: true } : { ok: false, problem: verdict ?? 'no answer' };
    } finally {
      db.close();
    }
  } catch (error) {
    // A file SQLite cannot read at all (SQLITE_NOTADB, SQLITE_CORRUPT on the schema page).
    const code = (error as { code?: unknown }).code;
    return { ok: false, problem: (error as Error).message, ...(typeof code === 'string' ? { code } : {}) };
  }
}

parentPort!.postMessage(check((workerData as { file: string }).file));
