export class SupplyChecks {
    recorded;
    shadow;
    bank;
    tally;
    genesisHeight;
    previousRecordedTotal;
    constructor(recorded, shadow, bank, tally, genesisHeight) {
        this.recorded = recorded;
        this.shadow = shadow;
        this.bank = bank;
        this.tally = tally;
        this.genesisHeight = genesisHeight;
    }
    /** The genesis height's row, if the projection has one (reported: the genesis state is always in range). */
    checkGenesis() {
        const row = this.recorded.supply(this.genesisHeight);
        this.previousRecordedTotal = row?.total;
        if (row !== undefined)
            this.check(this.genesisHeight, row, true);
    }
    /** The recorded supply row of h (a missing row is a failure) against the shadow's; the row. */
    checkAt(h, report) {
        const row = this.recorded.supply(h);
        if (row === undefined)
            this.tally.supplyFailure(report, h, 'supply/row', 'a row', '(none)');
        else
            this.check(h, row, report);
        return row;
    }
    check(h, row, report) {
        if (report)
            this.tally.supplyChecks++;
        const pairs = this.ownAgainstRecorded(h, row);
        if (h > this.genesisHeight && this.previousRecordedTotal !== undefined)
            pairs.push(['total_from_previous', this.previousRecordedTotal + row.minted - row.burned, row.total]);
        this.previousRecordedTotal = row.total;
        for (const [field, expected, recorded] of pairs)
            if (expected !== recorded)
                this.tally.supplyFailure(report, h, `supply/${field}`, String(expected), String(recorded));
    }
    ownAgainstRecorded(h, row) {
        const own = this.shadow.pools;
        return [
            ['total', own.total, row.total],
            ['node_staked', own.node, row.node],
            ['app_staked', own.app, row.app],
            ['dao', own.dao, row.dao],
            ['fee_collector', own.fee, row.fee],
            ['minted', h === this.genesisHeight ? 0n : own.minted, row.minted],
            ['burned', h === this.genesisHeight ? 0n : own.burned, row.burned],
            // Every account of the shadow bank together (liquid + module accounts, the pools
            // included) is the audit's own total. The recorded accounts' sum then follows: each
            // recorded balance row is compared with the shadow bank's (BalanceChecks).
            ['sum_of_all_balances', own.total, this.bank.sum],
        ];
    }
}
//# sourceMappingURL=supply-checks.js.map