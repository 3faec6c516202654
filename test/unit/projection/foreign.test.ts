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
import { cpSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { runAudit } from '../../../src/audit/audit.js';
import { project } from '../../../src/projection/run.js';
import { projectionRollbackStep } from '../../../src/projection/rollback.js';
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

/** A copy of chain A whose projections/ is chain B's (another genesis). */
function chainAWithProjectionOfB(name: string): string {
  const mixed = join(tmp.dir, name);
  cpSync(join(tmp.dir, 'a'), mixed, { recursive: true });
  rmSync(join(mixed, 'projections'), { recursive: true });
  cpSync(join(tmp.dir, 'b', 'projections'), join(mixed, 'projections'), { recursive: true });
  return mixed;
}

test('rollback over B\'s projection under A: refused before anything is cut — before, it rewrote B\'s checkpoint to A\'s block, and project then called B\'s rows A\'s', async () => {
  const mixed = chainAWithProjectionOfB('a-with-b');
  const cut = await runCli(['rollback', '--data', mixed, '--to', String(BLOCKS - 2), '--yes', '--json']);
  assert.is(cut.code, 1, cut.stdout + cut.stderr);
  const error = (JSON.parse(cut.stdout) as { error: { code: string; message: string } }).error;
  assert.is(error.code, 'projection_other_chain', error.message);
  assert.match(error.message, /--rebuild/);
  const roots = JSON.parse((await runCli(['roots', '--data', mixed, '--json'])).stdout) as unknown[];
  assert.is(roots.length, BLOCKS, 'the log is whole: nothing was cut');
  await refusedWith('projection_other_chain', () => project(mixed));
});

test('a rollback step reaching another chain\'s projection (repair, a pending rollback) does not make it this chain\'s', async () => {
  const mixed = chainAWithProjectionOfB('a-with-b-step');
  const to = BLOCKS - 2;
  await refusedWith('projection_other_chain', async () => projectionRollbackStep(mixed)(to));
  await refusedWith('projection_other_chain', () => project(mixed));
  // Where repair leaves it: the log cut, the rollback's projection step pending and refused.
  writeFileSync(join(mixed, 'events', 'rollback.json'), JSON.stringify({ format: 'pokt-ledger-rollback', to, from: BLOCKS, log_done: true }));
  await refusedWith('projection_other_chain', () => project(mixed));
  // The way out the message names works: the rebuild replaces the projection the step refused.
  assert.is((await project(mixed, { rebuild: true })).height, BLOCKS);
  assert.is((await runCli(['verify', '--data', mixed, '--no-progress', '--json'])).code, 0, 'settled');
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
  // A log that LOST those blocks looks the same (events/ restored from an older copy): the
  // projection's rows are then their last trace, so restoring comes before rebuilding.
  assert.match(error.message, `unless the log was cut back on purpose (rollback, repair), it has lost blocks ${BLOCKS - 3}–${BLOCKS}: restore events/ from a copy that reaches height ${BLOCKS} first`);
});

test.run();
