/**
 * `pokt-ledger replay [--data DIR] [--to H] [--trust-signatures] [--from-snapshot] [--workers N] [--snapshot-every N] [--json]`
 *
 * Re-applies the data directory's log from genesis (or the newest snapshot ≤ H) with the same
 * reducer the producer used, checking the stored state root after every block. Progress
 * (blocks/s, tx/s, ETA) on stderr; the result on stdout:
 *   {"height","state_root","blocks","txs","verified":true,"seconds","start_seconds","blocks_per_s", …,"nothing_to_replay"}
 * `start_seconds` is the part of `seconds` spent reaching the starting state (opening the chain,
 * the genesis import or the snapshot load); the rates are over the rest, the blocks themselves.
 * On a mismatch it stops at the first divergent height: `verified` is false, `blocks` counts
 * only the blocks whose roots matched, `height`/`state_root` are where the state ended (the
 * divergent block applied), `divergence` names the height, what failed and the state entries
 * that differ, and the exit code is 1. A damaged record is a coded error (log_record_corrupt)
 * naming its height.
 */
import type { Command } from 'commander';
import type { Divergence } from '../../runtime/divergence.js';
import { blockLogDir, lastStoredHeight } from '../../log/index.js';
import { readDataDirConfig } from '../../runtime/data-dir.js';
import { replay, type ReplayOutcome, type ReplayProgress } from '../../runtime/replay.js';
import { assertSnapshotsWritable } from '../../snapshot/snapshot.js';
import { dataDirOf, integerOption } from '../args.js';
import { CliError, counted, grouped, heightRange, printJson, writeStdout } from '../output.js';
import { replayStepProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { nextTurn, reportingInterrupt } from '../interrupt.js';

export interface ReplayCommandOptions {
  readonly data?: string;
  readonly to?: number;
  readonly trustSignatures?: boolean;
  readonly fromSnapshot?: boolean;
  readonly workers?: number;
  readonly snapshotEvery?: number;
  readonly keepSnapshots?: number;
  readonly json?: boolean;
  readonly progress?: boolean;
}

export interface ReplayReport {
  readonly height: number;
  readonly state_root: string;
  readonly blocks: number;
  readonly txs: number;
  readonly verified: boolean;
  readonly start_height: number;
  readonly started_from: 'genesis' | 'snapshot';
  readonly signatures: 'verified' | 'trusted';
  readonly seconds: number;
  /** Of `seconds`: opening the chain, then importing the genesis or loading the snapshot. */
  readonly start_seconds: number;
  /** Over `seconds - start_seconds`. */
  readonly blocks_per_s: number;
  readonly txs_per_s: number;
  /**
   * No block between the starting state and the target: a snapshot already at it, or a chain
   * without blocks. `blocks` and the rates are then 0 and say nothing; the text says so instead.
   */
  readonly nothing_to_replay: boolean;
  readonly divergence?: DivergenceReport;
}

export interface DivergenceReport {
  readonly height: number;
  readonly kind: Divergence['kind'];
  readonly detail: string;
  readonly expected_root: string;
  readonly actual_root: string;
  readonly entries: ReadonlyArray<{ readonly entry: string | null; readonly key_digest: string; readonly expected: string; readonly actual: string }>;
}

export function divergenceReport(divergence: Divergence): DivergenceReport {
  return {
    height: divergence.height,
    kind: divergence.kind,
    detail: divergence.detail,
    expected_root: divergence.expectedRoot,
    actual_root: divergence.actualRoot,
    entries: divergence.entries.map((e) => ({ entry: e.entryKey ?? null, key_digest: e.keyDigest, expected: e.expected, actual: e.actual })),
  };
}

export function replayReport(outcome: ReplayOutcome, trusted: boolean, seconds: number, startSeconds: number): ReplayReport {
  const applying = Math.max(seconds - startSeconds, 1e-6);
  const report: ReplayReport = {
    height: outcome.height,
    state_root: outcome.stateRoot,
    blocks: outcome.blocks,
    txs: outcome.txs,
    verified: outcome.verified,
    start_height: outcome.startHeight,
    started_from: outcome.startedFrom,
    signatures: trusted ? 'trusted' : 'verified',
    seconds: Number(seconds.toFixed(3)),
    start_seconds: Number(startSeconds.toFixed(3)),
    blocks_per_s: Math.round(outcome.blocks / applying),
    txs_per_s: Math.round(outcome.txs / applying),
    nothing_to_replay: outcome.blocks === 0 && outcome.verified && outcome.height === outcome.startHeight,
  };
  return outcome.divergence === undefined ? report : { ...report, divergence: divergenceReport(outcome.divergence) };
}

/**
 * Replays with a progress bar; returns the report (the caller prints it). The bar is timed from
 * the end of the set-up, as the report's rates are: both say how fast the blocks are applied.
 */
export async function replayWithProgress(options: ReplayCommandOptions): Promise<ReplayReport> {
  const dir = dataDirOf(options.data);
  // No chain here: data_dir_not_found with how to create one (the --to check below would say
  // the log's log_not_found), and before the "opening the chain" line.
  readDataDirConfig(dir);
  if (options.to !== undefined) refuseHeightPastTip(dir, options.to, 'replay to');
  // Snapshots it cannot write are said before the replay, not at the first one (a read-only copy).
  if ((options.snapshotEvery ?? 0) > 0) assertSnapshotsWritable(dir);
  let reached: ReplayProgress | undefined;
  // Listening from before the first line: a signal during the genesis import is heard at the next turn.
  return reportingInterrupt(
    () => interruptedAt(reached, options.snapshotEvery ?? 0),
    () => replayShown(dir, options, (at) => (reached = at)),
  );
}

async function replayShown(dir: string, options: ReplayCommandOptions, onReached: (at: ReplayProgress) => void): Promise<ReplayReport> {
  const trusted = options.trustSignatures === true;
  const progress = replayStepProgress('replay', options.progress !== false, `opening the chain, ${options.fromSnapshot === true ? 'loading the newest snapshot' : 'importing the genesis'}`);
  const started = performance.now();
  let startSeconds = 0;
  const outcome = await replay(dir, {
    onStart: () => {
      startSeconds = (performance.now() - started) / 1000;
      progress.onStart();
    },
    trustSignatures: trusted,
    fromSnapshot: options.fromSnapshot === true,
    ...(options.to === undefined ? {} : { to: options.to }),
    ...(options.workers === undefined ? {} : { workers: options.workers }),
    ...(options.snapshotEvery === undefined ? {} : { snapshotEvery: options.snapshotEvery }),
    ...(options.keepSnapshots === undefined ? {} : { keepSnapshots: options.keepSnapshots }),
    onProgress: (at) => {
      onReached(at);
      progress.onProgress(at);
    },
    // A turn of the event loop per chunk (~4,000 txs) and, inside one, every 100 ms: Ctrl-C is
    // heard (reportingInterrupt) and the bar redrawn while a chunk of proofs takes seconds.
    beforeChunk: nextTurn,
    turnEveryMs: TURN_EVERY_MS,
  });
  progress.stop();
  return replayReport(outcome, trusted, (performance.now() - started) / 1000, startSeconds);
}

/** Longest stretch of blocks applied without a turn of the event loop (Ctrl-C, the bar's redraw). */
const TURN_EVERY_MS = 100;

/**
 * Where an interrupted replay stopped, and what a rerun can start from:
 * "at height 1200 (heights 1–1200 replayed; every state root checked matched); the newest
 * snapshot it wrote is at height 1000: `replay --from-snapshot` starts there".
 */
export function interruptedAt(reached: ReplayProgress | undefined, snapshotEvery: number): string {
  if (reached === undefined || reached.blocks === 0) return 'before the first block was applied; nothing was written';
  const replayed = `heights ${heightRange(reached.startHeight + 1, reached.height)} replayed; every state root checked matched`;
  const newestSnapshot = snapshotEvery > 0 ? reached.height - (reached.height % snapshotEvery) : 0;
  if (newestSnapshot <= reached.startHeight) return `at height ${reached.height} (${replayed}); it wrote nothing`;
  return `at height ${reached.height} (${replayed}); the newest snapshot it wrote is at height ${newestSnapshot}: \`pokt-ledger replay --from-snapshot\` starts there`;
}

/**
 * A height past the last stored block, refused before any work — `replay --to` (QA of
 * 2026-12-06: `replay --to 99` of a 40-block chain replayed to 40 and said nothing) and `export
 * --height` (which replayed the whole chain first): "the chain ends at height 40; cannot
 * <doing> height 99".
 */
export function refuseHeightPastTip(dir: string, height: number, doing: string): void {
  const last = lastStoredHeight(blockLogDir(dir));
  if (height > last) throw new CliError('height_not_found', `the chain ends at height ${last}; cannot ${doing} height ${height}`, { height, last_height: last });
}

/** "heights 1–60 from the genesis" / "from the snapshot at height 40: heights 41–60". */
function replayedRange(report: ReplayReport): string {
  const from = report.started_from === 'snapshot' ? `the snapshot at height ${report.start_height}` : 'the genesis';
  return report.blocks === 0 ? `from ${from}` : `heights ${heightRange(report.start_height + 1, report.start_height + report.blocks)} from ${from}`;
}

/** Both rates, each saying what it measures: the blocks alone (as the bar), and the whole run. */
function rateLines(report: ReplayReport): string[] {
  const setUp = report.started_from === 'snapshot' ? 'loading the snapshot' : 'importing the genesis';
  const applying = Math.max(report.seconds - report.start_seconds, 0);
  const overall = Math.round(report.blocks / Math.max(report.seconds, 1e-6));
  return [
    `  applying the blocks: ${applying.toFixed(2)} s, ${grouped(report.blocks_per_s)} blocks/s, ${grouped(report.txs_per_s)} tx/s (the progress bar's rate)`,
    `  with opening the chain and ${setUp} (${report.start_seconds.toFixed(2)} s): ${grouped(overall)} blocks/s overall`,
  ];
}

/**
 * The starting state was already the target (`nothing_to_replay`): what it is and what was
 * checked, without "replayed 0 blocks" and rates of 0 blocks/s. A snapshot is used only once its
 * state root matches the one the log records at its height (runtime/snapshot-proof.ts); a
 * genesis only once it imports to the root recorded at init (runtime/data-dir.ts). Example:
 *   nothing to replay: the snapshot at height 4 is the chain's last block, in 0.05 s
 *   state root 1a2b…
 *   verified: the snapshot's state root matches the one the log records at height 4
 */
function printNothingToReplay(report: ReplayReport, to: number | undefined): void {
  const target = to === undefined ? "the chain's last block" : `the height asked for (--to ${to})`;
  const genesis = report.start_height === 0 ? 'the genesis' : `the imported state at height ${report.start_height}`;
  const start =
    report.started_from === 'snapshot'
      ? `the snapshot at height ${report.start_height} is ${target}`
      : `${genesis} is ${to === undefined ? 'where the chain stands (no block yet)' : target}`;
  const checked =
    report.started_from === 'snapshot'
      ? `verified: the snapshot's state root matches the one the log records at height ${report.start_height}`
      : `verified: ${report.start_height === 0 ? 'the genesis' : 'the exported state'} imports to the state root recorded when the chain was created`;
  writeStdout([`nothing to replay: ${start}, in ${report.seconds.toFixed(2)} s`, `state root ${report.state_root}`, checked].join('\n') + '\n');
}

function printHuman(report: ReplayReport, to: number | undefined): void {
  if (report.nothing_to_replay) {
    printNothingToReplay(report, to);
    return;
  }
  const lines = [
    `replayed ${counted(report.blocks, 'block')} (${counted(report.txs, 'tx')}), ${replayedRange(report)}, in ${report.seconds.toFixed(2)} s; signatures ${report.signatures}`,
    ...rateLines(report),
    `state root ${report.state_root}`,
  ];
  if (report.divergence === undefined) lines.push('verified: every stored state root matches');
  else {
    const d = report.divergence;
    lines.push(`DIVERGED at height ${d.height} (${d.kind}): ${d.detail}`);
    for (const e of d.entries) lines.push(`  ${e.entry ?? `(key digest ${e.key_digest})`}: log ${e.expected}, replay ${e.actual}`);
  }
  writeStdout(lines.join('\n') + '\n');
}

export function registerReplayCommand(program: Command): void {
  program
    .command('replay')
    .description('re-apply the block log from genesis, checking every stored state root')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--to <height>', 'stop after this height', integerOption('--to', 0))
    .option('--trust-signatures', 'take the txs\' own signatures of this (already verified) log as recorded; relay proofs\' signatures are still verified (on worker threads), state roots still checked')
    .option('--from-snapshot', 'start from the newest snapshot at or below the target instead of genesis')
    .option('--workers <n>', 'signature-verification threads (default: all cores)', integerOption('--workers', 1, 256))
    .option('--snapshot-every <n>', 'write a snapshot after every N-th verified block (default: never)', integerOption('--snapshot-every', 0))
    .option('--keep-snapshots <n>', 'keep only the newest N snapshots (default 3)', integerOption('--keep-snapshots', 1))
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'one JSON object on stdout')
    .action((options: ReplayCommandOptions) =>
      withCliErrors(async () => {
        const report = await replayWithProgress(options);
        if (options.json === true) printJson(report);
        else printHuman(report, options.to);
        if (!report.verified) process.exitCode = 1;
      }),
    );
}
