/**
 * Goal: every uPOKT column stores any integer pocket-core's sdk.Int holds (|x| < 2^255: cosmos-sdk
 * types/int.go maxBitLen = 255) exactly, in ONE form per value: SQLite INTEGER within int64
 * (−2^63 … 2^63 − 1, the SQLite/Go int64 range), canonical decimal TEXT beyond it; PostgreSQL
 * NUMERIC(78,0). Method: the boundaries written out by hand, round-tripped through a database
 * migrated by the real migrations (SQLite file; PostgreSQL catalog via PGlite), and the
 * CHECKs' refusals of every other form (a REAL, a leading zero, an exponent, a blank, an int64
 * written as text).
 */
import { PGlite } from '@electric-sql/pglite';
import Database from 'better-sqlite3';
import { test } from 'uvu';
import * as assert from 'uvu/assert';
import { integerOf, storableRow, storedInteger } from '../../../src/projection/amounts.js';
import { ProjectionError } from '../../../src/projection/errors.js';
import { pgMigrationsDir } from '../../../src/projection/pg/store.js';
import { loadMigrations } from '../../../src/projection/schema.js';
import { APPS, BALANCES, SIGNING_INFOS, TABLES } from '../../../src/projection/tables.js';

const INT64_MAX = 9_223_372_036_854_775_807n;
const INT64_MIN = -9_223_372_036_854_775_808n;
const SDK_INT_MAX = 57_896_044_618_658_097_711_785_492_504_343_953_926_634_992_332_820_282_019_728_792_003_956_564_819_967n; // 2^255 − 1
const NINES_78 = 10n ** 78n - 1n;

function migratedSqlite(): Database.Database {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(true);
  for (const migration of loadMigrations()) db.exec(migration.sql);
  return db;
}

const codeOf = (action: () => unknown): string | undefined => {
  try {
    action();
  } catch (error) {
    return error instanceof ProjectionError ? error.code : `not coded: ${String(error)}`;
  }
  return undefined;
};

test('int64 amounts stay integers; larger ones become their decimal text (boundaries by hand)', () => {
  assert.is(storedInteger(INT64_MAX, 'x'), INT64_MAX);
  assert.is(storedInteger(INT64_MIN, 'x'), INT64_MIN);
  assert.is(storedInteger(0n, 'x'), 0n);
  assert.is(storedInteger(INT64_MAX + 1n, 'x'), '9223372036854775808');
  assert.is(storedInteger(147_576_951_550_267_926_499n, 'x'), '147576951550267926499');
  assert.is(storedInteger(SDK_INT_MAX, 'x'), '57896044618658097711785492504343953926634992332820282019728792003956564819967');
  assert.is(storedInteger(NINES_78, 'x'), '9'.repeat(78));
});

test('below −2^63 the text has a sign (a floored stake under a ServicerStakeWeightCeiling of −2^63; boundaries by hand)', () => {
  assert.is(storedInteger(INT64_MIN - 1n, 'x'), '-9223372036854775809');
  assert.is(storedInteger(-147_576_951_550_267_926_499n, 'x'), '-147576951550267926499');
  assert.is(storedInteger(-NINES_78, 'x'), `-${'9'.repeat(78)}`);
});

test('what no backend stores is a coded refusal: |x| ≥ 10^78 (NUMERIC(78,0))', () => {
  assert.is(codeOf(() => storedInteger(NINES_78 + 1n, 'balance_upokt')), 'amount_out_of_range');
  assert.is(codeOf(() => storedInteger(-NINES_78 - 1n, 'floored_stake_upokt')), 'amount_out_of_range');
});

test('a row is copied only when an amount is beyond int64 (mainnet-sized rows go as they are)', () => {
  const small = ['a', 1, 5n];
  assert.ok(storableRow(BALANCES, small) === small);
  const big = ['a', 1, INT64_MAX + 1n];
  assert.equal(storableRow(BALANCES, big), ['a', 1, '9223372036854775808']);
  assert.equal(big, ['a', 1, INT64_MAX + 1n], 'the projector keeps its bigint');
});

test('a mainnet-sized app or signing-info row (times ~1.7 × 10^18 ns, max relays in int64) goes as it is; one past int64 is copied', () => {
  // apps: address, height, deleted, public_key, jailed, status, chains_json, staked_upokt, max_relays, unstaking_time_ns
  const app = ['a', 7, 0, 'pk', 0, 1, '["0001"]', 25_000_000_000n, 4_456_700_000n, 1_700_000_000_123_456_789n];
  assert.ok(storableRow(APPS, app) === app);
  const late = [...app.slice(0, 9), 10_923_372_036_854_775_807n];
  assert.equal(storableRow(APPS, late)[9], '10923372036854775807');
  // signing_infos: address, height, deleted, start_height, index_offset, jailed_until_ns, missed, jailed_blocks, two steps
  const info = ['a', 7, 0, 1, 6, 1_700_000_000_000_000_000n, 0, 0, 1, 0];
  assert.ok(storableRow(SIGNING_INFOS, info) === info);
});

test('SQLite: every stored form round-trips exactly through a migrated balances table', () => {
  const db = migratedSqlite();
  const insert = db.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, ?, ?)');
  const values = [0n, 1n, INT64_MAX, INT64_MAX + 1n, 147_576_951_550_267_926_499n, SDK_INT_MAX, NINES_78];
  values.forEach((value, i) => insert.run(`a${i}`, 0, storedInteger(value, 'balance_upokt')));
  const rows = db.prepare('SELECT balance_upokt AS v, typeof(balance_upokt) AS t FROM balances ORDER BY address').all() as Array<{ v: unknown; t: string }>;
  assert.equal(rows.map((r) => integerOf(r.v)), values);
  assert.equal(rows.map((r) => r.t), ['integer', 'integer', 'integer', 'text', 'text', 'text', 'text']);
});

test('SQLite: the CHECKs refuse every other form (one stored form per value, never a REAL)', () => {
  const db = migratedSqlite();
  const insert = db.prepare('INSERT INTO supply (height, total_upokt, node_staked_upokt, app_staked_upokt, dao_upokt, fee_collector_upokt, minted_upokt, burned_upokt) VALUES (?, ?, 0, 0, 0, 0, 0, 0)');
  const refused = ['9223372036854775807', '1', '0', '0147576951550267926499', '1.47576951550267926499e20', ' 147576951550267926499', '147576951550267926499 ', '+147576951550267926499', '9'.repeat(79), 1.5, 1.5e20, Buffer.from('147576951550267926499')];
  refused.forEach((value, height) => assert.throws(() => insert.run(height, value), /CHECK constraint failed/, `${String(value)} refused`));
  const balances = db.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, 0, ?)');
  assert.throws(() => balances.run('n', -1n), /CHECK constraint failed/, 'a balance is never negative');
});

test('the readers refuse what is not an integer or canonical text (a tampered copy is named, never guessed)', () => {
  const bad = ['0x10', '', ' 12', '1.5', '1e21', '0147576951550267926499', '-0147576951550267926499', '--147576951550267926499', '+147576951550267926499', '-0', '12', '-12', '9223372036854775807', '-9223372036854775808', 1.5, null, new Uint8Array(1)];
  for (const cell of bad) assert.is(codeOf(() => integerOf(cell)), 'amount_unreadable', String(cell));
  assert.is(integerOf('147576951550267926499'), 147_576_951_550_267_926_499n);
  assert.is(integerOf('9223372036854775808'), INT64_MAX + 1n);
  assert.is(integerOf('-9223372036854775809'), INT64_MIN - 1n);
  assert.is(integerOf(12), 12n);
});

test('every wide column (the `_upokt` amounts, unstaking_time_ns, jailed_until_ns, max_relays) is untyped in SQLite and NUMERIC(78,0) in PostgreSQL (the migrations cover each one)', async () => {
  const sqlite = migratedSqlite();
  const pg = new PGlite();
  try {
    for (const migration of loadMigrations(pgMigrationsDir())) await pg.exec(migration.sql);
    let amounts = 0;
    for (const table of TABLES) {
      for (const i of table.wide) {
        const column = table.columns[i]!;
        amounts++;
        const declared = (sqlite.prepare('SELECT type FROM pragma_table_info(?) WHERE name = ?').get(table.name, column) as { type: string }).type;
        assert.is(declared, '', `SQLite ${table.name}.${column}: no type affinity`);
        const typed = await pg.query<{ data_type: string; numeric_precision: number; numeric_scale: number }>(
          'SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = $1 AND column_name = $2',
          [table.name, column],
        );
        assert.equal(typed.rows[0], { data_type: 'numeric', numeric_precision: 78, numeric_scale: 0 }, `PostgreSQL ${table.name}.${column}`);
      }
    }
    assert.is(amounts, 23, 'txs 2, balances 1, nodes 2, apps 3, signing_infos 1, supply 7, reward_lines 5, rap_sheet 1, dao_moves 1');
  } finally {
    sqlite.close();
    await pg.close();
  }
});

/**
 * The columns migration 009 made wide, each with a value past int64 the governance cases make
 * (written out by hand): block time + 2^63 − 1 ns for a time (1,700,000,000 s after 1970 + 2^63 − 1
 * = 10,923,372,036,854,775,807), 2^64 − 1 for max relays (pocket-core's cap,
 * x/apps/keeper/application.go:160-164) and one far below −2^63, −2^63 − 10^10 for a floored stake.
 */
const WIDE_SAMPLES: ReadonlyArray<readonly [string, string, readonly bigint[]]> = [
  ['nodes', 'unstaking_time_ns', [10_923_372_036_854_775_807n, INT64_MAX, 1_700_000_000_000_000_000n]],
  ['apps', 'unstaking_time_ns', [10_923_372_036_854_775_807n, INT64_MIN - 1n]],
  ['apps', 'max_relays', [18_446_744_073_709_551_615n, -85_070_591_730_234_615_865_843_651_857_942_052_864n, 100_000n]],
  ['signing_infos', 'jailed_until_ns', [10_923_372_036_854_775_807n, 0n]],
  ['reward_lines', 'floored_stake_upokt', [-9_223_372_046_854_775_808n, INT64_MIN, -SDK_INT_MAX]],
];

/** A row of `table` with `column` = value and every other column a placeholder of its declared kind. */
function rowWith(db: Database.Database, table: string, column: string, value: bigint | string | number, n: number): Record<string, unknown> {
  const columns = db.prepare('SELECT name, type, "notnull" AS required FROM pragma_table_info(?)').all(table) as Array<{ name: string; type: string; required: bigint }>;
  return Object.fromEntries(columns.map((c) => [c.name, c.name === column ? value : c.name === 'height' ? n : c.type === 'TEXT' ? `t${n}` : c.type === 'BLOB' ? Buffer.alloc(0) : BigInt(n)]));
}

function insertRow(db: Database.Database, table: string, row: Record<string, unknown>): void {
  const names = Object.keys(row);
  db.prepare(`INSERT INTO ${table} (${names.join(', ')}) VALUES (${names.map((name) => `@${name}`).join(', ')})`).run(row);
}

test('SQLite: each wide column of 009 round-trips its values past int64 exactly (INTEGER within int64, text beyond)', () => {
  const db = migratedSqlite();
  WIDE_SAMPLES.forEach(([table, column, values], sample) => {
    const first = sample * 10;
    values.forEach((value, n) => insertRow(db, table, rowWith(db, table, column, storedInteger(value, column), first + n)));
    const rows = db.prepare(`SELECT ${column} AS v, typeof(${column}) AS t FROM ${table} WHERE height >= ? ORDER BY height`).all(first) as Array<{ v: unknown; t: string }>;
    assert.equal(rows.map((r) => integerOf(r.v)), values, `${table}.${column}`);
    assert.equal(rows.map((r) => r.t), values.map((v) => (v > INT64_MAX || v < INT64_MIN ? 'text' : 'integer')), `${table}.${column} forms`);
  });
});

test('SQLite: the signed CHECKs refuse every other form of a negative (a leading zero, "-0", an int64 as text, a REAL)', () => {
  const db = migratedSqlite();
  const refused = ['-09223372036854775809', '-0', '-9223372036854775808', '-1', '- 9223372036854775809', '-9223372036854775809 ', `-${'9'.repeat(79)}`, '-1e21', -1.5e20];
  refused.forEach((value, n) => assert.throws(() => insertRow(db, 'apps', rowWith(db, 'apps', 'max_relays', value, n)), /CHECK constraint failed/, `${String(value)} refused`));
  const balances = db.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, 0, ?)');
  assert.throws(() => balances.run('n', '-9223372036854775809'), /CHECK constraint failed/, 'a balance is never negative, also as text');
});

test('SQLite: a database of migrations 001–008 holding rows migrates to 009 with its rows kept', () => {
  const db = new Database(':memory:');
  db.defaultSafeIntegers(true);
  const migrations = loadMigrations();
  const before009 = migrations.filter((m) => m.name < '009');
  assert.is(migrations[before009.length]?.name.slice(0, 4), '009-', 'the migration after 008 is 009 (later ones leave these tables alone)');
  for (const migration of before009) db.exec(migration.sql);
  insertRow(db, 'apps', { ...rowWith(db, 'apps', 'max_relays', 100_000n, 3), staked_upokt: '147576951550267926499', unstaking_time_ns: 1_700_000_000_000_000_000n });
  insertRow(db, 'signing_infos', rowWith(db, 'signing_infos', 'jailed_until_ns', 5n, 4));
  const dump = (): unknown[] => [db.prepare('SELECT * FROM apps').all(), db.prepare('SELECT * FROM signing_infos').all()];
  const kept = dump();
  for (const migration of migrations.slice(before009.length)) db.exec(migration.sql);
  assert.equal(dump(), kept);
  const indexes = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'index' AND sql IS NOT NULL ORDER BY name").all() as Array<{ name: string }>).map((r) => r.name);
  for (const index of ['apps_by_height', 'nodes_by_height', 'reward_lines_by_address', 'txs_by_hash']) assert.ok(indexes.includes(index), `${index} recreated`);
});

test.run();
