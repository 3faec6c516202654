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
import { quantile } from './stats.js';

export interface Target {
  readonly port: number;
  readonly path: string;
  readonly body: string;
}

export interface LoadClient {
  send(target: Target): Promise<number>;
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
  const attempt = (target: Target, retried: boolean): Promise<number> =>
    new Promise((resolve, reject) => {
      const req = request({ host: '127.0.0.1', port: target.port, path: target.path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(target.body) } }, (res) => {
        res.on('data', () => undefined);
        res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${target.path} ${target.body} → HTTP ${res.statusCode}`))));
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
        () => {
          const answered = performance.now();
          fromSend.push(answered - sent);
          fromSchedule.push(answered - scheduledOrSent);
        },
        (error: unknown) => void (failure ??= error),
      ),
    );
  }
  await Promise.all(pending);
  if (failure !== undefined) throw failure;
  fromSend.sort((a, b) => a - b);
  fromSchedule.sort((a, b) => a - b);
  return { p50: quantile(fromSend, 0.5), p99: quantile(fromSend, 0.99), max: fromSend[fromSend.length - 1]!, p99FromSchedule: quantile(fromSchedule, 0.99), sentPerS: count > 1 ? (count - 1) / ((lastSend - start) / 1000) : ratePerS };
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
