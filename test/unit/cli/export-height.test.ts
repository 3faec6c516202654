/**
 * Goal: `export --height H` past the chain's last block is refused before any work, as `replay
 * --to` and `audit --to` refuse it (dogfooding of 2026-12-07: `export --height 500` of an
 * 80-block chain first replayed all 80 blocks — minutes on a long chain, with its progress bar —
 * and only then said height_not_found).
 * Method: the compiled CLI on a 6-block simulated chain, with progress on (stderr is a pipe, where
 * the replay's step line "export: opening the chain …" is written when the replay starts).
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, simulateSmallChain } from '../../helpers/sim.js';

const test = suite('cli: export of a height the chain does not have');
const tmp = scratch('cli-export-height');
const chain = join(tmp.dir, 'chain');

test.before(async () => {
  const made = await simulateSmallChain(chain, tmp.dir, { blocks: 6, seed: 9, txsPerBlock: 3 });
  assert.is(made.code, 0, made.stderr + made.stdout);
});
test.after(() => tmp.remove());

test('height_not_found before the replay: no progress, the chain\'s end named', async () => {
  const run = await runCli(['export', '--data', chain, '--height', '60']);
  assert.is(run.code, 1, run.stderr);
  assert.match(run.stderr, /^error \[height_not_found\]: the chain ends at height 6; cannot export height 60$/m);
  assert.not.match(run.stderr, /export: opening the chain|export \|/, `nothing replayed first: ${run.stderr}`);
  // The tip itself still exports.
  const tip = await runCli(['export', '--data', chain, '--height', '6', '--no-progress']);
  assert.is(tip.code, 0, tip.stderr);
});

// After the replay's bar, building and writing a mainnet-sized export (~226 MB) took ~12 s with
// nothing on stderr (scale walk of 2026-12-07): the step is named.
test('export to a file: a line while the document is built and written, after the replay', async () => {
  const out = join(tmp.dir, 'exported-6.json');
  const run = await runCli(['export', '--data', chain, '--height', '6', '--out', out]);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, new RegExp(`^export: writing the state at height 6 as a pocket-core genesis to ${out} …$`, 'm'));
});

// `export` required --height even to export the tip (scale walk of 2026-12-07): without it, the
// tip is exported, and the output says which height that was.
test('no --height: the tip, named on stderr (stdout) and in the summary (--out)', async () => {
  const run = await runCli(['export', '--data', chain, '--no-progress']);
  assert.is(run.code, 0, run.stderr);
  assert.match(run.stderr, /^export: no --height: the chain's tip, height 6$/m);
  assert.is((JSON.parse(run.stdout) as { initial_height: string }).initial_height, '7');
  const out = join(tmp.dir, 'exported-tip.json');
  const json = await runCli(['export', '--data', chain, '--out', out, '--json', '--no-progress']);
  assert.is(json.code, 0, json.stderr);
  assert.is((JSON.parse(json.stdout) as { height: number }).height, 6);
  const text = await runCli(['export', '--data', chain, '--out', join(tmp.dir, 'exported-tip-2.json'), '--no-progress']);
  assert.match(text.stdout, /^exported height 6, the chain's tip \(state root [0-9a-f]{64}\) to /m);
});

test.run();
