/**
 * `project --check --against-log`: the SQLite projection compared row by row with a projection
 * rebuilt from the block log up to the same height.
 *
 * Why: SQLite's quick_check (sqlite/whole-file-check.ts) proves every page well-formed, not every
 * value right — a bit flipped inside an amount or an address leaves a valid page, and the query
 * service would serve the changed value. The block log is checksummed record by record and its
 * replay checks every state root, so a projection rebuilt from it is the reference; a projection
 * is a pure function of the log up to its checkpoint (sqlite/compare-files.ts), so any difference
 * is damage, named by table, row key and both values.
 *
 * The rebuild goes to a scratch directory beside the projection (`projections/.against-log-<pid>-*`:
 * the same disk, which already holds one projection of this size; the system's temporary
 * directory may be a small tmpfs), removed afterwards — or by the next check, once the process
 * named in it is gone (a check killed mid-way). Where the projections directory cannot be written
 * (a read-only medium, an auditor's evidence disk) it goes to the system's temporary directory
 * instead (`pokt-ledger.against-log-<pid>-*`, swept the same way), with a notice naming it and the
 * room it needs. The projection itself is only read.
 * Cost: a `project --rebuild` up to the projection's height plus one ordered read of both files.
 */
import Database from 'better-sqlite3';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import type { ReplayProgress } from '../runtime/replay.js';
import { refusesWrites } from '../core/io-error.js';
import { processAlive } from '../log/index.js';
import { ProjectionDamaged, ProjectionError, aheadOfLogAdvice } from './errors.js';
import { project } from './run.js';
import { compareProjections, countRows, type Comparison, type RowDifference } from './sqlite/compare-files.js';
import { projectionFile, projectionsDir, readCheckpoint, requireCurrentSchema } from './sqlite/database.js';
import { projectionFailure } from './sqlite/failure.js';
import { openProjectionReadOnly } from './sqlite/read-only.js';

export interface AgainstLogOptions {
  /** The rebuild's replay progress (`projectedFrom`: the height it starts at). */
  readonly onProgress?: (progress: ReplayProgress, projectedFrom: number) => void;
  /** The comparison's progress: rows compared so far of `total`. */
  readonly onRows?: (done: number, total: number) => void;
  readonly onNotice?: (message: string) => void;
}

export interface AgainstLogReport {
  readonly file: string;
  /** The projection's checkpoint: the rebuild stopped there. */
  readonly height: number;
  readonly tables: number;
  readonly rows: number;
  readonly rebuild_seconds: number;
  readonly compare_seconds: number;
}

/** Scratch directories are `<projections>/.against-log-<pid>-<random>`: the pid says whether their check still runs. */
const SCRATCH_PREFIX = '.against-log-';

/** Where a check's scratch goes when the projections directory cannot be written: `<tmp>/pokt-ledger.against-log-<pid>-*`. */
const TMP_SCRATCH_PREFIX = `pokt-ledger${SCRATCH_PREFIX}`;

/**
 * Removes scratch rebuilds whose check was killed before its own clean-up (a full projection's
 * size each): beside the projection, and in the system's temporary directory, where a check of a
 * read-only medium made its own (scratchDirFor).
 */
function removeStaleScratch(projections: string, onNotice: AgainstLogOptions['onNotice']): void {
  removeStaleIn(projections, SCRATCH_PREFIX, onNotice);
  removeStaleIn(tmpdir(), TMP_SCRATCH_PREFIX, onNotice);
}

function removeStaleIn(dir: string, prefix: string, onNotice: AgainstLogOptions['onNotice']): void {
  for (const name of readdirSync(dir)) {
    if (!name.startsWith(prefix)) continue;
    const pid = Number(name.slice(prefix.length).split('-')[0]);
    if (!Number.isSafeInteger(pid) || pid <= 0 || processAlive(pid)) continue;
    try {
      rmSync(join(dir, name), { recursive: true, force: true });
    } catch (error) {
      // A directory this check cannot write (a read-only medium) keeps it; the check goes on.
      if (refusesWrites(error)) continue;
      throw error;
    }
    onNotice?.(`removed ${join(dir, name)}: the scratch rebuild of a check that did not finish (process ${pid} is gone)`);
  }
}

/**
 * The rebuild's scratch directory: beside the projection, or — where that cannot be written —
 * in the system's temporary directory, said with the room it needs (about the projection's size).
 */
function scratchDirFor(file: string, onNotice: AgainstLogOptions['onNotice']): string {
  try {
    return mkdtempSync(join(dirname(file), `${SCRATCH_PREFIX}${process.pid}-`));
  } catch (error) {
    if (!refusesWrites(error)) throw error;
    const code = String((error as { code?: unknown }).code);
    const scratch = mkdtempSync(join(tmpdir(), `${TMP_SCRATCH_PREFIX}${process.pid}-`));
    onNotice?.(`${dirname(file)} cannot be written (${code}): the rebuild from the block log goes to ${scratch} instead, removed at the end (it needs about the projection's size there, ${megabytes(statSync(file).size)})`);
    return scratch;
  }
}

function megabytes(bytes: number): string {
  return `${(bytes / 1_048_576).toFixed(1)} MB`;
}

/** How often (rows) the comparison reports progress: often enough for a bar, rarely enough to cost nothing. */
const ROWS_PER_REPORT = 10_000;

/**
 * The projection opened read only, inside one read transaction: a node projecting live beside
 * the check moves the file on, and this connection keeps seeing the height it started at (WAL
 * snapshot isolation; the WAL is not checkpointed past it meanwhile). A projection of another
 * schema version is refused before the rebuild: its tables would differ from this build's without
 * any damage (the catch-up of this build rebuilds it anyway).
 */
function openAtCheckpoint(file: string, dataDir: string): { db: Database.Database; height: number } {
  if (!existsSync(file)) throw new ProjectionError('projection_missing', `no projection at ${file}: nothing to check`, { file });
  let db: Database.Database | undefined;
  try {
    db = openProjectionReadOnly(file);
    db.exec('BEGIN');
    requireCurrentSchema(db, file, dataDir);
    const checkpoint = readCheckpoint(db);
    if (checkpoint === undefined) throw new ProjectionError('projection_missing', `${file} holds no projected block yet: nothing to check`, { file });
    return { db, height: checkpoint.height };
  } catch (error) {
    db?.close();
    // A damaged or unreadable file is a coded error naming it (sqlite/failure.ts).
    throw error instanceof ProjectionError ? error : projectionFailure(error, file);
  }
}

/** "table balances, row address=ab…, height=5: amount_upokt is 5 here, 4 from the block log". */
export function differenceText(difference: RowDifference): string {
  const key = Object.entries(difference.key).map(([column, value]) => `${column}=${value}`).join(', ');
  const row = key === '' ? `table ${difference.table}` : `table ${difference.table}, row ${key}`;
  if (difference.projection === null) return `${row}: missing (the block log gives ${JSON.stringify(difference.rebuilt)})`;
  if (difference.rebuilt === null) return `${row}: not in a rebuild from the block log (${JSON.stringify(difference.projection)})`;
  const columns = Object.keys(difference.rebuilt).map((column) => `${column} is ${difference.projection![column]} here, ${difference.rebuilt![column]} from the block log`);
  return `${row}: ${columns.join('; ')}`;
}

/**
 * Rebuilds `dataDir`'s projection from its block log into a scratch file up to the projection's
 * checkpoint and compares every row; resolves with the report when they are equal, rejects with
 * ProjectionDamaged naming the first difference (or projection_missing / projection_ahead_of_log).
 */
export async function checkAgainstLog(dataDir: string, options: AgainstLogOptions = {}): Promise<AgainstLogReport> {
  const file = projectionFile(dataDir);
  const { db: projection, height } = openAtCheckpoint(file, dataDir);
  let scratch: string | undefined;
  try {
    removeStaleScratch(projectionsDir(dataDir), options.onNotice);
    scratch = scratchDirFor(file, options.onNotice);
    const rebuiltFile = join(scratch, 'ledger.sqlite');
    const rebuild = await project(dataDir, {
      sqliteFile: rebuiltFile,
      to: height,
      ...(options.onProgress === undefined ? {} : { onProgress: options.onProgress }),
      ...(options.onNotice === undefined ? {} : { onNotice: options.onNotice }),
    });
    if (rebuild.height !== height) {
      throw new ProjectionError('projection_ahead_of_log', `the projection ${file} is at height ${height} but the block log ends at ${rebuild.log_height}: it was not made from this log as it is now; ${aheadOfLogAdvice(height, rebuild.log_height)}`, { file, height, log_height: rebuild.log_height });
    }
    const started = performance.now();
    const comparison = compareWithRebuild(projection, file, rebuiltFile, options.onRows);
    if (comparison.difference !== null) {
      throw new ProjectionDamaged(file, `it differs from a rebuild from the block log at height ${height}: ${differenceText(comparison.difference)}`, { difference: comparison.difference });
    }
    return { file, height, tables: comparison.tables, rows: comparison.rows, rebuild_seconds: rebuild.seconds, compare_seconds: Number(((performance.now() - started) / 1000).toFixed(3)) };
  } finally {
    projection.close();
    if (scratch !== undefined) rmSync(scratch, { recursive: true, force: true });
  }
}

/** Every row of `projection` against the rebuilt file, with progress every ROWS_PER_REPORT rows. */
function compareWithRebuild(projection: Database.Database, file: string, rebuiltFile: string, onRows: AgainstLogOptions['onRows']): Comparison {
  const rebuilt = new Database(rebuiltFile, { readonly: true, fileMustExist: true });
  try {
    const total = countRows(rebuilt);
    let done = 0;
    const comparison = compareProjections(projection, rebuilt, () => {
      if (++done % ROWS_PER_REPORT === 0) onRows?.(done, total);
    });
    onRows?.(comparison.rows, total);
    return comparison;
  } catch (error) {
    // A page SQLite cannot read on the way (quick_check was not run first): damage, named.
    throw projectionFailure(error, file);
  } finally {
    rebuilt.close();
  }
}
