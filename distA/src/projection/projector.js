/** Types a projector's handlers against the events it declares. */
export function defineProjector(make) {
    return make;
}
export const bool = (value) => (value ? 1 : 0);
export { jsonText } from './json-text.js';
/** Rows appended during a block (log tables: one row per event or line), flushed as they are. */
export class AppendRows {
    table;
    rows = [];
    constructor(table) {
        this.table = table;
    }
    add(row) {
        this.rows.push(row);
    }
    flush(sink) {
        for (const row of this.rows)
            sink.add(this.table, row);
        this.rows = [];
    }
}
//# sourceMappingURL=projector.js.map