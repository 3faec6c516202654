/**
 * Goal: `simulate --blocks N` on a chain the simulator made continues it with the chain's own
 * settings when they are not given — the seed as well as the profile and workloads (kept in
 * events/simulation.json). Before, an omitted --seed meant the default, 42, so a chain made with
 * `--seed 7` could not be continued without repeating it: `sim_settings_differ … seed 7, not 42`
 * (while an omitted --profile or --workloads was the chain's own). A seed given and different
 * is still refused.
 * Method: the compiled CLI on a small simulated chain (seed 7, 3 blocks), continued by 2 blocks
 * without --seed, then a different --seed.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: simulate continues a chain with its own settings');
const tmp = scratch('simulate-continue');
test.after(() => tmp.remove());

test('--seed omitted on a simulated chain: its own seed; a different --seed: sim_settings_differ', async () => {
  const dir = join(tmp.dir, 'chain');
  const made = await runCli(['simulate', '--data', dir, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '3', '--seed', '7', '--txs-per-block', '2', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  const continued = await runCli(['simulate', '--data', dir, '--blocks', '2', '--txs-per-block', '2', '--no-progress', '--json']);
  assert.is(continued.code, 0, continued.stdout + continued.stderr);
  const summary = JSON.parse(continued.stdout) as Record<string, unknown>;
  assert.equal([summary['seed'], summary['created'], summary['start_height'], summary['height']], ['7', false, 3, 5]);

  const other = await runCli(['simulate', '--data', dir, '--blocks', '1', '--seed', '8', '--no-progress', '--json']);
  assert.is(other.code, 1, other.stdout + other.stderr);
  assert.is((JSON.parse(other.stdout) as { error: { code: string } }).error.code, 'sim_settings_differ');
});

// QA by walking docs/simulator.md: `--scale 0.5` on a chain made at 0.01 continued it at 0.01
// (the same state root as without it), and `--scale` without `--profile mainnet-shaped` made a
// dev chain — both exit 0 without a word about the option left unused.
test('--scale / --relay-scale: refused where they would be ignored (another profile; a continued chain of another scale)', async () => {
  const dev = join(tmp.dir, 'dev');
  const devRun = await runCli(['simulate', '--data', dev, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '1', '--scale', '0.5', '--no-progress', '--json']);
  assert.is(devRun.code, 2, devRun.stdout + devRun.stderr);
  assert.is((JSON.parse(devRun.stdout) as { error: { code: string } }).error.code, 'conflicting_options');
  assert.not.ok(existsSync(join(dev, 'events', 'ledger.json')), 'no chain made');

  const shaped = join(tmp.dir, 'shaped');
  const made = await runCli(['simulate', '--data', shaped, '--profile', 'mainnet-shaped', '--scale', '0.01', '--blocks', '1', '--fsync', 'never', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
  for (const [option, value] of [['--scale', '0.5'], ['--relay-scale', '0.25']] as const) {
    const run = await runCli(['simulate', '--data', shaped, '--blocks', '1', option, value, '--fsync', 'never', '--no-progress', '--json']);
    assert.is(run.code, 1, run.stdout + run.stderr);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, 'sim_settings_differ', option);
    assert.match(error.message, option === '--scale' ? 'scale 0.01, not 0.5' : 'relay scale 0.03125, not 0.25');
  }
  const same = await runCli(['simulate', '--data', shaped, '--blocks', '1', '--scale', '0.01', '--fsync', 'never', '--no-progress', '--json']);
  assert.is(same.code, 0, same.stdout + same.stderr);
  const onDev = await runCli(['simulate', '--data', join(tmp.dir, 'chain'), '--blocks', '1', '--scale', '0.5', '--no-progress', '--json']);
  assert.is(onDev.code, 2, onDev.stdout + onDev.stderr);
  assert.is((JSON.parse(onDev.stdout) as { error: { code: string } }).error.code, 'conflicting_options');
});

test.run();
