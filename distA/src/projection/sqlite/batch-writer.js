import { storableRow } from '../amounts.js';
import { TABLES } from '../tables.js';
/** `INSERT` (or, for upsert tables, `INSERT OR REPLACE`) of a whole row, positional parameters. */
export function insertSql(table, orReplace = table.write === 'upsert') {
    return `INSERT${orReplace ? ' OR REPLACE' : ''} INTO ${table.name} (${table.columns.join(', ')}) VALUES (${table.columns.map(() => '?').join(', ')})`;
}
export class SqliteBatchWriter {
    inserts;
    saveCheckpoint;
    constructor(db) {
        this.inserts = TABLES.map((table) => db.prepare(insertSql(table)));
        this.saveCheckpoint = db.prepare('INSERT OR REPLACE INTO projection_checkpoint (id, height, block_hash, state_root) VALUES (1, ?, ?, ?)');
    }
    /** Rows per table (TableSpec.index), each table's in the order they were made. Sorts version rows in place. */
    writeRows(rowsByTable) {
        rowsByTable.forEach((rows, index) => {
            if (rows.length === 0)
                return;
            const insert = this.inserts[index];
            // PERF: version rows arrive in event order; in key order the B-tree inserts are sequential.
            // (Their tables are WITHOUT ROWID: the order of inserts changes nothing stored.)
            const table = TABLES[index];
            if (table.resume === 'latest')
                rows.sort(byKeyThenHeight);
            // Amounts beyond int64 go in as decimal text (../amounts.ts); the same row otherwise.
            for (const row of rows)
                insert.run(storableRow(table, row));
        });
    }
    writeCheckpoint(checkpoint) {
        this.saveCheckpoint.run(checkpoint.height, checkpoint.blockHash, checkpoint.stateRoot);
    }
}
/** Version rows (key, height, …) in primary-key order. */
function byKeyThenHeight(a, b) {
    const [ka, kb] = [a[0], b[0]];
    return ka < kb ? -1 : ka > kb ? 1 : Number(a[1]) - Number(b[1]);
}
//# sourceMappingURL=batch-writer.js.map