/**
 * `pokt-ledger export-analytics [--data DIR] --out DIR [--force] [--json]`
 *
 * Catches up the SQLite projection, then writes Parquet files for analysts (txs, reward lines,
 * claims, supply per block, nodes over time, blocks; src/projection/export-analytics.ts). The
 * report on stdout: {"out","height","files":[{"file","rows"}]}. --out is refused inside the
 * chain's own files, and over existing .parquet files of these names without --force (out-path.ts).
 */
import type { Command } from 'commander';
import { ANALYTICS_EXPORTS, exportAnalytics, type ExportReport } from '../../projection/export-analytics.js';
import { ProjectionError } from '../../projection/store.js';
import { dataDirOf } from '../args.js';
import { checkOutputDirectory } from '../out-path.js';
import { CliError, printJson } from '../output.js';
import { withCliErrors } from '../runtime-errors.js';

interface ExportOptions {
  readonly data?: string;
  readonly out: string;
  readonly force?: boolean;
  readonly json?: boolean;
}

async function run(options: ExportOptions): Promise<ExportReport> {
  const dataDir = dataDirOf(options.data);
  checkOutputDirectory(options.out, dataDir, ANALYTICS_EXPORTS.map((spec) => `${spec.name}.parquet`), { option: '--out', force: options.force === true });
  try {
    return await exportAnalytics(dataDir, options.out, { onNotice: (message) => process.stderr.write(`${message}\n`) });
  } catch (error) {
    if (error instanceof ProjectionError) throw new CliError(error.code, error.message, error.details);
    throw error;
  }
}

export function registerExportAnalyticsCommand(program: Command): void {
  program
    .command('export-analytics')
    .description('write Parquet files for analysts (txs, reward lines, claims, supply, nodes over time, blocks) from the projection')
    .option('--data <dir>', 'data directory (default: the repository root)')
    .requiredOption('--out <dir>', 'directory for the .parquet files (created if missing; never the data directory nor inside its events/, snapshots/ or projections/)')
    .option('--force', 'overwrite .parquet files already in --out')
    .option('--json', 'one JSON object on stdout')
    .action((options: ExportOptions) =>
      withCliErrors(async () => {
        const report = await run(options);
        if (options.json === true) printJson(report);
        else for (const { file, rows } of report.files) process.stdout.write(`${file}: ${rows} rows (up to height ${report.height})\n`);
      }),
    );
}
