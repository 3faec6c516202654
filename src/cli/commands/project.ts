/**
 * `pokt-ledger project [--data DIR] [--rebuild] [--to H] [--batch N] [--postgres URL] [--json]`
 * `pokt-ledger project --check [--against-log] [--data DIR] [--json]`: every page of the SQLite
 *   projection checked (sqlite/whole-file-check.ts): {"file","bytes","seconds","bytes_read"}, or
 *   exit 1 with projection_damaged naming the first problem and the rebuild. `--against-log` then
 *   compares every row with a rebuild from the block log (projection/against-log.ts): the report
 *   gains "against_log": {"height","tables","rows","rebuild_seconds","compare_seconds"}; a
 *   difference is projection_damaged naming the table, the row's key and both values.
 *
 * Builds or catches up the SQLite projection under <data>/projections/ (src/projection), or the
 * PostgreSQL one with --postgres (a lost connection is retried with a notice on stderr): genesis
 * rows, then every block after the checkpoint, replayed from the log with every state root
 * checked. Progress (blocks/s, tx/s, ETA) on stderr; the report on stdout:
 *   {"file","from_height","height","blocks","txs","events","seconds","blocks_per_s","rebuilt","genesis_seeded","log_height"}
 * A new projection first loads the genesis state and writes its rows ("a new projection: …" on
 * stderr); with no block after it, "projected the genesis state at height H (no block yet)".
 * A projection already at the height asked for (the log's tip, or --to) is not replayed: no bar,
 * "projection already at height H (the log's tip): nothing to project" (blocks 0 with --json).
 * A schema change rebuilds (with a notice on stderr); errors are coded (projection_*, log_*).
 */
import { Option, type Command } from 'commander';
import { DEFAULT_BATCH_BLOCKS, project, type ProjectOptions, type ProjectReport } from '../../projection/run.js';
import { projectionFile } from '../../projection/store.js';
import { checkAgainstLog, type AgainstLogReport } from '../../projection/against-log.js';
import { checkWholeFile, type WholeFileReport } from '../../projection/sqlite/whole-file-check.js';
import { dataDirOf, integerOption, postgresUrlOption } from '../args.js';
import { CliError, counted, grouped, heightRange, printJson, writeStdout } from '../output.js';
import { bytesProgress, phaseLine, ReplayBar, rowsProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { refuseHeightPastTip } from './replay.js';
import { readDataDirConfig } from '../../runtime/data-dir.js';

interface ProjectCommandOptions {
  readonly data?: string;
  readonly rebuild?: boolean;
  readonly to?: number;
  readonly batch?: number;
  readonly postgres?: string;
  readonly json?: boolean;
  readonly progress?: boolean;
  readonly check?: boolean;
  readonly againstLog?: boolean;
}

/**
 * Catches up the projection with a bar over the blocks it projects (not those replayed below its
 * checkpoint to rebuild the state there), timed from the start as the report's blocks/s is.
 * `start` and `export-analytics` project through this too.
 */
export async function projectWithProgress(dataDir: string, options: Omit<ProjectOptions, 'onProgress' | 'onNotice'>, showProgress: boolean): Promise<ProjectReport> {
  let bar: ReplayBar | undefined;
  const started = performance.now();
  try {
    return await project(dataDir, {
      ...options,
      onNotice: (message) => process.stderr.write(`${message}\n`),
      onSeedingGenesis: () => phaseLine('project: a new projection: loading the genesis state and writing its rows', showProgress),
      onProgress: (p, projectedFrom) => {
        bar ??= new ReplayBar('project', showProgress, started, projectedFrom);
        bar.update(p);
      },
    });
  } finally {
    bar?.stop();
  }
}

function run(options: ProjectCommandOptions): Promise<ProjectReport> {
  return projectWithProgress(
    dataDirOf(options.data),
    {
      rebuild: options.rebuild === true,
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.batch === undefined ? {} : { batchBlocks: options.batch }),
      ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
    },
    options.progress !== false,
  );
}

/** The report for people; a projection already at the height asked for says so, not "projected 0 blocks". */
export function projectSummary(report: ProjectReport): string {
  if (report.blocks === 0 && report.genesis_seeded) {
    const where = report.height === report.log_height ? ' (no block yet)' : ` (--to; the log goes on to ${report.log_height})`;
    return `projected the genesis state at height ${report.height}${where} in ${report.seconds.toFixed(2)} s → ${report.file}`;
  }
  if (report.blocks === 0) {
    const where = report.height === report.log_height ? " (the log's tip)" : ` (the log goes on to ${report.log_height})`;
    return `projection already at height ${report.height}${where}: nothing to project → ${report.file}`;
  }
  return (
    `projected ${counted(report.blocks, 'block')} (${counted(report.txs, 'tx')}, ${counted(report.events, 'event')}), heights ${heightRange(report.from_height + 1, report.height)}, ` +
    `in ${report.seconds.toFixed(2)} s (${grouped(report.blocks_per_s)} blocks/s over the whole run, set-up included, as the bar counts) → ${report.file}`
  );
}

/** `project --check`: every page of the SQLite projection read and checked, with a bar over the bytes read. */
async function checkWithProgress(options: ProjectCommandOptions): Promise<WholeFileReport> {
  const file = projectionFile(dataDirOf(options.data));
  const bar = bytesProgress('check', options.progress !== false);
  try {
    const report = await checkWholeFile(file, (p) => bar.update(p.bytesRead, p.fileBytes, p.seconds));
    bar.complete(report.bytes_read, report.bytes, report.seconds);
    return report;
  } finally {
    bar.stop();
  }
}

/** `--against-log`: a bar over the rebuild's blocks, then one over the rows compared. */
async function againstLogWithProgress(options: ProjectCommandOptions): Promise<AgainstLogReport> {
  const showProgress = options.progress !== false;
  const started = performance.now();
  let rebuildBar: ReplayBar | undefined;
  let rowsBar: ReturnType<typeof rowsProgress> | undefined;
  phaseLine('check: rebuilding the projection from the block log into a scratch file beside it, to compare every row', showProgress);
  try {
    return await checkAgainstLog(dataDirOf(options.data), {
      onNotice: (message) => process.stderr.write(`${message}\n`),
      onProgress: (p, from) => {
        rebuildBar ??= new ReplayBar('rebuild', showProgress, started, from);
        rebuildBar.update(p);
      },
      onRows: (done, total) => {
        if (rowsBar === undefined) {
          rebuildBar?.stop();
          rowsBar = rowsProgress('compare', showProgress);
        }
        rowsBar.update(done, total);
      },
    });
  } finally {
    rebuildBar?.stop();
    rowsBar?.stop();
  }
}

function checkSummary(report: WholeFileReport, againstLog: AgainstLogReport | undefined): string {
  const read = report.bytes_read === undefined ? '' : `, ${grouped(Math.round(report.bytes_read / 1e6))} MB read`;
  const pages = `projection intact: every page of ${report.file} (${grouped(Math.round(report.bytes / 1e6))} MB) checked by SQLite's quick_check in ${report.seconds.toFixed(1)} s${read}`;
  if (againstLog === undefined) return pages;
  return `${pages}\nand every row (${counted(againstLog.rows, 'row')} in ${counted(againstLog.tables, 'table')}) equals a rebuild from the block log at height ${againstLog.height} (rebuilt in ${againstLog.rebuild_seconds.toFixed(1)} s, compared in ${againstLog.compare_seconds.toFixed(1)} s)`;
}

export function registerProjectCommand(program: Command): void {
  program
    .command('project')
    .description('build or catch up the projection (SQLite under <data>/projections/, or PostgreSQL with --postgres) from the block log')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--rebuild', 'delete the projection and build it again from genesis')
    .option('--to <height>', 'stop after this height', integerOption('--to', 0))
    .option('--batch <blocks>', `blocks per transaction (default ${DEFAULT_BATCH_BLOCKS}; each commits with its checkpoint)`, integerOption('--batch', 1))
    .option('--postgres <url>', 'project into this PostgreSQL database (postgres://user@host:port/db) instead of SQLite', postgresUrlOption)
    .addOption(new Option('--check', `only check the SQLite projection: every page read (SQLite's quick_check), whatever its size — a catch-up checks projections of at most 256 MiB by itself; exit 1 with projection_damaged if anything is wrong`).conflicts(['rebuild', 'to', 'batch', 'postgres']))
    .addOption(new Option('--against-log', 'with --check: also rebuild the projection from the block log into a scratch file beside it and compare every row (a changed value passes quick_check); exit 1 with projection_damaged naming the table, the row and both values').conflicts(['rebuild', 'to', 'batch', 'postgres']))
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'one JSON object on stdout')
    .action((options: ProjectCommandOptions) =>
      withCliErrors(async () => {
        if (options.againstLog === true && options.check !== true) throw new CliError('missing_option', '--against-log goes with --check: `pokt-ledger project --check --against-log`');
        if (options.check === true) {
          const checked = await checkWithProgress(options);
          const againstLog = options.againstLog === true ? await againstLogWithProgress(options) : undefined;
          if (options.json === true) printJson(againstLog === undefined ? checked : { ...checked, against_log: againstLog });
          else writeStdout(checkSummary(checked, againstLog) + '\n');
          return;
        }
        // Past the log's last block is refused before any work (a --rebuild removes nothing), as
        // `replay --to`, `export --height` and `audit --to` refuse it, not read as the log's end.
        if (options.to !== undefined) {
          const dir = dataDirOf(options.data);
          readDataDirConfig(dir);
          refuseHeightPastTip(dir, options.to, 'project to');
        }
        const report = await run(options);
        if (options.json === true) printJson(report);
        else writeStdout(projectSummary(report) + '\n');
      }),
    );
}
