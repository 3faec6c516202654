/**
 * Version rows (migrations/001-tables.sql): a row is the entity after block `height` until the
 * next row of the same key; `deleted = 1` marks the height it ceased to exist. A change at
 * height h copies the entity's newest row to h (once per block), then changes the copy — so rows
 * of earlier heights are never modified and "as of H" reads the newest row with height ≤ H.
 *
 * Example: node A staked at 5 (tokens 100), slashed at 9 by 1 → rows (A,5,100), (A,9,99); as of
 * height 7 → 100, as of 9 or later → 99.
 *
 * VersionedRows keeps the newest row per key in memory (column 0 = key, column 1 = height), so a
 * projector computes whole rows and the backend only inserts them; after a restart the store
 * reads the newest rows back (`resume`).
 */
import type { RowSink } from './projector.js';
import type { Row, TableSpec } from './tables.js';

const KEY = 0;
const HEIGHT = 1;

export class VersionedRows {
  private readonly newest = new Map<string, Row>();
  private changed: Row[] = [];

  constructor(readonly table: TableSpec) {}

  /** The newest row of `key` (deleted or not), read only. */
  peek(key: string): Row | undefined {
    return this.newest.get(key);
  }

  /** The row of `key` at `height` to change in place: the newest row, copied to `height` once. Undefined if the key never had one. */
  at(key: string, height: number): Row | undefined {
    const row = this.newest.get(key);
    if (row === undefined || row[HEIGHT] === height) return row;
    const copy = row.slice();
    copy[HEIGHT] = height;
    this.newest.set(key, copy);
    this.changed.push(copy);
    return copy;
  }

  /** Edits `key`'s row at `height` (see `at`); nothing if the key never had a row. */
  change(key: string, height: number, edit: (row: Row) => void): void {
    const row = this.at(key, height);
    if (row !== undefined) edit(row);
  }

  /** A whole row (insert or replace at its height). */
  put(row: Row): void {
    const key = row[KEY] as string;
    const current = this.newest.get(key);
    if (current !== undefined && current[HEIGHT] === row[HEIGHT]) {
      for (let i = 0; i < row.length; i++) current[i] = row[i]!;
      return;
    }
    this.newest.set(key, row);
    this.changed.push(row);
  }

  flush(sink: RowSink): void {
    for (const row of this.changed) sink.add(this.table, row);
    this.changed = [];
  }

  resume(rows: readonly Row[]): void {
    for (const row of rows) this.newest.set(row[KEY] as string, row);
  }
}

/** "As of @height": the newest row with height ≤ @height per key, deletions excluded (queries.ts). */
export function asOfSql(table: string, key: string, columns: string, where = ''): string {
  return `SELECT ${columns} FROM ${table} t WHERE t.height = (SELECT max(height) FROM ${table} WHERE ${key} = t.${key} AND height <= @height) AND t.deleted = 0${where}`;
}
