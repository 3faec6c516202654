/**
 * Goal: the `pokt-ledger` launcher (bin/pokt-ledger.js, package.json "bin") runs the CLI under
 * node with a 128 MB young-generation semi-space — unless the operator's NODE_OPTIONS already
 * sizes it — when started the way npm starts a bin: by its own path, through a symlink.
 * Method: a stand-in `node` first on PATH records the arguments it is given and then runs the
 * real node with them, so the test sees exactly what the launcher's shell line asked for, and
 * the command's own output and exit code show that the real CLI ran.
 */
import { spawnSync } from 'node:child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { repoRoot } from '../../helpers/paths.js';
import { scratch } from '../../helpers/sim.js';

const launcher = suite('cli/launcher: bin/pokt-ledger.js');
const tmp = scratch('launcher');

/** An npm-style .bin symlink to the launcher, and a recording `node` ahead of the real one on PATH. */
function setUp(): { bin: string; record: string; path: string } {
  const binDir = join(tmp.dir, 'node_modules', '.bin');
  mkdirSync(binDir, { recursive: true });
  const bin = join(binDir, 'pokt-ledger');
  symlinkSync(join(repoRoot(), 'bin', 'pokt-ledger.js'), bin);
  const fakeDir = join(tmp.dir, 'fake-node');
  mkdirSync(fakeDir);
  const record = join(tmp.dir, 'node-args.txt');
  const fakeNode = join(fakeDir, 'node');
  // One argument per line, then the real node with the same arguments.
  writeFileSync(fakeNode, `#!/bin/sh\nprintf '%s\\n' "$@" > '${record}'\nexec '${process.execPath}' "$@"\n`);
  chmodSync(fakeNode, 0o755);
  return { bin, record, path: `${fakeDir}:${process.env.PATH ?? ''}` };
}

const setup = setUp();

function run(args: readonly string[], nodeOptions?: string): { status: number | null; stdout: string; nodeArgs: string[] } {
  const env: NodeJS.ProcessEnv = { ...process.env, PATH: setup.path };
  if (nodeOptions === undefined) delete env.NODE_OPTIONS;
  else env.NODE_OPTIONS = nodeOptions;
  // Each run's arguments only: a run that never reached the recording node finds no file and fails.
  rmSync(setup.record, { force: true });
  // The timeout only stops a hung child from hanging the suite; it asserts nothing about speed.
  const child = spawnSync(setup.bin, args, { encoding: 'utf8', env, timeout: 60_000 });
  assert.is(child.error, undefined, String(child.error));
  return { status: child.status, stdout: child.stdout, nodeArgs: readFileSync(setup.record, 'utf8').split('\n').slice(0, -1) };
}

launcher('started through an npm-style symlink, it runs the CLI under node --max-semi-space-size=128', () => {
  const { status, stdout, nodeArgs } = run(['--help']);
  assert.is(status, 0);
  assert.match(stdout, 'Usage: pokt-ledger');
  assert.equal(nodeArgs, ['--max-semi-space-size=128', setup.bin, '--help']);
});

launcher("the CLI's exit codes come through (a usage error is 2)", () => {
  assert.is(run(['no-such-command']).status, 2);
});

launcher("an operator's own --max-semi-space-size in NODE_OPTIONS wins (no second flag)", () => {
  const { status, nodeArgs } = run(['--help'], '--max-semi-space-size=16');
  assert.is(status, 0);
  assert.equal(nodeArgs, [setup.bin, '--help']);
});

launcher.after(() => tmp.remove());
launcher.run();
