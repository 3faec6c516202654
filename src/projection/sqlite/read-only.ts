/**
 * Opening the SQLite projection for reading only — also on a read-only medium (a snapshot
 * volume, an evidence disk, a `mount -o ro` copy of a data directory), where an auditor is often
 * handed one.
 *
 * Why this is not just `new Database(file, { readonly: true })`: the projection is a WAL
 * database, and SQLite reads a WAL database through its wal-index, the `-shm` file beside it.
 * A cleanly closed projection has neither `-wal` nor `-shm` (the last connection checkpoints and
 * deletes them), and on a read-only file system SQLite cannot create the `-shm`: the first read
 * fails with SQLITE_CANTOPEN although every row is in the main file. (With both files present —
 * a copy of a projection whose writer was still connected or was killed — SQLite reads read-only
 * correctly, the WAL included, from a private copy of the index: that case needs nothing here.)
 *
 * What this does: the ordinary read-only open first. Only when its first read fails with
 * SQLITE_CANTOPEN and the directory is on a read-only file system (access(2) answers EROFS —
 * not EACCES: a directory another user may still write is no read-only medium, and its owner's
 * writer could change the file under a reader that takes no locks) it decides from the `-wal`:
 *
 *   - no `-wal`, or an empty one: nothing is outside the main file, so it is opened with SQLite's
 *     `immutable=1` URI parameter (no wal-index, no locks, no `-shm`) — the same rows a writable
 *     copy would give;
 *   - a non-empty `-wal` (without its `-shm`): frames not yet checkpointed may hold the newest
 *     rows, and `immutable=1` would ignore them and read stale data silently. Refused with the
 *     coded `read_only` error saying exactly that, and what to do (copy the directory to a
 *     writable place, where SQLite replays the WAL).
 *
 * URI filenames: better-sqlite3 builds SQLite with SQLITE_USE_URI=0 and turns them on only when
 * the environment says SQLITE_USE_URI=1 as its addon loads (once per process, at the first
 * `new Database`). This module sets it when unset, at its evaluation — before any command opens
 * a database (every CLI command is imported statically by cli/main.ts, and no module opens one at
 * import). With URIs on, only a name starting with `file:` changes meaning; the projection's
 * paths are absolute (`projectionFile` resolves) and the scratch files are under os.tmpdir().
 * Where URIs are off after all (an embedding program opened SQLite first, or set the variable to
 * 0), the immutable open finds no file of that literal name and the same `read_only` error says
 * so — never a wrong file.
 */
import Database from 'better-sqlite3';
import { accessSync, constants, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { ProjectionError } from '../errors.js';

process.env['SQLITE_USE_URI'] ??= '1';

/** The projection file (or a copy of one) opened read-only; see the module comment for a read-only medium. */
export function openProjectionReadOnly(file: string): Database.Database {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    // The first read opens the WAL and its index: where a read-only medium fails.
    db.pragma('schema_version', { simple: true });
    return db;
  } catch (error) {
    db.close();
    if (!isCantOpen(error) || !onReadOnlyFileSystem(dirname(file))) throw error;
  }
  return openImmutable(file);
}

/**
 * The file a connection reads, for messages and stat: `db.name`, except for a connection opened
 * here with `immutable=1`, whose name is the URI.
 */
export function fileOf(db: Database.Database): string {
  const immutable = /^file:\/\/(.*)\?immutable=1$/.exec(db.name);
  return immutable === null ? db.name : decodeURIComponent(immutable[1]!);
}

function openImmutable(file: string): Database.Database {
  const wal = `${file}-wal`;
  const walBytes = sizeOf(wal);
  if (walBytes > 0) {
    throw new ProjectionError(
      'read_only',
      `cannot read the projection ${file} on this read-only file system: its write-ahead log ${wal} holds ${walBytes} bytes that may not be checkpointed into it yet (its writer was killed, or still running, when this copy was made; without the log's index SQLite cannot tell) and SQLite cannot make the log's index (${file}-shm) on a read-only medium; reading the file without its log could give stale rows. Copy the data directory to a writable place and run the command on the copy (SQLite then replays the log), or remount the file system read-write`,
      { errno: 'EROFS', path: wal, file, wal_bytes: walBytes },
    );
  }
  const uri = `file://${resolve(file).replace(/[%?#]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)}?immutable=1`;
  let db: Database.Database | undefined;
  try {
    db = new Database(uri, { readonly: true, fileMustExist: true });
    db.pragma('schema_version', { simple: true });
    return db;
  } catch (error) {
    db?.close();
    if (!isCantOpen(error)) throw error;
    throw new ProjectionError(
      'read_only',
      `cannot read the projection ${file} on this read-only file system: SQLite needs the file beside it (${file}-shm) that it cannot create here, and this process's SQLite does not take the URI filename that opens it without one (SQLITE_USE_URI is ${JSON.stringify(process.env['SQLITE_USE_URI'] ?? '')}); copy the data directory to a writable place, or remount the file system read-write`,
      { errno: 'EROFS', path: file, file },
    );
  }
}

function isCantOpen(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && /^SQLITE_CANTOPEN(_|$)/.test(code);
}

/** EROFS from access(2): the file system is mounted read-only (for root too, who passes every permission check). */
function onReadOnlyFileSystem(dir: string): boolean {
  try {
    accessSync(dir, constants.W_OK);
    return false;
  } catch (error) {
    return (error as { code?: unknown }).code === 'EROFS';
  }
}

/** A file's size; 0 when it does not exist. */
function sizeOf(path: string): number {
  try {
    return statSync(path).size;
  } catch (error) {
    if ((error as { code?: unknown }).code === 'ENOENT') return 0;
    throw error;
  }
}
