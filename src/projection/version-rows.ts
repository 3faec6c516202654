/**
 * SQL for version-row tables (migrations/001-tables.sql): a row is the entity after block
 * `height` until the next row of the same key. A change at height h first copies the entity's
 * newest earlier row to h (once per block: INSERT OR IGNORE on the (key, height) primary key),
 * then updates the copy — so rows of earlier heights are never modified and "as of H" reads the
 * newest row with height ≤ H.
 *
 * Example: node A staked at 5 (tokens 100), slashed at 9 by 1 → rows (A,5,100), (A,9,99); as of
 * height 7 → 100, as of 9 or later → 99.
 */
import type { SqlParams, Write } from './projector.js';

/** Copies `key`'s newest row below @height to @height (no-op if one exists at @height or none below). */
export function versionSql(table: string, key: string, columns: readonly string[]): string {
  const list = columns.join(', ');
  return `INSERT OR IGNORE INTO ${table} (${key}, height, ${list}) SELECT ${key}, @height, ${list} FROM ${table} WHERE ${key} = @${key} AND height < @height ORDER BY height DESC LIMIT 1`;
}

/** Updates the row at @height (made by versionSql or an insert earlier in the block). */
export function updateSql(table: string, key: string, assignments: string): string {
  return `UPDATE ${table} SET ${assignments} WHERE ${key} = @${key} AND height = @height`;
}

/** "As of @height": the newest row with height ≤ @height per key, deletions excluded. */
export function asOfSql(table: string, key: string, columns: string, where = ''): string {
  return `SELECT ${columns} FROM ${table} t WHERE t.height = (SELECT max(height) FROM ${table} WHERE ${key} = t.${key} AND height <= @height) AND t.deleted = 0${where}`;
}

/** A change to an address-keyed entity at `height`: version the row, then run `statement` on it. */
export function versionThen<S extends string>(address: string, height: number, statement: S, params: SqlParams): Array<Write<S | 'version'>> {
  return [
    ['version', { address, height }],
    [statement, { address, height, ...params }],
  ];
}
