#!/usr/bin/env node
/**
 * The `pokt-ledger` command. Each command group lives in ./commands/<group>.ts and registers
 * itself here; this file only wires them together and is the ONE place errors become output and
 * exit codes: usage errors (bad or missing options, unknown commands) → a coded error, exit 2;
 * coded runtime errors (runtime-errors.ts) → exit 1; anything else → `internal_error`, exit 70,
 * no stack unless POKT_LEDGER_DEBUG is set (output.ts). With --json the error is one JSON
 * document `{"error":{"code","message","details"}}` on stdout. Errors that escape a command's
 * promise chain (an unhandled rejection in a background task) go through the same path.
 */
import { Command, CommanderError } from 'commander';
import { LEDGER_VERSION } from '../core/version.js';
import { EXIT_USAGE, printError, reportError } from './output.js';
import { asCliError } from './runtime-errors.js';
import { registerCommands } from './commands/index.js';

const json = process.argv.includes('--json');

/** Commander's error codes → ours (commander.* names are its internals, not an interface). */
const USAGE_CODES: Readonly<Record<string, string>> = {
  'commander.invalidArgument': 'invalid_option',
  'commander.optionMissingArgument': 'missing_option_value',
  'commander.missingMandatoryOptionValue': 'missing_option',
  'commander.missingArgument': 'missing_argument',
  'commander.excessArguments': 'too_many_arguments',
  'commander.unknownOption': 'unknown_option',
  'commander.unknownCommand': 'unknown_command',
  'commander.conflictingOption': 'conflicting_options',
};

function fail(error: unknown): void {
  if (error instanceof CommanderError) {
    if (error.exitCode === 0) return; // --help, --version
    const code = USAGE_CODES[error.code] ?? 'invalid_usage';
    // Without --json commander already printed its message (and the help) on stderr.
    if (json) printError(code, error.message.replace(/^error: /, ''), undefined, true);
    process.exitCode = EXIT_USAGE;
    return;
  }
  process.exitCode = reportError(asCliError(error), json);
}

const program = new Command('pokt-ledger')
  .description('An event-sourced ledger that runs the Pocket Network v0 (Morse) protocol')
  .version(LEDGER_VERSION, '-V, --version', 'print the version and exit')
  .showHelpAfterError(!json) // with --json, stderr too stays quiet: the JSON error says it all
  .configureOutput({ outputError: (text, write) => (json ? undefined : write(text)) })
  .exitOverride();

registerCommands(program);

process.on('unhandledRejection', (reason) => {
  fail(reason);
  process.exit();
});

try {
  await program.parseAsync(process.argv);
} catch (error) {
  fail(error);
}
