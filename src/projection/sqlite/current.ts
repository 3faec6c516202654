/**
 * Whether the SQLite projection already holds every height up to a given one — answered without
 * writing anything, so a reader that needs only what is already projected (`audit` of a finished
 * chain) can skip the catch-up and work where it may only read: a projection owned by another
 * user, a copy on a read-only mount.
 *
 * Skipping the catch-up must not skip its refusals: a current projection is checked as a
 * catch-up checks it on opening (catch-up-store.ts) — this build's schema, then quick_check
 * (checkIntact), which throws ProjectionDamaged for a damaged file even when nothing the reader
 * reads reaches the damage. (An earlier attempt, fbd6855, skipped the catch-up without the page
 * check, and `audit` read a damaged projection it must refuse; reverted in 20ccd69.)
 */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { ProjectionError } from '../errors.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { readCheckpoint } from './connection.js';
import { checkIntact, projectionFile, storedSchemaVersionIn } from './database.js';
import { openProjectionReadOnly } from './read-only.js';

/**
 * True when the projection exists, is of this build's schema, reaches `height` and passes the
 * page check; ProjectionDamaged when it reaches `height` but fails the page check; false for
 * anything else (no file, another schema, a checkpoint below `height`, a file SQLite cannot
 * open read only), which the catch-up then builds, rebuilds or reports with its own code. On a
 * read-only mount a cleanly closed projection is read as it is (./read-only.ts); one with an
 * un-checkpointed -wal there is the coded `read_only` error saying so.
 */
export function projectionCurrentAt(dataDir: string, height: number): boolean {
  const file = projectionFile(dataDir);
  if (!existsSync(file)) return false;
  let db: Database.Database;
  try {
    db = openProjectionReadOnly(file);
  } catch (error) {
    // On a read-only medium, a projection that cannot be read there without stale rows (an
    // un-checkpointed -wal): the catch-up could only fail on the same medium with a vaguer reason.
    if (error instanceof ProjectionError) throw error;
    return false;
  }
  try {
    if (!readsAsCurrent(db, height)) return false;
    checkIntact(db);
    return true;
  } finally {
    db.close();
  }
}

function readsAsCurrent(db: Database.Database, height: number): boolean {
  try {
    if (storedSchemaVersionIn(db) !== schemaVersion(loadMigrations())) return false;
    return (readCheckpoint(db)?.height ?? -1) >= height;
  } catch {
    // Damage in the pages these reads touch, or a file SQLite cannot open read only: the
    // catch-up opens it itself and names what is wrong.
    return false;
  }
}
