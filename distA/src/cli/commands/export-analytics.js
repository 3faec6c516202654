import { exportAnalytics } from '../../projection/export-analytics.js';
import { ProjectionError } from '../../projection/store.js';
import { dataDirOf } from '../args.js';
import { CliError, printJson } from '../output.js';
import { withCliErrors } from '../runtime-errors.js';
async function run(options) {
    try {
        return await exportAnalytics(dataDirOf(options.data), options.out, { onNotice: (message) => process.stderr.write(`${message}\n`) });
    }
    catch (error) {
        if (error instanceof ProjectionError)
            throw new CliError(error.code, error.message, error.details);
        throw error;
    }
}
export function registerExportAnalyticsCommand(program) {
    program
        .command('export-analytics')
        .description('write Parquet files for analysts (txs, reward lines, claims, supply, nodes over time, blocks) from the projection')
        .option('--data <dir>', 'data directory (default: the repository root)')
        .requiredOption('--out <dir>', 'directory for the .parquet files (created if missing)')
        .option('--json', 'one JSON object on stdout')
        .action((options) => withCliErrors(async () => {
        const report = await run(options);
        if (options.json === true)
            printJson(report);
        else
            for (const { file, rows } of report.files)
                process.stdout.write(`${file}: ${rows} rows (up to height ${report.height})\n`);
    }));
}
//# sourceMappingURL=export-analytics.js.map