/**
 * Result lines (shared/BENCH.md): one JSON object per line on stdout, fields in a fixed order,
 * appended to bench/results/<bench>.jsonl with --save.
 *
 * ratio_to_limit: for rates (metric ends in `_per_s`) median / limit; for times (ms…) limit /
 * median — either way 1.0 means "as fast as the physical limit", 0.5 "half as fast".
 */
import { appendFileSync, closeSync, fstatSync, mkdirSync, openSync, readSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { packageRoot } from '../../src/core/paths.js';
import { MIN_SAMPLES } from './measure.js';
import { growthExponent, roundForReport } from './stats.js';
import type { ReportFields } from './types.js';

export interface RunSettings {
  readonly quick: boolean;
  readonly seed: number;
  readonly save: boolean;
}

export function isRateMetric(metric: string): boolean {
  return metric.endsWith('_per_s');
}

export function resultLine(bench: string, settings: RunSettings, fields: ReportFields, now: Date): Record<string, unknown> {
  const { stats, limit } = fields;
  // shared/BENCH.md: at least 5 samples behind every figure. A line of fewer (relays' scale lines
  // once said 1, min = max = median) is the benchmark's mistake, refused before it is saved.
  if (!(stats.samples >= MIN_SAMPLES)) throw new Error(`${bench} ${fields.case ?? ''}: ${stats.samples} samples behind the figure; shared/BENCH.md asks for at least ${MIN_SAMPLES}`);
  const line: Record<string, unknown> = { bench };
  if (fields.case !== undefined) line['case'] = fields.case;
  Object.assign(line, {
    quick: settings.quick,
    seed: settings.seed,
    workload: fields.workload,
    metric: fields.metric,
    median: roundForReport(stats.median),
    min: roundForReport(stats.min),
    max: roundForReport(stats.max),
    samples: stats.samples,
  });
  if (fields.points !== undefined) {
    line['points'] = fields.points.map((p) => ({ n: p.n, value: roundForReport(p.value) }));
    line['growth_exponent'] = Number(growthExponent(fields.points).toFixed(3));
  }
  if (limit !== undefined) {
    line['limit'] = { what: limit.what, median: roundForReport(limit.median) };
    const ratio = isRateMetric(fields.metric) ? stats.median / limit.median : limit.median / stats.median;
    line['ratio_to_limit'] = Number(ratio.toFixed(3));
  }
  if (fields.extra !== undefined) Object.assign(line, fields.extra);
  Object.assign(line, {
    rss_mb: Math.round(process.memoryUsage().rss / 2 ** 20),
    node: process.version,
    cpus: availableParallelism(),
    at: now.toISOString().replace(/\.\d{3}Z$/, 'Z'),
  });
  return line;
}

/**
 * One line at the end of a .jsonl log. A file whose last line lacks its newline (a hand edit, a run
 * killed mid-write) gets one first: appended to it, the new line would join that line, and the
 * report would leave out both as not JSON.
 */
export function appendLine(file: string, text: string): void {
  appendFileSync(file, (endsMidLine(file) ? '\n' : '') + text + '\n');
}

function endsMidLine(file: string): boolean {
  let fd: number;
  try {
    fd = openSync(file, 'r');
  } catch {
    return false; // no file yet
  }
  try {
    const size = fstatSync(fd).size;
    if (size === 0) return false;
    const last = Buffer.alloc(1);
    readSync(fd, last, 0, 1, size - 1);
    return last[0] !== 0x0a;
  } finally {
    closeSync(fd);
  }
}

export function emit(bench: string, settings: RunSettings, fields: ReportFields): Record<string, unknown> {
  const line = resultLine(bench, settings, fields, new Date());
  const text = JSON.stringify(line);
  process.stdout.write(text + '\n');
  if (settings.save) {
    const dir = join(packageRoot(), 'bench', 'results');
    mkdirSync(dir, { recursive: true });
    appendLine(join(dir, `${bench}.jsonl`), text);
  }
  return line;
}
