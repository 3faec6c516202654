/**
 * Wide integers in the projection: every column whose value can leave int64 — the uPOKT amounts
 * and three more that governance can take past it (`isWideColumn`) — holds any integer
 * pocket-core's sdk.Int holds (|x| < 2^255, 77 digits), stored exactly in both backends
 * (migrations 006-big-amounts.sql and 009-wide-integers.sql).
 *
 *   SQLite:     a value that fits int64 is an INTEGER (mainnet's whole supply, ~2.2 × 10^15,
 *               fits 4,000 times over, and today's times in ns, ~1.7 × 10^18, fit too: so
 *               mainnet-sized data is stored and read as before); a larger one is its canonical
 *               decimal TEXT (an optional '-', then digits with no leading zero: 20 to 78 digits,
 *               or 19 beyond ±9223372036854775807/8). The columns have no type affinity (an
 *               INTEGER column would turn such text into a lossy REAL) and their CHECK admits
 *               exactly those two forms, so each value has ONE stored form.
 *   PostgreSQL: NUMERIC(78,0); connect.ts reads it back as bigint.
 *
 * Rows carry bigints in memory (the projectors add and subtract them) and `storableRow` turns
 * them into the stored form at the write; `integerOf` turns either form back into a bigint at
 * every read — the query routes' stores, the audit's recorded reads, a restarted projector.
 * Examples: 147576951550267926499n (Morse TestNet's supply, > 2^64) is stored as the text
 * '147576951550267926499'; an unstaking completion of block time 1.7 × 10^18 ns + an
 * UnstakingTime of 2^63 − 1 ns, 10923372036854775807n (year 2316), as '10923372036854775807';
 * a floored stake of −2^63 − 10^10 as '-9223372046854775808'; 5n as INTEGER 5.
 */
import { ProjectionError } from './errors.js';
import type { Row, TableSpec } from './tables.js';

const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
/** NUMERIC(78,0)'s bound (|x| < 10^78), above sdk.Int's 2^255 (≈ 5.8 × 10^76). */
const STORABLE_BOUND = 10n ** 78n;
const CANONICAL = /^-?[1-9][0-9]{18,77}$/;

/**
 * Columns besides the amounts whose value governance can take past int64 (pocket-core keeps
 * running with each; test/unit/gov/param-extremes-audit.test.ts has a chain for every one):
 *   unstaking_time_ns (nodes, apps), jailed_until_ns (signing_infos): block time + an
 *     UnstakingTime, AppUnstakingTime or DowntimeJailDuration of up to 2^63 − 1 ns; Go's
 *     time.Time holds it (int64 seconds from year 1), pocket-core keeps a date near year 2300
 *     (BlockHeader().Time.Add: x/nodes/keeper/valStateChanges.go:439, x/apps/keeper/appStateChanges.go:221,
 *     x/nodes/keeper/slash.go:289);
 *   max_relays (apps): sdk.BigInt, unbounded below and capped at 2^64 − 1 above
 *     (x/apps/keeper/application.go:145-166 CalculateAppRelays).
 * Block times (blocks.time_ns) stay int64: the block header's own field (chain/block.ts).
 */
const WIDE_BY_NAME: ReadonlySet<string> = new Set(['unstaking_time_ns', 'jailed_until_ns', 'max_relays']);

/** Whether a column holds uPOKT (the naming rule of migrations 001 and 006). */
export const isAmountColumn = (column: string): boolean => column.includes('_upokt');

/** Whether a column holds a wide integer (stored in the two forms): every amount, and the columns of WIDE_BY_NAME. */
export const isWideColumn = (column: string): boolean => isAmountColumn(column) || WIDE_BY_NAME.has(column);

const fitsInt64 = (value: bigint): boolean => value <= INT64_MAX && value >= INT64_MIN;

/** A wide integer as stored: itself within int64, else its decimal text; beyond what any backend stores, a coded error. */
export function storedInteger(value: bigint, column: string): bigint | string {
  if (fitsInt64(value)) return value;
  if (value >= STORABLE_BOUND || value <= -STORABLE_BOUND) {
    throw new ProjectionError('amount_out_of_range', `${column} = ${value} is outside what the projection stores (|x| < 10^78; pocket-core's sdk.Int stays below 2^255); nothing of this write was kept`, {
      column,
      value: value.toString(),
    });
  }
  return value.toString();
}

/**
 * The row as the backends store it: the same array when every wide cell fits int64 (no copy on
 * mainnet-sized data), else a copy with the large ones as decimal text.
 */
export function storableRow(table: TableSpec, row: Row): Row {
  let stored = row;
  for (const i of table.wide) {
    const cell = row[i];
    if (typeof cell !== 'bigint' || fitsInt64(cell)) continue;
    if (stored === row) stored = row.slice();
    stored[i] = storedInteger(cell, table.columns[i]!);
  }
  return stored;
}

/**
 * A wide cell read back (INTEGER as bigint, canonical TEXT, or PostgreSQL's bigint) as a bigint;
 * anything else — a non-canonical text, an int64 written as text, a REAL — is a coded error, never a guess.
 */
export function integerOf(cell: unknown): bigint {
  if (typeof cell === 'bigint') return cell;
  if (typeof cell === 'number' && Number.isSafeInteger(cell)) return BigInt(cell);
  if (typeof cell === 'string' && CANONICAL.test(cell)) {
    const value = BigInt(cell);
    if (!fitsInt64(value)) return value;
  }
  throw new ProjectionError('amount_unreadable', `a stored wide integer is neither an integer nor canonical decimal text: ${JSON.stringify(String(cell)).slice(0, 100)}`, { value: String(cell).slice(0, 100) });
}

/** A wide cell as pocket-core prints an sdk.Int (decimal). */
export const integerText = (cell: unknown): string => integerOf(cell).toString();

export const integerOrNull = (cell: unknown): bigint | null => (cell === null || cell === undefined ? null : integerOf(cell));

/** A row read back in the projectors' form: its wide cells as bigint (the resume of a restarted projector). */
export function rowWithIntegers(table: TableSpec, row: Row): Row {
  for (const i of table.wide) if (typeof row[i] === 'string') row[i] = integerOf(row[i]);
  return row;
}
