import { StakeStatus } from '../nodes/index.js';
const EMPTY = Object.freeze([]);
/** The chains whose index holds this validator: each listed chain once (file header). */
function memberChains(validator) {
    return validator !== undefined && validator.status === StakeStatus.Staked ? distinctChains(validator.chains) : EMPTY;
}
/** `chains` without repeats, first occurrence order; the same array when it has none (the usual case, ≤ 15 entries). */
function distinctChains(chains) {
    for (let i = 1; i < chains.length; i++) {
        if (chains.lastIndexOf(chains[i], i - 1) !== -1)
            return [...new Set(chains)];
    }
    return chains;
}
/** Merge sorted `base` minus `removed` with the sorted `added` (both disjoint from each other). */
function mergeSorted(base, removed, added) {
    const out = [];
    let j = 0;
    for (const address of base) {
        if (removed.has(address))
            continue;
        while (j < added.length && added[j] < address)
            out.push(added[j++]);
        out.push(address);
    }
    while (j < added.length)
        out.push(added[j++]);
    return out;
}
export class SessionCandidates {
    validators;
    built = false;
    live = new Map();
    /** chain → address → is it a member now (last change wins). */
    pending = new Map();
    memo = new Map();
    constructor(validators) {
        this.validators = validators;
        validators.onChange((key, previous, next) => this.onValidatorChange(key, previous, next));
    }
    onValidatorChange(address, previous, next) {
        if (!this.built)
            return;
        const before = memberChains(previous);
        const after = memberChains(next);
        for (const chain of before)
            if (!after.includes(chain))
                this.mark(chain, address, false);
        for (const chain of after)
            if (!before.includes(chain))
                this.mark(chain, address, true);
    }
    mark(chain, address, member) {
        let changes = this.pending.get(chain);
        if (changes === undefined) {
            changes = new Map();
            this.pending.set(chain, changes);
        }
        changes.set(address, member);
    }
    build() {
        const lists = new Map();
        for (const validator of this.validators.unorderedValues()) {
            for (const chain of memberChains(validator)) {
                let list = lists.get(chain);
                if (list === undefined)
                    lists.set(chain, (list = []));
                list.push(validator.address);
            }
        }
        for (const [chain, list] of lists)
            this.live.set(chain, list.sort());
        this.built = true;
    }
    flush(chain) {
        const changes = this.pending.get(chain);
        if (changes === undefined)
            return;
        this.pending.delete(chain);
        const base = this.live.get(chain) ?? EMPTY;
        const present = new Set(base);
        const removed = new Set();
        const added = [];
        for (const [address, member] of changes) {
            if (member && !present.has(address))
                added.push(address);
            if (!member && present.has(address))
                removed.add(address);
        }
        if (removed.size === 0 && added.length === 0)
            return;
        const merged = mergeSorted(base, removed, added.sort());
        if (merged.length === 0)
            this.live.delete(chain);
        else
            this.live.set(chain, Object.freeze(merged));
    }
    /** The chain index NOW (live state, including uncommitted writes). */
    current(chain) {
        if (!this.built)
            this.build();
        this.flush(chain);
        return this.live.get(chain) ?? EMPTY;
    }
    /** Every chain with at least one indexed validator now, sorted. */
    currentChains() {
        if (!this.built)
            this.build();
        for (const chain of [...this.pending.keys()])
            this.flush(chain);
        return [...this.live.keys()].sort();
    }
    /**
     * Record the lists as of the block just committed (call right after commitBlock(height), before
     * the next block changes anything). The chain calls this for session-start heights.
     */
    captureCommitted(height) {
        const snapshot = new Map();
        for (const chain of this.currentChains())
            snapshot.set(chain, this.live.get(chain));
        this.memo.set(height, snapshot);
    }
    /** The chain index as committed at the end of block `sessionHeight` (memo, else history). */
    at(chain, sessionHeight) {
        let lists = this.memo.get(sessionHeight);
        if (lists === undefined) {
            lists = this.fromHistory(sessionHeight);
            this.memo.set(sessionHeight, lists);
        }
        return lists.get(chain) ?? EMPTY;
    }
    /** Rebuild every chain's list at `height` from the validator table's committed versions. */
    fromHistory(height) {
        const lists = new Map();
        for (const address of this.validators.versions.keys()) {
            for (const chain of memberChains(this.validators.getAt(address, height))) {
                let list = lists.get(chain);
                if (list === undefined)
                    lists.set(chain, (list = []));
                list.push(address);
            }
        }
        for (const list of lists.values())
            list.sort();
        return lists;
    }
    /** Drop memos of session heights below `height` (they can no longer be read). */
    forgetBefore(height) {
        for (const sessionHeight of [...this.memo.keys()])
            if (sessionHeight < height)
                this.memo.delete(sessionHeight);
    }
    /** Memo size (tests, diagnostics). */
    memoizedHeights() {
        return [...this.memo.keys()].sort((a, b) => a - b);
    }
}
//# sourceMappingURL=session-candidates.js.map