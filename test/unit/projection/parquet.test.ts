/**
 * Goal: the Parquet files of `export-analytics` hold the ledger's totals — read back with DuckDB,
 * they equal the reducer's own figures (replayed state: supply and its pools; the log: tx count)
 * and the projection's sums (reward lines by chain, claims by status), and docs/postgresql.md's
 * three-line query runs on them.
 * Method: the seeded simulated chain of test/helpers/projection.ts, exported with the CLI; the
 * log replayed independently for the reducer's supply (modules/auth querySupply).
 */
import Database from 'better-sqlite3';
import { DuckDBInstance } from '@duckdb/node-api';
import { join } from 'node:path';
import { suite } from 'uvu';
import * as assert from 'uvu/assert';
import { querySupply } from '../../../src/modules/auth/queries.js';
import { projectionFile } from '../../../src/projection/store.js';
import { replay } from '../../../src/runtime/replay.js';
import { copyDataDir, projectionSimChain } from '../../helpers/projection.js';
import { runCli } from '../../helpers/sim.js';

const test = suite('projection: Parquet export totals = the ledger totals');

test('export-analytics: supply, tx count, rewards by chain and claims by status read back with DuckDB', async () => {
  const copy = copyDataDir(await projectionSimChain(), 'parquet');
  const out = join(copy.dir, '..', 'parquet');
  try {
    const run = await runCli(['export-analytics', '--data', copy.dir, '--out', out, '--json']);
    assert.is(run.code, 0, run.stderr);
    const report = JSON.parse(run.stdout) as { height: number; files: Array<{ file: string; rows: number }> };
    assert.equal(report.files.map((f) => f.file.split('/').pop()).sort(), ['blocks.parquet', 'claims.parquet', 'nodes.parquet', 'reward_lines.parquet', 'supply.parquet', 'txs.parquet']);

    const duck = await DuckDBInstance.create(':memory:');
    const connection = await duck.connect();
    const query = async (sql: string): Promise<Array<Record<string, unknown>>> => (await connection.runAndReadAll(sql.replaceAll('FILE(', `'${out}/`).replaceAll('.parquet)', ".parquet'"))).getRowObjectsJS() as Array<Record<string, unknown>>;
    // Independent: the reducer's state after replaying the log.
    const outcome = await replay(copy.dir, { trustSignatures: true });
    assert.is(outcome.height, report.height);
    const supply = querySupply(outcome.state.auth);
    const last = (await query(`SELECT total_upokt, node_staked_upokt, app_staked_upokt, dao_upokt FROM FILE(supply.parquet) WHERE height = ${report.height}`))[0]!;
    assert.equal([last.total_upokt, last.node_staked_upokt, last.app_staked_upokt, last.dao_upokt].map(String), [supply.total, supply.node_staked, supply.app_staked, supply.dao], 'supply after the last block = the reducer');
    const genesisTotal = (await query('SELECT total_upokt FROM FILE(supply.parquet) WHERE height = 0'))[0]!.total_upokt as bigint;
    const flows = (await query('SELECT sum(minted_upokt) AS minted, sum(burned_upokt) AS burned FROM FILE(supply.parquet)'))[0]!;
    assert.is(BigInt(supply.total), genesisTotal + BigInt(flows.minted as bigint) - BigInt(flows.burned as bigint), 'genesis + minted − burned = the final total');
    const txs = (await query('SELECT count(*) AS n FROM FILE(txs.parquet)'))[0]!.n;
    assert.is(Number(txs), outcome.txs, 'every tx of the log');

    // The projection's own sums, grouped the same way.
    const sqlite = new Database(projectionFile(copy.dir), { readonly: true });
    sqlite.defaultSafeIntegers(true);
    try {
      const byChain = (sqlite.prepare("SELECT chain, sum(amount_upokt) AS total FROM reward_lines WHERE kind = 'relay' GROUP BY chain ORDER BY chain").all() as Array<{ chain: string; total: bigint }>).map((r) => `${r.chain}:${r.total}`);
      const parquetByChain = (await query("SELECT chain, sum(amount_upokt) AS total FROM FILE(reward_lines.parquet) WHERE kind = 'relay' GROUP BY chain ORDER BY chain")).map((r) => `${String(r.chain)}:${String(r.total)}`);
      assert.ok(byChain.length > 0, 'relay rewards exist');
      assert.equal(parquetByChain, byChain, 'relay rewards by chain');
      const claims = (sqlite.prepare('SELECT status, count(*) AS n FROM claims GROUP BY status ORDER BY status').all() as Array<{ status: string; n: bigint }>).map((r) => `${r.status}:${r.n}`);
      assert.equal((await query('SELECT status, count(*) AS n FROM FILE(claims.parquet) GROUP BY status ORDER BY status')).map((r) => `${String(r.status)}:${String(r.n)}`), claims, 'claims by status');
    } finally {
      sqlite.close();
    }
    // docs/postgresql.md's query (rewards by chain per day) runs and covers every relay reward.
    const perDay = await query("SELECT chain, date_trunc('day', block_time) AS day, sum(amount_upokt) AS upokt FROM FILE(reward_lines.parquet) WHERE kind = 'relay' GROUP BY ALL ORDER BY ALL");
    const relayTotal = (await query("SELECT sum(amount_upokt) AS t FROM FILE(reward_lines.parquet) WHERE kind = 'relay'"))[0]!.t;
    assert.is(perDay.reduce((sum, r) => sum + BigInt(String(r.upokt)), 0n), BigInt(String(relayTotal)));
    connection.closeSync();
    duck.closeSync();
  } finally {
    copy.remove();
  }
});

test.run();
