/** Differences in table, then key order; at most `limit` of them (the count is returned too). */
export function diffStates(left, right, limit = 200) {
    const entries = [];
    let count = 0;
    for (const table of left.store.tables()) {
        const other = right.store.table(table.name);
        if (other === undefined)
            continue; // same build on both sides: the table sets are equal
        const keys = [...new Set([...table.unorderedKeys(), ...other.unorderedKeys()])].sort();
        for (const key of keys) {
            const a = table.get(key);
            const b = other.get(key);
            const encodedA = a === undefined ? null : table.spec.encode(a);
            const encodedB = b === undefined ? null : other.spec.encode(b);
            if (encodedA === encodedB)
                continue;
            count++;
            if (entries.length < limit)
                entries.push({ table: table.name, key, left: encodedA, right: encodedB });
        }
    }
    return { count, entries };
}
//# sourceMappingURL=state-diff.js.map