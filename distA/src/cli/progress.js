/**
 * Progress on stderr for long commands (replay, simulate, start): a cli-progress bar with
 * blocks/s, tx/s and ETA on a terminal; on a pipe or file, the same line every 2 seconds.
 * stdout stays reserved for the command's result.
 */
import cliProgress from 'cli-progress';
const NONE = { update: () => undefined, stop: () => undefined };
export function blockProgress(label, totalBlocks, enabled) {
    if (!enabled || totalBlocks <= 0)
        return NONE;
    const bar = new cliProgress.SingleBar({
        format: `${label} |{bar}| {percentage}% | height {height} | {value}/{total} blocks | {bps} blocks/s | {tps} tx/s | ETA {eta_formatted}`,
        stream: process.stderr,
        hideCursor: null,
        noTTYOutput: true,
        notTTYSchedule: 2000,
        fps: 5,
        etaBuffer: 200,
    }, cliProgress.Presets.shades_classic);
    const started = performance.now();
    bar.start(totalBlocks, 0, { height: '-', bps: '0', tps: '0' });
    return {
        update(blocksDone, txsDone, height) {
            const seconds = Math.max((performance.now() - started) / 1000, 1e-3);
            bar.update(blocksDone, { height, bps: (blocksDone / seconds).toFixed(0), tps: (txsDone / seconds).toFixed(0) });
        },
        stop() {
            bar.stop();
        },
    };
}
//# sourceMappingURL=progress.js.map