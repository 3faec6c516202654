/**
 * Goal: the catch-up store (src/projection/sqlite/catch-up-store.ts: rows made on the main thread,
 * written by a writer thread, or inline for a short run) holds the same tables as the synchronous
 * store (store.ts, the live node's), row for row — whether a batch goes to the writer in one
 * message or in many small chunks — and an error on the writer's side (a block another writer projected meanwhile, a
 * database locked by another connection) reaches the main thread as the coded error the
 * synchronous store throws, with nothing of the batch written and the thread ended.
 * Method: the seeded simulated chain of test/helpers/projection.ts, copied per test; the
 * committed blocks of one replay fed to each store in batches; table dumps compared.
 */
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { LedgerState } from '../../../src/chain/ledger-state.js';
import { ProjectionError, ProjectionStore, projectionFile } from '../../../src/projection/store.js';
import { SqliteCatchUpStore } from '../../../src/projection/sqlite/catch-up-store.js';
import { project } from '../../../src/projection/run.js';
import { CommittedBlockStream, type CommittedBlock } from '../../../src/runtime/committed-block.js';
import { loadGenesisOfDataDir, readDataDirConfig } from '../../../src/runtime/data-dir.js';
import { replay } from '../../../src/runtime/replay.js';
import { copyDataDir, dumpTables, projectionSimChain } from '../../helpers/projection.js';

const test = suite('projection: the catch-up store (writer thread or inline) = the synchronous store');

const BATCH_BLOCKS = 32;

/** Every committed block of one replay of `dataDir` (blocks[i] is height i + 1). */
async function replayed(dataDir: string, to?: number): Promise<CommittedBlock[]> {
  const blocks: CommittedBlock[] = [];
  const stream = new CommittedBlockStream();
  stream.subscribe((block) => void blocks.push(block));
  await replay(dataDir, { trustSignatures: true, stream, ...(to === undefined ? {} : { to }) });
  return blocks;
}

function batches<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

async function rejection(promise: Promise<unknown>): Promise<unknown> {
  try {
    await promise;
    return undefined;
  } catch (error) {
    return error;
  }
}

test('same tables as the synchronous store, row for row (thread: one chunk per batch, many small chunks; inline; and `project`)', async () => {
  const source = await projectionSimChain();
  const syncCopy = copyDataDir(source, 'catch-up-sync');
  const copies = [copyDataDir(source, 'catch-up-big'), copyDataDir(source, 'catch-up-small'), copyDataDir(source, 'catch-up-inline')];
  const projected = copyDataDir(source, 'catch-up-project');
  try {
    // Genesis rows only read the genesis state, so one load and one replay serve every store.
    const genesis: LedgerState = loadGenesisOfDataDir(source).state;
    const blocks = await replayed(syncCopy.dir);
    const root = readDataDirConfig(source).genesis_state_root;
    const sync = ProjectionStore.open(syncCopy.dir);
    try {
      sync.seedGenesis(genesis, root);
      for (const batch of batches(blocks, BATCH_BLOCKS)) sync.apply(batch);
    } finally {
      sync.close();
    }
    const expected = dumpTables(syncCopy.dir);
    for (const [copy, chunkRows, writer] of [[copies[0]!, 1_000_000, 'thread'], [copies[1]!, 7, 'thread'], [copies[2]!, 50, 'inline']] as const) {
      const store = SqliteCatchUpStore.open(copy.dir, { chunkRows, writer });
      try {
        store.seedGenesis(genesis, root);
        for (const batch of batches(blocks, BATCH_BLOCKS)) {
          store.apply(batch);
          await store.throttle(1);
        }
        await store.throttle(0);
        assert.is(store.committed, blocks.at(-1)!.block.header.height);
      } finally {
        await store.close();
      }
      assert.equal(dumpTables(copy.dir), expected, `${writer} writer, chunks of ${chunkRows} rows`);
    }
    await project(projected.dir, { batchBlocks: BATCH_BLOCKS });
    assert.equal(dumpTables(projected.dir), expected, '`project`');
  } finally {
    for (const copy of [syncCopy, ...copies, projected]) copy.remove();
  }
});

for (const writer of ['thread', 'inline'] as const) {
  test(`${writer} writer: a block another writer projected meanwhile is block_already_projected, nothing written`, async () => {
    const copy = copyDataDir(await projectionSimChain(), `catch-up-twice-${writer}`);
    try {
      await project(copy.dir, { to: 60 });
      const blocks = await replayed(copy.dir, 62);
      const [b61, b62] = [blocks[60]!, blocks[61]!];
      // The catch-up store reads checkpoint 60; then the synchronous store projects 61 and 62.
      const store = SqliteCatchUpStore.open(copy.dir, { writer });
      let before: Map<string, string[]>;
      try {
        const other = ProjectionStore.open(copy.dir);
        try {
          other.apply([b61, b62]);
        } finally {
          other.close();
        }
        before = dumpTables(copy.dir);
        // Thread: the failure comes back with the next throttle; inline: `apply` throws it.
        const error = await rejection((async () => {
          store.apply([b61]);
          await store.throttle(0);
        })());
        assert.instance(error, ProjectionError);
        assert.is((error as ProjectionError).code, 'block_already_projected');
        assert.equal((error as ProjectionError).context, { height: 61, checkpoint: 62 });
        // After a failure the store only throws it.
        assert.throws(() => store.apply([b62]), (thrown: unknown) => thrown === error);
      } finally {
        await store.close();
      }
      assert.equal(dumpTables(copy.dir), before, 'nothing of the refused batch was written');
    } finally {
      copy.remove();
    }
  });

  test(`${writer} writer: a database locked by another connection is SQLITE_BUSY, the batch rolled back, the next run resumes`, async () => {
    const copy = copyDataDir(await projectionSimChain(), `catch-up-locked-${writer}`);
    try {
      await project(copy.dir, { to: 40 });
      const blocks = await replayed(copy.dir, 45);
      const before = dumpTables(copy.dir);
      const locker = new Database(projectionFile(copy.dir));
      const store = SqliteCatchUpStore.open(copy.dir, { busyTimeoutMs: 50, chunkRows: 10, writer });
      try {
        locker.exec('BEGIN IMMEDIATE');
        const error = await rejection((async () => {
          store.apply(blocks.slice(40, 45));
          await store.throttle(0);
        })());
        assert.instance(error, Database.SqliteError);
        assert.is((error as { code?: string }).code, 'SQLITE_BUSY');
      } finally {
        await store.close();
        locker.exec('ROLLBACK');
        locker.close();
      }
      assert.equal(dumpTables(copy.dir), before, 'nothing written');
      // The thread ended and released the file: the next run resumes from checkpoint 40.
      const report = await project(copy.dir, { to: 45 });
      assert.is(report.from_height, 40);
      assert.is(report.height, 45);
    } finally {
      copy.remove();
    }
  });
}

test('a refused block on the main thread (a gap) stops `project`-style use cleanly: the open batch is rolled back', async () => {
  const copy = copyDataDir(await projectionSimChain(), 'catch-up-gap');
  try {
    await project(copy.dir, { to: 20 });
    const blocks = await replayed(copy.dir, 30);
    const before = dumpTables(copy.dir);
    const store = SqliteCatchUpStore.open(copy.dir, { chunkRows: 1 });
    try {
      store.append(blocks[20]!);
      store.append(blocks[21]!);
      assert.throws(() => store.append(blocks[25]!), (thrown: unknown) => thrown instanceof ProjectionError && thrown.code === 'block_out_of_order');
    } finally {
      await store.close();
    }
    assert.equal(dumpTables(copy.dir), before, 'blocks 21 and 22 were sent but never committed');
  } finally {
    copy.remove();
  }
});

test.run();
