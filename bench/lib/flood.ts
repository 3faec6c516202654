/**
 * PERF: the query service's fairness under a flood (src/query/client-turns.ts), for bench/query.
 *
 * A flooding client (127.0.0.1) keeps FLOOD_CONNECTIONS kept-alive connections busy with heavy
 * queries, each sending the next as soon as it has an answer; a light client (127.0.0.2, one
 * kept-alive connection) sends LIGHT_REQUESTS light queries one after another, LIGHT_GAP_MS
 * apart. Per sample: the light queries' p50/p99 during the flood, and a heavy answer's time
 * (the window over the heavy answers it completed: the flood keeps the service saturated, so
 * this is the service's time per heavy answer). Alternated with the same light queries on a
 * quiet service.
 *
 * What it shows: `heavy_answers_waited_p99` = light p99 during the flood / one heavy answer's
 * time — how many of the flood's answers a light query waits for. Turns promise about
 * `answersInService` (4) plus one round; without turns it would be about every flood request
 * the service read in a pass (FLOOD_CONNECTIONS). No physical limit applies: reported without
 * one (BENCH.md), the quiet p99 beside it.
 */
import { quantile, summarize } from './stats.js';
import type { BenchContext } from './types.js';
import { loadClient, type LoadClient, type Target } from './http-load.js';

const FLOOD_CONNECTIONS = 16;
const LIGHT_REQUESTS = 40;
const LIGHT_GAP_MS = 10;
/** The flood runs this long before the light client starts (every connection busy). */
const FLOOD_SETTLE_MS = 300;

const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** The light client's latencies (ms), one query at a time. */
async function lightLatencies(client: LoadClient, light: () => Target): Promise<number[]> {
  const latencies: number[] = [];
  for (let i = 0; i < LIGHT_REQUESTS; i++) {
    const sent = performance.now();
    await client.send(light());
    latencies.push(performance.now() - sent);
    await pause(LIGHT_GAP_MS);
  }
  return latencies;
}

interface FloodSample {
  readonly p50: number;
  readonly p99: number;
  readonly heavyAnswerMs: number;
}

async function floodSample(flooder: LoadClient, lightClient: LoadClient, heavy: () => Target, light: () => Target): Promise<FloodSample> {
  let stop = false;
  let heavyAnswers = 0;
  const loops = Array.from({ length: FLOOD_CONNECTIONS }, async () => {
    while (!stop) {
      await flooder.send(heavy());
      heavyAnswers++;
    }
  });
  await pause(FLOOD_SETTLE_MS);
  const answersBefore = heavyAnswers;
  const started = performance.now();
  const latencies = (await lightLatencies(lightClient, light)).sort((a, b) => a - b);
  const windowMs = performance.now() - started;
  const answered = heavyAnswers - answersBefore;
  stop = true;
  await Promise.all(loops);
  return { p50: quantile(latencies, 0.5), p99: quantile(latencies, 0.99), heavyAnswerMs: windowMs / Math.max(1, answered) };
}

export async function floodCase(ctx: BenchContext, heavy: () => Target, light: () => Target, workload: Readonly<Record<string, unknown>>): Promise<void> {
  const flooder = loadClient(FLOOD_CONNECTIONS, '127.0.0.1');
  const lightClient = loadClient(1, '127.0.0.2');
  try {
    const during: FloodSample[] = [];
    const quiet: number[] = [];
    await floodSample(flooder, lightClient, heavy, light); // warm-up
    for (let s = 0; s < (ctx.quick ? 5 : 7); s++) {
      quiet.push(quantile((await lightLatencies(lightClient, light)).sort((a, b) => a - b), 0.99));
      during.push(await floodSample(flooder, lightClient, heavy, light));
    }
    const p99 = summarize(during.map((d) => d.p99));
    const heavyMs = summarize(during.map((d) => d.heavyAnswerMs)).median;
    const waited = summarize(during.map((d) => d.p99 / d.heavyAnswerMs));
    ctx.progress(`  light query during a flood of ${FLOOD_CONNECTIONS} heavy connections: p99 ${p99.median.toFixed(1)} ms (quiet ${summarize(quiet).median.toFixed(2)} ms); one heavy answer ${heavyMs.toFixed(1)} ms → ${waited.median.toFixed(1)} heavy answers waited (p99)`);
    ctx.report({
      case: 'flood/light-during-heavy',
      workload: { ...workload, flood_connections: FLOOD_CONNECTIONS, light_requests_per_sample: LIGHT_REQUESTS, light_gap_ms: LIGHT_GAP_MS },
      metric: 'ms_p99',
      stats: p99,
      extra: {
        heavy_answers_waited_p99: Number(waited.median.toFixed(2)),
        heavy_answer_ms: Number(heavyMs.toFixed(2)),
        light_p50_ms: Number(summarize(during.map((d) => d.p50)).median.toFixed(3)),
        quiet_light_p99_ms: Number(summarize(quiet).median.toFixed(3)),
      },
    });
  } finally {
    flooder.close();
    lightClient.close();
  }
}
