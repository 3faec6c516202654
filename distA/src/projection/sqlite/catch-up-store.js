import { ProjectionEngine, RowBatch, resumeSql } from '../engine.js';
import { openProjectionDatabase, readCheckpoint } from './database.js';
import { inlineLink, threadLink } from './writer-link.js';
import { receivedError } from './writer-protocol.js';
/**
 * Runs of fewer blocks than this write inline: a thread's start (~70–90 ms of CPU for a Node
 * worker on this 2-core machine) and postMessage's copies (~3 µs a row: 10,600 rows, 5 MB of
 * JSON text, in ~30 ms) cost about what the inserts it takes off the replay's thread save on a
 * short run. Measured with the bench's mixed chain, medians of alternated runs, projection
 * attached vs not (ratio, higher is better), the old synchronous store vs the thread:
 * 40 blocks 0.744 vs 0.751 (load ~1), 0.66–0.81 vs 0.60–0.67 (load 3–5); 200 blocks in one
 * batch 0.668 vs 0.699, in batches of 64 0.697 vs 0.864 (load ~1).
 */
export const THREAD_MIN_BLOCKS = 100;
/** Where the writer of a catch-up of `blocks` blocks runs. */
export function catchUpWriter(blocks) {
    return blocks >= THREAD_MIN_BLOCKS ? 'thread' : 'inline';
}
/** Rows per message: large enough that postMessage's cost per message is noise, small enough that the writer starts early. */
export const CHUNK_ROWS = 1_024;
export class SqliteCatchUpStore {
    engine;
    file;
    chunkRows;
    /** Rows of the batch being made, not yet sent. */
    unsent;
    /** The open batch's first chunk is still to be sent (it opens the transaction). */
    opens;
    batchOpen = false;
    /** Batches whose last chunk was sent and whose commit is not yet confirmed. */
    outstanding = 0;
    committedHeight;
    failure;
    wake;
    closed;
    closing;
    link;
    constructor(engine, file, chunkRows) {
        this.engine = engine;
        this.file = file;
        this.chunkRows = chunkRows;
    }
    /**
     * Starts the writer, then opens (creates, migrates, rebuilds) the database here and reads the
     * projectors' resume rows, then hands the file to the writer.
     * PERF: a thread's start-up runs beside the opening and the replay's own start; it is never
     * awaited: a writer that cannot open the file fails the next `append`, `commit` or `throttle`.
     */
    static open(dataDir, options = {}) {
        let store;
        const receive = (message) => store?.receive(message);
        const startLink = (kind) => (kind === 'inline' ? inlineLink(receive, options.busyTimeoutMs) : threadLink(receive, (error) => store?.fault(error), options.busyTimeoutMs));
        // A fixed choice starts the writer first, so a thread starts while the database opens.
        let link = typeof options.writer === 'function' ? undefined : startLink(options.writer ?? 'thread');
        let engine;
        let file;
        try {
            const db = openProjectionDatabase(dataDir, options);
            file = db.name;
            try {
                const checkpoint = readCheckpoint(db);
                engine = new ProjectionEngine(checkpoint, (table) => db.prepare(resumeSql(table)).raw(true).all());
                link ??= startLink(options.writer(checkpoint?.height));
            }
            finally {
                db.close();
            }
        }
        catch (error) {
            link?.send({ kind: 'close' });
            link?.release();
            throw error;
        }
        store = new SqliteCatchUpStore(engine, file, options.chunkRows ?? CHUNK_ROWS);
        store.link = link;
        link.send({ kind: 'open', file });
        return store;
    }
    /** The checkpoint of the rows made so far (committed or sent). */
    get checkpoint() {
        return this.engine.checkpoint;
    }
    /** The height of the last batch the writer committed. */
    get committed() {
        return this.committedHeight;
    }
    /** Genesis rows and checkpoint, as one batch (sent; `throttle(0)` waits for the commit). */
    seedGenesis(state, genesisStateRoot, previousBlockHash) {
        this.guarded(() => {
            const previous = this.engine.checkpoint;
            const rows = this.engine.genesis(state, genesisStateRoot, previousBlockHash);
            this.outstanding++;
            this.post({ kind: 'chunk', rows: rows.rows, opens: { previous, firstHeight: this.engine.checkpoint.height }, commits: this.engine.checkpoint });
        });
    }
    /** Makes a block's rows into the open batch (opening one if needed); sends them once CHUNK_ROWS are made. */
    append(block) {
        this.guarded(() => {
            if (!this.batchOpen) {
                this.batchOpen = true;
                this.opens = { previous: this.engine.checkpoint, firstHeight: block.block.header.height };
            }
            const rows = (this.unsent ??= new RowBatch());
            this.engine.project([block], rows);
            if (rows.count >= this.chunkRows)
                this.sendUnsent();
        });
    }
    /** Ends the open batch: its last rows go with the checkpoint, and the writer commits them in one transaction. */
    commit() {
        if (!this.batchOpen)
            return;
        this.guarded(() => {
            this.batchOpen = false;
            this.outstanding++;
            this.sendUnsent(this.engine.checkpoint);
        });
    }
    /** Projects consecutive blocks as one batch (the synchronous store's `apply`, its write queued). */
    apply(blocks) {
        for (const block of blocks)
            this.append(block);
        this.commit();
    }
    /** Waits until at most `max` batches are outstanding; throws a failure. */
    async throttle(max) {
        while (this.failure === undefined && this.outstanding > max)
            await new Promise((resolve) => (this.wake = resolve));
        this.wake = undefined;
        if (this.failure !== undefined)
            throw this.failure;
    }
    /** Ends the writer: an open (uncommitted) batch is rolled back, the database closed. */
    close() {
        this.closing ??= (async () => {
            const closed = new Promise((resolve) => (this.closed = resolve));
            this.link.send({ kind: 'close' });
            // PERF: a thread says `closed` once the database is; its exit (~20 ms later) is not awaited.
            await Promise.race([closed, this.link.ended]);
            this.link.release();
        })();
        return this.closing;
    }
    receive(message) {
        if (message.kind === 'committed') {
            this.outstanding--;
            this.committedHeight = message.height;
        }
        else if (message.kind === 'failed')
            this.failure ??= receivedError(message.error);
        else
            this.closed?.();
        this.wake?.();
    }
    fault(error) {
        this.failure ??= error;
        this.wake?.();
    }
    sendUnsent(commits) {
        const rows = this.unsent?.rows ?? [];
        this.unsent = undefined;
        const opens = this.opens;
        this.opens = undefined;
        this.post({ kind: 'chunk', rows, ...(opens === undefined ? {} : { opens }), ...(commits === undefined ? {} : { commits }) });
    }
    post(message) {
        this.link.send(message);
    }
    /** Throws an earlier failure; a new one (a refused block) becomes the store's failure too. */
    guarded(step) {
        if (this.failure !== undefined)
            throw this.failure;
        try {
            step();
        }
        catch (error) {
            this.failure = error;
            throw error;
        }
        // An inline writer fails at once.
        if (this.failure !== undefined)
            throw this.failure;
    }
}
//# sourceMappingURL=catch-up-store.js.map