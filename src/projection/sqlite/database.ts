/**
 * The SQLite projection's database file: where it lives and how it is opened (migrations,
 * rebuild on a schema change; the connection's pragmas and the checkpoint: ./connection.ts). Shared by the
 * synchronous store (../store.ts, the live node) and the catch-up writer thread
 * (./writer-thread.ts), so both open the same file the same way.
 */
import { makeDirs } from '../../core/make-dirs.js';
import Database from 'better-sqlite3';
import { existsSync, rmSync, statSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { isDamagedDatabase, ProjectionDamaged, ProjectionError } from '../errors.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { connect } from './connection.js';
import { projectionFailure } from './failure.js';
import { fileOf, openProjectionReadOnly } from './read-only.js';

export { readCheckpoint } from './connection.js';

export interface OpenOptions {
  /** Delete the database and start again from genesis. */
  readonly rebuild?: boolean;
  /** Told why a database is being rebuilt (schema change). */
  readonly onNotice?: (message: string) => void;
  /** Another file than <data>/projections/ledger.sqlite (`project --check --against-log`'s scratch rebuild). */
  readonly file?: string;
}

/** Absolute: SQLite reads a name starting with `file:` as a URI (./read-only.ts turns URIs on), so a relative `file:…` data directory must not reach it as given. */
export function projectionsDir(dataDir: string): string {
  return join(resolve(dataDir), 'projections');
}

export function projectionFile(dataDir: string): string {
  return join(projectionsDir(dataDir), 'ledger.sqlite');
}

/**
 * The projection of `dataDir`, created or migrated (rebuilt when asked or when its schema is
 * another). A damaged, unwritable or unopenable file is a coded error naming it (./failure.ts).
 */
export function openProjectionDatabase(dataDir: string, options: OpenOptions = {}): Database.Database {
  const file = options.file ?? projectionFile(dataDir);
  makeDirs(dirname(file));
  try {
    return openOrCreate(file, options);
  } catch (error) {
    throw projectionFailure(error, file);
  }
}

function openOrCreate(file: string, options: OpenOptions): Database.Database {
  const migrations = loadMigrations();
  const version = schemaVersion(migrations);
  if (options.rebuild === true) removeDatabase(file);
  else if (existsSync(file)) {
    const stored = storedSchemaVersion(file);
    if (stored !== version) {
      options.onNotice?.(`projection schema version ${stored ?? '(none)'} ≠ this build's ${version}: rebuilding ${file} from genesis`);
      removeDatabase(file);
    }
  }
  const db = connect(file);
  try {
    migrate(db, migrations, version);
  } catch (error) {
    // Named before the close, which removes the -wal file whose size may be the cause (failure.ts).
    const failure = projectionFailure(error, file);
    db.close();
    throw failure;
  }
  return db;
}

/**
 * Projections up to this size are checked (`checkIntact`) each time a catch-up opens them; any
 * size on demand with `project --check` (whole-file-check.ts).
 * PRAGMA quick_check reads every page, so its cost grows with the file (measured on this 2-core
 * machine, warm cache: the 60-block `start` chain, 18 MB, 20–30 ms; 600 blocks, 211 MB,
 * 165–175 ms, 2.4 s with a cold cache — where `project` with nothing to do takes ~0.3 s). Above
 * this, a catch-up would wait seconds to minutes on every run; damage there is still found when a
 * read or write reaches it (projection_damaged), only not before.
 */
export const QUICK_CHECK_MAX_BYTES = 256 * 1024 * 1024;

/**
 * Refuses a damaged projection (ProjectionDamaged) before a catch-up trusts it: damage in pages
 * the catch-up never touches would otherwise pass (it reported success, "projected 0 blocks",
 * while every query reaching those pages failed).
 */
export function checkIntact(db: Database.Database, file: string = fileOf(db)): void {
  if (statSync(file).size > QUICK_CHECK_MAX_BYTES) return;
  // quick_check(1): stop at the first problem (the answer is refused either way).
  const verdict = (db.pragma('quick_check(1)') as Array<{ quick_check: string }>)[0]?.quick_check;
  if (verdict === 'ok') return;
  throw new ProjectionDamaged(file, quickCheckProblem(verdict ?? 'no answer'));
}

/** A quick_check answer as one line: "*** in database main ***\nTree 33 page 126: …" → "quick_check: Tree 33 page 126: …". */
export function quickCheckProblem(verdict: string): string {
  return `quick_check: ${verdict.replace(/^\*\*\* in database \w+ \*\*\*\n/, '').replaceAll('\n', '; ')}`;
}

function migrate(db: Database.Database, migrations: ReturnType<typeof loadMigrations>, version: string): void {
  db.exec('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
  const applied = new Set((db.prepare('SELECT name FROM schema_migrations').all() as Array<{ name: string }>).map((row) => row.name));
  db.transaction(() => {
    for (const migration of migrations) {
      if (applied.has(migration.name)) continue;
      db.exec(migration.sql);
      db.prepare('INSERT INTO schema_migrations (name) VALUES (?)').run(migration.name);
    }
    db.prepare("INSERT OR REPLACE INTO projection_meta (key, value) VALUES ('schema_version', ?)").run(version);
  })();
}

function storedSchemaVersion(file: string): string | undefined {
  const db = openProjectionReadOnly(file);
  try {
    return storedSchemaVersionIn(db);
  } finally {
    db.close();
  }
}

/**
 * Refuses a projection (opened read only) whose schema is not this build's: `serve` cannot read
 * it and `project --check --against-log` has nothing to compare it with; `project` rebuilds it.
 */
export function requireCurrentSchema(db: Database.Database, file: string, dataDir: string): void {
  const expected = schemaVersion(loadMigrations());
  const stored = storedSchemaVersionIn(db);
  if (stored !== expected) {
    throw new ProjectionError('projection_schema_mismatch', `the projection at ${file} has schema ${stored ?? '(none)'}, this build reads ${expected}: run \`pokt-ledger project --data ${dataDir}\` (it rebuilds)`, { file, stored, expected });
  }
}

/**
 * The schema version a projection's connection holds, or undefined when it has no projection_meta
 * (not a projection of this ledger: rebuilt by a writer, refused by a reader). A damaged file is
 * refused with its remedy instead, as the damage quick_check finds (catch-up-store.ts).
 */
export function storedSchemaVersionIn(db: Database.Database): string | undefined {
  try {
    return (db.prepare("SELECT value FROM projection_meta WHERE key = 'schema_version'").get() as { value: string } | undefined)?.value;
  } catch (error) {
    if (isDamagedDatabase(error)) throw error;
    return undefined;
  }
}

/** The projection file and its -wal and -shm (a rebuild's first step). */
export function removeDatabase(file: string): void {
  for (const suffix of ['', '-wal', '-shm']) rmSync(file + suffix, { force: true });
}
