/**
 * The contract between the bench runner (bench/run.ts) and a benchmark module (bench/<name>.ts).
 * See the header of bench/run.ts for how to write a module.
 */
import type { Prng } from '../../src/core/prng.js';
import type { Stats } from './stats.js';

export interface BenchModule {
  /** Equal to the file name: bench/<name>.ts is run by `npm run bench -- <name>`. */
  readonly name: string;
  /** One line for `npm run bench -- --list`. */
  readonly description: string;
  run(ctx: BenchContext): Promise<void>;
}

export type MeasureMode =
  /** `run` returns how many operations it did; stats are operations per second. */
  | 'rate'
  /** `run` returns how many operations it did; stats are milliseconds per operation. */
  | 'time';

export interface MeasureOptions {
  /** Shown in progress lines. */
  readonly label: string;
  /** One sample: does some operations and returns how many (a benchmark may check its own result here). */
  readonly run: () => number | Promise<number>;
  readonly mode?: MeasureMode;
  /** Unmeasured runs first; default 1. */
  readonly warmup?: number;
  /** Measured runs; default 5 with --quick, 7 otherwise; never fewer than 5. */
  readonly samples?: number;
  /** Untimed preparation before every warm-up and sample (e.g. a fresh data directory). */
  readonly before?: () => unknown;
}

export interface Limit {
  /** What the physical limit is, measured in the same run (e.g. "raw node:crypto verify, same items, 1 core"). */
  readonly what: string;
  readonly median: number;
}

export interface Point {
  readonly n: number;
  readonly value: number;
}

export interface ReportFields {
  /** Distinguishes the lines one benchmark emits (e.g. "verify/node-cached-1core"). */
  readonly case?: string;
  readonly workload: Readonly<Record<string, unknown>>;
  /** Unit, e.g. verifies_per_s, txs_per_s, ms_per_block. Names ending in `_per_s` are rates (higher is better). */
  readonly metric: string;
  readonly stats: Stats;
  readonly limit?: Limit;
  /** Scale benchmarks: the measured value at each size; growth_exponent is fitted from them. */
  readonly points?: readonly Point[];
  /** Anything else worth keeping (cache hit rates, checksums). */
  readonly extra?: Readonly<Record<string, unknown>>;
}

export interface BenchContext {
  readonly name: string;
  readonly quick: boolean;
  readonly seed: number;
  /** A fresh PRNG seeded with `seed`: the same workload on every run. Never use Math.random. */
  prng(): Prng;
  /** A progress line on stderr (stdout is reserved for result lines). */
  progress(message: string): void;
  /** Warm up, then take the samples; returns median/min/max. */
  measure(options: MeasureOptions): Promise<Stats>;
  /** Writes one result line on stdout (and appends it to bench/results/<name>.jsonl with --save). */
  report(fields: ReportFields): void;
}
