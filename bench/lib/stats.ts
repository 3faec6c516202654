/**
 * Summary statistics of benchmark samples, and the log-log slope used by scale benchmarks.
 */
export interface Stats {
  readonly median: number;
  readonly min: number;
  readonly max: number;
  readonly samples: number;
}

/** Median of the values (mean of the middle two for an even count), e.g. [3, 1, 2, 10] → 2.5. */
export function summarize(values: readonly number[]): Stats {
  if (values.length === 0) throw new RangeError('summarize: no samples');
  const sorted = [...values].sort((a, b) => a - b);
  const middle = sorted.length >> 1;
  const median = sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
  return { median, min: sorted[0] as number, max: sorted[sorted.length - 1] as number, samples: sorted.length };
}

/**
 * The q-quantile of ascending `sorted` values, nearest rank below: index ⌊q·n⌋ (capped at the last),
 * e.g. q 0.99 of 3,000 latencies → the 2,970th smallest, i.e. the 30th-slowest.
 */
export function quantile(sorted: readonly number[], q: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))]!;
}

/**
 * Least-squares slope of log(value) against log(n): 1 means linear growth, 0 constant.
 * Example: points (1000, 2), (2000, 4), (4000, 8) → slope 1.
 */
export function growthExponent(points: readonly { readonly n: number; readonly value: number }[]): number {
  if (points.length < 2) throw new RangeError('growthExponent: need at least two points');
  const xs = points.map((p) => Math.log(p.n));
  const ys = points.map((p) => Math.log(p.value));
  const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
  const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
  let numerator = 0;
  let denominator = 0;
  for (let i = 0; i < xs.length; i++) {
    numerator += ((xs[i] as number) - meanX) * ((ys[i] as number) - meanY);
    denominator += ((xs[i] as number) - meanX) ** 2;
  }
  return numerator / denominator;
}

/** Rounding for reports: integers from 100 up, four significant digits below. */
export function roundForReport(value: number): number {
  if (!Number.isFinite(value)) return value;
  return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(4));
}
