/**
 * The data directory's record of the PostgreSQL projections made from it: one small file per
 * database, <data>/projections/postgres/<16 hex of sha256(url)>.json =
 * {"format":"pokt-ledger-postgres-projection","url":"postgres://user@host:port/db"}, the URL
 * without its password (nor a password in its query). A PostgreSQL projection lives outside the
 * data directory, so without this a `rollback` — which cannot reach it — could not say whether
 * one exists, nor which database now holds blocks the log no longer has.
 *
 * `project --postgres` writes it once the database is open and its checkpoint is a block of this
 * log (run.ts), before any row is written: a projection killed mid-build is recorded too. One
 * file per database, written whole (durable-file.ts): two `project --postgres` runs into two
 * databases never lose each other's record. It is never removed (a database dropped since is
 * still named: the note says "made from this directory", not that it exists today).
 */
import { createHash } from 'node:crypto';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { makeDirs } from '../core/make-dirs.js';
import { writeFileDurably } from '../runtime/durable-file.js';
import { projectionsDir } from './sqlite/database.js';

const FORMAT = 'pokt-ledger-postgres-projection';

export function postgresRecordDir(dataDir: string): string {
  return join(projectionsDir(dataDir), 'postgres');
}

/** The URL as recorded: no password, in the authority or the query. Example: postgres://u:pw@h:5432/db?password=x → postgres://u@h:5432/db */
export function recordedPostgresUrl(url: string): string {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return '(unparsable URL)';
  }
  parsed.password = '';
  for (const key of ['password', 'sslpassword']) parsed.searchParams.delete(key);
  return parsed.toString();
}

/** Records that `url` holds (or is being made) a projection of `dataDir`; nothing is written when it is already recorded. */
export function recordPostgresProjection(dataDir: string, url: string): void {
  const recorded = recordedPostgresUrl(url);
  const file = join(postgresRecordDir(dataDir), `${createHash('sha256').update(recorded).digest('hex').slice(0, 16)}.json`);
  if (existsSync(file) && readRecord(file) === recorded) return;
  makeDirs(postgresRecordDir(dataDir));
  writeFileDurably(file, JSON.stringify({ format: FORMAT, url: recorded }) + '\n');
}

/** The recorded URL, or undefined for a file that is not a whole record. */
function readRecord(file: string): string | undefined {
  try {
    const value = JSON.parse(readFileSync(file, 'utf8')) as { format?: unknown; url?: unknown } | null;
    return value !== null && value.format === FORMAT && typeof value.url === 'string' ? value.url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The PostgreSQL projections recorded in `dataDir`, sorted. A record that cannot be read (a hand
 * edit, a damaged disk) still says that a projection was made: it is listed by its file, so a
 * rollback errs on the side of the reminder.
 */
export function recordedPostgresProjections(dataDir: string): string[] {
  const dir = postgresRecordDir(dataDir);
  if (!existsSync(dir)) return [];
  const found = new Set<string>();
  // `<file>.<pid>.tmp`: a write in flight, or one a crash cut short; the file it was for says the rest.
  for (const name of readdirSync(dir).filter((n) => n.endsWith('.json'))) {
    const file = join(dir, name);
    found.add(readRecord(file) ?? `(an unreadable record: ${file})`);
  }
  return [...found].sort();
}
