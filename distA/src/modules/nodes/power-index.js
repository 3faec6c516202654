import { consensusPower } from './state.js';
import { compareByPowerThenAddress } from './validator-set.js';
export class ValidatorPowerIndex {
    ranked = [];
    powerByAddress = new Map();
    changes = 0;
    memo;
    constructor(validators) {
        for (const validator of validators.unorderedValues())
            this.update(validator.address, validator);
        validators.onChange((key, _previous, next) => this.update(key, next));
    }
    /** How many validators have power > 0. */
    get size() {
        return this.ranked.length;
    }
    /** Bumped on every change of any validator's power (membership included). */
    get changeCount() {
        return this.changes;
    }
    powerOf(address) {
        return this.powerByAddress.get(address) ?? 0n;
    }
    /**
     * The first `limit` validators of the ranking (the validator set for MaxValidators = limit).
     * The same array is returned while nothing changed, so callers may compare by identity.
     * DEV_NOTE: the array is frozen; it is shared with the stored validator set.
     */
    top(limit) {
        const memo = this.memo;
        if (memo !== undefined && memo.changes === this.changes && memo.limit === limit)
            return memo.members;
        const count = limit < BigInt(this.ranked.length) ? Number(limit < 0n ? 0n : limit) : this.ranked.length;
        const members = Object.freeze(this.ranked.slice(0, count));
        this.memo = { changes: this.changes, limit, members };
        return members;
    }
    /** The whole ranking (read-only view; do not keep across blocks). */
    all() {
        return this.ranked;
    }
    update(address, next) {
        const before = this.powerByAddress.get(address) ?? 0n;
        const after = next === undefined ? 0n : consensusPower(next);
        if (before === after)
            return;
        if (before > 0n) {
            this.ranked.splice(this.position({ address, power: before }), 1);
            this.powerByAddress.delete(address);
        }
        if (after > 0n) {
            const member = Object.freeze({ address, power: after });
            this.ranked.splice(this.position(member), 0, member);
            this.powerByAddress.set(address, after);
        }
        this.changes++;
    }
    /** Index of `member` in the ranking, or where it would be inserted (binary search). */
    position(member) {
        let low = 0;
        let high = this.ranked.length;
        while (low < high) {
            const middle = (low + high) >> 1;
            if (compareByPowerThenAddress(this.ranked[middle], member) < 0)
                low = middle + 1;
            else
                high = middle;
        }
        return low;
    }
}
//# sourceMappingURL=power-index.js.map