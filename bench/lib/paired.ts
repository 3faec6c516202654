/**
 * Paired sampling: the physical limit and the measured subject sampled ALTERNATELY (limit,
 * subject, limit, subject, …), so that both see the same machine. On a shared, noisy machine a
 * limit measured in one minute and a subject in the next can differ by 2× from load alone; the
 * alternation keeps their ratio honest. Same rules as measure.ts otherwise: warm-up first (one
 * of each), at least five samples of each, rates from process.hrtime.bigint, a GC before every
 * sample under --expose-gc, an untimed `before` hook.
 */
import { summarize, type Stats } from './stats.js';
import type { BenchContext, MeasureOptions } from './types.js';
import { betweenSamples, MIN_SAMPLES } from './measure.js';

async function sample(options: MeasureOptions): Promise<number> {
  await betweenSamples();
  await options.before?.();
  (globalThis as { gc?: () => void }).gc?.();
  const start = process.hrtime.bigint();
  const operations = await options.run();
  const elapsedNs = Number(process.hrtime.bigint() - start);
  if (!(operations > 0) || elapsedNs <= 0) throw new Error(`${options.label}: a sample did ${operations} operations in ${elapsedNs} ns`);
  return operations / (elapsedNs / 1e9);
}

/** Rates (operations per second) of `limit` and `subject`, sampled alternately. */
export async function measurePair(ctx: BenchContext, limit: MeasureOptions, subject: MeasureOptions): Promise<{ limit: Stats; subject: Stats }> {
  const [limitStats, subjectStats] = await measureAlternating(ctx, [limit, subject]);
  return { limit: limitStats!, subject: subjectStats! };
}

/** Rates of every measurement, sampled in turn (a, b, c, a, b, c, …): each sees the same machine. */
export async function measureAlternating(ctx: BenchContext, measurements: readonly MeasureOptions[]): Promise<Stats[]> {
  const samples = Math.max(MIN_SAMPLES, ctx.quick ? 5 : 7);
  for (const options of measurements) await sample(options);
  const rates: number[][] = measurements.map(() => []);
  for (let i = 0; i < samples; i++) for (const [j, options] of measurements.entries()) rates[j]!.push(await sample(options));
  const stats = rates.map(summarize);
  measurements.forEach((options, j) => {
    const s = stats[j]!;
    ctx.progress(`  ${options.label}: median ${s.median.toFixed(1)} op/s (min ${s.min.toFixed(1)}, max ${s.max.toFixed(1)}, ${samples} samples, alternated)`);
  });
  return stats;
}
