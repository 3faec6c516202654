const KEY = 0;
const HEIGHT = 1;
export class VersionedRows {
    table;
    newest = new Map();
    changed = [];
    constructor(table) {
        this.table = table;
    }
    /** The newest row of `key` (deleted or not), read only. */
    peek(key) {
        return this.newest.get(key);
    }
    /** The row of `key` at `height` to change in place: the newest row, copied to `height` once. Undefined if the key never had one. */
    at(key, height) {
        const row = this.newest.get(key);
        if (row === undefined || row[HEIGHT] === height)
            return row;
        const copy = row.slice();
        copy[HEIGHT] = height;
        this.newest.set(key, copy);
        this.changed.push(copy);
        return copy;
    }
    /** Edits `key`'s row at `height` (see `at`); nothing if the key never had a row. */
    change(key, height, edit) {
        const row = this.at(key, height);
        if (row !== undefined)
            edit(row);
    }
    /** A whole row (insert or replace at its height). */
    put(row) {
        const key = row[KEY];
        const current = this.newest.get(key);
        if (current !== undefined && current[HEIGHT] === row[HEIGHT]) {
            for (let i = 0; i < row.length; i++)
                current[i] = row[i];
            return;
        }
        this.newest.set(key, row);
        this.changed.push(row);
    }
    flush(sink) {
        for (const row of this.changed)
            sink.add(this.table, row);
        this.changed = [];
    }
    resume(rows) {
        for (const row of rows)
            this.newest.set(row[KEY], row);
    }
}
/** "As of @height": the newest row with height ≤ @height per key, deletions excluded (queries.ts). */
export function asOfSql(table, key, columns, where = '') {
    return `SELECT ${columns} FROM ${table} t WHERE t.height = (SELECT max(height) FROM ${table} WHERE ${key} = t.${key} AND height <= @height) AND t.deleted = 0${where}`;
}
//# sourceMappingURL=version-rows.js.map