#!/usr/bin/env node
/**
 * The `pokt-ledger` command. Each command group lives in ./commands/<group>.ts and registers
 * itself here; this file only wires them together and turns errors into exit codes.
 */
import { Command, CommanderError } from 'commander';
import { reportError } from './output.js';
import { registerCommands } from './commands/index.js';

const program = new Command('pokt-ledger')
  .description('An event-sourced ledger that runs the Pocket Network v0 (Morse) protocol')
  .showHelpAfterError()
  .exitOverride();

registerCommands(program);

try {
  await program.parseAsync(process.argv);
} catch (error) {
  if (error instanceof CommanderError) {
    process.exitCode = error.exitCode === 0 ? 0 : 2; // usage errors: exit 2
  } else {
    process.exitCode = reportError(error, process.argv.includes('--json'));
  }
}
