/**
 * Goal: `start --scale F` on a chain already there is not silently ignored (its help says "for a
 * new chain"; docs walk of 2026-12-07: `--scale 0.5` on a 0.01 chain continued it at 0.01 and
 * exited 0). As `simulate` does for a continued mainnet-shaped chain (simulate-continue.test.ts):
 * a different scale is refused — sim_settings_differ, exit 1, no block produced — and the chain's
 * own scale is accepted.
 * Method: the compiled CLI, `start --no-serve` on a temp data dir at scale 0.01 (1 block), then
 * again with --scale 0.5 and with --scale 0.01.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: start --scale on an existing chain');
const tmp = scratch('start-scale');
test.after(() => tmp.remove());

const headOf = (dir: string): string => readFileSync(join(dir, 'events', 'head'), 'hex');

test('a different --scale: sim_settings_differ, nothing produced; the chain\'s own: continued', async () => {
  const dir = join(tmp.dir, 'chain');
  const made = await runCli(['start', '--no-serve', '--data', dir, '--scale', '0.01', '--blocks', '1', '--no-progress', '--json'], { timeoutMs: 300_000 });
  assert.is(made.code, 0, made.stdout + made.stderr);
  const head = headOf(dir);

  const other = await runCli(['start', '--no-serve', '--data', dir, '--scale', '0.5', '--blocks', '1', '--no-progress', '--json']);
  assert.is(other.code, 1, other.stdout + other.stderr);
  const error = (JSON.parse(other.stdout) as { error: { code: string; message: string } }).error;
  assert.is(error.code, 'sim_settings_differ');
  assert.match(error.message, 'scale 0.01, not 0.5');
  assert.is(headOf(dir), head, 'no block produced');

  const same = await runCli(['start', '--no-serve', '--data', dir, '--scale', '0.01', '--blocks', '1', '--no-progress', '--json'], { timeoutMs: 300_000 });
  assert.is(same.code, 0, same.stdout + same.stderr);
  const summary = JSON.parse(same.stdout) as { simulation: { created: boolean; start_height: number; height: number } };
  assert.equal([summary.simulation.created, summary.simulation.start_height, summary.simulation.height], [false, 1, 2]);
});

test('--scale on a chain simulated with another profile (no size to match): conflicting_options, nothing produced', async () => {
  const dir = join(tmp.dir, 'dev');
  const made = await runCli(['simulate', '--data', dir, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '1', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  const head = headOf(dir);
  const run = await runCli(['start', '--no-serve', '--data', dir, '--scale', '0.5', '--blocks', '1', '--no-progress', '--json']);
  assert.is(run.code, 2, run.stdout + run.stderr);
  assert.is((JSON.parse(run.stdout) as { error: { code: string } }).error.code, 'conflicting_options');
  assert.is(headOf(dir), head, 'no block produced');
});

test.run();
