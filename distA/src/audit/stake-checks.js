export class StakeChecks {
    shadow;
    tally;
    nodeDeletions;
    appDeletions;
    nodeRows;
    appRows;
    constructor(recorded, shadow, tally) {
        this.shadow = shadow;
        this.tally = tally;
        this.nodeDeletions = recorded.deletions('nodes');
        this.appDeletions = recorded.deletions('apps');
        this.nodeRows = recorded.versionRows('nodeStakes');
        this.appRows = recorded.versionRows('appStakes');
    }
    /** The shadow's force unstakes for a stake left below StakeMinimum against the recorded ones. */
    compareForceUnstakes(h, report, recorded) {
        const own = this.shadow.forceUnstakesBelowMinimum();
        for (const address of new Set([...own, ...recorded])) {
            if (own.includes(address) === recorded.includes(address) || !this.tally.about(address))
                continue;
            this.tally.mismatch(report, { height: h, account: address, line: 'force_unstake/stake_below_minimum', expected: own.includes(address) ? 'queued' : 'none', recorded: recorded.includes(address) ? 'queued' : 'none' });
        }
    }
    /** The node and app records the shadow removed at h against the recorded deletions at h. */
    compareRemoved(h, report, removed) {
        this.compareRemovedOf(h, report, 'node', removed.nodes, this.nodeDeletions.get(h) ?? []);
        this.compareRemovedOf(h, report, 'app', removed.apps, this.appDeletions.get(h) ?? []);
    }
    /** The records of one kind the shadow removed at h (unstake matured, app transferred) against the recorded deletions at h. */
    compareRemovedOf(h, report, which, removed, deleted) {
        for (const address of new Set([...removed, ...deleted])) {
            if (removed.includes(address) === deleted.includes(address) || !this.tally.about(address))
                continue;
            this.tally.mismatch(report, { height: h, account: address, line: `${which}/record_removed`, expected: removed.includes(address) ? 'deleted' : 'kept', recorded: deleted.includes(address) ? 'deleted' : 'kept' });
        }
    }
    /** Every recorded node-tokens and app-stake version of height h against the shadow's own. */
    checkVersions(h, report) {
        for (const [which, cursor] of [['node', this.nodeRows], ['app', this.appRows]]) {
            for (const row of cursor.upTo(h)) {
                if (!this.tally.about(row.address))
                    continue;
                const mine = this.own(which, row.address);
                const recorded = BigInt(row.deleted) === 1n ? undefined : BigInt(row.amount);
                if (mine !== recorded && !(recorded === undefined && mine === undefined)) {
                    this.tally.mismatch(report, { height: h, account: row.address, line: `${which}/${which === 'node' ? 'tokens' : 'staked'}`, expected: mine === undefined ? '(none)' : String(mine), recorded: recorded === undefined ? '(deleted)' : String(recorded) });
                }
            }
        }
    }
    own(which, address) {
        return which === 'node' ? this.shadow.nodes.get(address)?.tokens : this.shadow.apps.get(address)?.stake;
    }
}
//# sourceMappingURL=stake-checks.js.map