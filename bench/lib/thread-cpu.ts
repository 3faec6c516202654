/**
 * Where a benchmark's CPU goes, thread by thread: the main thread (decode, reducer, commit),
 * the verification pool's workers, and every other thread of the process — V8's platform
 * threads (parallel scavenges, concurrent marking and sweeping, optimizing compiles) and libuv's.
 *
 * Why: a goal such as "time ≤ 1.2 × raw verification on both cores" is bounded by the CPU all
 * threads need together, divided by the cores. Splitting that CPU says which thread a missing
 * ratio goes to — e.g. the mainnet-shaped block (bench/mainnet.ts), where V8's GC helper threads
 * compete with the verify workers for the two cores.
 *
 * How (Linux only): /proc/self/task/<tid>/stat, fields utime + stime, in clock ticks of
 * 1/100 s (USER_HZ, which Linux fixes at 100 for user space on every architecture we run on):
 * a resolution of 10 ms per thread per reading, so callers sum over several samples. The pool's
 * threads are found as the thread ids that appear while the pool starts (`newThreadIds`). Where
 * /proc is missing (macOS, Windows) every function returns undefined and callers report nothing.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';

/** The cores this process may run on: what the CPU of all threads is divided by for the least time. */
export const MACHINE_CORES = availableParallelism();

/** Milliseconds per clock tick (USER_HZ = 100). */
const MS_PER_TICK = 10;

/** CPU milliseconds (user + system) from one /proc/<pid>/task/<tid>/stat line; undefined if it is not one. */
export function statCpuMs(statLine: string): number | undefined {
  // The command name (field 2) is in parentheses and may itself hold spaces and ')': the fields
  // after it start past the LAST ')'. There, utime and stime are the 12th and 13th (fields 14, 15).
  const close = statLine.lastIndexOf(')');
  if (close < 0) return undefined;
  const fields = statLine.slice(close + 2).split(' ');
  const utime = Number(fields[11]);
  const stime = Number(fields[12]);
  if (!Number.isSafeInteger(utime) || !Number.isSafeInteger(stime) || utime < 0 || stime < 0) return undefined;
  return (utime + stime) * MS_PER_TICK;
}

/** CPU milliseconds of every thread of this process, by thread id; undefined without /proc. */
export function threadCpuMs(): Map<number, number> | undefined {
  let tids: string[];
  try {
    tids = readdirSync('/proc/self/task');
  } catch {
    return undefined;
  }
  const byThread = new Map<number, number>();
  for (const tid of tids) {
    try {
      const ms = statCpuMs(readFileSync(`/proc/self/task/${tid}/stat`, 'latin1'));
      if (ms !== undefined) byThread.set(Number(tid), ms);
    } catch {
      // The thread ended between the listing and the read: it has nothing left to count.
    }
  }
  return byThread;
}

/** Thread ids in `after` that `before` did not have (the threads started in between). */
export function newThreadIds(before: ReadonlyMap<number, number> | undefined, after: ReadonlyMap<number, number> | undefined): Set<number> | undefined {
  if (before === undefined || after === undefined) return undefined;
  return new Set([...after.keys()].filter((tid) => !before.has(tid)));
}

export interface CpuSplit {
  /** The main thread (its id is the process id). */
  readonly mainMs: number;
  /** The pool's worker threads. */
  readonly poolMs: number;
  /** Every other thread: V8's platform threads (GC, compiler) and libuv's. */
  readonly otherMs: number;
}

/**
 * Adds up, over several measured spans, the CPU each group of threads used: call `start()` before
 * a span and `stop()` after it; `perSpan()` averages the spans.
 */
export class CpuSplitMeter {
  private main = 0;
  private pool = 0;
  private other = 0;
  private spans = 0;
  private opened: Map<number, number> | undefined;

  constructor(private readonly poolThreads: ReadonlySet<number>) {}

  start(): void {
    this.opened = threadCpuMs();
  }

  stop(): void {
    const opened = this.opened;
    const closed = threadCpuMs();
    this.opened = undefined;
    if (opened === undefined || closed === undefined) return;
    for (const [tid, ms] of closed) {
      const used = ms - (opened.get(tid) ?? 0); // a thread born inside the span counts from 0
      if (tid === process.pid) this.main += used;
      else if (this.poolThreads.has(tid)) this.pool += used;
      else this.other += used;
    }
    this.spans++;
  }

  /** The mean split per span, or undefined when nothing was measured. */
  perSpan(): CpuSplit | undefined {
    if (this.spans === 0) return undefined;
    return { mainMs: this.main / this.spans, poolMs: this.pool / this.spans, otherMs: this.other / this.spans };
  }
}

/**
 * `run`, metered by `meter` from its second call on: every sampler (measure.ts, paired.ts) calls
 * a run once to warm up before the samples it keeps, and the split should describe those.
 */
export function meteredAfterWarmUp<T>(meter: CpuSplitMeter | undefined, run: () => Promise<T>): () => Promise<T> {
  let calls = 0;
  return async () => {
    if (++calls === 1 || meter === undefined) return run();
    meter.start();
    const result = await run();
    meter.stop();
    return result;
  };
}

/**
 * A meter for a pool of `workers` threads started between the two readings, or why there is none:
 * no /proc (not Linux), or another number of threads born meanwhile (a split would be wrong).
 */
export function poolMeter(before: ReadonlyMap<number, number> | undefined, after: ReadonlyMap<number, number> | undefined, workers: number): { readonly meter?: CpuSplitMeter; readonly why?: string } {
  const poolThreads = newThreadIds(before, after);
  if (poolThreads === undefined) return { why: 'CPU by thread not measured: no /proc/self/task here (Linux only)' };
  if (poolThreads.size !== workers) return { why: `CPU by thread not measured: ${poolThreads.size} threads started with the pool, not its ${workers} workers` };
  return { meter: new CpuSplitMeter(poolThreads) };
}

/** Where the split comes from, as the JSON lines say it. */
const SPLIT_SOURCE = 'Linux /proc/self/task/*/stat utime+stime, 10 ms ticks, mean over the measured runs';

/** The split scaled, e.g. per tx in µs: scaledSplit(perRun, 1000 / txsPerRun). */
export function scaledSplit(cpu: CpuSplit, factor: number): CpuSplit {
  return { mainMs: cpu.mainMs * factor, poolMs: cpu.poolMs * factor, otherMs: cpu.otherMs * factor };
}

/**
 * The split as JSON fields, with the sum and — when a pool shares the work out — the least time
 * it allows on `cores` cores. Example: main 300, pool 420, other 200 on 2 cores → all_threads
 * 920, all_threads_over_cores 460. Without a pool (`workers` 0) there is no pool field and no
 * such bound: the main thread's work is serial, and its own figure is the floor.
 */
export function splitFields(cpu: CpuSplit, workers: number, cores: number, digits = 0): Record<string, number | string> {
  const round = (value: number): number => Number(value.toFixed(digits));
  const all = cpu.mainMs + cpu.poolMs + cpu.otherMs;
  return {
    main_thread: round(cpu.mainMs),
    ...(workers > 0 ? { verify_workers: round(cpu.poolMs) } : {}),
    other_threads: round(cpu.otherMs),
    all_threads: round(all),
    ...(workers > 0 ? { all_threads_over_cores: round(all / cores) } : {}),
    source: SPLIT_SOURCE,
  };
}

/** The same for people, in `unit` (e.g. 'ms per block', 'µs per tx'). */
export function splitText(cpu: CpuSplit, workers: number, cores: number, unit: string, digits = 0): string {
  const all = cpu.mainMs + cpu.poolMs + cpu.otherMs;
  const pool = workers > 0 ? `, ${workers} verify workers ${cpu.poolMs.toFixed(digits)}` : '';
  const bound = workers > 0 ? ` ÷ ${cores} cores = ${(all / cores).toFixed(digits)} at least` : '';
  return `  CPU ${unit} by thread (Linux /proc, 10 ms ticks, mean of the measured runs): main thread ${cpu.mainMs.toFixed(digits)}${pool}, other threads (V8 GC and compiler, libuv) ${cpu.otherMs.toFixed(digits)}; all ${all.toFixed(digits)}${bound}`;
}

