/**
 * Goal: `rollback --to H` brings the SQLite projection back to exactly what projecting the first
 * H blocks gives, and a chain continued after the rollback — differently or with the same blocks
 * again — projects incrementally to exactly what a clean rebuild of that chain gives.
 * Method: a seeded simulated chain with every message kind (dev profile: claims are submitted,
 * proved and settled within a few blocks), projected in full, then rolled back with the
 * projection step the CLI uses (projectionRollbackStep). Oracles: clean `project --rebuild`s of
 * the same log (the projection is a function of the log alone: test/unit/projection/rebuild),
 * compared table by table, row by row. The chosen H is checked to leave something for each of
 * rollbackTo's cases to undo (addresses first credited, claims submitted and claims settled
 * above H), so a missing case shows up as a row difference. A read store (what `serve` runs)
 * open across the rollback must answer the continued chain as a freshly opened one does, not
 * from the lists it cached by height before (src/projection/checkpoint-watch.ts); and
 * dispatch's replayed state (src/query/replayed-state.ts) must be replayed again when the block
 * at the same height is another one.
 */
import Database from 'better-sqlite3';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { BlockLog, blockLogDir } from '../../../src/log/index.js';
import type { ReadStore } from '../../../src/projection/read-store.js';
import { projectionRollbackStep } from '../../../src/projection/rollback.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { replayedStateSource } from '../../../src/query/replayed-state.js';
import { bytesToHex } from '../../../src/core/hex.js';
import { project } from '../../../src/projection/run.js';
import { projectionFile } from '../../../src/projection/store.js';
import { rollbackDataDir } from '../../../src/runtime/rollback.js';
import { simulate } from '../../../src/sim/simulator.js';
import { copyDataDir, dumpTables } from '../../helpers/projection.js';
import { scratch, writeSmallGenesis } from '../../helpers/sim.js';

const test = suite('history: projection rollback = clean rebuild');
const BLOCKS = 60;
const H = 40;
let work: ReturnType<typeof scratch>;
let source: string;
let genesisFile: string;

test.before(async () => {
  work = scratch('projection-rollback');
  source = join(work.dir, 'chain');
  genesisFile = writeSmallGenesis(work.dir);
  await simulate({ dataDir: source, genesisFile, seed: 31n, blocks: BLOCKS, txsPerBlock: 6, fsync: 'never', snapshotEvery: 25, workers: 0 });
});
test.after(() => work.remove());

function assertSameTables(actual: Map<string, string[]>, expected: Map<string, string[]>, what: string): void {
  assert.equal([...actual.keys()], [...expected.keys()], `${what}: tables`);
  for (const [table, rows] of expected) {
    const got = actual.get(table)!;
    got.forEach((row, i) => assert.is(row, rows[i], `${what}: ${table} row ${i}`));
    assert.is(got.length, rows.length, `${what}: ${table} row count`);
  }
}

/** The tables of a clean rebuild of `dataDir`'s log (up to `to`), made in a private copy. */
async function cleanRebuild(dataDir: string, to?: number): Promise<Map<string, string[]>> {
  const copy = copyDataDir(dataDir, 'projection-rollback-clean');
  try {
    await project(copy.dir, { rebuild: true, ...(to === undefined ? {} : { to }) });
    return dumpTables(copy.dir);
  } finally {
    copy.remove();
  }
}

/** How many rows above H each special case of rollbackTo has to undo in a full projection. */
function aboveH(dataDir: string): { fresh: number; submitted: number; settled: number } {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  try {
    const count = (sql: string): number => (db.prepare(sql).get({ h: H }) as { n: number }).n;
    return {
      // Addresses first credited above H (their balance rows, and their accounts rows with
      // first_height above H: projectors/balances.ts).
      fresh: count('SELECT count(*) AS n FROM (SELECT address FROM balances GROUP BY address HAVING min(height) > :h)'),
      submitted: count('SELECT count(*) AS n FROM claims WHERE submitted_height > :h'),
      // Settled after H but submitted at or before it: the rows rollbackTo must re-open.
      settled: count('SELECT count(*) AS n FROM claims WHERE settled_height > :h AND submitted_height <= :h'),
    };
  } finally {
    db.close();
  }
}

/** Project the whole chain of a fresh copy of the source, then roll chain and projection back to H. */
async function projectedThenRolledBack(prefix: string): Promise<ReturnType<typeof copyDataDir>> {
  const copy = copyDataDir(source, prefix);
  await project(copy.dir);
  const undo = aboveH(copy.dir);
  assert.ok(undo.fresh > 0 && undo.submitted > 0 && undo.settled > 0, `H = ${H} leaves every special case something to undo: ${JSON.stringify(undo)}`);
  const report = rollbackDataDir(copy.dir, H, { derived: [projectionRollbackStep(copy.dir)] });
  assert.is(report.removed_blocks, BLOCKS - H);
  return copy;
}

test('rolled back to H = a clean projection of the first H blocks', async () => {
  const copy = await projectedThenRolledBack('projection-rollback-at-h');
  try {
    assertSameTables(dumpTables(copy.dir), await cleanRebuild(source, H), `rolled back to ${H}`);
  } finally {
    copy.remove();
  }
});

test('continued differently after the rollback: incremental projection = clean rebuild', async () => {
  const copy = await projectedThenRolledBack('projection-rollback-other');
  try {
    // Another history from H+1: the same simulation with fewer txs per block.
    await simulate({ dataDir: copy.dir, genesisFile, seed: 31n, blocks: 15, txsPerBlock: 2, fsync: 'never', workers: 0 });
    const report = await project(copy.dir);
    assert.is(report.from_height, H);
    assert.is(report.height, H + 15);
    assertSameTables(dumpTables(copy.dir), await cleanRebuild(copy.dir), 'continued differently');
  } finally {
    copy.remove();
  }
});

/** Every whole-list answer a read store caches by height (sqlite-read-store.ts), at `height`, as JSON. */
async function cachedLists(store: ReadStore, height: number): Promise<string> {
  const [nodes, apps, signingInfos, validatorSet, allParams] = await Promise.all([store.nodes(height), store.apps(height), store.signingInfos(height), store.validatorSet(height), store.allParams(height)]);
  return JSON.stringify({ nodes, apps, signingInfos, validatorSet, allParams }, (_key, value: unknown) => (typeof value === 'bigint' ? value.toString() : value));
}

test('a serve open across the rollback answers the continued chain, not the lists it cached before', async () => {
  const copy = copyDataDir(source, 'projection-rollback-serve');
  const heights = Array.from({ length: 15 }, (_, i) => H + 1 + i);
  await project(copy.dir);
  const beside = openSqliteReadStore(copy.dir);
  try {
    assert.is(await beside.latestHeight(), BLOCKS);
    const before = new Map<number, string>();
    for (const height of heights) before.set(height, await cachedLists(beside, height));
    rollbackDataDir(copy.dir, H, { derived: [projectionRollbackStep(copy.dir)] });
    // No answer in between, and the continued chain past the old head: the reader's next
    // checkpoint is above every one it saw, so only the link of block BLOCKS + 1 can tell.
    await simulate({ dataDir: copy.dir, genesisFile, seed: 31n, blocks: BLOCKS - H + 5, txsPerBlock: 2, fsync: 'never', workers: 0 });
    await project(copy.dir);
    assert.is(await beside.latestHeight(), BLOCKS + 5);
    const fresh = openSqliteReadStore(copy.dir);
    try {
      let changed = 0;
      for (const height of heights) {
        const expected = await cachedLists(fresh, height);
        if (expected !== before.get(height)) changed++;
        assert.is(await cachedLists(beside, height), expected, `lists at ${height}: the reader open across the rollback = a fresh one`);
      }
      assert.ok(changed > 0, 'the continued chain has other lists at some height (else this test could not fail)');
    } finally {
      await fresh.close();
    }
  } finally {
    await beside.close();
    copy.remove();
  }
});

test("dispatch's replayed state is not reused after a rollback and other blocks up to the same height", async () => {
  const copy = copyDataDir(source, 'projection-rollback-dispatch');
  try {
    await project(copy.dir);
    const states = replayedStateSource(copy.dir);
    const blockAt = async (height: number): Promise<{ hash: string; stateRoot: string }> => {
      const store = openSqliteReadStore(copy.dir);
      try {
        const block = await store.block(height);
        return { hash: block!.hash, stateRoot: block!.stateRoot };
      } finally {
        await store.close();
      }
    };
    const old = await blockAt(BLOCKS);
    const before = await states(BLOCKS, old.hash);
    assert.is(bytesToHex(before.state.store.root), old.stateRoot);
    rollbackDataDir(copy.dir, H, { derived: [projectionRollbackStep(copy.dir)] });
    await simulate({ dataDir: copy.dir, genesisFile, seed: 31n, blocks: BLOCKS - H, txsPerBlock: 2, fsync: 'never', workers: 0 });
    await project(copy.dir);
    const now = await blockAt(BLOCKS);
    assert.is.not(now.hash, old.hash, 'another block at the same height');
    const after = await states(BLOCKS, now.hash);
    assert.is(after.height, BLOCKS);
    assert.is(bytesToHex(after.state.store.root), now.stateRoot, 'the state of the chain now projected, not the one replayed before');
  } finally {
    copy.remove();
  }
});

test('continued with the same blocks again: incremental projection = clean rebuild of the source', async () => {
  const copy = await projectedThenRolledBack('projection-rollback-same');
  try {
    const from = BlockLog.open(blockLogDir(source), { readOnly: true }).log;
    const to = BlockLog.open(blockLogDir(copy.dir), { fsync: 'never' }).log;
    for (const { height, payload } of from.iterate(H + 1)) to.append(height, payload);
    from.close();
    to.close();
    await project(copy.dir);
    assertSameTables(dumpTables(copy.dir), await cleanRebuild(source), 'continued the same');
  } finally {
    copy.remove();
  }
});

test('a projection that missed the rollback (as a PostgreSQL one does) is refused with a hint to rebuild', async () => {
  const copy = copyDataDir(source, 'projection-rollback-missed');
  try {
    await project(copy.dir);
    rollbackDataDir(copy.dir, H); // no projection step: what `rollback` does to a projection outside the data dir
    await simulate({ dataDir: copy.dir, genesisFile, seed: 31n, blocks: BLOCKS - H + 5, txsPerBlock: 2, fsync: 'never', workers: 0 });
    const error = await project(copy.dir).then(
      () => undefined,
      (e: unknown) => e as { code?: string; message?: string },
    );
    assert.is(error?.code, 'projection_other_chain');
    assert.match(error?.message ?? '', '--rebuild');
  } finally {
    copy.remove();
  }
});

test.run();
