/**
 * tables.ts is the projectors' view of the schema; the migrations are each backend's own. They
 * must agree column for column and key for key, or a projector writes a cell into the wrong
 * column (positional inserts) or a backend keeps duplicates the other refuses. Checked here
 * against the databases themselves, not by parsing SQL: SQLite (better-sqlite3, a scratch file)
 * and PostgreSQL (PGlite, the embedded PostgreSQL build: the same parser and catalog as the
 * server, no server needed for a catalog question).
 */
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { pgMigrationsDir } from '../../../src/projection/pg/store.js';
import { READS } from '../../../src/projection/pg/read-sql.js';
import { loadMigrations } from '../../../src/projection/schema.js';
import { TABLES } from '../../../src/projection/tables.js';

interface TableShape {
  readonly columns: string[];
  readonly key: string[];
}

function sqliteShapes(): Map<string, TableShape> {
  const db = new Database(':memory:');
  try {
    for (const migration of loadMigrations()) db.exec(migration.sql);
    const shapes = new Map<string, TableShape>();
    for (const { name } of TABLES) {
      const info = db.prepare(`SELECT name, pk FROM pragma_table_info(?) ORDER BY cid`).all(name) as Array<{ name: string; pk: number }>;
      const key = info.filter((c) => c.pk > 0).sort((a, b) => a.pk - b.pk).map((c) => c.name);
      shapes.set(name, { columns: info.map((c) => c.name), key });
    }
    return shapes;
  } finally {
    db.close();
  }
}

async function postgresShapes(): Promise<Map<string, TableShape>> {
  const db = new PGlite();
  try {
    for (const migration of loadMigrations(pgMigrationsDir())) await db.exec(migration.sql);
    const shapes = new Map<string, TableShape>();
    for (const { name } of TABLES) {
      const columns = await db.query<{ column_name: string }>(
        'SELECT column_name FROM information_schema.columns WHERE table_name = $1 ORDER BY ordinal_position',
        [name],
      );
      // The primary key's columns in key order (pg_index.indkey lists attribute numbers in order).
      const key = await db.query<{ attname: string }>(
        `SELECT a.attname FROM pg_index i
           JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ord) ON true
           JOIN pg_attribute a ON a.attrelid = i.indrelid AND a.attnum = k.attnum
         WHERE i.indrelid = $1::regclass AND i.indisprimary ORDER BY k.ord`,
        [name],
      );
      shapes.set(name, { columns: columns.rows.map((r) => r.column_name), key: key.rows.map((r) => r.attname) });
    }
    return shapes;
  } finally {
    await db.close();
  }
}

function checkAgainstSpecs(backend: string, shapes: Map<string, TableShape>): void {
  for (const spec of TABLES) {
    const shape = shapes.get(spec.name)!;
    assert.ok(shape.columns.length > 0, `${backend}: table ${spec.name} is missing`);
    assert.equal([...shape.columns].sort(), [...spec.columns].sort(), `${backend}: columns of ${spec.name}`);
    assert.equal(shape.key, [...spec.key], `${backend}: primary key of ${spec.name}`);
  }
}

test('SQLite migrations create every table of tables.ts with its columns and primary key', () => {
  checkAgainstSpecs('SQLite', sqliteShapes());
});

test('PostgreSQL migrations create every table of tables.ts with its columns and primary key', async () => {
  checkAgainstSpecs('PostgreSQL', await postgresShapes());
});

test('PostgreSQL: the address keys of balances and accounts are in byte order, so a page of accounts after an address steps along the primary key (no scan, no sort)', async () => {
  const db = new PGlite();
  try {
    for (const migration of loadMigrations(pgMigrationsDir())) await db.exec(migration.sql);
    const collations = await db.query<{ table_name: string; collation_name: string | null }>(
      "SELECT table_name, collation_name FROM information_schema.columns WHERE column_name = 'address' AND table_name IN ('balances', 'accounts') ORDER BY table_name",
    );
    assert.equal(collations.rows, [{ table_name: 'accounts', collation_name: 'C' }, { table_name: 'balances', collation_name: 'C' }]);
    // Empty tables: the planner would scan them whatever the indexes; forbid it to see what it can do.
    await db.exec('SET enable_seqscan = off; SET enable_bitmapscan = off');
    const plan = (await db.query<{ 'QUERY PLAN': string }>(`EXPLAIN ${READS.accountsWithCoinsAfter.replaceAll('$1', '100').replace('$2', "'ab'").replace('$3', '10')}`)).rows.map((row) => row['QUERY PLAN']).join('\n');
    assert.match(plan, /Index (Only )?Scan using balances_pkey on balances[^\n]*\n[^\n]*Index Cond: \(\(address > w/, 'the next address: an index descent from the one before');
    assert.not.match(plan, /Sort Key: balances/, 'no sort of balance rows');
  } finally {
    await db.close();
  }
});

test.run();
