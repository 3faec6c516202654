/**
 * Goal: a page of `/v1/query/accounts` asked without the page before it (a jump: no page end
 * kept, account-pages.ts) answers exactly the page a walk from page 1 answers — items and total
 * — at several heights (accounts first credited after genesis missing below their first
 * height), page sizes and both selections (`withCoins` leaves out accounts whose balance is zero
 * at that height), and pages past the end are empty with the same total.
 * Method: the query tests' simulated chain, projected into SQLite. One store walks pages 1, 2, …
 * (each after the page before: keyset); fresh stores ask every page in DESCENDING order, so no
 * page's page before was ever read: each is a jump. The walk is the reference: its pages are
 * held to the reducer by routes-equal-reducer.test.ts. The expected totals are counted here from
 * the balances table (an account exists once it has a balance row: chain-queries.ts account).
 */
import Database from 'better-sqlite3';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import type { AccountRecord, AccountSelection, ListPage, ReadStore } from '../../../src/projection/read-store.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { projectionFile } from '../../../src/projection/store.js';
import { projectedSimChain } from '../../helpers/query.js';

const test = suite('projection: an accounts page jumped to = the same page walked to');

const text = (page: ListPage<AccountRecord>): string => JSON.stringify(page, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));

/** Accounts at `height` counted straight from the balances rows (the newest row ≤ height per address). */
function countedAt(dataDir: string, height: number): Record<AccountSelection, number> {
  const db = new Database(projectionFile(dataDir), { readonly: true });
  try {
    const latest = db.prepare('SELECT b.balance_upokt AS balance FROM balances b WHERE b.height = (SELECT max(height) FROM balances WHERE address = b.address AND height <= ?)').all(height) as Array<{ balance: number | string }>;
    return { all: latest.length, withCoins: latest.filter((row) => row.balance !== 0).length };
  } finally {
    db.close();
  }
}

/** Walks pages 1, 2, … one store; returns each page's text (the walk stops at the first empty page, kept too). */
async function walked(store: ReadStore, height: number, perPage: number, which: AccountSelection): Promise<string[]> {
  const pages: string[] = [];
  for (let page = 1; ; page++) {
    const answer = await store.accounts(height, { page, perPage }, which);
    pages.push(text(answer));
    if (answer.items.length === 0) return pages;
  }
}

test('the chain has what jumps must get right: accounts born after genesis, zero balances', async () => {
  const { dir } = await projectedSimChain();
  const store = openSqliteReadStore(dir);
  try {
    const [first, latest] = [(await store.firstHeight())!, (await store.latestHeight())!];
    const [atFirst, atLatest] = [countedAt(dir, first), countedAt(dir, latest)];
    assert.ok(atLatest.all > atFirst.all, `accounts first credited after ${first}: ${atFirst.all} → ${atLatest.all}`);
    assert.ok(atLatest.withCoins < atLatest.all, `accounts with a zero balance at ${latest}: ${atLatest.all - atLatest.withCoins}`);
  } finally {
    await store.close();
  }
});

test('every page jumped to (descending: none after its page before) = the walk\'s, at 3 heights, 4 sizes, both selections; past the end empty', async () => {
  const { dir } = await projectedSimChain();
  const walker = openSqliteReadStore(dir);
  let compared = 0;
  try {
    const [first, latest] = [(await walker.firstHeight())!, (await walker.latestHeight())!];
    for (const height of [first, Math.floor((first + latest) / 2), latest]) {
      const counted = countedAt(dir, height);
      for (const which of ['all', 'withCoins'] as const) {
        for (const perPage of [1, 3, 7, 100]) {
          const walk = await walked(walker, height, perPage, which);
          const last = Math.ceil(counted[which] / perPage);
          assert.is(walk.length, last + 1, `${which} at ${height}, ${perPage} a page: ${last} full or last pages, then an empty one`);
          assert.is(JSON.parse(walk[0]!).total, counted[which], `${which} at ${height}: the total`);
          const jumper = openSqliteReadStore(dir);
          try {
            for (let page = last + 3; page >= 1; page--) {
              const expected = walk[page - 1] ?? text({ items: [], total: counted[which] });
              assert.is(text(await jumper.accounts(height, { page, perPage }, which)), expected, `${which} at ${height}, page ${page} of ${perPage}, jumped to`);
              compared++;
            }
          } finally {
            await jumper.close();
          }
        }
      }
    }
    assert.ok(compared > 500, `${compared} pages jumped to`);
  } finally {
    await walker.close();
  }
});

test.run();
