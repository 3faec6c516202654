import { finishPendingRollback, projectionRollbackStep } from '../../projection/rollback.js';
import { openChain } from '../../runtime/open-chain.js';
import { rollbackDataDir } from '../../runtime/rollback.js';
import { bisectDataDirs, verifyDataDir } from '../../runtime/verify.js';
import { dataDirOf, integerOption } from '../args.js';
import { printJson } from '../output.js';
import { blockProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { divergenceReport } from './replay.js';
import { registerExportCommand } from './export.js';
/** Settle an interrupted rollback completely (log and snapshots at open, then the projection). */
function settle(dir) {
    openChain(dir).log.close();
    finishPendingRollback(dir);
}
function printVerify(report) {
    const lines = [`heights ${report.first_height}…${report.last_height}: ${report.records} records`];
    if (report.chain_problem !== null)
        lines.push(`BROKEN at height ${report.chain_problem.height} [${report.chain_problem.code}]: ${report.chain_problem.message}`);
    else if (report.divergence !== null) {
        const d = report.divergence;
        lines.push(`hash chain ok; state root DIVERGES at height ${d.height} (${d.kind}): ${d.detail}`);
    }
    else
        lines.push(`hash chain ok; every state root matches; state root ${report.state_root}`);
    process.stdout.write(lines.join('\n') + '\n');
}
function printBisect(report) {
    if (report.identical) {
        process.stdout.write(`identical: both runs end at height ${report.left.last_height} with state root ${report.left.state_root} (${report.probes} probes)\n`);
        return;
    }
    const lines = [
        `first difference at height ${report.first_difference} (${report.kind}; ${report.probes} probes)`,
        `  left:  last height ${report.left.last_height}, block ${report.left.block_hash ?? '-'}, root ${report.left.state_root ?? '-'}`,
        `  right: last height ${report.right.last_height}, block ${report.right.block_hash ?? '-'}, root ${report.right.state_root ?? '-'}`,
        `${report.differing_entries} state entries differ${report.entries.length < report.differing_entries ? ` (first ${report.entries.length} shown)` : ''}:`,
        ...report.entries.map((e) => `  ${e.table}/${e.key}\n    left:  ${e.left ?? '(absent)'}\n    right: ${e.right ?? '(absent)'}`),
    ];
    process.stdout.write(lines.join('\n') + '\n');
}
/**
 * A PostgreSQL projection lives outside the data directory (no record of it here), so rollback
 * cannot reach it; `project --postgres` then refuses it (projection_ahead_of_log, or
 * projection_other_chain once the chain grew again) until it is rebuilt.
 */
const POSTGRES_NOTE = 'only the SQLite projection in <data>/projections was rolled back; a PostgreSQL projection (project --postgres URL) is not: re-project it with `pokt-ledger project --data DIR --postgres URL --rebuild` (until then project refuses it)';
export function registerHistoryCommands(program) {
    program
        .command('verify')
        .description('check the hash chain and every state root of a data directory; with --against, find the first height where two runs differ and the differing state entries')
        .requiredOption('--data <dir>', 'data directory')
        .option('--against <dir>', 'a second data directory to compare with (bisect over the recorded roots)')
        .option('--verify-signatures', 'verify every signature too (default: the recorded verdicts; roots are always recomputed)')
        .option('--limit <n>', 'at most N differing entries listed (default 200)', integerOption('--limit', 1))
        .option('--no-progress', 'no progress bar on stderr')
        .option('--json', 'one JSON object on stdout')
        .action((options) => withCliErrors(async () => {
        const dir = dataDirOf(options.data);
        settle(dir);
        if (options.against !== undefined) {
            const other = dataDirOf(options.against);
            settle(other);
            const report = await bisectDataDirs(dir, other, options.limit === undefined ? {} : { limit: options.limit });
            if (options.json === true)
                printJson(report);
            else
                printBisect(report);
            if (!report.identical)
                process.exitCode = 1;
            return;
        }
        let progress;
        const report = await verifyDataDir(dir, {
            ...(options.verifySignatures === true ? { verifySignatures: true } : {}),
            onProgress: (height, last) => {
                progress ??= blockProgress('hash chain', last, options.progress !== false);
                progress.update(height, 0, height);
            },
        });
        progress?.stop();
        if (options.json === true)
            printJson({ ...report, divergence: report.divergence === null ? null : divergenceReport(report.divergence) });
        else
            printVerify(report);
        if (!report.ok)
            process.exitCode = 1;
    }));
    program
        .command('rollback')
        .description('cut the chain back to height H: the block log, the snapshots above H and the projection (safe against a kill at any instant: at H or at the old head afterwards)')
        .requiredOption('--data <dir>', 'data directory')
        .requiredOption('--to <height>', 'the height to keep as the new head', integerOption('--to', 0))
        .option('--json', 'one JSON object on stdout')
        .action((options) => withCliErrors(() => {
        const dir = dataDirOf(options.data);
        settle(dir);
        const report = rollbackDataDir(dir, options.to, { derived: [projectionRollbackStep(dir)], onStep: pauseForCrashTest });
        if (options.json === true)
            printJson({ ...report, not_rolled_back: POSTGRES_NOTE });
        else
            process.stdout.write(`rolled back from height ${report.from} to ${report.to} (${report.removed_blocks} blocks removed, ${report.snapshots_removed.length} snapshot(s) removed)\nnote: ${POSTGRES_NOTE}\n`);
    }));
    registerExportCommand(program);
}
/**
 * Crash tests only: `POKT_LEDGER_ROLLBACK_PAUSE=<step>` makes the process print the step and
 * wait (busy) so the test can kill -9 it exactly there; other kills land at random instants.
 */
function pauseForCrashTest(step) {
    if (process.env['POKT_LEDGER_ROLLBACK_PAUSE'] !== step)
        return;
    process.stderr.write(`paused at ${step}\n`);
    Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // until killed
}
//# sourceMappingURL=history.js.map