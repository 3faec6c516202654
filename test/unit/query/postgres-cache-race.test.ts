/**
 * Goal: the PostgreSQL read store never keeps in its per-height caches (account counts, the
 * accounts page ends, node and app lists, the first height) a value of a chain that is gone.
 * The narrow race: an answer whose snapshot was taken before a rebuild reads AFTER another
 * answer saw the rebuild and the checkpoint watch dropped the caches; its values are the old
 * chain's (its snapshot's), and once kept every later answer would repeat them.
 * Method: a deterministic interleaving, no timing: answer A's snapshot is opened on the old
 * chain; inside A's read (the hook), a writer commits the "rebuild" (another block at the
 * checkpoint's height: one more funded address sorting first, one more node, the first supply
 * row gone, another block hash) and answer B reads the new checkpoint, which makes the watch drop
 * the caches; only then does A read. Afterwards answer C is compared with a freshly opened store
 * (no caches: the new chain's answers, read straight from the database).
 */
import type pg from 'pg';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { connect, endClient } from '../../../src/projection/pg/connect.js';
import { PgReadStore } from '../../../src/projection/pg/read-store.js';
import { pgProjectedSimChain } from '../../helpers/postgres.js';

const test = suite('PostgreSQL read store: an answer begun before a rebuild keeps nothing of the old chain');

let url = '';

test.before(async () => {
  ({ url } = await pgProjectedSimChain('cache_race'));
});

/** An address before every other (hex addresses in byte order), and a node's. */
const FIRST = '0'.repeat(40);

/** Another block at `at`: one more funded account and one more node, the first supply row gone, another hash. */
async function rebuildAt(writer: pg.Client, at: number): Promise<void> {
  await writer.query('BEGIN');
  await writer.query('INSERT INTO balances (address, height, balance_upokt) VALUES ($1, $2, 7)', [FIRST, at]);
  // An account's row beside its first balance row, as projectors/balances.ts writes it (a jump's start is found on accounts).
  await writer.query('INSERT INTO accounts (address, public_key, first_height) VALUES ($1, NULL, $2)', [FIRST, at]);
  await writer.query('CREATE TEMP TABLE another_node AS SELECT * FROM nodes WHERE deleted = 0 AND height <= $1 LIMIT 1', [at]);
  await writer.query('UPDATE another_node SET address = $1, height = $2', [FIRST, at]);
  await writer.query('INSERT INTO nodes SELECT * FROM another_node');
  await writer.query('DROP TABLE another_node');
  await writer.query('DELETE FROM supply WHERE height = (SELECT min(height) FROM supply)');
  await writer.query("UPDATE projection_checkpoint SET block_hash = 'another block'");
  await writer.query('COMMIT');
}

const PAGE_1 = { page: 1, perPage: 2 };

/**
 * What the caches hold for an answer at `at`: the count, pages 2 and 1 of 2 (page 2 first: it
 * starts after page 1's last address if one is kept), the nodes, the first height.
 */
async function cachedReads(store: PgReadStore, at: number): Promise<Record<string, string>> {
  const page2 = await store.accounts(at, { page: 2, perPage: 2 });
  const page1 = await store.accounts(at, PAGE_1);
  const nodes = (await store.nodes(at)).map((node) => node.address);
  const values = { total: page1.total, page1: page1.items.map((a) => a.address), page2: page2.items.map((a) => a.address), nodes, first: await store.firstHeight() };
  return Object.fromEntries(Object.entries(values).map(([name, value]) => [name, JSON.stringify(value)]));
}

test('A (snapshot before the rebuild) reads after B saw it: C answers the new chain, as a fresh store does', async () => {
  const store = await PgReadStore.open(url);
  const writer = await connect(url);
  try {
    const at = (await store.latestHeight())!;
    const { value: stale } = await store.snapshot!(async () => {
      await rebuildAt(writer, at);
      await store.snapshot!(() => store.latestHeight()); // B: the new checkpoint; the watch drops the caches
      await store.accounts(at, PAGE_1); // A: its snapshot's (old) chain, read after the drop
      return cachedReads(store, at);
    });
    const { value: afterwards } = await store.snapshot!(() => cachedReads(store, at)); // C
    const fresh = await PgReadStore.open(url);
    try {
      const { value: expected } = await fresh.snapshot!(() => cachedReads(fresh, at));
      for (const name of Object.keys(expected)) {
        assert.is.not(stale[name], expected[name], `${name}: the rebuild changed it (else the test proves nothing)`);
        assert.is(afterwards[name], expected[name], `${name}: C answers the new chain, not what A read of the old one`);
      }
    } finally {
      await fresh.close();
    }
  } finally {
    await endClient(writer);
    await store.close();
  }
});

test.run();
