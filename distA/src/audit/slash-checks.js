const NONE = 'none';
/** The rap rows the shadow derives itself, as lines. */
function recordedSide(rap) {
    const out = [];
    for (const r of rap) {
        if (r.kind === 'slashed')
            out.push({ address: r.address, line: `slash/${r.reason ?? ''}`, amount: r.amount ?? 0n });
        else if (r.kind === 'jailed' && (r.reason ?? '').startsWith('downtime'))
            out.push({ address: r.address, line: 'jail/downtime', amount: null });
        else if (r.kind === 'force_unstake' && r.reason === 'max_jailed_blocks')
            out.push({ address: r.address, line: 'force_unstake/max_jailed_blocks', amount: null });
    }
    return out;
}
function keyed(sides) {
    const out = new Map();
    const seen = new Map();
    for (const side of sides) {
        const base = `${side.line}|${side.address}`;
        const n = seen.get(base) ?? 0;
        seen.set(base, n + 1);
        out.set(`${base}#${n}`, side);
    }
    return out;
}
function shown(side) {
    if (side.line.startsWith('slash/'))
        return String(side.amount);
    return side.line.startsWith('jail/') ? 'jailed' : 'queued';
}
/** Every difference between the derived and the recorded slashing outcomes of height h (in scope: `about`). */
export function compareSlashing(h, derived, rap, about) {
    const own = keyed(derived.filter((d) => about(d.address)));
    const recorded = keyed(recordedSide(rap).filter((r) => about(r.address)));
    const mismatches = [];
    const presence = (line) => (line.startsWith('force_unstake/') ? line : `${line}:derived`);
    for (const [key, mine] of own) {
        const theirs = recorded.get(key);
        if (theirs === undefined)
            mismatches.push({ height: h, account: mine.address, line: presence(mine.line), expected: shown(mine), recorded: NONE });
        else if (mine.amount !== theirs.amount)
            mismatches.push({ height: h, account: mine.address, line: mine.line, expected: String(mine.amount), recorded: String(theirs.amount) });
    }
    for (const [key, theirs] of recorded) {
        if (!own.has(key))
            mismatches.push({ height: h, account: theirs.address, line: presence(theirs.line), expected: NONE, recorded: shown(theirs) });
    }
    return mismatches;
}
//# sourceMappingURL=slash-checks.js.map