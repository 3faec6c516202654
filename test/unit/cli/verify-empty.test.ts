/**
 * Goal: `verify` of a chain with no block yet says so in words. Dogfooding of 2026-12-07: a chain
 * just made by `init` (or imported from an export at H, whose first block will be H + 1) printed
 * "heights none: 0 records".
 * Method: the compiled CLI on a fresh `init` of the e2e localnet genesis (test/fixtures).
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { fixturePath } from '../../helpers/paths.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('cli: verify of a chain without blocks');
const tmp = scratch('cli-verify-empty');
test.after(() => tmp.remove());

test('says there is no block yet and where the first will be, then the genesis root', async () => {
  const dir = join(tmp.dir, 'chain');
  assert.is((await runCli(['init', '--genesis', fixturePath('e2e-single-node-genesis.json'), '--data', dir])).code, 0);
  const run = await runCli(['verify', '--data', dir, '--no-progress']);
  assert.is(run.code, 0, run.stderr);
  const [first, second] = run.stdout.split('\n');
  assert.is(first, 'no block yet: the chain is at its genesis (its first block will be height 1)');
  assert.match(second ?? '', /^hash chain ok; every state root matches; state root [0-9a-f]{64}$/);
});

test.run();
