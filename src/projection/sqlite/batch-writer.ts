/**
 * How a batch of projection rows is written to SQLite: one prepared positional INSERT per table
 * (every row is whole, computed by the projectors; no read-modify-write in SQL), run table by
 * table, and the checkpoint row. The caller owns the transaction: the synchronous store
 * (../store.ts) wraps rows + checkpoint in `db.transaction`; the catch-up writer thread
 * (./writer-thread.ts) opens it at a batch's first rows and commits it with the checkpoint.
 * Either way a batch's rows and its checkpoint commit together.
 */
import type Database from 'better-sqlite3';
import type { Checkpoint } from '../engine.js';
import { storableRow } from '../amounts.js';
import { TABLES, type Row, type TableSpec } from '../tables.js';

/** `INSERT` (or, for upsert tables, `INSERT OR REPLACE`) of a whole row, positional parameters. */
export function insertSql(table: TableSpec, orReplace = table.write === 'upsert'): string {
  return `INSERT${orReplace ? ' OR REPLACE' : ''} INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`;
}

export class SqliteBatchWriter {
  private readonly inserts: readonly Database.Statement[];
  private readonly saveCheckpoint: Database.Statement;

  constructor(db: Database.Database) {
    this.inserts = TABLES.map((table) => db.prepare(insertSql(table)));
    this.saveCheckpoint = db.prepare('INSERT OR REPLACE INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, ?, ?, ?)');
  }

  /** Rows per table (TableSpec.index), each table's in the order they were made. Sorts version rows in place. */
  writeRows(rowsByTable: readonly Row[][]): void {
    rowsByTable.forEach((rows, index) => {
      if (rows.length === 0) return;
      const insert = this.inserts[index]!;
      // PERF: version rows arrive in event order; in key order the B-tree inserts are sequential.
      // (Their tables are WITHOUT ROWID: the order of inserts changes nothing stored.)
      const table = TABLES[index]!;
      if (table.resume === 'latest') rows.sort(byKeyThenHeight);
      // Amounts beyond int64 go in as decimal text (../amounts.ts); the same row otherwise.
      for (const row of rows) insert.run(storableRow(table, row));
    });
  }

  writeCheckpoint(checkpoint: Checkpoint): void {
    this.saveCheckpoint.run(checkpoint.height, checkpoint.blockHash, checkpoint.stateRoot);
  }
}

/** Version rows (key, height, …) in primary-key order. */
function byKeyThenHeight(a: Row, b: Row): number {
  const [ka, kb] = [a[0] as string, b[0] as string];
  return ka < kb ? -1 : ka > kb ? 1 : Number(a[1]) - Number(b[1]);
}
