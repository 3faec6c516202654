/**
 * The projection's coded errors, apart from the engine so that the SQLite writer thread
 * (sqlite/writer-thread.ts) loads them without the projectors: its start-up time is on the
 * catch-up's critical path.
 */
import { dirname } from 'node:path';

export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(
    readonly code: string,
    message: string,
    /**
     * The facts (file, height, …). Not named `details`, like BlockLogError's and CliError's: uvu's
     * reporter calls `err.details.split()` and prints nothing for a failing test whose error has an
     * object there.
     */
    readonly context: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * What a projection that is not this chain's as it is now (ahead of its log, another history)
 * asks of the operator. A PostgreSQL database may be shared: a database holding ANOTHER chain's
 * projection was refused with "rebuild it", and following that advice wipes the other chain's
 * projection (QA of 2026-12-06) — so the advice says so.
 */
export const REBUILD_ADVICE =
  "rebuild it ('pokt-ledger project --rebuild', with the same --postgres URL for a PostgreSQL projection — which replaces what that database holds: if it is another chain's projection, give this chain a database of its own instead)";

/**
 * What a projection AHEAD of its log asks: the log was cut back (rollback, repair: then rebuild),
 * or it lost the blocks the projection still holds (events/ restored from an older copy, a power
 * loss under fsync 'never') — and then the projection's rows are the last trace of those blocks,
 * which a rebuild discards. The data directory cannot tell the two apart (a deliberate rollback
 * may leave a PostgreSQL projection ahead), so the operator is asked, before the rebuild advice.
 * Example: projection at 20, log at 0 → "… unless the log was cut back on purpose (rollback,
 * repair), it has lost blocks 1–20: restore events/ from a copy that reaches height 20 first; …".
 */
export function aheadOfLogAdvice(projectionHeight: number | bigint, logHeight: number | bigint): string {
  const lost = BigInt(projectionHeight) === BigInt(logHeight) + 1n ? `block ${projectionHeight}` : `blocks ${BigInt(logHeight) + 1n}–${projectionHeight}`;
  return `unless the log was cut back on purpose (rollback, repair), it has lost ${lost}: restore events/ from a copy that reaches height ${projectionHeight} first (a rebuild discards the projection's rows of them); otherwise ${REBUILD_ADVICE}`;
}

/** SQLite's codes (better-sqlite3's SqliteError `code`, extended ones included) for a damaged file. */
const DAMAGED_CODES = /^SQLITE_(CORRUPT|NOTADB)(_|$)/;

/** Whether SQLite says its file is damaged (SQLITE_CORRUPT_INDEX, SQLITE_NOTADB, …). */
export function isDamagedDatabase(error: unknown): boolean {
  const code = (error as { code?: unknown } | null)?.code;
  return typeof code === 'string' && DAMAGED_CODES.test(code);
}

/**
 * The projection's file is damaged (a page overwritten or lost, a truncated file): its rows
 * cannot be trusted. The projection is derived from the block log, so the remedy is always the
 * same, and the message names it: rebuild (<data> is two levels above the file).
 */
export class ProjectionDamaged extends ProjectionError {
  /** `where`: more facts for programs (against-log.ts: the table, the row's key, both sides' values). */
  constructor(file: string, readonly reason: string, where: Record<string, unknown> = {}) {
    super('projection_damaged', `the projection ${file} is damaged (${reason}): rebuild it from the block log with \`pokt-ledger project --data ${dirname(dirname(file))} --rebuild\``, { file, reason, ...where });
  }
}

/** `error` as ProjectionDamaged when SQLite found `file` damaged, else `error` itself. */
export function damagedProjection(error: unknown, file: string): unknown {
  return isDamagedDatabase(error) ? new ProjectionDamaged(file, (error as Error).message) : error;
}

/**
 * A database's refusal of a number too wide for its column, as a coded error (else the error
 * itself). Amounts, times in ns and max relays are stored in any width sdk.Int holds (amounts.ts;
 * a wider one is refused before the write as `amount_out_of_range` too), so this is defence in
 * depth: better-sqlite3's RangeError for a bigint beyond int64 in any other column, PostgreSQL's 22003
 * numeric_value_out_of_range. The write is one transaction, so nothing of it is kept; the chain
 * itself is unaffected (verify reads the log).
 */
export function amountRangeError(error: unknown): unknown {
  const sqliteTooBig = error instanceof RangeError && /bigint is too big/.test(error.message);
  const pgOutOfRange = (error as { code?: unknown } | null)?.code === '22003';
  if (!sqliteTooBig && !pgOutOfRange) return error;
  return new ProjectionError('amount_out_of_range', `a number does not fit its projection column (${(error as Error).message}); nothing of this write was kept`);
}
