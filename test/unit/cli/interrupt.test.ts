/**
 * Goal: Ctrl-C or SIGTERM in the middle of a command that holds the block log's lock and does
 * not stop by itself (here `simulate`) ends it at once with the shell's status for the signal
 * (130), releases the lock, and leaves a chain the next command opens without taking a lock
 * over — before, the default action killed the process with its LOCK in place and the next open
 * warned log_lock_taken_over (QA of 2026-12-06). A command that holds no lock (`project`) keeps
 * the default action: stopped at once by the signal.
 * Method: the compiled CLI in a child process, signalled once its progress bar shows blocks being
 * made; then `roots` and `verify` on what it left. Independent check: the signal's exit status is
 * the POSIX shell convention (128 + SIGINT 2).
 */
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixturePath } from '../../helpers/paths.js';
import { CLI_PATH, runCli, scratch } from '../../helpers/sim.js';

const test = suite('cli: an interrupted command releases its lock');
const tmp = scratch('cli-interrupt');
test.after(() => tmp.remove());

/** Runs the CLI until stderr matches `ready`, then sends `signal`; its exit status and stderr. */
function interrupted(args: readonly string[], ready: RegExp, signal: 'SIGINT' | 'SIGTERM'): Promise<{ status: number | null; by: string | null; stderr: string }> {
  const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => {
    stderr += chunk.toString('utf8');
    if (ready.test(stderr) && child.exitCode === null && !child.killed) child.kill(signal);
  });
  return new Promise((resolve) => child.on('close', (status, by) => resolve({ status, by, stderr })));
}

test('simulate stopped by SIGINT: 130, no LOCK left; project by SIGTERM: the default action; the chain verifies', async () => {
  const dir = join(tmp.dir, 'chain');
  const genesis = fixturePath('e2e-single-node-genesis.json');
  // A few blocks in (the bar shows a height), far from the end of 5,000.
  const simulated = await interrupted(['simulate', '--data', dir, '--genesis', genesis, '--blocks', '5000', '--fsync', 'never'], /height [1-9]\d* \|/, 'SIGINT');
  assert.equal([simulated.status, simulated.by], [130, null], `exit status 130, not killed by the signal: ${simulated.stderr}`);
  assert.match(simulated.stderr, /interrupted \(SIGINT\)/);
  assert.not.ok(existsSync(join(dir, 'events', 'LOCK')), 'the lock is released');

  // project holds no lock (it reads the log): no listener, so the default action stops it at once
  // — a listener would wait for a turn of the event loop, which a long synchronous command (an
  // audit's walk) gives only at its end.
  const projected = await interrupted(['project', '--data', dir], /project \|/, 'SIGTERM');
  assert.equal([projected.status, projected.by], [null, 'SIGTERM'], projected.stderr);
  assert.not.ok(existsSync(join(dir, 'events', 'LOCK')));

  const roots = await runCli(['roots', '--data', dir, '--json']);
  assert.is(roots.code, 0, roots.stderr);
  assert.not.match(roots.stderr, /log_lock_taken_over/, 'no lock to take over');
  const verified = await runCli(['verify', '--data', dir, '--no-progress', '--json']);
  assert.is(verified.code, 0, verified.stdout + verified.stderr);
});

test.run();
