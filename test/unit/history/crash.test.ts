/**
 * Goal: kill -9 during `rollback` and during `snapshot` never leaves a data directory that fails
 * to open and verify; after a killed rollback the chain is at the target height or at the old
 * head, never in between, with the recorded root of that height, and the projection follows it.
 * Method: a 16-block simulated chain (snapshots every 5) with its SQLite projection is copied per
 * run. Rollback to 8: 4 runs through the real CLI killed exactly at a named step
 * (POKT_LEDGER_ROLLBACK_PAUSE: after the intent is written, after the log cut, after the snapshots
 * are removed, after the derived steps); the others, and every snapshot run, through a victim
 * process that does what the CLI action does with a fraction of its start-up
 * (test/helpers/crash-child.ts), SIGKILLed a seeded random 0–40 ms (snapshot: 0–15 ms) after it
 * announced the operation — so the kills land inside the operation (the instants are not
 * controlled beyond that). Then, in-process: after a rollback the directory is opened the way
 * `verify` opens it (settling an interrupted rollback, projection included) and verified; after a
 * snapshot it is opened and restored from its newest snapshot to the recorded tip root.
 * Cost: 20 + 20 runs by default; POKT_LEDGER_CRASH_RUNS=N runs N + N (by hand, e.g. 200).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { cpSync, readdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readStoredRoots } from '../../../src/cli/commands/chain.js';
import { Prng } from '../../../src/core/prng.js';
import { finishPendingRollback } from '../../../src/projection/rollback.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import { openChain } from '../../../src/runtime/open-chain.js';
import { replay } from '../../../src/runtime/replay.js';
import { verifyDataDir } from '../../../src/runtime/verify.js';
import { listSnapshots, readSnapshot, snapshotsDir } from '../../../src/snapshot/snapshot.js';
import { fixturePath } from '../../helpers/paths.js';
import { CLI_PATH, runCli, scratch } from '../../helpers/sim.js';

const test = suite('history: kill -9 during rollback and snapshot');
const RUNS = Number(process.env['POKT_LEDGER_CRASH_RUNS'] ?? 20);
const BLOCKS = 16;
const TO = 8;
const CHILD = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'helpers', 'crash-child.js');
const quiet = { onWarning: () => undefined };
const STEPS = ['intent_written', 'log_cut', 'snapshots_removed', 'derived_done'];
const SNAPSHOT_STEPS = ['temp_written', 'renamed'];
let work: ReturnType<typeof scratch>;
let template: string;
let roots: ReturnType<typeof readStoredRoots>;

test.before(async () => {
  work = scratch('history-crash');
  template = join(work.dir, 'template');
  const run = await runCli(['simulate', '--data', template, '--genesis', fixturePath('e2e-single-node-genesis.json'), '--blocks', String(BLOCKS), '--seed', '8', '--fsync', 'never', '--snapshot-every', '5', '--workers', '0', '--no-progress']);
  assert.is(run.code, 0, run.stderr);
  await project(template);
  roots = readStoredRoots(template);
});
test.after(() => work.remove());

interface Victim {
  readonly args: readonly string[];
  readonly env?: Readonly<Record<string, string>>;
  /** Kill when this line appears on stderr, after `delayMs` (default 0). */
  readonly marker: string;
  readonly delayMs?: number;
}

/** Spawn node with `args`; SIGKILL it `delayMs` after `marker` appears on stderr. Resolves when it is gone. */
function killDuring(victim: Victim): Promise<void> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, victim.args, { stdio: ['ignore', 'ignore', 'pipe'], env: { ...process.env, ...victim.env } });
    let armed = false;
    // The marker is looked for in all that arrived: a pipe may deliver one line in two chunks.
    let stderr = '';
    child.stderr.on('data', (chunk: Buffer) => {
      if (armed) return;
      stderr += chunk.toString('latin1');
      if (!stderr.includes(victim.marker)) return;
      armed = true;
      setTimeout(() => child.kill('SIGKILL'), victim.delayMs ?? 0);
    });
    child.on('close', () => resolve());
  });
}

/** Open the directory as `verify` does (an interrupted rollback is settled, projection included) and verify it. */
async function settledAndVerified(dir: string, run: string): Promise<Awaited<ReturnType<typeof verifyDataDir>>> {
  openChain(dir, quiet).log.close();
  finishPendingRollback(dir);
  const report = await verifyDataDir(dir, quiet);
  assert.ok(report.ok, `${run}: ${JSON.stringify(report.chain_problem ?? report.divergence)}`);
  assert.is(report.state_root, roots[report.last_height - 1]!.state_root, run);
  return report;
}

function projectionHeight(dir: string): number {
  const db = new Database(projectionFile(dir), { readonly: true });
  try {
    return (db.prepare('SELECT height FROM projection_checkpoint WHERE id = 1').get() as { height: number }).height;
  } finally {
    db.close();
  }
}

test(`${RUNS} kills during rollback: opens and verifies at the target or the old head, the projection with it`, async () => {
  const prng = new Prng(20261202n);
  const seen = new Set<number>();
  for (let run = 0; run < RUNS; run++) {
    const dir = join(work.dir, `rollback-${run}`);
    cpSync(template, dir, { recursive: true });
    const step = STEPS[run];
    const victim: Victim =
      step === undefined
        ? { args: [CHILD, 'rollback', dir, String(TO)], marker: 'started', delayMs: prng.int(40) }
        : { args: [CLI_PATH, 'rollback', '--data', dir, '--to', String(TO), '--yes'], env: { POKT_LEDGER_ROLLBACK_PAUSE: step }, marker: `paused at ${step}` };
    await killDuring(victim);
    const name = `run ${run}${step === undefined ? '' : ` killed at ${step}`}`;
    const report = await settledAndVerified(dir, name);
    assert.ok(report.last_height === TO || report.last_height === BLOCKS, `${name}: at height ${report.last_height}`);
    if (report.last_height === TO) assert.ok(listSnapshots(dir).every((s) => s.height <= TO), `${name}: a snapshot above the cut`);
    if (step !== undefined) assert.is(report.last_height, step === 'intent_written' ? BLOCKS : TO, name);
    assert.is(projectionHeight(dir), report.last_height, `${name}: projection checkpoint`);
    seen.add(report.last_height);
    rmQuietly(dir);
  }
  assert.equal([...seen].sort((a, b) => a - b), [TO, BLOCKS]);
});

test(`${RUNS} kills during snapshot writing: opens, no temp file stays, every snapshot left loads, the newest restores the tip`, async () => {
  const prng = new Prng(20261203n);
  let atTip = 0;
  for (let run = 0; run < RUNS; run++) {
    const dir = join(work.dir, `snapshot-${run}`);
    cpSync(template, dir, { recursive: true });
    // Two runs killed exactly before and after the rename, the rest at random instants.
    const step = SNAPSHOT_STEPS[run];
    await killDuring(step === undefined ? { args: [CHILD, 'snapshot', dir, '10'], marker: 'started', delayMs: prng.int(40) } : { args: [CHILD, 'snapshot', dir, '10', step], marker: `paused at ${step}` });
    openChain(dir, quiet).log.close(); // opening removes a dead writer's temp file
    assert.equal(readdirSync(snapshotsDir(dir)).filter((name) => name.endsWith('.tmp')), [], `run ${run}`);
    for (const info of listSnapshots(dir)) assert.is(readSnapshot(info).store.root.length, 32, `run ${run}: ${info.file}`);
    // The snapshot a restart would use (the newest, maybe the one just written) reaches the recorded tip.
    const restored = await replay(dir, { fromSnapshot: true, trustSignatures: true, ...quiet });
    assert.ok(restored.verified && restored.height === BLOCKS, `run ${run}`);
    assert.is(restored.stateRoot, roots[BLOCKS - 1]!.state_root, `run ${run}`);
    if (step !== undefined) assert.is(restored.startHeight, step === 'renamed' ? BLOCKS : 15, `run ${run} killed at ${step}`);
    atTip += restored.startHeight === BLOCKS ? 1 : 0;
    rmQuietly(dir);
  }
  process.stderr.write(`  snapshot crash runs: ${atTip} of ${RUNS} left the new snapshot\n`);
});

function rmQuietly(dir: string): void {
  try {
    rmSync(dir, { recursive: true, force: true });
  } catch {
    // the scratch directory is removed at the end anyway
  }
}

test.run();
