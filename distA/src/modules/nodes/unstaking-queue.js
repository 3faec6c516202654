import { StakeStatus } from './state.js';
function compare(a, b) {
    if (a.timeNs !== b.timeNs)
        return a.timeNs < b.timeNs ? -1 : 1;
    return a.address < b.address ? -1 : a.address > b.address ? 1 : 0;
}
function entryOf(record) {
    if (record === undefined || record.status !== StakeStatus.Unstaking)
        return undefined;
    return { timeNs: record.unstakingTimeNs ?? 0n, address: record.address };
}
export class UnstakingQueue {
    entries = [];
    constructor(table) {
        for (const record of table.unorderedValues())
            this.update(undefined, record);
        table.onChange((_key, previous, next) => this.update(previous, next));
    }
    get size() {
        return this.entries.length;
    }
    matured(nowNs) {
        const out = [];
        for (const entry of this.entries) {
            if (entry.timeNs > nowNs)
                break;
            out.push(entry.address);
        }
        return out;
    }
    update(previous, next) {
        const before = entryOf(previous);
        const after = entryOf(next);
        if (before !== undefined && after !== undefined && compare(before, after) === 0)
            return;
        if (before !== undefined) {
            const at = this.position(before);
            if (at < this.entries.length && compare(this.entries[at], before) === 0)
                this.entries.splice(at, 1);
        }
        if (after !== undefined)
            this.entries.splice(this.position(after), 0, after);
    }
    position(entry) {
        let low = 0;
        let high = this.entries.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (compare(this.entries[middle], entry) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
//# sourceMappingURL=unstaking-queue.js.map