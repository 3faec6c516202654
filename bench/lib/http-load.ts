/**
 * A small loopback HTTP load generator over keep-alive connections (node:http Agent), for the
 * query benchmark:
 * - `closedLoop`: `concurrency` workers each send the next request as soon as the previous one
 *   answers — the server's throughput (requests/s);
 * - `openLoop`: requests sent on a fixed schedule (`ratePerS`) whatever the answers do — p50/p99
 *   at a given load, from each request's send and from its scheduled time (see there).
 * Every answer's status is checked (a benchmark must not go fast by failing).
 */
import { Agent, request } from 'node:http';
import { SERVER_TIMING_METRIC } from '../../src/query/http-app.js';
import { quantile } from './stats.js';

export interface Target {
  readonly port: number;
  readonly path: string;
  readonly body: string;
}

/** An answer as the generator saw it. */
export interface Answer {
  readonly status: number;
  /** The service's own time on it (its `Server-Timing: app;dur=` header, ms), if it says. */
  readonly serverMs: number | undefined;
}

/** The service's metric in a Server-Timing header (src/query/http-app.ts timeAnswers). */
const SERVICE_DURATION = new RegExp(`(?:^|,)\\s*${SERVER_TIMING_METRIC};dur=([0-9]+(?:\\.[0-9]+)?)`);

/** The service's own time (ms) from a Server-Timing header, or undefined when it does not say. */
export function serverTimingMs(header: string | string[] | undefined): number | undefined {
  const text = Array.isArray(header) ? header.join(',') : header;
  const match = text === undefined ? null : SERVICE_DURATION.exec(text);
  return match === null ? undefined : Number(match[1]);
}

export interface LoadClient {
  send(target: Target): Promise<Answer>;
  /** Requests sent again after their reused keep-alive connection was reset (see loadClient). */
  readonly retries: number;
  close(): void;
}

/**
 * A keep-alive client with at most `maxSockets` connections per server. A request whose REUSED
 * connection is reset before any answer (ECONNRESET, "socket hang up") is sent once more on a
 * fresh one: the server closed that idle connection (its keep-alive timeout) just as the request
 * went out — the race Node's documentation of `request.reusedSocket` describes, which ended two
 * full query runs. A reset on a new connection, a refused connection or a non-200 answer still
 * fails the run (a dead or refusing server is never retried into a figure); `retries` counts
 * the resends, and the query bench reports them.
 */
export function loadClient(maxSockets: number, localAddress?: string): LoadClient {
  // `localAddress`: the client's own loopback address (127.0.0.2, …), so the server sees another client (bench/lib/flood.ts).
  const agent = new Agent({ keepAlive: true, maxSockets, ...(localAddress === undefined ? {} : { localAddress }) });
  let retries = 0;
  const attempt = (target: Target, retried: boolean): Promise<Answer> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: target.port, path: target.path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(target.body) } }, (res) => {
        res.on('data', () => undefined);
        const serverMs = serverTimingMs(res.headers['server-timing']);
        res.on('end', () => (res.statusCode === 200 ? resolve({ status: res.statusCode, serverMs }) : reject(new Error(`${target.path} ${target.body} → HTTP ${res.statusCode}`))));
      });
      req.on('error', (error: NodeJS.ErrnoException) => {
        if (req.reusedSocket && error.code === 'ECONNRESET' && !retried) {
          retries++;
          attempt(target, true).then(resolve, reject);
          return;
        }
        reject(new Error(`${target.path} ${target.body}: ${error.message} (${req.reusedSocket ? 'a reused keep-alive connection' : 'a new connection'}${retried ? ', already retried once' : ''})`));
      });
      req.end(target.body);
    });
  return {
    send: (target) => attempt(target, false),
    get retries() {
      return retries;
    },
    close: () => agent.destroy(),
  };
}

/** Sends `count` requests with `concurrency` in flight; returns `count`. */
export async function closedLoop(client: LoadClient, targets: () => Target, count: number, concurrency: number): Promise<number> {
  let next = 0;
  const worker = async (): Promise<void> => {
    while (next < count) {
      next++;
      await client.send(targets());
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  return count;
}

/** What an open-loop sample measured (ms; see openLoop). */
export interface OpenLoopSample {
  /** Latency from each request's actual send to its answer: what the service took. */
  readonly p50: number;
  readonly p99: number;
  readonly max: number;
  /** Latency from each request's SCHEDULED time: also counts the generator's own lateness. */
  readonly p99FromSchedule: number;
  /**
   * p50 and p99 of the service's own time on each answer (Server-Timing), when every answer said
   * it: what of the latency above is spent inside the service, the rest being the loopback, the
   * two processes' scheduling and the generator.
   */
  readonly server: { readonly p50: number; readonly p99: number } | undefined;
  /** Requests per second actually sent (the schedule held only if this is ~ratePerS). */
  readonly sentPerS: number;
}

/**
 * Latency percentiles (ms) of `count` requests sent at `ratePerS`, open loop: sends never wait
 * for answers, so a slow answer cannot slow the schedule (no coordinated omission in the
 * sending). Two clocks per request:
 * - from its actual send (p50, p99): the service's latency at that offered load;
 * - from its scheduled time (p99FromSchedule): adds how late the generator itself sent it — a
 *   JS timer wakes up to a few ms late on a busy 2-core machine, and every request of the
 *   catch-up burst after a late wake-up carries that lateness, though the server never saw it.
 * Both are reported; `sentPerS` shows whether the offered load was really held.
 */
export async function openLoop(client: LoadClient, targets: () => Target, count: number, ratePerS: number): Promise<OpenLoopSample> {
  const fromSend: number[] = [];
  const fromSchedule: number[] = [];
  const inServer: number[] = [];
  const start = performance.now();
  const intervalMs = 1000 / ratePerS;
  const pending: Array<Promise<void>> = [];
  // The first failure, kept until every request is sent: a rejection left unhandled while the
  // schedule still runs would end the process before anyone could say what failed.
  let failure: unknown;
  let lastSend = start;
  for (let i = 0; i < count; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = targets();
    const sent = performance.now();
    lastSend = sent;
    // Up to 1 ms early counts from the send; late counts from the schedule (the generator's lag).
    const scheduledOrSent = Math.min(scheduled, sent);
    pending.push(
      client.send(target).then(
        (answer) => {
          const answered = performance.now();
          fromSend.push(answered - sent);
          fromSchedule.push(answered - scheduledOrSent);
          if (answer.serverMs !== undefined) inServer.push(answer.serverMs);
        },
        (error: unknown) => void (failure ??= error),
      ),
    );
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure;
  fromSend.sort((a, b) => a - b);
  fromSchedule.sort((a, b) => a - b);
  inServer.sort((a, b) => a - b);
  const server = inServer.length === count ? { p50: quantile(inServer, 0.5), p99: quantile(inServer, 0.99) } : undefined;
  return { p50: quantile(fromSend, 0.5), p99: quantile(fromSend, 0.99), max: fromSend[fromSend.length - 1]!, p99FromSchedule: quantile(fromSchedule, 0.99), sentPerS: count > 1 ? (count - 1) / ((lastSend - start) / 1000) : ratePerS, server };
}

/** Per-sample figures of alternatedLatency (ms, one entry per sample). */
export interface LatencySeries {
  readonly p50: number[];
  readonly p99: number[];
  /** The limit's (empty route's) p99, sampled before each subject sample. */
  readonly limitP99: number[];
  readonly p99FromSchedule: number[];
  readonly sentPerS: number[];
  /** The service's own p50/p99 (Server-Timing); a sample without it throws. */
  readonly serverP50: number[];
  readonly serverP99: number[];
}

/**
 * `samples` open-loop samples of `count` requests at `ratePerS`, each after one of the limit
 * (alternated, BENCH.md), after a warm-up of the subject. Every subject answer must carry the
 * service's Server-Timing (src/query/http-app.ts timeAnswers), or the run fails: a figure
 * without its split would be read as if it had one.
 */
export async function alternatedLatency(client: LoadClient, subject: () => Target, limit: () => Target, count: number, samples: number, ratePerS: number, warmUp: number): Promise<LatencySeries> {
  const series: LatencySeries = { p50: [], p99: [], limitP99: [], p99FromSchedule: [], sentPerS: [], serverP50: [], serverP99: [] };
  await openLoop(client, subject, warmUp, ratePerS);
  for (let i = 0; i < samples; i++) {
    series.limitP99.push((await openLoop(client, limit, count, ratePerS)).p99);
    const measured = await openLoop(client, subject, count, ratePerS);
    if (measured.server === undefined) throw new Error('an answer without Server-Timing (src/query/http-app.ts timeAnswers)');
    series.p50.push(measured.p50);
    series.p99.push(measured.p99);
    series.p99FromSchedule.push(measured.p99FromSchedule);
    series.sentPerS.push(measured.sentPerS);
    series.serverP50.push(measured.server.p50);
    series.serverP99.push(measured.server.p99);
  }
  return series;
}

/**
 * Requests per sample of the HTTP benchmarks (query, project-pg's serve-replica): full runs
 * 3,000 (closed loop) / 3,000 (open loop, 3 s at 1,000 req/s: p99 is the 30th-slowest); --quick
 * 250 / 250 (a quarter second per open-loop sample; its p99 is the 3rd-slowest of 250, a rough
 * figure) so the whole quick suite stays under its 3-minute budget.
 */
export function httpSampleSizes(quick: boolean): { readonly closedLoop: number; readonly openLoop: number } {
  return quick ? { closedLoop: 250, openLoop: 250 } : { closedLoop: 3_000, openLoop: 3_000 };
}
