/**
 * The live node's block producer: every `intervalMs` (and whenever asked), take the mempool's
 * oldest txs that fit the block's byte budget, and let the ChainWriter build (proposer lottery,
 * last commit, header), apply and append the block; then update the mempool.
 *
 * Block time: the node's wall clock — a live node's input, recorded in the header, never read by
 * the reducer — forced strictly increasing (at least 1 ms after the previous block, never before
 * genesis), as Tendermint's BFT time is.
 *
 * Production is synchronous (build → apply → append), so an HTTP request is handled either
 * entirely before or entirely after a block: the mempool and the state never interleave.
 *
 * A failed block (full disk, read-only remount, I/O error, …) pauses production instead of
 * stopping it: the writer discards the state the block touched (chain-writer.ts), and a retry
 * timer with exponential backoff (production-health.ts) recovers the writer and produces the
 * block again until it succeeds. Meanwhile `health` says why, and the interval does nothing.
 * One failure is not retried: a next block whose header alone is over Block.MaxBytes
 * (BlockLimitBelowHeaderError) can never be built — production stops for good, said once.
 */
import type { ProducedBlock } from '../runtime/chain-writer.js';
import type { ChainWriter } from '../runtime/chain-writer.js';
import type { LedgerState } from '../chain/ledger-state.js';
import { NoValidatorsError } from '../chain/producer.js';
import { UpgradeRequiredError } from '../modules/gov/index.js';
import { BlockLimitBelowHeaderError, buildableTxBudgetBytes, txBudgetBytes } from './block-budget.js';
import type { Mempool, MempoolUpdate } from './mempool.js';
import { DEFAULT_RETRY_BACKOFF, failureReason, ProductionUnavailableError, retryDelayMs, type FailureReason, type ProductionHealth, type RetryBackoff } from './production-health.js';

const MS_NS = 1_000_000n;

export interface BlockProducerOptions {
  /** Nanoseconds since the epoch (default: the wall clock). */
  readonly clockNs?: () => bigint;
  /** Most txs per block (default: only the byte budget limits). */
  readonly maxTxsPerBlock?: number;
  readonly onBlock?: (block: ProducedBlock, mempool: MempoolUpdate) => void;
  /** A block (or a retry) failed; production pauses and is retried after `retryInMs`. */
  readonly onError?: (error: unknown, health: ProductionHealth) => void;
  /** Production resumed after `failures` failed attempts. */
  readonly onRecovered?: (failures: number) => void;
  /** A due snapshot failed; the block is durable and the snapshot is retried at a later block. */
  readonly onSnapshotError?: (error: unknown, height: number) => void;
  readonly retryBackoff?: RetryBackoff;
}

interface Paused {
  readonly reason: FailureReason;
  readonly since: number;
  readonly failures: number;
  /** undefined: stopped for good (no retry can help). */
  readonly retryAt: number | undefined;
}

export function wallClockNs(): bigint {
  return BigInt(Date.now()) * MS_NS;
}

export class BlockProducer {
  private timer: NodeJS.Timeout | undefined;
  private retryTimer: NodeJS.Timeout | undefined;
  private paused: Paused | undefined;
  private stopped = false;
  private budget: { readonly state: LedgerState; readonly height: number; readonly bytes: number } | undefined;
  /** When the interval's next tick is due (ms since the epoch); undefined when blocks come only on demand. */
  private nextTickAt: number | undefined;

  constructor(
    readonly writer: ChainWriter,
    readonly mempool: Mempool,
    private readonly options: BlockProducerOptions = {},
  ) {}

  /** The next block's time: the clock, but strictly after the previous block. */
  nextBlockTimeNs(): bigint {
    const now = (this.options.clockNs ?? wallClockNs)();
    const floor = this.writer.lastBlockTimeNs + MS_NS;
    return now > floor ? now : floor;
  }

  /**
   * Tx bytes (framed) the next block can hold: what rawtx admits at most (Tendermint's preCheck)
   * and what a waiting tx must still fit after each block. The header's size depends on the state
   * at the tip (last commit, proposer, the consensus block limit), not on the time (a fixed-width int64 of
   * nanoseconds this era), so it is computed once per height — keyed on the height as well as the
   * state object, which the writer changes in place block after block (and replaces on recover).
   * Where no next block can be built (an upgrade halt, no validators) no tx fits a block and none
   * can be produced either: the budget is then unbounded, and production's own pause says why.
   */
  nextBlockTxBudget(): number {
    const { state, height } = this.writer;
    if (this.budget?.state !== state || this.budget.height !== height) this.budget = { state, height, bytes: this.budgetOrUnbounded(state) };
    return this.budget.bytes;
  }

  /**
   * Throws BlockLimitBelowHeaderError when the next block cannot be built for its header's size
   * (node.ts: a startup error). Where no next block can be built for another reason (an upgrade
   * halt, no validators) nothing is said here: production's own pause says why.
   */
  assertNextBlockBuildable(): void {
    try {
      buildableTxBudgetBytes(this.writer.state, { timeNs: this.nextBlockTimeNs() });
    } catch (error) {
      if (error instanceof UpgradeRequiredError || error instanceof NoValidatorsError) return;
      throw error;
    }
  }

  private budgetOrUnbounded(state: LedgerState): number {
    try {
      return txBudgetBytes(state, { timeNs: this.nextBlockTimeNs() });
    } catch (error) {
      if (error instanceof UpgradeRequiredError || error instanceof NoValidatorsError) return Number.POSITIVE_INFINITY;
      throw error;
    }
  }

  /**
   * Build, apply and append the next block from the mempool now. While production is paused,
   * or if this block fails, throws ProductionUnavailableError (the retry timer takes over).
   */
  produceNext(): ProducedBlock {
    if (this.paused !== undefined) throw new ProductionUnavailableError(this.health);
    try {
      return this.produceNow();
    } catch (error) {
      this.pause(error);
      throw new ProductionUnavailableError(this.health);
    }
  }

  private produceNow(): ProducedBlock {
    const timeNs = this.nextBlockTimeNs();
    const chosen = this.mempool.reap(buildableTxBudgetBytes(this.writer.state, { timeNs }), this.options.maxTxsPerBlock);
    const produced = this.writer.produce({ timeNs, txs: chosen.map((tx) => tx.bytes) }, chosen);
    const deliveredOk = new Set(produced.result.receipts.filter((receipt) => receipt.code === 0).map((receipt) => receipt.hash));
    const update = this.mempool.update(this.writer.state, chosen, this.nextBlockTxBudget(), deliveredOk);
    if (produced.snapshotError !== undefined) this.options.onSnapshotError?.(produced.snapshotError, produced.result.height);
    this.options.onBlock?.(produced, update);
    return produced;
  }

  /** Can produce; else why not (GET /v1/ledger/health). */
  get health(): ProductionHealth {
    const paused = this.paused;
    if (paused === undefined) return { status: 'ok', failures: 0 };
    return {
      status: this.writer.stateAvailable ? 'not_producing' : 'state_unavailable',
      reason: paused.reason,
      failures: paused.failures,
      since: new Date(paused.since).toISOString(),
      ...(paused.retryAt === undefined ? {} : { retryInMs: Math.max(0, paused.retryAt - Date.now()) }),
    };
  }

  private pause(error: unknown): void {
    const failures = (this.paused?.failures ?? 0) + 1;
    const delay = retryDelayMs(this.options.retryBackoff ?? DEFAULT_RETRY_BACKOFF, failures);
    // A header over the limit stays over it (only a block could change either): retrying — each
    // time rebuilding the state from the log — would fail the same way forever.
    const retry = !(error instanceof BlockLimitBelowHeaderError);
    this.paused = { reason: failureReason(error), since: this.paused?.since ?? Date.now(), failures, retryAt: retry ? Date.now() + delay : undefined };
    this.options.onError?.(error, this.health);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.retryTimer = undefined;
    if (retry && !this.stopped) this.retryTimer = setTimeout(() => void this.retry(), delay);
  }

  /** Repair the writer (rebuild the state, reopen the log), re-check the mempool, produce the block again. */
  private async retry(): Promise<void> {
    this.retryTimer = undefined;
    const failures = this.paused?.failures ?? 0;
    try {
      await this.writer.recover();
      if (this.stopped) return;
      this.mempool.update(this.writer.state, [], this.nextBlockTxBudget());
      this.produceNow();
    } catch (error) {
      if (!this.stopped) this.pause(error);
      return;
    }
    this.paused = undefined;
    this.options.onRecovered?.(failures);
  }

  /**
   * Milliseconds until the interval's next block is due (0 when overdue), or undefined when no
   * interval runs (blocks only on demand): how long a client refused for a full mempool should
   * wait before a block makes room (server.ts, Retry-After).
   */
  msUntilNextBlock(): number | undefined {
    return this.nextTickAt === undefined ? undefined : Math.max(0, this.nextTickAt - Date.now());
  }

  /** Produce a block every `intervalMs` until stop(); ticks while paused do nothing. */
  start(intervalMs: number): void {
    this.stop();
    this.stopped = false;
    this.nextTickAt = Date.now() + intervalMs;
    this.timer = setInterval(() => {
      this.nextTickAt = Date.now() + intervalMs;
      if (this.paused !== undefined) return;
      try {
        this.produceNext();
      } catch {
        // Reported through onError by pause(); the retry timer resumes production.
      }
    }, intervalMs);
  }

  stop(): void {
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    if (this.retryTimer !== undefined) clearTimeout(this.retryTimer);
    this.timer = undefined;
    this.retryTimer = undefined;
    this.nextTickAt = undefined;
  }
}
