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
import { Subject } from 'rxjs';
/** Envelopes for a block's events, in the order the reducer applied them. */
export function envelopeEvents(result) {
    const envelopes = [];
    const place = (source, event) => {
        envelopes.push({ height: result.height, timeNs: result.timeNs, source, index: envelopes.length, event });
    };
    for (const step of result.beginBlock) {
        const source = { kind: 'begin_block', step: step.step };
        for (const event of step.events)
            place(source, event);
    }
    for (const receipt of result.receipts) {
        if (receipt.events.length === 0)
            continue;
        const source = { kind: 'tx', txIndex: receipt.index, txHash: receipt.hash };
        for (const event of receipt.events)
            place(source, event);
    }
    for (const step of result.endBlock) {
        const source = { kind: 'end_block', step: step.step };
        for (const event of step.events)
            place(source, event);
    }
    return envelopes;
}
export function committedBlock(block, prepared, result) {
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
    subject = new Subject();
    fault = undefined;
    get blocks() {
        return this.subject.asObservable();
    }
    /** True when someone listens (producers skip building the envelope otherwise). */
    get observed() {
        return this.subject.observed;
    }
    /** Run `handler` on every block; its error stops the producer (see the DEV_NOTE above). */
    subscribe(handler) {
        return this.subject.subscribe((block) => {
            try {
                handler(block);
            }
            catch (error) {
                this.fault ??= error;
            }
        });
    }
    publish(block, prepared, result) {
        if (!this.subject.observed)
            return;
        this.subject.next(committedBlock(block, prepared, result));
        if (this.fault !== undefined) {
            const fault = this.fault;
            this.fault = undefined;
            throw fault;
        }
    }
    complete() {
        this.subject.complete();
    }
}
//# sourceMappingURL=committed-block.js.map