import { moduleSuffix } from './balance-checks.js';
import { readSnapshotValues } from './snapshots.js';
export class SnapshotChecks {
    files;
    shadow;
    bank;
    tally;
    /** `files`: height → snapshot file (empty when snapshots are not checked). */
    constructor(files, shadow, bank, tally) {
        this.files = files;
        this.shadow = shadow;
        this.bank = bank;
        this.tally = tally;
    }
    check(h, report) {
        const file = this.files.get(h);
        if (file === undefined || !report)
            return;
        this.tally.snapshotsChecked++;
        const values = readSnapshotValues(file, h);
        for (const address of new Set([...values.balances.keys(), ...this.bank.addresses()])) {
            if (!this.tally.about(address))
                continue;
            const held = values.balances.get(address) ?? 0n;
            const audited = this.bank.balance(address);
            if (held !== audited)
                this.tally.mismatch(true, { height: h, account: address, line: `snapshot/balance${moduleSuffix(address)}`, expected: String(audited), recorded: String(held) });
        }
        this.checkSigningInfos(h, values.signingInfos);
        const total = this.shadow.pools.total;
        if (values.total !== total)
            this.tally.supplyFailure(true, h, 'snapshot/total_supply', String(total), String(values.total));
    }
    checkSigningInfos(h, held) {
        const signing = this.shadow.signing;
        for (const address of [...new Set([...held.keys(), ...signing.addresses()])].sort()) {
            if (!this.tally.about(address))
                continue;
            const expected = signingText(signing.get(address));
            const recorded = signingText(held.get(address));
            if (expected !== recorded)
                this.tally.mismatch(true, { height: h, account: address, line: 'snapshot/signing_info', expected, recorded });
        }
    }
}
/** One line for a mismatch report: every field, in the snapshot's order. */
export function signingText(info) {
    if (info === undefined)
        return 'none';
    return `start=${info.startHeight} index=${info.index} jailed_until=${info.jailedUntilNs ?? 'zero'} missed=${info.missed} jailed_blocks=${info.jailedBlocks}`;
}
//# sourceMappingURL=snapshot-checks.js.map