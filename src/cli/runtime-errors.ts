/**
 * Every error a command can meet, as a CLI error: the runtime's coded errors (the log's, the
 * data directory's, the projection's, snapshots', genesis files', the simulator's), SQLite's
 * conditions (a damaged projection, a full disk, …), the operating system's conditions an
 * operator can act on (disk_full, read_only, … — core/io-error.ts; port_in_use,
 * address_not_available for the node's socket) — exit 1, `{"error":{code,message,details}}` with
 * --json. Anything else is a bug and stays an internal error (exit 70, output.ts).
 */
import { accessSync, constants, existsSync, statSync, type Stats } from 'node:fs';
import { hostname as osHostname } from 'node:os';
import { dirname } from 'node:path';
import { BlockRejectedError } from '../chain/apply-block.js';
import { BlockDecodeError } from '../chain/block.js';
import { NoValidatorsError } from '../chain/producer.js';
import { BlockLimitBelowHeaderError } from '../node/block-budget.js';
import { errnoOf, ioErrorCode, ioErrorHint } from '../core/io-error.js';
import { GenesisError } from '../genesis/load.js';
import { UpgradeRequiredError } from '../modules/gov/index.js';
import { BlockLogError } from '../log/index.js';
import { ProjectionError } from '../projection/errors.js';
import { DataDirError } from '../runtime/data-dir.js';
import { QueryStateError } from '../runtime/query-state.js';
import { ExplorerNotBuiltError } from '../explorer/index.js';
import { SimulationSetupError } from '../sim/sim-setup.js';
import { SimulationFailure } from '../sim/simulator.js';
import { SnapshotError } from '../snapshot/snapshot.js';
import { CliError } from './output.js';

/** Socket errors of `node` (listen): errno → code. */
const SOCKET_CODES: Readonly<Record<string, string>> = {
  EADDRINUSE: 'port_in_use',
  EADDRNOTAVAIL: 'address_not_available',
  ENOTFOUND: 'address_not_available',
  EAI_AGAIN: 'address_not_available',
};

/**
 * Node's recursive mkdir reports a read-only (or full) file system as ENOENT; asking the nearest
 * existing ancestor whether it is writable (access(2) answers EROFS) recovers the real cause.
 */
function realCause(error: unknown): unknown {
  const { syscall, path } = error as { syscall?: unknown; path?: unknown };
  if (errnoOf(error) !== 'ENOENT' || syscall !== 'mkdir' || typeof path !== 'string') return error;
  let at = dirname(path);
  while (!existsSync(at) && dirname(at) !== at) at = dirname(at);
  try {
    accessSync(at, constants.W_OK);
    return error;
  } catch (cause) {
    return Object.assign(new Error(`cannot create ${path}: ${(cause as Error).message}`), { code: errnoOf(cause), path });
  }
}

/** The path itself or its nearest ancestor that exists and is not a directory (undefined: none). */
function fileInTheWay(path: string): string | undefined {
  for (let at = path; ; at = dirname(at)) {
    const found = statOrUndefined(at);
    if (found !== undefined) return found.isDirectory() ? undefined : at;
    if (dirname(at) === at) return undefined;
  }
}

/** Missing, or under a file (ENOTDIR), or unreadable: undefined — the caller looks further up. */
function statOrUndefined(path: string): Stats | undefined {
  try {
    return statSync(path);
  } catch {
    return undefined;
  }
}

/**
 * A file where a directory is needed (`--data FILE`, or `events`, `projections`, `reports` a
 * file): a recursive mkdir says EEXIST when the path itself is a file, ENOTDIR when a parent is;
 * either way the operator needs the name of the file in the way. EEXIST means that only from
 * mkdir and only when the path is not a directory (elsewhere it is another condition).
 */
function notADirectory(error: unknown, errno: string): CliError | undefined {
  const { syscall, path } = error as { syscall?: unknown; path?: unknown };
  if (typeof path !== 'string' || !(errno === 'ENOTDIR' || (errno === 'EEXIST' && syscall === 'mkdir'))) return undefined;
  // From the path itself up: scandir('x/events') says ENOTDIR when `events` is the file,
  // open('x/file/y') when a parent is.
  const file = fileInTheWay(path);
  if (file === undefined) return undefined;
  const needed = file === path ? '' : ` (needed for ${path})`;
  return new CliError('not_a_directory', `${file} is a file, not a directory${needed}: move it away or give another path`, { errno, path: file });
}

/** "X does not exist", or for a directory being made (mkdir under /proc, …) "cannot create X". */
function notFoundText(error: unknown, path: string): string {
  return (error as { syscall?: unknown }).syscall === 'mkdir' ? `cannot create ${path}` : `${path} does not exist`;
}

function systemError(original: unknown): CliError | undefined {
  const error = realCause(original);
  const errno = errnoOf(error);
  if (errno === undefined) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  const path = (error as { path?: unknown }).path;
  const details = { errno, ...(typeof path === 'string' ? { path } : {}) };
  const io = ioErrorCode(error);
  if (io !== undefined) return new CliError(io, `${ioErrorHint(io)} (${message})`, details);
  // The path first and what to check, the system's words kept in brackets (it said only
  // "ENOENT: no such file or directory, open '/tmp/nope.json'").
  if (errno === 'ENOENT') return new CliError('file_not_found', typeof path === 'string' ? `${notFoundText(error, path)}: check the path (${message})` : message, details);
  const inTheWay = notADirectory(error, errno);
  if (inTheWay !== undefined) return inTheWay;
  if (errno === 'ENOTDIR') return new CliError('not_a_directory', message, details);
  // A directory given where a file is read (`--genesis /tmp`): Node's read error names no path.
  if (errno === 'EISDIR') return new CliError('is_a_directory', `${typeof path === 'string' ? path : 'a path given as a file'} is a directory, not a file (${message})`, details);
  const socket = SOCKET_CODES[errno];
  return socket === undefined ? undefined : new CliError(socket, message, details);
}

/**
 * SQLite's failures that reach here still as better-sqlite3's SqliteError (its `code`: SQLITE_*,
 * extended codes included) → code, hint. SQLite holds only the projection, so a damaged file names
 * its remedy; where the file is known the projection reports these itself, naming it
 * (projection/sqlite/failure.ts: projection_damaged, read_only, permission_denied with the path).
 * A read-only mount and a file of another owner are the same SQLITE_READONLY here: the hint
 * names both.
 */
const SQLITE_CODES: ReadonlyArray<readonly [RegExp, string, string]> = [
  [/^SQLITE_(CORRUPT|NOTADB)(_|$)/, 'projection_damaged', 'the projection (<data>/projections/ledger.sqlite) is damaged: rebuild it from the block log with `pokt-ledger project --rebuild`'],
  [/^SQLITE_FULL$/, 'disk_full', ioErrorHint('disk_full')],
  [/^SQLITE_(READONLY|CANTOPEN|PERM|AUTH)(_|$)/, 'permission_denied', 'the projection cannot be opened or written: fix the owner or mode of <data>/projections/ and its files, or remount the file system read-write'],
  [/^SQLITE_IOERR(_|$)/, 'io_error', ioErrorHint('io_error')],
  [/^SQLITE_(BUSY|LOCKED)(_|$)/, 'projection_busy', "another process holds the projection's lock: let it finish (or stop it), then retry"],
];

function sqliteError(error: unknown): CliError | undefined {
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code !== 'string' || !code.startsWith('SQLITE_')) return undefined;
  const known = SQLITE_CODES.find(([pattern]) => pattern.test(code));
  if (known === undefined) return undefined;
  const message = error instanceof Error ? error.message : String(error);
  return new CliError(known[1], `${known[2]} (${code}: ${message})`, { sqlite: code });
}

/** Damage inside the log whose message names the place but not the way out (log_head_missing and log_records_lost name theirs). */
const DAMAGE_HINTS: ReadonlySet<string> = new Set(['log_record_corrupt', 'log_segment_sequence_broken', 'log_height_sequence_broken']);
const REPAIR_HINT = ' — restore the data directory from a backup, or keep the chain up to the damage with `pokt-ledger repair` (the rest is moved to events/torn/)';
/**
 * Damage to the log's two small files, whose messages said what was wrong but not what to do (QA
 * of 2026-12-06): a damaged head is what repair rewrites (its records are checked, none is lost
 * if all are whole); block-log.json repair cannot rebuild, so say what it holds.
 */
const FILE_HINTS: Readonly<Record<string, string>> = {
  log_head_corrupt: ' — restore events/head from a backup, or let `pokt-ledger repair` check the records and rewrite it',
  log_meta_invalid:
    ' — restore it from a backup; it holds one line, {"format":"pokt-ledger/block-log","version":1,"firstHeight":F,"head":true}, F being ledger.json\'s first_height (1 when absent)',
};

/**
 * A second writer on a data directory another live process writes to (a `node`, a serving
 * `start`, a `simulate` …): the log's message says who holds it but not what to do (docs walk of
 * 2026-12-07). The pid is what the LOCK file records (log/lock.ts: {"pid","hostname","nonce"});
 * on another host `kill` is run there.
 */
function lockedHint(context: Readonly<Record<string, unknown>>): string {
  const { pid, hostname } = context as { pid?: unknown; hostname?: unknown };
  if (typeof pid !== 'number') return ' — another process is writing to this data directory: stop it or wait for it to finish, then retry';
  const where = typeof hostname === 'string' ? ` on ${hostname}` : '';
  const kill = typeof hostname === 'string' && hostname !== osHostname() ? `kill ${pid} on ${hostname}` : `kill ${pid}`;
  return ` — another process (pid ${pid}${where}) is writing to this data directory: stop it (Ctrl-C in its terminal, or ${kill}) or wait for it to finish, then retry`;
}

export function asCliError(error: unknown): unknown {
  if (error instanceof CliError) return error;
  if (error instanceof BlockLogError) {
    // A failed write poisons the log; name the cause (disk_full, …), not the poisoning.
    const cause = (error.context as { cause?: unknown }).cause;
    // The message starts with its own code for programs that print it alone; the CLI prints the code already.
    const message = error.message.startsWith(`[${error.code}] `) ? error.message.slice(error.code.length + 3) : error.message;
    const hint = DAMAGE_HINTS.has(error.code) ? REPAIR_HINT : error.code === 'log_locked' ? lockedHint(error.context) : (FILE_HINTS[error.code] ?? '');
    return new CliError(error.code, `${message}${hint}`, { ...error.context, ...(typeof cause === 'string' ? { cause } : {}) });
  }
  if (error instanceof DataDirError || error instanceof QueryStateError) return new CliError(error.code, error.message, error.context);
  if (error instanceof ExplorerNotBuiltError) return new CliError(error.code, error.message);
  if (error instanceof SnapshotError || error instanceof SimulationSetupError) return new CliError(error.code, error.message);
  // The chain reached an upgrade to a version this ledger does not implement: it stops producing.
  if (error instanceof UpgradeRequiredError) return new CliError(error.code, error.message);
  if (error instanceof BlockRejectedError) return new CliError(error.code, error.message);
  if (error instanceof NoValidatorsError) return new CliError('no_validators', error.message);
  // `node` on a chain that cannot make its next block (the limit is the chain's: no option helps).
  if (error instanceof BlockLimitBelowHeaderError) return new CliError(error.code, error.message, error.context);
  if (error instanceof GenesisError) return new CliError(error.code, error.message, error.problems);
  if (error instanceof BlockDecodeError) return new CliError('record_malformed', error.message);
  // Every command that opens the projection (project, audit, serve, start, rollback, node, …).
  if (error instanceof ProjectionError) return new CliError(error.code, error.message, Object.keys(error.context).length === 0 ? undefined : error.context);
  if (error instanceof SimulationFailure) return new CliError('simulation_failed', error.message, { seed: error.seed, height: error.height, kind: error.kind, ...(error.context === undefined ? {} : { facts: error.context }) });
  return sqliteError(error) ?? postgresError(error) ?? systemError(error) ?? error;
}

/**
 * PostgreSQL's refusals that reach here as the driver's errors (`--postgres`: project, serve) →
 * code, hint, by SQLSTATE (PostgreSQL manual, appendix A). The most common misconfigurations —
 * a wrong password, a role or database that does not exist, a standby given to the writer —
 * were internal errors calling themselves bugs (QA of 2026-12-06).
 */
const POSTGRES_STATES: Readonly<Record<string, readonly [string, string]>> = {
  '28P01': ['postgres_auth_failed', 'PostgreSQL refused the password: check the user and password in the --postgres URL (or PGPASSWORD)'],
  '28000': ['postgres_auth_failed', 'PostgreSQL refused the role: check the user in the --postgres URL and the server\'s pg_hba.conf'],
  '3D000': ['postgres_database_missing', 'the database in the --postgres URL does not exist: create it (createdb) or name another'],
  '42501': ['database_permission_denied', 'the role in the --postgres URL may not do this: grant it (project needs to create tables in the schema; serve needs SELECT)'],
  '25006': ['postgres_read_only', 'this PostgreSQL server accepts no writes (a streaming replica?): project into the primary; replicas are for serve'],
};

function postgresError(error: unknown): CliError | undefined {
  const { code, message, severity } = (error ?? {}) as { code?: unknown; message?: unknown; severity?: unknown };
  const text = typeof message === 'string' ? message : '';
  // The driver's own: a server asking for a password when the URL has none.
  if (/^SASL: .*password must be a string/.test(text)) return new CliError('postgres_auth_failed', 'PostgreSQL asks for a password and the --postgres URL gives none: put it in the URL (postgres://user:password@host/db) or in PGPASSWORD');
  if (typeof code !== 'string' || typeof severity !== 'string') return undefined;
  const known = POSTGRES_STATES[code];
  return known === undefined ? undefined : new CliError(known[0], `${known[1]} (${code}: ${text})`, { sqlstate: code });
}

/** Runs a command action, turning runtime errors into CliErrors. */
export async function withCliErrors<T>(action: () => Promise<T> | T): Promise<T> {
  try {
    return await action();
  } catch (error) {
    throw asCliError(error);
  }
}
