/**
 * PERF: the query service (`pokt-ledger serve`, src/query/) under a loopback load generator
 * (bench/lib/http-load.ts: node:http keep-alive agent), on a simulated chain with every message
 * kind (dev profile on the bundled mainnet genesis), projected first.
 *
 * Cases: point queries (node, balance, tx) and list queries (nodes, 100 per page; accounttxs of
 * the busiest signers), each at the latest height (height 0) and at historical heights (a seeded
 * random past height per request; accounttxs' height is pocket-core's "txs in that block").
 * For each case:
 * - `req_per_s`: closed loop, 8 requests in flight, next to the LIMIT measured in the same run
 *   and sampled alternately: the same HTTP stack (createHttpApp: parser, validation, serializer)
 *   answering `{}` from an empty route in its own process (bench/lib/empty-server.ts);
 * - `ms_p99` (and p50 in `extra`): open loop at 1,000 requests/s, latency from each request's
 *   send to its answer; the limit is the empty route's p99 at the same rate, alternated. `extra`
 *   also has the p99 from each request's scheduled time (which adds the generator's own timer
 *   lateness, bench/lib/http-load.ts), the rate actually sent, and the service's own p50/p99
 *   (`server_p50_ms`, `server_p99_ms`: each answer's Server-Timing, from its arrival in Fastify to
 *   its serialized answer), which tells a tail inside `serve` from one in the loopback and the
 *   scheduling of two busy processes on the machine's cores.
 * Every case and the empty route are first warmed up (closed loop), so the first cases measured
 * do not pay the JIT's and the bench process's start-up (warmUp).
 * Goal: point queries p99 < 2 ms at 1,000 req/s; historical as fast as latest.
 * Full runs also measure fairness under a flood (bench/lib/flood.ts, case flood/light-during-heavy).
 * --quick: 40 blocks, no list queries at historical heights, smaller samples (httpSampleSizes).
 * Self-check: every answer is HTTP 200 (the generator throws otherwise).
 */
import Database from 'better-sqlite3';
import { spawn, type ChildProcess } from 'node:child_process';
import { rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundledMainnetGenesisPath } from '../src/core/paths.js';
import type { Prng } from '../src/core/prng.js';
import { project } from '../src/projection/run.js';
import { projectionFile } from '../src/projection/store.js';
import { simulate } from '../src/sim/simulator.js';
import { floodCase } from './lib/flood.js';
import { alternatedLatency, closedLoop, httpSampleSizes, loadClient, type LoadClient, type Target } from './lib/http-load.js';
import { measurePair } from './lib/paired.js';
import { summarize } from './lib/stats.js';
import { ownChild, scratchDir } from './lib/scratch.js';
import type { BenchContext, BenchModule } from './lib/types.js';

const here = dirname(fileURLToPath(import.meta.url));
const CONCURRENCY = 8;
const RATE_PER_S = 1000;

interface Universe {
  readonly latest: number;
  readonly nodes: readonly string[];
  readonly accounts: readonly string[];
  readonly signers: readonly string[];
  readonly txs: ReadonlyArray<{ hash: string; height: number }>;
}

function universe(dataDir: string): Universe {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  try {
    const column = (sql: string): string[] => (db.prepare(sql).raw().all() as unknown[][]).map((row) => String(row[0]));
    return {
      latest: Number((db.prepare('SELECT height FROM projection_checkpoint').raw().get() as unknown[])[0]),
      // Nodes that exist at every height (genesis validators never unstaked): a point query at any height finds them.
      nodes: column('SELECT address FROM nodes WHERE height = 0 AND address NOT IN (SELECT address FROM nodes WHERE deleted = 1) ORDER BY 1'),
      accounts: column('SELECT DISTINCT address FROM balances ORDER BY 1'),
      signers: column('SELECT signer FROM txs WHERE signer IS NOT NULL GROUP BY signer ORDER BY count(*) DESC, signer LIMIT 20'),
      txs: (db.prepare('SELECT hash, height FROM txs ORDER BY height, tx_index').raw().all() as Array<[string, number]>).map(([hash, height]) => ({ hash, height: Number(height) })),
    };
  } finally {
    db.close();
  }
}

/** A started server process: its port, and what it has printed and whether it still runs (for failure reports). */
export interface StartedChild {
  readonly child: ChildProcess;
  readonly port: number;
  /** "running" or how it ended, and the last lines it printed. */
  state(): string;
}

/**
 * Starts a child process and resolves with the port it prints. The child runs under this
 * process's node flags: `npm run bench` passes the young-generation size the `pokt-ledger`
 * launcher gives a real `serve` (bin/pokt-ledger.js), and the empty route gets the same.
 */
export function startChild(args: readonly string[], pattern: RegExp): Promise<StartedChild> {
  const child = spawn(process.execPath, [...process.execArgv, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  ownChild(child);
  let output = '';
  let ended: string | undefined;
  const state = (): string => `${ended ?? 'running'}; last output: ${output.slice(-600).trim() || '(none)'}`;
  return new Promise((resolve, reject) => {
    const onData = (chunk: Buffer): void => {
      output = (output + chunk.toString('utf8')).slice(-4000);
      const match = pattern.exec(output);
      if (match) resolve({ child, port: Number(match[1]), state });
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.on('close', (code, signal) => {
      ended = `exited (code ${code}, signal ${signal})`;
      reject(new Error(`${args.join(' ')} ${ended}: ${output}`));
    });
  });
}

type Case = { readonly name: string; readonly kind: 'point' | 'list'; readonly at: 'latest' | 'historical'; readonly next: () => Target };

/** Every case; --quick leaves out the list queries at historical heights (budget; the goals are on point queries). */
function cases(u: Universe, prng: Prng, port: number, quick: boolean): Case[] {
  const pick = <T>(list: readonly T[]): T => list[prng.int(list.length)]!;
  const past = (from = 1): number => from + prng.int(Math.max(1, u.latest - from));
  const target = (route: string, body: unknown): Target => ({ port, path: `/v1/query/${route}`, body: JSON.stringify(body) });
  const out: Case[] = [];
  for (const at of ['latest', 'historical'] as const) {
    const height = (from?: number): number => (at === 'latest' ? 0 : past(from));
    out.push({ name: 'node', kind: 'point', at, next: () => target('node', { address: pick(u.nodes), height: height() }) });
    out.push({ name: 'balance', kind: 'point', at, next: () => target('balance', { address: pick(u.accounts), height: height() }) });
    out.push({
      name: 'tx', kind: 'point', at, next: () => {
        const tx = pick(u.txs);
        return target('tx', { hash: tx.hash, ...(at === 'latest' ? {} : { height: height(tx.height) }) });
      },
    });
    if (quick && at === 'historical') continue;
    out.push({ name: 'nodes', kind: 'list', at, next: () => target('nodes', { height: height(), opts: { page: 1 + prng.int(3), per_page: 100 } }) });
    out.push({ name: 'accounttxs', kind: 'list', at, next: () => target('accounttxs', { address: pick(u.signers), ...(at === 'latest' ? {} : { height: height() }), per_page: 30 }) });
  }
  return out;
}

/**
 * Before any case: every case's requests and the empty route's, closed loop. Without it the first
 * cases (the latest height's) met a cold JIT in both processes and the bench process's own
 * garbage from simulating and projecting: the empty route itself ran at a fifth of its later
 * req/s, and "latest" read as slower than "historical" (bench/NOTES.md, "The query service").
 */
async function warmUp(ctx: BenchContext, client: LoadClient, all: readonly Case[], emptyPort: number): Promise<void> {
  const requests = ctx.quick ? 2000 : 5000;
  ctx.progress(`warm-up: ${requests} requests per case and for the empty route`);
  const empty = (): Target => ({ port: emptyPort, path: '/empty', body: '{"height":0}' });
  for (const next of [empty, ...all.map((c) => c.next), empty]) await closedLoop(client, next, requests, CONCURRENCY);
}

async function runCase(ctx: BenchContext, client: LoadClient, c: Case, emptyPort: number, workload: Record<string, unknown>): Promise<void> {
  const requests = httpSampleSizes(ctx.quick);
  const empty = (): Target => ({ port: emptyPort, path: '/empty', body: '{"height":0}' });
  const label = `${c.name}@${c.at}`;
  const rates = await measurePair(
    ctx,
    { label: `empty route (limit) for ${label}`, run: () => closedLoop(client, empty, requests.closedLoop, CONCURRENCY) },
    { label: `${label} req/s`, run: () => closedLoop(client, c.next, requests.closedLoop, CONCURRENCY) },
  );
  ctx.report({ case: `${c.kind}/${label}/throughput`, workload: { ...workload, concurrency: CONCURRENCY }, metric: 'req_per_s', stats: rates.subject, limit: { what: 'the same HTTP stack answering {} from an empty route (own process), alternated', median: rates.limit.median } });
  const { p50, p99, limitP99, p99FromSchedule, sentPerS, serverP50, serverP99 } = await alternatedLatency(client, c.next, empty, requests.openLoop, ctx.quick ? 5 : 7, RATE_PER_S, Math.min(requests.openLoop, 500));
  const stats = summarize(p99);
  const inServe = summarize(serverP99).median;
  const resent = client.retries > 0 ? `; ${client.retries} request(s) resent so far after a reused connection was reset (http-load.ts)` : '';
  ctx.progress(`  ${label} at ${RATE_PER_S} req/s: p50 ${summarize(p50).median.toFixed(3)} ms, p99 ${stats.median.toFixed(3)} ms (inside serve ${inServe.toFixed(3)} ms; empty route p99 ${summarize(limitP99).median.toFixed(3)} ms)${resent}`);
  ctx.report({
    case: `${c.kind}/${label}/latency`,
    workload: { ...workload, rate_per_s: RATE_PER_S },
    metric: 'ms_p99',
    stats,
    limit: { what: `p99 of the empty route at ${RATE_PER_S} req/s, alternated`, median: summarize(limitP99).median },
    extra: {
      p50_ms: Number(summarize(p50).median.toFixed(3)),
      p99_from_schedule_ms: Number(summarize(p99FromSchedule).median.toFixed(3)),
      // The service's own time on each answer (its Server-Timing header): the rest of the p99 is
      // the loopback, the two processes' scheduling and the generator (bench/NOTES.md, query).
      server_p50_ms: Number(summarize(serverP50).median.toFixed(3)),
      server_p99_ms: Number(inServe.toFixed(3)),
      sent_per_s: Math.round(summarize(sentPerS).median),
      resent_after_reset_so_far: client.retries,
      ...(c.kind === 'point' ? { goal_ms_p99_below: 2 } : {}),
    },
  });
}

export const benchmark: BenchModule = {
  name: 'query',
  description: 'query service: p50/p99 at 1,000 req/s and req/s for point and list queries, latest vs historical heights, next to an empty route',
  async run(ctx) {
    const scratch = scratchDir('bench-query-');
    const children: ChildProcess[] = [];
    const client = loadClient(CONCURRENCY);
    try {
      const dir = join(scratch, 'chain');
      const blocks = ctx.quick ? 40 : 150;
      ctx.progress(`workload: simulating ${blocks} blocks, every message kind, dev profile on the mainnet genesis (seed ${ctx.seed}), then projecting…`);
      await simulate({ dataDir: dir, genesisFile: bundledMainnetGenesisPath(), seed: BigInt(ctx.seed), blocks, txsPerBlock: 10, fsync: 'never' });
      await project(dir);
      const u = universe(dir);
      const serve = await startChild([join(here, '..', 'src', 'cli', 'main.js'), 'serve', '--data', dir, '--port', '0'], /listening on http:\/\/[0-9.]+:([0-9]+)/);
      const empty = await startChild([join(here, 'lib', 'empty-server.js')], /listening ([0-9]+)/);
      children.push(serve.child, empty.child);
      const workload = { blocks: u.latest, nodes: u.nodes.length, accounts: u.accounts.length, txs: u.txs.length };
      const all = cases(u, ctx.prng(), serve.port, ctx.quick);
      await warmUp(ctx, client, all, empty.port);
      for (const c of all) {
        // A failed request names the case and what the server process was doing (a crash, or alive and refusing).
        await runCase(ctx, client, c, empty.port, workload).catch((error: unknown) => {
          throw new Error(`${c.kind}/${c.name}@${c.at}: ${error instanceof Error ? error.message : String(error)}; serve process: ${serve.state()}`);
        });
      }
      // Full runs only (the quick suite's 3-minute budget): rewards pages of 1,000 lines against `height`.
      if (!ctx.quick) {
        const heavy = (): Target => ({ port: serve.port, path: '/v1/query/rewards', body: JSON.stringify({ per_page: 1_000 }) });
        const light = (): Target => ({ port: serve.port, path: '/v1/query/height', body: '{}' });
        await floodCase(ctx, heavy, light, workload).catch((error: unknown) => {
          throw new Error(`flood: ${error instanceof Error ? error.message : String(error)}; serve process: ${serve.state()}`);
        });
      }
    } finally {
      client.close();
      for (const child of children) child.kill('SIGTERM');
      rmSync(scratch, { recursive: true, force: true });
    }
  },
};
