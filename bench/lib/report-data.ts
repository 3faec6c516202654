/**
 * What the benchmark report (report-page.ts) draws, computed from result lines alone: how far
 * each goal is from its line, each goal's figures over the saved runs, and the scale curves with
 * the growth each goal allows. Pure functions of the lines (bench/results/latest/<name>.json for
 * this run, bench/results/<name>.jsonl for the history), so the page says nothing the JSON does
 * not.
 *
 * "Share of the goal" puts goals of different kinds on one axis, oriented so that 1 is exactly
 * the goal and more is better:
 *   ratio ≥ r          ratio / r          0.912 against ≥ 0.833 → 1.095
 *   rate ≥ n           median / n         45,975 tx/s against ≥ 100,000 → 0.460
 *   exponent ≤ e       e / exponent       0.124 against ≤ 0.1 → 0.806 (an exponent ≤ 0 is ≥ any
 *                                         goal: shown at the cap)
 *   p99 < g            g / median         5.94 ms against < 2 ms → 0.337
 * A line with two goals gets the smaller share. Shares are capped at SHARE_CAP for drawing (the
 * figure itself is in the tooltip and the table). Whether a goal is met is rowOf's verdict
 * (summary.ts), not the share: a share of exactly 1 meets "≥" but not "<".
 */
import { DEFAULT_SEED } from './args.js';
import { benchCaseName, rowOf, type ResultLine, type SummaryRow } from './summary.js';

/** Shares above this are drawn at it (an exponent of 0.001 against ≤ 0.1 would be 100). */
export const SHARE_CAP = 2;

const num = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** The share of its goal a line reached (uncapped), or undefined for a line without a goal or a figure. */
export function goalShare(line: ResultLine): number | undefined {
  const shares: number[] = [];
  const median = num(line['median']);
  const ratioGoal = num(line['goal_ratio_to_limit']);
  const ratio = num(line['ratio_to_limit']);
  if (ratioGoal !== undefined) shares.push(ratio === undefined ? NaN : ratio / ratioGoal);
  const rateGoal = num(line['goal_txs_per_s']);
  if (rateGoal !== undefined) shares.push(median === undefined ? NaN : median / rateGoal);
  const exponentGoal = num(line['goal_growth_exponent_at_most']);
  const exponent = num(line['growth_exponent']);
  if (exponentGoal !== undefined) shares.push(exponent === undefined ? NaN : exponent <= 0 ? Infinity : exponentGoal / exponent);
  const p99Goal = num(line['goal_ms_p99_below']);
  if (p99Goal !== undefined) shares.push(median === undefined || median <= 0 ? NaN : p99Goal / median);
  if (shares.length === 0 || shares.some(Number.isNaN)) return undefined;
  return Math.min(...shares);
}

/** "mainnet block/scale-1": the name a goal has in the summary table. */
export const goalName = (line: ResultLine): string => benchCaseName(String(line['bench']), String(line['case'] ?? ''));

export interface GoalBar {
  readonly name: string;
  readonly row: SummaryRow;
  /** Uncapped; Infinity for an exponent ≤ 0. */
  readonly share: number;
  /** The workload seed of the line (seedOf). */
  readonly seed: number;
}

/**
 * The workload seed a line was measured with: its `seed`, which every line the runner writes
 * carries (report.ts); a line without one counts as the runner's default seed, the only one there
 * was before --seed.
 */
export function seedOf(line: ResultLine): number {
  const seed = line['seed'];
  return typeof seed === 'number' && Number.isSafeInteger(seed) ? seed : DEFAULT_SEED;
}

/** This run's goals, in the summary table's order: one bar per line with a goal. */
export function goalBars(lines: readonly ResultLine[]): GoalBar[] {
  const bars: GoalBar[] = [];
  for (const line of lines) {
    const row = rowOf(line);
    const share = goalShare(line);
    if (row !== undefined && share !== undefined) bars.push({ name: goalName(line), row, share, seed: seedOf(line) });
  }
  return bars;
}

export interface HistoryPoint {
  /** ISO time of the run (the line's `at`). */
  readonly at: string;
  readonly share: number;
  /** A --quick run (smaller sizes): drawn apart from the full runs. */
  readonly quick: boolean;
  /** The figure as the summary writes it, for the tooltip. */
  readonly figure: string;
}

export interface GoalHistory {
  readonly name: string;
  readonly goal: string;
  /** The seed of this run's line, the only one whose saved runs are drawn. */
  readonly seed: number;
  readonly points: readonly HistoryPoint[];
  /** Saved runs of this goal, under this goal, left out for another seed (another workload). */
  readonly otherSeeds: number;
}

/**
 * Every saved run of each of this run's goals, oldest first, in this run's order. A saved line
 * counts only if it was judged against the same goal as today's (rowOf's goal text, which
 * carries the goal's numbers): the goals were raised over time (apply's ratio from 0.7 to 0.95,
 * the trusted replay from 50,000 to 100,000 tx/s), and a figure measured against another goal, or
 * before its benchmark carried one, is left out rather than judged after the fact. Nor does a run
 * with another workload seed than this run's count (seedOf): `--seed 7` measures another
 * workload, and its figures beside the default seed's would read as one series; such runs are
 * counted in `otherSeeds`, which the page states.
 */
export function goalHistories(history: readonly ResultLine[], current: readonly GoalBar[]): GoalHistory[] {
  return current.map((bar) => {
    const points: HistoryPoint[] = [];
    let otherSeeds = 0;
    for (const line of history) {
      if (goalName(line) !== bar.name || typeof line['at'] !== 'string') continue;
      const row = rowOf(line);
      const share = goalShare(line);
      if (row === undefined || share === undefined || row.goal !== bar.row.goal) continue;
      if (seedOf(line) !== bar.seed) {
        otherSeeds++;
        continue;
      }
      points.push({ at: line['at'], share, quick: line['quick'] === true, figure: row.figure });
    }
    points.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
    return { name: bar.name, goal: bar.row.goal, seed: bar.seed, points, otherSeeds };
  });
}

/**
 * The goals drawn together in "Goals over time": those the README calls not met or on the line,
 * whose question is whether they hold from run to run. The others (the scale exponents of
 * untouched nodes and of txs per block, the projection's rows, PostgreSQL's COPY) have held by a
 * wide margin in every full run, and the query p99s swing with the hour (their own charts show
 * it); drawn together they would hide the lines that matter. Names as goalName gives them.
 */
export const FEATURED_GOALS: readonly string[] = [
  'mainnet block/scale-1',
  'apply send/verified',
  'relays proofs/verify',
  'replay trusted',
  'scale accounts/apply',
  'scale accounts/state-root',
  'project replay',
];

/** The featured goals' full runs (a --quick run's smaller sizes are another workload), in FEATURED_GOALS' order. */
export function featuredHistories(histories: readonly GoalHistory[]): GoalHistory[] {
  return FEATURED_GOALS.flatMap((name) => {
    const history = histories.find((h) => h.name === name);
    const points = history?.points.filter((p) => !p.quick) ?? [];
    return history === undefined || points.length === 0 ? [] : [{ ...history, points }];
  });
}

export interface ScalePoint {
  readonly n: number;
  readonly value: number;
  /** value ÷ the value at the smallest n: every curve starts at 1, so their slopes compare on one axis. */
  readonly relative: number;
}

export interface ScaleCurve {
  /** "apply", "state-root", "rss". */
  readonly measure: string;
  readonly metric: string;
  readonly points: readonly ScalePoint[];
  readonly exponent: number | undefined;
  readonly goalExponent: number | undefined;
}

/**
 * The growth a goal allows from the smallest size, relative to it: (n / n₀)^goal. Worked example:
 * nodes from 1,000 to 50,000 with a goal of ≤ 0.1 → 50^0.1 = 1.479, so a per-block time of
 * 34.02 ms at 1,000 nodes meets the goal at 50,000 nodes up to 34.02 × 1.479 = 50.31 ms.
 */
export interface AllowedGrowth {
  readonly goalExponent: number;
  readonly points: ReadonlyArray<{ readonly n: number; readonly relative: number }>;
}

export interface ScaleDimension {
  /** "nodes", "accounts", "txs-per-block". */
  readonly dimension: string;
  readonly curves: readonly ScaleCurve[];
  /** One line per distinct goal exponent among the curves (apply and state-root share theirs). */
  readonly allowed: readonly AllowedGrowth[];
}

function curveOf(line: ResultLine): { dimension: string; curve: ScaleCurve } | undefined {
  const points = line['points'];
  if (line['bench'] !== 'scale' || typeof line['case'] !== 'string' || !Array.isArray(points)) return undefined;
  const [dimension, measure] = line['case'].split('/') as [string, string | undefined];
  const clean = (points as Array<{ n: unknown; value: unknown }>).flatMap((p) => {
    const n = num(p.n);
    const value = num(p.value);
    return n !== undefined && n > 0 && value !== undefined && value > 0 ? [{ n, value }] : [];
  });
  if (measure === undefined || clean.length === 0) return undefined;
  const first = clean[0]!.value;
  const curve = {
    measure,
    metric: String(line['metric']),
    points: clean.map((p) => ({ ...p, relative: p.value / first })),
    exponent: num(line['growth_exponent']),
    goalExponent: num(line['goal_growth_exponent_at_most']),
  };
  return { dimension, curve };
}

function allowedGrowth(curves: readonly ScaleCurve[]): AllowedGrowth[] {
  const goals = [...new Set(curves.flatMap((c) => (c.goalExponent === undefined ? [] : [c.goalExponent])))].sort((a, b) => a - b);
  return goals.map((goalExponent) => {
    const sizes = [...new Set(curves.filter((c) => c.goalExponent === goalExponent).flatMap((c) => c.points.map((p) => p.n)))].sort((a, b) => a - b);
    return { goalExponent, points: sizes.map((n) => ({ n, relative: (n / sizes[0]!) ** goalExponent })) };
  });
}

/** The scale benchmark's lines ("<dimension>/<measure>", each with points), grouped by dimension in their order. */
export function scaleDimensions(lines: readonly ResultLine[]): ScaleDimension[] {
  const dimensions = new Map<string, ScaleCurve[]>();
  for (const line of lines) {
    const found = curveOf(line);
    if (found === undefined) continue;
    dimensions.set(found.dimension, [...(dimensions.get(found.dimension) ?? []), found.curve]);
  }
  return [...dimensions].map(([dimension, curves]) => ({ dimension, curves, allowed: allowedGrowth(curves) }));
}

export interface MainnetBlock {
  /** The benchmark's case ("block/scale-1"); a reduced scale is drawn too, and says so. */
  readonly name: string;
  readonly scale: number;
  /** Its height in the mainnet-shaped chain. */
  readonly height: number;
  readonly txs: number;
  readonly bytes: number;
  readonly signatures: number;
  /** This block's count of each kind the issue gives mainnet's range for, beside that range. */
  readonly composition: ReadonlyArray<{ readonly kind: string; readonly block: number; readonly mainnet: readonly [number, number] }>;
  readonly timeMs: number;
  readonly limitMs: number;
  /** The longest time the goal allows: limit ÷ goal ratio, 391 ms ÷ 0.833 = 469 ms (the goal's 1.2 × limit). */
  readonly goalMs: number | undefined;
  /** CPU per block by thread, and all of it spread over the machine's cores: the least time the block could take. */
  readonly cpu: { readonly mainThread: number; readonly verifyWorkers: number; readonly otherThreads: number; readonly overCores: number } | undefined;
  /** The machine's cores (the line's `cpus`). */
  readonly cores: number;
}

/** The composition's kinds: the names for mainnet's ranges → the block's message kinds. */
const MAINNET_KINDS: ReadonlyArray<readonly [string, string]> = [
  ['proofs', 'Proof'],
  ['claims', 'Claim'],
  ['sends', 'Send'],
];

const record = (value: unknown): Record<string, unknown> | undefined => (typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined);

/** The mainnet-shaped block of this run (the first `mainnet` line with a workload and a limit), or undefined. */
export function mainnetBlock(lines: readonly ResultLine[]): MainnetBlock | undefined {
  for (const line of lines) {
    const workload = record(line['workload']);
    const ranges = record(workload?.['mainnet_block']);
    const kinds = record(workload?.['kinds']) ?? {};
    const limitMs = num(record(line['limit'])?.['median']);
    const timeMs = num(line['median']);
    if (line['bench'] !== 'mainnet' || workload === undefined || ranges === undefined || limitMs === undefined || timeMs === undefined) continue;
    const composition = MAINNET_KINDS.flatMap(([name, kind]) => {
      const range = ranges[name];
      return Array.isArray(range) && range.length === 2 ? [{ kind: name, block: num(kinds[kind]) ?? 0, mainnet: [Number(range[0]), Number(range[1])] as const }] : [];
    });
    const goal = num(line['goal_ratio_to_limit']);
    const cpu = record(line['cpu_ms_per_block']);
    const cpuNumbers = cpu === undefined ? undefined : [cpu['main_thread'], cpu['verify_workers'], cpu['other_threads'], cpu['all_threads_over_cores']].map(num);
    return {
      name: String(line['case'] ?? ''),
      scale: num(workload['scale']) ?? NaN,
      height: num(workload['height']) ?? NaN,
      txs: num(workload['txs']) ?? NaN,
      bytes: num(workload['bytes']) ?? NaN,
      signatures: num(workload['signatures']) ?? NaN,
      composition,
      timeMs,
      limitMs,
      goalMs: goal === undefined || goal <= 0 ? undefined : limitMs / goal,
      cores: num(line['cpus']) ?? NaN,
      cpu: cpuNumbers === undefined || cpuNumbers.some((n) => n === undefined) ? undefined : { mainThread: cpuNumbers[0]!, verifyWorkers: cpuNumbers[1]!, otherThreads: cpuNumbers[2]!, overCores: cpuNumbers[3]! },
    };
  }
  return undefined;
}
