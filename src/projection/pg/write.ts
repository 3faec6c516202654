/**
 * Writing a RowBatch into PostgreSQL, two ways (the benchmark `project-pg` measures both):
 *   'copy'   — COPY table (columns) FROM STDIN in text format (pg-copy-streams), per table;
 *   'insert' — multi-row INSERT ... VALUES (...), (...) with bound parameters, up to 65,535
 *              parameters a statement.
 * Upsert tables (claims) always go through INSERT ... ON CONFLICT (key) DO UPDATE, one row per key
 * (the batch's last), since a claim may settle in the batch that submitted it.
 */
import { pipeline } from 'node:stream/promises';
import { Readable } from 'node:stream';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import type { RowBatch } from '../engine.js';
import { storableRow } from '../amounts.js';
import { TABLES, type Cell, type Row, type TableSpec } from '../tables.js';
import { encodeText } from './connect.js';

export type PgWriteMode = 'copy' | 'insert';

const MAX_PARAMETERS = 65_535;
const SPECIAL = /[\\\t\n\r]/;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One cell in COPY text format: \N for null, backslash escapes, bytea as \\x hex; text NUL-escaped (connect.ts encodeText). */
export function copyCell(value: Cell): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') {
    const text = encodeText(value);
    return SPECIAL.test(text) ? text.replace(/[\\\t\n\r]/g, (c) => ESCAPES[c]!) : text;
  }
  if (typeof value === 'number' || typeof value === 'bigint') return String(value);
  return `\\\\x${Buffer.from(value.buffer, value.byteOffset, value.byteLength).toString('hex')}`;
}

function* copyText(rows: readonly Row[]): Generator<string> {
  let chunk = '';
  for (const row of rows) {
    let line = '';
    for (let i = 0; i < row.length; i++) line += (i === 0 ? '' : '\t') + copyCell(row[i]!);
    chunk += `${line}\n`;
    if (chunk.length >= 1 << 16) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk !== '') yield chunk;
}

export async function copyRows(client: pg.Client, table: TableSpec, rows: readonly Row[]): Promise<void> {
  const stream = client.query(copyFrom(`COPY ${table.name} (${table.columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(copyText(rows)), stream);
}

const statementCache = new Map<string, string>();

function valuesSql(table: TableSpec, count: number): string {
  const key = `${table.name}:${count}`;
  let sql = statementCache.get(key);
  if (sql !== undefined) return sql;
  const width = table.columns.length;
  const tuples: string[] = [];
  for (let r = 0; r < count; r++) tuples.push(`(${table.columns.map((_, c) => `$${r * width + c + 1}`).join(', ')})`);
  sql = `INSERT INTO ${table.name} (${table.columns.join(', ')}) VALUES ${tuples.join(', ')}`;
  if (table.write === 'upsert') {
    const updates = table.columns.filter((c) => !table.key.includes(c)).map((c) => `${c} = EXCLUDED.${c}`);
    sql += ` ON CONFLICT (${table.key.join(', ')}) DO UPDATE SET ${updates.join(', ')}`;
  }
  statementCache.set(key, sql);
  return sql;
}

async function insertRows(client: pg.Client, table: TableSpec, rows: readonly Row[]): Promise<void> {
  const perStatement = Math.floor(MAX_PARAMETERS / table.columns.length);
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const values: Cell[] = [];
    for (const row of chunk) for (const cell of row) values.push(typeof cell === 'string' ? encodeText(cell) : cell);
    await client.query(valuesSql(table, chunk.length), values);
  }
}

/** The batch's last row per primary key (an upsert statement must not touch a row twice). */
function lastPerKey(table: TableSpec, rows: readonly Row[]): Row[] {
  const keyAt = table.key.map((column) => table.columns.indexOf(column));
  const byKey = new Map<string, Row>();
  for (const row of rows) byKey.set(keyAt.map((i) => String(row[i])).join('\u0000'), row);
  return [...byKey.values()];
}

/** Writes every table's rows of the batch (inside the caller's transaction). */
export async function writeBatch(client: pg.Client, batch: RowBatch, mode: PgWriteMode): Promise<void> {
  for (const table of TABLES) {
    const made = batch.rows[table.index]!;
    if (made.length === 0) continue;
    // As SQLite's writer: the same refusal of a wide integer no backend stores (NUMERIC(78,0) takes the text as is).
    const rows = table.wide.length === 0 ? made : made.map((row) => storableRow(table, row));
    if (table.write === 'upsert') await insertRows(client, table, lastPerKey(table, rows));
    else if (mode === 'copy') await copyRows(client, table, rows);
    else await insertRows(client, table, rows);
  }
}
