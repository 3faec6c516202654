/**
 * Whether the node can produce, and if not, why — what `GET /v1/ledger/health` answers and what
 * `POST /v1/client/rawtx` / `POST /v1/ledger/produce` give as their 503 reason.
 *
 *   ok                 producing; the served state is the last durable block
 *   not_producing      a block failed (reason: disk_full, read_only, …); the served state is the
 *                      last durable block; production is retried with backoff
 *   state_unavailable  a block failed after it changed the in-memory state, which was discarded
 *                      and is being rebuilt from the log (queries answer 503 meanwhile)
 */
import { ioErrorCode, ioErrorHint } from '../core/io-error.js';
export const DEFAULT_RETRY_BACKOFF = { initialMs: 1_000, maxMs: 60_000 };
/** Worked example (defaults): failures 1, 2, 3, … wait 1 s, 2 s, 4 s, … 32 s, then 60 s each. */
export function retryDelayMs(backoff, failures) {
    return Math.min(backoff.maxMs, backoff.initialMs * 2 ** Math.min(Math.max(failures - 1, 0), 30));
}
/** The coded reason of a failed block: an OS condition by name, else the error's own code. */
export function failureReason(error) {
    const message = error instanceof Error ? error.message : String(error);
    const io = ioErrorCode(error);
    if (io !== undefined)
        return { code: io, message: `${ioErrorHint(io)} (${message})` };
    const code = error?.code;
    return { code: typeof code === 'string' ? code : 'internal_error', message };
}
/** A produce request while production is paused, or the block that just failed: HTTP 503. */
export class ProductionUnavailableError extends Error {
    health;
    name = 'ProductionUnavailableError';
    constructor(health) {
        super(`block production is paused (${health.status}): [${health.reason?.code ?? 'unknown'}] ${health.reason?.message ?? ''}`);
        this.health = health;
    }
}
//# sourceMappingURL=production-health.js.map