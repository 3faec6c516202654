/**
 * PERF: the PostgreSQL projection (src/projection/pg) on real servers (scripts/postgres.sh: a
 * primary and a streaming replica, started and stopped here), on the same simulated chain as
 * `project` (every message kind, dev profile on the mainnet genesis).
 * - `rows/copy`, `rows/insert`: catch-up into a fresh projection (genesis rows, then every block,
 *   DEFAULT_BATCH_BLOCKS (64) blocks per transaction with its checkpoint) by COPY and by multi-row INSERT, in rows/s,
 *   each next to the limit: a raw COPY of the very same final rows into empty tables of the same
 *   schema, one transaction, sampled alternately. Goal ≥ 0.5 of raw.
 * - `query/replica`: as-of point reads (a node at a random height) on the streaming replica,
 *   from 1 and from 2 client processes' worth of connections (8 each), p50/p99 latency and req/s
 *   (the limit: `SELECT 1` round trips on the same connections).
 * - `serve-replica/…`: `serve --postgres` on the replica over HTTP, one and two processes
 *   (bench/lib/serve-replica.ts).
 * Self-checks: every projection ends at the chain's height with the same row count.
 * POKT_BENCH_PG_CASES=serve skips the catch-up pairs (projects once, then the read cases).
 * --quick (the quick suite's 3-minute budget): 40 blocks, `rows/copy` only, one client process
 * for `query/replica`, no `serve-replica` cases.
 */
import { execFileSync } from 'node:child_process';
import { rmSync } from 'node:fs';
import { join } from 'node:path';
import pg from 'pg';
import { packageRoot } from '../src/core/paths.js';
import { connect, readerPool } from '../src/projection/pg/connect.js';
import { PgProjectionStore, pgMigrationsDir } from '../src/projection/pg/store.js';
import { copyRows, type PgWriteMode } from '../src/projection/pg/write.js';
import { DEFAULT_BATCH_BLOCKS } from '../src/projection/run.js';
import { loadMigrations } from '../src/projection/schema.js';
import { TABLES, type Row } from '../src/projection/tables.js';
import type { CommittedBlock } from '../src/runtime/committed-block.js';
import { loadGenesisOfDataDir, readDataDirConfig } from '../src/runtime/data-dir.js';
import { summarize } from './lib/stats.js';
import { measurePair } from './lib/paired.js';
import { committedBlocks, mixedChain, type MixedChain } from './project.js';
import { serveReplicaCases } from './lib/serve-replica.js';
import { scratchDir } from './lib/scratch.js';
import type { BenchContext, BenchModule } from './lib/types.js';

const SCRIPT = join(packageRoot(), 'scripts', 'postgres.sh');

async function createDatabase(url: string, name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${name}`);
  await admin.query(`CREATE DATABASE ${name}`);
  await admin.end();
  const parsed = new URL(url);
  parsed.pathname = `/${name}`;
  return parsed.toString();
}

async function projectAll(url: string, chain: MixedChain, blocks: readonly CommittedBlock[], mode: PgWriteMode): Promise<number> {
  const store = await PgProjectionStore.open(url, { rebuild: true, bulkMode: mode });
  try {
    await store.seedGenesis(loadGenesisOfDataDir(chain.dir).state, readDataDirConfig(chain.dir).genesis_state_root);
    for (let i = 0; i < blocks.length; i += DEFAULT_BATCH_BLOCKS) {
      void store.apply(blocks.slice(i, i + DEFAULT_BATCH_BLOCKS));
      await store.throttle(1);
    }
    await store.drain();
    if (store.checkpoint?.height !== chain.height) throw new Error(`projection ended at ${store.checkpoint?.height}`);
  } finally {
    await store.close();
  }
  return countRows(url);
}

async function countRows(url: string): Promise<number> {
  const client = await connect(url);
  try {
    let rows = 1; // the checkpoint row
    for (const table of TABLES) rows += Number((await client.query<{ n: bigint }>(`SELECT count(*) AS n FROM ${table.name}`)).rows[0]!.n);
    return rows;
  } finally {
    await client.end();
  }
}

async function readRows(url: string): Promise<Row[][]> {
  const client = await connect(url);
  try {
    const all: Row[][] = [];
    for (const table of TABLES) all.push((await client.query<Row>({ text: `SELECT ${table.columns.join(', ')} FROM ${table.name}`, rowMode: 'array' })).rows);
    return all;
  } finally {
    await client.end();
  }
}

/** The limit: the same rows (+ the checkpoint) by COPY into empty tables of the same schema, one transaction. */
async function rawCopy(url: string, rows: readonly Row[][]): Promise<number> {
  const client = await connect(url);
  try {
    await client.query(`DROP TABLE IF EXISTS ${[...TABLES.map((t) => t.name), 'projection_checkpoint'].join(', ')}`);
    for (const migration of loadMigrations(pgMigrationsDir())) await client.query(migration.sql);
    await client.query('BEGIN');
    let count = 1;
    for (const table of TABLES) {
      await copyRows(client, table, rows[table.index]!);
      count += rows[table.index]!.length;
    }
    await client.query("INSERT INTO projection_checkpoint VALUES (1, 0, '', '')");
    await client.query('COMMIT');
    return count;
  } finally {
    await client.end();
  }
}

async function waitForReplay(primary: string, replica: string): Promise<void> {
  const p = await connect(primary);
  const r = await connect(replica);
  try {
    const lsn = (await p.query<{ lsn: string }>('SELECT pg_current_wal_lsn()::text AS lsn')).rows[0]!.lsn;
    for (;;) {
      const caught = (await r.query<{ ok: boolean }>('SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS ok', [lsn])).rows[0]!.ok;
      if (caught) return;
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  } finally {
    await p.end();
    await r.end();
  }
}

/** `clients` connections each issuing `perClient` queries back to back; latencies in ms. */
async function load(url: string, clients: number, perClient: number, query: (i: number) => [string, unknown[]]): Promise<{ latencies: number[]; seconds: number }> {
  const pool = readerPool(url, clients);
  const latencies: number[] = [];
  const started = process.hrtime.bigint();
  await Promise.all(
    Array.from({ length: clients }, async (_, c) => {
      for (let i = 0; i < perClient; i++) {
        const [sql, params] = query(c * perClient + i);
        const t0 = process.hrtime.bigint();
        await pool.query(sql, params);
        latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      }
    }),
  );
  const seconds = Number(process.hrtime.bigint() - started) / 1e9;
  await pool.end();
  return { latencies, seconds };
}

async function serveUniverse(replica: string, chain: MixedChain): Promise<{ nodes: string[]; accounts: string[]; height: number }> {
  const client = await connect(replica);
  try {
    const column = async (sql: string): Promise<string[]> => (await client.query<{ address: string }>(sql)).rows.map((r) => r.address);
    // Nodes that exist at every height (never removed): a point query at any height finds them.
    const nodes = await column('SELECT address FROM nodes WHERE height = 0 AND address NOT IN (SELECT address FROM nodes WHERE deleted = 1) ORDER BY 1');
    return { nodes, accounts: await column('SELECT DISTINCT address FROM balances ORDER BY 1'), height: chain.height };
  } finally {
    await client.end();
  }
}

function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
}

async function queryCases(ctx: BenchContext, primary: string, replica: string, chain: MixedChain): Promise<void> {
  await waitForReplay(primary, replica);
  const client = await connect(replica);
  const addresses = (await client.query<{ address: string }>('SELECT DISTINCT address FROM nodes ORDER BY 1')).rows.map((r) => r.address);
  await client.end();
  const prng = ctx.prng();
  const point = (): [string, unknown[]] => [
    'SELECT * FROM nodes t WHERE t.address = $1 AND t.height = (SELECT max(height) FROM nodes WHERE address = $1 AND height <= $2) AND t.deleted = 0',
    [addresses[prng.int(addresses.length)], prng.int(chain.height + 1)],
  ];
  const perClient = ctx.quick ? 200 : 1000;
  for (const processes of ctx.quick ? [1] : [1, 2]) {
    const clients = 8 * processes;
    const samples = [];
    const limits = [];
    for (let s = 0; s < 5; s++) {
      limits.push(await load(replica, clients, perClient, () => ['SELECT 1', []]));
      samples.push(await load(replica, clients, perClient, point));
    }
    const rate = summarize(samples.map((s) => s.latencies.length / s.seconds));
    const all = samples.flatMap((s) => s.latencies);
    ctx.report({
      case: `query/replica-${processes}x8-connections`,
      workload: { nodes: addresses.length, heights: chain.height, connections: clients, queries_per_sample: clients * perClient, query: 'node as of a random height' },
      metric: 'req_per_s',
      stats: rate,
      limit: { what: 'SELECT 1 round trips on the same connections to the replica (sampled alternately)', median: summarize(limits.map((s) => s.latencies.length / s.seconds)).median },
      extra: { p50_ms: Number(percentile(all, 50).toFixed(3)), p99_ms: Number(percentile(all, 99).toFixed(3)) },
    });
  }
}

export const benchmark: BenchModule = {
  name: 'project-pg',
  description: 'PostgreSQL projection: catch-up rows/s by COPY and by INSERT vs a raw COPY of the same rows (goal ≥ 0.5); as-of reads on the streaming replica (p50/p99, req/s)',
  async run(ctx) {
    const scratch = scratchDir('pokt-ledger-bench-project-pg-');
    ctx.progress('starting a PostgreSQL primary and a streaming replica (scripts/postgres.sh up)…');
    const up = execFileSync('bash', [SCRIPT, 'up'], { encoding: 'utf8' });
    const value = (name: string): string => new RegExp(`^${name}=(.+)$`, 'm').exec(up)![1]!;
    const dir = value('PG_DIR');
    const tearDown = (): void => {
      execFileSync('bash', [SCRIPT, 'down', dir]);
      rmSync(scratch, { recursive: true, force: true });
    };
    // Ctrl-C (or a SIGTERM) mid-run: stop the two servers too, rather than leave them running.
    const stop = (signal: NodeJS.Signals): void => {
      tearDown();
      process.exit(signal === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      const chain = await mixedChain(ctx, scratch, ctx.quick ? 40 : 150);
      const blocks = await committedBlocks(chain);
      const target = await createDatabase(value('PG_PRIMARY_URL'), 'bench_projection');
      const raw = await createDatabase(value('PG_PRIMARY_URL'), 'bench_raw');
      const rows = await projectAll(target, chain, blocks, 'copy');
      const tableRows = await readRows(target);
      const workload = { blocks: chain.height, txs: chain.txs, rows, batch_blocks: DEFAULT_BATCH_BLOCKS, mix: 'simulator, every message kind (dev profile)', genesis: 'mainnet + sim accounts' };
      // --quick: COPY (the default bulk mode) only; the full run also measures INSERT.
      const modes = process.env['POKT_BENCH_PG_CASES'] === 'serve' ? [] : ctx.quick ? (['copy'] as const) : (['copy', 'insert'] as const);
      for (const mode of modes) {
        const pair = await measurePair(
          ctx,
          { label: 'raw COPY of the same rows', run: () => rawCopy(raw, tableRows) },
          {
            label: `PostgreSQL projection (${mode})`,
            run: async () => {
              const projected = await projectAll(target, chain, blocks, mode);
              if (projected !== rows) throw new Error(`projected ${projected} rows, expected ${rows}`);
              return projected;
            },
          },
        );
        ctx.report({
          case: `rows/${mode}`,
          workload,
          metric: 'rows_per_s',
          stats: pair.subject,
          limit: { what: 'raw COPY of the same final rows into empty tables of the same schema, one transaction (sampled alternately)', median: pair.limit.median },
          extra: { goal_ratio_to_limit: 0.5 },
        });
      }
      const replica = new URL(target.replace(new URL(value('PG_PRIMARY_URL')).port, new URL(value('PG_REPLICA_URL')).port)).toString();
      await queryCases(ctx, target, replica, chain);
      // --quick: the HTTP cases on the replica are left to the full run (the quick suite's budget).
      if (!ctx.quick) await serveReplicaCases(ctx, replica, await serveUniverse(replica, chain));
    } catch (error) {
      ctx.progress(`the primary's log ends with:\n${execFileSync('tail', ['-n', '20', join(dir, 'primary.log')], { encoding: 'utf8' })}`);
      throw error;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      tearDown();
    }
  },
};
