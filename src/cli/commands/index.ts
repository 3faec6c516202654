/** Every command group, in the order `--help` lists them. */
import type { Command } from 'commander';
import { registerCalcCommands } from './calc.js';
import { registerGenesisCommands } from './genesis.js';
import { registerStartCommand } from './start.js';
import { registerTxCommands } from './tx.js';

export function registerCommands(program: Command): void {
  registerStartCommand(program);
  registerGenesisCommands(program);
  registerTxCommands(program);
  registerCalcCommands(program);
}
