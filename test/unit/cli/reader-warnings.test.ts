/**
 * Goal: `audit` and `serve`, which read the projection and open the block log only to prove the
 * projection is this chain's, still say what that open found — "Whatever opening repaired or
 * skipped is printed on stderr" (docs/data-directories.md) — once. Before, their open was told to
 * keep quiet: with one slot of the head record damaged (the claim fell back to the older slot),
 * replay, roots and project printed `warning [log_head_slot_damaged]`, audit and serve nothing.
 * Method: a copy of the query tests' projected chain with the newer head slot's height flipped;
 * the compiled CLI in child processes.
 */
import { cpSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { flipByte } from '../../helpers/log-fixtures.js';
import { projectedSimChain, spawnServe } from '../../helpers/query.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('cli: audit and serve print what opening the log found');
const tmp = scratch('reader-warnings');
test.after(() => tmp.remove());

const WARNING = /^warning \[log_head_slot_damaged\]/gm;

async function withDamagedHeadSlot(name: string): Promise<string> {
  const dir = join(tmp.dir, name);
  cpSync((await projectedSimChain()).dir, dir, { recursive: true });
  const head = join(dir, 'events', 'head');
  const bytes = readFileSync(head);
  const newer = bytes.readUInt32LE(12) > bytes.readUInt32LE(512 + 12) ? 0 : 512;
  flipByte(head, newer + 20);
  return dir;
}

test('audit of a current projection: the damaged head slot is said once', async () => {
  const dir = await withDamagedHeadSlot('audit');
  const run = await runCli(['audit', '--data', dir, '--no-progress', '--json']);
  assert.is(run.code, 0, run.stdout + run.stderr);
  assert.is(run.stderr.match(WARNING)?.length ?? 0, 1, run.stderr);
});

test('serve: the damaged head slot is said once before it listens', async () => {
  const dir = await withDamagedHeadSlot('serve');
  const { child, url } = spawnServe(['--data', dir]);
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString('utf8')));
  try {
    await url;
    assert.is(stderr.match(WARNING)?.length ?? 0, 1, stderr);
  } finally {
    child.kill('SIGTERM');
  }
});

test.run();
