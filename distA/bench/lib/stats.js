/** Median of the values (mean of the middle two for an even count), e.g. [3, 1, 2, 10] → 2.5. */
export function summarize(values) {
    if (values.length === 0)
        throw new RangeError('summarize: no samples');
    const sorted = [...values].sort((a, b) => a - b);
    const middle = sorted.length >> 1;
    const median = sorted.length % 2 === 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    return { median, min: sorted[0], max: sorted[sorted.length - 1], samples: sorted.length };
}
/**
 * Least-squares slope of log(value) against log(n): 1 means linear growth, 0 constant.
 * Example: points (1000, 2), (2000, 4), (4000, 8) → slope 1.
 */
export function growthExponent(points) {
    if (points.length < 2)
        throw new RangeError('growthExponent: need at least two points');
    const xs = points.map((p) => Math.log(p.n));
    const ys = points.map((p) => Math.log(p.value));
    const meanX = xs.reduce((a, b) => a + b, 0) / xs.length;
    const meanY = ys.reduce((a, b) => a + b, 0) / ys.length;
    let numerator = 0;
    let denominator = 0;
    for (let i = 0; i < xs.length; i++) {
        numerator += (xs[i] - meanX) * (ys[i] - meanY);
        denominator += (xs[i] - meanX) ** 2;
    }
    return numerator / denominator;
}
/** Rounding for reports: integers from 100 up, four significant digits below. */
export function roundForReport(value) {
    if (!Number.isFinite(value))
        return value;
    return Math.abs(value) >= 100 ? Math.round(value) : Number(value.toPrecision(4));
}
//# sourceMappingURL=stats.js.map