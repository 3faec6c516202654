/**
 * `pokt-ledger start` (what `npm start` runs): the main job on the embedded default — the
 * bundled Pocket mainnet genesis. It grows with the ledger; today it imports the genesis and
 * prints its summary.
 */
import type { Command } from 'commander';
import { bundledMainnetGenesisPath } from '../../core/paths.js';
import { inspectGenesis } from './genesis.js';

export function registerStartCommand(program: Command): void {
  program
    .command('start')
    .description('run the main job on the bundled mainnet genesis')
    .option('--json', 'JSON output')
    .action((options: { json?: boolean }) => inspectGenesis(bundledMainnetGenesisPath(), options.json === true));
}
