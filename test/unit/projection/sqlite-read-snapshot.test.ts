/**
 * Goal: on the SQLite read-only connection (`serve`), an answer's reads run in ONE read
 * transaction (sqlite-read-store.ts readSnapshots): a block a writer commits meanwhile is
 * invisible to the answer, visible to the next request's (a later turn of the event loop); an
 * answer begun in the same turn shares the transaction; the transaction ends with the turn even
 * while an answer still awaits (a slow route never holds it) or after an answer failed; the
 * writer's own connection (the node's projection) gets no snapshot (its block commits would nest).
 * Method: a copy of the query tests' projection (VACUUM INTO, WAL), a second writable
 * connection that moves the checkpoint as a writer's commit does; heights are the copy's own
 * checkpoint and that checkpoint + 1, read back through the store.
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReadStore } from '../../../src/projection/read-store.js';
import { openSqliteReadStore, sqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { projectionFile } from '../../../src/projection/store.js';
import { projectedSimChain } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('projection: SQLite read-only store, one read transaction per answer');

async function copyOfProjection(): Promise<{ dataDir: string; writer: Database.Database; remove: () => void }> {
  const chain = await projectedSimChain();
  const tmp = scratch('read-snapshot');
  const dataDir = join(tmp.dir, 'chain');
  const source = new Database(projectionFile(chain.dir), { readonly: true });
  const file = projectionFile(dataDir);
  mkdirSync(join(dataDir, 'projections'), { recursive: true });
  source.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  source.close();
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  return { dataDir, writer, remove: tmp.remove };
}

/** The next turn of the event loop: where the next HTTP request's answer starts. */
const nextTurn = (): Promise<void> => new Promise((resolve) => setImmediate(resolve));

const commitCheckpoint = (writer: Database.Database, height: number): void => void writer.prepare('UPDATE projection_checkpoint SET height = ? WHERE id = 1').run(height);

async function withCopy(check: (store: ReadStore, writer: Database.Database, latest: number) => Promise<void>): Promise<void> {
  const copy = await copyOfProjection();
  const store = openSqliteReadStore(copy.dataDir);
  try {
    await check(store, copy.writer, (await store.latestHeight())!);
  } finally {
    await store.close();
    copy.writer.close();
    copy.remove();
  }
}

test('a commit during an answer is invisible to it and visible to the next answer', () =>
  withCopy(async (store, writer, latest) => {
    assert.ok(store.snapshot !== undefined, 'the read-only store has snapshots');
    const answer = await store.snapshot!(async () => {
      const first = await store.latestHeight();
      commitCheckpoint(writer, latest + 1);
      return [first, await store.latestHeight()];
    });
    assert.equal(answer.value, [latest, latest], 'one state for the whole answer');
    assert.equal(answer.headers, {});
    await nextTurn();
    assert.is((await store.snapshot!(() => store.latestHeight())).value, latest + 1, 'the next answer sees the commit');
    assert.is(await store.latestHeight(), latest + 1, 'a read outside any answer sees it');
  }));

test('an answer begun in the same turn shares the transaction; it ends with the turn', () =>
  withCopy(async (store, writer, latest) => {
    const inner = await store.snapshot!(async () => {
      await store.latestHeight();
      commitCheckpoint(writer, latest + 1);
      return (await store.snapshot!(() => store.latestHeight())).value;
    });
    assert.is(inner.value, latest, 'the inner answer joined the open transaction');
    await nextTurn();
    assert.is((await store.snapshot!(() => store.latestHeight())).value, latest + 1, 'no transaction left open');
  }));

test('an answer still awaiting I/O after its turn holds no transaction', () =>
  withCopy(async (store, writer, latest) => {
    const slow = await store.snapshot!(async () => {
      const first = await store.latestHeight();
      await new Promise((resolve) => setTimeout(resolve, 5)); // a route awaiting a file read
      // ...that ends after the turn: a timer alone may fire before the turn's setImmediate when
      // the answer began inside a setImmediate callback and the process was held up ≥ 5 ms (load).
      await nextTurn();
      commitCheckpoint(writer, latest + 1);
      return [first, await store.latestHeight()];
    });
    assert.equal(slow.value, [latest, latest + 1], 'after its turn the answer reads statement by statement');
  }));

test('a failing answer ends its transaction (rejected or thrown)', () =>
  withCopy(async (store, writer, latest) => {
    const rejected = await store.snapshot!(async () => {
      await store.latestHeight();
      throw new Error('route failed');
    }).catch((error: Error) => error.message);
    assert.is(rejected, 'route failed');
    const thrown = await store.snapshot!(() => {
      throw new Error('sync failure');
    }).catch((error: Error) => error.message);
    assert.is(thrown, 'sync failure');
    await nextTurn();
    commitCheckpoint(writer, latest + 1);
    assert.is((await store.snapshot!(() => store.latestHeight())).value, latest + 1, 'no transaction left open');
  }));

test("the writer's own connection has no snapshot", () =>
  withCopy(async (_store, writer) => {
    assert.is(sqliteReadStore(writer).snapshot, undefined);
  }));

test.run();
