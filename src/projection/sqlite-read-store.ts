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
 * query; bench/NOTES.md, "The query service").
 */
import type Database from 'better-sqlite3';
import { existsSync } from 'node:fs';
import { BoundedCache } from '../core/bounded-cache.js';
import { AccountPageEnds } from './account-pages.js';
import { AsOfLists, byAddress } from './as-of-lists.js';
import { CheckpointWatch } from './checkpoint-watch.js';
import { ChainQueries } from './chain-queries.js';
import { LogQueries } from './log-queries.js';
import { ProjectionQueries } from './queries.js';
import type { AccountRecord, AccountSelection, PageRequest, ReadStore } from './read-store.js';
import { damagedProjection } from './errors.js';
import { requireCurrentSchema } from './sqlite/database.js';
import { projectionFailure } from './sqlite/failure.js';
import { fileOf, openProjectionReadOnly } from './sqlite/read-only.js';
import { ProjectionError, projectionFile } from './store.js';
import { IS_A_FILE, pathIsFile } from '../runtime/data-dir.js';

/** Heights whose whole-list answers a PerHeight memo keeps (per list). */
const CACHED_HEIGHTS = 64;

/**
 * Memoizes a whole-list read (or a count) by height, for lists whose members' values depend on
 * the height itself (signing infos' stepped counters), so as-of-lists.ts's deltas do not apply. Sound
 * because rows of heights ≤ the checkpoint never change (read-store.ts contract) and callers
 * only ask heights ≤ the checkpoint they read; `clear` when a rollback breaks that
 * (checkpoint-watch.ts). PERF: a list of every signing info at a height costs a scan of the
 * version rows; repeated list queries (the latest height, mostly) then cost a Map lookup.
 */
class PerHeight<T> {
  private readonly cache = new BoundedCache<number, T>(CACHED_HEIGHTS);

  constructor(private readonly read: (height: number) => T) {}

  at(height: number): T {
    return this.cache.through(height, () => this.read(height));
  }

  clear(): void {
    this.cache.clear();
  }
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
function readSnapshots(db: Database.Database): NonNullable<ReadStore['snapshot']> {
  const begin = db.prepare('BEGIN');
  const commit = db.prepare('COMMIT');
  const rollback = db.prepare('ROLLBACK');
  const end = (): void => {
    if (!db.inTransaction) return;
    try {
      commit.run();
    } catch {
      // A read transaction has nothing to commit: its COMMIT fails only when SQLite found the
      // file damaged, which the answers that read it were told (projection_damaged). Ending the
      // transaction is what matters; a throw here, outside any request, would kill `serve`.
      endQuietly(db, rollback);
    }
  };
  return <T>(read: () => Promise<T>) => {
    if (!db.inTransaction) {
      begin.run();
      setImmediate(end);
    }
    try {
      return read().then((value) => ({ value, headers: {} }));
    } catch (error) {
      return Promise.reject(error instanceof Error ? error : new Error(String(error)));
    }
  };
}

function endQuietly(db: Database.Database, rollback: Database.Statement): void {
  try {
    if (db.inTransaction) rollback.run();
  } catch {
    // Nothing more to do: the next answer reads through whatever SQLite left, and fails coded.
  }
}

/** A ReadStore over an open connection (closed by `close` only when `owned`). */
export function sqliteReadStore(db: Database.Database, owned = false): ReadStore {
  const entities = new ProjectionQueries(db);
  const chain = new ChainQueries(db);
  const logs = new LogQueries(db);
  const lists = {
    nodes: new AsOfLists({ full: (height) => byAddress(entities.nodes(height, { perPage: Number.MAX_SAFE_INTEGER }).result ?? []), changes: (from, to) => entities.nodeChanges(from, to) }),
    apps: new AsOfLists({ full: (height) => byAddress(entities.apps(height, { perPage: Number.MAX_SAFE_INTEGER }).result ?? []), changes: (from, to) => entities.appChanges(from, to) }),
    signingInfos: new PerHeight((height) => entities.signingInfos(height)),
    validatorSet: new PerHeight((height) => entities.validatorSet(height)),
    allParams: new PerHeight((height) => entities.allParams(height)),
    // Every page of /v1/query/accounts reports the total; at a projected height it never changes.
    accountCount: new PerHeight((height) => chain.accountCount(height, 'all')),
    accountWithCoinsCount: new PerHeight((height) => chain.accountCount(height, 'withCoins')),
    accountPageEnds: new AccountPageEnds(),
  };
  const accountCount = (height: number, which: AccountSelection): number => (which === 'all' ? lists.accountCount : lists.accountWithCoinsCount).at(height);
  /** A page of accounts, after the page before's last address when that page was read, else after the account at its position (account-pages.ts). */
  const accountPage = (height: number, page: PageRequest, which: AccountSelection): AccountRecord[] => {
    const start = lists.accountPageEnds.start(height, page, which);
    const after = 'after' in start ? start.after : chain.accountAt(height, start.position, which);
    const items = after === undefined ? [] : chain.accountsAfter(height, after, page.perPage, which);
    lists.accountPageEnds.keep(height, page, which, items);
    return items;
  };
  let first: number | undefined;
  // A rollback beside this reader (then other blocks) makes the cached lists wrong: drop them.
  const watch = new CheckpointWatch(() => {
    Object.values(lists).forEach((list) => list.clear());
    first = undefined;
  });
  const latestHeight = (): number | undefined => {
    const checkpoint = entities.checkpoint();
    if (checkpoint === undefined) return undefined;
    const successor = watch.successorNeeded(checkpoint);
    watch.observe(checkpoint, successor === undefined ? undefined : { height: successor, previousHash: entities.previousHashOf(successor) });
    return checkpoint.height;
  };
  const resolve = <T>(read: () => T): Promise<T> => {
    try {
      return Promise.resolve(read());
    } catch (error) {
      // A damaged file fails the answer as ProjectionDamaged (the query service's 503 naming the fix).
      const failure = damagedProjection(error, fileOf(db));
      return Promise.reject(failure instanceof Error ? failure : new Error(String(failure)));
    }
  };
  return {
    ...(db.readonly ? { snapshot: readSnapshots(db) } : {}),
    latestHeight: () => resolve(latestHeight),
    firstHeight: () => resolve(() => (first ??= entities.firstHeight())),
    block: (height) => resolve(() => chain.block(height)),
    blockHeightOf: (hash, height) => resolve(() => chain.blockHeightOf(hash, height)),
    blockTxs: (height, order, page) => resolve(() => chain.blockTxs(height, order, page)),
    tx: (hash, height) => resolve(() => chain.tx(hash, height)),
    blockTxHashes: (height) => resolve(() => chain.blockTxHashes(height)),
    accountTxs: (filter, height, page) => resolve(() => chain.accountTxs(filter, height, page)),
    account: (address, height) => resolve(() => chain.account(address, height)),
    accounts: (height, page, which = 'all') => resolve(() => ({ items: accountPage(height, page, which), total: accountCount(height, which) })),
    balance: (address, height) => resolve(() => entities.balance(address, height)),
    supply: (height) => resolve(() => entities.supply(height)),
    node: (address, height) => resolve(() => entities.node(address, height)),
    nodes: (height) => resolve(() => lists.nodes.at(height)),
    app: (address, height) => resolve(() => entities.app(address, height)),
    apps: (height) => resolve(() => lists.apps.at(height)),
    signingInfo: (address, height) => resolve(() => entities.signingInfo(address, height)),
    signingInfos: (height) => resolve(() => lists.signingInfos.at(height)),
    validatorSet: (height) => resolve(() => lists.validatorSet.at(height)),
    claim: (key, height) => resolve(() => entities.claim(key, height)),
    claims: (height, servicer) => resolve(() => entities.claims(height, servicer)),
    allParams: (height) => resolve(() => lists.allParams.at(height)),
    rewardLines: (filter, page) => resolve(() => logs.rewardLines(filter, page)),
    rapSheet: (address, range, page) => resolve(() => logs.rapSheet(address, range, page)),
    claimLifecycle: (filter, asOf, page) => resolve(() => logs.claimLifecycle(filter, asOf, page)),
    supplyHistory: (range, page) => resolve(() => logs.supplyHistory(range, page)),
    paramHistory: (key, range, page) => resolve(() => logs.paramHistory(key, range, page)),
    close: () => resolve(() => (owned ? void db.close() : undefined)),
  };
}

/**
 * Opens `<data>/projections/ledger.sqlite` read only. Refuses a missing projection
 * (`projection_missing`: run `project` or `node` first) and one of another schema version
 * (`projection_schema_mismatch`: a reader cannot rebuild it; the writer of this build does).
 */
export function openSqliteReadStore(dataDir: string): ReadStore {
  const file = projectionFile(dataDir);
  if (!existsSync(file) && pathIsFile(dataDir)) throw new ProjectionError('projection_missing', `no projection: ${dataDir} ${IS_A_FILE}`, { file });
  if (!existsSync(file)) throw new ProjectionError('projection_missing', `no projection at ${file}: build it with \`pokt-ledger project --data ${dataDir}\` or run \`pokt-ledger node\``, { file });
  try {
    return openReadOnly(file, dataDir);
  } catch (error) {
    // A damaged or unreadable file is a coded error naming it, not a SqliteError (./sqlite/failure.ts).
    throw projectionFailure(error, file);
  }
}

function openReadOnly(file: string, dataDir: string): ReadStore {
  const db = openProjectionReadOnly(file);
  try {
    db.defaultSafeIntegers(true);
    // PERF: readers keep hot index pages between requests (default cache 2 MiB).
    db.pragma('cache_size = -65536');
    requireCurrentSchema(db, file, dataDir);
    return sqliteReadStore(db, true);
  } catch (error) {
    db.close();
    throw error;
  }
}

