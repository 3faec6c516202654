/**
 * Sampling: warm-up runs, then at least five timed runs, each turned into a rate (operations
 * per second) or a time (milliseconds per operation). Time comes from process.hrtime.bigint
 * (monotonic, nanoseconds). With node --expose-gc a collection runs before each sample so one
 * sample does not pay for another's garbage.
 */
import type { MeasureOptions } from './types.js';
import { summarize, type Stats } from './stats.js';

export const MIN_SAMPLES = 5;

/**
 * One turn of the event loop, between samples and outside the timed span: a benchmark whose work
 * is synchronous (bench/log.ts's fsync loops) never otherwise reaches it, so the runner's SIGINT
 * handler (bench/lib/scratch.ts, which removes the scratch directories) would wait for the whole
 * benchmark — and the process end without it, as the signal's watcher does not keep it alive.
 */
export const betweenSamples = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

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
    await betweenSamples();
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
