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
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: simulate continues a chain with its own seed');
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

test.run();
