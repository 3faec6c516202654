/**
 * Goal: every `pokt-ledger …` command line the documentation shows names a command that exists
 * and only options that command has — a renamed or removed option cannot stay in README.md or
 * docs/ (a reader copying the line would get `unknown_option`, exit 2).
 * Method: test/helpers/doc-commands.ts over the README and docs/*.md against the registered
 * command tree (registerCommands, the tree `--help` prints); the checker itself is shown to
 * catch an unknown option, an unknown command and an option given to a command group, and to
 * leave prose and shell comments alone, on planted texts.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { Command } from 'commander';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { registerCommands } from '../../../src/cli/commands/index.js';
import { docCommandProblems, docCommands } from '../../helpers/doc-commands.js';
import { markdownFiles } from '../../helpers/markdown-links.js';
import { repoRoot } from '../../helpers/paths.js';

const test = suite('documentation: command lines');

function program(): Command {
  const root = new Command('pokt-ledger');
  registerCommands(root);
  return root;
}

test('every command line in README.md and docs/ names a command and options it has', () => {
  const files = markdownFiles(repoRoot()).filter((f) => f === 'README.md' || f.startsWith('docs/'));
  const names = new Set(program().commands.map((c) => c.name()));
  const commands = files.flatMap((file) => docCommands(file, readFileSync(join(repoRoot(), file), 'utf8'), names));
  assert.ok(commands.length >= 50, `only ${commands.length} command lines found: the parser missed most of them`);
  assert.ok(commands.filter((c) => c.options.length > 0).length >= 30, 'too few command lines with options');
  const problems = docCommandProblems(program(), commands);
  assert.equal(problems.map((p) => `${p.file}:${p.line} (pokt-ledger ${p.command} ${p.options.join(' ')}): ${p.problem}`), []);
});

test('the checker names an unknown option, an unknown command and an option on a group', () => {
  const text = [
    'Run `npx pokt-ledger replay --data DIR --trust-signatures` and `pokt-ledger replay --fast`, then `verify --against-all` (and `node --max-old-space-size=4096`).',
    '```sh',
    'npx pokt-ledger project --check --data ./sim   # --not-an-option in a comment is fine',
    'npx pokt-ledger calc mint-rate --data x',
    'npx pokt-ledger frobnicate --data x',
    'npx pokt-ledger query --data x',
    'npm start -- --no-serve --port 0',
    'npm start -- --serve-forever',
    '$ npx pokt-ledger calc mint-rate --data x',
    'error [unknown_option]: unknown option \'--data\'',
    'npx pokt-ledger audit --data DIR [--json | --csv FILE | --html FILE] [--lines-csv FILE] [--forced]',
    '```',
    'In prose, pokt-ledger replay --anything is not a command line.',
  ].join('\n');
  const problems = docCommandProblems(program(), docCommands('x.md', text, new Set(program().commands.map((c) => c.name()))));
  assert.equal(
    problems.map((p) => [p.line, p.problem]),
    [
      [1, 'pokt-ledger replay has no option --fast'],
      [1, 'pokt-ledger verify has no option --against-all'],
      [4, 'pokt-ledger calc mint-rate has no option --data'],
      [5, 'no command frobnicate'],
      [6, 'pokt-ledger query needs a command (node, nodes, app, apps)'],
      [8, 'pokt-ledger start has no option --serve-forever'],
      [11, 'pokt-ledger audit has no option --forced'],
    ],
  );
});

test.run();
