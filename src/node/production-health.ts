/**
 * Whether the node can produce, and if not, why — what `GET /v1/ledger/health` answers and what
 * `POST /v1/client/rawtx` / `POST /v1/ledger/produce` give as their 503 reason.
 *
 *   ok                 producing; the served state is the last durable block
 *   not_producing      a block failed (reason: disk_full, read_only, …); the served state is the
 *                      last durable block; production is retried with backoff — not for
 *                      block_limit_below_header (no retry can build that block: no retryInMs)
 *   state_unavailable  a block failed after it changed the in-memory state, which was discarded
 *                      and is being rebuilt from the log (queries answer 503 meanwhile)
 */
import { ioErrorCode, ioErrorHint } from '../core/io-error.js';

export type ProductionStatus = 'ok' | 'not_producing' | 'state_unavailable';

export interface FailureReason {
  readonly code: string;
  readonly message: string;
}

export interface ProductionHealth {
  readonly status: ProductionStatus;
  readonly reason?: FailureReason;
  /** Consecutive failed attempts (the failed block and its retries). */
  readonly failures: number;
  /** When production first failed (ISO 8601). */
  readonly since?: string;
  /** Until the next attempt; absent when production stopped for good (block_limit_below_header). */
  readonly retryInMs?: number;
}

/**
 * Retry-After of a paused node's 503 (RFC 9110 §10.2.3, whole seconds): until production's next
 * retry, rounded up, at least 1; undefined when none is scheduled (stopped for good, or ok).
 * Example: retryInMs 1,500 → 2; 0 (due now) → 1.
 */
export function productionRetryAfterSeconds(health: ProductionHealth): number | undefined {
  return health.retryInMs === undefined ? undefined : Math.max(1, Math.ceil(health.retryInMs / 1000));
}

/** Backoff of production retries: initialMs, doubling per failure, at most maxMs. */
export interface RetryBackoff {
  readonly initialMs: number;
  readonly maxMs: number;
}

export const DEFAULT_RETRY_BACKOFF: RetryBackoff = { initialMs: 1_000, maxMs: 60_000 };

/** Worked example (defaults): failures 1, 2, 3, … wait 1 s, 2 s, 4 s, … 32 s, then 60 s each. */
export function retryDelayMs(backoff: RetryBackoff, failures: number): number {
  return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}

/** The coded reason of a failed block: an OS condition by name, else the error's own code. */
export function failureReason(error: unknown): FailureReason {
  const message = error instanceof Error ? error.message : String(error);
  const io = ioErrorCode(error);
  if (io !== undefined) return { code: io, message: `${ioErrorHint(io)} (${message})` };
  const code = (error as { code?: unknown } | null)?.code;
  return { code: typeof code === 'string' ? code : 'internal_error', message };
}

/** A produce request while production is paused, or the block that just failed: HTTP 503. */
export class ProductionUnavailableError extends Error {
  override readonly name = 'ProductionUnavailableError';
  constructor(readonly health: ProductionHealth) {
    super(`block production is paused (${health.status}): [${health.reason?.code ?? 'unknown'}] ${health.reason?.message ?? ''}`);
  }
}
