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
import { amountOf, storableRow, storedAmount } from '../../../src/projection/amounts.js';
import { ProjectionError } from '../../../src/projection/errors.js';
import { pgMigrationsDir } from '../../../src/projection/pg/store.js';
import { loadMigrations } from '../../../src/projection/schema.js';
import { BALANCES, TABLES } from '../../../src/projection/tables.js';
const INT64_MAX = 9223372036854775807n;
const INT64_MIN = -9223372036854775808n;
const SDK_INT_MAX = 57896044618658097711785492504343953926634992332820282019728792003956564819967n; // 2^255 − 1
const NINES_78 = 10n ** 78n - 1n;
function migratedSqlite() {
    const db = new Database(':memory:');
    db.defaultSafeIntegers(true);
    for (const migration of loadMigrations())
        db.exec(migration.sql);
    return db;
}
const codeOf = (action) => {
    try {
        action();
    }
    catch (error) {
        return error instanceof ProjectionError ? error.code : `not coded: ${String(error)}`;
    }
    return undefined;
};
test('int64 amounts stay integers; larger ones become their decimal text (boundaries by hand)', () => {
    assert.is(storedAmount(INT64_MAX, 'x'), INT64_MAX);
    assert.is(storedAmount(INT64_MIN, 'x'), INT64_MIN);
    assert.is(storedAmount(0n, 'x'), 0n);
    assert.is(storedAmount(INT64_MAX + 1n, 'x'), '9223372036854775808');
    assert.is(storedAmount(147576951550267926499n, 'x'), '147576951550267926499');
    assert.is(storedAmount(SDK_INT_MAX, 'x'), '57896044618658097711785492504343953926634992332820282019728792003956564819967');
    assert.is(storedAmount(NINES_78, 'x'), '9'.repeat(78));
});
test('what no backend stores is a coded refusal: 10^78 and above, below −2^63', () => {
    assert.is(codeOf(() => storedAmount(NINES_78 + 1n, 'balance_upokt')), 'amount_out_of_range');
    assert.is(codeOf(() => storedAmount(INT64_MIN - 1n, 'balance_upokt')), 'amount_out_of_range');
});
test('a row is copied only when an amount is beyond int64 (mainnet-sized rows go as they are)', () => {
    const small = ['a', 1, 5n];
    assert.ok(storableRow(BALANCES, small) === small);
    const big = ['a', 1, INT64_MAX + 1n];
    assert.equal(storableRow(BALANCES, big), ['a', 1, '9223372036854775808']);
    assert.equal(big, ['a', 1, INT64_MAX + 1n], 'the projector keeps its bigint');
});
test('SQLite: every stored form round-trips exactly through a migrated balances table', () => {
    const db = migratedSqlite();
    const insert = db.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, ?, ?)');
    const values = [0n, 1n, INT64_MAX, INT64_MAX + 1n, 147576951550267926499n, SDK_INT_MAX, NINES_78];
    values.forEach((value, i) => insert.run(`a${i}`, 0, storedAmount(value, 'balance_upokt')));
    const rows = db.prepare('SELECT balance_upokt AS v, typeof(balance_upokt) AS t FROM balances ORDER BY address').all();
    assert.equal(rows.map((r) => amountOf(r.v)), values);
    assert.equal(rows.map((r) => r.t), ['integer', 'integer', 'integer', 'text', 'text', 'text', 'text']);
});
test('SQLite: the CHECKs refuse every other form (one stored form per value, never a REAL)', () => {
    const db = migratedSqlite();
    const insert = db.prepare('INSERT INTO supply (height, total_upokt, node_staked_upokt, app_staked_upokt, dao_upokt, fee_collector_upokt, minted_upokt, burned_upokt) VALUES (?, ?, 0, 0, 0, 0, 0, 0)');
    const refused = ['9223372036854775807', '1', '0', '0147576951550267926499', '1.47576951550267926499e20', ' 147576951550267926499', '147576951550267926499 ', '-147576951550267926499', '9'.repeat(79), 1.5, 1.5e20, Buffer.from('147576951550267926499')];
    refused.forEach((value, height) => assert.throws(() => insert.run(height, value), /CHECK constraint failed/, `${String(value)} refused`));
    const balances = db.prepare('INSERT INTO balances (address, height, balance_upokt) VALUES (?, 0, ?)');
    assert.throws(() => balances.run('n', -1n), /CHECK constraint failed/, 'a balance is never negative');
});
test('the readers refuse what is not an integer or canonical text (a tampered copy is named, never guessed)', () => {
    for (const bad of ['0x10', '', ' 12', '1.5', '1e21', '0147576951550267926499', 1.5, null, new Uint8Array(1)])
        assert.is(codeOf(() => amountOf(bad)), 'amount_unreadable', String(bad));
    assert.is(amountOf('147576951550267926499'), 147576951550267926499n);
    assert.is(amountOf(12), 12n);
});
test('every `_upokt` column is untyped in SQLite and NUMERIC(78,0) in PostgreSQL (the migrations cover each one)', async () => {
    const sqlite = migratedSqlite();
    const pg = new PGlite();
    try {
        for (const migration of loadMigrations(pgMigrationsDir()))
            await pg.exec(migration.sql);
        let amounts = 0;
        for (const table of TABLES) {
            for (const i of table.amounts) {
                const column = table.columns[i];
                amounts++;
                const declared = sqlite.prepare('SELECT type FROM pragma_table_info(?) WHERE name = ?').get(table.name, column).type;
                assert.is(declared, '', `SQLite ${table.name}.${column}: no type affinity`);
                const typed = await pg.query('SELECT data_type, numeric_precision, numeric_scale FROM information_schema.columns WHERE table_name = $1 AND column_name = $2', [table.name, column]);
                assert.equal(typed.rows[0], { data_type: 'numeric', numeric_precision: 78, numeric_scale: 0 }, `PostgreSQL ${table.name}.${column}`);
            }
        }
        assert.is(amounts, 19, 'txs 2, balances 1, nodes 1, apps 1, supply 7, reward_lines 5, rap_sheet 1, dao_moves 1');
    }
    finally {
        sqlite.close();
        await pg.close();
    }
});
test.run();
//# sourceMappingURL=amounts.test.js.map