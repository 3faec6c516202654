import { amountOf, amountOrNull } from './amounts.js';
import { num, numOrNull } from './chain-queries.js';
const big = (value) => (value === null ? null : value);
export const rewardOf = (row) => ({
    height: num(row.height),
    eventIndex: num(row.event_index),
    lineIndex: num(row.line_index),
    kind: row.kind,
    role: row.role,
    address: row.address,
    amountUpokt: amountOf(row.amount_upokt),
    servicer: row.servicer,
    claimKey: row.claim_key,
    chain: row.chain,
    relays: big(row.relays),
    multiplierUpoktPerRelay: amountOrNull(row.multiplier_upokt_per_relay),
    multiplierSource: row.multiplier_source,
    stakeUpokt: amountOrNull(row.stake_upokt),
    flooredStakeUpokt: amountOrNull(row.floored_stake_upokt),
    stakeBin: big(row.stake_bin),
    weight: row.weight,
    pip22Applied: row.pip22_applied === null ? null : row.pip22_applied === 1n,
    daoAllocationPercent: big(row.dao_allocation_percent),
    proposerAllocationPercent: big(row.proposer_allocation_percent),
    mintedUpokt: amountOrNull(row.minted_upokt),
    planJson: row.plan_json,
});
export const rapOf = (row) => ({
    height: num(row.height),
    eventIndex: num(row.event_index),
    address: row.address,
    kind: row.kind,
    reason: row.reason,
    amountUpokt: amountOrNull(row.amount_upokt),
    txHash: row.tx_hash,
    detailsJson: row.details_json,
});
/** A claim row as of `asOf`: a settlement after it is not visible yet. */
export function claimOf(row, asOf) {
    const settled = numOrNull(row.settled_height);
    const visible = settled !== null && settled <= asOf;
    return {
        claimKey: row.claim_key,
        submittedHeight: num(row.submitted_height),
        servicer: row.servicer,
        appPublicKey: row.app_public_key,
        chain: row.chain,
        sessionHeight: num(row.session_height),
        totalProofs: row.total_proofs,
        evidenceType: num(row.evidence_type),
        expirationHeight: num(row.expiration_height),
        submittedTx: row.submitted_tx,
        status: visible ? row.status : 'submitted',
        settledHeight: visible ? settled : null,
        reason: visible ? row.reason : null,
    };
}
export const supplyOf = (row) => ({
    height: num(row.height),
    totalUpokt: amountOf(row.total_upokt),
    nodeStakedUpokt: amountOf(row.node_staked_upokt),
    appStakedUpokt: amountOf(row.app_staked_upokt),
    daoUpokt: amountOf(row.dao_upokt),
    feeCollectorUpokt: amountOf(row.fee_collector_upokt),
    mintedUpokt: amountOf(row.minted_upokt),
    burnedUpokt: amountOf(row.burned_upokt),
});
const RANGE = 'height >= @from AND height <= @to';
const REWARD_WHERE = `${RANGE} AND (@node IS NULL OR servicer = @node) AND (@address IS NULL OR address = @address) AND (@chain IS NULL OR chain = @chain)`;
const RAP_WHERE = `${RANGE} AND (@address IS NULL OR address = @address)`;
// Status as of @asOf: 'submitted' also covers rows settled after @asOf.
const CLAIM_WHERE = `submitted_height >= @from AND submitted_height <= @to AND (@servicer IS NULL OR servicer = @servicer)
  AND (@status IS NULL OR (CASE WHEN settled_height IS NOT NULL AND settled_height <= @asOf THEN status ELSE 'submitted' END) = @status)`;
const PAGE = 'LIMIT @limit OFFSET @offset';
export class LogQueries {
    s;
    constructor(db) {
        const prepare = (sql) => db.prepare(sql);
        this.s = {
            rewards: prepare(`SELECT * FROM reward_lines WHERE ${REWARD_WHERE} ORDER BY height, event_index, line_index ${PAGE}`),
            rewardCount: prepare(`SELECT count(*) AS n FROM reward_lines WHERE ${REWARD_WHERE}`),
            rap: prepare(`SELECT * FROM rap_sheet WHERE ${RAP_WHERE} ORDER BY height, event_index ${PAGE}`),
            rapCount: prepare(`SELECT count(*) AS n FROM rap_sheet WHERE ${RAP_WHERE}`),
            claims: prepare(`SELECT * FROM claims WHERE ${CLAIM_WHERE} ORDER BY submitted_height, claim_key ${PAGE}`),
            claimCount: prepare(`SELECT count(*) AS n FROM claims WHERE ${CLAIM_WHERE}`),
            supply: prepare(`SELECT * FROM supply WHERE ${RANGE} ORDER BY height ${PAGE}`),
            supplyCount: prepare(`SELECT count(*) AS n FROM supply WHERE ${RANGE}`),
        };
    }
    rewardLines(filter, page) {
        const params = { from: filter.fromHeight, to: filter.toHeight, node: filter.node ?? null, address: filter.address ?? null, chain: filter.chain ?? null };
        return this.page(this.s.rewards, this.s.rewardCount, params, page, rewardOf);
    }
    rapSheet(address, range, page) {
        return this.page(this.s.rap, this.s.rapCount, { from: range.fromHeight, to: range.toHeight, address: address ?? null }, page, rapOf);
    }
    claimLifecycle(filter, asOf, page) {
        const params = { from: filter.fromHeight, to: filter.toHeight, servicer: filter.servicer ?? null, status: filter.status ?? null, asOf };
        return this.page(this.s.claims, this.s.claimCount, params, page, (row) => claimOf(row, asOf));
    }
    supplyHistory(range, page) {
        return this.page(this.s.supply, this.s.supplyCount, { from: range.fromHeight, to: range.toHeight }, page, supplyOf);
    }
    page(list, count, params, page, of) {
        const items = list.all({ ...params, limit: page.perPage, offset: (page.page - 1) * page.perPage }).map(of);
        return { items, total: num(count.get(params).n) };
    }
}
//# sourceMappingURL=log-queries.js.map