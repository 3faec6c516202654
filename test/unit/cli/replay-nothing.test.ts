/**
 * Goal: `replay --from-snapshot` when the newest snapshot is already at the target (the chain's
 * last block) says there was nothing to replay — the state at height H, its root checked against
 * the log's — with no rates; it printed "replayed 0 blocks" and "0 blocks/s" (docs walk of
 * 2026-12-07). `--json` stays one valid object with every documented field (`blocks` 0, the
 * rates 0) plus `nothing_to_replay` (true here, false for a replay that applied blocks).
 * Method: the compiled CLI on a small simulated chain of 4 blocks with a snapshot every 2 (the
 * newest at 4, the tip); a `--to 3` replay from the snapshot at 2 as the contrast.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('cli: replay with nothing to replay');
const tmp = scratch('replay-nothing');
test.after(() => tmp.remove());
const dir = join(tmp.dir, 'chain');

test.before(async () => {
  const made = await runCli(['simulate', '--data', dir, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', '4', '--snapshot-every', '2', '--txs-per-block', '2', '--no-progress', '--json']);
  assert.is(made.code, 0, made.stdout + made.stderr);
});

test('the snapshot at the tip: "nothing to replay", the height and the root check, no rates', async () => {
  const text = await runCli(['replay', '--data', dir, '--from-snapshot', '--no-progress']);
  assert.is(text.code, 0, text.stdout + text.stderr);
  assert.match(text.stdout, /^nothing to replay: the snapshot at height 4 is the chain's last block/);
  assert.match(text.stdout, "verified: the snapshot's state root matches the one the log records at height 4");
  assert.not.match(text.stdout, /blocks\/s|replayed 0/);

  const json = await runCli(['replay', '--data', dir, '--from-snapshot', '--no-progress', '--json']);
  assert.is(json.code, 0, json.stdout + json.stderr);
  const report = JSON.parse(json.stdout) as Record<string, unknown>;
  assert.equal(
    [report['nothing_to_replay'], report['blocks'], report['height'], report['start_height'], report['started_from'], report['verified'], report['blocks_per_s'], report['txs_per_s']],
    [true, 0, 4, 4, 'snapshot', true, 0, 0],
  );
  for (const field of ['state_root', 'txs', 'signatures', 'seconds', 'start_seconds']) assert.ok(field in report, field);
});

test('blocks replayed: nothing_to_replay false, the rates as before', async () => {
  const json = await runCli(['replay', '--data', dir, '--from-snapshot', '--to', '3', '--no-progress', '--json']);
  assert.is(json.code, 0, json.stdout + json.stderr);
  const report = JSON.parse(json.stdout) as Record<string, unknown>;
  assert.equal([report['nothing_to_replay'], report['blocks'], report['start_height'], report['height']], [false, 1, 2, 3]);
  const text = await runCli(['replay', '--data', dir, '--from-snapshot', '--to', '3', '--no-progress']);
  assert.match(text.stdout, /^replayed 1 block .* heights 3–3 from the snapshot at height 2/);
  assert.match(text.stdout, 'blocks/s');
});

test.run();
