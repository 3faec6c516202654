/**
 * Goal: stdout redirected to a file is written whole or the command fails, whatever it prints
 * (docs/threat-model.md: "stdout redirected to a file is written whole or fails so, never cut
 * short with exit 0"). Only `export` and the --json documents went through the whole-write; the
 * people's text of `roots`, `query`, `replay`, … was one write(2) that Node's SyncWriteStream
 * does not check, so `roots > file` under `ulimit -f` kept the first 8 KiB and exited 0 (docs
 * walk of 2026-12-07). And with --json the error document goes to stdout — the very file that
 * can take no more — so the failure was exit 1 with nothing said anywhere: it is said on stderr
 * too when stdout cannot take it.
 * Method: a 40-block chain of the small genesis; the real CLI under bash's `ulimit -f 4`
 * (4 KiB; Node ignores SIGXFSZ, so writes past it fail with EFBIG), stdout to a file; the same
 * command without the limit gives the whole text to compare with.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { CLI_PATH, runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const tmp = scratch('stdout-limit');
const data = join(tmp.dir, 'chain');
const LIMIT_KIB = 4;
const STACK_FRAME = /^\s+at .+:\d+:\d+\)?$/m;

/** `pokt-ledger <args>` under `ulimit -f <kib>` (1 KiB blocks in bash), stdout to `stdoutFile`. */
function underFileSizeLimit(kib: number, args: readonly string[], stdoutFile: string): { code: number | null; stderr: string } {
  const script = 'ulimit -f "$1"; out="$2"; shift 2; exec "$@" > "$out"';
  const run = spawnSync('bash', ['-c', script, 'bash', String(kib), stdoutFile, process.execPath, CLI_PATH, ...args], { encoding: 'utf8' });
  return { code: run.status, stderr: run.stderr };
}

const test = suite('cli: stdout redirected to a file past the file-size limit is never cut short with exit 0');

test.before(async () => {
  const run = await runCli(['simulate', '--data', data, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '40', '--txs-per-block', '1', '--seed', '3', '--no-progress', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
});

test.after(() => tmp.remove());

test("people's text (roots) past the limit: exit 1 with file_too_large on stderr, no stack", () => {
  const args = ['roots', '--data', data];
  const whole = execFileSync(process.execPath, [CLI_PATH, ...args]);
  assert.ok(whole.length > LIMIT_KIB * 1024, `roots printed ${whole.length} bytes: it must outgrow the limit`);
  const out = join(tmp.dir, 'roots.txt');
  const run = underFileSizeLimit(LIMIT_KIB, args, out);
  assert.is(run.code, 1, `exit ${run.code} with ${readFileSync(out).length} of ${whole.length} bytes written; stderr: ${run.stderr}`);
  assert.match(run.stderr, /^error \[file_too_large\]/m);
  assert.not.match(run.stderr, STACK_FRAME);
  // Under no limit the same redirection is the whole text.
  assert.is(underFileSizeLimit(1 << 20, args, out).code, 0);
  assert.ok(readFileSync(out).equals(whole));
});

test('--json past the limit: exit 1, and the error said on stderr since stdout can take no more', () => {
  const args = ['roots', '--data', data, '--json'];
  const whole = execFileSync(process.execPath, [CLI_PATH, ...args]);
  assert.ok(whole.length > LIMIT_KIB * 1024, `roots --json printed ${whole.length} bytes: it must outgrow the limit`);
  const run = underFileSizeLimit(LIMIT_KIB, args, join(tmp.dir, 'roots.json'));
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[file_too_large\]/m);
  assert.not.match(run.stderr, STACK_FRAME);
});

test.run();
