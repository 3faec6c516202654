/**
 * uPOKT amounts in the projection: any integer pocket-core's sdk.Int holds (|x| < 2^255, 77
 * digits), stored exactly in both backends (migrations 006-big-amounts.sql).
 *
 *   SQLite:     an amount that fits int64 is an INTEGER (mainnet's whole supply, ~2.2 × 10^15,
 *               fits 4,000 times over, so mainnet-sized data is stored and read as before); a
 *               larger one is its canonical decimal TEXT (digits, no sign, no leading zero, 20
 *               to 78 digits or 19 above 9223372036854775807). The columns have no type
 *               affinity (an INTEGER column would turn such text into a lossy REAL) and their
 *               CHECK admits exactly those two forms, so each value has ONE stored form.
 *   PostgreSQL: NUMERIC(78,0); connect.ts reads it back as bigint.
 *
 * Every amount column's name contains `_upokt` (tables.ts `amounts`); rows carry bigint amounts
 * in memory (the projectors add and subtract them) and `storableRow` turns them into the stored
 * form at the write; `amountOf` turns either form back into a bigint at every read.
 * Example: 147576951550267926499n (Morse TestNet's supply, > 2^64) is stored as the text
 * '147576951550267926499' and read back as 147576951550267926499n; 5n is stored as INTEGER 5.
 */
import { ProjectionError } from './errors.js';
const INT64_MAX = (1n << 63n) - 1n;
const INT64_MIN = -(1n << 63n);
/** NUMERIC(78,0)'s bound, above sdk.Int's 2^255 (≈ 5.8 × 10^76). */
const STORABLE_BOUND = 10n ** 78n;
const CANONICAL = /^[1-9][0-9]{18,77}$/;
/** Whether a column holds uPOKT (the naming rule of migrations 001 and 006). */
export const isAmountColumn = (column) => column.includes('_upokt');
/** An amount as stored: itself within int64, else its decimal text; beyond what any backend stores, a coded error. */
export function storedAmount(value, column) {
    if (value <= INT64_MAX && value >= INT64_MIN)
        return value;
    if (value < 0n || value >= STORABLE_BOUND) {
        throw new ProjectionError('amount_out_of_range', `${column} = ${value} uPOKT is outside what the projection stores (−2^63 … 10^78 − 1; pocket-core's sdk.Int stays below 2^255); nothing of this write was kept`, {
            column,
            value: value.toString(),
        });
    }
    return value.toString();
}
/**
 * The row as the backends store it: the same array when every amount fits int64 (no copy on
 * mainnet-sized data), else a copy with the large amounts as decimal text.
 */
export function storableRow(table, row) {
    let stored = row;
    for (const i of table.amounts) {
        const cell = row[i];
        if (typeof cell !== 'bigint' || (cell <= INT64_MAX && cell >= INT64_MIN))
            continue;
        if (stored === row)
            stored = row.slice();
        stored[i] = storedAmount(cell, table.columns[i]);
    }
    return stored;
}
/** An amount cell read back (INTEGER as bigint, canonical TEXT, or PostgreSQL's bigint) as a bigint; anything else is a coded error, never a guess. */
export function amountOf(cell) {
    if (typeof cell === 'bigint')
        return cell;
    if (typeof cell === 'string' && CANONICAL.test(cell))
        return BigInt(cell);
    if (typeof cell === 'number' && Number.isSafeInteger(cell))
        return BigInt(cell);
    throw new ProjectionError('amount_unreadable', `a stored amount is neither an integer nor canonical decimal text: ${JSON.stringify(String(cell)).slice(0, 100)}`, { value: String(cell).slice(0, 100) });
}
/** An amount cell as pocket-core prints it (decimal). */
export const amountText = (cell) => amountOf(cell).toString();
export const amountOrNull = (cell) => (cell === null || cell === undefined ? null : amountOf(cell));
/** A row read back in the projectors' form: its amount cells as bigint (the resume of a restarted projector). */
export function rowWithAmounts(table, row) {
    for (const i of table.amounts)
        if (typeof row[i] === 'string')
            row[i] = amountOf(row[i]);
    return row;
}
//# sourceMappingURL=amounts.js.map