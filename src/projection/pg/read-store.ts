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
 * These become the answer's headers (`snapshotHeaders`). A restarted replica's receive position
 * starts again at the beginning of the WAL segment it resumes streaming from, behind what it has
 * already replayed from its own pg_wal, and stays there until the primary writes again: received
 * ≤ replayed is no lag (0 bytes, 0 ms) — not a negative byte count and the time since the last
 * commit, which on an idle chain grows without end (QA of 2026-12-06).
 *
 * A lost server (restart, failover, network) fails the answer with ReadStoreUnavailable (the
 * query service answers 503 `database_unavailable`); the pool opens new connections on the next
 * request, so the process serves again once the server is back.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { BoundedCache } from '../../core/bounded-cache.js';
import type pg from 'pg';
import { integerOf } from '../amounts.js';
import { AsyncAsOfLists, byAddress } from '../as-of-lists.js';
import { AccountPageEnds } from '../account-pages.js';
import { CacheEpoch } from '../cache-epoch.js';
import { CheckpointWatch, type CheckpointSeen } from '../checkpoint-watch.js';
import type { AppJson } from '../../modules/apps/index.js';
import type { NodeJson } from '../../modules/nodes/index.js';
import { accountOf, blockOf, num, txOf } from '../chain-queries.js';
import { claimOf, paramChangeOf, rapOf, rewardOf, supplyOf } from '../log-queries.js';
import { allParamsOf, appJsonOf, claimRecordOf, nodeJsonOf, signingInfoOf, supplyJsonOf, validatorSetOf, type ParamRow } from '../queries.js';
import { claimAnswer } from '../../modules/pocketcore/index.js';
import { ReadStoreUnavailable, type AccountRecord, type AccountSelection, type ListPage, type PageRequest, type ReadStore, type SnapshotAnswer } from '../read-store.js';
import { loadMigrations, schemaVersion } from '../schema.js';
import { ProjectionError } from '../engine.js';
import { deadlineNamed, isConnectionLost, pgReadFailure, READ_DEADLINE_MS, readerPool, redactedUrl } from './connect.js';
import { pgMigrationsDir } from './store.js';
import { shellWord } from '../../core/shell-word.js';
import { READS, type ReadName } from './read-sql.js';

type Row = Record<string, unknown>;

/**
 * The `project` command that builds (or, with `rebuild`, rebuilds) the projection at `url` from
 * `dataDir`, as the operator can run it: the values given, not the placeholders `DIR` and `URL`
 * these messages printed; the password masked (the operator types it back). `dataDir` undefined:
 * not known here (`serve --postgres` without --data, or an answer to a client, which carries no
 * server path) — named for what it is. Example: (postgres://ledger:pw@db/pokt, /srv/chain, true) →
 * `pokt-ledger project --data /srv/chain --postgres 'postgres://ledger:***@db/pokt' --rebuild`.
 */
export function pgProjectCommand(url: string, dataDir: string | undefined, rebuild: boolean): string {
  const data = dataDir === undefined ? "<the chain's data directory>" : shellWord(dataDir);
  return `\`pokt-ledger project --data ${data} --postgres ${shellWord(redactedUrl(url))}${rebuild ? ' --rebuild' : ''}\``;
}

export interface ReplicaStatus {
  /** WAL received but not yet replayed, in bytes (null when nothing was received by streaming). */
  readonly lagBytes: string | null;
  /** 0 when everything received is replayed, else ms since the last replayed commit's primary time. */
  readonly lagMs: string | null;
  /** pg_stat_wal_receiver.status ('streaming', …); null when not visible to this role or no receiver. */
  readonly receiver: string | null;
}

interface Snapshot {
  readonly client: pg.PoolClient;
  /** The snapshot's reads run one after the other on its connection (pg queues, but warns). */
  queue: Promise<unknown>;
  readonly latest: number | undefined;
  readonly replica: ReplicaStatus | undefined;
  /** The cache epoch when the snapshot began, before its first statement (../cache-epoch.ts). */
  readonly epoch: number;
}

const OPEN_SNAPSHOT = `BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY;
SELECT height, block_hash FROM projection_checkpoint WHERE id = 1;
SELECT pg_is_in_recovery() AS replica,
  CASE WHEN pg_last_wal_receive_lsn() IS NOT NULL
       THEN greatest(0, pg_wal_lsn_diff(pg_last_wal_receive_lsn(), pg_last_wal_replay_lsn()))::text END AS lag_bytes,
  CASE WHEN pg_last_wal_receive_lsn() <= pg_last_wal_replay_lsn() THEN '0'
       ELSE round(1000 * extract(epoch FROM clock_timestamp() - pg_last_xact_replay_timestamp()))::text END AS lag_ms,
  (SELECT status FROM pg_stat_wal_receiver) AS receiver`;

/** Headers of an answer read in a snapshot (docs/postgresql.md). */
export function snapshotHeaders(replica: ReplicaStatus | undefined): Record<string, string> {
  if (replica === undefined) return { 'x-ledger-source': 'primary' };
  const headers: Record<string, string> = { 'x-ledger-source': 'replica' };
  if (replica.lagBytes !== null) headers['x-ledger-replay-lag-bytes'] = replica.lagBytes;
  if (replica.lagMs !== null) headers['x-ledger-replay-lag-ms'] = replica.lagMs;
  if (replica.receiver !== null) headers['x-ledger-replica-streaming'] = String(replica.receiver === 'streaming');
  return headers;
}

/** Connections a reading process opens by default (`serve --pool`). */
export const DEFAULT_PG_READERS = 8;

/** Account counts kept (selection × height): the heights a walk through the pages reads, with room. */
const CACHED_COUNTS = 128;

const offsetOf = (page: PageRequest): [number, number] => [page.perPage, (page.page - 1) * page.perPage];

export class PgReadStore implements ReadStore {
  private readonly current = new AsyncLocalStorage<Snapshot>();
  /** Which chain the caches below may keep a value of: a read in a snapshot begun before a drop keeps nothing. */
  private readonly epoch = new CacheEpoch(() => this.current.getStore()?.epoch);
  /** Whole node and app lists by height, built incrementally (as-of-lists.ts; as the SQLite store). */
  private readonly lists = {
    nodes: new AsyncAsOfLists<NodeJson>({
      full: async (height) => byAddress((await this.rows('nodes', [height])).map((row) => nodeJsonOf(row as never))),
      changes: async (from, to) => (await this.rows('nodeChanges', [from, to])).map((row) => ({ key: row.address as string, value: num(row.deleted) === 1 ? undefined : nodeJsonOf(row as never) })),
    }, this.epoch),
    apps: new AsyncAsOfLists<AppJson>({
      full: async (height) => byAddress((await this.rows('apps', [height])).map((row) => appJsonOf(row as never))),
      changes: async (from, to) => (await this.rows('appChanges', [from, to])).map((row) => ({ key: row.address as string, value: num(row.deleted) === 1 ? undefined : appJsonOf(row as never) })),
    }, this.epoch),
  };

  /** A rebuild of the projection with other blocks (its way back after a rollback) makes the cached lists wrong: drop them. */
  private readonly watch = new CheckpointWatch(() => {
    Object.values(this.lists).forEach((list) => list.clear());
    this.accountCounts.clear();
    this.accountPageEnds.clear();
    this.epoch.next();
    this.first = undefined;
  });
  /**
   * Account counts by selection and height: every page of /v1/query/accounts reports the total,
   * and at a projected height it never changes (rows ≤ the checkpoint are final until a rebuild,
   * which the watch sees). PERF: the count scans every address's balance rows (~160 ms at 300k).
   */
  private readonly accountCounts = new BoundedCache<string, number>(CACHED_COUNTS);
  /** Where a page of accounts starts: after the last address of the page before, when it was read. */
  private readonly accountPageEnds = new AccountPageEnds();
  /** firstHeight once read (it never changes while the projection holds the same chain). */
  private first: number | undefined;

  private constructor(
    private readonly pool: pg.Pool,
    readonly url: string,
    private readonly queryMs: number,
    /** The chain's data directory the operator gave (serve --data), named in errors at start. */
    private readonly dataDir: string | undefined,
  ) {}

  /**
   * Opens a pool on `url` and checks the projection is there and of this build's schema
   * (`projection_missing` / `projection_schema_mismatch`: run `project --postgres`); an
   * unreachable server is `postgres_unavailable`. A server silent for `queryMs` is a lost
   * connection: 503 `database_unavailable`, the connection closed (connect.ts READ_DEADLINE_MS).
   * `dataDir`: the chain's data directory, when the operator gave it — the refusals at start name
   * it in the command they ask for (pgProjectCommand).
   */
  static async open(url: string, maxConnections = DEFAULT_PG_READERS, queryMs = READ_DEADLINE_MS, dataDir?: string): Promise<PgReadStore> {
    const store = new PgReadStore(readerPool(url, maxConnections, queryMs), url, queryMs, dataDir);
    try {
      await store.checkSchema();
      return store;
    } catch (error) {
      await store.close();
      if (isConnectionLost(error)) throw new ProjectionError('postgres_unavailable', `cannot connect to PostgreSQL at ${redactedUrl(url)} (${(error as Error).message}): is the server running, and are the host and port in the URL right?`, { url: redactedUrl(url) });
      throw error;
    }
  }

  async snapshot<T>(read: () => Promise<T>): Promise<SnapshotAnswer<T>> {
    const epoch = this.epoch.now(); // before the snapshot is taken: a drop after it may concern this snapshot's chain
    const client = await this.pool.connect().catch((error: unknown) => {
      throw this.failure(error);
    });
    let broken: unknown;
    try {
      const opened = (await client.query(OPEN_SNAPSHOT)) as unknown as pg.QueryResult[];
      const checkpoint = opened[1]!.rows[0] as { height: bigint; block_hash: string } | undefined;
      const status = opened[2]!.rows[0] as { replica: boolean; lag_bytes: string | null; lag_ms: string | null; receiver: string | null };
      const replica = status.replica ? { lagBytes: status.lag_bytes, lagMs: status.lag_ms, receiver: status.receiver } : undefined;
      const snapshot: Snapshot = { client, queue: Promise.resolve(), latest: checkpoint === undefined ? undefined : Number(checkpoint.height), replica, epoch };
      const value = await this.current.run(snapshot, async () => {
        if (checkpoint !== undefined) await this.observe({ height: Number(checkpoint.height), blockHash: checkpoint.block_hash });
        return read();
      });
      return { value, headers: snapshotHeaders(replica) };
    } catch (error) {
      // Only a lost connection is discarded; after any other refusal it rolls back and is reused.
      if ((error instanceof ReadStoreUnavailable && error.code === 'database_unavailable') || isConnectionLost(error)) broken = error;
      throw this.failure(error);
    } finally {
      // The answer does not wait for the end of its read-only transaction; the connection
      // returns to the pool once it ended (a broken one is discarded).
      if (broken !== undefined) client.release(broken as Error);
      else void client.query('ROLLBACK').then(() => client.release(), (error: Error) => client.release(error));
    }
  }

  async latestHeight(): Promise<number | undefined> {
    const snapshot = this.current.getStore();
    if (snapshot !== undefined) return snapshot.latest;
    const row = (await this.rows('checkpoint', []))[0];
    if (row === undefined) return undefined;
    await this.observe({ height: num(row.height), blockHash: row.block_hash as string });
    return num(row.height);
  }

  async firstHeight(): Promise<number | undefined> {
    if (this.first !== undefined) return this.first;
    const epoch = this.epoch.ofRead();
    const row = (await this.rows('firstHeight', []))[0]?.height;
    const height = row === null || row === undefined ? undefined : num(row);
    if (this.epoch.keeps(epoch)) this.first = height;
    return height;
  }

  /** Hands an answer's checkpoint to the watch, reading the one row it needs (checkpoint-watch.ts). */
  private async observe(checkpoint: CheckpointSeen): Promise<void> {
    const successor = this.watch.successorNeeded(checkpoint);
    if (successor === undefined) return this.watch.observe(checkpoint);
    const previousHash = (await this.rows('previousHash', [successor]))[0]?.previous_hash as string | undefined;
    this.watch.observe(checkpoint, { height: successor, previousHash });
  }

  block = async (height: number) => {
    const row = (await this.rows('block', [height]))[0];
    return row === undefined ? undefined : blockOf(row, num(row.total_txs));
  };

  blockHeightOf = async (hash: string, height: number) => {
    const row = (await this.rows('blockHeightOf', [hash, height]))[0];
    return row === undefined ? undefined : num(row.height);
  };

  blockTxs = (height: number, order: 'asc' | 'desc', page: PageRequest) => this.page(order === 'asc' ? 'blockTxsAsc' : 'blockTxsDesc', 'blockTxCount', [height], page, txOf);

  blockTxHashes = async (height: number) => (await this.rows('blockTxHashes', [height])).map((row) => row.hash as string);

  tx = async (hash: string, height: number) => this.one('tx', [hash, height], txOf);

  accountTxs: ReadStore['accountTxs'] = (filter, height, page) => {
    const direction = filter.order === 'asc' ? ('Asc' as const) : ('Desc' as const);
    const params = [filter.address, height, filter.fromHeight];
    return filter.received ? this.page(`received${direction}` as const, 'receivedCount', params, page, txOf) : this.page(`sent${direction}` as const, 'sentCount', params, page, txOf);
  };

  account = (address: string, height: number) => this.one('account', [address, height], accountOf);
  accounts = async (height: number, page: PageRequest, which: AccountSelection = 'all') => {
    const [items, total] = await Promise.all([this.accountPage(height, page, which), this.accountCount(which, height)]);
    return { items, total };
  };

  /**
   * A page of accounts, after the page before's last address when that page was read, else —
   * a jump — after the account at its position (../account-pages.ts); page 1 after '' (below
   * every address): a walk too, not a sort of every address's latest balance.
   */
  private async accountPage(height: number, page: PageRequest, which: AccountSelection): Promise<AccountRecord[]> {
    const epoch = this.epoch.ofRead();
    const start = this.accountPageEnds.start(height, page, which);
    const after = 'after' in start ? start.after : await this.accountAt(height, start.position, which);
    const rows = after === undefined ? [] : await this.rows(which === 'all' ? 'accountsAfter' : 'accountsWithCoinsAfter', [height, after, page.perPage]);
    const items = rows.map(accountOf);
    if (this.epoch.keeps(epoch)) this.accountPageEnds.keep(height, page, which, items);
    return items;
  }

  /** The address at `position` (from 0) of the accounts at `height` by address, or undefined past the last: a jump's start. */
  private async accountAt(height: number, position: number, which: AccountSelection): Promise<string | undefined> {
    return (await this.rows(which === 'all' ? 'accountAt' : 'accountWithCoinsAt', [height, position]))[0]?.address as string | undefined;
  }

  private async accountCount(which: AccountSelection, height: number): Promise<number> {
    const key = `${which}@${height}`;
    const kept = this.accountCounts.get(key);
    if (kept !== undefined) return kept;
    const epoch = this.epoch.ofRead();
    const total = num((await this.rows(which === 'all' ? 'accountCount' : 'accountWithCoinsCount', [height]))[0]!.n);
    if (this.epoch.keeps(epoch)) this.accountCounts.set(key, total);
    return total;
  }

  balance = async (address: string, height: number) => {
    const row = (await this.rows('balance', [address.toLowerCase(), height]))[0];
    return row === undefined ? 0n : integerOf(row.balance_upokt);
  };
  supply = (height: number) => this.one('supplyRow', [height], supplyJsonOf);

  node = (address: string, height: number) => this.one('node', [address.toLowerCase(), height], (row) => nodeJsonOf(row as never));
  nodes = (height: number) => this.lists.nodes.at(height);
  app = (address: string, height: number) => this.one('app', [address.toLowerCase(), height], (row) => appJsonOf(row as never));
  apps = (height: number) => this.lists.apps.at(height);
  signingInfo = (address: string, height: number) => this.one('signingInfo', [address.toLowerCase(), height], signingInfoOf);
  signingInfos = async (height: number) => (await this.rows('signingInfos', [height])).map(signingInfoOf);
  validatorSet = async (height: number) => {
    const row = (await this.rows('validatorSet', [height]))[0];
    return row === undefined ? [] : validatorSetOf(row.members_json as string);
  };

  claim: ReadStore['claim'] = (key, height) =>
    this.one('claim', [key.servicer.toLowerCase(), key.appPublicKey.toLowerCase(), key.chain, key.sessionHeight, key.evidenceType, height], (row) => claimAnswer(claimRecordOf(row.claim_json as string)));
  claims = async (height: number, servicer?: string) => (await this.rows('claims', [height, servicer?.toLowerCase() ?? null])).map((row) => claimAnswer(claimRecordOf(row.claim_json as string)));

  allParams = async (height: number) => {
    const [rows, before] = await Promise.all([this.rows('params', [height]), this.rows('param', ['gov/upgrade', height - 1])]);
    return allParamsOf(rows as unknown as ParamRow[], height, before[0]?.param_value as string | undefined);
  };

  rewardLines: ReadStore['rewardLines'] = (filter, page) =>
    this.page('rewards', 'rewardCount', [filter.fromHeight, filter.toHeight, filter.node ?? null, filter.address ?? null, filter.chain ?? null], page, rewardOf);
  rapSheet: ReadStore['rapSheet'] = (address, range, page) => this.page('rap', 'rapCount', [range.fromHeight, range.toHeight, address ?? null], page, rapOf);
  claimLifecycle: ReadStore['claimLifecycle'] = (filter, asOf, page) =>
    this.page('lifecycle', 'lifecycleCount', [filter.fromHeight, filter.toHeight, filter.servicer ?? null, filter.status ?? null, asOf], page, (row) => claimOf(row, asOf));
  supplyHistory: ReadStore['supplyHistory'] = (range, page) => this.page('supplyHistory', 'supplyHistoryCount', [range.fromHeight, range.toHeight], page, supplyOf);
  paramHistory: ReadStore['paramHistory'] = (key, range, page) => this.page('paramHistory', 'paramHistoryCount', [range.fromHeight, range.toHeight, key ?? null], page, paramChangeOf);

  async close(): Promise<void> {
    await this.pool.end().catch(() => undefined);
  }

  private async checkSchema(): Promise<void> {
    const expected = schemaVersion(loadMigrations(pgMigrationsDir()));
    const meta = await this.pool.query<{ value: string }>("SELECT value FROM projection_meta WHERE key = 'schema_version'").catch((error: unknown) => {
      if ((error as { code?: string }).code === '42P01') return undefined; // undefined_table
      throw error;
    });
    if (meta === undefined) throw new ProjectionError('projection_missing', `no projection in ${redactedUrl(this.url)}: build it with ${pgProjectCommand(this.url, this.dataDir, false)}`, { url: redactedUrl(this.url) });
    const stored = meta.rows[0]?.value;
    if (stored !== expected) {
      throw new ProjectionError('projection_schema_mismatch', `the projection in ${redactedUrl(this.url)} has schema ${stored ?? '(none)'}, this build reads ${expected}: run ${pgProjectCommand(this.url, this.dataDir, false)} (it rebuilds)`, { stored, expected });
    }
  }

  /** A server's refusal as a coded ReadStoreUnavailable (connect.ts pgReadFailure); anything else as it is. */
  private failure(raised: unknown): unknown {
    const error = deadlineNamed(raised, this.queryMs);
    const kind = pgReadFailure(error);
    if (kind === undefined || error instanceof ReadStoreUnavailable) return error;
    const server = `PostgreSQL at ${redactedUrl(this.url)}`;
    const why = (error as Error).message;
    // An answer to a client: no server path in it (as SQLite's projection_damaged answer), the
    // URL as the message already names it.
    const rebuild = pgProjectCommand(this.url, undefined, true);
    switch (kind) {
      case 'lost':
        return new ReadStoreUnavailable(`${server} is unavailable (${why}); retry — the service reconnects on the next request`);
      case 'busy':
        return new ReadStoreUnavailable(`${server} could not answer now (${why}); retry`, 'database_busy');
      case 'missing':
        return new ReadStoreUnavailable(`the projection in ${server} lacks what this build reads (${why}): its operator must rebuild it with ${rebuild}`, 'projection_missing', false);
      case 'denied':
        return new ReadStoreUnavailable(`${server} refused the read (${why}): the role in the URL needs SELECT on the projection's tables`, 'database_permission_denied', false);
      case 'damaged':
        return new ReadStoreUnavailable(`${server} found the projection's data damaged (${why}): its operator must rebuild it with ${rebuild}`, 'projection_damaged', false);
    }
  }

  private async rows(name: ReadName, values: unknown[]): Promise<Row[]> {
    const query = { name: `ledger_${name}`, text: READS[name], values };
    const snapshot = this.current.getStore();
    try {
      if (snapshot === undefined) return (await this.pool.query<Row>(query)).rows;
      const result = snapshot.queue.then(() => snapshot.client.query<Row>(query));
      snapshot.queue = result.catch(() => undefined);
      return (await result).rows;
    } catch (error) {
      throw this.failure(error);
    }
  }

  private async one<T>(name: ReadName, values: unknown[], of: (row: Row) => T): Promise<T | undefined> {
    const row = (await this.rows(name, values))[0];
    return row === undefined ? undefined : of(row);
  }

  private async page<T>(list: ReadName, count: ReadName, values: unknown[], page: PageRequest, of: (row: Row) => T): Promise<ListPage<T>> {
    const [items, total] = await Promise.all([this.rows(list, [...values, ...offsetOf(page)]), this.rows(count, values)]);
    return { items: items.map(of), total: num(total[0]!.n) };
  }
}
