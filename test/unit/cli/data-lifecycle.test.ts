/**
 * Goal: the data-lifecycle commands (export, init --genesis of an export, replay, session) fail
 * as coded errors, never silently, where an operator's environment or a continued chain gets in
 * the way: a file-size limit (`ulimit -f`) while the export is written, to --out or to stdout
 * redirected to a file (no exit 0 with a shorter genesis).
 * Method: the compiled CLI in child processes on a small seeded chain; the file-size limit is the
 * shell's `ulimit -f` (Node ignores SIGXFSZ, so writes past it fail with EFBIG).
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI_PATH, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const tmp = scratch('data-lifecycle');
const genesisFile = writeSmallGenesis(tmp.dir);
const simDir = join(tmp.dir, 'sim');
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** `pokt-ledger <args>` under `ulimit -f <kib>` (1 KiB blocks in bash), stdout to `stdoutFile`. */
function underFileSizeLimit(kib: number, args: readonly string[], stdoutFile: string): { code: number | null; stderr: string } {
  const script = 'ulimit -f "$1"; out="$2"; shift 2; exec "$@" > "$out"';
  const run = spawnSync('bash', ['-c', script, 'bash', String(kib), stdoutFile, process.execPath, CLI_PATH, ...args], { encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

const lifecycle = suite('cli: data lifecycle under a file-size limit and on continued chains');

lifecycle.before(async () => {
  const run = await runCli(['simulate', '--data', simDir, '--genesis', genesisFile, '--blocks', '6', '--seed', '9', '--txs-per-block', '4', '--no-progress', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
});

lifecycle.after(() => tmp.remove());

lifecycle('export --out past the file-size limit: file_too_large (exit 1, not an internal error), no file left', () => {
  const out = join(tmp.dir, 'limited.json');
  const run = underFileSizeLimit(16, ['export', '--data', simDir, '--height', '4', '--out', out, '--no-progress'], join(tmp.dir, 'limited.stdout'));
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]: .*ulimit -f/m);
  assert.not.match(run.stderr, STACK_FRAME);
  assert.throws(() => statSync(out));
});

lifecycle('export to stdout redirected to a file past the limit: exit 1 with file_too_large, never exit 0 with a shorter genesis', () => {
  const whole = execFileSync(process.execPath, [CLI_PATH, 'export', '--data', simDir, '--height', '4', '--no-progress']);
  assert.ok(whole.length > 32 * 1024, `the export (${whole.length} bytes) must outgrow the limit`);
  const out = join(tmp.dir, 'redirected.json');
  const run = underFileSizeLimit(16, ['export', '--data', simDir, '--height', '4', '--no-progress'], out);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]/m);
  assert.ok(readFileSync(out).length < whole.length);
  // Under no limit the same redirection is the whole export.
  const fine = underFileSizeLimit(1 << 20, ['export', '--data', simDir, '--height', '4', '--no-progress'], out);
  assert.is(fine.code, 0, fine.stderr);
  assert.ok(readFileSync(out).equals(whole));
});

lifecycle.run();
