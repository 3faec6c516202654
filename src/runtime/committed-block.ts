/**
 * The committed-block stream: one rxjs Subject that every producer of blocks (ChainWriter.produce
 * — the node and the simulator — and replay, which `project` and ingest-style catch-up use)
 * publishes to after a block is final, and that projectors subscribe to.
 *
 * Each item carries the block, its receipts, every domain event in an envelope that says where
 * it happened (height, block time, source step or tx, index within the block), and the state root
 * after it. The envelope is added here, from the reducer's BlockResult, so modules keep their
 * plain event types and the reducer's hot path builds nothing when no one listens
 * (`publish` returns at once without subscribers).
 *
 * rxjs stays at this edge (runtime/, projection/): never in modules/ or chain/.
 */
import { Subject, type Observable, type Subscription } from 'rxjs';
import type { BlockResult } from '../chain/apply-block.js';
import type { Block } from '../chain/block.js';
import type { DomainEvent } from '../chain/events.js';
import type { PreparedTx } from '../chain/prepare.js';
import type { TxReceipt } from '../chain/receipts.js';

/** Where in the block an event was emitted. */
export type EventSource =
  | { readonly kind: 'begin_block'; readonly step: string }
  | { readonly kind: 'tx'; readonly txIndex: number; readonly txHash: string }
  | { readonly kind: 'end_block'; readonly step: string };

/** A domain event with its place: the spine every projection and audit reads. */
export interface EventEnvelope<E extends DomainEvent = DomainEvent> {
  readonly height: number;
  readonly timeNs: bigint;
  readonly source: EventSource;
  /** 0-based position among all of the block's events (BeginBlock, txs, EndBlock order). */
  readonly index: number;
  readonly event: E;
}

export interface CommittedBlock {
  readonly block: Block;
  /** The block's txs as decoded by ingest (same order as block.txs). */
  readonly prepared: readonly PreparedTx[];
  readonly receipts: readonly TxReceipt[];
  readonly events: readonly EventEnvelope[];
  /** Hex state root after the block. */
  readonly stateRoot: string;
  readonly blockHash: string;
}

/** Envelopes for a block's events, in the order the reducer applied them. */
export function envelopeEvents(result: BlockResult): EventEnvelope[] {
  const envelopes: EventEnvelope[] = [];
  const place = (source: EventSource, event: DomainEvent): void => {
    envelopes.push({ height: result.height, timeNs: result.timeNs, source, index: envelopes.length, event });
  };
  for (const step of result.beginBlock) {
    const source: EventSource = { kind: 'begin_block', step: step.step };
    for (const event of step.events) place(source, event);
  }
  for (const receipt of result.receipts) {
    if (receipt.events.length === 0) continue;
    const source: EventSource = { kind: 'tx', txIndex: receipt.index, txHash: receipt.hash };
    for (const event of receipt.events) place(source, event);
  }
  for (const step of result.endBlock) {
    const source: EventSource = { kind: 'end_block', step: step.step };
    for (const event of step.events) place(source, event);
  }
  return envelopes;
}

export function committedBlock(block: Block, prepared: readonly PreparedTx[], result: BlockResult): CommittedBlock {
  return { block, prepared, receipts: result.receipts, events: envelopeEvents(result), stateRoot: result.stateRoot, blockHash: result.blockHash };
}

/**
 * The stream. Subscribers run synchronously inside `publish` (a Subject delivers in the caller's
 * tick), so a block's projection is written before the producer moves on.
 *
 * DEV_NOTE: rxjs 7 does not rethrow an error thrown by a subscriber's `next`; it reports it later
 * on a timer, after the producer has moved on. Subscribe through `subscribe()` here: it catches
 * the handler's error and `publish` rethrows it synchronously, so a failing projector stops the
 * producer at that block instead of silently missing it.
 */
export class CommittedBlockStream {
  private readonly subject = new Subject<CommittedBlock>();
  private fault: unknown = undefined;

  get blocks(): Observable<CommittedBlock> {
    return this.subject.asObservable();
  }

  /** True when someone listens (producers skip building the envelope otherwise). */
  get observed(): boolean {
    return this.subject.observed;
  }

  /** Run `handler` on every block; its error stops the producer (see the DEV_NOTE above). */
  subscribe(handler: (block: CommittedBlock) => void): Subscription {
    return this.subject.subscribe((block) => {
      try {
        handler(block);
      } catch (error) {
        this.fault ??= error;
      }
    });
  }

  publish(block: Block, prepared: readonly PreparedTx[], result: BlockResult): void {
    if (!this.subject.observed) return;
    this.subject.next(committedBlock(block, prepared, result));
    if (this.fault !== undefined) {
      const fault = this.fault;
      this.fault = undefined;
      throw fault;
    }
  }

  complete(): void {
    this.subject.complete();
  }
}
