import { HttpError } from './http-error.js';
import { queryRoute } from './route.js';
import * as S from './schemas.js';
const LEDGER_DEFAULT_PER_PAGE = 100;
const intOf = (value) => (typeof value === 'number' ? value : 0);
const text = (value) => (value === null ? null : value.toString());
const lowerOrUndefined = (value) => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined);
function pageOf(body) {
    return { page: intOf(body['page']) || 1, perPage: intOf(body['per_page']) || LEDGER_DEFAULT_PER_PAGE };
}
function rangeOf(body, ctx) {
    const to = body['to_height'] === undefined ? ctx.at(body['height']) : ctx.at(body['to_height'], 'to_height');
    const from = intOf(body['from_height']);
    if (from > to)
        throw new HttpError(400, 'invalid_range', `from_height ${from} is above to_height ${to}`, { field: 'from_height' });
    return { fromHeight: from, toHeight: to };
}
function answer(ctx, request, found, of) {
    ctx.total = found.total;
    return { result: found.items.map(of), page: request.page, per_page: request.perPage, total: found.total, total_pages: Math.max(1, Math.ceil(found.total / request.perPage)), height: ctx.asOf };
}
const rewardJson = (r) => ({
    height: r.height, event_index: r.eventIndex, line_index: r.lineIndex, kind: r.kind, role: r.role, address: r.address, amount: r.amountUpokt.toString(),
    servicer: r.servicer, claim_key: r.claimKey, chain: r.chain, relays: text(r.relays), multiplier_upokt_per_relay: text(r.multiplierUpoktPerRelay),
    multiplier_source: r.multiplierSource, stake: text(r.stakeUpokt), floored_stake: text(r.flooredStakeUpokt), stake_bin: text(r.stakeBin), weight: r.weight,
    pip22_applied: r.pip22Applied, dao_allocation_percent: text(r.daoAllocationPercent), proposer_allocation_percent: text(r.proposerAllocationPercent),
    minted: text(r.mintedUpokt), plan: JSON.parse(r.planJson),
});
const rapJson = (r) => ({ height: r.height, event_index: r.eventIndex, address: r.address, kind: r.kind, reason: r.reason, amount: text(r.amountUpokt), tx_hash: r.txHash, details: JSON.parse(r.detailsJson) });
const claimJson = (c) => ({
    claim_key: c.claimKey, submitted_height: c.submittedHeight, servicer: c.servicer, app_public_key: c.appPublicKey, chain: c.chain, session_height: c.sessionHeight,
    total_proofs: c.totalProofs.toString(), evidence_type: c.evidenceType, expiration_height: c.expirationHeight, submitted_tx: c.submittedTx, status: c.status, settled_height: c.settledHeight, reason: c.reason,
});
const supplyJson = (s) => ({
    height: s.height, total: s.totalUpokt.toString(), node_staked: s.nodeStakedUpokt.toString(), app_staked: s.appStakedUpokt.toString(), dao: s.daoUpokt.toString(),
    fee_collector: s.feeCollectorUpokt.toString(), minted: s.mintedUpokt.toString(), burned: s.burnedUpokt.toString(),
});
const range = { from_height: S.height, to_height: { ...S.height, description: 'default: height (the latest)' }, height: S.height, page: S.page, per_page: S.perPage };
const item = { type: 'object', additionalProperties: true };
const tags = ['ledger'];
export function registerLedgerRoutes(app, store) {
    queryRoute(app, store, '/v1/query/rewards', { summary: 'reward lines with their plan inputs', tags, body: S.body({ node: S.address, address: S.address, chain: S.chain, ...range }), response: S.ledgerPage(item) }, async (body, ctx) => {
        const request = pageOf(body);
        const chain = typeof body['chain'] === 'string' ? body['chain'].toUpperCase() : undefined;
        const filter = { ...rangeOf(body, ctx), ...defined({ node: lowerOrUndefined(body['node']), address: lowerOrUndefined(body['address']), chain }) };
        return answer(ctx, request, await store.rewardLines(filter, request), rewardJson);
    });
    queryRoute(app, store, '/v1/query/rapsheet', { summary: "a node's (or every) slash, jail, unjail, force unstake and replay burn", tags, body: S.body({ address: S.address, ...range }), response: S.ledgerPage(item) }, async (body, ctx) => {
        const request = pageOf(body);
        return answer(ctx, request, await store.rapSheet(lowerOrUndefined(body['address']), rangeOf(body, ctx), request), rapJson);
    });
    const statuses = { type: 'string', enum: ['submitted', 'proven', 'expired', 'replay_burned'] };
    queryRoute(app, store, '/v1/query/claims', { summary: 'claims with their lifecycle', tags, body: S.body({ address: S.address, status: statuses, ...range }), response: S.ledgerPage(item) }, async (body, ctx) => {
        const request = pageOf(body);
        const filter = { ...rangeOf(body, ctx), ...defined({ servicer: lowerOrUndefined(body['address']), status: body['status'] }) };
        return answer(ctx, request, await store.claimLifecycle(filter, ctx.asOf, request), claimJson);
    });
    queryRoute(app, store, '/v1/query/supplyhistory', { summary: 'every pool after each block, with its mint and burn', tags, body: S.body(range), response: S.ledgerPage(item) }, async (body, ctx) => {
        const request = pageOf(body);
        return answer(ctx, request, await store.supplyHistory(rangeOf(body, ctx), request), supplyJson);
    });
}
function defined(entries) {
    return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined));
}
//# sourceMappingURL=ledger-routes.js.map