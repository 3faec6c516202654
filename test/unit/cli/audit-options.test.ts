/**
 * Goal: what a careless auditor types is refused in one coded line before any work, never read
 * as something else (dogfooding of 2026-12-07, audit.md and the README's usage rules):
 *  - `audit --to 500` on an 80-block chain (a typo of 50) audited heights 1–80 and said PASS:
 *    now `height_not_found`, as `replay --to` and `export --height` say it (replay.ts
 *    refuseHeightPastTip, export.ts), with or without `--what-if`;
 *  - `audit --what-if … --html r.html` (or --node, --from, --csv, --lines-csv) printed the
 *    what-if and ignored the option without a word — no file, no filter: now
 *    `conflicting_options`, a usage error (exit 2: README "A usage error is one coded line and a
 *    pointer to the help, exit 2");
 *  - a data directory that holds no chain: `audit` and `replay --to` said log_not_found and
 *    `audit --what-if` a raw `ENOENT … lstat` as file_not_found, where every other command says
 *    `data_dir_not_found` with how to create one (runtime/data-dir.ts readDataDirConfig).
 * Method: the compiled CLI in child processes on a 6-block simulated chain.
 */
import { chownSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, simulateSmallChain, type CliRun } from '../../helpers/sim.js';

const test = suite('cli: audit refuses options it would ignore or misread');
const tmp = scratch('cli-audit-options');
const chain = join(tmp.dir, 'chain');
const WHAT_IF = ['--what-if', 'pos/ProposerPercentage=5@2'];

test.before(async () => {
  const made = await simulateSmallChain(chain, tmp.dir, { blocks: 6, seed: 9, txsPerBlock: 3 });
  assert.is(made.code, 0, made.stderr + made.stdout);
});
test.after(() => tmp.remove());

function errorOf(run: CliRun): { code: string; message: string } {
  assert.not.match(run.stdout + run.stderr, /^\s+at .+:\d+:\d+\)?$/m, 'no stack trace');
  return (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
}

test('--to past the chain\'s last block: height_not_found (exit 1), with and without --what-if', async () => {
  for (const extra of [[], WHAT_IF]) {
    const run = await runCli(['audit', '--data', chain, '--to', '60', '--no-progress', '--json', ...extra]);
    assert.is(run.code, 1, run.stdout);
    const error = errorOf(run);
    assert.is(error.code, 'height_not_found', `${extra.join(' ')}: ${error.message}`);
    assert.match(error.message, /ends at height 6\b/, 'names where the chain ends');
  }
});

test('--what-if beside an option it does not take: conflicting_options (exit 2), no file written', async () => {
  const html = join(tmp.dir, 'what-if.html');
  const cases: string[][] = [
    ['--html', html],
    ['--csv', join(tmp.dir, 'what-if.csv')],
    ['--lines-csv', join(tmp.dir, 'what-if-lines.csv')],
    ['--node', 'a41729e04afbda24636b8e7445d9e93345fd55b7'],
    ['--from', '3'],
  ];
  for (const extra of cases) {
    const run = await runCli(['audit', '--data', chain, '--no-progress', '--json', ...WHAT_IF, ...extra]);
    assert.is(run.code, 2, `${extra[0]}: ${run.stdout}`);
    const error = errorOf(run);
    assert.is(error.code, 'conflicting_options', error.message);
    assert.ok(error.message.includes(extra[0]!), `names ${extra[0]}: ${error.message}`);
  }
  assert.not.ok(existsSync(html), 'nothing written');
  // The what-if itself still runs with what it takes (--to, --json).
  const alone = await runCli(['audit', '--data', chain, '--no-progress', '--json', '--to', '5', ...WHAT_IF]);
  assert.is(alone.code, 0, alone.stdout + alone.stderr);
  assert.is((JSON.parse(alone.stdout) as { to: number }).to, 5);
});

// Dogfooding of 2026-12-07: a what-if copies the whole block log into the system's temp dir and
// removes it at the end; killed (Ctrl-C: the signal's default action), the copy stayed for good —
// a chain's whole log. The next what-if removes the scratch of what-ifs that are gone (named by
// pid; one above Linux's largest pid_max, 2^22 (proc(5)), belongs to no process), as snapshot temp
// files are removed at open.
test('a what-if removes the scratch copy a killed what-if left in the temp dir', async () => {
  const left = join(tmpdir(), `pokt-ledger-what-if-${2 ** 22 + 1}-dogfood`);
  mkdirSync(join(left, 'chain', 'events'), { recursive: true });
  writeFileSync(join(left, 'chain', 'events', 'segment-000000000001.log'), 'a copied log');
  try {
    const run = await runCli(['audit', '--data', chain, '--no-progress', '--json', ...WHAT_IF]);
    assert.is(run.code, 0, run.stdout + run.stderr);
    assert.not.ok(existsSync(left), 'the dead what-if\'s scratch is gone');
  } finally {
    rmSync(left, { recursive: true, force: true });
  }
});

// The temp dir is shared by every user: a dead-looking what-if's scratch owned by another user is
// theirs (their what-if may run in another pid namespace; as root we could remove it, as anyone
// else the removal fails with EACCES and the what-if with it). Only root can make such a
// directory, so this is checked where the test runs as root.
test('a what-if leaves another user\'s scratch in the temp dir alone', async () => {
  if (process.getuid?.() !== 0) return;
  const theirs = join(tmpdir(), `pokt-ledger-what-if-${2 ** 22 + 2}-otheruser`);
  mkdirSync(join(theirs, 'chain'), { recursive: true });
  chownSync(join(theirs, 'chain'), 65534, 65534);
  chownSync(theirs, 65534, 65534);
  try {
    const run = await runCli(['audit', '--data', chain, '--no-progress', '--json', ...WHAT_IF]);
    assert.is(run.code, 0, run.stdout + run.stderr);
    assert.ok(existsSync(join(theirs, 'chain')), 'another user\'s scratch is kept');
  } finally {
    rmSync(theirs, { recursive: true, force: true });
  }
});

test('a data directory that holds no chain: data_dir_not_found, as every other command says it', async () => {
  const none = join(tmp.dir, 'no-chain-here');
  for (const args of [['audit'], ['audit', ...WHAT_IF], ['replay', '--to', '3']]) {
    const run = await runCli([...args, '--data', none, '--no-progress', '--json']);
    assert.is(run.code, 1, run.stdout);
    const error = errorOf(run);
    assert.is(error.code, 'data_dir_not_found', `${args.join(' ')}: ${error.message}`);
  }
  assert.not.ok(existsSync(none), 'nothing created');
});

// Walking docs/audit.md: the what-if's two replays showed as "what-if (recorded)" and
// "what-if (what-if)" — the second names neither what it replays nor how it differs.
test('--what-if progress: the two replays are "as recorded" and "with the overrides"', async () => {
  const run = await runCli(['audit', '--data', chain, ...WHAT_IF]);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.match(run.stderr, 'what-if (as recorded) |');
  assert.match(run.stderr, 'what-if (with the overrides) |');
  assert.not.match(run.stderr, 'what-if (what-if)');
});

test.run();
