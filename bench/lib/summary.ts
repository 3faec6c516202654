/**
 * The suite's summary: every result line that carries a goal becomes one row of a markdown
 * table (goal, figure, limit, ratio, met?) for README's "Benchmarks" section, with the machine
 * the run was on. Goals ride on the lines themselves (ReportFields.extra), so a benchmark owns
 * its goal and the summary needs no list of cases:
 *   goal_ratio_to_limit: r          met ⇔ ratio_to_limit ≥ r
 *   goal_txs_per_s: n               met ⇔ median ≥ n
 *   goal_growth_exponent_at_most: e met ⇔ growth_exponent ≤ e
 *   goal_text                       the goal in words (else one is written from the number)
 *   goal_judged_at_full_size_only   a reduced-size run (--quick) of a goal the issue states at
 *                                   full size: shown, marked "judged at full size", never "met"
 * Benchmarks the issue asks for that did not run (absent from this branch, or not selected)
 * get a row "not measured in this run".
 */
import { availableParallelism, cpus, loadavg, totalmem } from 'node:os';

export type ResultLine = Readonly<Record<string, unknown>>;

export interface Machine {
  readonly cpu_model: string;
  readonly cores: number;
  readonly memory_gib: number;
  readonly node: string;
  /** node's own flags for this run (`npm run bench` gives --max-semi-space-size=128, as the pokt-ledger launcher does: bin/pokt-ledger.js). */
  readonly node_flags: readonly string[];
  readonly platform: string;
  readonly date: string;
  /** 1-minute load average when the run started and ended: how shared the machine was. */
  readonly load_average_start: number;
  readonly load_average_end?: number;
}

export function machine(now: Date): Machine {
  return {
    cpu_model: cpus()[0]?.model.trim() ?? 'unknown',
    cores: availableParallelism(),
    memory_gib: Math.round(totalmem() / 2 ** 30),
    node: process.version,
    node_flags: [...process.execArgv],
    platform: `${process.platform}-${process.arch}`,
    date: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
    load_average_start: Number(loadavg()[0]!.toFixed(2)),
  };
}

/** Benchmarks whose goals issue 14 lists; a missing one gets a "not measured" row. */
export const EXPECTED_GOALS: ReadonlyArray<{ readonly bench: string; readonly goal: string }> = [
  { bench: 'mainnet', goal: 'mainnet-shaped block, every signature and Merkle proof verified: time ≤ 1.2 × raw verification of its signatures on both cores' },
  { bench: 'apply', goal: 'signed sends, apply with verification ≥ 0.95 of the two-core pipeline limit' },
  { bench: 'replay', goal: 'trusted replay (--trust-signatures, roots every block) ≥ 100,000 sends/s' },
  { bench: 'relays', goal: 'proof verification ≥ 0.85 of the raw two-signature limit' },
  { bench: 'scale', goal: 'scale: growth exponent ≈ 0 in untouched state size, ≤ 1.1 in txs per block' },
  { bench: 'project', goal: 'projection: rows/s ≥ 0.5 of raw prepared inserts; replay with the projection ≥ 0.77 of replay without (adds ≤ 30%)' },
  { bench: 'query', goal: 'query service: point queries p99 < 2 ms at 1,000 req/s, historical as fast as latest' },
];

export interface SummaryRow {
  readonly bench: string;
  readonly case: string;
  readonly goal: string;
  readonly figure: string;
  readonly limit: string;
  readonly ratio: string;
  readonly met: 'met' | 'not met' | 'not measured in this run' | 'judged at full size';
}

/** "mainnet block/scale-1", or the benchmark alone for a line without a case: a goal's name in the table and the report. */
export const benchCaseName = (bench: string, kase: string): string => (kase === '' ? bench : `${bench} ${kase}`);

const number = (value: unknown): number | undefined => (typeof value === 'number' && Number.isFinite(value) ? value : undefined);

/** 12345.6 → "12,346"; 0.1234 → "0.1234" (four significant digits below 100). */
export function formatFigure(value: number): string {
  return Math.abs(value) >= 100 ? Math.round(value).toLocaleString('en-US') : String(Number(value.toPrecision(4)));
}

/** The row of a line with a goal, or undefined for a line without one. */
export function rowOf(line: ResultLine): SummaryRow | undefined {
  const ratioGoal = number(line['goal_ratio_to_limit']);
  const rateGoal = number(line['goal_txs_per_s']);
  const exponentGoal = number(line['goal_growth_exponent_at_most']);
  const p99Goal = number(line['goal_ms_p99_below']);
  if (ratioGoal === undefined && rateGoal === undefined && exponentGoal === undefined && p99Goal === undefined) return undefined;
  const median = number(line['median']) ?? NaN;
  const ratio = number(line['ratio_to_limit']);
  const exponent = number(line['growth_exponent']);
  const limit = line['limit'] as { what?: string; median?: number } | undefined;
  const checks: boolean[] = [];
  const goals: string[] = [];
  if (ratioGoal !== undefined) {
    checks.push(ratio !== undefined && ratio >= ratioGoal);
    goals.push(`ratio ≥ ${ratioGoal}`);
  }
  if (rateGoal !== undefined) {
    checks.push(median >= rateGoal);
    goals.push(`≥ ${formatFigure(rateGoal)} ${String(line['metric'])}`);
  }
  if (exponentGoal !== undefined) {
    checks.push(exponent !== undefined && exponent <= exponentGoal);
    goals.push(`growth exponent ≤ ${exponentGoal}`);
  }
  if (p99Goal !== undefined) {
    checks.push(median < p99Goal);
    goals.push(`p99 < ${p99Goal} ms`);
  }
  // A latency the service also timed itself (query: Server-Timing) shows that share beside it.
  const inService = typeof line['server_p99_ms'] === 'number' ? ` (inside the service: ${formatFigure(line['server_p99_ms'])} ms)` : '';
  const figure = exponent !== undefined ? `exponent ${exponent} (at largest n: ${formatFigure(median)} ${String(line['metric'])})` : `${formatFigure(median)} ${String(line['metric'])}${inService}`;
  return {
    bench: String(line['bench']),
    case: String(line['case'] ?? ''),
    goal: typeof line['goal_text'] === 'string' ? line['goal_text'] : goals.join(', '),
    figure,
    limit: limit?.median === undefined ? '—' : `${formatFigure(limit.median)} (${limit.what ?? ''})`,
    ratio: ratio === undefined ? '—' : String(ratio),
    met: line['goal_judged_at_full_size_only'] === true ? 'judged at full size' : checks.every(Boolean) ? 'met' : 'not met',
  };
}

export function summaryRows(lines: readonly ResultLine[]): SummaryRow[] {
  const rows = lines.map(rowOf).filter((row): row is SummaryRow => row !== undefined);
  for (const expected of EXPECTED_GOALS) {
    if (!rows.some((row) => row.bench === expected.bench)) {
      rows.push({ bench: expected.bench, case: '', goal: expected.goal, figure: '—', limit: '—', ratio: '—', met: 'not measured in this run' });
    }
  }
  return rows;
}

/** Why an overloaded run's figures are weak evidence (printed above its table). */
const OVERLOADED = (on: Machine): string =>
  `**Overloaded machine** (load ${on.load_average_start} on ${on.cores} cores): other processes took most of the CPU, so absolute rates are several times below an idle machine's, and a subject running more threads than its limit (apply: main thread + 2 workers against the pool's 2) gets a larger share of the contended CPU than its limit did — such a ratio can exceed 1 and is not evidence.`;

/** " (flags …)", or nothing for a run without any. */
const nodeFlagsText = (on: Machine): string => (on.node_flags.length === 0 ? '' : ` (${on.node_flags.join(' ')})`);

const cell = (text: string): string => text.replaceAll('|', '\\|');

export function summaryMarkdown(lines: readonly ResultLine[], on: Machine, quick: boolean): string {
  const out = [
    `Benchmark summary${quick ? ' (--quick sizes)' : ''}: ${on.date}, ${on.cpu_model}, ${on.cores} cores, ${on.memory_gib} GiB, Node ${on.node}${nodeFlagsText(on)}; ` +
      `load average ${on.load_average_start}${on.load_average_end === undefined ? '' : ` → ${on.load_average_end}`} (a shared machine: ratios to limits measured in the same run are the comparable figures).`,
    ...(on.load_average_start > on.cores ? ['', OVERLOADED(on)] : []),
    '',
    '| benchmark | goal | figure (median) | limit (same run) | ratio | met? |',
    '|---|---|---|---|---|---|',
  ];
  for (const row of summaryRows(lines)) {
    const name = benchCaseName(row.bench, row.case);
    out.push(`| ${cell(name)} | ${cell(row.goal)} | ${cell(row.figure)} | ${cell(row.limit)} | ${row.ratio} | ${row.met} |`);
  }
  return out.join('\n') + '\n';
}
