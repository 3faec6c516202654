import { encodeBlock } from '../chain/block.js';
import { CHAIN_META_KEY } from '../state/chain-tables.js';
import { buildBlock } from '../chain/producer.js';
import { encodeRecord, packWriteSetLatin1 } from '../chain/record.js';
import { applyBlock, BlockRejectedError } from '../chain/apply-block.js';
import { DEFAULT_SNAPSHOT_RETENTION, pruneSnapshots, writeSnapshot } from '../snapshot/snapshot.js';
import { DataDirError } from './data-dir.js';
import { CommittedBlockStream } from './committed-block.js';
import { prepareVerifiedInline } from './ingest.js';
import { openChain, warnOnStderr } from './open-chain.js';
import { replay } from './replay.js';
/** The in-memory state was discarded after a failed block and is not rebuilt yet. */
export class StateUnavailableError extends Error {
    cause;
    name = 'StateUnavailableError';
    code = 'state_unavailable';
    constructor(cause) {
        super(`the state is being rebuilt from the log after a failed block (${cause instanceof Error ? cause.message : String(cause)})`);
        this.cause = cause;
    }
}
/** Snapshot retry after failures: 1, 2, 4, … blocks later, never later than the schedule. */
function snapshotRetryDelay(failures, every) {
    return Math.min(every, 2 ** Math.min(failures - 1, 30));
}
export class ChainWriter {
    dir;
    config;
    current;
    log;
    options;
    stream;
    damage;
    snapshotFailures = 0;
    snapshotRetryAt = 0;
    closed = false;
    constructor(dir, config, current, log, options, stream) {
        this.dir = dir;
        this.config = config;
        this.current = current;
        this.log = log;
        this.options = options;
        this.stream = stream;
    }
    /**
     * Take the lock (open-chain.ts: ledger.json, genesis and log checked, repairs reported), then
     * rebuild the state from the newest proven snapshot and the log (roots checked).
     */
    static async open(dir, options = {}) {
        const warn = options.onWarning ?? warnOnStderr;
        const { config, log } = openChain(dir, { write: { fsync: options.fsync ?? 'always' }, onWarning: warn });
        try {
            const keep = options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION;
            const pruned = pruneSnapshots(dir, keep);
            if (pruned.length > 0)
                warn({ code: 'snapshots_pruned', message: `removed ${pruned.length} old snapshot(s), keeping the newest ${keep}`, details: { files: pruned } });
            const state = await replayState(dir, { opened: { config, log }, onWarning: warn, ...(options.onReplayProgress ? { onProgress: options.onReplayProgress } : {}) });
            return new ChainWriter(dir, config, state, log, options, options.stream ?? new CommittedBlockStream());
        }
        catch (error) {
            log.close();
            throw error;
        }
    }
    /** The live state (the last durable block's); throws `state_unavailable` while it is rebuilt. */
    get state() {
        if (this.damage?.stateAhead === true)
            throw new StateUnavailableError(this.damage.cause);
        return this.current;
    }
    /** `state` answers (false between a failed block and the rebuild of its state). */
    get stateAvailable() {
        return this.damage?.stateAhead !== true;
    }
    /**
     * After a failed block: rebuild the state from the log read-only (if it is ahead), then reopen
     * the log for writing. Throws while the cause lasts (e.g. the disk is still full); call again.
     */
    async recover() {
        const damage = this.damage;
        if (damage === undefined)
            return;
        if (damage.stateAhead) {
            this.current = await replayState(this.dir, { to: damage.durableHeight });
            damage.stateAhead = false;
        }
        if (this.closed)
            return; // closed while replaying: take no lock
        this.log.close();
        const { log } = openChain(this.dir, { write: { fsync: this.options.fsync ?? 'always' }, onWarning: this.options.onWarning ?? warnOnStderr });
        this.log = log;
        // A record whose fsync failed may still have reached the disk whole; reopening made it durable.
        // It is a committed block like any other: published, so the projections do not miss it.
        if (log.lastHeight !== damage.durableHeight)
            this.current = await replayState(this.dir, { to: log.lastHeight, stream: this.stream, publishAbove: damage.durableHeight });
        this.damage = undefined;
    }
    get height() {
        return this.state.chain.meta.get(CHAIN_META_KEY).height;
    }
    get lastBlockTimeNs() {
        return this.state.chain.meta.get(CHAIN_META_KEY).lastBlockTimeNs;
    }
    /**
     * Build the next block from the plan, apply it, append it; snapshot if due. If this throws
     * (other than a block the state refuses before touching anything), the writer is damaged
     * until `recover()`.
     */
    produce(plan, prepared) {
        if (this.damage !== undefined)
            throw this.damage.cause;
        const state = this.current;
        // Verdicts are recorded (record.ts invalidSignatures), so the txs are prepared here when
        // the caller did not verify them already.
        const verified = prepared ?? prepareVerifiedInline(plan.txs, this.config.chain_id);
        const block = buildBlock(state, { ...plan, txHashes: verified.map((tx) => tx.hash) });
        const durableHeight = this.height;
        let result;
        let record;
        try {
            result = applyBlock(state, block, { prepared: verified });
            const invalidSignatures = verified.flatMap((tx, index) => (tx.signature === 'invalid' ? [index] : []));
            record = encodeRecord({ blockBytes: encodeBlock(block), stateRootAfter: result.stateRoot, writeSet: packWriteSetLatin1(state.store.lastWriteSetLatin1()), invalidSignatures });
            this.log.append(block.header.height, record);
        }
        catch (error) {
            // checkHeader refuses a block before any write: the state is still the durable one.
            if (!(error instanceof BlockRejectedError))
                this.damage = { cause: error, stateAhead: true, durableHeight };
            throw error;
        }
        this.stream.publish(block, verified, result);
        const height = block.header.height;
        const due = this.snapshotEvery > 0 && (height % this.snapshotEvery === 0 || (this.snapshotFailures > 0 && height >= this.snapshotRetryAt));
        if (!due)
            return { block, result, recordBytes: record.byteLength, snapshot: undefined };
        try {
            const snapshot = this.snapshot();
            this.snapshotFailures = 0;
            return { block, result, recordBytes: record.byteLength, snapshot };
        }
        catch (error) {
            this.snapshotFailures++;
            this.snapshotRetryAt = height + snapshotRetryDelay(this.snapshotFailures, this.snapshotEvery);
            return { block, result, recordBytes: record.byteLength, snapshot: undefined, snapshotError: error };
        }
    }
    get snapshotEvery() {
        return this.options.snapshotEvery ?? 0;
    }
    snapshot() {
        this.log.sync();
        return writeSnapshot(this.dir, this.state, { keep: this.options.keepSnapshots ?? DEFAULT_SNAPSHOT_RETENTION });
    }
    sync() {
        this.log.sync();
    }
    close() {
        this.closed = true;
        this.log.close();
    }
}
/** The state at `to` (default: the log's end): newest proven snapshot + log, roots checked, signatures trusted. */
async function replayState(dir, options) {
    const outcome = await replay(dir, { fromSnapshot: true, trustSignatures: true, ...options });
    if (outcome.divergence !== undefined) {
        const { height, detail } = outcome.divergence;
        throw new DataDirError('replay_diverged', `cannot continue the chain: replay diverged at height ${height} (${detail}); run \`pokt-ledger replay\``, { height, detail });
    }
    outcome.state.store.recordWriteSets = true;
    return outcome.state;
}
//# sourceMappingURL=chain-writer.js.map