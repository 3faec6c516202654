/**
 * `pokt-ledger export-analytics [--data DIR] --out DIR [--force] [--no-progress] [--json]`
 *
 * Catches up the SQLite projection, then writes Parquet files for analysts (txs, reward lines,
 * claims, supply per block, nodes over time, blocks; src/projection/export-analytics.ts). The
 * report on stdout: {"out","height","files":[{"file","rows"}]}. --out is refused inside the
 * chain's own files, and over existing .parquet files of these names without --force (out-path.ts).
 */
import { basename } from 'node:path';
import type { Command } from 'commander';
import { ANALYTICS_EXPORTS, exportAnalytics, type ExportReport } from '../../projection/export-analytics.js';
import type { ProjectReport } from '../../projection/run.js';
import { dataDirOf } from '../args.js';
import { checkOutputDirectory } from '../out-path.js';
import { counted, printJson, writeStdout } from '../output.js';
import { phaseLine } from '../progress.js';
import { withCliErrors } from '../runtime-errors.js';
import { projectWithProgress } from './project.js';

interface ExportOptions {
  readonly data?: string;
  readonly out: string;
  readonly force?: boolean;
  readonly json?: boolean;
  readonly progress?: boolean;
}

/** Catches up the projection (with its bar), then names the Parquet phase on stderr. */
async function run(options: ExportOptions): Promise<ExportReport> {
  const dataDir = dataDirOf(options.data);
  const showProgress = options.progress !== false;
  checkOutputDirectory(options.out, dataDir, ANALYTICS_EXPORTS.map((spec) => `${spec.name}.parquet`), { option: '--out', force: options.force === true });
  const catchUp = async (): Promise<ProjectReport> => {
    const report = await projectWithProgress(dataDir, {}, showProgress);
    phaseLine(`export-analytics: writing ${ANALYTICS_EXPORTS.length} Parquet files`, showProgress);
    return report;
  };
  return exportAnalytics(dataDir, options.out, { catchUp });
}

function printHuman(report: ExportReport): void {
  const width = Math.max(...report.files.map(({ file }) => basename(file).length));
  const rows = report.files.map(({ file, rows }) => `  ${basename(file).padEnd(width)}  ${counted(rows, 'row')}`);
  writeStdout([`wrote ${counted(report.files.length, 'Parquet file')} to ${report.out} (the projection up to height ${report.height}):`, ...rows].join('\n') + '\n');
}

export function registerExportAnalyticsCommand(program: Command): void {
  program
    .command('export-analytics')
    .description('write Parquet files for analysts (txs, reward lines, claims, supply, nodes over time, blocks) from the projection')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .requiredOption('--out <dir>', 'directory for the .parquet files (created if missing; never the data directory nor inside its events/, snapshots/ or projections/)')
    .option('--force', 'overwrite .parquet files already in --out')
    .option('--no-progress', 'no progress on stderr (the projection\'s catch-up bar, the Parquet phase)')
    .option('--json', 'one JSON object on stdout')
    .action((options: ExportOptions) =>
      withCliErrors(async () => {
        const report = await run(options);
        if (options.json === true) printJson(report);
        else printHuman(report);
      }),
    );
}
