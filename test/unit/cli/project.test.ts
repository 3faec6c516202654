/**
 * Goal: `project` on a projection already at the log's tip does no work and says so — no
 * progress bar, "projection already at height H (the log's tip): nothing to project" (was a full
 * replay under a 6/6 bar, then "projected 0 blocks") — and a catch-up still projects what is new.
 * Method: the compiled CLI on a small simulated chain (6 blocks), projected, then projected again
 * with the progress bar on (stderr is a pipe: a bar would print its line there); then 2 more
 * blocks and a catch-up.
 */
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runCli, scratch, writeSmallGenesis } from '../../helpers/sim.js';

const tmp = scratch('project-up-to-date');
const dir = join(tmp.dir, 'chain');
const project = suite('cli: project');
project.after(() => tmp.remove());

const simulate = (blocks: number) => runCli(['simulate', '--data', dir, '--genesis', writeSmallGenesis(tmp.dir), '--blocks', String(blocks), '--seed', '5', '--txs-per-block', '2', '--no-progress', '--json']);

project('up to date: no bar, "nothing to project", blocks 0 with --json; a catch-up projects the new blocks', async () => {
  assert.is((await simulate(6)).code, 0);
  const first = await runCli(['project', '--data', dir]);
  assert.is(first.code, 0, first.stderr);
  assert.match(first.stdout, /^projected 6 blocks \(.*\), heights 1–6, in /);
  assert.match(first.stderr, /project \|/, 'a bar while projecting');

  const again = await runCli(['project', '--data', dir]);
  assert.is(again.code, 0, again.stderr);
  assert.is(again.stdout, `projection already at height 6 (the log's tip): nothing to project → ${join(dir, 'projections', 'ledger.sqlite')}\n`);
  assert.is(again.stderr, '', 'no bar, nothing on stderr');
  const json = JSON.parse((await runCli(['project', '--data', dir, '--json'])).stdout) as Record<string, unknown>;
  assert.equal([json['blocks'], json['from_height'], json['height'], json['log_height']], [0, 6, 6, 6]);

  assert.is((await simulate(2)).code, 0);
  const caughtUp = JSON.parse((await runCli(['project', '--data', dir, '--json', '--no-progress'])).stdout) as Record<string, unknown>;
  assert.equal([caughtUp['blocks'], caughtUp['from_height'], caughtUp['height']], [2, 6, 8]);
});

project('--check: the bar ends at 100% (it stayed at its last sample, 0% with an ETA, or 99%), seconds to the millisecond in --json', async () => {
  if ((await runCli(['project', '--data', dir, '--no-progress'])).code !== 0) assert.is((await simulate(6)).code, 0);
  const checked = await runCli(['project', '--check', '--data', dir, '--json']);
  assert.is(checked.code, 0, checked.stderr);
  const report = JSON.parse(checked.stdout) as Record<string, unknown>;
  assert.is(typeof report['seconds'], 'number');
  assert.ok(/^\d+(\.\d{1,3})?$/.test(String(report['seconds'])), `seconds ${String(report['seconds'])}: at most 3 decimals, as every other report`);
  const lines = checked.stderr.split(/[\r\n]+/).filter((line) => line.startsWith('check |'));
  assert.ok(lines.length > 0, checked.stderr);
  assert.match(lines.at(-1)!, /\| 100% \|/, `the last line of the bar: ${lines.at(-1)!}`);
  assert.match(lines.at(-1)!, /ETA 0s/);
});

// `project --to 99` of an 8-block chain projected to 8 and said so only in passing ("the log's
// tip"), where `replay --to`, `export --height` and `audit --to` refuse a height past the tip.
project('--to past the log\'s last block: height_not_found (exit 1), nothing projected', async () => {
  if ((await runCli(['project', '--data', dir, '--no-progress'])).code !== 0) assert.is((await simulate(6)).code, 0);
  const roots = (await runCli(['roots', '--data', dir])).stdout.trim().split('\n');
  const last = Number(roots.at(-1)!.split(' ')[0]);
  for (const extra of [[], ['--rebuild']]) {
    const run = await runCli(['project', '--data', dir, '--to', String(last + 90), '--json', '--no-progress', ...extra]);
    assert.is(run.code, 1, run.stdout + run.stderr);
    const error = (JSON.parse(run.stdout) as { error: { code: string; message: string } }).error;
    assert.is(error.code, 'height_not_found', extra.join(' '));
    assert.is(error.message, `the chain ends at height ${last}; cannot project to height ${last + 90}`);
  }
  const still = JSON.parse((await runCli(['project', '--data', dir, '--json', '--no-progress'])).stdout) as Record<string, unknown>;
  assert.equal([still['blocks'], still['height'], still['rebuilt']], [0, last, false], 'the --rebuild refused removed nothing');
  const toTip = await runCli(['project', '--data', dir, '--to', String(last), '--json', '--no-progress']);
  assert.is(toTip.code, 0, toTip.stderr);
});

// A new chain's first projection writes the genesis state's rows (a mainnet-sized import: 300k
// accounts, ~15 s) — it said "projection already at height 24 (the log's tip): nothing to
// project" after 15 s of silence (scale walk of 2026-12-07).
project('a chain with no block yet: its genesis rows are projected and said so, with a line while it works', async () => {
  const fresh = join(tmp.dir, 'no-block');
  assert.is((await runCli(['init', '--genesis', writeSmallGenesis(tmp.dir), '--data', fresh])).code, 0);
  const first = await runCli(['project', '--data', fresh]);
  assert.is(first.code, 0, first.stderr);
  assert.is(first.stdout.split(' in ')[0], 'projected the genesis state at height 0 (no block yet)');
  assert.match(first.stderr, /^project: a new projection: loading the genesis state and writing its rows …$/m);
  const again = await runCli(['project', '--data', fresh, '--json']);
  const json = JSON.parse(again.stdout) as Record<string, unknown>;
  assert.equal([json['blocks'], json['height'], json['genesis_seeded']], [0, 0, false], 'the second run has nothing to do');
  const rebuilt = JSON.parse((await runCli(['project', '--data', fresh, '--json', '--rebuild', '--no-progress'])).stdout) as Record<string, unknown>;
  assert.equal([rebuilt['blocks'], rebuilt['height'], rebuilt['genesis_seeded']], [0, 0, true], 'a rebuild seeds the genesis again');
});

project.run();
