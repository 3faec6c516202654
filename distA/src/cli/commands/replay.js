import { replay } from '../../runtime/replay.js';
import { dataDirOf, integerOption } from '../args.js';
import { printJson } from '../output.js';
import { blockProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
export function divergenceReport(divergence) {
    return {
        height: divergence.height,
        kind: divergence.kind,
        detail: divergence.detail,
        expected_root: divergence.expectedRoot,
        actual_root: divergence.actualRoot,
        entries: divergence.entries.map((e) => ({ entry: e.entryKey ?? null, key_digest: e.keyDigest, expected: e.expected, actual: e.actual })),
    };
}
export function replayReport(outcome, trusted, seconds) {
    const report = {
        height: outcome.height,
        state_root: outcome.stateRoot,
        blocks: outcome.blocks,
        txs: outcome.txs,
        verified: outcome.verified,
        start_height: outcome.startHeight,
        started_from: outcome.startedFrom,
        signatures: trusted ? 'trusted' : 'verified',
        seconds: Number(seconds.toFixed(3)),
        blocks_per_s: Math.round(outcome.blocks / Math.max(seconds, 1e-6)),
        txs_per_s: Math.round(outcome.txs / Math.max(seconds, 1e-6)),
    };
    return outcome.divergence === undefined ? report : { ...report, divergence: divergenceReport(outcome.divergence) };
}
/** Replays with a progress bar; returns the report (the caller prints it). */
export async function replayWithProgress(options) {
    const dir = dataDirOf(options.data);
    const trusted = options.trustSignatures === true;
    let progress;
    const started = performance.now();
    const outcome = await replay(dir, {
        trustSignatures: trusted,
        fromSnapshot: options.fromSnapshot === true,
        ...(options.to === undefined ? {} : { to: options.to }),
        ...(options.workers === undefined ? {} : { workers: options.workers }),
        ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
        ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
        onProgress: (p) => {
            progress ??= blockProgress('replay', p.targetHeight - p.startHeight, options.progress !== false);
            progress.update(p.blocks, p.txs, p.height);
        },
    });
    progress?.stop();
    return replayReport(outcome, trusted, (performance.now() - started) / 1000);
}
function printHuman(report) {
    const lines = [
        `replayed ${report.blocks} blocks (${report.txs} txs) from ${report.started_from} height ${report.start_height} to height ${report.height} in ${report.seconds.toFixed(2)} s`,
        `  ${report.blocks_per_s} blocks/s, ${report.txs_per_s} tx/s, signatures ${report.signatures}`,
        `state root ${report.state_root}`,
    ];
    if (report.divergence === undefined)
        lines.push('verified: every stored state root matches');
    else {
        const d = report.divergence;
        lines.push(`DIVERGED at height ${d.height} (${d.kind}): ${d.detail}`);
        for (const e of d.entries)
            lines.push(`  ${e.entry ?? `(key digest ${e.key_digest})`}: log ${e.expected}, replay ${e.actual}`);
    }
    process.stdout.write(lines.join('\n') + '\n');
}
export function registerReplayCommand(program) {
    program
        .command('replay')
        .description('re-apply the block log from genesis, checking every stored state root')
        .option('--data <dir>', 'data directory (default: the repository root)')
        .option('--to <height>', 'stop after this height', integerOption('--to', 0))
        .option('--trust-signatures', 'take the signatures of this (already verified) log as valid; state roots are still checked')
        .option('--from-snapshot', 'start from the newest snapshot at or below the target instead of genesis')
        .option('--workers <n>', 'signature-verification threads (default: all cores)', integerOption('--workers', 1, 256))
        .option('--snapshot-every <n>', 'write a snapshot after every N-th verified block (default: never)', integerOption('--snapshot-every', 0))
        .option('--keep-snapshots <n>', 'keep only the newest N snapshots (default 3)', integerOption('--keep-snapshots', 1))
        .option('--no-progress', 'no progress bar on stderr')
        .option('--json', 'one JSON object on stdout')
        .action((options) => withCliErrors(async () => {
        const report = await replayWithProgress(options);
        if (options.json === true)
            printJson(report);
        else
            printHuman(report);
        if (!report.verified)
            process.exitCode = 1;
    }));
}
//# sourceMappingURL=replay.js.map