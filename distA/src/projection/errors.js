/**
 * The projection's coded errors, apart from the engine so that the SQLite writer thread
 * (sqlite/writer-thread.ts) loads them without the projectors: its start-up time is on the
 * catch-up's critical path.
 */
export class ProjectionError extends Error {
    code;
    details;
    name = 'ProjectionError';
    constructor(code, message, details = {}) {
        super(message);
        this.code = code;
        this.details = details;
    }
}
/**
 * A database's refusal of a number too wide for its column, as a coded error (else the error
 * itself). Amounts are stored in any width sdk.Int holds (amounts.ts; a wider one is refused
 * before the write as `amount_out_of_range` too), so this is defence in depth: better-sqlite3's
 * RangeError for a bigint beyond int64 in a non-amount column, PostgreSQL's 22003
 * numeric_value_out_of_range. The write is one transaction, so nothing of it is kept; the chain
 * itself is unaffected (verify reads the log).
 */
export function amountRangeError(error) {
    const sqliteTooBig = error instanceof RangeError && /bigint is too big/.test(error.message);
    const pgOutOfRange = error?.code === '22003';
    if (!sqliteTooBig && !pgOutOfRange)
        return error;
    return new ProjectionError('amount_out_of_range', `a number does not fit its projection column (${error.message}); nothing of this write was kept`);
}
//# sourceMappingURL=errors.js.map