import { MODULE } from './independent/shadow.js';
const MAX_POINTS = 2_000;
export class AuditSeries {
    heights = [];
    total = [];
    minted = [];
    burned = [];
    jails = [];
    earners = new Map();
    chains = new Map();
    add(height, pools, expected, rap, _supply) {
        this.heights.push(height);
        this.total.push(String(pools.total));
        this.minted.push(String(pools.minted));
        this.burned.push(String(pools.burned));
        this.jails.push(rap.filter((r) => r.kind === 'jailed').length);
        for (const line of expected) {
            if ((line.kind !== 'relay' && line.kind !== 'block') || line.address === null || line.address === MODULE.fee_collector)
                continue;
            this.earners.set(line.address, (this.earners.get(line.address) ?? 0n) + line.amount);
            const chain = line.inputs?.['chain'];
            if (typeof chain === 'string')
                this.chains.set(chain, (this.chains.get(chain) ?? 0n) + line.amount);
        }
    }
    toJson() {
        // Above MAX_POINTS blocks, each point is a bucket of `step` blocks: its last height and
        // supply, and the sums of its mint, burn and jailings (nothing is dropped from the totals).
        const step = Math.max(1, Math.ceil(this.heights.length / MAX_POINTS));
        const buckets = Array.from({ length: Math.ceil(this.heights.length / step) }, (_, b) => [b * step, Math.min((b + 1) * step, this.heights.length)]);
        const last = (values) => buckets.map(([, end]) => values[end - 1]);
        const sum = (values) => buckets.map(([start, end]) => String(values.slice(start, end).reduce((total, v) => total + BigInt(v), 0n)));
        const sorted = (m) => [...m].sort(([a, x], [b, y]) => (x === y ? (a < b ? -1 : 1) : x > y ? -1 : 1));
        return {
            heights: last(this.heights),
            total: last(this.total),
            minted: sum(this.minted),
            burned: sum(this.burned),
            jails: sum(this.jails.map(String)).map(Number),
            top_earners: sorted(this.earners).slice(0, 20).map(([address, v]) => ({ address, upokt: String(v) })),
            rewards_by_chain: sorted(this.chains).map(([chain, v]) => ({ chain, upokt: String(v) })),
        };
    }
}
//# sourceMappingURL=series.js.map