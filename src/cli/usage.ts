/**
 * Usage errors (exit 2) as people and programs read them. Commander's own error text — its
 * "error: …" line followed by the whole help — is silenced (main.ts); instead one coded line,
 * `error [unknown_option]: …`, and one line naming the help to read. A command group run without
 * a command (`pokt-ledger calc`) is the usage error `missing_subcommand`, listing its commands.
 * With --json: one `{"error":{code,message,details}}` document on stdout, nothing on stderr.
 */
import { Command, CommanderError } from 'commander';
import { printError } from './output.js';

/** Commander's error codes → ours (commander.* names are its internals, not an interface). */
const COMMANDER_CODES: Readonly<Record<string, string>> = {
  'commander.invalidArgument': 'invalid_option',
  'commander.optionMissingArgument': 'missing_option_value',
  'commander.missingMandatoryOptionValue': 'missing_option',
  'commander.missingArgument': 'missing_argument',
  'commander.excessArguments': 'too_many_arguments',
  'commander.unknownOption': 'unknown_option',
  'commander.unknownCommand': 'unknown_command',
  'commander.conflictingOption': 'conflicting_options',
};

/** `pokt-ledger calc mint-rate`: the words that run `command`. */
export function commandPath(command: Command): string {
  const names: string[] = [];
  for (let at: Command | null = command; at !== null; at = at.parent) names.unshift(at.name());
  return names.join(' ');
}

/**
 * The deepest command the arguments reached, for the help hint: commander's errors do not say
 * which command raised them, so every group records the subcommand it dispatches to.
 */
export function trackReachedCommand(program: Command): () => Command {
  let reached = program;
  const watch = (command: Command): void => {
    if (command.commands.length === 0) return;
    command.hook('preSubcommand', (_group, subcommand) => {
      reached = subcommand;
    });
    command.commands.forEach(watch);
  };
  watch(program);
  return () => reached;
}

/** A group's commands as listed by its help (commander's implicit `help` command left out). */
function subcommandsOf(group: Command): Command[] {
  return group
    .createHelp()
    .visibleCommands(group)
    .filter((command) => command.name() !== 'help');
}

/** The line after a usage error: where to read the command's options (or a group's commands). */
export function helpHint(command: Command): string {
  const path = commandPath(command);
  return command.commands.length === 0 ? `see \`${path} --help\` for its options and arguments` : `see \`${path} --help\` for its commands`;
}

/** `pokt-ledger calc` without a command: the coded line, every command with its description, the hint. */
function printMissingSubcommand(group: Command, json: boolean): void {
  const path = commandPath(group);
  const commands = subcommandsOf(group);
  const message = `\`${path}\` needs a command: ${commands.map((c) => c.name()).join(', ')}`;
  if (json) {
    printError('missing_subcommand', message, { commands: commands.map((c) => c.name()) }, true);
    return;
  }
  printError('missing_subcommand', message, undefined, false);
  const width = Math.max(...commands.map((c) => c.name().length));
  const lines = commands.map((c) => `  ${c.name().padEnd(width)}  ${c.description()}`);
  process.stderr.write([...lines, `see \`${path} <command> --help\` for a command's options`].join('\n') + '\n');
}

/**
 * Reports a commander usage error (its exit code was not 0: not --help) raised while parsing
 * for `command`. Commander signals a group run without a command by showing the group's help
 * as an error (code `commander.help`, exit 1).
 */
export function printUsageError(error: CommanderError, command: Command, json: boolean): void {
  if (error.code === 'commander.help') {
    printMissingSubcommand(command, json);
    return;
  }
  printError(COMMANDER_CODES[error.code] ?? 'invalid_usage', error.message.replace(/^error: /, ''), undefined, json);
  if (!json) process.stderr.write(helpHint(command) + '\n');
}

/**
 * `pokt-ledger history --help` names a command that does not exist, yet commander shows the
 * parent's help and exits 0 (a script would take `history` for a command). Found here, before
 * parsing: the group and the unknown name, when help is asked (`--help`, `-h` or `help …`) for a
 * command path with an unknown word in it; without help commander reports it itself.
 */
export function unknownCommandAskedForHelp(program: Command, args: readonly string[]): { group: Command; name: string } | undefined {
  let helpAsked = args.includes('--help') || args.includes('-h');
  let at = program;
  for (const arg of args) {
    if (arg.startsWith('-') || at.commands.length === 0) return undefined;
    if (arg === 'help') {
      helpAsked = true; // `help calc` is `calc --help`
      continue;
    }
    const next = at.commands.find((command) => command.name() === arg || command.aliases().includes(arg));
    if (next === undefined) return helpAsked ? { group: at, name: arg } : undefined;
    at = next;
  }
  return undefined;
}

/** The unknown command of unknownCommandAskedForHelp as commander would have reported it. */
export function unknownCommandError(name: string): CommanderError {
  return new CommanderError(2, 'commander.unknownCommand', `error: unknown command '${name}'`);
}
