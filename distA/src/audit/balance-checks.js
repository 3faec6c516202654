import { MODULE } from './independent/shadow.js';
export class BalanceChecks {
    bank;
    tally;
    genesisHeight;
    balances = new Map();
    rows;
    constructor(recorded, bank, tally, genesisHeight) {
        this.bank = bank;
        this.tally = tally;
        this.genesisHeight = genesisHeight;
        this.rows = recorded.versionRows('balances');
    }
    /** Apply the recorded rows of height h, then check h (see `check`). */
    advanceAndCheck(h, report) {
        this.check(h, this.advance(h), report);
    }
    /** Apply the recorded balance version rows up to height h; the accounts they name. */
    advance(h) {
        const named = new Set();
        for (const { address, amount } of this.rows.upTo(h)) {
            this.balances.set(address, BigInt(amount));
            named.add(address);
        }
        return named;
    }
    /**
     * Every account the shadow bank changed at h, and every balance row recorded at h, against
     * each other (at genesis: every account); and each debit the shadow could not make.
     */
    check(h, recordedAt, report) {
        const accounts = h === this.genesisHeight ? new Set([...this.bank.addresses(), ...this.balances.keys()]) : new Set([...this.bank.takeTouched(), ...recordedAt]);
        if (h === this.genesisHeight)
            this.bank.takeTouched();
        for (const address of accounts) {
            if (!this.tally.about(address))
                continue;
            if (report)
                this.tally.balanceChecks++;
            const own = this.bank.balance(address);
            const recorded = this.balances.get(address) ?? 0n;
            if (own !== recorded)
                this.tally.mismatch(report, { height: h, account: address, line: `balance${moduleSuffix(address)}`, expected: String(own), recorded: String(recorded) });
        }
        this.checkOverdrafts(h, report);
    }
    checkOverdrafts(h, report) {
        for (const o of this.bank.takeOverdrafts()) {
            if (this.tally.about(o.address))
                this.tally.mismatch(report, { height: h, account: o.address, line: 'balance/overdraft', expected: `a debit of ${o.amount} covered`, recorded: `balance ${o.balance}` });
        }
    }
}
/** `(name)` for a module account's address, so a mismatch line says which module; '' otherwise. */
export function moduleSuffix(address) {
    const name = Object.entries(MODULE).find(([, a]) => a === address)?.[0];
    return name === undefined ? '' : `(${name})`;
}
//# sourceMappingURL=balance-checks.js.map