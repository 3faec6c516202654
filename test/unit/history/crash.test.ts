/**
 * Goal: kill -9 during `rollback` and during `snapshot` never leaves a data directory that fails
 * to open and verify; after a killed rollback the chain is at the target height or at the old
 * head, never in between, with the recorded root of that height.
 * Method: a 24-block simulated chain (snapshots every 10) is copied per run; the CLI is spawned and
 * SIGKILLed — 4 of the 20 rollback runs exactly at a named step (POKT_LEDGER_ROLLBACK_PAUSE: after
 * the intent is written, after the log cut, after the snapshots are removed, after the derived
 * steps), the rest after a seeded random delay (0–800 ms: most land during start-up, some inside
 * the operation — the kill points are not controlled beyond that). Then the directory is opened
 * (which settles an interrupted rollback) and verified in-process.
 */
import { spawn } from 'node:child_process';
import { cpSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { readStoredRoots } from '../../../src/cli/commands/chain.js';
import { Prng } from '../../../src/core/prng.js';
import { listSnapshots, readSnapshot, snapshotsDir } from '../../../src/snapshot/snapshot.js';
import { verifyDataDir } from '../../../src/runtime/verify.js';
import { fixturePath } from '../../helpers/paths.js';
import { CLI_PATH, runCli, scratch } from '../../helpers/sim.js';

const test = suite('history: kill -9 during rollback and snapshot');
const quiet = { onWarning: () => undefined };
const STEPS = ['intent_written', 'log_cut', 'snapshots_removed', 'derived_done'];
let work: ReturnType<typeof scratch>;
let template: string;
let roots: ReturnType<typeof readStoredRoots>;

test.before(async () => {
  work = scratch('history-crash');
  template = join(work.dir, 'template');
  const run = await runCli(['simulate', '--data', template, '--genesis', fixturePath('e2e-single-node-genesis.json'), '--blocks', '24', '--seed', '8', '--fsync', 'never', '--snapshot-every', '10', '--no-progress']);
  assert.is(run.code, 0, run.stderr);
  roots = readStoredRoots(template);
});
test.after(() => work.remove());

/** Spawn the CLI; kill it when `pausedAt` appears on stderr, or after `delayMs`. Resolves when it is gone. */
function killDuring(args: string[], options: { delayMs?: number; pausedAt?: string }): Promise<void> {
  return new Promise((resolve) => {
    const env = { ...process.env, ...(options.pausedAt === undefined ? {} : { POKT_LEDGER_ROLLBACK_PAUSE: options.pausedAt }) };
    const child = spawn(process.execPath, [CLI_PATH, ...args], { stdio: ['ignore', 'ignore', 'pipe'], env });
    child.stderr.on('data', (chunk: Buffer) => {
      if (options.pausedAt !== undefined && chunk.toString().includes(`paused at ${options.pausedAt}`)) child.kill('SIGKILL');
    });
    if (options.delayMs !== undefined) setTimeout(() => child.kill('SIGKILL'), options.delayMs);
    child.on('close', () => resolve());
  });
}

test('20 kills during rollback: opens and verifies at the target or the old head', async () => {
  const prng = new Prng(20261202n);
  const seen = new Set<number>();
  for (let run = 0; run < 20; run++) {
    const dir = join(work.dir, `rollback-${run}`);
    cpSync(template, dir, { recursive: true });
    const pausedAt = STEPS[run];
    await killDuring(['rollback', '--data', dir, '--to', '12'], pausedAt === undefined ? { delayMs: prng.int(800) } : { pausedAt });
    const report = await verifyDataDir(dir, quiet);
    assert.ok(report.ok, `run ${run}: ${JSON.stringify(report.chain_problem ?? report.divergence)}`);
    assert.ok(report.last_height === 12 || report.last_height === 24, `run ${run}: at height ${report.last_height}`);
    assert.is(report.state_root, roots[report.last_height - 1]!.state_root, `run ${run}`);
    if (report.last_height === 12) assert.ok(listSnapshots(dir).every((s) => s.height <= 12), `run ${run}: a snapshot above the cut`);
    if (pausedAt !== undefined) assert.is(report.last_height, pausedAt === 'intent_written' ? 24 : 12, `run ${run} killed at ${pausedAt}`);
    seen.add(report.last_height);
  }
  assert.equal([...seen].sort((a, b) => a - b), [12, 24]);
});

test('20 kills during snapshot writing: opens, verifies, every snapshot left loads, no temp file stays', async () => {
  const prng = new Prng(20261203n);
  for (let run = 0; run < 20; run++) {
    const dir = join(work.dir, `snapshot-${run}`);
    cpSync(template, dir, { recursive: true });
    await killDuring(['snapshot', '--data', dir, '--keep-snapshots', '10'], { delayMs: 200 + prng.int(900) });
    const report = await verifyDataDir(dir, quiet); // opening removes a dead writer's temp file
    assert.ok(report.ok, `run ${run}`);
    assert.is(report.last_height, 24);
    assert.equal(readdirSync(snapshotsDir(dir)).filter((name) => name.endsWith('.tmp')), [], `run ${run}`);
    for (const info of listSnapshots(dir)) assert.is(readSnapshot(info).store.root.length, 32, `run ${run}: ${info.file}`);
  }
});

test.run();
