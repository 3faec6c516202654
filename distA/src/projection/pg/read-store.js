/**
 * The ReadStore (../read-store.ts) over the PostgreSQL projection — on the primary or on a
 * streaming read replica — for `serve --postgres URL`. Read only: it never writes, so any number
 * of `serve` processes read while one `project --postgres` writes the primary.
 *
 * One snapshot per answer: `snapshot(read)` takes a pooled connection, opens a REPEATABLE READ
 * READ ONLY transaction and reads the checkpoint as its first statement (that statement fixes
 * the snapshot), then every read of the answer — the route's `latestHeight()` included — runs on
 * that connection inside that transaction (found through AsyncLocalStorage, so the routes keep
 * calling the store as they do with SQLite). A commit of the projector after the first statement
 * is invisible to the answer, also across a rebuild. Outside a snapshot each read is its own
 * statement.
 *
 * Replica lag: the snapshot's first round trip also asks the server whether it is a replica
 * (pg_is_in_recovery()) and, if so, how far replay is behind what it received: WAL bytes
 * received but not replayed (pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()))
 * and, when that is not zero, the milliseconds since the last replayed commit's time on the
 * primary (clock_timestamp() − pg_last_xact_replay_timestamp()); and whether its WAL receiver is
 * streaming (pg_stat_wal_receiver.status; visible to superusers and pg_read_all_stats only).
 * These become the answer's headers (`snapshotHeaders`).
 *
 * A lost server (restart, failover, network) fails the answer with ReadStoreUnavailable (the
 * query service answers 503 `database_unavailable`); the pool opens new connections on the next
 * request, so the process serves again once the server is back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { amountOf } from '../amounts.js';
import { AsyncAsOfLists, byAddress } from '../as-of-lists.js';
import { accountOf, blockOf, num, txOf } from '../chain-queries.js';
import { claimOf, rapOf, rewardOf, supplyOf } from '../log-queries.js';
import { allParamsOf, appJsonOf, claimRecordOf, nodeJsonOf, signingInfoOf, supplyJsonOf, validatorSetOf } from '../queries.js';
import { claimAnswer } from '../../modules/pocketcore/index.js';
import { ReadStoreUnavailable } from '../read-store.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { ProjectionError } from '../engine.js';
import { isConnectionLost, readerPool, redactedUrl } from './connect.js';
import { pgMigrationsDir } from './store.js';
import { READS } from './read-sql.js';
const OPEN_SNAPSHOT = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT height FROM projection_checkpoint WHERE id = 1;
SELECT pg_is_in_recovery() AS replica,
  pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn())::text AS lag_bytes,
  CASE WHEN pg_last_wal_receive_lsn() IS NOT DISTINCT FROM pg_last_wal_replay_lsn() THEN '0'
       ELSE round(1000 * extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()))::text END AS lag_ms,
  (SELECT status FROM pg_stat_wal_receiver) AS receiver`;
/** Headers of an answer read in a snapshot (README "PostgreSQL and replicas"). */
export function snapshotHeaders(replica) {
    if (replica === undefined)
        return { 'x-ledger-source': 'primary' };
    const headers = { 'x-ledger-source': 'replica' };
    if (replica.lagBytes !== null)
        headers['x-ledger-replay-lag-bytes'] = replica.lagBytes;
    if (replica.lagMs !== null)
        headers['x-ledger-replay-lag-ms'] = replica.lagMs;
    if (replica.receiver !== null)
        headers['x-ledger-replica-streaming'] = String(replica.receiver === 'streaming');
    return headers;
}
const offsetOf = (page) => [page.perPage, (page.page - 1) * page.perPage];
export class PgReadStore {
    pool;
    url;
    current = new AsyncLocalStorage();
    /** Whole node and app lists by height, built incrementally (as-of-lists.ts; as the SQLite store). */
    lists = {
        nodes: new AsyncAsOfLists({
            full: async (height) => byAddress((await this.rows('nodes', [height])).map((row) => nodeJsonOf(row))),
            changes: async (from, to) => (await this.rows('nodeChanges', [from, to])).map((row) => ({ key: row.address, value: num(row.deleted) === 1 ? undefined : nodeJsonOf(row) })),
        }),
        apps: new AsyncAsOfLists({
            full: async (height) => byAddress((await this.rows('apps', [height])).map((row) => appJsonOf(row))),
            changes: async (from, to) => (await this.rows('appChanges', [from, to])).map((row) => ({ key: row.address, value: num(row.deleted) === 1 ? undefined : appJsonOf(row) })),
        }),
    };
    constructor(pool, url) {
        this.pool = pool;
        this.url = url;
    }
    /**
     * Opens a pool on `url` and checks the projection is there and of this build's schema
     * (`projection_missing` / `projection_schema_mismatch`: run `project --postgres`); an
     * unreachable server is `postgres_unavailable`.
     */
    static async open(url, maxConnections = 8) {
        const store = new PgReadStore(readerPool(url, maxConnections), url);
        try {
            await store.checkSchema();
            return store;
        }
        catch (error) {
            await store.close();
            if (isConnectionLost(error))
                throw new ProjectionError('postgres_unavailable', `PostgreSQL at ${redactedUrl(url)} is unavailable: ${error.message}`, { url: redactedUrl(url) });
            throw error;
        }
    }
    async snapshot(read) {
        const client = await this.pool.connect().catch((error) => {
            throw this.failure(error);
        });
        let broken;
        try {
            const opened = (await client.query(OPEN_SNAPSHOT));
            const checkpoint = opened[1].rows[0];
            const status = opened[2].rows[0];
            const replica = status.replica ? { lagBytes: status.lag_bytes, lagMs: status.lag_ms, receiver: status.receiver } : undefined;
            const snapshot = { client, queue: Promise.resolve(), latest: checkpoint === undefined ? undefined : Number(checkpoint.height), replica };
            const value = await this.current.run(snapshot, read);
            return { value, headers: snapshotHeaders(replica) };
        }
        catch (error) {
            if (error instanceof ReadStoreUnavailable || isConnectionLost(error))
                broken = error;
            throw this.failure(error);
        }
        finally {
            // The answer does not wait for the end of its read-only transaction; the connection
            // returns to the pool once it ended (a broken one is discarded).
            if (broken !== undefined)
                client.release(broken);
            else
                void client.query('ROLLBACK').then(() => client.release(), (error) => client.release(error));
        }
    }
    async latestHeight() {
        const snapshot = this.current.getStore();
        if (snapshot !== undefined)
            return snapshot.latest;
        const row = (await this.rows('checkpoint', []))[0];
        return row === undefined ? undefined : num(row.height);
    }
    block = async (height) => {
        const row = (await this.rows('block', [height]))[0];
        return row === undefined ? undefined : blockOf(row, num(row.total_txs));
    };
    blockTxs = (height, order, page) => this.page(order === 'asc' ? 'blockTxsAsc' : 'blockTxsDesc', 'blockTxCount', [height], page, txOf);
    tx = async (hash, height) => this.one('tx', [hash, height], txOf);
    accountTxs = (filter, height, page) => {
        const direction = filter.order === 'asc' ? 'Asc' : 'Desc';
        const params = [filter.address, height, filter.onlyHeight ?? null];
        return filter.received ? this.page(`received${direction}`, 'receivedCount', params, page, txOf) : this.page(`sent${direction}`, 'sentCount', params, page, txOf);
    };
    account = (address, height) => this.one('account', [address, height], accountOf);
    accounts = (height, page) => this.page('accounts', 'accountCount', [height], page, accountOf);
    balance = async (address, height) => {
        const row = (await this.rows('balance', [address.toLowerCase(), height]))[0];
        return row === undefined ? 0n : amountOf(row.balance_upokt);
    };
    supply = (height) => this.one('supplyRow', [height], supplyJsonOf);
    node = (address, height) => this.one('node', [address.toLowerCase(), height], (row) => nodeJsonOf(row));
    nodes = (height) => this.lists.nodes.at(height);
    app = (address, height) => this.one('app', [address.toLowerCase(), height], (row) => appJsonOf(row));
    apps = (height) => this.lists.apps.at(height);
    signingInfo = (address, height) => this.one('signingInfo', [address.toLowerCase(), height], signingInfoOf);
    signingInfos = async (height) => (await this.rows('signingInfos', [height])).map(signingInfoOf);
    validatorSet = async (height) => {
        const row = (await this.rows('validatorSet', [height]))[0];
        return row === undefined ? [] : validatorSetOf(row.members_json);
    };
    claim = (key, height) => this.one('claim', [key.servicer.toLowerCase(), key.appPublicKey.toLowerCase(), key.chain, key.sessionHeight, key.evidenceType, height], (row) => claimAnswer(claimRecordOf(row.claim_json)));
    claims = async (height, servicer) => (await this.rows('claims', [height, servicer?.toLowerCase() ?? null])).map((row) => claimAnswer(claimRecordOf(row.claim_json)));
    allParams = async (height) => allParamsOf((await this.rows('params', [height])), height);
    rewardLines = (filter, page) => this.page('rewards', 'rewardCount', [filter.fromHeight, filter.toHeight, filter.node ?? null, filter.address ?? null, filter.chain ?? null], page, rewardOf);
    rapSheet = (address, range, page) => this.page('rap', 'rapCount', [range.fromHeight, range.toHeight, address ?? null], page, rapOf);
    claimLifecycle = (filter, asOf, page) => this.page('lifecycle', 'lifecycleCount', [filter.fromHeight, filter.toHeight, filter.servicer ?? null, filter.status ?? null, asOf], page, (row) => claimOf(row, asOf));
    supplyHistory = (range, page) => this.page('supplyHistory', 'supplyHistoryCount', [range.fromHeight, range.toHeight], page, supplyOf);
    async close() {
        await this.pool.end().catch(() => undefined);
    }
    async checkSchema() {
        const expected = schemaVersion(loadMigrations(pgMigrationsDir()));
        const meta = await this.pool.query("SELECT value FROM projection_meta WHERE key = 'schema_version'").catch((error) => {
            if (error.code === '42P01')
                return undefined; // undefined_table
            throw error;
        });
        if (meta === undefined)
            throw new ProjectionError('projection_missing', `no projection in ${redactedUrl(this.url)}: build it with \`pokt-ledger project --data DIR --postgres URL\``, { url: redactedUrl(this.url) });
        const stored = meta.rows[0]?.value;
        if (stored !== expected) {
            throw new ProjectionError('projection_schema_mismatch', `the projection in ${redactedUrl(this.url)} has schema ${stored ?? '(none)'}, this build reads ${expected}: run \`pokt-ledger project --postgres URL\` (it rebuilds)`, { stored, expected });
        }
    }
    failure(error) {
        if (!isConnectionLost(error))
            return error;
        return new ReadStoreUnavailable(`PostgreSQL at ${redactedUrl(this.url)} is unavailable (${error.message}); retry — the service reconnects on the next request`);
    }
    async rows(name, values) {
        const query = { name: `ledger_${name}`, text: READS[name], values };
        const snapshot = this.current.getStore();
        try {
            if (snapshot === undefined)
                return (await this.pool.query(query)).rows;
            const result = snapshot.queue.then(() => snapshot.client.query(query));
            snapshot.queue = result.catch(() => undefined);
            return (await result).rows;
        }
        catch (error) {
            throw this.failure(error);
        }
    }
    async one(name, values, of) {
        const row = (await this.rows(name, values))[0];
        return row === undefined ? undefined : of(row);
    }
    async page(list, count, values, page, of) {
        const [items, total] = await Promise.all([this.rows(list, [...values, ...offsetOf(page)]), this.rows(count, values)]);
        return { items: items.map(of), total: num(total[0].n) };
    }
}
//# sourceMappingURL=read-store.js.map