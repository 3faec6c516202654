/**
 * The ReadStore (read-store.ts) over the SQLite projection, `<data>/projections/ledger.sqlite`.
 *
 * `openSqliteReadStore(dataDir)` opens the file READ ONLY (WAL: readers never block the writer
 * nor each other, and each statement sees the last committed transaction) — `serve` runs beside
 * a writing node or `project` and picks up every block they commit; any number of them can.
 * `sqliteReadStore(db)` reads through a connection the caller owns (the node's own projection).
 *
 * better-sqlite3 is synchronous: each method runs to completion and resolves at once, so one
 * request's reads cannot interleave with a commit of the same process.
 *
 * On the read-only connection an answer's reads (the checkpoint, then its rows) run in ONE read
 * transaction (`snapshot`, as the PostgreSQL store; see readSnapshots): one consistent state, and
 * PERF: one WAL read lock per answer instead of one per statement (−7 to −20 µs CPU per point
 * query, README "Query service").
 */
import Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { BoundedCache } from '../core/bounded-cache.js';
import { AsOfLists, byAddress } from './as-of-lists.js';
import { ChainQueries } from './chain-queries.js';
import { LogQueries } from './log-queries.js';
import { ProjectionQueries } from './queries.js';
import { loadMigrations, schemaVersion } from './schema.js';
import { ProjectionError, projectionFile } from './store.js';
/** Heights whose whole-list answers perHeight keeps (per list). */
const CACHED_HEIGHTS = 64;
/**
 * Memoizes a whole-list read by height, for lists whose members' values depend on the height
 * itself (signing infos' stepped counters), so as-of-lists.ts's deltas do not apply. Sound
 * because rows of heights ≤ the checkpoint never change (read-store.ts contract) and callers
 * only ask heights ≤ the checkpoint they read. PERF: a list of every signing info at a height
 * costs a scan of the version rows; repeated list queries (the latest height, mostly) then cost
 * a Map lookup.
 */
function perHeight(read) {
    const cache = new BoundedCache(CACHED_HEIGHTS);
    return (height) => cache.through(height, () => read(height));
}
/**
 * `snapshot` for a read-only connection: BEGIN (deferred: the first SELECT takes the read lock),
 * then COMMIT at the end of this turn of the event loop (setImmediate). The store's reads resolve
 * at once, so an answer's reads all run in that turn, in one transaction; answers begun in the
 * same turn share it (a connection has one transaction; the state is a committed one and each
 * answer's own checkpoint read bounds what it reads). A route that awaits real I/O (dispatch's
 * replay) reads on after the COMMIT, each statement on its own, which the store's contract makes
 * safe: so no answer, however slow, holds a transaction (and a writer's WAL checkpoint) open.
 * Never on a connection that writes (the node's own projection): its block commits would nest.
 */
function readSnapshots(db) {
    const begin = db.prepare('BEGIN');
    const commit = db.prepare('COMMIT');
    const end = () => void (db.inTransaction && commit.run());
    return (read) => {
        if (!db.inTransaction) {
            begin.run();
            setImmediate(end);
        }
        try {
            return read().then((value) => ({ value, headers: {} }));
        }
        catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
    };
}
/** A ReadStore over an open connection (closed by `close` only when `owned`). */
export function sqliteReadStore(db, owned = false) {
    const entities = new ProjectionQueries(db);
    const chain = new ChainQueries(db);
    const logs = new LogQueries(db);
    const lists = {
        nodes: new AsOfLists({ full: (height) => byAddress(entities.nodes(height, { perPage: Number.MAX_SAFE_INTEGER }).result), changes: (from, to) => entities.nodeChanges(from, to) }),
        apps: new AsOfLists({ full: (height) => byAddress(entities.apps(height, { perPage: Number.MAX_SAFE_INTEGER }).result), changes: (from, to) => entities.appChanges(from, to) }),
        signingInfos: perHeight((height) => entities.signingInfos(height)),
        validatorSet: perHeight((height) => entities.validatorSet(height)),
        allParams: perHeight((height) => entities.allParams(height)),
    };
    const resolve = (read) => {
        try {
            return Promise.resolve(read());
        }
        catch (error) {
            return Promise.reject(error instanceof Error ? error : new Error(String(error)));
        }
    };
    return {
        ...(db.readonly ? { snapshot: readSnapshots(db) } : {}),
        latestHeight: () => resolve(() => entities.height()),
        block: (height) => resolve(() => chain.block(height)),
        blockTxs: (height, order, page) => resolve(() => chain.blockTxs(height, order, page)),
        tx: (hash, height) => resolve(() => chain.tx(hash, height)),
        accountTxs: (filter, height, page) => resolve(() => chain.accountTxs(filter, height, page)),
        account: (address, height) => resolve(() => chain.account(address, height)),
        accounts: (height, page) => resolve(() => chain.accounts(height, page)),
        balance: (address, height) => resolve(() => entities.balance(address, height)),
        supply: (height) => resolve(() => entities.supply(height)),
        node: (address, height) => resolve(() => entities.node(address, height)),
        nodes: (height) => resolve(() => lists.nodes.at(height)),
        app: (address, height) => resolve(() => entities.app(address, height)),
        apps: (height) => resolve(() => lists.apps.at(height)),
        signingInfo: (address, height) => resolve(() => entities.signingInfo(address, height)),
        signingInfos: (height) => resolve(() => lists.signingInfos(height)),
        validatorSet: (height) => resolve(() => lists.validatorSet(height)),
        claim: (key, height) => resolve(() => entities.claim(key, height)),
        claims: (height, servicer) => resolve(() => entities.claims(height, servicer)),
        allParams: (height) => resolve(() => lists.allParams(height)),
        rewardLines: (filter, page) => resolve(() => logs.rewardLines(filter, page)),
        rapSheet: (address, range, page) => resolve(() => logs.rapSheet(address, range, page)),
        claimLifecycle: (filter, asOf, page) => resolve(() => logs.claimLifecycle(filter, asOf, page)),
        supplyHistory: (range, page) => resolve(() => logs.supplyHistory(range, page)),
        close: () => resolve(() => (owned ? void db.close() : undefined)),
    };
}
/**
 * Opens `<data>/projections/ledger.sqlite` read only. Refuses a missing projection
 * (`projection_missing`: run `project` or `node` first) and one of another schema version
 * (`projection_schema_mismatch`: a reader cannot rebuild it; the writer of this build does).
 */
export function openSqliteReadStore(dataDir) {
    const file = projectionFile(dataDir);
    if (!existsSync(file))
        throw new ProjectionError('projection_missing', `no projection at ${file}: build it with \`pokt-ledger project --data ${dataDir}\` or run \`pokt-ledger node\``, { file });
    const db = new Database(file, { readonly: true, fileMustExist: true });
    try {
        db.defaultSafeIntegers(true);
        // PERF: readers keep hot index pages between requests (default cache 2 MiB).
        db.pragma('cache_size = -65536');
        const expected = schemaVersion(loadMigrations());
        const stored = storedVersion(db);
        if (stored !== expected) {
            throw new ProjectionError('projection_schema_mismatch', `the projection at ${file} has schema ${stored ?? '(none)'}, this build reads ${expected}: run \`pokt-ledger project --data ${dataDir}\` (it rebuilds)`, { file, stored, expected });
        }
        return sqliteReadStore(db, true);
    }
    catch (error) {
        db.close();
        throw error;
    }
}
function storedVersion(db) {
    try {
        return db.prepare("SELECT value FROM projection_meta WHERE key = 'schema_version'").get()?.value;
    }
    catch {
        return undefined;
    }
}
//# sourceMappingURL=sqlite-read-store.js.map