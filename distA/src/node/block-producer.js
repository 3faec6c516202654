import { txBudgetBytes } from './block-budget.js';
import { DEFAULT_RETRY_BACKOFF, failureReason, ProductionUnavailableError, retryDelayMs } from './production-health.js';
const MS_NS = 1000000n;
export function wallClockNs() {
    return BigInt(Date.now()) * MS_NS;
}
export class BlockProducer {
    writer;
    mempool;
    options;
    timer;
    retryTimer;
    paused;
    stopped = false;
    constructor(writer, mempool, options = {}) {
        this.writer = writer;
        this.mempool = mempool;
        this.options = options;
    }
    /** The next block's time: the clock, but strictly after the previous block. */
    nextBlockTimeNs() {
        const now = (this.options.clockNs ?? wallClockNs)();
        const floor = this.writer.lastBlockTimeNs + MS_NS;
        return now > floor ? now : floor;
    }
    /**
     * Build, apply and append the next block from the mempool now. While production is paused,
     * or if this block fails, throws ProductionUnavailableError (the retry timer takes over).
     */
    produceNext() {
        if (this.paused !== undefined)
            throw new ProductionUnavailableError(this.health);
        try {
            return this.produceNow();
        }
        catch (error) {
            this.pause(error);
            throw new ProductionUnavailableError(this.health);
        }
    }
    produceNow() {
        const timeNs = this.nextBlockTimeNs();
        const chosen = this.mempool.reap(txBudgetBytes(this.writer.state, timeNs), this.options.maxTxsPerBlock);
        const produced = this.writer.produce({ timeNs, txs: chosen.map((tx) => tx.bytes) }, chosen);
        const update = this.mempool.update(this.writer.state, chosen);
        if (produced.snapshotError !== undefined)
            this.options.onSnapshotError?.(produced.snapshotError, produced.result.height);
        this.options.onBlock?.(produced, update);
        return produced;
    }
    /** Can produce; else why not (GET /v1/ledger/health). */
    get health() {
        const paused = this.paused;
        if (paused === undefined)
            return { status: 'ok', failures: 0 };
        return {
            status: this.writer.stateAvailable ? 'not_producing' : 'state_unavailable',
            reason: paused.reason,
            failures: paused.failures,
            since: new Date(paused.since).toISOString(),
            retryInMs: Math.max(0, paused.retryAt - Date.now()),
        };
    }
    pause(error) {
        const failures = (this.paused?.failures ?? 0) + 1;
        const delay = retryDelayMs(this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF, failures);
        this.paused = { reason: failureReason(error), since: this.paused?.since ?? Date.now(), failures, retryAt: Date.now() + delay };
        this.options.onError?.(error, this.health);
        if (this.retryTimer !== undefined)
            clearTimeout(this.retryTimer);
        if (!this.stopped)
            this.retryTimer = setTimeout(() => void this.retry(), delay);
    }
    /** Repair the writer (rebuild the state, reopen the log), re-check the mempool, produce the block again. */
    async retry() {
        this.retryTimer = undefined;
        const failures = this.paused?.failures ?? 0;
        try {
            await this.writer.recover();
            if (this.stopped)
                return;
            this.mempool.update(this.writer.state, []);
            this.produceNow();
        }
        catch (error) {
            if (!this.stopped)
                this.pause(error);
            return;
        }
        this.paused = undefined;
        this.options.onRecovered?.(failures);
    }
    /** Produce a block every `intervalMs` until stop(); ticks while paused do nothing. */
    start(intervalMs) {
        this.stop();
        this.stopped = false;
        this.timer = setInterval(() => {
            if (this.paused !== undefined)
                return;
            try {
                this.produceNext();
            }
            catch {
                // Reported through onError by pause(); the retry timer resumes production.
            }
        }, intervalMs);
    }
    stop() {
        this.stopped = true;
        if (this.timer !== undefined)
            clearInterval(this.timer);
        if (this.retryTimer !== undefined)
            clearTimeout(this.retryTimer);
        this.timer = undefined;
        this.retryTimer = undefined;
    }
}
//# sourceMappingURL=block-producer.js.map