/**
 * A connection to the SQLite projection file (WAL, pragmas) and its checkpoint row. Apart from
 * ./database.ts (migrations, schema hashing) so that the writer thread (./writer-thread.ts),
 * which opens a file already migrated, loads no more than it needs: its start-up runs beside
 * the replay's.
 */
import Database from 'better-sqlite3';
/**
 * A connection to a projection file that exists and is migrated (the writer thread's, opened
 * after the main thread's openProjectionDatabase). `busyTimeoutMs`: how long a write waits for
 * another connection's lock before SQLITE_BUSY (better-sqlite3's default 5 s).
 */
export function connect(file, busyTimeoutMs) {
    const db = new Database(file, busyTimeoutMs === undefined ? {} : { timeout: busyTimeoutMs });
    db.pragma('journal_mode = WAL');
    // WAL + NORMAL: a commit survives a process crash (kill -9); a power cut may lose the last
    // commits but never leaves half a transaction — and the checkpoint goes with its rows.
    db.pragma('synchronous = NORMAL');
    // PERF: a batch writes to a dozen tables and their indexes in turn; a 64 MiB page cache
    // (default 2 MiB) keeps their hot pages between statements.
    db.pragma('cache_size = -65536');
    db.defaultSafeIntegers(true);
    return db;
}
export function readCheckpoint(db) {
    const row = db.prepare('SELECT height, block_hash, state_root FROM projection_checkpoint WHERE id = 1').get();
    return row === undefined ? undefined : { height: Number(row.height), blockHash: row.block_hash, stateRoot: row.state_root };
}
//# sourceMappingURL=connection.js.map