import { AppendRows, bool, defineProjector, jsonText } from '../projector.js';
import { positions, REWARD_LINE_COLUMNS, REWARD_LINES } from '../tables.js';
const R = positions(REWARD_LINE_COLUMNS);
function planRow(height, eventIndex, kind, servicer, planJson) {
    const row = REWARD_LINE_COLUMNS.map(() => null);
    row[R.height] = height;
    row[R.event_index] = eventIndex;
    row[R.kind] = kind;
    row[R.servicer] = servicer;
    row[R.plan_json] = planJson;
    return row;
}
function line(base, lineIndex, role, address, amount) {
    const row = base.slice();
    row[R.line_index] = lineIndex;
    row[R.role] = role;
    row[R.address] = address;
    row[R.amount_upokt] = amount;
    return row;
}
function relayLines(rows, { height, index, event }) {
    const plan = event.plan;
    const base = planRow(height, index, 'relay', plan.servicer, jsonText(plan));
    base[R.claim_key] = event.key;
    base[R.chain] = plan.chain;
    base[R.relays] = plan.relays;
    base[R.multiplier_upokt_per_relay] = plan.multiplierUpoktPerRelay;
    base[R.multiplier_source] = plan.multiplierSource;
    base[R.stake_upokt] = plan.stakeUpokt;
    base[R.floored_stake_upokt] = plan.flooredStakeUpokt;
    base[R.stake_bin] = plan.bin;
    base[R.weight] = plan.weight;
    base[R.pip22_applied] = bool(plan.pip22Applied);
    base[R.dao_allocation_percent] = plan.daoAllocationPercent;
    base[R.proposer_allocation_percent] = plan.proposerAllocationPercent;
    base[R.minted_upokt] = plan.mintedUpokt;
    plan.lines.forEach((l, lineIndex) => rows.add(line(base, lineIndex, l.role, l.address, l.amountUpokt)));
}
function blockLines(rows, { height, index, event }) {
    const base = planRow(height, index, 'block', event.proposer, jsonText(event));
    let lineIndex = 0;
    rows.add(line(base, lineIndex++, 'burn', null, event.burnedUpokt));
    rows.add(line(base, lineIndex++, 'dao', null, event.daoUpokt));
    for (const share of event.shares)
        rows.add(line(base, lineIndex++, `proposer_${share.role}`, share.address, share.amountUpokt));
    rows.add(line(base, lineIndex, 'retained', null, event.retainedUpokt));
}
export const rewardLinesProjector = defineProjector(() => {
    const rows = new AppendRows(REWARD_LINES);
    return {
        name: 'reward_lines',
        tables: [REWARD_LINES],
        handlers: {
            RelaysRewarded: (e) => relayLines(rows, e),
            BlockRewardDistributed: (e) => blockLines(rows, e),
        },
        flush: (sink) => rows.flush(sink),
    };
});
//# sourceMappingURL=reward-lines.js.map