/**
 * What pocket-core's users asked for and never got (issue 12 item 4), over block ranges:
 *
 *   /v1/query/rewards        {node?, address?, chain?, from_height?, to_height?, page, per_page}
 *                            every reward line with its plan's inputs (relays, RTTM and source,
 *                            stake, floored stake, bin, weight, allocation percents, minted)
 *   /v1/query/rapsheet       {address?, from_height?, to_height?, page, per_page}
 *                            slashes, jails, unjails, force unstakes, replay burns, with reasons
 *   /v1/query/claims         {address?, status?, from_height?, to_height?, height?, page, per_page}
 *                            claims submitted in the range with their lifecycle as of `height`
 *   /v1/query/supplyhistory  {from_height?, to_height?, page, per_page}   every pool per block
 *   /v1/query/paramhistory   {key?, from_height?, to_height?, height?, page, per_page}
 *                            every parameter value set in the range (genesis values at 0), with
 *                            the value it replaced: governance's changes, by height then key
 *   /v1/query/actor          {address, height?} → {address, height, module, node, app}: what the
 *                            address is at that height — a module account's name, its validator,
 *                            its application, each null when it is not one. pocket-core's
 *                            node/app routes answer 400 for "not a node"; a client asking "is it
 *                            one?" (the explorer's account page, a node's history before its stake)
 *                            needs an answer, not an error.
 *   /v1/query/hash           {hash, height?} → {hash, height, tx: {height, index}, block: {height}}:
 *                            what a 64-hex names at that height, each null when it names no such
 *                            thing. pocket-core finds blocks only by height and answers 400 for an
 *                            unknown tx; a search box needs "neither" as an answer (a browser logs
 *                            every 400 as an error).
 *
 * The range defaults to [0, height] where height is the request's (0/absent = latest); a range
 * reaching past it is refused. Answer: {result, page, per_page, total, total_pages, height}; money
 * as decimal strings; page 0/absent = 1, per_page 0/absent = 100, at most 1,000.
 */
import type { FastifyInstance } from 'fastify';
import type { ClaimLifecycleRecord, HeightRange, PageRequest, ParamChangeRecord, RapSheetRecord, ReadStore, RewardLineRecord, SupplyRecord } from '../projection/read-store.js';
import { addressOfPublicKeyHex } from '../crypto/address.js';
import { moduleNameOf } from '../modules/auth/index.js';
import { HttpError } from './http-error.js';
import { queryRoute, type Body, type QueryContext } from './route.js';
import * as S from './schemas.js';

const LEDGER_DEFAULT_PER_PAGE = 100;
const intOf = (value: unknown): number => (typeof value === 'number' ? value : 0);
const text = (value: bigint | null): string | null => (value === null ? null : value.toString());
const lowerOrUndefined = (value: unknown): string | undefined => (typeof value === 'string' && value !== '' ? value.toLowerCase() : undefined);

function pageOf(body: Body): PageRequest {
  return { page: intOf(body['page']) || 1, perPage: intOf(body['per_page']) || LEDGER_DEFAULT_PER_PAGE };
}

/**
 * The block range [from_height, to_height] of a request, inside [0, height]: `height` (0/absent =
 * latest) is what the answer is as of — a claim's lifecycle as it stood then — and to_height
 * (0/absent = height) may not pass it. Example: {to_height: 10, height: 30} = claims submitted in
 * blocks 0–10 with their status as of 30; {to_height: 10, height: 5} is refused.
 */
function rangeOf(body: Body, ctx: QueryContext): HeightRange {
  const asOf = ctx.at(body['height']);
  const requestedTo = intOf(body['to_height']);
  if (requestedTo > ctx.latest) throw new HttpError(400, 'height_in_future', `to_height ${requestedTo} is past the latest projected block (${ctx.latest})`, { field: 'to_height', latest: ctx.latest });
  if (requestedTo > asOf) throw new HttpError(400, 'invalid_range', `to_height ${requestedTo} is past height ${asOf}, the height the answer is as of`, { field: 'to_height' });
  const to = requestedTo === 0 ? asOf : requestedTo;
  const from = intOf(body['from_height']);
  if (from > to) throw new HttpError(400, 'invalid_range', `from_height ${from} is above to_height ${to}`, { field: 'from_height' });
  return { fromHeight: from, toHeight: to };
}

function answer<T>(ctx: QueryContext, request: PageRequest, found: { items: readonly T[]; total: number }, of: (item: T) => unknown): unknown {
  ctx.total = found.total;
  return { result: found.items.map(of), page: request.page, per_page: request.perPage, total: found.total, total_pages: Math.max(1, Math.ceil(found.total / request.perPage)), height: ctx.asOf };
}

const rewardJson = (r: RewardLineRecord): unknown => ({
  height: r.height, event_index: r.eventIndex, line_index: r.lineIndex, kind: r.kind, role: r.role, address: r.address, amount: r.amountUpokt.toString(),
  servicer: r.servicer, claim_key: r.claimKey, chain: r.chain, relays: text(r.relays), multiplier_upokt_per_relay: text(r.multiplierUpoktPerRelay),
  multiplier_source: r.multiplierSource, stake: text(r.stakeUpokt), floored_stake: text(r.flooredStakeUpokt), stake_bin: text(r.stakeBin), weight: r.weight,
  pip22_applied: r.pip22Applied, dao_allocation_percent: text(r.daoAllocationPercent), proposer_allocation_percent: text(r.proposerAllocationPercent),
  minted: text(r.mintedUpokt), plan: JSON.parse(r.planJson) as unknown,
});
const rapJson = (r: RapSheetRecord): unknown => ({ height: r.height, event_index: r.eventIndex, address: r.address, kind: r.kind, reason: r.reason, amount: text(r.amountUpokt), tx_hash: r.txHash, details: JSON.parse(r.detailsJson) as unknown });
const claimJson = (c: ClaimLifecycleRecord): unknown => ({
  // app_address (ours): the app's address for a link or a lookup — clients on an insecure origin have no SHA-256.
  claim_key: c.claimKey, submitted_height: c.submittedHeight, servicer: c.servicer, app_public_key: c.appPublicKey, app_address: addressOfPublicKeyHex(c.appPublicKey) ?? null, chain: c.chain, session_height: c.sessionHeight,
  total_proofs: c.totalProofs.toString(), evidence_type: c.evidenceType, expiration_height: c.expirationHeight, submitted_tx: c.submittedTx, status: c.status, settled_height: c.settledHeight, reason: c.reason,
});
const paramChangeJson = (p: ParamChangeRecord): unknown => ({ height: p.height, param_key: p.paramKey, param_value: p.value, previous_value: p.previous });
const supplyJson = (s: SupplyRecord): unknown => ({
  height: s.height, total: s.totalUpokt.toString(), node_staked: s.nodeStakedUpokt.toString(), app_staked: s.appStakedUpokt.toString(), dao: s.daoUpokt.toString(),
  fee_collector: s.feeCollectorUpokt.toString(), minted: s.mintedUpokt.toString(), burned: s.burnedUpokt.toString(),
});

const range = { from_height: S.height, to_height: { ...S.height, description: 'default: height (the latest)' }, height: S.height, page: S.page, per_page: S.perPage };
const item = { type: 'object', additionalProperties: true };
const tags = ['ledger'];

export function registerLedgerRoutes(app: FastifyInstance, store: ReadStore): void {
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
    const filter = { ...rangeOf(body, ctx), ...defined({ servicer: lowerOrUndefined(body['address']), status: body['status'] as string | undefined }) };
    return answer(ctx, request, await store.claimLifecycle(filter, ctx.asOf, request), claimJson);
  });
  queryRoute(app, store, '/v1/query/actor', { summary: 'what an address is at a height: module account, node, application (null when not)', tags, body: S.body({ address: S.address, height: S.height }, ['address']), response: S.actorAnswer }, async (body, ctx) => {
    const address = (body['address'] as string).toLowerCase();
    const at = ctx.at(body['height']);
    const [node, application] = await Promise.all([store.node(address, at), store.app(address, at)]);
    return { address, height: at, module: moduleNameOf(address) ?? null, node: node ?? null, app: application ?? null };
  });
  queryRoute(app, store, '/v1/query/hash', { summary: 'what a 64-hex hash names at a height: a tx, a block (null when not)', tags, body: S.body({ hash: S.anyHash, height: S.height }, ['hash']), response: S.hashAnswer }, async (body, ctx) => {
    // Tx hashes are stored upper case (pocket-core's HexBytes), block hashes lower case (ours).
    const hash = body['hash'] as string;
    const at = ctx.at(body['height']);
    const [tx, blockHeight] = await Promise.all([store.tx(hash.toUpperCase(), at), store.blockHeightOf(hash.toLowerCase(), at)]);
    return { hash: hash.toUpperCase(), height: at, tx: tx === undefined ? null : { height: tx.height, index: tx.index }, block: blockHeight === undefined ? null : { height: blockHeight } };
  });
  queryRoute(app, store, '/v1/query/supplyhistory', { summary: 'every pool after each block, with its mint and burn', tags, body: S.body(range), response: S.ledgerPage(item) }, async (body, ctx) => {
    const request = pageOf(body);
    return answer(ctx, request, await store.supplyHistory(rangeOf(body, ctx), request), supplyJson);
  });
  const paramKey = { type: 'string', minLength: 1, maxLength: 128, description: 'a parameter key as allparams names it, e.g. pos/StakeMinimum' };
  queryRoute(app, store, '/v1/query/paramhistory', { summary: 'every parameter value set in the range (genesis values at 0), with the value it replaced', tags, body: S.body({ key: paramKey, ...range }), response: S.ledgerPage(item) }, async (body, ctx) => {
    const request = pageOf(body);
    return answer(ctx, request, await store.paramHistory(body['key'] as string | undefined, rangeOf(body, ctx), request), paramChangeJson);
  });
}

function defined<T extends Record<string, unknown>>(entries: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(entries).filter(([, value]) => value !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}
