import { signingText } from './snapshot-checks.js';
export class SigningChecks {
    shadow;
    tally;
    rows;
    /** The newest row per address (rows of deleted records dropped). */
    newest = new Map();
    /** Addresses whose record differed at the last checked block (see the header). */
    differing = new Set();
    constructor(recorded, shadow, tally) {
        this.shadow = shadow;
        this.tally = tally;
        this.rows = recorded.signingRows();
    }
    /** Takes the rows written up to h, then compares every record at h (reported when `report`). */
    check(h, report) {
        for (const row of this.rows.upTo(h)) {
            if (row.deleted)
                this.newest.delete(row.address);
            else
                this.newest.set(row.address, row);
        }
        if (!report)
            return;
        this.tally.signingInfosChecked++;
        const signing = this.shadow.signing;
        for (const address of signing.addresses())
            this.compare(h, address, signing.get(address));
        for (const address of this.newest.keys())
            if (!signing.has(address))
                this.compare(h, address, undefined);
        for (const address of this.differing)
            if (!signing.has(address) && !this.newest.has(address))
                this.differing.delete(address);
    }
    compare(h, address, mine) {
        if (!this.tally.about(address))
            return;
        const recorded = recordAt(this.newest.get(address), h);
        if (same(mine, recorded)) {
            this.differing.delete(address);
            return;
        }
        if (this.differing.has(address))
            return;
        this.differing.add(address);
        this.tally.mismatch(true, { height: h, account: address, line: 'signing_info', expected: signingText(mine), recorded: signingText(recorded) });
    }
}
/** The record a stepped row gives at h (undefined: no record). */
function recordAt(row, h) {
    if (row === undefined)
        return undefined;
    const blocks = h - row.height;
    return { startHeight: row.startHeight, index: row.index + row.indexStep * blocks, jailedUntilNs: row.jailedUntilNs, missed: row.missed, jailedBlocks: row.jailedBlocks + row.jailedBlocksStep * blocks };
}
function same(a, b) {
    if (a === undefined || b === undefined)
        return a === b;
    return a.startHeight === b.startHeight && a.index === b.index && a.jailedUntilNs === b.jailedUntilNs && a.missed === b.missed && a.jailedBlocks === b.jailedBlocks;
}
//# sourceMappingURL=signing-checks.js.map