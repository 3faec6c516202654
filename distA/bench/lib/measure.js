import { summarize } from './stats.js';
export const MIN_SAMPLES = 5;
export async function measure(options, quick, progress) {
    const warmup = options.warmup ?? 1;
    const samples = Math.max(MIN_SAMPLES, options.samples ?? (quick ? 5 : 7));
    const gc = globalThis.gc;
    for (let i = 0; i < warmup; i++) {
        await options.before?.();
        await options.run();
    }
    const values = [];
    for (let i = 0; i < samples; i++) {
        await options.before?.();
        gc?.();
        const start = process.hrtime.bigint();
        const operations = await options.run();
        const elapsedNs = Number(process.hrtime.bigint() - start);
        if (!(operations > 0) || elapsedNs <= 0)
            throw new Error(`${options.label}: a sample did ${operations} operations in ${elapsedNs} ns`);
        values.push(options.mode === 'time' ? elapsedNs / 1e6 / operations : operations / (elapsedNs / 1e9));
    }
    const stats = summarize(values);
    progress(`  ${options.label}: median ${stats.median.toFixed(1)} ${options.mode === 'time' ? 'ms/op' : 'op/s'} (min ${stats.min.toFixed(1)}, max ${stats.max.toFixed(1)}, ${samples} samples)`);
    return stats;
}
//# sourceMappingURL=measure.js.map