/**
 * Goal: usage errors read the same as every other error — for people one coded line
 * (`error [code]: …`) and one line naming the help to read, never commander's "error: …" with
 * the whole help; with --json the same code as one document on stdout — and exit 2. A command
 * group run without its command (every group, found by walking the command tree) is
 * `missing_subcommand` listing its commands; its --help exits 0. A command that does not exist
 * is unknown even when help is asked for it (commander showed the parent's help, exit 0).
 * Method: the compiled CLI in child processes; the groups from the registered command tree.
 */
import { Command } from 'commander';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { registerCommands } from '../../../src/cli/commands/index.js';
import { runCli, type CliRun } from '../../helpers/sim.js';

const usage = suite('cli: usage errors');

/** A human usage error: exit 2, nothing on stdout, the coded line, the hint, no help dump. */
function assertHumanUsage(run: CliRun, code: string, help: string, what: string): void {
  assert.is(run.code, 2, `${what}: ${run.stderr}`);
  assert.is(run.stdout, '', what);
  const lines = run.stderr.trimEnd().split('\n');
  assert.ok(lines[0]!.startsWith(`error [${code}]: `), `${what}: ${lines[0]}`);
  assert.ok(lines.at(-1)!.includes(`\`${help}`), `${what}: the hint names ${help}: ${lines.at(-1)}`);
  assert.not.match(run.stderr, /^Usage:|^error: /m, `${what}: no commander text, no help dump`);
}

/** Every command that has commands of its own, as `pokt-ledger a b` words. */
function commandGroups(): Array<{ path: string[]; commands: string[] }> {
  const program = new Command('pokt-ledger');
  registerCommands(program);
  const groups: Array<{ path: string[]; commands: string[] }> = [];
  const walk = (command: Command, path: string[]): void => {
    if (command.commands.length === 0) return;
    groups.push({ path, commands: command.commands.map((c) => c.name()) });
    for (const sub of command.commands) walk(sub, [...path, sub.name()]);
  };
  walk(program, []);
  return groups;
}

usage('a bad option value, an unknown option: the coded line and the hint, exit 2; --json: the code on stdout', async () => {
  const badNode = await runCli(['audit', '--node', 'zzz']);
  assertHumanUsage(badNode, 'invalid_option', 'pokt-ledger audit --help', 'audit --node zzz');
  const unknown = await runCli(['calc', 'mint-rate', '--data', 'x']);
  assertHumanUsage(unknown, 'unknown_option', 'pokt-ledger calc mint-rate --help', 'calc mint-rate --data x');
  assert.is(unknown.stderr.split('\n')[0], "error [unknown_option]: unknown option '--data'");
  const asJson = await runCli(['calc', 'mint-rate', '--data', 'x', '--json']);
  assert.is(asJson.code, 2);
  assert.is(asJson.stderr, '');
  assert.equal(JSON.parse(asJson.stdout), { error: { code: 'unknown_option', message: "unknown option '--data'" } });
});

usage('--data "" is the coded line first, before any progress line (node said "opening the chain …" first; docs walk of 2026-12-07)', async () => {
  for (const command of [['node', '--port', '0'], ['replay'], ['serve', '--port', '0'], ['start', '--no-serve']]) {
    const run = await runCli([...command, '--data', '']);
    assertHumanUsage(run, 'invalid_option', `pokt-ledger ${command[0]} --help`, `${command[0]} --data ""`);
  }
});

usage("a command's own check of its options is a usage error too (exit 2, the hint)", async () => {
  const zero = await runCli(['calc', 'emission', '--target-pokt-per-day', '1', '--daily-relays', '0']);
  assertHumanUsage(zero, 'invalid_option', 'pokt-ledger calc emission --help', 'calc emission --daily-relays 0');
  const noSource = await runCli(['query', 'apps', '--json']);
  assert.is(noSource.code, 2);
  assert.is((JSON.parse(noSource.stdout) as { error: { code: string } }).error.code, 'invalid_option');
});

usage('every command group without its command: missing_subcommand listing its commands, exit 2; --help exits 0', async () => {
  const groups = commandGroups();
  assert.ok(groups.length >= 6, `the root and its groups: ${groups.map((g) => g.path.join(' ')).join(', ')}`);
  for (const { path, commands } of groups) {
    const words = ['pokt-ledger', ...path].join(' ');
    const run = await runCli(path);
    assertHumanUsage(run, 'missing_subcommand', `${words} <command> --help`, words);
    for (const name of commands) assert.match(run.stderr, new RegExp(`^  ${name} `, 'm'), `${words} lists ${name}`);
    const help = await runCli([...path, '--help']);
    assert.is(help.code, 0, `${words} --help`);
    assert.match(help.stdout, `Usage: ${words}`);
  }
});

usage('an unknown command is unknown with --help or `help` too', async () => {
  for (const args of [['history'], ['history', '--help'], ['help', 'history'], ['calc', 'nope', '--help']]) {
    const run = await runCli(args);
    const parent = args[0] === 'calc' ? 'pokt-ledger calc --help' : 'pokt-ledger --help';
    assertHumanUsage(run, 'unknown_command', parent, args.join(' '));
  }
  const json = await runCli(['history', '--help', '--json']);
  assert.is(json.code, 2);
  assert.is((JSON.parse(json.stdout) as { error: { code: string } }).error.code, 'unknown_command');
});

usage.run();
