/**
 * Working with a chain's history:
 *
 *   pokt-ledger verify --data DIR [--against DIR2] [--verify-signatures] [--json]
 *       the hash chain and every state root of DIR; with --against, the first height where the
 *       two runs differ (bisect over the recorded roots) and the differing state entries there
 *   pokt-ledger rollback --data DIR --to H [--yes] [--json]
 *       cut the chain back to H: log, snapshots above H, projection — crash-safe (runtime/rollback.ts)
 *   pokt-ledger export --data DIR --height H [--out FILE] [--json]
 *       the state at H as a pocket-core `export-genesis-for-reset` genesis (genesis/export.ts)
 *
 * verify exits 1 when the chain does not prove itself or the runs differ.
 */
import type { Command } from 'commander';
import { finishPendingRollback, projectionRollbackStep } from '../../projection/rollback.js';
import { assertCheckpointOnLog, sqliteCheckpointOf } from '../../projection/checkpoint-on-log.js';
import { ProjectionError } from '../../projection/errors.js';
import { recordedPostgresProjections } from '../../projection/postgres-record.js';
import { openChain } from '../../runtime/open-chain.js';
import { rollbackDataDir, type RollbackStep } from '../../runtime/rollback.js';
import { bisectDataDirs, verifyDataDir, type BisectReport, type VerifyOptions, type VerifyReport } from '../../runtime/verify.js';
import { dataDirOf, integerOption } from '../args.js';
import { chainWithoutBlocks, CliError, counted, heightRange, printJson, writeStdout } from '../output.js';
import { blockProgress, phaseLine, ReplayBar, replayStepProgress, type BlockProgress } from '../progress.js';
import { confirmDestructive } from '../confirm.js';
import { withCliErrors } from '../runtime-errors.js';
import { postgresNote } from '../postgres-note.js';
import { divergenceReport } from './replay.js';
import { registerExportCommand } from './export.js';

/**
 * Another chain's projection is refused before anything is cut, as project, audit and serve
 * refuse it: the rollback's projection step refuses it too (ProjectionStore.rollbackTo), but only
 * after the log's cut, leaving the rollback pending. A projection only ahead of the log (a repair
 * interrupted before its projection step) goes on: cutting it back is what the step is for, and
 * it checks the projection's block at H first.
 */
function refuseOtherChainsProjection(dir: string): void {
  try {
    assertCheckpointOnLog(dir, sqliteCheckpointOf(dir));
  } catch (error) {
    if (!(error instanceof ProjectionError && error.code === 'projection_ahead_of_log')) throw error;
  }
}

/** Settle an interrupted rollback completely (log and snapshots at open, then the projection); returns the log's head height. */
function settle(dir: string): number {
  const { log } = openChain(dir);
  const head = log.lastHeight;
  log.close();
  finishPendingRollback(dir);
  return head;
}

/**
 * verify's two passes on stderr: a bar over the hash chain, then — named by a phase line, as the
 * replay opens the chain and imports the genesis first — a bar over the replay that recomputes
 * every state root. Each bar is timed from its pass's start.
 */
function verifyProgress(enabled: boolean): Required<Pick<VerifyOptions, 'onProgress' | 'onRootsProgress'>> & { stop(): void } {
  const started = performance.now();
  let chain: BlockProgress | undefined;
  let roots: ReplayBar | undefined;
  return {
    onProgress: (height, last) => {
      chain ??= blockProgress('hash chain', last, enabled, started, null);
      chain.update(height, 0, height);
      if (height !== last) return;
      chain.stop();
      phaseLine('verify: recomputing every state root (a replay from the genesis)', enabled);
      roots = new ReplayBar('state roots', enabled);
    },
    onRootsProgress: (p) => roots?.update(p),
    stop: () => {
      chain?.stop();
      roots?.stop();
    },
  };
}

function printVerify(report: VerifyReport): void {
  // A chain without blocks (just made by init, or imported at H) in words, not "heights none: 0 records".
  const extent = report.records === 0 ? `no block yet: ${chainWithoutBlocks(report.first_height - 1, true)}` : `heights ${heightRange(report.first_height, report.last_height)}: ${counted(report.records, 'record')}`;
  const lines = [extent];
  if (report.chain_problem !== null) lines.push(`BROKEN at height ${report.chain_problem.height} [${report.chain_problem.code}]: ${report.chain_problem.message}`);
  else if (report.divergence !== null) {
    const d = report.divergence;
    lines.push(`hash chain ok; state root DIVERGES at height ${d.height} (${d.kind}): ${d.detail}`);
  } else lines.push(`hash chain ok; every state root matches; state root ${report.state_root}`);
  writeStdout(lines.join('\n') + '\n');
}

function printBisect(report: BisectReport): void {
  if (report.identical) {
    writeStdout(`identical: both runs end at height ${report.left.last_height} with state root ${report.left.state_root} (${counted(report.probes, 'probe')})\n`);
    return;
  }
  const at = report.first_difference;
  // A side without that height (one run is a prefix of the other) has no block or root there:
  // said in words, not as "block -, root -".
  const side = (name: string, s: BisectReport['left']): string =>
    at === null ? `  ${name} last height ${s.last_height}` : s.block_hash === null ? `  ${name} last height ${s.last_height}, no block ${at}` : `  ${name} last height ${s.last_height}; at ${at}: block ${s.block_hash}, state root ${s.state_root}`;
  const lines = [
    report.kind === 'no_common_height'
      ? 'no height in common (one run starts from an exported state above the other\'s last height): nothing to compare'
      : report.kind === 'prefix'
        ? `first difference at height ${at}: identical through ${Math.min(report.left.last_height, report.right.last_height)}, where the ${report.left.last_height < report.right.last_height ? 'left run ends and the right' : 'right run ends and the left'} goes on (prefix; ${counted(report.probes, 'probe')})`
        : `first difference at height ${at} (${report.kind}; ${counted(report.probes, 'probe')})`,
    side('left: ', report.left),
    side('right:', report.right),
  ];
  // No entry to show: the runs differ by something else than state (a height one run lacks, a
  // chain started from an export) — the kind says what; a dangling "0 … differ:" said nothing.
  if (report.differing_entries > 0) {
    lines.push(`${counted(report.differing_entries, 'state entry', 'state entries')} differ${report.entries.length < report.differing_entries ? ` (first ${report.entries.length} shown)` : ''}:`);
    lines.push(...report.entries.map((e) => `  ${e.table}/${e.key}\n    left:  ${e.left ?? '(absent)'}\n    right: ${e.right ?? '(absent)'}`));
  }
  writeStdout(lines.join('\n') + '\n');
}

export function registerHistoryCommands(program: Command): void {
  program
    .command('verify')
    .description('check the hash chain and every state root of a data directory; with --against, find the first height where two runs differ and the differing state entries')
    .requiredOption('--data <dir>', 'data directory')
    .option('--against <dir>', 'a second data directory to compare with (bisect over the recorded roots)')
    .option('--verify-signatures', 'verify every signature too (default: the recorded verdicts; roots are always recomputed)')
    .option('--limit <n>', 'at most N differing entries listed (default 200)', integerOption('--limit', 1))
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'one JSON object on stdout')
    .action((options: { data: string; against?: string; verifySignatures?: boolean; limit?: number; progress?: boolean; json?: boolean }) =>
      withCliErrors(async () => {
        const dir = dataDirOf(options.data);
        settle(dir);
        if (options.against !== undefined) {
          const other = dataDirOf(options.against);
          settle(other);
          const showProgress = options.progress !== false;
          const report = await bisectDataDirs(dir, other, {
            ...(options.limit === undefined ? {} : { limit: options.limit }),
            replayProgress: (side, height) => replayStepProgress(`verify ${side}`, showProgress, `replaying ${side === 'left' ? dir : other} to height ${height}, the first difference, from its newest snapshot (or its genesis)`),
          });
          if (options.json === true) printJson(report);
          else printBisect(report);
          if (!report.identical) process.exitCode = 1;
          return;
        }
        const progress = verifyProgress(options.progress !== false);
        const report = await verifyDataDir(dir, {
          ...(options.verifySignatures === true ? { verifySignatures: true } : {}),
          onProgress: progress.onProgress,
          onRootsProgress: progress.onRootsProgress,
        }).finally(() => progress.stop());
        if (options.json === true) printJson({ ...report, divergence: report.divergence === null ? null : divergenceReport(report.divergence) });
        else printVerify(report);
        if (!report.ok) process.exitCode = 1;
      }),
    );

  program
    .command('rollback')
    .description('cut the chain back to height H: the block log, the snapshots above H and the projection (safe against a kill at any instant: at H or at the old head afterwards)')
    .requiredOption('--data <dir>', 'data directory')
    .requiredOption('--to <height>', 'the height to keep as the new head', integerOption('--to', 0))
    .option('--yes', 'remove the blocks above H without asking (required when not on a terminal)')
    .option('--json', 'one JSON object on stdout')
    .action((options: { data: string; to: number; yes?: boolean; json?: boolean }) =>
      withCliErrors(async () => {
        const dir = dataDirOf(options.data);
        const head = settle(dir);
        // The operator's number, not the directory, is wrong (exit 2, as for any bad option).
        if (options.to > head) throw new CliError('invalid_option', `--to ${options.to} is above the chain's head (height ${head}): rollback only removes blocks`, { to: options.to, head });
        refuseOtherChainsProjection(dir);
        if (options.to < head) {
          // Acknowledged blocks go for good: a person types the height back, a script says --yes.
          const what = `rollback removes blocks ${heightRange(options.to + 1, head)} (${counted(head - options.to, 'block')}) of ${dir} for good (copy the directory first to keep them)`;
          await confirmDestructive(what, String(options.to), options.yes === true, { from: head, to: options.to, blocks: head - options.to });
        }
        const report = rollbackDataDir(dir, options.to, { derived: [projectionRollbackStep(dir)], onStep: pauseForCrashTest });
        // not_rolled_back: the PostgreSQL projections recorded here (URLs without passwords), [] for none.
        const recorded = recordedPostgresProjections(dir);
        const note = postgresNote(dir, recorded);
        if (options.json === true) printJson({ ...report, not_rolled_back: recorded, ...(note === undefined ? {} : { note }) });
        else writeStdout(`rolled back from height ${report.from} to ${report.to} (${counted(report.removed_blocks, 'block')} removed, ${counted(report.snapshots_removed.length, 'snapshot')} removed)\n${note === undefined ? '' : `note: ${note}\n`}`);
      }),
    );

  registerExportCommand(program);
}

/**
 * Crash tests only: `POKT_LEDGER_ROLLBACK_PAUSE=<step>` makes the process print the step and
 * wait (busy) so the test can kill -9 it exactly there; other kills land at random instants.
 */
function pauseForCrashTest(step: RollbackStep): void {
  if (process.env['POKT_LEDGER_ROLLBACK_PAUSE'] !== step) return;
  process.stderr.write(`paused at ${step}\n`);
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 60_000); // until killed
}
