/**
 * Goal: a projection that is not this chain's is refused before anything reads it — another
 * chain's projection copied in at the same height (which appends nothing, so no block linkage was
 * ever checked), and a projection ahead of the log. `project`, `audit` and `serve` each say
 * `projection_other_chain` / `projection_ahead_of_log` with the fix (--rebuild), never answer from it,
 * and `project --rebuild` recovers.
 * Method: two seeded simulated chains on the same genesis (seeds 1 and 2, 12 blocks each: same
 * heights, different blocks), each projected; B's projection copied over A's. Review of
 * 2026-12-05: before, `project` said "0 blocks", `audit` reported B's rows as hundreds of ledger
 * mismatches and "supply BROKEN", and `serve` answered from B.
 */
import { cpSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/audit.js';
import { project } from '../../../src/projection/run.js';
import { refusedWith as refusedWithCode, smallSimChain } from '../../helpers/projection.js';
import { runCli, scratch } from '../../helpers/sim.js';

const test = suite('projection: another chain\'s projection is refused');
const tmp = scratch('projection-foreign');
const BLOCKS = 12;

async function chain(name: string, seed: bigint): Promise<string> {
  const dataDir = await smallSimChain(tmp.dir, name, seed, BLOCKS);
  await project(dataDir);
  return dataDir;
}

/** Refused with `code`, and the message names the way out. */
const refusedWith = (code: string, run: () => Promise<unknown>): Promise<void> => refusedWithCode(code, run, /--rebuild/);

test.after(() => tmp.remove());

test('B\'s projection under A (same height): project, audit and serve refuse it; --rebuild recovers', async () => {
  const a = await chain('a', 1n);
  const b = await chain('b', 2n);
  rmSync(join(a, 'projections'), { recursive: true });
  cpSync(join(b, 'projections'), join(a, 'projections'), { recursive: true });
  await refusedWith('projection_other_chain', () => project(a));
  await refusedWith('projection_other_chain', () => runAudit({ dataDir: a }));
  const served = await runCli(['serve', '--data', a, '--port', '0', '--json']);
  assert.is(served.code, 1, served.stderr);
  assert.is((JSON.parse(served.stdout) as { error: { code: string } }).error.code, 'projection_other_chain');
  assert.not.match(served.stderr + served.stdout, /\n\s+at /, 'no stack trace');
  const rebuilt = await project(a, { rebuild: true });
  assert.is(rebuilt.height, BLOCKS);
  const audit = await runAudit({ dataDir: a });
  assert.is(audit.mismatches, 0, 'A audits clean once its own projection is rebuilt');
});

test('a projection ahead of the log (the log cut back, the projection not): serve refuses it too', async () => {
  const a = join(tmp.dir, 'a');
  const ahead = join(tmp.dir, 'a-ahead');
  cpSync(a, ahead, { recursive: true });
  const cut = await runCli(['rollback', '--data', ahead, '--to', String(BLOCKS - 4), '--yes', '--json']);
  assert.is(cut.code, 0, cut.stderr + cut.stdout);
  // The operator puts back the projection they had saved before the rollback.
  rmSync(join(ahead, 'projections'), { recursive: true });
  cpSync(join(a, 'projections'), join(ahead, 'projections'), { recursive: true });
  await refusedWith('projection_ahead_of_log', () => project(ahead));
  const served = await runCli(['serve', '--data', ahead, '--port', '0', '--json']);
  assert.is(served.code, 1, served.stderr);
  const error = (JSON.parse(served.stdout) as { error: { code: string; message: string } }).error;
  assert.is(error.code, 'projection_ahead_of_log');
  // A PostgreSQL database may hold another chain's projection: the advice to rebuild says what
  // rebuilding replaces (QA of 2026-12-06: following it wiped the other chain's projection).
  assert.match(error.message, "if it is another chain's projection, give this chain a database of its own instead");
});

test.run();
