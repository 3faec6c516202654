import { packageRoot } from '../../core/paths.js';
import { amountRangeError, ProjectionEngine, ProjectionError, resumeSql } from '../engine.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { TABLES } from '../tables.js';
import { connect, endClient, redactedUrl } from './connect.js';
import { writeBatch } from './write.js';
import { join } from 'node:path';
/** Batches of at least this many rows go by the bulk mode; smaller ones by INSERT. */
const BULK_ROWS = 2_000;
/** An arbitrary constant naming the projector's advisory lock. */
const WRITER_LOCK = 0x706f6b74;
export function pgMigrationsDir() {
    return join(packageRoot(), 'src', 'projection', 'pg', 'migrations');
}
export class PgProjectionStore {
    client;
    url;
    bulkMode;
    engine;
    committed;
    queue = Promise.resolve();
    failure;
    inFlight = [];
    constructor(client, url, bulkMode) {
        this.client = client;
        this.url = url;
        this.bulkMode = bulkMode;
    }
    static async open(url, options = {}) {
        const client = await connect(url);
        try {
            const locked = await client.query('SELECT pg_try_advisory_lock($1) AS locked', [WRITER_LOCK]);
            if (locked.rows[0]?.locked !== true)
                throw new ProjectionError('projection_busy', `another projector is writing ${redactedUrl(url)}`);
            await migrate(client, options);
            const store = new PgProjectionStore(client, url, options.bulkMode ?? 'copy');
            await store.reopenEngine();
            return store;
        }
        catch (error) {
            await endClient(client);
            throw error;
        }
    }
    /** The checkpoint of the rows made so far (committed or queued). */
    get checkpoint() {
        return this.engine.checkpoint;
    }
    /** Writes queued and not yet committed. */
    get pending() {
        return this.inFlight.length;
    }
    async seedGenesis(state, genesisStateRoot, previousBlockHash) {
        this.enqueue(() => this.engine.genesis(state, genesisStateRoot, previousBlockHash));
        await this.drain();
    }
    /** Makes the blocks' rows now and queues their write (one transaction with the checkpoint). */
    apply(blocks) {
        if (blocks.length === 0)
            return this.queue;
        return this.enqueue(() => this.engine.project(blocks));
    }
    /** Waits until at most `max` writes are queued (replay's back-pressure); throws a failure. */
    async throttle(max) {
        while (this.inFlight.length > max)
            await this.inFlight[0];
        if (this.failure !== undefined)
            throw this.failure;
    }
    /** Waits for every queued write; throws the first failure. */
    async drain() {
        await this.queue;
        if (this.failure !== undefined)
            throw this.failure;
    }
    async close() {
        await this.queue.catch(() => undefined);
        await endClient(this.client);
    }
    enqueue(make) {
        if (this.failure !== undefined)
            throw this.failure;
        let batch;
        try {
            batch = make();
        }
        catch (error) {
            // A refused block: the engine holds nothing the database does not once the queue is done.
            this.queue = this.queue.then(() => this.reopenEngine());
            throw error;
        }
        const checkpoint = this.engine.checkpoint;
        const written = this.queue.then(async () => {
            try {
                // After a failed write the rest of the queue is dropped (the next run redoes it).
                if (this.failure === undefined)
                    await this.write(batch, checkpoint);
            }
            catch (error) {
                this.failure = amountRangeError(error);
            }
            finally {
                this.inFlight.shift();
            }
        });
        this.inFlight.push(written);
        this.queue = written;
        return written;
    }
    async write(batch, checkpoint) {
        await this.client.query('BEGIN');
        try {
            await writeBatch(this.client, batch, batch.count >= BULK_ROWS ? this.bulkMode : 'insert');
            await this.saveCheckpoint(checkpoint);
            await this.client.query('COMMIT');
            this.committed = checkpoint;
        }
        catch (error) {
            await this.client.query('ROLLBACK').catch(() => undefined);
            throw error;
        }
    }
    async saveCheckpoint(next) {
        const previous = this.committed;
        const result = previous === undefined
            ? await this.client.query('INSERT INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, $1, $2, $3) ON CONFLICT (id) DO NOTHING', [next.height, next.blockHash, next.stateRoot])
            : await this.client.query('UPDATE projection_checkpoint SET height = $1, block_hash = $2, state_root = $3 WHERE id = 1 AND height = $4', [next.height, next.blockHash, next.stateRoot, previous.height]);
        if (result.rowCount !== 1)
            throw new ProjectionError('projection_checkpoint_moved', `the checkpoint in ${redactedUrl(this.url)} is no longer at ${previous?.height ?? '(none)'}: another writer?`);
    }
    async reopenEngine() {
        const row = await this.client.query('SELECT height, block_hash, state_root FROM projection_checkpoint WHERE id = 1');
        const found = row.rows[0];
        this.committed = found === undefined ? undefined : { height: Number(found.height), blockHash: found.block_hash, stateRoot: found.state_root };
        const resumed = new Map();
        if (this.committed !== undefined) {
            for (const table of TABLES) {
                if (table.resume === undefined)
                    continue;
                const result = await this.client.query({ text: resumeSql(table), rowMode: 'array' });
                resumed.set(table.name, result.rows);
            }
        }
        this.engine = new ProjectionEngine(this.committed, (table) => resumed.get(table.name) ?? []);
    }
}
async function migrate(client, options) {
    const migrations = loadMigrations(pgMigrationsDir());
    const version = schemaVersion(migrations);
    await client.query('BEGIN');
    try {
        await client.query('CREATE TABLE IF NOT EXISTS projection_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL)');
        await client.query('CREATE TABLE IF NOT EXISTS schema_migrations (name TEXT PRIMARY KEY)');
        const stored = (await client.query("SELECT value FROM projection_meta WHERE key = 'schema_version'")).rows[0]?.value;
        const hasTables = (await client.query('SELECT 1 FROM schema_migrations LIMIT 1')).rowCount !== 0;
        if (options.rebuild === true || (hasTables && stored !== version)) {
            if (options.rebuild !== true)
                options.onNotice?.(`projection schema version ${stored ?? '(none)'} ≠ this build's ${version}: rebuilding the PostgreSQL projection from genesis`);
            await client.query(`DROP TABLE IF EXISTS ${[...TABLES.map((t) => t.name), 'projection_checkpoint'].join(', ')} CASCADE`);
            await client.query('DELETE FROM schema_migrations');
        }
        const applied = new Set((await client.query('SELECT name FROM schema_migrations')).rows.map((r) => r.name));
        for (const migration of migrations) {
            if (applied.has(migration.name))
                continue;
            await client.query(migration.sql);
            await client.query('INSERT INTO schema_migrations (name) VALUES ($1)', [migration.name]);
        }
        await client.query("INSERT INTO projection_meta (key, value) VALUES ('schema_version', $1) ON CONFLICT (key) DO UPDATE SET value = EXCLUDED.value", [version]);
        await client.query('COMMIT');
    }
    catch (error) {
        await client.query('ROLLBACK').catch(() => undefined);
        throw error;
    }
}
//# sourceMappingURL=store.js.map