/**
 * A small loopback HTTP load generator over keep-alive connections (node:http Agent), for the
 * query benchmark:
 * - `closedLoop`: `concurrency` workers each send the next request as soon as the previous one
 *   answers — the server's throughput (requests/s);
 * - `openLoop`: requests sent on a fixed schedule (`ratePerS`), latency measured from each
 *   request's SCHEDULED time, so a stall delays every later request's clock too (no coordinated
 *   omission) — p50/p99 at a given load.
 * Every answer's status is checked (a benchmark must not go fast by failing).
 */
import { Agent, request } from 'node:http';

export interface Target {
  readonly port: number;
  readonly path: string;
  readonly body: string;
}

export interface LoadClient {
  send(target: Target): Promise<number>;
  close(): void;
}

export function loadClient(maxSockets: number): LoadClient {
  const agent = new Agent({ keepAlive: true, maxSockets });
  return {
    send: (target) =>
      new Promise((resolve, reject) => {
        const req = request({ host: '127.0.0.1', port: target.port, path: target.path, method: 'POST', agent, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(target.body) } }, (res) => {
          res.on('data', () => undefined);
          res.on('end', () => (res.statusCode === 200 ? resolve(res.statusCode) : reject(new Error(`${target.path} ${target.body} → HTTP ${res.statusCode}`))));
        });
        req.on('error', reject);
        req.end(target.body);
      }),
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

/** Latency percentiles (ms) of `count` requests sent at `ratePerS`. */
export async function openLoop(client: LoadClient, targets: () => Target, count: number, ratePerS: number): Promise<{ p50: number; p99: number; max: number }> {
  const latencies: number[] = [];
  const start = performance.now();
  const intervalMs = 1000 / ratePerS;
  const pending: Array<Promise<void>> = [];
  for (let i = 0; i < count; i++) {
    const scheduled = start + i * intervalMs;
    const wait = scheduled - performance.now();
    if (wait > 1) await new Promise((resolve) => setTimeout(resolve, wait));
    const target = targets();
    // From the scheduled time when the generator fell behind (a stall counts for every request
    // it delayed), from the actual send when it went up to 1 ms early.
    const from = Math.min(scheduled, performance.now());
    pending.push(client.send(target).then(() => void latencies.push(performance.now() - from)));
  }
  await Promise.all(pending);
  latencies.sort((a, b) => a - b);
  const at = (q: number): number => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))]!;
  return { p50: at(0.5), p99: at(0.99), max: latencies[latencies.length - 1]! };
}
