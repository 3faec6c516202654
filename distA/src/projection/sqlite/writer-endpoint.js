import { amountRangeError, ProjectionError } from '../errors.js';
import { SqliteBatchWriter } from './batch-writer.js';
import { connect, readCheckpoint } from './connection.js';
import { sentError } from './writer-protocol.js';
export class WriterEndpoint {
    send;
    busyTimeoutMs;
    db;
    writer;
    file = '';
    inTransaction = false;
    failed = false;
    constructor(send, busyTimeoutMs) {
        this.send = send;
        this.busyTimeoutMs = busyTimeoutMs;
    }
    /** Handles one message; returns true once closed. */
    handle(message) {
        if (message.kind === 'close') {
            this.rollback();
            this.db?.close();
            this.send({ kind: 'closed' });
            return true;
        }
        if (this.failed)
            return false;
        try {
            if (message.kind === 'open') {
                this.file = message.file;
                this.db = connect(this.file, this.busyTimeoutMs);
                this.writer = new SqliteBatchWriter(this.db);
            }
            else
                this.write(message);
        }
        catch (error) {
            this.failed = true;
            this.rollback();
            this.send({ kind: 'failed', error: sentError(amountRangeError(error)) });
        }
        return false;
    }
    write(chunk) {
        const db = this.db;
        if (chunk.opens !== undefined) {
            db.exec('BEGIN IMMEDIATE');
            this.inTransaction = true;
            this.expectCheckpoint(readCheckpoint(db), chunk.opens.previous, chunk.opens.firstHeight);
        }
        this.writer.writeRows(chunk.rows);
        if (chunk.commits !== undefined) {
            this.writer.writeCheckpoint(chunk.commits);
            db.exec('COMMIT');
            this.inTransaction = false;
            this.send({ kind: 'committed', height: chunk.commits.height });
        }
    }
    rollback() {
        if (!this.inTransaction)
            return;
        this.inTransaction = false;
        try {
            this.db.exec('ROLLBACK');
        }
        catch {
            // SQLite may have rolled back already (e.g. after SQLITE_FULL).
        }
    }
    /** The stored checkpoint must be the one the batch was projected from. */
    expectCheckpoint(stored, previous, firstHeight) {
        if (stored?.height === previous?.height && stored?.blockHash === previous?.blockHash && stored?.stateRoot === previous?.stateRoot)
            return;
        if (stored !== undefined && previous === undefined)
            throw new ProjectionError('genesis_already_projected', `the projection is at height ${stored.height}; genesis was projected before`);
        if (stored !== undefined && firstHeight <= stored.height) {
            throw new ProjectionError('block_already_projected', `block ${firstHeight} is already projected (checkpoint ${stored.height})`, { height: firstHeight, checkpoint: stored.height });
        }
        throw new ProjectionError('projection_checkpoint_moved', `the checkpoint in ${this.file} is at ${stored?.height ?? '(none)'}, not at ${previous?.height ?? '(none)'} where this batch follows: another writer?`);
    }
}
//# sourceMappingURL=writer-endpoint.js.map