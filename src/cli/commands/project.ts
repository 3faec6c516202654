/**
 * `pokt-ledger project [--data DIR] [--rebuild] [--to H] [--batch N] [--postgres URL] [--json]`
 *
 * Builds or catches up the SQLite projection under <data>/projections/ (src/projection), or the
 * PostgreSQL one with --postgres (a lost connection is retried with a notice on stderr): genesis
 * rows, then every block after the checkpoint, replayed from the log with every state root
 * checked. Progress (blocks/s, tx/s, ETA) on stderr; the report on stdout:
 *   {"file","from_height","height","blocks","txs","events","seconds","blocks_per_s","rebuilt"}
 * A schema change rebuilds (with a notice on stderr); errors are coded (projection_*, log_*).
 */
import type { Command } from 'commander';
import { ProjectionError } from '../../projection/store.js';
import { DEFAULT_BATCH_BLOCKS, project, type ProjectReport } from '../../projection/run.js';
import { dataDirOf, integerOption } from '../args.js';
import { CliError, grouped, printJson } from '../output.js';
import { blockProgress } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';

interface ProjectCommandOptions {
  readonly data?: string;
  readonly rebuild?: boolean;
  readonly to?: number;
  readonly batch?: number;
  readonly postgres?: string;
  readonly json?: boolean;
  readonly progress?: boolean;
}

async function run(options: ProjectCommandOptions): Promise<ProjectReport> {
  let progress: ReturnType<typeof blockProgress> | undefined;
  try {
    const report = await project(dataDirOf(options.data), {
      rebuild: options.rebuild === true,
      ...(options.to === undefined ? {} : { to: options.to }),
      ...(options.batch === undefined ? {} : { batchBlocks: options.batch }),
      ...(options.postgres === undefined ? {} : { postgres: options.postgres }),
      onNotice: (message) => process.stderr.write(`${message}\n`),
      onProgress: (p) => {
        progress ??= blockProgress('project', p.targetHeight - p.startHeight, options.progress !== false);
        progress.update(p.blocks, p.txs, p.height);
      },
    });
    return report;
  } catch (error) {
    if (error instanceof ProjectionError) throw new CliError(error.code, error.message, error.details);
    throw error;
  } finally {
    progress?.stop();
  }
}

export function registerProjectCommand(program: Command): void {
  program
    .command('project')
    .description('build or catch up the projection (SQLite under <data>/projections/, or PostgreSQL with --postgres) from the block log')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .option('--rebuild', 'delete the projection and build it again from genesis')
    .option('--to <height>', 'stop after this height', integerOption('--to', 0))
    .option('--batch <blocks>', `blocks per transaction (default ${DEFAULT_BATCH_BLOCKS}; each commits with its checkpoint)`, integerOption('--batch', 1))
    .option('--postgres <url>', 'project into this PostgreSQL database (postgres://user@host:port/db) instead of SQLite')
    .option('--no-progress', 'no progress bar on stderr')
    .option('--json', 'one JSON object on stdout')
    .action((options: ProjectCommandOptions) =>
      withCliErrors(async () => {
        const report = await run(options);
        if (options.json === true) printJson(report);
        else process.stdout.write(`projected ${grouped(report.blocks)} blocks (${grouped(report.txs)} txs, ${grouped(report.events)} events) from height ${report.from_height} to ${report.height} in ${report.seconds.toFixed(2)} s → ${report.file}\n`);
      }),
    );
}
