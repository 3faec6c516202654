/**
 * Goal: Ctrl-C or SIGTERM in the middle of a command that holds the block log's lock and does
 * not stop by itself (here `simulate`) ends it at once with the shell's status for the signal
 * (130), releases the lock, and leaves a chain the next command opens without taking a lock
 * over — before, the default action killed the process with its LOCK in place and the next open
 * warned log_lock_taken_over (QA of 2026-12-06). A command that holds no lock (`project`) keeps
 * the default action: stopped at once by the signal.
 * Method: the compiled CLI in a child process, signalled once its progress bar shows blocks being
 * made; then `roots` and `verify` on what it left. Independent check: the signal's exit status is
 * the POSIX shell convention (128 + SIGINT 2, 128 + SIGTERM 15).
 * `replay` holds no lock but says where it stopped (a long history's replay, `--snapshot-every`):
 * 130/143 and "interrupted (SIGINT) at height N …", naming the snapshot a rerun can start from.
 */
import { spawn } from 'node:child_process';
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixturePath } from '../../helpers/paths.js';
import { CLI_PATH, runCli, scratch } from '../../helpers/sim.js';
import { interruptedAt } from '../../../src/cli/commands/replay.js';

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

test('replay stopped by SIGINT or SIGTERM: 130/143 and where it stopped; a snapshot it names exists', async () => {
  const dir = join(tmp.dir, 'replayed');
  const made = await runCli(['simulate', '--data', dir, '--genesis', fixturePath('e2e-single-node-genesis.json'), '--blocks', '120', '--txs-per-block', '40', '--fsync', 'never', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stderr);
  for (const [signal, status] of [['SIGINT', 130], ['SIGTERM', 143]] as const) {
    // Signalled as soon as it starts: wherever that lands (genesis import, a block), it says where.
    const run = await interrupted(['replay', '--data', dir, '--snapshot-every', '10'], /^replay: opening the chain/m, signal);
    assert.equal([run.status, run.by], [status, null], `exit status ${status}, not killed by the signal: ${run.stderr}`);
    const said = /interrupted \((SIGINT|SIGTERM)\) (before the first block|at height (\d+))/.exec(run.stderr);
    assert.ok(said !== null && said[1] === signal, run.stderr);
    const snapshot = /the newest snapshot it wrote is at height (\d+)/.exec(run.stderr)?.[1];
    if (snapshot !== undefined) {
      const height = Number(snapshot);
      assert.ok(readdirSync(join(dir, 'snapshots')).some((name) => name.startsWith(String(height).padStart(12, '0'))), `snapshot ${height} exists`);
    }
  }
});

test('where an interrupted replay stopped, in words (cli/commands/replay.ts interruptedAt)', () => {
  const at = (height: number, blocks: number, startHeight = 0) => ({ height, blocks, startHeight, targetHeight: 500, txs: 0 });
  assert.is(interruptedAt(undefined, 10), 'before the first block was applied; nothing was written');
  assert.is(interruptedAt(at(1200, 1200), 0), 'at height 1200 (heights 1–1200 replayed; every state root checked matched); it wrote nothing');
  assert.is(interruptedAt(at(1234, 1234), 100), 'at height 1234 (heights 1–1234 replayed; every state root checked matched); the newest snapshot it wrote is at height 1200: `pokt-ledger replay --from-snapshot` starts there');
  // From a snapshot at 1,200, replayed to 1,250 with snapshots every 100: it wrote none of its own.
  assert.is(interruptedAt(at(1250, 50, 1200), 100), 'at height 1250 (heights 1201–1250 replayed; every state root checked matched); it wrote nothing');
});

test.run();
