/**
 * Goal: `/v1/query/accounts` pages at one height count the accounts once (sqlite-read-store.ts:
 * the count at a projected height never changes; at mainnet's size it is ~160 ms of every page),
 * and a replaced chain (a rollback, then another block at a height already answered) is counted
 * afresh; a walk through the pages continues each page from the last address of the page before
 * (no OFFSET scan of every account before it), and a page asked on its own finds where it
 * starts by its position on the accounts index (account-pages.ts).
 * Method: a copy of the query tests' projection (VACUUM INTO, WAL) read through a read-only
 * connection whose count statements are tallied; a second, writable connection plays the
 * rollback and the other block: one more funded address at the checkpoint's height under another
 * block hash (what the checkpoint watch sees of a replaced chain).
 */
import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { ReadStore } from '../../../src/projection/read-store.js';
import { sqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { openProjectionReadOnly } from '../../../src/projection/sqlite/read-only.js';
import { projectionFile } from '../../../src/projection/store.js';
import { projectedSimChain } from '../../helpers/query.js';
import { scratch } from '../../helpers/sim.js';

const test = suite('projection: SQLite read store counts the accounts at a height once');

/** The OFFSETs run so far by the store's statements with an `@offset` (lists, a jump's start), in order. */
const offsets: number[] = [];

interface Copy {
  readonly store: ReadStore;
  readonly writer: Database.Database;
  /** Count statements run through the store's connection so far. */
  readonly counts: () => number;
}

/** A read-only connection whose statements tally the counts they run (SQL with `count(`). */
function tallyingCounts(file: string, copy: { counts: number }): Database.Database {
  const db = openProjectionReadOnly(file);
  db.defaultSafeIntegers(true);
  const prepare = db.prepare.bind(db);
  db.prepare = ((sql: string) => {
    const statement = prepare(sql);
    if (sql.includes('@offset')) {
      const [all, get] = [statement.all.bind(statement), statement.get.bind(statement)];
      statement.all = ((params: { offset: number }) => {
        offsets.push(params.offset);
        return all(params);
      }) as typeof statement.all;
      // A jump's start is one row (chain-queries.ts accountAt).
      statement.get = ((params: { offset: number }) => {
        offsets.push(params.offset);
        return get(params);
      }) as typeof statement.get;
    }
    if (!sql.includes('count(')) return statement;
    const get = statement.get.bind(statement);
    statement.get = ((...args: unknown[]) => {
      copy.counts++;
      return get(...(args as []));
    }) as typeof statement.get;
    return statement;
  }) as typeof db.prepare;
  return db;
}

async function withCopy(check: (copy: Copy) => Promise<void>): Promise<void> {
  const chain = await projectedSimChain();
  const tmp = scratch('account-count');
  const file = projectionFile(join(tmp.dir, 'chain'));
  mkdirSync(join(tmp.dir, 'chain', 'projections'), { recursive: true });
  const source = new Database(projectionFile(chain.dir), { readonly: true });
  source.exec(`VACUUM INTO '${file.replaceAll("'", "''")}'`);
  source.close();
  const writer = new Database(file);
  writer.pragma('journal_mode = WAL');
  const tally = { counts: 0 };
  const copy: Copy = { store: sqliteReadStore(tallyingCounts(file, tally), true), writer, counts: () => tally.counts };
  try {
    await check(copy);
  } finally {
    await copy.store.close();
    writer.close();
    tmp.remove();
  }
}

const PAGE = { perPage: 2 };

test('a second page at the same height runs no count', () =>
  withCopy(async (copy) => {
    const latest = (await copy.store.latestHeight())!;
    const first = await copy.store.accounts(latest, { page: 1, ...PAGE }, 'withCoins');
    assert.ok(first.total > PAGE.perPage, `more than one page (${first.total} accounts)`);
    const counted = copy.counts();
    assert.ok(counted > 0, 'the first page counted');
    await copy.store.latestHeight();
    const second = await copy.store.accounts(latest, { page: 2, ...PAGE }, 'withCoins');
    assert.is(copy.counts(), counted, 'no count for the second page');
    assert.is(second.total, first.total);
    assert.is.not(second.items[0]!.address, first.items[0]!.address, 'the second page is another page');
  }));

test('a replaced chain at a height already counted is counted afresh', () =>
  withCopy(async (copy) => {
    const latest = (await copy.store.latestHeight())!;
    const before = (await copy.store.accounts(latest, { page: 1, ...PAGE }, 'withCoins')).total;
    // A rollback, then another block at `latest` that funds one more address.
    copy.writer.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, ?, 7)').run('f'.repeat(40), latest);
    copy.writer.prepare('INSERT INTO accounts (address, public_key, first_height) VALUES (?, NULL, ?)').run('f'.repeat(40), latest);
    copy.writer.prepare("UPDATE projection_checkpoint SET block_hash = 'another block' WHERE id = 1").run();
    assert.is(await copy.store.latestHeight(), latest);
    assert.is((await copy.store.accounts(latest, { page: 1, ...PAGE }, 'withCoins')).total, before + 1);
  }));

test('the next page of a walk starts after the page before it, not at an OFFSET; a page asked out of order is the same page', () =>
  withCopy(async (copy) => {
    const latest = (await copy.store.latestHeight())!;
    offsets.length = 0;
    const walked = [];
    for (let page = 1; page <= 6; page++) walked.push(...(await copy.store.accounts(latest, { page, ...PAGE }, 'withCoins')).items.map((account) => account.address));
    assert.equal(offsets, [], 'page 1 starts after \'\', pages 2–6 after the page before (at 300k accounts a deep OFFSET costs as much as the count)');
    const alone = (await copy.store.accounts(latest, { page: 3, perPage: 4 }, 'withCoins')).items.map((account) => account.address);
    assert.equal(offsets, [7], 'page 3 of 4 asked on its own: the address it starts after found at position 7 of the accounts index (account-pages.ts), then the page after it');
    assert.equal(alone, walked.slice(8, 12), 'page 3 of 4 asked on its own = the walk\'s accounts 9–12');
    assert.equal([...walked].sort(), walked, 'by address');
    assert.is(new Set(walked).size, walked.length, 'no account twice');
  }));

test.run();
