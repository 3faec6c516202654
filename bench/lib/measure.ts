/**
 * Sampling: warm-up runs, then at least five timed runs, each turned into a rate (operations
 * per second) or a time (milliseconds per operation). Time comes from process.hrtime.bigint
 * (monotonic, nanoseconds). With node --expose-gc a collection runs before each sample so one
 * sample does not pay for another's garbage.
 */
import type { MeasureOptions } from './types.js';
import { summarize, type Stats } from './stats.js';

export const MIN_SAMPLES = 5;

export async function measure(options: MeasureOptions, quick: boolean, progress: (message: string) => void): Promise<Stats> {
  const warmup = options.warmup ?? 1;
  const samples = Math.max(MIN_SAMPLES, options.samples ?? (quick ? 5 : 7));
  const gc = (globalThis as { gc?: () => void }).gc;
  for (let i = 0; i < warmup; i++) {
    await options.before?.();
    await options.run();
  }
  const values: number[] = [];
  for (let i = 0; i < samples; i++) {
    await options.before?.();
    gc?.();
    const start = process.hrtime.bigint();
    const operations = await options.run();
    const elapsedNs = Number(process.hrtime.bigint() - start);
    if (!(operations > 0) || elapsedNs <= 0) throw new Error(`${options.label}: a sample did ${operations} operations in ${elapsedNs} ns`);
    values.push(options.mode === 'time' ? elapsedNs / 1e6 / operations : operations / (elapsedNs / 1e9));
  }
  const stats = summarize(values);
  progress(`  ${options.label}: median ${stats.median.toFixed(1)} ${options.mode === 'time' ? 'ms/op' : 'op/s'} (min ${stats.min.toFixed(1)}, max ${stats.max.toFixed(1)}, ${samples} samples)`);
  return stats;
}
