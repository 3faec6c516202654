/**
 * Goal: the projection is a function of the block log alone — built in one go, built in steps
 * with different batch sizes, or resumed after kill -9 at random moments, it holds the same rows,
 * table by table; a block applied twice is refused and changes nothing.
 * Method: the seeded simulated chain of test/helpers/projection.ts, copied per test; table dumps
 * (every row in primary-key order) compared with a clean `--rebuild`. Kill moments come from a
 * seeded PRNG (the seed is in every message).
 */
import Database from 'better-sqlite3';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { Prng } from '../../../src/core/prng.js';
import { CommittedBlockStream, type CommittedBlock } from '../../../src/runtime/committed-block.js';
import { ProjectionError, ProjectionStore, projectionFile } from '../../../src/projection/store.js';
import { project } from '../../../src/projection/run.js';
import { replay } from '../../../src/runtime/replay.js';
import { copyDataDir, dumpTables, PROJECTION_SIM_BLOCKS, projectionSimChain } from '../../helpers/projection.js';
import { CLI_PATH, runCli } from '../../helpers/sim.js';

const KILLS = 20;
const KILL_SEED = 2026n;

const test = suite('projection: rebuild = incremental = resumed after kill -9');

function assertSameTables(actual: Map<string, string[]>, expected: Map<string, string[]>, what: string): void {
  for (const [table, rows] of expected) {
    const got = actual.get(table)!;
    assert.is(got.length, rows.length, `${what}: ${table} row count`);
    got.forEach((row, i) => assert.is(row, rows[i], `${what}: ${table} row ${i}`));
  }
}

let clean: Promise<Map<string, string[]>> | undefined;

/** The tables of one clean `project --rebuild` of the shared chain (made once per process). */
function cleanRebuild(source: string): Promise<Map<string, string[]>> {
  clean ??= rebuildOnce(source);
  return clean;
}

async function rebuildOnce(source: string): Promise<Map<string, string[]>> {
  const copy = copyDataDir(source, 'projection-clean');
  try {
    await project(copy.dir, { rebuild: true });
    return dumpTables(copy.dir);
  } finally {
    copy.remove();
  }
}

function checkpointOf(dataDir: string): number {
  if (!existsSync(projectionFile(dataDir))) return -1;
  const db = new Database(projectionFile(dataDir), { readonly: true });
  try {
    const row = db.prepare('SELECT height FROM projection_checkpoint').get() as { height: number } | undefined;
    return row?.height ?? -1;
  } catch {
    return -1;
  } finally {
    db.close();
  }
}

test('built in steps with different batch sizes = one clean rebuild, table by table', async () => {
  const source = await projectionSimChain();
  const expected = await cleanRebuild(source);
  const copy = copyDataDir(source, 'projection-steps');
  try {
    for (const [to, batchBlocks] of [[37, 1], [120, 7], [121, 64], [PROJECTION_SIM_BLOCKS, 13]] as const) {
      const report = await project(copy.dir, { to, batchBlocks });
      assert.is(report.height, to);
    }
    const again = await project(copy.dir);
    assert.is(again.blocks, 0, 'nothing left to project');
    assertSameTables(dumpTables(copy.dir), expected, 'incremental');
  } finally {
    copy.remove();
  }
});

test('a block applied twice is refused (block_already_projected) and changes no row', async () => {
  const copy = copyDataDir(await projectionSimChain(), 'projection-twice');
  try {
    await project(copy.dir, { to: 60 });
    const before = dumpTables(copy.dir);
    const seen: CommittedBlock[] = [];
    const stream = new CommittedBlockStream();
    stream.subscribe((block) => void (block.block.header.height >= 59 && block.block.header.height <= 61 && seen.push(block)));
    await replay(copy.dir, { trustSignatures: true, to: 61, stream });
    const store = ProjectionStore.open(copy.dir);
    try {
      for (const [blocks, code] of [[[seen[0]!], 'block_already_projected'], [[seen[1]!], 'block_already_projected'], [[seen[2]!, seen[1]!], 'block_already_projected']] as const) {
        const error = (() => {
          try {
            store.apply(blocks);
            return undefined;
          } catch (caught) {
            return caught;
          }
        })();
        assert.instance(error, ProjectionError);
        assert.is((error as ProjectionError).code, code);
      }
      assert.is(store.checkpoint!.height, 60);
    } finally {
      store.close();
    }
    assertSameTables(dumpTables(copy.dir), before, 'after refused blocks');
  } finally {
    copy.remove();
  }
});

test('a database of another schema version is rebuilt from genesis, with a notice', async () => {
  const copy = copyDataDir(await projectionSimChain(), 'projection-schema');
  try {
    await project(copy.dir, { to: 20 });
    const db = new Database(projectionFile(copy.dir));
    db.prepare("UPDATE projection_meta SET value = 'an-older-schema' WHERE key = 'schema_version'").run();
    db.close();
    const notices: string[] = [];
    const report = await project(copy.dir, { to: 25, onNotice: (message) => notices.push(message) });
    assert.is(notices.length, 1);
    assert.match(notices[0]!, /schema version an-older-schema ≠ this build's [0-9a-f]{16}: rebuilding/);
    assert.is(report.rebuilt, true);
    assert.is(report.from_height, 0, 'started again from genesis');
    assert.is(report.height, 25);
  } finally {
    copy.remove();
  }
});

/**
 * One `project` run killed with SIGKILL at a random moment: a quarter of the runs during
 * start-up (after a random delay, or as soon as this run's first commit moves the checkpoint,
 * whichever comes first), the others once this run has moved the checkpoint by a random 1–16
 * blocks, plus a random 0–40 ms — i.e. while it is catching up, whatever the machine's speed.
 * (A start-up delay alone, up to 1.6 s, let a run on a fast, quiet machine project to the end
 * before its kill: 2026-12-04, 6 of 20 kills midway.) Returns the checkpoint it started from.
 */
async function runUntilKilled(dataDir: string, prng: Prng): Promise<{ killed: boolean; code: number | null; startedAt: number }> {
  const startedAt = checkpointOf(dataDir);
  const duringStartup = prng.int(4) === 0;
  const target = startedAt + 1 + prng.int(16);
  const delayMs = duringStartup ? 100 + prng.int(1_500) : prng.int(40);
  const child = spawn(process.execPath, [CLI_PATH, 'project', '--data', dataDir, '--batch', '2', '--no-progress', '--json'], { stdio: 'ignore' });
  const exited = new Promise<number | null>((resolve, reject) => {
    child.on('error', reject);
    child.on('close', resolve);
  });
  let done = false;
  void exited.then(() => (done = true));
  const tick = (): Promise<void> => new Promise((resolve) => setTimeout(resolve, 10));
  if (duringStartup) {
    const deadline = performance.now() + delayMs;
    while (!done && checkpointOf(dataDir) === startedAt && performance.now() < deadline) await tick();
  } else {
    while (!done && checkpointOf(dataDir) < target) await tick();
    await new Promise((resolve) => setTimeout(resolve, delayMs));
  }
  const killed = !done && child.kill('SIGKILL');
  return { killed, code: await exited, startedAt };
}

test(`${KILLS} kill -9s of \`project\` at random moments: it resumes, and the tables equal a clean rebuild`, async () => {
  const source = await projectionSimChain();
  const expected = await cleanRebuild(source);
  const copy = copyDataDir(source, 'projection-kills');
  const prng = new Prng(KILL_SEED);
  const checkpoints: number[] = [];
  try {
    let midway = 0;
    for (let kill = 0; kill < KILLS; kill++) {
      const outcome = await runUntilKilled(copy.dir, prng);
      assert.ok(outcome.killed || outcome.code === 0, `run ${kill} exited ${outcome.code} (seed ${KILL_SEED})`);
      const reached = checkpointOf(copy.dir);
      checkpoints.push(reached);
      if (outcome.killed && reached > outcome.startedAt && reached < PROJECTION_SIM_BLOCKS) midway++;
    }
    // Most kills must land while the run was projecting (it had moved the checkpoint, not finished).
    assert.ok(midway >= KILLS / 2, `only ${midway} kills landed during the catch-up (checkpoints ${checkpoints.join(',')}, seed ${KILL_SEED})`);
    process.stderr.write(`  checkpoints after each kill: ${checkpoints.join(',')}\n`);
    for (let i = 1; i < checkpoints.length; i++) assert.ok(checkpoints[i]! >= checkpoints[i - 1]!, `checkpoint went back: ${checkpoints.join(',')} (seed ${KILL_SEED})`);
    const finish = await runCli(['project', '--data', copy.dir, '--json', '--no-progress']);
    assert.is(finish.code, 0, finish.stderr);
    assert.is((JSON.parse(finish.stdout) as { height: number }).height, PROJECTION_SIM_BLOCKS);
    assertSameTables(dumpTables(copy.dir), expected, `after ${KILLS} kills (checkpoints ${checkpoints.join(',')}, seed ${KILL_SEED})`);
  } finally {
    copy.remove();
  }
});

test.run();
