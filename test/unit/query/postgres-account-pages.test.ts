/**
 * Goal: `/v1/query/accounts` pages read from PostgreSQL are exactly SQLite's, page by page —
 * a walk from page 1 to one past the end, pages asked out of order (a jump: no page before it
 * was read; every page in descending order), both selections, several heights and page sizes;
 * a page jumped to equals the same page walked to — and a walk continues each page
 * from the last address of the page before (keyset), as the SQLite store does
 * (sqlite-read-store.ts accountPage), instead of an OFFSET that reads every address's latest
 * balance row before the page; a jump finds the address it starts after by its position on the
 * accounts index (account-pages.ts), then reads the page after it.
 * Method: the query tests' simulated chain, projected into SQLite (the reference: its pages are
 * held to the reducer by routes-equal-reducer.test.ts) and into a fresh PostgreSQL database on a
 * real primary (scripts/postgres.sh); both ReadStores asked the same pages. The PostgreSQL
 * statements run are tallied by their READS name (read-sql.ts).
 */
import type pg from 'pg';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import type { AccountSelection, ListPage, AccountRecord, ReadStore } from '../../../src/projection/read-store.js';
import { openSqliteReadStore } from '../../../src/projection/sqlite-read-store.js';
import { pgProjectedSimChain } from '../../helpers/postgres.js';

const test = suite('PostgreSQL accounts pages = SQLite\'s, page by page; a walk continues after the page before');

let url = '';
let sqliteDir = '';

test.before(async () => {
  ({ url, sqliteDir } = await pgProjectedSimChain('account_pages'));
});

/** The READS names the store's pool ran, in order (reads outside a snapshot go through the pool). */
function tallied(store: PgReadStore): string[] {
  const names: string[] = [];
  const pool = (store as unknown as { pool: pg.Pool }).pool;
  const query = pool.query.bind(pool) as (config: pg.QueryConfig) => Promise<pg.QueryResult>;
  pool.query = ((config: pg.QueryConfig) => {
    if (config.name !== undefined) names.push(config.name.replace(/^ledger_/, ''));
    return query(config);
  }) as typeof pool.query;
  return names;
}

const text = (page: ListPage<AccountRecord>): string => JSON.stringify(page, (_key, value: unknown) => (typeof value === 'bigint' ? `${value}n` : value));

/** Asks both stores `pages` in that order and compares each answer; returns SQLite's answers by page. */
async function samePages(sqlite: ReadStore, postgres: ReadStore, height: number, perPage: number, which: AccountSelection, pages: readonly number[]): Promise<Map<number, string>> {
  const answers = new Map<number, string>();
  for (const page of pages) {
    const [expected, actual] = [await sqlite.accounts(height, { page, perPage }, which), await postgres.accounts(height, { page, perPage }, which)];
    assert.is(text(actual), text(expected), `${which} at ${height}, page ${page} of ${perPage}`);
    answers.set(page, text(expected));
  }
  return answers;
}

const withAccounts = (answers: ReadonlyMap<number, string>): number => [...answers.values()].filter((answer) => !answer.startsWith('{"items":[]')).length;

test('every page, walked, jumped to and past the end, at several heights, sizes and selections = SQLite\'s', async () => {
  const sqlite = openSqliteReadStore(sqliteDir);
  const latest = (await sqlite.latestHeight())!;
  let compared = 0;
  try {
    for (const height of [0, Math.floor(latest / 3), latest]) {
      for (const which of ['all', 'withCoins'] as const) {
        const total = (await sqlite.accounts(height, { page: 1, perPage: 1 }, which)).total;
        for (const perPage of [1, 3, 7]) {
          const last = Math.max(1, Math.ceil(total / perPage));
          // Fresh stores: no page end is kept, so the jumps are real jumps on both.
          const postgres = await PgReadStore.open(url);
          const jumpsSqlite = openSqliteReadStore(sqliteDir);
          try {
            const walk = Array.from({ length: last + 2 }, (_, i) => i + 1);
            // Descending: no page's page before was read, so each is a jump on both stores.
            const jumps = [last + 5, ...walk.slice().reverse(), Math.ceil(last / 2), Math.ceil(last / 2) + 1, 2, 1, 3];
            const jumped = await samePages(jumpsSqlite, postgres, height, perPage, which, jumps);
            const walked = await samePages(sqlite, postgres, height, perPage, which, walk);
            assert.is(withAccounts(walked), total === 0 ? 0 : last, 'pages with accounts in the walk');
            for (const [page, answer] of jumped) assert.is(answer, walked.get(page) ?? walked.get(last + 1), `${which} at ${height}, page ${page} of ${perPage}: jumped to = walked to`);
            compared += jumps.length + walk.length;
          } finally {
            await postgres.close();
            await jumpsSqlite.close();
          }
        }
      }
    }
    assert.ok(compared > 200, `${compared} pages compared`);
  } finally {
    await sqlite.close();
  }
});

test('a walk reads page 1 after \'\' and each later page after the last address of the page before (no OFFSET); a jump finds that address by position, then reads after it', async () => {
  const postgres = await PgReadStore.open(url);
  const names = tallied(postgres);
  try {
    const latest = (await postgres.latestHeight())!;
    for (const which of ['all', 'withCoins'] as const) {
      names.length = 0;
      for (let page = 1; page <= 6; page++) await postgres.accounts(latest, { page, perPage: 2 }, which);
      const lists = names.filter((name) => !name.endsWith('Count'));
      const [position, after] = which === 'all' ? ['accountAt', 'accountsAfter'] : ['accountWithCoinsAt', 'accountsWithCoinsAfter'];
      assert.equal(lists, [after, after, after, after, after, after], `${which}: the statements of pages 1–6`);
      names.length = 0;
      await postgres.accounts(latest, { page: 3, perPage: 3 }, which);
      assert.equal(names.filter((name) => !name.endsWith('Count')), [position, after], `${which}: page 3 of 3 asked first`);
    }
  } finally {
    await postgres.close();
  }
});

test.run();
