/**
 * Parquet for analysts (`pokt-ledger export-analytics`): the projection's history as Parquet
 * files, written through DuckDB (@duckdb/node-api), each row with its block's time, so tools
 * that read Parquet (DuckDB, pandas, Spark) answer questions like "rewards by chain per day":
 *
 *   txs.parquet           every tx: position, hash, signer, recipient, type, fees, result, memo
 *   reward_lines.parquet  every line of every reward plan with its inputs (no plan JSON)
 *   claims.parquet        every claim with its lifecycle (no claim JSON)
 *   supply.parquet        every pool after each block, the block's mint and burn
 *   nodes.parquet         nodes over time: one row per node and height it changed
 *   blocks.parquet        height, hash, time, proposer, tx count and bytes
 *
 * The source is the SQLite projection, caught up first. Integers stay 64-bit (uPOKT never
 * becomes a float); uPOKT columns (and the other wide columns: nodes' unstaking_time_ns,
 * projection/amounts.ts) are BIGINT too unless a file's rows hold one beyond int64 (an imported
 * TestNet-sized state; an UnstakingTime near 2^63 ns), then DECIMAL(38,0) — exact, and what Parquet readers sum as
 * a number (DuckDB would write a HUGEINT as a DOUBLE). An amount of more than 38 digits is refused
 * (`amount_too_wide_for_parquet`). Each file is written to a temporary name, and all are renamed
 * once all are written, so an interrupted or failed export leaves the previous set whole.
 */
import { makeDirs } from '../core/make-dirs.js';
import Database from 'better-sqlite3';
import { DuckDBInstance, type DuckDBAppender, type DuckDBConnection } from '@duckdb/node-api';
import { renameSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { integerText, isWideColumn } from './amounts.js';
import { ProjectionError } from './errors.js';
import { project, type ProjectReport } from './run.js';
import { projectionFile } from './store.js';

interface Export {
  readonly name: string;
  /** Over the SQLite projection; `height` first. */
  readonly sql: string;
}

export const ANALYTICS_EXPORTS: readonly Export[] = [
  { name: 'blocks', sql: 'SELECT height, hash, proposer, tx_count, tx_bytes, event_count, time_ns FROM blocks' },
  { name: 'txs', sql: 'SELECT height, tx_index, hash, signer, recipient, message_type, fee_declared_upokt, fee_charged_upokt, code, codespace, result_name, memo FROM txs' },
  {
    name: 'reward_lines',
    sql: `SELECT height, event_index, line_index, kind, role, address, amount_upokt, servicer, claim_key, chain, relays, multiplier_upokt_per_relay, multiplier_source,
      stake_upokt, floored_stake_upokt, stake_bin, weight, pip22_applied, dao_allocation_percent, proposer_allocation_percent, minted_upokt FROM reward_lines`,
  },
  {
    name: 'claims',
    sql: `SELECT submitted_height AS height, claim_key, servicer, app_public_key, chain, session_height, total_proofs, evidence_type, expiration_height, submitted_tx, status, settled_height, reason FROM claims`,
  },
  { name: 'supply', sql: 'SELECT * FROM supply' },
  { name: 'nodes', sql: 'SELECT height, address, deleted, public_key, jailed, status, chains_json, service_url, tokens_upokt, unstaking_time_ns, output_address FROM nodes' },
];

export interface ExportReport {
  readonly out: string;
  readonly height: number;
  readonly files: ReadonlyArray<{ readonly file: string; readonly rows: number }>;
}

export interface ExportOptions {
  readonly onNotice?: (message: string) => void;
  /** Catches up the projection first (default: `project`; the CLI's shows a progress bar). */
  readonly catchUp?: () => Promise<ProjectReport>;
}

export async function exportAnalytics(dataDir: string, outDir: string, options: ExportOptions = {}): Promise<ExportReport> {
  const caughtUp = await (options.catchUp ?? (() => project(dataDir, options.onNotice === undefined ? {} : { onNotice: options.onNotice })))();
  const out = resolve(outDir);
  makeDirs(out);
  const sqlite = new Database(projectionFile(dataDir), { readonly: true });
  sqlite.defaultSafeIntegers(true);
  const duck = await DuckDBInstance.create(':memory:');
  const connection = await duck.connect();
  try {
    // Block times first: every export gets its rows' block_time from them.
    await load(connection, sqlite, 'block_times', 'SELECT height, time_ns FROM blocks');
    const files: Array<{ file: string; rows: number }> = [];
    const partials: string[] = [];
    try {
      for (const spec of ANALYTICS_EXPORTS) {
        const rows = await load(connection, sqlite, spec.name, spec.sql);
        const file = join(out, `${spec.name}.parquet`);
        const partial = `${file}.partial`;
        rmSync(partial, { force: true });
        partials.push(partial);
        await copyToParquet(connection, spec.name, partial);
        files.push({ file, rows });
      }
    } catch (error) {
      // Nobody's to read, and on a full disk they would keep it full.
      for (const partial of partials) rmSync(partial, { force: true });
      throw error;
    }
    // Renamed only once all are written: a failure on the fifth file (a full disk) left the first
    // four of the new height beside the older export's rest — one set of files from two heights,
    // with nothing to tell (QA of 2026-12-06). Now the old set stays whole until the renames,
    // which take microseconds.
    for (const [index, { file }] of files.entries()) renameSync(partials[index]!, file);
    return { out, height: caughtUp.height, files };
  } finally {
    connection.closeSync();
    duck.closeSync();
    sqlite.close();
  }
}

/** DuckDB's words for the file system's conditions → their errno, so the CLI codes them (disk_full, …). */
const DUCKDB_IO_ERRNO: ReadonlyArray<readonly [RegExp, string]> = [
  [/No space left on device/i, 'ENOSPC'],
  [/Disk quota exceeded/i, 'EDQUOT'],
  [/File too large/i, 'EFBIG'],
  [/Read-only file system/i, 'EROFS'],
  [/Permission denied/i, 'EACCES'],
];

/**
 * One table to a Parquet file. DuckDB reports a failed write as its own "IO Error: Could not
 * write file …: No space left on device" with no errno: it reached the CLI as an internal error
 * calling itself a bug. The condition is carried as the errno it is.
 */
async function copyToParquet(connection: DuckDBConnection, table: string, file: string): Promise<void> {
  try {
    await connection.run(`COPY (SELECT t.*, make_timestamp(b.time_ns // 1000) AS block_time FROM ${table} t LEFT JOIN block_times b ON b.height = t.height ORDER BY ALL) TO '${file.replaceAll("'", "''")}' (FORMAT PARQUET)`);
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const errno = /^IO Error/.test(message) ? DUCKDB_IO_ERRNO.find(([pattern]) => pattern.test(message))?.[1] : undefined;
    if (errno === undefined) throw error;
    throw Object.assign(new Error(`${errno}: ${message}`), { code: errno, path: file });
  }
}

/** Parquet's widest exact integer: DECIMAL(38,0). */
const WIDE_AMOUNT = 'DECIMAL(38,0)';

/**
 * Copies a query's rows from SQLite into a DuckDB table of the same columns (INTEGER → BIGINT;
 * wide integers — uPOKT, unstaking times — → BIGINT, or DECIMAL(38,0) when one of them is stored as text, i.e. beyond int64; else VARCHAR).
 */
async function load(connection: DuckDBConnection, sqlite: Database.Database, table: string, sql: string): Promise<number> {
  const statement = sqlite.prepare(sql).raw(true);
  const columns = statement.columns();
  const amountType = holdsWideAmount(sqlite, sql, columns.map((c) => c.name).filter(isWideColumn)) ? WIDE_AMOUNT : 'BIGINT';
  const types = columns.map((column) => (isWideColumn(column.name) ? amountType : column.type?.toUpperCase() === 'INTEGER' ? 'BIGINT' : 'VARCHAR'));
  await connection.run(`CREATE TABLE ${table} (${columns.map((column, i) => `"${column.name}" ${types[i]}`).join(', ')})`);
  const appender = await connection.createAppender(table);
  let rows = 0;
  try {
    for (const row of statement.iterate() as Iterable<unknown[]>) {
      row.forEach((cell, i) => appendCell(appender, cell, types[i]!));
      appender.endRow();
      rows++;
    }
    appender.flushSync();
  } finally {
    appender.closeSync();
  }
  return rows;
}

/** Whether any of the wide columns `amounts` in the query's rows is stored as decimal text (beyond int64: projection/amounts.ts). */
function holdsWideAmount(sqlite: Database.Database, sql: string, amounts: readonly string[]): boolean {
  if (amounts.length === 0) return false;
  const text = amounts.map((column) => `typeof("${column}") = 'text'`).join(' OR ');
  return (sqlite.prepare(`SELECT EXISTS (SELECT 1 FROM (${sql}) WHERE ${text}) AS wide`).get() as { wide: bigint }).wide === 1n;
}

function appendCell(appender: DuckDBAppender, cell: unknown, type: string): void {
  if (cell === null || cell === undefined) appender.appendNull();
  else if (type === WIDE_AMOUNT) appender.appendVarchar(parquetAmount(cell));
  else if (type === 'BIGINT') appender.appendBigInt(typeof cell === 'bigint' ? cell : BigInt(cell as number));
  else appender.appendVarchar(typeof cell === 'string' ? cell : String(cell));
}

/** An amount for a DECIMAL(38,0) column, as decimal text; wider than 38 digits is refused (Parquet has no exact wider integer). */
function parquetAmount(cell: unknown): string {
  const text = integerText(cell);
  if (text.replace('-', '').length > 38) throw new ProjectionError('amount_too_wide_for_parquet', `an amount of ${text.length} digits does not fit Parquet's DECIMAL(38,0): ${text}`, { amount: text });
  return text;
}
