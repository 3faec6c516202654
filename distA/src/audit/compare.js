function keyed(items, describe) {
    const out = new Map();
    const seen = new Map();
    for (const item of items) {
        const d = describe(item);
        const base = `${d.line}|${d.account ?? ''}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        out.set(`${base}#${n}`, { ...d, key: `${base}#${n}` });
    }
    return out;
}
const NONE = '(no line)';
export function compareLines(height, expected, recordedLines, rap) {
    const own = keyed(expected, (e) => ({ account: e.address ?? e.subject, line: `${e.kind}/${e.role}`, amount: e.amount, inputs: e.inputs }));
    const rows = [
        ...recordedLines.map((r) => ({ account: r.address ?? r.servicer, line: `${r.kind}/${r.role}`, amount: r.amount, recorded: r })),
        ...rap.filter((r) => r.kind === 'slashed' || r.kind === 'replay_burned').map((r) => ({
            account: r.address,
            line: r.kind === 'slashed' ? `slash/${r.reason ?? ''}` : 'replay_burn/replay_attack',
            amount: r.amount ?? 0n,
        })),
    ];
    const recorded = keyed(rows, (r) => r);
    const mismatches = [];
    const checkedInputs = new Set();
    for (const [key, mine] of own) {
        const theirs = recorded.get(key);
        if (theirs === undefined) {
            // A zero line the ledger does not write (e.g. burn 0 with FeeBurnPercentage 0) is no mismatch.
            if (mine.amount !== 0n || !isZeroLineRole(mine.line))
                mismatches.push({ height, account: mine.account, line: mine.line, expected: String(mine.amount), recorded: NONE });
            continue;
        }
        if (theirs.amount !== mine.amount)
            mismatches.push({ height, account: mine.account, line: mine.line, expected: String(mine.amount), recorded: String(theirs.amount) });
        if (mine.inputs !== undefined && theirs.recorded !== undefined && !checkedInputs.has(theirs.recorded.eventIndex)) {
            checkedInputs.add(theirs.recorded.eventIndex);
            mismatches.push(...compareInputs(height, theirs.recorded, mine.inputs));
        }
    }
    for (const [key, theirs] of recorded) {
        if (!own.has(key) && !(theirs.amount === 0n && isZeroLineRole(theirs.line)))
            mismatches.push({ height, account: theirs.account, line: theirs.line, expected: NONE, recorded: String(theirs.amount) });
    }
    return mismatches;
}
function isZeroLineRole(line) {
    return line === 'block/burn' || line === 'block/retained' || line === 'block/dao';
}
function compareInputs(height, row, inputs) {
    const pairs = [
        ['relays', inputs['relays'], row.relays],
        ['multiplier_upokt_per_relay', inputs['multiplier'], row.multiplier],
        ['multiplier_source', inputs['multiplier_source'], row.multiplierSource],
        ['stake_upokt', inputs['stake'], row.stake],
        ['floored_stake_upokt', inputs['floored_stake'], row.flooredStake],
        ['stake_bin', inputs['bin'], row.bin],
        ['weight', inputs['weight'], row.weight],
        ['minted_upokt', inputs['minted'], row.minted],
    ];
    return pairs
        .filter(([, mine, theirs]) => String(mine) !== String(theirs))
        .map(([field, mine, theirs]) => ({ height, account: row.servicer, line: `relay/input:${field}`, expected: String(mine), recorded: String(theirs) }));
}
//# sourceMappingURL=compare.js.map