/**
 * The projection's coded errors, apart from the engine so that the SQLite writer thread
 * (sqlite/writer-thread.ts) loads them without the projectors: its start-up time is on the
 * catch-up's critical path.
 */

export class ProjectionError extends Error {
  override readonly name = 'ProjectionError';
  constructor(
    readonly code: string,
    message: string,
    readonly details: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

/**
 * A database's refusal of an amount above 2^63 − 1 uPOKT, as a coded error (else the error
 * itself). Amounts are 64-bit integer columns (SQLite INTEGER, PostgreSQL BIGINT): Morse
 * mainnet's whole supply (~2.2 × 10^15 uPOKT) fits 4,000 times over, but an imported state may
 * not — Morse TestNet declares 147,576,951,550,267,926,499 uPOKT (1.5 × 10^20). The write is one
 * transaction, so nothing of it is kept; the chain itself is unaffected (verify reads the log).
 */
export function amountRangeError(error: unknown): unknown {
  const sqliteTooBig = error instanceof RangeError && /bigint is too big/.test(error.message);
  const pgOutOfRange = (error as { code?: unknown } | null)?.code === '22003';
  if (!sqliteTooBig && !pgOutOfRange) return error;
  return new ProjectionError('amount_out_of_range', `an amount above 2^63 − 1 uPOKT does not fit the projection's 64-bit integer columns (${(error as Error).message}); nothing of this write was kept`);
}
