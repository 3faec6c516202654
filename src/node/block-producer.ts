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
 */
import type { ProducedBlock } from '../runtime/chain-writer.js';
import type { ChainWriter } from '../runtime/chain-writer.js';
import { txBudgetBytes } from './block-budget.js';
import type { Mempool, MempoolUpdate } from './mempool.js';

const MS_NS = 1_000_000n;

export interface BlockProducerOptions {
  /** Nanoseconds since the epoch (default: the wall clock). */
  readonly clockNs?: () => bigint;
  /** Most txs per block (default: only the byte budget limits). */
  readonly maxTxsPerBlock?: number;
  readonly onBlock?: (block: ProducedBlock, mempool: MempoolUpdate) => void;
  /** A block failed to apply or append (the producer stops its interval). */
  readonly onError?: (error: unknown) => void;
}

export function wallClockNs(): bigint {
  return BigInt(Date.now()) * MS_NS;
}

export class BlockProducer {
  private timer: NodeJS.Timeout | undefined;
  private failure: unknown;

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

  /** Build, apply and append the next block from the mempool now. */
  produceNext(): ProducedBlock {
    if (this.failure !== undefined) throw new Error(`the producer stopped after a failure: ${String(this.failure)}`);
    try {
      const timeNs = this.nextBlockTimeNs();
      const chosen = this.mempool.reap(txBudgetBytes(this.writer.state, timeNs), this.options.maxTxsPerBlock);
      const produced = this.writer.produce({ timeNs, txs: chosen.map((tx) => tx.bytes) }, chosen);
      const update = this.mempool.update(this.writer.state, chosen);
      this.options.onBlock?.(produced, update);
      return produced;
    } catch (error) {
      // A failed apply leaves the state half-applied (apply-block.ts): no further blocks.
      this.failure = error;
      this.stop();
      throw error;
    }
  }

  /** Produce a block every `intervalMs` until stop(). */
  start(intervalMs: number): void {
    this.stop();
    this.timer = setInterval(() => {
      try {
        this.produceNext();
      } catch (error) {
        this.options.onError?.(error);
      }
    }, intervalMs);
  }

  stop(): void {
    if (this.timer !== undefined) clearInterval(this.timer);
    this.timer = undefined;
  }

  get failed(): boolean {
    return this.failure !== undefined;
  }
}
