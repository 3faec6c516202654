/**
 * The audit's shadow bank: every account's liquid uPOKT (module accounts included), kept from
 * the genesis file and the money moves the shadow ledger derives from the block log — fees,
 * sends, stakes and their returns, rewards, block-reward shares, burns, DAO transfers. Never
 * read from the ledger's state or projection; the audit compares it with every recorded
 * balance row. It remembers which accounts changed in the current block for that comparison.
 */
export class ShadowBank {
    balances = new Map();
    touched = new Set();
    /** Σ of every balance, kept as credits and debits happen (compared with the audit's own total supply). */
    sum = 0n;
    /** Moves the shadow could not make (a debit below zero): each one is reported by the audit. */
    overdrafts = [];
    balance(address) {
        return this.balances.get(address) ?? 0n;
    }
    /** Whether the account exists (genesis gave it a row, or it was credited since). */
    has(address) {
        return this.balances.has(address);
    }
    /** Addresses known to the bank, in no particular order. */
    addresses() {
        return this.balances.keys();
    }
    credit(address, amount) {
        this.balances.set(address, this.balance(address) + amount);
        this.sum += amount;
        this.touched.add(address);
    }
    /** A debit the shadow believes covered; below zero it is refused and remembered as an overdraft. */
    debit(address, amount) {
        const balance = this.balance(address);
        if (amount > balance) {
            this.overdrafts.push({ address, balance, amount });
            return;
        }
        this.balances.set(address, balance - amount);
        this.sum -= amount;
        this.touched.add(address);
    }
    move(from, to, amount) {
        if (amount === 0n)
            return;
        this.debit(from, amount);
        this.credit(to, amount);
    }
    /** The accounts changed since the last call (the block's), and forget them. */
    takeTouched() {
        const touched = this.touched;
        this.touched = new Set();
        return touched;
    }
    takeOverdrafts() {
        const out = this.overdrafts;
        this.overdrafts = [];
        return out;
    }
}
//# sourceMappingURL=bank.js.map