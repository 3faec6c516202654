/**
 * PERF (part of `bench project-pg`): `serve --postgres` on the streaming replica over HTTP, with
 * one and with two serve processes (each its own pool of 8 connections), the load spread
 * round-robin over them. Per process count and case (a node, a balance at a random height):
 * - `req_per_s`: closed loop, 8 requests in flight per process, next to the LIMIT measured in the
 *   same run and alternated: as many processes of the same HTTP stack answering `{}` from an
 *   empty route (bench/lib/empty-server.ts), under the same load;
 * - p50/p99 at an open-loop 1,000 req/s (latency from each request's send; from its scheduled
 *   time in `extra`, bench/lib/http-load.ts) next to the empty route's p99 at the same rate.
 * Self-check: every answer is HTTP 200 and, read from the replica, says so (x-ledger-source).
 * (Full runs only: `project-pg --quick` leaves these cases out.)
 */
import type { ChildProcess } from 'node:child_process';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startChild } from '../query.js';
import { alternatedLatency, closedLoop, httpSampleSizes, loadClient, type Target } from './http-load.js';
import { measurePair } from './paired.js';
import { summarize } from './stats.js';
import type { BenchContext } from './types.js';

const here = dirname(fileURLToPath(import.meta.url));
const IN_FLIGHT_PER_PROCESS = 8;
const RATE_PER_S = 1000;

export interface ServeUniverse {
  readonly nodes: readonly string[];
  readonly accounts: readonly string[];
  readonly height: number;
}

async function checkReplica(port: number, body: string): Promise<void> {
  const response = await fetch(`http://127.0.0.1:${port}/v1/query/node`, { method: 'POST', body });
  if (response.status !== 200 || response.headers.get('x-ledger-source') !== 'replica') throw new Error(`serve on the replica answered ${response.status}, x-ledger-source ${response.headers.get('x-ledger-source')}`);
}

export async function serveReplicaCases(ctx: BenchContext, replicaUrl: string, u: ServeUniverse): Promise<void> {
  const children: ChildProcess[] = [];
  const start = async (args: readonly string[], pattern: RegExp): Promise<number> => {
    const started = await startChild(args, pattern);
    children.push(started.child);
    return started.port;
  };
  const prng = ctx.prng();
  const pick = <T>(list: readonly T[]): T => list[prng.int(list.length)]!;
  try {
    for (const processes of [1, 2]) {
      // A fresh keep-alive agent per round: none of its sockets lead to the previous round's processes.
      // loadClient resends a request whose reused keep-alive connection the server had just closed.
      const client = loadClient(IN_FLIGHT_PER_PROCESS);
      const serves: number[] = [];
      const empties: number[] = [];
      for (let p = 0; p < processes; p++) {
        serves.push(await start([join(here, '..', '..', 'src', 'cli', 'main.js'), 'serve', '--postgres', replicaUrl, '--port', '0', '--pool', '8'], /listening on http:\/\/[0-9.]+:([0-9]+)/));
        empties.push(await start([join(here, 'empty-server.js')], /listening ([0-9]+)/));
      }
      await checkReplica(serves[0]!, JSON.stringify({ address: u.nodes[0], height: 0 }));
      let turn = 0;
      const port = (ports: readonly number[]): number => ports[turn++ % ports.length]!;
      const empty = (): Target => ({ port: port(empties), path: '/empty', body: '{"height":0}' });
      const routes = {
        node: (): Target => ({ port: port(serves), path: '/v1/query/node', body: JSON.stringify({ address: pick(u.nodes), height: 1 + prng.int(u.height) }) }),
        balance: (): Target => ({ port: port(serves), path: '/v1/query/balance', body: JSON.stringify({ address: pick(u.accounts), height: 1 + prng.int(u.height) }) }),
      };
      const requests = httpSampleSizes(ctx.quick);
      const inFlight = IN_FLIGHT_PER_PROCESS * processes;
      const workload = { processes, pool_per_process: 8, in_flight: inFlight, nodes: u.nodes.length, accounts: u.accounts.length, heights: u.height, source: 'streaming replica' };
      for (const [name, next] of Object.entries(routes)) {
        const label = `serve-replica/${processes}x/${name}@historical`;
        const rates = await measurePair(ctx, { label: `empty route ×${processes} (limit)`, run: () => closedLoop(client, empty, requests.closedLoop, inFlight) }, { label, run: () => closedLoop(client, next, requests.closedLoop, inFlight) });
        ctx.report({ case: `${label}/throughput`, workload, metric: 'req_per_s', stats: rates.subject, limit: { what: `${processes} process(es) of the same HTTP stack answering {} from an empty route, same load, alternated`, median: rates.limit.median } });
        const { p50, p99, limitP99, p99FromSchedule, serverP99 } = await alternatedLatency(client, next, empty, requests.openLoop, ctx.quick ? 5 : 7, RATE_PER_S, 300);
        const inServe = summarize(serverP99).median;
        ctx.progress(`  ${label} at ${RATE_PER_S} req/s: p50 ${summarize(p50).median.toFixed(3)} ms, p99 ${summarize(p99).median.toFixed(3)} ms (inside serve ${inServe.toFixed(3)} ms; empty route p99 ${summarize(limitP99).median.toFixed(3)} ms); ${rates.subject.median.toFixed(0)} req/s vs ${rates.limit.median.toFixed(0)}`);
        ctx.report({
          case: `${label}/latency`,
          workload: { ...workload, rate_per_s: RATE_PER_S },
          metric: 'ms_p99',
          stats: summarize(p99),
          limit: { what: `p99 of the empty route at ${RATE_PER_S} req/s, alternated`, median: summarize(limitP99).median },
          extra: { p50_ms: Number(summarize(p50).median.toFixed(3)), p99_from_schedule_ms: Number(summarize(p99FromSchedule).median.toFixed(3)), server_p99_ms: Number(inServe.toFixed(3)) },
        });
      }
      client.close();
      for (const child of children.splice(0)) child.kill('SIGTERM');
    }
  } finally {
    for (const child of children) child.kill('SIGTERM');
  }
}
