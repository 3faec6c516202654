#!/usr/bin/env node
/**
 * The `pokt-ledger` command. Each command group lives in ./commands/<group>.ts and registers
 * itself here; this file only wires them together and is the ONE place errors become output and
 * exit codes: usage errors (bad or missing options, unknown commands, a command group without
 * its command) → a coded line and a pointer to the help, never the whole help (usage.ts), exit 2;
 * coded runtime errors (runtime-errors.ts) → exit 1; anything else → `internal_error`, exit 70,
 * no stack unless POKT_LEDGER_DEBUG is set (output.ts). With --json the error is one JSON
 * document `{"error":{"code","message","details"}}` on stdout — beside the command's answer's
 * fields when that answer is the verdict (`tx decode` of an invalid tx: CliError.report). Errors that escape a command's
 * promise chain (an unhandled rejection in a background task) go through the same path.
 */
import { Command, CommanderError } from 'commander';
import { LEDGER_VERSION } from '../core/version.js';
import { CliError, EXIT_USAGE, reportError } from './output.js';
import { exitOnInterrupt } from './interrupt.js';
import { asCliError } from './runtime-errors.js';
import { registerCommands } from './commands/index.js';
import { helpHint, printUsageError, trackReachedCommand, unknownCommandAskedForHelp, unknownCommandError } from './usage.js';

const json = process.argv.includes('--json');

const program = new Command('pokt-ledger')
  .description('An event-sourced ledger that runs the Pocket Network v0 (Morse) protocol')
  // Only before a command: `tx sign --type upgrade --version 2.0.0` is the upgrade's version,
  // not a request for ours (commander would otherwise read the program's option anywhere).
  .enablePositionalOptions()
  .version(LEDGER_VERSION, '-V, --version', 'print the version and exit')
  // Commander prints nothing of an error (neither its "error:" line nor the help): fail() prints
  // the coded line and a pointer to the help (usage.ts).
  .configureOutput({ outputError: () => undefined, writeErr: () => undefined })
  .exitOverride();

registerCommands(program);
const reached = trackReachedCommand(program);

function fail(error: unknown): void {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return; // --help, --version
    printUsageError(error, reached(), json);
    process.exitCode = EXIT_USAGE;
    return;
  }
  const cliError = asCliError(error);
  process.exitCode = reportError(cliError, json);
  // Said and coded: the process ends even if the failed command left a socket open (a PostgreSQL
  // client mid-handshake kept it alive after its error, QA of 2026-12-06). Unref'd, so a
  // process that ends by itself is not held; 1 s leaves its output time to drain.
  setTimeout(() => process.exit(), 1_000).unref();
  // A command's own check of its options (calc, query, …): the same pointer as commander's errors.
  if (!json && cliError instanceof CliError && process.exitCode === EXIT_USAGE) process.stderr.write(helpHint(reached()) + '\n');
}

/**
 * A reader that closes stdout early (`pokt-ledger query nodes --json | head -c 200`) has what it
 * wanted: stop quietly with the exit code so far, as Unix tools do, instead of Node's unhandled
 * 'error' event and its stack trace. Any other failure to write stdout is reported like the rest.
 * stderr carries only progress and diagnostics: if its reader is gone they are dropped and the
 * command goes on (a `serve` keeps serving).
 */
exitOnInterrupt();

process.stdout.on('error', (error: NodeJS.ErrnoException) => {
  if (error.code !== 'EPIPE') fail(error);
  process.exit();
});
process.stderr.on('error', () => undefined);

process.on('unhandledRejection', (reason) => {
  fail(reason);
  process.exit();
});

const unknown = unknownCommandAskedForHelp(program, process.argv.slice(2));
if (unknown !== undefined) {
  printUsageError(unknownCommandError(unknown.name), unknown.group, json);
  process.exitCode = EXIT_USAGE;
} else {
  try {
    await program.parseAsync(process.argv);
  } catch (error) {
    fail(error);
  }
}
